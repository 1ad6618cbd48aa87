"""The weekly check of the external links of content/ (issue 14, point 6): one issue lists the dead ones.

Every `http(s)://` address written in a content file, front matter or body, is tried once a week (HEAD, then
GET when a server refuses HEAD). An address that answers 404 or 410, or whose host does not exist or refuses
the connection, is dead; other failures (403 from a bot filter, 5xx, a timeout) are listed apart, to check by
hand, since they are often passing. Reserved example domains (RFC 2606: example.org, *.example, *.test…) are
not tried. The report is Markdown for the issue, French first, then English.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
_TRAILING = ".,;:!?*_"
_RESERVED = ("example.org", "example.com", "example.net", "localhost")
_RESERVED_TLDS = (".example", ".test", ".invalid", ".localhost")
DEAD_STATUS = (404, 410)
USER_AGENT = "Mozilla/5.0 (compatible; labo-ess-afrique-linkcheck/1.0; +weekly link check of the site's content)"


@dataclass
class Link:
    url: str
    places: list[str] = field(default_factory=list)  # "content/…:line"
    status: int = 0  # HTTP status, 0 when no answer
    error: str = ""

    @property
    def dead(self) -> bool:
        return self.status in DEAD_STATUS or self.error.startswith(("dns", "refused"))

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400 and not self.error


def _reserved(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host in _RESERVED or host.endswith(tuple("." + d for d in _RESERVED) + _RESERVED_TLDS)


def external_links(content: Path) -> list[Link]:
    """Every external address of the Markdown files under `content`, with where it is written, sorted."""
    found: dict[str, Link] = {}
    for path in sorted(content.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = f"content/{path.relative_to(content).as_posix()}"
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for match in _URL.finditer(line):
                url = match.group(0).rstrip(_TRAILING)
                if _reserved(url):
                    continue
                found.setdefault(url, Link(url)).places.append(f"{rel}:{number}")
    return [found[url] for url in sorted(found)]


def _try(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, by _URL
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def check(link: Link, timeout: float = 20.0) -> Link:
    """Try `link` (HEAD, then GET if HEAD is refused or fails); fills status and error."""
    try:
        link.status = _try(link.url, "HEAD", timeout)
        if link.status >= 400:
            link.status = _try(link.url, "GET", timeout)
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            link.error = "dns: host not found"
        elif isinstance(reason, ConnectionRefusedError):
            link.error = "refused: connection refused"
        else:
            link.error = f"error: {reason}"
    except TimeoutError:
        link.error = "timeout"
    except (OSError, ValueError) as exc:
        link.error = f"error: {exc}"
    return link


def check_all(links: list[Link], workers: int = 8, timeout: float = 20.0) -> list[Link]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda link: check(link, timeout), links))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _table(links: list[Link]) -> list[str]:
    rows = ["| Lien · Link | Réponse · Answer | Où · Where |", "|---|---|---|"]
    for link in links:
        answer = str(link.status) if link.status else link.error
        rows.append(f"| <{_cell(link.url)}> | {_cell(answer)} | {'<br>'.join(_cell(p) for p in link.places)} |")
    return rows


def report(links: list[Link], date: str) -> str:
    """The issue's body."""
    dead = [link for link in links if link.dead]
    doubtful = [link for link in links if not link.dead and not link.ok]
    lines = [f"Vérification du {date} : {len(dead)} lien(s) mort(s) et {len(doubtful)} à vérifier, sur "
             f"{len(links)} liens externes du contenu. Corrigez l'adresse dans le fichier indiqué (ou retirez-la), "
             "puis fermez cette issue ; elle est mise à jour chaque semaine.",
             "",
             f"Check of {date}: {len(dead)} dead link(s) and {len(doubtful)} to check, out of {len(links)} external "
             "links of the content. Fix the address in the file shown (or remove it), then close this issue; it is "
             "updated every week.", ""]
    if dead:
        lines += ["### Liens morts · Dead links", "", *_table(dead), ""]
    if doubtful:
        lines += ["### À vérifier à la main · To check by hand", "",
                  "Le serveur a refusé ou n'a pas répondu à temps ; le lien marche peut-être dans un navigateur. "
                  "The server refused or did not answer in time; the link may work in a browser.", "",
                  *_table(doubtful), ""]
    return "\n".join(lines)
