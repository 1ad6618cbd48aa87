"""`invoke murmurations-register` against a fake index on 127.0.0.1: only changed profiles are sent, removed ones
are deleted, a dry run sends nothing, an index that does not answer stops the run and nothing is lost."""

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

SITE = "https://example.org/labo"


class FakeIndex(ThreadingHTTPServer):
    """Answers like the Murmurations index (POST /v2/nodes, DELETE /v2/nodes/<id>), or with `status`."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, dict | None]] = []
        self.status = 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v2/nodes"


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, body: dict | None) -> None:
        self.server.requests.append((self.command, self.path, body))
        status = self.server.status
        if status == 200 and self.command == "POST":
            payload = {"data": {"node_id": hashlib.sha256(body["profile_url"].encode()).hexdigest()}}
        elif status == 200:
            payload = {"meta": {"message": "The Index has recorded as deleted the profile"}}
        else:
            payload = {"errors": [{"title": "Service Unavailable", "detail": "try later", "status": status}]}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._answer(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))

    def do_DELETE(self) -> None:  # noqa: N802 - http.server's name
        self._answer(None)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def index():
    server = FakeIndex()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def write_profile(site: Path, slug: str, text: str = "") -> None:
    folder = site / "murmurations"
    folder.mkdir(parents=True, exist_ok=True)
    item = {"linked_schemas": ["organizations_schema-v1.0.0"], "name": text or slug,
            "primary_url": f"{SITE}/organisations/{slug}.html"}
    (folder / f"{slug}.json").write_text(json.dumps(item), encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    folder = tmp_path / "site"
    for slug in ("alpha", "beta", "gamma"):
        write_profile(folder, slug)
    return folder


def run_task(site: Path, manifest: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    """The task as deploy.yml runs it, in a fresh process (publishconf.py read, SITEURL from the environment)."""
    env = {**os.environ, "SITEURL": SITE, "LABO_LANG": lang}
    return subprocess.run([sys.executable, "-m", "invoke", "murmurations-register", "--site", str(site),
                           "--manifest", str(manifest), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def posted(index: FakeIndex) -> list[str]:
    return [body["profile_url"] for method, _, body in index.requests if method == "POST"]


def test_first_run_sends_every_profile_then_only_the_changed_ones(index, site, tmp_path):
    manifest = tmp_path / "registered.json"
    first = run_task(site, manifest, "--index-url", index.url)
    assert first.returncode == 0, first.stderr
    assert posted(index) == [f"{SITE}/murmurations/{slug}.json" for slug in ("alpha", "beta", "gamma")]
    assert "3 profiles: 3 new or changed, 0 to remove, 0 unchanged" in first.stderr
    assert set(json.loads(manifest.read_text())[index.url]) == {f"{SITE}/murmurations/{s}.json"
                                                                for s in ("alpha", "beta", "gamma")}

    index.requests.clear()
    write_profile(site, "beta", "Beta, renamed")
    (site / "murmurations" / "gamma.json").unlink()
    second = run_task(site, manifest, "--index-url", index.url)
    assert second.returncode == 0, second.stderr
    gamma = f"{SITE}/murmurations/gamma.json"
    assert [(m, p) for m, p, _ in index.requests] == [
        ("POST", "/v2/nodes"), ("DELETE", f"/v2/nodes/{hashlib.sha256(gamma.encode()).hexdigest()}")]
    assert posted(index) == [f"{SITE}/murmurations/beta.json"]
    assert "2 profiles: 1 new or changed, 1 to remove, 1 unchanged" in second.stderr
    assert gamma not in json.loads(manifest.read_text())[index.url]

    index.requests.clear()
    third = run_task(site, manifest, "--index-url", index.url)
    assert third.returncode == 0 and index.requests == []


def test_dry_run_sends_nothing_and_keeps_the_manifest(index, site, tmp_path):
    manifest = tmp_path / "registered.json"
    result = run_task(site, manifest, "--index-url", index.url, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert index.requests == [] and not manifest.exists()
    assert f"murmurations: would send: {SITE}/murmurations/alpha.json" in result.stderr


def test_an_index_that_fails_stops_the_run_and_loses_nothing(index, site, tmp_path):
    manifest = tmp_path / "registered.json"
    index.status = 503
    failed = run_task(site, manifest, "--index-url", index.url, lang="fr")
    assert failed.returncode == 1
    assert "échec de l'envoi" in failed.stderr and "503 Service Unavailable — try later" in failed.stderr
    assert json.loads(manifest.read_text()) == {index.url: {}}
    index.status, index.requests = 200, []
    again = run_task(site, manifest, "--index-url", index.url)
    assert again.returncode == 0 and len(posted(index)) == 3


def test_gives_up_after_three_unanswered_requests(tmp_path, site):
    """Nothing listens on the port: three connection failures, then the run stops without trying the rest."""
    says = []
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{closed.server_address[1]}/v2/nodes"
    closed.server_close()
    current = registration.profiles(site, SITE) | {f"{SITE}/murmurations/delta.json": "0" * 64}
    run = registration.Registration(registration.Index(url, timeout=2), lambda key, values: says.append(key))
    assert run.run(registration.plan(current, {}), current, {}) == {}
    assert says == ["post_failed"] * 3 + ["gave_up"] and run.failures == 4


def test_off_by_default(site, tmp_path):
    result = run_task(site, tmp_path / "registered.json")
    assert result.returncode == 0
    assert result.stderr.strip() == ("murmurations: Murmurations registration is off: MURMURATIONS['index_url'] "
                                     "is empty. Nothing is sent.")


def test_profiles_built_for_another_address_are_refused(index, site, tmp_path):
    result = run_task(site, tmp_path / "m.json", "--index-url", index.url, "--site-url", "https://other.example")
    assert result.returncode == 1 and index.requests == []
    assert f"point to {SITE}, not to https://other.example" in result.stderr


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
