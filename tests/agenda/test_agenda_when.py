"""Event times: made aware in the event's own zone, sorted by instant, shown in words in the page's language."""

from __future__ import annotations

import datetime as dt

import pytest

from agenda.when import event_when, range_text, short_range_text, zone_text
from content_model.registry import Entry
from content_model.schema import KINDS_BY_NAME

BUILD_DATE = dt.date(2026, 11, 18)  # the tests' SOURCE_DATE_EPOCH


def event(slug: str, **data) -> Entry:
    return Entry(KINDS_BY_NAME["event"], slug, f"events/{slug}.md", {"title": slug, "kind": "forum", **data}, "fr")


OUAGA = event("ouaga", start=dt.datetime(2027, 4, 14, 9, 0), end=dt.datetime(2027, 4, 14, 12, 0),
              timezone="Africa/Ouagadougou")
NAIROBI = event("nairobi", start=dt.datetime(2027, 4, 14, 9, 0), end=dt.datetime(2027, 4, 14, 12, 0),
                timezone="Africa/Nairobi")


def test_same_wall_clock_time_in_two_zones_is_three_hours_apart():
    ouaga, nairobi = event_when(OUAGA), event_when(NAIROBI)
    assert ouaga.start.astimezone(dt.UTC) == dt.datetime(2027, 4, 14, 9, 0, tzinfo=dt.UTC)
    assert nairobi.start.astimezone(dt.UTC) == dt.datetime(2027, 4, 14, 6, 0, tzinfo=dt.UTC)
    assert ouaga.start - nairobi.start == dt.timedelta(hours=3)


def test_sorting_puts_all_day_events_first_then_the_earlier_instant():
    week = event("week", start=dt.date(2027, 4, 14), end=dt.date(2027, 4, 16))
    later_day = event("later", start=dt.datetime(2027, 4, 15, 1, 0), timezone="Pacific/Kiritimati")
    ordered = sorted([OUAGA, later_day, NAIROBI, week], key=lambda e: event_when(e).sort_key())
    assert [e.slug for e in ordered] == ["week", "nairobi", "ouaga", "later"]


@pytest.mark.parametrize(("start", "end", "past", "ongoing"), [
    (dt.date(2026, 11, 17), None, True, False),  # one day, the day before the build date
    (dt.date(2026, 11, 18), None, False, True),  # today
    (dt.date(2026, 11, 16), dt.date(2026, 11, 20), False, True),  # running across the build date
    (dt.date(2026, 11, 10), dt.date(2026, 11, 17), True, False),  # ended yesterday
    (dt.date(2026, 11, 19), dt.date(2026, 11, 20), False, False),  # starts tomorrow
])
def test_past_and_ongoing_follow_the_build_date(start, end, past, ongoing):
    when = event_when(event("e", start=start, **({"end": end} if end else {})))
    assert when.is_past(BUILD_DATE) is past
    assert when.is_ongoing(BUILD_DATE) is ongoing


def test_a_timed_event_ending_on_the_build_date_in_its_zone_is_not_past():
    late = event("late", start=dt.datetime(2026, 11, 18, 22, 0), end=dt.datetime(2026, 11, 18, 23, 30),
                 timezone="Africa/Nairobi")
    assert not event_when(late).is_past(BUILD_DATE)


@pytest.mark.parametrize(("data", "lang", "expected"), [
    ({"start": dt.date(2027, 5, 18)}, "fr", "mardi 18 mai 2027"),
    ({"start": dt.date(2027, 5, 18)}, "en", "Tuesday, May 18, 2027"),
    ({"start": dt.date(2027, 5, 18), "end": dt.date(2027, 5, 20)}, "fr", "18–20 mai 2027"),
    ({"start": dt.date(2027, 5, 30), "end": dt.date(2027, 6, 2)}, "fr", "30 mai – 2 juin 2027"),
    ({"start": dt.date(2027, 12, 30), "end": dt.date(2028, 1, 2)}, "en", "Dec 30, 2027 – Jan 2, 2028"),
    ({"start": dt.datetime(2027, 4, 14, 9, 0), "end": dt.datetime(2027, 4, 14, 12, 0),
      "timezone": "Africa/Nairobi"}, "fr", "mercredi 14 avril 2027, 09:00 – 12:00"),
    ({"start": dt.datetime(2027, 4, 14, 9, 0), "end": dt.datetime(2027, 4, 14, 12, 0),
      "timezone": "Africa/Nairobi"}, "en", "Wednesday, April 14, 2027, 9:00 AM – 12:00 PM"),
    ({"start": dt.datetime(2027, 3, 10, 9, 0), "end": dt.datetime(2027, 3, 12, 17, 0),
      "timezone": "Africa/Ouagadougou"}, "fr", "10 mars 2027, 09:00 – 12 mars 2027, 17:00"),
    ({"start": dt.datetime(2027, 7, 8, 9, 0), "timezone": "Africa/Cairo"}, "fr", "jeudi 8 juillet 2027, 09:00"),
])
def test_dates_in_words_in_the_page_language(data, lang, expected):
    assert _plain(range_text(event_when(event("e", **data)), lang)) == expected


def test_short_form_for_lists():
    when = event_when(NAIROBI)
    assert _plain(short_range_text(when, "fr")) == "14 avr. 2027, 09:00"
    assert _plain(short_range_text(when, "en")) == "Apr 14, 2027, 9:00 AM"


def test_zone_is_named_with_its_offset_at_the_start():
    assert zone_text(event_when(NAIROBI), "fr") == "Nairobi, UTC+03:00"
    assert zone_text(event_when(OUAGA), "en") == "Ouagadougou, GMT+00:00"
    summer = event("caire", start=dt.datetime(2027, 7, 8, 9, 0), timezone="Africa/Cairo")
    winter = event("caire", start=dt.datetime(2027, 1, 8, 9, 0), timezone="Africa/Cairo")
    assert zone_text(event_when(summer), "fr").endswith("UTC+03:00")
    assert zone_text(event_when(winter), "fr").endswith("UTC+02:00")
    assert zone_text(event_when(event("allday", start=dt.date(2027, 1, 1))), "fr") == ""


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u2009", " ").replace("\xa0", " ")
