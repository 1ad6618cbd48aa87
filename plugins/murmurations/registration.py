"""Tell the Murmurations index which profiles changed since the last registration, once they are online.

The index keeps no copy of a profile: it is told a profile's URL (`POST {index_url}` with
`{"profile_url": …}`), then fetches the file, validates it against its `linked_schemas` and indexes a few
fields. A node's id is the SHA-256 of its profile URL; `DELETE {index_url}/{node id}` removes it, which the
index accepts only once the URL no longer answers. Hence, after each deploy:

1. `profiles()`: the profiles of the built site, {profile URL: SHA-256 of its bytes};
2. `plan()`: against the manifest of the last registration (the same mapping, kept between runs), the URLs
   to post (new or changed bytes) and to delete (no longer built: unpublished, taken down);
3. `Registration.wait_until_deployed()`: the site must serve those bytes (or no longer serve the removed
   file) before the index is told, else it would read the old profile, or none; GitHub Pages takes a
   minute or so after the push. What is still not online after `wait` seconds is left for the next run;
4. `Registration.send()`: one request each, with a timeout; the manifest records only what the index
   accepted, so whatever failed is sent again by the next run. After `MAX_UNREACHABLE` requests in a row
   without an answer it stops: the index is down, and the rest waits for the next deploy.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .client import Deployed, Index, node_id
from .profile import FOLDER

MAX_UNREACHABLE = 3
#: Answers that say the index cannot take requests now (none, too many, its gateway): counted towards giving up.
#: Not 500: the index answers 500 to a profile URL it refuses, which says nothing of the next one.
UNREACHABLE = frozenset({0, 429, 502, 503, 504})
GONE = frozenset({404, 410})
DONE = {"post": "posted", "delete": "deleted"}  # message keys (tasks.py MESSAGES)


@dataclass
class Plan:
    post: list[str] = field(default_factory=list)  # profile URLs, new or changed
    delete: list[str] = field(default_factory=list)  # profile URLs in the manifest that are no longer built
    unchanged: int = 0


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


@dataclass
class Registration:
    """One run: the plan checked against the deployed site, then sent to the index (or only shown, `dry_run`)."""

    index: Index
    say: Callable[[str, dict], None]  # say(message key, values): the task prints it in the reader's language
    deployed: Deployed | None = None  # None: do not check the site (tests of the sending alone)
    dry_run: bool = False
    failures: int = 0
    poll: float = 10.0  # seconds between two looks at the site
    sleep: Callable[[float], None] = time.sleep

    def wait_until_deployed(self, todo: Plan, current: dict[str, str], wait: float) -> Plan:
        """The part of `todo` the site already serves: changed profiles with their new bytes, removed ones gone.
        Looks again every `poll` seconds for at most `wait` seconds; what is still missing counts as failed."""
        if self.deployed is None:
            return todo
        pending = {url: current[url] for url in todo.post} | dict.fromkeys(todo.delete)
        deadline = time.monotonic() + wait
        while True:
            for url, sha in list(pending.items()):
                answer = self.deployed.fetch(url)
                if (answer.ok and answer.detail == sha) if sha else answer.status in GONE:
                    del pending[url]
            if not pending or time.monotonic() + self.poll > deadline:
                break
            self.say("waiting", {"count": len(pending), "seconds": round(deadline - time.monotonic())})
            self.sleep(self.poll)
        for url in sorted(pending):
            self.failures += 1
            self.say("not_deployed" if pending[url] else "still_online", {"url": url})
        return Plan(post=[u for u in todo.post if u not in pending],
                    delete=[u for u in todo.delete if u not in pending], unchanged=todo.unchanged)

    def send(self, todo: Plan, current: dict[str, str], manifest: dict[str, str]) -> dict[str, str]:
        """Post and delete what `todo` lists; the manifest updated with what the index accepted."""
        updated = dict(manifest)
        unreachable = 0
        steps = [("post", url) for url in todo.post] + [("delete", url) for url in todo.delete]
        for number, (action, url) in enumerate(steps, 1):
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
                self.failures += len(steps) - number
                break
        return updated
