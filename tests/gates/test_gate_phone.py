"""Gate: every page names an icon that exists, and every project page shows its funding block on the first screen
of a 360×740 phone. (One page of every template measured on a phone and a wide screen: test_gate_sampled_pages.py.)
"""

from __future__ import annotations

import pytest
from tests.support.htmlscan import SiteIndex
from tests.support.phone import VIEWPORTS, favicon_problems


def test_every_page_names_an_icon_that_exists(site_index: SiteIndex) -> None:
    problems = favicon_problems(site_index, [doc.rel for doc in site_index.pages])
    shown = problems[:10] + ([f"… and {len(problems) - 10} more"] if len(problems) > 10 else [])
    assert not problems, f"{len(problems)} pages without a working icon:\n" + "\n".join(shown)


@pytest.mark.browser
def test_a_funder_sees_the_funding_block_on_the_first_phone_screen(browser, http_base: str,
                                                                    site_index: SiteIndex) -> None:
    """Every project page: the one funding block (raised, goal, days left, "Support this project") ends within the
    first 740 px of a 360 px phone."""
    _name, width, height = VIEWPORTS[0]
    rels = [doc.rel for doc in site_index.pages if doc.template == "project"]
    context = browser.new_context(viewport={"width": width, "height": height})
    problems = []
    try:
        page = context.new_page()
        for rel in rels:
            page.goto(http_base + rel, wait_until="load")
            box = page.evaluate("() => { const e = document.querySelector('[aria-labelledby=funding-title]');"
                                " return e && e.getBoundingClientRect().bottom + scrollY; }")
            if box is not None and box > height:
                problems.append(f"{rel}: the funding block ends {box:.0f} px down, below the first {height} px")
    finally:
        context.close()
    assert rels and not problems, "\n".join(problems) or "no project page"
