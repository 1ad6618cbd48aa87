"""In Chromium, on the shipped site: the printable directory prints to A4 with no organisation cut, and the language
facet filters the directory's list in place, keeping the choice in the address."""

from __future__ import annotations

import math

import pytest
from tests.support import browser as chromium
from tests.support.printing import cut_entries, is_a4, pdf_pages, printed_entries

from directory.printable import PRINT_PATH

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(shipped_site):
    with chromium.serve(shipped_site) as base:
        yield base


@pytest.fixture
def tab(chromium_instance):
    context = chromium_instance.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_printable_directory_prints_on_a4_with_no_organisation_cut(shipped_site, served, tab,
                                                                        prefix: str) -> None:
    url = served + prefix + PRINT_PATH
    tab.goto(url, wait_until="load")
    pages = pdf_pages(tab.pdf(format="A4"))
    entries = printed_entries((shipped_site / prefix / PRINT_PATH).read_text(encoding="utf-8"), url)
    assert len(entries) >= 10
    assert all(is_a4(p) for p in pages)
    # Two columns of entries of three to five lines: at least six a page, plus the title and contents.
    assert 1 <= len(pages) <= math.ceil(len(entries) / 6) + 1, len(pages)
    assert cut_entries(pages, entries) == []
    # On paper: no site header, footer, hint or navigation chrome; entries kept whole.
    tab.emulate_media(media="print")
    hidden = tab.evaluate("""() => ['.site-header', '.site-footer', '.print-hint', '.skip-link'].map(
        (s) => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 4
    assert tab.evaluate("getComputedStyle(document.querySelector('.print-orgs > li')).breakInside") == "avoid"


def test_the_language_facet_filters_the_list_in_place_and_keeps_the_choice(served, tab) -> None:
    tab.goto(served + "en/organisations/index.html", wait_until="load")
    facet = tab.locator('details[data-facet="language"]')
    facet.locator("summary").click()
    wolof = facet.locator('a[data-code="wo"]')
    expected = int(wolof.locator("xpath=following-sibling::span").inner_text().strip("()"))
    wolof.click()
    assert tab.url.endswith("organisations/index.html?langue=wo")
    shown = tab.locator("#directory-list > li:not([hidden])")
    assert shown.count() == expected >= 1
    for i in range(shown.count()):
        assert "wo" in shown.nth(i).get_attribute("data-language").split()
    assert facet.locator(".facet-current").inner_text() == "Wolof"
    tab.reload(wait_until="load")  # the address alone restores the choice
    assert tab.locator("#directory-list > li:not([hidden])").count() == expected
