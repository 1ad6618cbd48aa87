"""The two HTTP conversations of a registration: with the Murmurations index, and with the deployed site.

Standard library only (urllib), a timeout on every request. A proxy of the environment is used for the
index and the site, never for a server on this machine (the tests' fake index).
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .settings import LOOPBACK

USER_AGENT = "labo-ess-afrique-murmurations/1"


@dataclass
class Answer:
    ok: bool
    status: int  # HTTP status; 0 when there was no answer (refused, timed out)
    detail: str  # the node id, the body's SHA-256, or what went wrong


def node_id(profile_url: str) -> str:
    """The index's id of a profile: the SHA-256 of its URL, in hex."""
    return hashlib.sha256(profile_url.encode("utf-8")).hexdigest()


class _Client:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._openers: dict[bool, urllib.request.OpenerDirector] = {}

    def _open(self, request: urllib.request.Request, read) -> Answer:
        request.add_header("User-Agent", USER_AGENT)
        local = urllib.parse.urlsplit(request.full_url).hostname in LOOPBACK
        if local not in self._openers:
            self._openers[local] = urllib.request.build_opener(
                *([urllib.request.ProxyHandler({})] if local else []))
        try:
            with self._openers[local].open(request, timeout=self.timeout) as response:
                return Answer(True, response.status, read(response.read()))
        except urllib.error.HTTPError as error:
            return Answer(False, error.code, _errors(error.read()))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return Answer(False, 0, str(getattr(error, "reason", error)))


class Index(_Client):
    """The index's nodes endpoint, e.g. https://index.murmurations.network/v2/nodes (https, or http to this
    machine only: settings.py checks it)."""

    def __init__(self, url: str, timeout: float) -> None:
        super().__init__(timeout)
        self.url = url.rstrip("/")

    def post(self, profile_url: str) -> Answer:
        request = urllib.request.Request(self.url, data=json.dumps({"profile_url": profile_url}).encode(),
                                         method="POST", headers=_JSON)
        return self._open(request, _node)

    def delete(self, profile_url: str) -> Answer:
        request = urllib.request.Request(f"{self.url}/{node_id(profile_url)}", method="DELETE", headers=_JSON)
        return self._open(request, _node)


class Deployed(_Client):
    """What the site serves now: the SHA-256 of a profile's bytes, or the status that says it is gone."""

    def fetch(self, url: str) -> Answer:
        request = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
        return self._open(request, lambda body: hashlib.sha256(body).hexdigest())


_JSON = {"Content-Type": "application/json", "Accept": "application/json"}


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
        return body[:200].decode("utf-8", "replace").strip()
