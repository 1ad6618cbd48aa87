"""The weekly external-link check: which addresses are tried, which are dead, and the issue it writes."""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

import pytest

from contribute import linkcheck


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        status = {"/ok": 200, "/gone": 410, "/missing": 404, "/no-head": 200, "/filtered": 403}.get(self.path, 500)
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = _answer  # noqa: N815 - http.server's method names

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_links_are_found_in_front_matter_and_body_with_their_lines(tmp_path: Path) -> None:
    (tmp_path / "organisations").mkdir()
    (tmp_path / "organisations/a.md").write_text(
        '---\nwebsite: "https://coop.bf/"\nemail: "x@coop.bf"\n---\n\nVoir [le rapport](https://coop.bf/r.pdf), '
        "<https://ripess.org>.\nSee https://coop.bf/.\nhttps://maraicheres.example.org https://x.test/a\n",
        encoding="utf-8")
    found = {link.url: link.places for link in linkcheck.external_links(tmp_path)}
    assert found == {"https://coop.bf/": ["content/organisations/a.md:2", "content/organisations/a.md:7"],
                     "https://coop.bf/r.pdf": ["content/organisations/a.md:6"],
                     "https://ripess.org": ["content/organisations/a.md:6"]}


def test_dead_doubtful_and_live_links(server: str) -> None:
    links = [linkcheck.Link(f"{server}{path}") for path in ("/ok", "/gone", "/missing", "/no-head", "/filtered")]
    links.append(linkcheck.Link(f"http://127.0.0.1:{closed_port()}/"))
    checked = {link.url.rsplit("/", 1)[1] or "closed": link for link in linkcheck.check_all(links, timeout=5)}
    assert [name for name, link in checked.items() if link.dead] == ["gone", "missing", "closed"]
    assert checked["ok"].ok and checked["no-head"].ok and checked["no-head"].status == 200
    assert not checked["filtered"].ok and not checked["filtered"].dead  # to check by hand, not dead


def test_the_issue_body_is_french_first(server: str) -> None:
    links = linkcheck.check_all([linkcheck.Link(f"{server}/missing", ["content/organisations/a.md:2"]),
                                 linkcheck.Link(f"{server}/filtered", ["content/projects/p.md:9"])], timeout=5)
    body = linkcheck.report(links, "2026-12-07")
    assert body.startswith("Vérification du 2026-12-07 : 1 lien(s) mort(s) et 1 à vérifier, sur 2 liens externes")
    assert body.index("Vérification") < body.index("Check of 2026-12-07")
    dead = body.split("### Liens morts · Dead links")[1].split("###")[0]
    assert f"| <{server}/missing> | 404 | content/organisations/a.md:2 |" in dead
    assert "/filtered" not in dead and f"| <{server}/filtered> | 403 | content/projects/p.md:9 |" in body
