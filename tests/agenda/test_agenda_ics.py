"""iCalendar round trip: every .ics parses back with the times of its event's front matter.

Expected times are computed here from the front matter with zoneinfo, not with the plugin's own code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from agenda_helpers import build_site, built, content_with_site_events
from icalendar import Calendar
from tests.conftest import LANGUAGES

from content_model.validate import validate_site

BUILD_DATE = dt.date(2026, 11, 18)
DTSTAMP = dt.datetime(2026, 11, 18, 11, 6, 40, tzinfo=dt.UTC)  # SOURCE_DATE_EPOCH 1795000000
DOMAIN = "labo-ess-afrique.org"  # from CONTACT_EMAIL: the same in local and published builds


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> dict:
    content = content_with_site_events(tmp_path_factory.mktemp("agenda-content"))
    report = validate_site(content, languages=LANGUAGES, today=BUILD_DATE)
    assert report.ok, report.problems
    return {entry.slug: entry for entry in report.registry.kind("event")}


def expected_times(data: dict) -> tuple:
    """(start, end) as RFC 5545 wants them: aware datetimes in the event's zone, or dates with an exclusive end."""
    start, end = data["start"], data.get("end")
    if isinstance(start, dt.datetime):
        zone = ZoneInfo(data["timezone"])
        return start.replace(tzinfo=zone), end.replace(tzinfo=zone) if end else None
    return start, (end or start) + dt.timedelta(days=1)


def parse(path: Path) -> Calendar:
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{path}: lines must end with CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{path}: lines must be folded at 75 octets"
    return Calendar.from_ical(raw)


def only_event(calendar: Calendar):
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 1
    return vevents[0]


def same_instant(got, want) -> bool:
    if isinstance(want, dt.datetime):
        return isinstance(got, dt.datetime) and got.tzinfo is not None and got == want
    return type(got) is dt.date and got == want


def test_every_event_file_round_trips_with_its_front_matter_times(events):
    site = built()
    checked = 0
    for slug, entry in events.items():
        for prefix, lang in (("", "fr"), ("en/", "en")):
            vevent = only_event(parse(site / f"{prefix}agenda/{slug}.ics"))
            start, end = expected_times(entry.data)
            got_start = vevent.decoded("dtstart")
            assert same_instant(got_start, start), (slug, got_start, start)
            if end is None:
                assert "DTEND" not in vevent, slug  # no end in the front matter: none invented
            else:
                assert same_instant(vevent.decoded("dtend"), end), (slug, vevent.decoded("dtend"), end)
            if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
                assert vevent["DTSTART"].params.get("VALUE") == "DATE", slug
            assert str(vevent["UID"]) == f"{slug}@{DOMAIN}"
            assert vevent.decoded("dtstamp") == DTSTAMP
            assert str(vevent["SUMMARY"]) == entry.text("title", lang)[0]
            checked += 1
    assert checked == 2 * len(events) >= 24


def test_same_time_in_ouagadougou_and_nairobi_is_three_hours_apart():
    site = built()
    ouaga = only_event(parse(site / "agenda/atelier-ouaga-matin.ics")).decoded("dtstart")
    nairobi = only_event(parse(site / "agenda/atelier-nairobi-matin.ics")).decoded("dtstart")
    assert ouaga - nairobi == dt.timedelta(hours=3)
    assert nairobi.astimezone(dt.UTC) == dt.datetime(2027, 4, 14, 6, 0, tzinfo=dt.UTC)
    raw = (site / "agenda/atelier-nairobi-matin.ics").read_bytes().decode("utf-8")
    assert "DTSTART;TZID=Africa/Nairobi:20270414T090000" in raw
    assert "BEGIN:VTIMEZONE\r\nTZID:Africa/Nairobi" in raw


def test_zone_with_summer_time_carries_its_rules():
    raw = (built() / "agenda/webinaire-caire-ete.ics").read_bytes().decode("utf-8")
    assert "DTSTART;TZID=Africa/Cairo:20270708T090000" in raw
    assert "BEGIN:DAYLIGHT" in raw and "TZOFFSETTO:+0300" in raw
    vevent = only_event(Calendar.from_ical(raw))
    assert vevent.decoded("dtstart").astimezone(dt.UTC) == dt.datetime(2027, 7, 8, 6, 0, tzinfo=dt.UTC)


def test_each_zones_rules_are_icalendars_own():
    """The VTIMEZONE written is the one icalendar derives for the zone and years, byte for byte: every African
    zone (with and without summer time, with a change of offset inside the years or not) and a few others."""
    from zoneinfo import available_timezones

    from icalendar import Timezone

    from agenda.ics import vtimezone

    zones = sorted(z for z in available_timezones() if z.startswith("Africa/")) + [
        "Atlantic/Cape_Verde", "Indian/Mauritius", "Indian/Reunion", "Europe/Paris", "America/Sao_Paulo", "UTC"]
    first, last = 2024, 2029
    for tzid in zones:
        expected = Timezone.from_tzid(tzid, first_date=dt.date(first, 1, 1), last_date=dt.date(last, 1, 1))
        assert vtimezone(tzid, first, last).to_ical() == expected.to_ical(), tzid
    assert vtimezone("Africa/Atlantis", first, last) is None


def test_all_day_multi_day_event_has_an_exclusive_end():
    raw = (built() / "agenda/semaine-thies.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20270412" in raw
    assert "DTEND;VALUE=DATE:20270417" in raw  # the day after 2027-04-16
    one_day = (built() / "agenda/forum-termine-hier.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20261117" in one_day and "DTEND;VALUE=DATE:20261118" in one_day


def test_feed_has_every_upcoming_event_in_order_and_no_past_one(events):
    site = built()
    for prefix, lang in (("", "fr"), ("en/", "en")):
        calendar = parse(site / f"{prefix}agenda/agenda.ics")
        uids = [str(v["UID"]).split("@")[0] for v in calendar.walk("VEVENT")]
        assert uids[:1] == ["formation-en-cours"] and uids[-1] == "webinaire-caire-ete"
        assert uids.index("atelier-nairobi-matin") + 1 == uids.index("atelier-ouaga-matin")
        assert {"forum-termine-hier", "assises-2024", "atelier-exemple-reseaux-ess-abidjan-2025"}.isdisjoint(uids)
        assert len(uids) == 9
        summaries = {str(v["UID"]).split("@")[0]: str(v["SUMMARY"]) for v in calendar.walk("VEVENT")}
        assert summaries["atelier-ouaga-matin"] == events["atelier-ouaga-matin"].text("title", lang)[0]
        assert str(calendar["X-WR-CALNAME"]).endswith("Événements à venir" if lang == "fr" else "Upcoming events")
        assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} >= {"Africa/Nairobi", "Africa/Cairo"}


def test_event_details_reach_the_calendar_program():
    vevent = only_event(parse(built() / "agenda/forum-exemple-ess-ouagadougou-2027.ics"))
    assert str(vevent["LOCATION"]) == "Centre de conférences exemple, Ouagadougou, Burkina Faso"
    assert "https://forum-ess.example.org/inscription" in str(vevent["DESCRIPTION"])
    assert "URL" not in vevent  # the local build has no absolute address to give
    online = only_event(parse(built() / "en/agenda/webinaire-exemple-epargne-mobile.ics"))
    assert str(online["LOCATION"]) == "https://webinar.example.org/epargne-mobile"
    assert str(online["CATEGORIES"].cats[0]) == "Webinar"


def test_published_calendars_link_the_absolute_page(tmp_path):
    content = content_with_site_events(tmp_path)
    result = build_site(content, tmp_path / "out", settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    vevent = only_event(parse(tmp_path / "out" / "en/agenda/atelier-ouaga-matin.ics"))
    assert str(vevent["URL"]) == "https://labo-ess-afrique.github.io/site/en/agenda/atelier-ouaga-matin.html"
    assert str(vevent["UID"]) == f"atelier-ouaga-matin@{DOMAIN}"


def test_calendar_bytes_are_reproducible(tmp_path):
    """The same content built again, later, from a cache of its own, writes the calendars of the module's build."""
    first = built()
    again = tmp_path / "again"
    result = build_site(content_with_site_events(tmp_path), again)
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*.ics"))
    assert len(files) >= 26
    assert sorted(p.relative_to(again) for p in again.rglob("*.ics")) == files
    for rel in files:
        assert (again / rel).read_bytes() == (first / rel).read_bytes(), rel


def test_time_zones_come_sorted_whatever_the_hash_seed():
    from agenda.ics import IcsEvent, calendar_bytes
    from agenda.when import When

    zones = ["Europe/Paris", "Africa/Nairobi", "Africa/Casablanca", "Africa/Cairo"]
    items = [IcsEvent(uid=f"e{i}@x.org", summary=zone,
                      when=When(dt.datetime(2027, 4, 14, 9, tzinfo=ZoneInfo(zone)), None, ZoneInfo(zone)))
             for i, zone in enumerate(zones)]
    calendar = Calendar.from_ical(calendar_bytes(items, prodid="-//test//EN", stamp=DTSTAMP))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == sorted(zones)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == zones  # events keep the order given
