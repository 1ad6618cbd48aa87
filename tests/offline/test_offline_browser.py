"""In Chromium: the unzipped bundle browses from disk with every network request failing; over HTTP the
service worker keeps what was read and shows the offline page for the rest; from disk it is never registered."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import zipfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest
from test_offline_worker import sw_config
from tests.support.browser import Watcher, file_base_url, serve_with
from tests.support.htmlscan import SiteIndex, is_external, load_site, resolve
from tests.support.links import check_links

from offline.bundle import write_bundle
from offline.worker import write_service_worker

pytestmark = pytest.mark.browser

EPOCH = 1795000000
HARNESS = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>sw</title></head><body><p>sw</p>'
           '<script src="theme/js/sw-register.js" data-sw="sw.js"></script></body></html>')


# -- from disk ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def unzipped(offline_site: Path, tmp_path_factory) -> Path:
    """The bundle of the built site, unzipped as a reader would."""
    where = tmp_path_factory.mktemp("bundle")
    archive = where / "site.zip"
    write_bundle(offline_site, archive, folder="labo", epoch=EPOCH, extra={"LISEZ-MOI.txt": "index.html"})
    with zipfile.ZipFile(archive) as z:
        z.extractall(where / "unzipped")
    return where / "unzipped" / "labo"


def _local_file(url: str) -> Path | None:
    parts = urlsplit(url)
    return Path(url2pathname(parts.path)) if parts.scheme == "file" else None


def _reachable(index: SiteIndex, starts: list[str]) -> set[str]:
    """The pages a reader reaches by following links from `starts` (relative paths)."""
    seen, queue = set(), deque(starts)
    while queue:
        rel = queue.popleft()
        if rel in seen or rel not in index.documents:
            continue
        seen.add(rel)
        for ref in index.documents[rel].refs:
            if ref.tag == "a" and ref.attr == "href" and not is_external(ref.url):
                target = resolve(rel, unquote(urlsplit(ref.url).path)) if urlsplit(ref.url).path else rel
                if target.endswith(".html") and target not in seen:
                    queue.append(target)
    return seen


def test_unzipped_bundle_browses_from_disk_with_the_network_off(chromium_browser, unzipped: Path,
                                                               offline_site: Path) -> None:
    """The unzipped bundle holds the built site's files, byte for byte, and its note; every link of every page
    names a file in it (checked on the files); its home pages open in Chromium from disk with every network
    request failing (no request leaves the disk, no file is missing, no script error), and a reader clicks to
    the other language and through the navigation. (One page of every template of the same files, in every
    language, loads clean from disk: tests/gates/test_gate_sampled_pages.py.)"""
    files = {p.relative_to(unzipped).as_posix(): p for p in unzipped.rglob("*") if p.is_file()}
    built = {p.relative_to(offline_site).as_posix(): p for p in offline_site.rglob("*")
             if p.is_file() and not any(part.startswith(".") for part in p.relative_to(offline_site).parts)}
    assert sorted(files) == sorted([*built, "LISEZ-MOI.txt"])
    assert [rel for rel, path in built.items() if path.read_bytes() != files[rel].read_bytes()] == []
    index = load_site(unzipped)
    broken = check_links(unzipped, index)
    reached = _reachable(index, ["index.html", "en/index.html"])
    assert len(reached) > 50, f"only {len(reached)} pages reached from the home pages"
    assert not broken, "links to missing files:\n" + "\n".join(broken[:30])

    context = chromium_browser.new_context()
    problems: list[str] = []
    where = {"page": ""}
    # Every request that is not file:// fails, and is reported (a regex route is matched inside the browser,
    # so file:// loads do not pay a round trip to Python).
    context.route(re.compile(r"^(?!file:)"), lambda route: (
        problems.append(f"{where['page']}: request to the network: {route.request.url}"),
        route.abort("internetdisconnected")))
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"{where['page']}: console: {msg.text}"))
    page.on("pageerror", lambda exc: problems.append(f"{where['page']}: uncaught exception: {exc}"))

    def failed(request) -> None:
        path = _local_file(request.url)
        if path is None:
            return
        if not path.is_file():
            problems.append(f"{where['page']}: missing file {request.url}")
        elif request.failure != "net::ERR_ABORTED":  # aborted: the test moved on before a late load (the icon)
            problems.append(f"{where['page']}: {request.url}: {request.failure}")

    page.on("requestfailed", failed)
    root = unzipped.resolve()
    try:
        for rel in ("en/index.html", "index.html"):
            where["page"] = rel
            page.goto((root / rel).as_uri(), wait_until="load")
        # The language switch and the main navigation, clicked as a reader would.
        page.click("nav.lang-switch a[hreflang=en]")
        assert page.url.endswith("/en/index.html")
        page.click("nav.main-nav a >> nth=1")
        assert page.url.endswith(".html") and page.locator("h1").count() >= 1
    finally:
        context.close()
    assert not problems, "\n".join(problems[:30])


def test_registration_does_nothing_from_disk(chromium_browser, offline_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(offline_site, tmp_path / "site")
    (site / "sw-harness.html").write_text(HARNESS, encoding="utf-8")
    context = chromium_browser.new_context()
    # Count calls to register(), should the script try (it must not on file:).
    context.add_init_script("""
        window.__registerCalls = 0;
        if (navigator.serviceWorker) {
          const original = navigator.serviceWorker.register.bind(navigator.serviceWorker);
          navigator.serviceWorker.register = (...args) => { window.__registerCalls += 1; return original(...args); };
        }""")
    watcher = Watcher(file_base_url(site))
    watcher.attach(context)
    page = context.new_page()
    try:
        watcher.current = "sw-harness.html"
        page.goto((site / "sw-harness.html").as_uri(), wait_until="load")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__registerCalls") == 0
    finally:
        context.close()
    assert not watcher.take()


# -- over HTTP ------------------------------------------------------------------------------------------------

class _Server:
    """A local server that can go 'offline': it then closes every connection without an answer."""

    def __init__(self) -> None:
        self.offline = False
        self.url = ""

    def handler(self, root: Path):
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def handle(self) -> None:
                if server.offline:
                    self.close_connection = True
                    return
                super().handle()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
                pass

        return functools.partial(Handler, directory=str(root))


@contextlib.contextmanager
def serving(root: Path) -> Iterator[_Server]:
    server = _Server()
    with serve_with(server.handler(root)) as server.url:
        yield server


def _controlled(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=15000)


def _cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def _wait_for_caches(page, condition, seconds: float = 15) -> list[str]:
    """Poll the cache names until `condition(names)` holds (the worker updates in the background)."""
    for _ in range(int(seconds * 10)):
        names = _cache_names(page)
        if condition(names):
            return names
        page.wait_for_timeout(100)
    raise AssertionError(f"caches never reached the expected state: {names}")


def test_service_worker_keeps_read_pages_and_shows_the_offline_page(chromium_browser, offline_site: Path,
                                                                    tmp_path: Path) -> None:
    site = shutil.copytree(offline_site, tmp_path / "site")
    (site / "sw-harness.html").write_text(HARNESS, encoding="utf-8")
    config = sw_config(site / "sw.js")
    context = chromium_browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        with serving(site) as server:
            _controlled(page, server.url + "sw-harness.html")
            names = _cache_names(page)
            assert any(name.endswith(f"shell-{config['version']}") for name in names), names
            shell = next(name for name in names if "shell-" in name)
            cached = page.evaluate("name => caches.open(name).then(c => c.keys()).then(k => k.map(r => r.url))", shell)
            assert sorted(url.removeprefix(server.url) for url in cached) == sorted(config["precache"])
            page.goto(server.url + "organisations/index.html", wait_until="load")
            read_title = page.title()

            server.offline = True
            page.goto(server.url + "organisations/index.html", wait_until="load")
            assert page.title() == read_title, "a page read online must stay readable offline"
            page.goto(server.url + "en/index.html", wait_until="load")
            assert page.locator("html").get_attribute("lang") == "en", "the precached English home page"
            page.goto(server.url + "pages/a-propos.html", wait_until="load")
            assert page.url == server.url + "hors-ligne.html"
            assert page.locator("h1").inner_text() == "Vous êtes hors ligne"
            assert page.evaluate("document.styleSheets.length && document.styleSheets[0].cssRules.length > 0")
            page.goto(server.url + "en/pages/a-propos.html", wait_until="load")
            assert page.url == server.url + "en/hors-ligne.html"
            assert page.locator("h1").inner_text() == "You are offline"
    finally:
        context.close()
    assert not errors


def test_a_new_build_replaces_the_caches_of_the_old_one(chromium_browser, offline_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(offline_site, tmp_path / "site")
    (site / "sw-harness.html").write_text(HARNESS, encoding="utf-8")
    old = sw_config(site / "sw.js")["version"]
    context = chromium_browser.new_context()
    page = context.new_page()
    try:
        with serving(site) as server:
            _controlled(page, server.url + "sw-harness.html")
            page.goto(server.url + "organisations/index.html", wait_until="load")
            assert any(old in name for name in _cache_names(page))
            # A new deploy: the stylesheet changed, so sw.js changes too.
            css = site / "theme" / "css" / "site.css"
            css.write_text(css.read_text(encoding="utf-8") + "\n/* new build */\n", encoding="utf-8")
            new = sw_config(write_service_worker(site, ("fr", "en"), {"precache": (), "max_entries": 300}))["version"]
            assert new != old
            page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
            names = _wait_for_caches(page, lambda names: not any(old in n for n in names))
            assert any(n.endswith(f"shell-{new}") for n in names), names
            text = page.evaluate("u => fetch(u).then(r => r.text())", server.url + "theme/css/site.css")
            assert text.endswith("/* new build */\n"), "the new stylesheet, not the cached one"
    finally:
        context.close()
