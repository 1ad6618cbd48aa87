"""A reader searches the BUILT shipped site opened from disk (file://), every other request aborted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
FIELD = {"fr": "Rechercher des organisations, projets, événements, services, appels d’offres et actualités",
         "en": "Search organisations, projects, events, services, tenders and news"}
KOUDOUGOU = {"fr": "Coopérative exemple des maraîchères de Koudougou",
             "en": "Koudougou Women Market Gardeners’ Example Cooperative"}


@pytest.fixture(scope="module")
def browser(chromium_instance):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)  # a busy 2-core machine
    return chromium_instance


class Reader:
    """One browser context on the built site: off-disk requests aborted and recorded, errors recorded."""

    def __init__(self, browser, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript)
        self.foreign: list[str] = []
        self.problems: list[str] = []
        self.loaded: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            self.loaded.append(url)
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def search(self, lang: str, text: str) -> None:
        field = self.page.get_by_label(FIELD[lang])
        field.fill("")
        field.press_sequentially(text, delay=15)

    def close(self) -> None:
        self.context.close()


def _search_page(site: Path, lang: str) -> str:
    return (site / ("recherche.html" if lang == "fr" else "en/recherche.html")).as_uri()


@pytest.mark.parametrize("lang, words", [
    ("fr", ("irrigation", "agroécologiques", "AGROECOLOGIQUES", "agroéco")),
    ("en", ("gardeners", "agroecological", "agroécological", "irrigat")),
])
def test_a_word_of_a_description_finds_the_organisation(browser, shipped_site: Path, lang: str, words) -> None:
    """Words of the Koudougou cooperative's description (its body), typed with and without accents."""
    from playwright.sync_api import expect

    reader = Reader(browser)
    reader.page.goto(_search_page(shipped_site, lang))
    results = reader.page.locator("[data-search-results] li")
    for typed in words:
        reader.search(lang, typed)
        expect(results.filter(has_text=KOUDOUGOU[lang])).to_have_count(1)
    first = results.filter(has_text=KOUDOUGOU[lang]).first
    expect(first.locator(".search-result-kind")).to_have_text("Organisation")
    expect(first.locator(".search-result-country")).to_have_text("Burkina Faso")
    first.get_by_role("link").click()
    expect(reader.page.locator("h1")).to_contain_text(KOUDOUGOU[lang])
    assert reader.page.url.endswith("/organisations/cooperative-exemple-maraicheres-koudougou.html")
    assert reader.foreign == [] and reader.problems == []
    reader.close()


@pytest.mark.parametrize("lang, typed, title", [
    ("fr", "cooperative", "Coopérative exemple de l’arganier d’Essaouira"),
    ("fr", "Lome", "GIE exemple de recyclage des plastiques de Lomé"),
    ("en", "coopérative", "Kisumu Example Savings and Credit Cooperative"),
    ("en", "lome", "Lomé Plastic Recycling Example Economic Interest Group"),
])
def test_accents_do_not_matter_either_way(browser, shipped_site: Path, lang: str, typed: str, title: str) -> None:
    from playwright.sync_api import expect

    reader = Reader(browser)
    reader.page.goto(_search_page(shipped_site, lang))
    reader.page.get_by_role("checkbox", name={"fr": "Organisations", "en": "Organisations"}[lang]).check()
    reader.search(lang, typed)
    expect(reader.page.locator("[data-search-results] li").filter(has_text=title)).to_have_count(1)
    expect(reader.page.locator("[data-search-results] .search-result-kind").first).to_have_text("Organisation")
    assert reader.foreign == [] and reader.problems == []
    reader.close()


def test_the_query_in_the_address_runs_and_the_status_speaks_french(browser, shipped_site: Path) -> None:
    """The header field submits recherche.html?q=…: the page runs that query when it opens."""
    from playwright.sync_api import expect

    reader = Reader(browser)
    reader.page.goto(_search_page(shipped_site, "fr") + "?q=irrigation")
    expect(reader.page.locator("[data-search-results] li").filter(has_text=KOUDOUGOU["fr"])).to_have_count(1)
    expect(reader.page.locator("[data-search-status]")).to_have_text(
        re.compile(r"^\d+ résultats?$"))
    assert reader.foreign == [] and reader.problems == []
    reader.close()


def test_the_page_stays_light_until_the_reader_searches(browser, shipped_site: Path) -> None:
    reader = Reader(browser)
    reader.page.goto(_search_page(shipped_site, "fr"))
    reader.page.wait_for_load_state("load")
    assert not any("/search/" in url or "/vendor/" in url for url in reader.loaded), reader.loaded
    reader.search("fr", "irrigation")
    reader.page.locator("[data-search-results] li").first.wait_for()
    index_files = [url for url in reader.loaded if "/search/" in url]
    assert any(url.endswith("/search/manifest.js") for url in index_files)
    total = len(list((shipped_site / "search").glob("*.js")))
    assert len(index_files) < total / 2, (len(index_files), total)
    reader.close()


def test_without_javascript_the_browse_links_lead_to_the_sections(browser, shipped_site: Path) -> None:
    from playwright.sync_api import expect

    reader = Reader(browser, javascript=False)
    reader.page.goto(_search_page(shipped_site, "en"))
    expect(reader.page.locator("form[data-labo-search]")).to_be_hidden()
    expect(reader.page.locator("[data-search-nojs]")).to_be_visible()
    browse = reader.page.get_by_role("navigation", name="Browse by type")
    browse.get_by_role("link", name="Directory").click()
    assert reader.page.url.endswith("/en/organisations/index.html")
    expect(reader.page.locator("h1")).to_have_text("Directory of organisations")
    assert reader.foreign == []
    reader.close()


def test_without_javascript_the_words_stay_in_the_address_and_the_a_z_index_lists_every_name(
        browser, shipped_site: Path) -> None:
    """Point 9: a search submitted without JavaScript lands on the search page with ?q=…; the page says where the
    words are and how to look for them in the A–Z index below it."""
    from playwright.sync_api import expect

    reader = Reader(browser, javascript=False)
    reader.page.goto(_search_page(shipped_site, "fr") + "?q=maraich%C3%A8res")
    assert reader.page.url.endswith("?q=maraich%C3%A8res"), "the words stay in the address bar"
    notice = reader.page.locator("[data-search-nojs]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("ils sont conservés dans la barre d’adresse, après « q= »")
    expect(notice).to_contain_text("Ctrl+F")
    notice.get_by_role("link", name="Aller à l’index de A à Z").click()
    index = reader.page.locator("section.az")
    expect(index.get_by_role("heading", name="Index de A à Z")).to_be_in_viewport()
    expect(index.get_by_role("heading", name="Organisations (13)")).to_be_visible()
    index.get_by_role("link", name=KOUDOUGOU["fr"]).click()
    expect(reader.page.locator("h1")).to_contain_text(KOUDOUGOU["fr"])
    assert reader.foreign == []
    reader.close()


def test_with_javascript_the_notice_goes_and_the_index_stays_and_nothing_offers_saving_from_disk(
        browser, shipped_site: Path) -> None:
    from playwright.sync_api import expect

    reader = Reader(browser)
    reader.page.goto(_search_page(shipped_site, "en"))
    expect(reader.page.locator("form[data-labo-search]")).to_be_visible()
    expect(reader.page.locator("[data-search-nojs]")).to_be_hidden()
    expect(reader.page.get_by_role("heading", name="A–Z index")).to_be_visible()
    expect(reader.page.locator("[data-save-offline]")).to_be_hidden()  # no service worker from file://
    assert reader.foreign == [] and reader.problems == []
    reader.close()
