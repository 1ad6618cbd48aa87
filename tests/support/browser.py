"""Debian's Chromium driven by Playwright, a local HTTP server, and a watcher for page problems.

Never a downloaded browser: Playwright launches /usr/bin/chromium.  Every request that is not
file:// or the local test server is aborted and reported, and a host resolver rule makes sure
nothing could leave the machine even if interception missed a request.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path(os.environ.get("GATES_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Containers (CI) have a 64 MB /dev/shm; Chromium crashes tabs without this.
    "--disable-dev-shm-usage",
    # Belt and braces: no host name resolves except the loopback server.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOCAL_HOST = "127.0.0.1"


def chromium_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    return None


def launch(playwright):  # -> playwright.sync_api.Browser
    """Headless Debian Chromium with the flags the project allows."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A tab closed or sent elsewhere while a file was on its way (the browser's business, not a failure of
        the site): say nothing. Anything else is printed, as the standard server does."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_with(handler) -> Iterator[str]:
    """Answer requests with `handler` (a request handler class, or a partial of one) on 127.0.0.1 at a random port
    in a thread; yields the server's root URL, ending in '/'."""
    server = _Server((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve the files of root on 127.0.0.1 at a random port in a thread; yields the base URL ending in '/'."""
    with serve_with(functools.partial(_QuietHandler, directory=str(root))) as url:
        yield url


def is_local(url: str, base_url: str) -> bool:
    """file:// URLs, in-page pseudo URLs, and the local test server are local; nothing else is."""
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    base = urlsplit(base_url)
    return base.scheme in ("http", "https") and parts.netloc == base.netloc and parts.scheme == base.scheme


@dataclass
class Watcher:
    """Collects console errors, page errors, failed and foreign requests of one browser context, each named by the
    address its tab was opened at (`open_in`), else by `current`."""

    base_url: str
    problems: list[str] = field(default_factory=list)
    current: str = ""
    in_flight: int = 0
    opened: dict = field(default_factory=dict)  # tab -> the address it was last sent to

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        context.on("page", self._attach_page)
        for page in context.pages:
            self._attach_page(page)

    def where(self, page) -> str:
        return self.opened.get(page, self.current)

    def _page_of(self, request):
        try:
            return request.frame.page
        except Exception:  # a service worker's request has no frame  # noqa: BLE001
            return None

    def _attach_page(self, page) -> None:
        page.on("console", lambda msg: self._console(msg, page))
        page.on("pageerror", lambda exc: self.problems.append(f"{self.where(page)}: uncaught exception: {exc}"))
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", lambda request: self._request_failed(request, page))
        page.on("response", lambda response: self._response(response, page))
        page.on("dialog", lambda dialog: self._dialog(dialog, page))

    def _route(self, route) -> None:
        url = route.request.url
        if is_local(url, self.base_url):
            route.continue_()
        else:
            self.problems.append(f"{self.where(self._page_of(route.request))}: request to another host: {url}")
            route.abort("blockedbyclient")

    def _console(self, msg, page=None) -> None:
        if msg.type == "error":
            self.problems.append(f"{self.where(page)}: console error: {msg.text}")

    def _request_started(self, request) -> None:
        self.in_flight += 1

    def _request_ended(self, request) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def _request_failed(self, request, page=None) -> None:
        self._request_ended(request)
        if is_local(request.url, self.base_url):
            self.problems.append(f"{self.where(page)}: failed request {request.url}: {request.failure}")

    def _response(self, response, page=None) -> None:
        if response.status >= 400:
            self.problems.append(f"{self.where(page)}: HTTP {response.status} for {response.url}")

    def _dialog(self, dialog, page=None) -> None:
        self.problems.append(f"{self.where(page)}: a dialog opened ({dialog.type}: {dialog.message})")
        dialog.dismiss()

    def take(self) -> list[str]:
        """Problems seen so far, de-duplicated in order; the list is emptied."""
        seen = list(dict.fromkeys(self.problems))
        self.problems.clear()
        return seen


def site_url(base_url: str, rel: str) -> str:
    return base_url + rel


def file_base_url(site: Path) -> str:
    return Path(site).resolve().as_uri() + "/"


def settle(page, watcher: Watcher, quiet_ms: int = 200, timeout_ms: int = 3000) -> None:
    """Wait until no request has been in flight for quiet_ms, so late requests and errors are seen.

    Playwright's "networkidle" waits a fixed 500 ms per page; this is as thorough for what a page
    starts at load and three times faster over a whole sample.
    """
    quiet = waited = 0
    while quiet < quiet_ms and waited < timeout_ms:
        page.wait_for_timeout(25)
        waited += 25
        quiet = quiet + 25 if watcher.in_flight == 0 else 0


def open_in(page, url: str, watcher: Watcher) -> None:
    """Open url in `page` up to its load event; what the tab reports from now on is named by url."""
    watcher.current = watcher.opened[page] = url
    page.goto(url, wait_until="load")


def load(page, url: str, watcher: Watcher) -> None:
    """Open url, then let it settle."""
    open_in(page, url, watcher)
    settle(page, watcher)
