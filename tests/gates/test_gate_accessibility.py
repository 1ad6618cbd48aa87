"""Gate: zero axe-core WCAG 2.1 A/AA violations and a working keyboard on one page of every
template, in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.support.a11y import check_keyboard, format_violations, run_axe
from tests.support.htmlscan import SiteIndex
from tests.support.sampling import sample_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def a11y_page(browser) -> Iterator[object]:
    # bypass_csp: axe is injected as an inline script, which a strict CSP would rightly block.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def test_no_axe_violations(a11y_page, http_base: str, site_index: SiteIndex, figures: dict) -> None:
    samples = sample_pages(site_index.root, site_index)
    problems: list[str] = []
    for key, rel in samples.items():
        a11y_page.goto(http_base + rel, wait_until="load")
        problems += format_violations(f"{key} {rel}", run_axe(a11y_page))
    figures["axe (wcag2a/aa, wcag21a/aa)"] = f"{len(samples)} pages, languages: " + ", ".join(
        sorted({k.split(":")[0] for k in samples})
    )
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_every_control_reachable_and_visibly_focused(a11y_page, http_base: str, site_index: SiteIndex) -> None:
    samples = sample_pages(site_index.root, site_index)
    problems: list[str] = []
    for key, rel in samples.items():
        a11y_page.goto(http_base + rel, wait_until="load")
        problems += check_keyboard(a11y_page, f"{key} {rel}")
    assert not problems, "\n".join(problems)
