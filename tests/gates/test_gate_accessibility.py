"""Gate: zero axe-core WCAG 2.1 A/AA violations on one page of every template in every language, and a working
keyboard on one page of every template."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.support.a11y import check_keyboard, format_violations, run_axe
from tests.support.htmlscan import SiteIndex
from tests.support.sampling import sample_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def a11y_page(browser) -> Iterator[object]:
    # bypass_csp: axe is injected as a script, which a strict CSP would rightly block. service_workers: the site's
    # worker, once it controls a page, would fetch axe itself and miss the route that serves it (see a11y.run_axe).
    context = browser.new_context(bypass_csp=True, service_workers="block")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def audits(a11y_page, http_base: str, site_index: SiteIndex) -> dict[str, tuple[list[str], list[str]]]:
    """{template key: (axe violations, keyboard problems)} of one page of every template, each page opened
    once for both checks."""
    found = {}
    walked: set[str] = set()
    for key, rel in sample_pages(site_index.root, site_index).items():
        a11y_page.goto(http_base + rel, wait_until="load")
        # The keyboard walk once per template and page shape (in the first language of the sample that has it): the
        # controls, their order and their focus styles come from the template and the stylesheet, not from the words.
        # axe, which reads the words (lang attributes, names, contrast of each text), runs on every language.
        shape = key.split(":", 1)[1]
        keyboard = [] if shape in walked else check_keyboard(a11y_page, f"{key} {rel}")
        walked.add(shape)
        found[key] = (format_violations(f"{key} {rel}", run_axe(a11y_page)), keyboard)
    return found


def test_no_axe_violations(audits, figures: dict) -> None:
    problems = [line for violations, _ in audits.values() for line in violations]
    figures["axe (wcag2a/aa, wcag21a/aa)"] = f"{len(audits)} pages, languages: " + ", ".join(
        sorted({k.split(":")[0] for k in audits})
    )
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_every_control_reachable_and_visibly_focused(audits) -> None:
    problems = [line for _, keyboard in audits.values() for line in keyboard]
    assert not problems, "\n".join(problems)
