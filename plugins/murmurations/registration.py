"""Tell the Murmurations index which profiles changed since the last registration, once they are online.

The index keeps no copy of a profile: it is told a profile's URL (`POST {index_url}` with
`{"profile_url": …}`), fetches the file, validates it against its `linked_schemas` and indexes a few fields.
A node's id is the SHA-256 of its profile URL, and `DELETE {index_url}/{node id}` removes it once the URL
answers 404 (so only after the deploy that removed the file). Hence, after each deploy:

1. `profiles()`: the profiles of the built site, {profile URL: SHA-256 of its bytes};
2. `plan()`: against the manifest of the last registration (the same mapping, kept between runs), the
   URLs to post (new or changed bytes) and to delete (no longer built: unpublished, taken down);
3. `Registration.run()`: one request each, with a timeout; the manifest records only what the index
   accepted, so a failure is retried by the next run. After `MAX_UNREACHABLE` failed connections in a row
   it stops: the index is down, and the rest waits for the next deploy.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .profile import FOLDER
from .settings import LOOPBACK

MAX_UNREACHABLE = 3
#: Answers that say the index cannot take requests now (none, too many, its gateway): counted towards giving up.
#: Not 500: the index answers 500 to a profile URL it refuses, which says nothing of the next one.
UNREACHABLE = frozenset({0, 429, 502, 503, 504})
USER_AGENT = "labo-ess-afrique-murmurations/1"
DONE = {"post": "posted", "delete": "deleted"}  # message keys (tasks.py MESSAGES)


@dataclass
class Plan:
    post: list[str] = field(default_factory=list)  # profile URLs, new or changed
    delete: list[str] = field(default_factory=list)  # profile URLs in the manifest that are no longer built
    unchanged: int = 0


@dataclass
class Answer:
    ok: bool
    status: int  # HTTP status; 0 when the index could not be reached
    detail: str  # node id, or what went wrong


def node_id(profile_url: str) -> str:
    """The index's id of a profile: the SHA-256 of its URL, in hex."""
    return hashlib.sha256(profile_url.encode("utf-8")).hexdigest()


def profiles(site: Path, site_url: str) -> dict[str, str]:
    """{profile URL: SHA-256 of the file} for every profile in the built `site`."""
    folder = Path(site) / FOLDER
    return {f"{site_url.rstrip('/')}/{FOLDER}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.glob("*.json"))}


def built_for(site: Path) -> set[str]:
    """The site URLs the built profiles point to (their `primary_url` up to `/organisations/`)."""
    found = set()
    for path in sorted((Path(site) / FOLDER).glob("*.json")):
        url = json.loads(path.read_bytes()).get("primary_url", "")
        found.add(url.rsplit("/organisations/", 1)[0])
    return found


def load_manifest(path: Path, index_url: str) -> dict[str, str]:
    """What the last registration with `index_url` left, {profile URL: SHA-256}; empty when there was none.
    The file keeps one such mapping per index, so that moving from the test index to the production one
    registers every profile with the latter."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    mapping = data.get(index_url, {}) if isinstance(data, dict) else None
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise ValueError(f"{path} is not a manifest of Murmurations registrations ({{index URL: {{profile URL: "
                         "SHA-256}}}})")
    return mapping


def save_manifest(path: Path, index_url: str, manifest: dict[str, str]) -> None:
    """The mapping of `index_url` replaced, the others kept; written to a temporary file then renamed, so the
    manifest is the old one or the new one, never half."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    data[index_url] = dict(sorted(manifest.items()))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(dict(sorted(data.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def plan(current: dict[str, str], manifest: dict[str, str]) -> Plan:
    post = sorted(url for url, sha in current.items() if manifest.get(url) != sha)
    delete = sorted(set(manifest) - set(current))
    return Plan(post=post, delete=delete, unchanged=len(current) - len(post))


class Index:
    """The index's nodes endpoint, e.g. https://index.murmurations.network/v2/nodes."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        # A proxy of the environment is used for the index, never for a server on this machine (tests).
        local = urllib.parse.urlsplit(self.url).hostname in LOOPBACK
        self.opener = urllib.request.build_opener(*([urllib.request.ProxyHandler({})] if local else []))

    def post(self, profile_url: str) -> Answer:
        body = json.dumps({"profile_url": profile_url}).encode("utf-8")
        return self._send(urllib.request.Request(self.url, data=body, method="POST"))

    def delete(self, profile_url: str) -> Answer:
        return self._send(urllib.request.Request(f"{self.url}/{node_id(profile_url)}", method="DELETE"))

    def _send(self, request: urllib.request.Request) -> Answer:
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", USER_AGENT)
        try:
            # The URL is https, or http to this machine only (settings.py checks it).
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(True, response.status, _node(response.read()))
        except urllib.error.HTTPError as error:
            return Answer(False, error.code, _errors(error.read()))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return Answer(False, 0, str(reason))


def _node(body: bytes) -> str:
    try:
        return str(json.loads(body).get("data", {}).get("node_id", ""))
    except (ValueError, AttributeError):
        return ""


def _errors(body: bytes) -> str:
    """The index answers errors as {"errors": [{"title", "detail", "status"}]} (JSON:API)."""
    try:
        errors = json.loads(body).get("errors") or []
        return "; ".join(" — ".join(str(e[k]) for k in ("title", "detail") if e.get(k)) for e in errors)[:500]
    except (ValueError, AttributeError, TypeError):
        return body[:200].decode("utf-8", "replace")


@dataclass
class Registration:
    """One run: the plan, sent to `index` (or only shown, `dry_run`), the manifest updated with what it accepted."""

    index: Index
    say: Callable[[str, dict], None]  # say(message key, values): the task prints it in the reader's language
    dry_run: bool = False
    failures: int = 0

    def run(self, todo: Plan, current: dict[str, str], manifest: dict[str, str]) -> dict[str, str]:
        updated = dict(manifest)
        unreachable = 0
        steps = [("post", url) for url in todo.post] + [("delete", url) for url in todo.delete]
        for action, url in steps:
            if self.dry_run:
                self.say(f"would_{action}", {"url": url})
                continue
            answer = getattr(self.index, action)(url)
            if answer.ok:
                unreachable = 0
                if action == "post":
                    updated[url] = current[url]
                else:
                    updated.pop(url, None)
                self.say(DONE[action], {"url": url, "node": answer.detail or node_id(url)})
                continue
            self.failures += 1
            unreachable = unreachable + 1 if answer.status in UNREACHABLE else 0
            self.say(f"{action}_failed", {"url": url, "status": answer.status or "—", "detail": answer.detail})
            if unreachable >= MAX_UNREACHABLE:
                self.say("gave_up", {"count": unreachable})
                self.failures += len(steps) - steps.index((action, url)) - 1
                break
        return updated
