"""The 404 page at any depth, as GitHub Pages serves it: the root 404.html answers every missing address, at that
address, with no redirect. Its script finds the site root, so styles and links work however deep the address."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.browser import serve_with

from offline.generator import not_found_context

pytestmark = pytest.mark.browser

HOME = {"fr": "Retour à l’accueil", "en": "Back to the home page"}
BRAND_DARK = "rgb(94, 39, 11)"  # site.css --brand-dark: the navigation bar, styled only if site.css loaded


class _GitHubPages(http.server.SimpleHTTPRequestHandler):
    """Serves `site` under `prefix` ("/site/" for a project site); any missing address gets the root 404.html with
    status 404, at that address, as GitHub Pages does."""

    site: Path
    prefix: str

    def send_head(self):
        path = self.path.split("?")[0].split("#")[0]
        rel = path[len(self.prefix):] if path.startswith(self.prefix) else None
        target = self.site / rel if rel is not None else None
        if target is not None and (rel == "" or target.is_dir()):
            target = target / "index.html"
        if target is None or not target.is_file():
            data = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return io.BytesIO(data)
        self.path = "/" + target.relative_to(self.site).as_posix()
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def github_pages(site: Path, prefix: str) -> Iterator[str]:
    """The base URL of `site` served at `prefix` on 127.0.0.1."""
    handler = type("Handler", (_GitHubPages,), {"site": site, "prefix": prefix})
    with serve_with(functools.partial(handler, directory=str(site))) as root:
        yield root + prefix.removeprefix("/")


def _open(browser, url: str, *, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript, service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)  # the stylesheet asked for again
    return context, page, errors


def _nav_colour(page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor !== "
                         "'rgba(0, 0, 0, 0)' && getComputedStyle(document.querySelector('.main-nav')).backgroundColor")


@pytest.mark.parametrize(("prefix", "missing"), [
    ("/site/", "organisations/x/y.html"),  # a project site, deep
    ("/site/", "nope.html"),  # a project site, at the root level
    ("/", "projets/2019/archives/vieux.html"),  # a user site or a custom domain, deeper still
    ("/", "en/organisations/old-name.html"),  # under the English root: the root (French) 404 answers
])
def test_the_404_page_finds_the_site_root_from_any_address(chromium_browser, offline_site: Path, prefix: str,
                                                           missing: str) -> None:
    with github_pages(offline_site, prefix) as base:
        context, page, errors = _open(chromium_browser, base + missing)
        try:
            assert page.locator("h1").inner_text() == "Page introuvable"
            assert page.url == base + missing, "no redirect: the address the reader typed stays"
            assert _nav_colour(page) == BRAND_DARK, "the stylesheet found from the site root"
            home = page.get_by_role("link", name=HOME["fr"])
            assert home.evaluate("a => a.href") == base + "index.html"
            search = page.get_by_role("link", name="Rechercher sur le site")
            assert search.evaluate("a => a.href") == base + "recherche.html"
            english = page.locator("nav.lang-switch a[hreflang=en]")
            assert english.evaluate("a => a.href") == base + "en/404.html"
            home.click()
            page.wait_for_load_state("load")
            assert page.url == base + "index.html" and page.locator("html").get_attribute("lang") == "fr"
        finally:
            context.close()
    assert not errors


def test_at_its_own_address_and_from_disk_the_script_changes_nothing(chromium_browser, offline_site: Path) -> None:
    with github_pages(offline_site, "/site/") as base:
        for url in (base + "404.html", base + "en/404.html", (offline_site / "en" / "404.html").as_uri()):
            context, page, errors = _open(chromium_browser, url)
            try:
                assert page.evaluate("document.querySelector('base')") is None, url
                assert _nav_colour(page) == BRAND_DARK, url
                lang = "en" if "/en/" in url else "fr"
                home = page.get_by_role("link", name=HOME[lang]).evaluate("a => a.href")
                assert home == url.rsplit("/", 2 if lang == "en" else 1)[0] + ("/en" if lang == "en" else "") \
                    + "/index.html", url
            finally:
                context.close()
            assert not errors


def test_without_javascript_a_deep_404_still_reads(chromium_browser, offline_site: Path) -> None:
    """No script, so no stylesheet at that depth: the inline rules keep the page readable (skip link hidden, lists
    inline), and the title and message come first."""
    with github_pages(offline_site, "/site/") as base:
        context, page, _errors = _open(chromium_browser, base + "organisations/x/y.html", javascript=False)
        try:
            assert _nav_colour(page) != BRAND_DARK  # site.css is not reachable from there without the script
            assert page.evaluate("document.querySelector('.skip-link').getBoundingClientRect().bottom") <= 0
            assert page.locator("h1").inner_text() == "Page introuvable"
            assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
        finally:
            context.close()


def test_not_found_context_from_the_settings() -> None:
    relative = not_found_context({"SITEURL": "", "LANGUAGES": ("fr", "en"), "THEME_STATIC_DIR": "theme"})
    assert relative["root_url"] == relative["root_path"] == ""
    assert {"en", "organisations", "projets", "agenda", "theme"} <= set(relative["folders"])
    assert "fr" not in relative["folders"], "the first language is at the root"
    published = not_found_context({"SITEURL": "https://labo-ess-afrique.github.io/site", "LANGUAGES": ("fr", "en")})
    assert (published["root_url"], published["root_path"]) == ("https://labo-ess-afrique.github.io/site/", "/site/")
    assert not_found_context({"SITEURL": "https://example.org"})["root_path"] == "/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The shipped content built with an absolute SITEURL, as publishconf.py sets it."""
    from tests.conftest import build_site
    from tests.offline.conftest import plugins_with_offline

    out = tmp_path_factory.mktemp("published") / "output"
    result = build_site(Path(__file__).resolve().parents[2] / "content", out, extra={
        "SITEURL": json.dumps("https://labo-ess-afrique.github.io/site"), "PLUGINS": plugins_with_offline()})
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.slow
def test_with_an_absolute_siteurl_the_root_is_known(chromium_browser, published_site: Path) -> None:
    """publishconf.py: the root's path is known, so an address with no folder of the site in it (a preview's, a
    typo's) still finds it; without JavaScript the home link is absolute."""
    with github_pages(published_site, "/site/") as base:
        context, page, errors = _open(chromium_browser, base + "pr-preview/pr-12/ancienne/adresse.html")
        try:
            assert _nav_colour(page) == BRAND_DARK
            assert page.get_by_role("link", name=HOME["fr"]).evaluate("a => a.href") == base + "index.html"
        finally:
            context.close()
        assert not errors
        context, page, _errors = _open(chromium_browser, base + "organisations/x/y.html", javascript=False)
        try:
            assert page.get_by_role("link", name=HOME["fr"]).get_attribute("href") == \
                "https://labo-ess-afrique.github.io/site/index.html"
        finally:
            context.close()
