"""What a contributor reads: every error of the run together, sorted, a count; annotations on GitHub;
the exit status of `invoke validate`."""

from __future__ import annotations

import re
import time

import pytest
from cmkit import copy_repository, fixture_content, invoke, lines, org, printed, validate, write_site

from content_model.report import annotation
from content_model.validate import Located

MANY = [
    'content/events/forum.md:5: end: 2027-03-08 is before the start (2027-03-10); fix one of them',
    'content/organisations/ired.md:4: membership.status: "membre" is not one of: member, partner, observer, '
    'applicant; did you mean "member"?',
    'content/organisations/ired.md:5: languages[0]: "français" is not an ISO 639 language code (two letters, or '
    'three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "fr"?',
    'content/organisations/yam-pukri.md:5: country: "Burkina" is not an ISO 3166 country code; did you mean "BF"?',
    'content/organisations/yam-pukri.md:6: fonded: unknown field; did you mean "founded"?',
    'content/organisations/yam-pukri.md:7: website: "www.yampukri.org" is not allowed: a link without http:// or '
    'https:// is refused; give an address starting with https://',
    'content/projects/forage.md:3: organisation: "yam-pukry" is not an organisation of content/organisations/; '
    'did you mean "yam-pukri"?',
    'content/projects/forage.md:8: funding.goal: "-1" must not be negative',
]
COUNT = "8 errors in the content; nothing was built. Fix the lines above and run the build again."
SUMMARY = re.compile(r"4 files checked in \d+\.\d\d s \(1 event, 2 organisations, 1 project\)")


def test_all_errors_of_the_run_together_sorted_then_the_count() -> None:
    out = printed(validate(fixture_content("many-errors"))).splitlines()
    assert out[:-2] == MANY
    assert out[-2] == COUNT
    assert SUMMARY.fullmatch(out[-1])


def test_sorted_by_file_then_line_number_not_as_text(tmp_path) -> None:
    # Line 10 comes after line 9 (a text sort would put "10" first).
    extra = "".join(f"acronym{i}: x\n" for i in range(6))
    report = validate(write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra=extra)}))
    numbers = [p.line for p in report.problems]
    assert numbers == [5, 6, 7, 8, 9, 10]


def test_one_error_is_singular() -> None:
    out = printed(validate(fixture_content("end-before-start"))).splitlines()
    assert out[-2] == "1 error in the content; nothing was built. Fix the lines above and run the build again."


def test_a_valid_folder_prints_only_the_summary(tmp_path) -> None:
    out = printed(validate(write_site(tmp_path / "content", {"organisations/yam-pukri.md": org()}))).splitlines()
    assert len(out) == 1 and re.fullmatch(r"1 file checked in \d+\.\d\d s \(1 organisation\)", out[0])


def test_github_actions_gets_one_annotation_per_error() -> None:
    # The field is the annotation's title; the message follows the '::'.
    out = printed(validate(fixture_content("many-errors")), github=True).splitlines()
    assert out[:8] == MANY
    assert out[8:16] == [
        "::error file=content/events/forum.md,line=5,title=end::2027-03-08 is before the start (2027-03-10); fix "
        "one of them",
        '::error file=content/organisations/ired.md,line=4,title=membership.status::"membre" is not one of: '
        'member, partner, observer, applicant; did you mean "member"?',
        '::error file=content/organisations/ired.md,line=5,title=languages[0]::"français" is not an ISO 639 '
        'language code (two letters, or three for a language that has no two-letter code, e.g. mos for Mossi); '
        'did you mean "fr"?',
        '::error file=content/organisations/yam-pukri.md,line=5,title=country::"Burkina" is not an ISO 3166 '
        'country code; did you mean "BF"?',
        '::error file=content/organisations/yam-pukri.md,line=6,title=fonded::unknown field; did you mean '
        '"founded"?',
        '::error file=content/organisations/yam-pukri.md,line=7,title=website::"www.yampukri.org" is not allowed: '
        "a link without http:// or https:// is refused; give an address starting with https://",
        '::error file=content/projects/forage.md,line=3,title=organisation::"yam-pukry" is not an organisation of '
        'content/organisations/; did you mean "yam-pukri"?',
        '::error file=content/projects/forage.md,line=8,title=funding.goal::"-1" must not be negative',
    ]
    assert out[16] == COUNT


def test_plain_runs_print_no_annotation() -> None:
    assert "::error" not in printed(validate(fixture_content("many-errors")), github=False)


@pytest.mark.parametrize(("problem", "expected"), [
    (Located("content/a,b.md", 3, "x", "100% sure\nreally"),
     "::error file=content/a%2Cb.md,line=3,title=x::100%25 sure\\nreally"),
    # A newline in a file name would start a new workflow command: it is written as a visible escape.
    (Located("content/a\n::warning::x.md", 1, "f\r", "m"),
     "::error file=content/a\\n%3A%3Awarning%3A%3Ax.md,line=1,title=f\\r::m"),
    (Located("content/a.md", 1, "", "no field: here"),
     "::error file=content/a.md,line=1,title=content::no field: here"),
    (Located("content/a.md", 2, "a:b,c", "m"), "::error file=content/a.md,line=2,title=a%3Ab%2Cc::m"),
])
def test_annotation_escapes_what_github_would_misread(problem: Located, expected: str) -> None:
    assert annotation(problem) == expected


# -- `invoke validate` on a copy of the repository ------------------------------------------------------------

@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("repo") / "site")


def test_invoke_validate_passes_on_the_shipped_content_in_seconds(repo) -> None:
    started = time.perf_counter()
    result = invoke(repo, "validate")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    assert re.search(r"\d+ files checked in \d+\.\d\d s", result.stderr)
    assert elapsed < 30, f"invoke validate took {elapsed:.1f} s"


def test_invoke_validate_exits_1_with_every_error_and_annotations_on_github(repo) -> None:
    broken = repo / "content" / "organisations" / "zz-test-cassee.md"
    broken.write_text(org("Cassée", extra="country: Burkina\nfonded: 2004\n"), encoding="utf-8")
    try:
        plain = invoke(repo, "validate")
        github = invoke(repo, "validate", env={"GITHUB_ACTIONS": "true"})
    finally:
        broken.unlink()
    expected = [
        'content/organisations/zz-test-cassee.md:5: country: "Burkina" is not an ISO 3166 country code; did you '
        'mean "BF"?',
        'content/organisations/zz-test-cassee.md:6: fonded: unknown field; did you mean "founded"?',
    ]
    for result in (plain, github):
        assert result.returncode == 1
        assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == expected
        assert "2 errors in the content" in result.stderr
    assert "::error" not in plain.stderr
    assert ('::error file=content/organisations/zz-test-cassee.md,line=5,title=country::"Burkina" is not an ISO '
            '3166 country code; did you mean "BF"?') in github.stderr.splitlines()


def test_lines_helper_matches_str_of_each_problem() -> None:
    report = validate(fixture_content("many-errors"))
    assert lines(report) == [str(p) for p in report.problems] == MANY
