"""In Chromium over HTTP: search keeps working offline. The service worker keeps the index files a query loaded, so
a query typed before going offline finds its results again; after "save for offline use" every word is found;
the next build's worker saves the saved index again before it takes over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_offline_browser import _cache_names, _controlled, _wait_for_caches, serving
from test_offline_worker import sw_config

from offline import settings as settings_mod
from offline.worker import write_service_worker

pytestmark = pytest.mark.browser

KOUDOUGOU = "Coopérative exemple des maraîchères de Koudougou"
ARGANIER = "Coopérative exemple de l’arganier d’Essaouira"
SAVE = {"fr": "Enregistrer pour l’utiliser hors ligne", "en": "Save for offline use"}


@pytest.fixture
def site(offline_site: Path, tmp_path: Path) -> Path:
    """A private copy of the built site (a test may change it as a new deploy would)."""
    return shutil.copytree(offline_site, tmp_path / "site")


def _search(page, text: str) -> None:
    """Type `text` and wait for the answer (the status line empty first, so an earlier answer is not taken)."""
    page.evaluate("document.querySelector('[data-search-status]').textContent = ''")
    page.fill("#search-q", text)
    page.wait_for_function("(s => s !== '' && s !== document.querySelector('form[data-labo-search]')"
                           ".getAttribute('data-msg-loading'))"
                           "(document.querySelector('[data-search-status]').textContent.trim())")


def _results(page) -> list[str]:
    return page.locator("[data-search-results] .search-result-title").all_inner_texts()


def _cached(page, kind: str) -> list[str]:
    """URLs in this build's cache of `kind` (shell, search, runtime, saved)."""
    name = next(n for n in _cache_names(page) if n.endswith(f":{kind}") or f":{kind}-" in n)
    return page.evaluate("name => caches.open(name).then(c => c.keys()).then(k => k.map(r => r.url))", name)


def _go_offline(context, server, offline: bool = True) -> None:
    context.set_offline(offline)  # navigator.onLine follows, and the worker's fetches fail too
    server.offline = offline  # belt and braces: the server closes every connection unanswered


def _save(page) -> None:
    page.get_by_role("button", name=SAVE["fr"]).click()
    page.wait_for_selector("[data-save-offline][data-state=saved]", timeout=30_000)


def _index_files(site: Path, folder: str = "search") -> list[str]:
    return sorted(p.name for p in (site / folder).glob("*.js"))


def test_search_works_offline_for_a_query_typed_before_and_for_any_word_once_saved(chromium_browser,
                                                                                    site: Path) -> None:
    context = chromium_browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        with serving(site) as server:
            _controlled(page, server.url + "recherche.html")
            # The engine is precached at install; the index files come as a query needs them.
            shell = [url.removeprefix(server.url) for url in _cached(page, "shell")]
            for engine in ("theme/js/search.js", "theme/vendor/lunr/lunr.min.js", "theme/vendor/snowball/snowball.js",
                           "search/manifest.js", "en/search/manifest.js"):
                assert engine in shell, engine
            _search(page, "irrigation")
            assert KOUDOUGOU in _results(page)
            used = [url.removeprefix(server.url) for url in _cached(page, "search")]
            assert used and all(url.startswith("search/") for url in used)
            assert len(used) < len(_index_files(site)) / 2, "only what the query loaded"
            # "Say how many bytes first": the figures of this language's index, before anything is saved.
            files = _index_files(site)
            size = page.locator("[data-save-size]").inner_text()
            assert size.startswith(f"À télécharger : {len(files)} fichiers, ") and size.endswith(" Ko au plus."), size

            _go_offline(context, server)
            page.goto(server.url + "recherche.html?q=irrigation", wait_until="load")
            page.wait_for_selector("[data-search-results] li")
            assert KOUDOUGOU in _results(page), "a query typed before going offline"
            _search(page, "arganier")
            assert page.locator("[data-search-status]").inner_text().startswith(
                "Vous êtes hors ligne, et cette partie de l’index de recherche n’est pas enregistrée"), \
                "a word never typed, before saving: said plainly"

            _go_offline(context, server, False)
            _save(page)
            assert page.locator("[data-save-status]").inner_text().startswith("Enregistré sur cet appareil")
            saved = sorted(url.removeprefix(server.url) for url in _cached(page, "search") + _cached(page, "shell")
                           if url.removeprefix(server.url).startswith("search/"))
            assert saved == [f"search/{name}" for name in files], "every file of the French index, nothing else"

            _go_offline(context, server)
            page.goto(server.url + "recherche.html", wait_until="load")
            page.wait_for_selector("[data-save-offline][data-state=saved]")
            _search(page, "arganier")
            assert ARGANIER in _results(page), "a word never typed before, found offline once saved"
            _search(page, "agroéco")
            assert KOUDOUGOU in _results(page), "a prefix, offline"

            # Saving is per language: the English index is not saved, and says what it would download.
            page.goto(server.url + "en/recherche.html", wait_until="load")
            page.wait_for_selector("[data-save-offline]:not([hidden])")
            assert page.get_by_role("button", name=SAVE["en"]).is_visible()
            assert page.locator("[data-save-size]").inner_text().startswith(
                f"To download: {len(_index_files(site, 'en/search'))} files, ")
    finally:
        context.close()
    assert not errors


def test_a_missing_index_file_is_an_error_and_an_unreachable_network_says_offline(chromium_browser,
                                                                                   site: Path) -> None:
    """The message names the cause the reader can act on. A file missing from the server: the index could not be
    loaded. A network that drops every connection while the browser still says it is online (a phone with no data
    left): "you are offline", not a broken site."""
    (site / "search" / "manifest.js").unlink()
    context = chromium_browser.new_context(service_workers="block")  # no worker: every file from the network
    page = context.new_page()
    status = page.locator("[data-search-status]")
    try:
        with serving(site) as server:
            page.goto(server.url + "recherche.html", wait_until="load")
            _search(page, "irrigation")
            assert status.inner_text().startswith("L’index de recherche n’a pas pu être chargé"), status.inner_text()
            server.offline = True
            assert page.evaluate("navigator.onLine"), "the browser still believes it is online"
            _search(page, "arganier")
            assert status.inner_text().startswith("Vous êtes hors ligne"), status.inner_text()
    finally:
        context.close()


def test_the_next_build_saves_a_saved_index_again_before_taking_over(chromium_browser, site: Path) -> None:
    from pelican.settings import read_settings

    root = Path(__file__).resolve().parents[2]
    options = settings_mod.read(read_settings(str(root / "pelicanconf.py")))
    old = sw_config(site / "sw.js")["version"]
    context = chromium_browser.new_context()
    page = context.new_page()
    try:
        with serving(site) as server:
            _controlled(page, server.url + "recherche.html")
            _save(page)
            # A new deploy changes a file of the index (as any new entry does) and so the worker.
            shard = site / "search" / "d-0.js"
            shard.write_text(shard.read_text(encoding="utf-8") + "/* new build */\n", encoding="utf-8")
            new = sw_config(write_service_worker(site, ("fr", "en"), options))["version"]
            assert new != old
            page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
            names = _wait_for_caches(page, lambda names: not any(old in n for n in names), seconds=30)
            assert any(n.endswith(f"search-{new}") for n in names), names
            saved = sorted(url.removeprefix(server.url) for url in _cached(page, "search"))
            assert saved == [f"search/{name}" for name in _index_files(site) if name != "manifest.js"]
            text = page.evaluate("u => caches.match(u).then(r => r.text())", server.url + "search/d-0.js")
            assert text.endswith("/* new build */\n"), "the new build's file, not the old one"

            _go_offline(context, server)
            page.goto(server.url + "recherche.html", wait_until="load")
            page.wait_for_selector("[data-save-offline][data-state=saved]")
            _search(page, "arganier")
            assert ARGANIER in _results(page)
    finally:
        context.close()
