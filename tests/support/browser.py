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


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve root on 127.0.0.1 at a random port in a thread; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def is_local(url: str, base_url: str) -> bool:
    """file:// URLs, in-page pseudo URLs, and the local test server are local; nothing else is."""
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    base = urlsplit(base_url)
    return base.scheme in ("http", "https") and parts.netloc == base.netloc and parts.scheme == base.scheme


@dataclass
class Watcher:
    """Collects console errors, page errors, failed and foreign requests of one browser context."""

    base_url: str
    problems: list[str] = field(default_factory=list)
    current: str = ""
    in_flight: int = 0

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        context.on("page", self._attach_page)
        for page in context.pages:
            self._attach_page(page)

    def _attach_page(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"{self.current}: uncaught exception: {exc}"))
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if is_local(url, self.base_url):
            route.continue_()
        else:
            self.problems.append(f"{self.current}: request to another host: {url}")
            route.abort("blockedbyclient")

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.problems.append(f"{self.current}: console error: {msg.text}")

    def _request_started(self, request) -> None:
        self.in_flight += 1

    def _request_ended(self, request) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def _request_failed(self, request) -> None:
        self._request_ended(request)
        if is_local(request.url, self.base_url):
            self.problems.append(f"{self.current}: failed request {request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{self.current}: HTTP {response.status} for {response.url}")

    def _dialog(self, dialog) -> None:
        self.problems.append(f"{self.current}: a dialog opened ({dialog.type}: {dialog.message})")
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


def load(page, url: str, watcher: Watcher) -> None:
    """Open url, then let it settle."""
    watcher.current = url
    page.goto(url, wait_until="load")
    settle(page, watcher)
