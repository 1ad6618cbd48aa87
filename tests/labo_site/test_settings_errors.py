"""The site's settings are checked before anything is written, and a failed build says what to fix
without burying it under a Python traceback."""

from __future__ import annotations

import pytest
from labokit import ROOT, build

SITE = ROOT / "tests" / "directory" / "fixtures" / "site" / "content"
BROKEN = ROOT / "tests" / "content_model" / "fixtures" / "country-code" / "content"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    # Pelican logs through rich, which wraps at the terminal width: keep each message on one line.
    monkeypatch.setenv("COLUMNS", "400")


def _output(result) -> str:
    return result.stdout + result.stderr


def test_a_revenue_split_that_does_not_add_up_stops_the_build(tmp_path) -> None:
    out = tmp_path / "output"
    result = build(SITE, out, REVENUE_SPLIT={"consultant": 70, "platform": 20, "ess_fund": 20})
    assert result.returncode == 1
    assert ("labo_site: REVENUE_SPLIT parts must be non-negative and add up to 100 (they add up to 110)"
            in _output(result))
    assert not out.exists()


def test_a_revenue_split_of_decimals_adding_up_to_100_is_accepted(tmp_path) -> None:
    result = build(SITE, tmp_path / "output", REVENUE_SPLIT={"consultant": 0.1, "platform": 65.1, "ess_fund": 34.8})
    assert result.returncode == 0, _output(result)


def test_languages_must_start_with_the_default_language(tmp_path) -> None:
    out = tmp_path / "output"
    result = build(SITE, out, LANGUAGES=["en", "fr"])
    assert result.returncode == 1
    assert "labo_site: LANGUAGES must be a non-empty list whose first item is DEFAULT_LANG" in _output(result)
    assert not out.exists()


def test_a_content_error_prints_the_report_and_no_traceback(tmp_path) -> None:
    result = build(BROKEN, tmp_path / "output")
    assert result.returncode == 1
    assert "did you mean \"BF\"?" in result.stderr
    assert "Traceback" not in _output(result)

