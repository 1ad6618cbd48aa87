"""A reader searches from a page opened from disk (file://) in Chromium."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import jinja2
import pytest
from search_helpers import HERE, doc

ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from search.index import build_search_index  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Recherche</title></head>
<body><main>{% include "partials/search_form.html" %}</main></body></html>
"""


def _docs() -> list[dict]:
    docs = [
        doc("femmes-karite", "organisation", "Union des femmes du karité de Léo",
            "Une coopérative de productrices qui transforme les amandes de karité en beurre."),
        doc("ruchers", "project", "Ruchers du plateau central",
            "Former trente jeunes à l'apiculture moderne et vendre le miel au marché de Ziniaré."),
        doc("forum-2026", "event", "Forum national de l'économie sociale",
            "Deux jours de débats sur le financement des organisations.", country="Sénégal"),
    ]
    for n in range(47):
        kind = ("organisation", "project", "news")[n % 3]
        docs.append(doc(f"entry-{n}", kind, f"Groupement maraîcher numéro {n}",
                        f"Production de légumes et formation des membres, saison {n}.", country="Mali"))
    return docs


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    static = ROOT / "themes/labo/static"
    for part in ("js/search.js", "vendor/lunr", "vendor/snowball"):
        source, target = static / part, root / "theme" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    build_search_index(_docs(), "fr", root / "fr" / "search", "search/")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "themes/labo/templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
    )
    env.install_null_translations(newstyle=True)
    html = env.from_string(PAGE).render(
        SITEURL="..", LANG_ROOT=".", lang="fr", page_path="recherche.html",
        NAV=[{"path": "organisations/index.html", "label": "Organisations"},
             {"path": "recherche.html", "label": "Search"}],
    )
    (root / "fr" / "recherche.html").write_text(html, encoding="utf-8")
    return root / "fr" / "recherche.html"


@pytest.fixture(scope="module")
def browser(chromium_instance):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)  # a busy 2-core CI machine
    return chromium_instance


def _open(browser, site: Path, javascript: bool = True, query: str = ""):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: problems.append(r.url) if not r.url.startswith("file://") else None)
    page.goto(site.as_uri() + query)
    return context, page, problems


def _search(page, text: str) -> None:
    field = page.get_by_label("Search organisations, projects, events, services, tenders and news")
    field.fill("")
    field.press_sequentially(text, delay=20)


def test_typing_without_accents_finds_the_accented_word(browser, site: Path) -> None:
    from playwright.sync_api import expect

    context, page, problems = _open(browser, site)
    assert page.evaluate("typeof window.lunr") == "undefined", "lunr loads only when a reader searches"
    status = page.locator("[data-search-status]")
    results = page.locator("[data-search-results] li")
    for typed in ("cooperative", "COOPÉRATIVE", "coopé"):
        _search(page, typed)
        expect(status).to_have_text("1 result")
        expect(results).to_have_count(1)
        expect(results.first.locator("a")).to_have_text("Union des femmes du karité de Léo")
        expect(results.first.locator("mark")).to_have_text("coopérative")
        expect(results.first).to_contain_text("Organisation")
        expect(results.first).to_contain_text("Burkina Faso")
    href = results.first.locator("a").get_attribute("href")
    assert href == "./organisations/femmes-karite.html"
    assert status.get_attribute("aria-live") == "polite"
    assert problems == []
    context.close()


def test_a_word_of_a_description_is_found_while_typing(browser, site: Path) -> None:
    from playwright.sync_api import expect

    context, page, problems = _open(browser, site)
    _search(page, "apicul")
    results = page.locator("[data-search-results] li")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Ruchers du plateau central")
    expect(results.first.locator(".search-result-snippet mark")).to_have_text("apiculture")
    _search(page, "formation")
    expect(page.locator("[data-search-status]")).to_have_text("47 results")
    expect(results).to_have_count(10)
    expect(page.get_by_role("checkbox", name="Projects (16)")).to_be_visible()  # count per type
    page.get_by_role("checkbox", name="Projects (16)").check()
    expect(page.locator("[data-search-status]")).to_have_text("16 results")
    expect(results.locator(".search-result-kind")).to_have_text(["Projet"] * 10)
    page.get_by_role("button", name="Show more results").click()
    expect(results.locator(".search-result-kind")).to_have_text(["Projet"] * 16)
    expect(page.get_by_role("button", name="Show more results")).to_be_hidden()
    # keyboard: Arrow Down from the field reaches the first result
    page.get_by_label("Search organisations, projects, events, services, tenders and news").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('li') !== null")
    assert problems == []
    context.close()


def test_the_query_in_the_address_is_searched_and_kept(browser, site: Path) -> None:
    from playwright.sync_api import expect

    context, page, problems = _open(browser, site, query="?q=ruchers")
    expect(page.locator("[data-search-results] li")).to_have_count(1)
    _search(page, "forum")
    expect(page.locator("[data-search-results] li").first).to_contain_text("Forum national")
    assert page.url.endswith("recherche.html?q=forum")
    assert problems == []
    context.close()


def test_without_javascript_the_page_offers_the_browse_links(browser, site: Path) -> None:
    from playwright.sync_api import expect

    context, page, _problems = _open(browser, site, javascript=False)
    expect(page.locator("form[data-labo-search]")).to_be_hidden()
    expect(page.locator("[data-search-nojs]")).to_be_visible()
    link = page.get_by_role("link", name="Organisations")
    assert link.get_attribute("href") == "./organisations/index.html"
    expect(page.get_by_role("link", name="Search")).to_have_count(0)
    context.close()
