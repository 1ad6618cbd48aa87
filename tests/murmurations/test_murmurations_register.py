"""`invoke murmurations-register` against a fake index and a fake deployed site on 127.0.0.1: only changed
profiles are sent, and only once the site serves them; removed ones are deleted once gone; a dry run sends
nothing; an index that does not answer stops the run, and nothing is lost."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.murmurations.conftest import ROOT

from murmurations import registration, settings
from murmurations.client import Deployed, Index


class FakeServer(ThreadingHTTPServer):
    """The Murmurations index (POST /v2/nodes, DELETE /v2/nodes/<id>, answering `status`) and the deployed site
    (GET /labo/…, the bytes of `served`), on one port."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, dict | None]] = []
        self.status = 200
        self.served: dict[str, bytes] = {}  # path -> bytes

    @property
    def index_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v2/nodes"

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/labo"

    def deploy(self, site: Path) -> None:
        """Serve the profiles of `site` as they are now, and nothing else."""
        self.served = {f"/labo/murmurations/{p.name}": p.read_bytes() for p in (site / "murmurations").glob("*")}

    def calls(self, *methods: str) -> list[tuple[str, str]]:
        return [(method, path) for method, path, _ in self.requests if method in methods]


class _Handler(BaseHTTPRequestHandler):
    def _send(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _answer(self, body: dict | None) -> None:
        self.server.requests.append((self.command, self.path, body))
        status = self.server.status
        if status == 200 and self.command == "POST":
            payload = {"data": {"node_id": hashlib.sha256(body["profile_url"].encode()).hexdigest()}}
        elif status == 200:
            payload = {"meta": {"message": "The Index has recorded as deleted the profile"}}
        else:
            payload = {"errors": [{"title": "Service Unavailable", "detail": "try later", "status": status}]}
        self._send(status, json.dumps(payload).encode())

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.requests.append(("GET", self.path, None))
        data = self.server.served.get(self.path)
        self._send(200 if data is not None else 404, data if data is not None else b"Not Found")

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._answer(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))

    def do_DELETE(self) -> None:  # noqa: N802 - http.server's name
        self._answer(None)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    fake = FakeServer()
    thread = threading.Thread(target=fake.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield fake
    fake.shutdown()
    fake.server_close()


def write_profile(site: Path, site_url: str, slug: str, text: str = "") -> None:
    folder = site / "murmurations"
    folder.mkdir(parents=True, exist_ok=True)
    item = {"linked_schemas": ["organizations_schema-v1.0.0"], "name": text or slug,
            "primary_url": f"{site_url}/organisations/{slug}.html"}
    (folder / f"{slug}.json").write_text(json.dumps(item), encoding="utf-8")


@pytest.fixture
def site(tmp_path, server) -> Path:
    folder = tmp_path / "site"
    for slug in ("alpha", "beta", "gamma"):
        write_profile(folder, server.site_url, slug)
    return folder


def run_task(server: FakeServer, site: Path, manifest: Path, *args: str, lang: str = "en",
             index: bool = True) -> subprocess.CompletedProcess:
    """The task as deploy.yml runs it, in a fresh process (publishconf.py read, SITEURL from the environment)."""
    env = {**os.environ, "SITEURL": server.site_url, "LABO_LANG": lang}
    cmd = [sys.executable, "-m", "invoke", "murmurations-register", "--site", str(site), "--manifest", str(manifest),
           "--wait", "0", *(["--index-url", server.index_url] if index else []), *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def profile_url(server: FakeServer, slug: str) -> str:
    return f"{server.site_url}/murmurations/{slug}.json"


def test_sends_every_profile_then_only_changes_once_they_are_deployed(server, site, tmp_path):
    manifest = tmp_path / "registered.json"
    server.deploy(site)
    first = run_task(server, site, manifest)
    assert first.returncode == 0, first.stderr
    assert [body["profile_url"] for m, _, body in server.requests if m == "POST"] == [
        profile_url(server, slug) for slug in ("alpha", "beta", "gamma")]
    assert "3 profiles: 3 new or changed, 0 to remove, 0 unchanged" in first.stderr
    assert set(json.loads(manifest.read_text())[server.index_url]) == {
        profile_url(server, slug) for slug in ("alpha", "beta", "gamma")}

    # Built, not deployed yet: the site still serves the old beta and still has gamma. Nothing is sent.
    write_profile(site, server.site_url, "beta", "Beta, renamed")
    (site / "murmurations" / "gamma.json").unlink()
    server.requests.clear()
    early = run_task(server, site, manifest)
    assert early.returncode == 1 and server.calls("POST", "DELETE") == []
    assert f"not online yet, left for the next deploy: {profile_url(server, 'beta')}" in early.stderr
    assert f"still online, removal left for the next deploy: {profile_url(server, 'gamma')}" in early.stderr

    server.deploy(site)
    server.requests.clear()
    second = run_task(server, site, manifest)
    assert second.returncode == 0, second.stderr
    gamma = profile_url(server, "gamma")
    assert server.calls("POST", "DELETE") == [
        ("POST", "/v2/nodes"), ("DELETE", f"/v2/nodes/{hashlib.sha256(gamma.encode()).hexdigest()}")]
    assert server.requests[-2][2] == {"profile_url": profile_url(server, "beta")}
    assert "2 profiles: 1 new or changed, 1 to remove, 1 unchanged" in second.stderr
    assert gamma not in json.loads(manifest.read_text())[server.index_url]

    server.requests.clear()
    third = run_task(server, site, manifest)
    assert third.returncode == 0 and server.requests == []  # nothing changed: not even the site is read


def test_waits_for_the_deploy(server, site):
    """The site serves the change only after a first look: the registration looks again, then sends."""
    says = []
    run = registration.Registration(Index(server.index_url, 5), lambda key, values: says.append(key),
                                    deployed=Deployed(5), poll=0.01, sleep=lambda seconds: server.deploy(site))
    current = registration.profiles(site, server.site_url)
    ready = run.wait_until_deployed(registration.plan(current, {}), current, wait=60)
    assert len(ready.post) == 3 and says == ["waiting"] and run.failures == 0


def test_dry_run_reads_and_sends_nothing_and_keeps_the_manifest(server, site, tmp_path):
    manifest = tmp_path / "registered.json"
    result = run_task(server, site, manifest, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert server.requests == [] and not manifest.exists()
    assert f"murmurations: would send: {profile_url(server, 'alpha')}" in result.stderr


def test_an_index_that_fails_stops_the_run_and_loses_nothing(server, site, tmp_path):
    manifest = tmp_path / "registered.json"
    server.deploy(site)
    server.status = 503
    failed = run_task(server, site, manifest, lang="fr")
    assert failed.returncode == 1
    assert "échec de l'envoi" in failed.stderr and "503 Service Unavailable — try later" in failed.stderr
    assert json.loads(manifest.read_text()) == {server.index_url: {}}
    server.status, server.requests = 200, []
    again = run_task(server, site, manifest)
    assert again.returncode == 0 and len(server.calls("POST")) == 3


def test_gives_up_after_three_unanswered_requests(site, server):
    """Nothing listens on the index's port: three failed connections, then the run stops without trying the rest."""
    says = []
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{closed.server_address[1]}/v2/nodes"
    closed.server_close()
    current = registration.profiles(site, server.site_url) | {profile_url(server, "delta"): "0" * 64}
    run = registration.Registration(Index(url, timeout=2), lambda key, values: says.append(key))
    assert run.send(registration.plan(current, {}), current, {}) == {}
    assert says == ["post_failed"] * 3 + ["gave_up"] and run.failures == 4


def test_off_by_default(server, site, tmp_path):
    result = run_task(server, site, tmp_path / "registered.json", index=False)
    assert result.returncode == 0 and server.requests == []
    assert result.stderr.strip() == ("murmurations: Murmurations registration is off: MURMURATIONS['index_url'] "
                                     "is empty. Nothing is sent.")


def test_profiles_built_for_another_address_are_refused(server, site, tmp_path):
    result = run_task(server, site, tmp_path / "m.json", "--site-url", "https://other.example")
    assert result.returncode == 1 and server.requests == []
    assert f"point to {server.site_url}, not to https://other.example" in result.stderr


def test_setting_is_checked():
    assert settings.read({})["index_url"] == ""
    with pytest.raises(settings.SettingsError) as error:
        settings.read({"MURMURATIONS": {"index_url": "http://index.murmurations.network/v2/nodes", "tag": 1,
                                        "timeout": 0}})
    assert str(error.value) == (
        "murmurations: MURMURATIONS['tag'] is not a setting; known keys: index_url, tags, timeout, manifest; "
        "murmurations: MURMURATIONS['index_url'] must be an https:// URL such as "
        "https://index.murmurations.network/v2/nodes (http:// only for 127.0.0.1), or \"\" to register nothing; "
        "murmurations: MURMURATIONS['timeout'] must be a number of seconds, more than 0 and at most 300")
