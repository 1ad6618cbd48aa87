"""Gates read from one visit of every sampled page (one page of every template, in every language) per screen
size (tests/support/sweep.py):

- on a 360×740 phone, from disk (a downloaded or USB copy): no console error, no failed request, no request to
  another host; the page never scrolls sideways, the header takes at most a fifth of the screen, the header's and
  every navigation's tap targets are at least 24×24 px;
- on a 1280×800 screen, over HTTP: the same load checks, the same measures, zero axe-core WCAG 2.1 A/AA violations
  (the colour rules on one page of every template, the others on every page), and a working keyboard (every
  control reached with Tab and visibly focused) on one page of every template.

The gates share this module so that `invoke test` (pytest-xdist, --dist loadscope) makes each visit once. With
GATES_SCREENSHOTS=DIR, each page is also photographed into DIR (first screen; the whole page with
GATES_FULL_SCREENSHOTS=1), named in the gate figures: look at them when a template changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.support import browser as chromium
from tests.support import sweep
from tests.support.htmlscan import SiteIndex
from tests.support.phone import VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def screenshots(figures: dict) -> Path | None:
    chosen = os.environ.get("GATES_SCREENSHOTS")
    if not chosen:
        return None
    folder = Path(chosen)
    folder.mkdir(parents=True, exist_ok=True)
    figures["screenshots"] = str(folder)
    return folder


@pytest.fixture(scope="module")
def phone_sweep(browser, site: Path, site_index: SiteIndex, screenshots: Path | None) -> sweep.Sweep:
    return sweep.phone(browser, chromium.file_base_url(site), site_index, screenshots)


@pytest.fixture(scope="module")
def wide_sweep(browser, http_base: str, site_index: SiteIndex, screenshots: Path | None) -> sweep.Sweep:
    return sweep.wide(browser, http_base, site_index, screenshots)


def test_one_page_of_every_template_loads_clean_from_disk(phone_sweep: sweep.Sweep) -> None:
    assert phone_sweep.visits, "no page sampled"
    assert not phone_sweep.load_problems, "\n".join(phone_sweep.load_problems)


def test_one_page_of_every_template_loads_clean_over_http(wide_sweep: sweep.Sweep, figures: dict) -> None:
    figures["browser sample"] = f"{len(wide_sweep.visits)} pages: " + ", ".join(
        f"{visit.key}={visit.rel}" for visit in wide_sweep.visits)
    assert wide_sweep.visits, "no page sampled"
    assert not wide_sweep.load_problems, "\n".join(wide_sweep.load_problems)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=[v[0] for v in VIEWPORTS])
def test_every_template_fits_the_screen(request: pytest.FixtureRequest, viewport: tuple) -> None:
    name, width, height = viewport
    visits = request.getfixturevalue(f"{name}_sweep").visits
    problems = [line for visit in visits for line in visit.measure.problems()]
    assert visits, "no page sampled"
    assert not problems, f"{len(problems)} problems at {width}×{height}:\n" + "\n".join(problems)


def test_no_axe_violations(wide_sweep: sweep.Sweep, figures: dict) -> None:
    problems = [line for visit in wide_sweep.visits for line in visit.violations]
    figures["axe (wcag2a/aa, wcag21a/aa)"] = f"{len(wide_sweep.visits)} pages, languages: " + ", ".join(
        sorted({visit.key.split(":")[0] for visit in wide_sweep.visits})
    )
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_every_control_reachable_and_visibly_focused(wide_sweep: sweep.Sweep) -> None:
    problems = [line for visit in wide_sweep.visits for line in visit.keyboard]
    assert not problems, "\n".join(problems)
