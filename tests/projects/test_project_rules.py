"""Validation rules of projects, each with its exact message (path:line: field: message)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import LANGUAGES

from content_model.validate import validate_site

TODAY = dt.date(2026, 11, 18)
FORAGE = "projects/projet-exemple-forage-solaire-koudougou.md"


def problems(content: Path) -> list[str]:
    report = validate_site(content, languages=LANGUAGES, today=TODAY, shown_root="content")
    return [str(p) for p in report.problems]


def edit(content: Path, rel: str, old: str, new: str) -> None:
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(content: Path, rel: str, start: str) -> int:
    lines = (content / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(start))


def test_the_shipped_projects_are_valid(content_copy):
    assert [p for p in problems(content_copy) if "/projects/" in p] == []


def test_a_project_seeking_funding_must_say_how_much(content_copy):
    rel = "projects/projet-exemple-centre-tri-lome.md"
    edit(content_copy, rel, "status: completed", "status: seeking_funding")
    text = (content_copy / rel).read_text(encoding="utf-8")
    start, end = text.index("funding:\n"), text.index("summary:")
    (content_copy / rel).write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(content_copy, rel, "status:")
    assert problems(content_copy) == [
        f"content/{rel}:{line}: status: a project \"seeking_funding\" needs a \"funding\" group (currency and goal); "
        "add it or change the status"]


def test_a_contribution_cannot_be_dated_after_the_build_date(content_copy):
    edit(content_copy, FORAGE, "date: 2026-09-15", "date: 2026-12-15")
    line = line_of(content_copy, FORAGE, "      date: 2026-12-15")
    assert problems(content_copy) == [
        f"content/{FORAGE}:{line}: funding.contributions[3].date: 2026-12-15 is after the build date (2026-11-18); "
        "list a contribution once it is received"]


def test_raised_must_equal_the_sum_of_the_contributions(content_copy):
    edit(content_copy, FORAGE, "raised: 4350000", "raised: 4000000")
    line = line_of(content_copy, FORAGE, "  raised:")
    assert problems(content_copy) == [
        f"content/{FORAGE}:{line}: funding.raised: 4000000 differs from the sum of the contributions (4350000); "
        "fix one of them or remove \"raised\" (it is then computed)"]


def test_raised_is_computed_from_the_contributions_when_absent(content_copy):
    edit(content_copy, FORAGE, "  raised: 4350000\n", "")
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY, shown_root="content")
    assert report.ok
    project = report.registry.get("project", "projet-exemple-forage-solaire-koudougou")
    assert project.data["funding"]["raised"] == 4350000


def test_a_contribution_is_named_or_anonymous_not_both(content_copy):
    edit(content_copy, FORAGE, "    - anonymous: true\n      amount: 350000",
         "    - anonymous: true\n      name: \"Quelqu'un\"\n      amount: 350000")
    line = line_of(content_copy, FORAGE, "    - anonymous: true")
    assert problems(content_copy) == [
        f"content/{FORAGE}:{line}: funding.contributions[1]: give either \"name\" or \"anonymous: true\", not both or "
        "neither"]


def test_the_optimum_cannot_be_below_the_minimum_goal(content_copy):
    edit(content_copy, FORAGE, "optimum: 15000000", "optimum: 10000000")
    line = line_of(content_copy, FORAGE, "  optimum:")
    assert problems(content_copy) == [
        f"content/{FORAGE}:{line}: funding.optimum: 10000000 is below the minimum goal (12000000)"]


def test_an_sdg_is_a_number_from_1_to_17(content_copy):
    edit(content_copy, FORAGE, "sdgs: [2, 5, 6, 7]", "sdgs: [2, 18]")
    line = line_of(content_copy, FORAGE, "sdgs:")
    assert problems(content_copy) == [
        f"content/{FORAGE}:{line}: sdgs[1]: \"18\" is not a Sustainable Development Goal: use a number from 1 to 17"]
