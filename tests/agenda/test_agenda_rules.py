"""Each rule about events, with the exact message a contributor reads (one fixture folder per failure mode)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from agenda_helpers import FIXTURES, ROOT, build_site, content_with_site_events
from tests.conftest import LANGUAGES

from content_model.validate import validate_site

F = "content/events/forum.md"
CASES = {
    "event-without-place": [
        f"{F}:1: location: say where the event takes place: give a \"location\" (venue, city, country) or an "
        "\"online\" link, or both"],
    "event-free-and-priced": [f"{F}:11: free: an event cannot be free and have a price; remove one of them"],
    "event-end-form-differs": [
        f"{F}:5: end: use the same form as \"start\": both dates, or both dates with times"],
    "event-time-without-zone": [
        f"{F}:4: start: has a time but the event has no \"timezone\"; add e.g. \"timezone: Africa/Ouagadougou\""],
    "event-registration-after-start": [
        f"{F}:11: registration.deadline: the registration deadline is after the start"],
    "event-end-before-start": [f"{F}:5: end: 2027-03-10 09:00:00 is before the start (2027-03-10 17:00:00); fix one "
                               "of them"],
    "event-unknown-zone": [f"{F}:5: timezone: \"Africa/Ouaga\" is not an IANA time zone; did you mean "
                           "\"Africa/Ouagadougou\"?"],
}


def fixture_content(name: str, tmp: Path) -> Path:
    content = tmp / "content"
    shutil.copytree(FIXTURES / name, content, ignore=shutil.ignore_patterns("README.txt"))
    shutil.copy(ROOT / "content" / "taxonomy.yml", content / "taxonomy.yml")
    return content


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_message(name, tmp_path):
    report = validate_site(fixture_content(name, tmp_path), languages=LANGUAGES, today=dt.date(2026, 11, 18),
                           shown_root="content")
    assert [str(p) for p in report.problems] == CASES[name]


def test_the_build_stops_before_writing_anything(tmp_path):
    content = fixture_content("event-without-place", tmp_path)
    output = tmp_path / "output"
    result = build_site(content, output)
    assert result.returncode != 0
    assert "events/forum.md:1: location: say where the event takes place" in result.stderr
    assert not output.exists() or not any(output.rglob("*.html"))


def test_a_bad_uid_domain_setting_is_refused(tmp_path):
    content = content_with_site_events(tmp_path)
    result = build_site(content, tmp_path / "out", extra={"CALENDAR_UID_DOMAIN": '"not a domain"'})
    assert result.returncode != 0
    said = " ".join((result.stdout + result.stderr).split())  # Pelican prints the error wrapped to the terminal
    assert "agenda: CALENDAR_UID_DOMAIN must be a domain name such as labo-ess-afrique.org (not 'not a domain')" \
        in said
    assert not (tmp_path / "out" / "index.html").exists()
