"""Gate: zero axe-core WCAG 2.1 A/AA violations on one page of every template in every language, and a working
keyboard on one page of every template (both read from the wide-screen visit of the sampled pages, conftest.py)."""

from __future__ import annotations

import pytest
from tests.support.sweep import SAMPLED_PAGES, Sweep

pytestmark = [pytest.mark.browser, SAMPLED_PAGES]


def test_no_axe_violations(wide_sweep: Sweep, figures: dict) -> None:
    problems = [line for visit in wide_sweep.visits for line in visit.violations]
    figures["axe (wcag2a/aa, wcag21a/aa)"] = f"{len(wide_sweep.visits)} pages, languages: " + ", ".join(
        sorted({visit.key.split(":")[0] for visit in wide_sweep.visits})
    )
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_every_control_reachable_and_visibly_focused(wide_sweep: Sweep) -> None:
    problems = [line for visit in wide_sweep.visits for line in visit.keyboard]
    assert not problems, "\n".join(problems)
