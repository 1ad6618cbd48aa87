"""When a call closes: its deadline in its own time zone, compared with the build instant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from labo_site import i18n
from tenders.deadlines import closing_instant, days_left, is_open
from tenders.views import deadline_text, file_size

UTC = dt.UTC
TRANSLATIONS = Path(__file__).resolve().parents[2] / "themes" / "labo" / "translations"


def translate(lang: str, message: str) -> str:
    return i18n.translate(TRANSLATIONS, lang, message)


def test_a_deadline_with_a_time_closes_at_that_local_time():
    closing = closing_instant(dt.datetime(2027, 1, 29, 17, 0), "Africa/Nairobi")  # UTC+3
    assert closing.astimezone(UTC) == dt.datetime(2027, 1, 29, 14, 0, tzinfo=UTC)
    assert is_open(closing, dt.datetime(2027, 1, 29, 13, 59, 59, tzinfo=UTC))
    assert not is_open(closing, dt.datetime(2027, 1, 29, 14, 0, tzinfo=UTC))


def test_a_deadline_without_a_time_closes_at_the_end_of_that_day():
    closing = closing_instant(dt.date(2027, 2, 26), "Africa/Ouagadougou")  # UTC+0
    assert closing.astimezone(UTC) == dt.datetime(2027, 2, 27, 0, 0, tzinfo=UTC)
    assert is_open(closing, dt.datetime(2027, 2, 26, 23, 59, tzinfo=UTC))
    assert not is_open(closing, dt.datetime(2027, 2, 27, 0, 0, tzinfo=UTC))
    lagos = closing_instant(dt.date(2027, 2, 26), "Africa/Lagos")  # UTC+1: closes an hour earlier in UTC
    assert not is_open(lagos, dt.datetime(2027, 2, 26, 23, 30, tzinfo=UTC))


def test_days_left_count_calendar_days_in_the_calls_time_zone():
    late_evening_utc = dt.datetime(2027, 1, 28, 22, 30, tzinfo=UTC)  # already the 29th in Nairobi
    assert days_left(dt.datetime(2027, 1, 29, 17, 0), "Africa/Nairobi", late_evening_utc) == 0
    assert days_left(dt.datetime(2027, 1, 29, 17, 0), "Africa/Ouagadougou", late_evening_utc) == 1
    assert days_left(dt.date(2027, 1, 29), "Africa/Ouagadougou", dt.datetime(2026, 11, 18, tzinfo=UTC)) == 72


def test_deadline_text_says_the_time_zone_when_the_call_gives_one():
    at_five = dt.datetime(2027, 1, 29, 17, 0)
    assert deadline_text(at_five, "Africa/Ouagadougou", "fr", translate) == \
        "29 janvier 2027 à 17:00 (heure : Burkina Faso)"
    assert deadline_text(at_five, "Africa/Ouagadougou", "en", translate) == \
        "January 29, 2027 at 5:00\u202fPM (Burkina Faso Time)"
    assert deadline_text(dt.date(2027, 2, 26), "Africa/Nairobi", "fr", translate) == \
        "26 février 2027, jusqu’à la fin de la journée (heure : Kenya)"
    assert deadline_text(dt.date(2027, 2, 26), None, "fr", translate) == "26 février 2027"


def test_document_sizes_in_the_readers_units():
    assert file_size(1566, "fr") == "1,6\u202fko"
    assert file_size(1566, "en") == "1.6 kB"
    assert file_size(999, "fr") == "999\u202fo"
    assert file_size(2_340_000, "fr") == "2,3\u202fMo"
    assert file_size(15_000_000, "en") == "15 MB"
