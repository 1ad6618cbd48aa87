"""When an event happens: its front matter turned into dates or zone-aware instants, and shown in words.

Why a module of its own: the event page, the lists, the home block and the iCalendar files must agree on
the same instants. An event's times are wall-clock times in the event's own IANA zone ("09:00" in
Africa/Nairobi is 06:00 UTC, "09:00" in Africa/Ouagadougou is 09:00 UTC), so they are made aware here,
once, and every reader of the site sees them in that zone with the zone named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_interval, format_time, get_timezone_location

from content_model.registry import Entry
from labo_site import formatting


@dataclass(frozen=True)
class When:
    """Start and end of one event. Timed events carry aware datetimes; all-day events carry dates."""

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None  # None: the front matter gives no end (never invented)
    zone: ZoneInfo | None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        """The last local day of the event (the start day when no end is given)."""
        end = self.end if self.end is not None else self.start
        return end.date() if isinstance(end, dt.datetime) else end

    @property
    def multi_day(self) -> bool:
        return self.last_day > self.first_day

    def is_past(self, today: dt.date) -> bool:
        """Over once its last day is before the build date; an event running today is still upcoming."""
        return self.last_day < today

    def is_ongoing(self, today: dt.date) -> bool:
        return self.first_day <= today <= self.last_day

    def sort_key(self) -> tuple:
        """Chronological: by local first day, all-day events first, then by instant (UTC)."""
        instant = self.start.astimezone(dt.UTC).timestamp() if not self.all_day else 0.0
        return (self.first_day, 0 if self.all_day else 1, instant)


def event_when(entry: Entry) -> When:
    """The event's start and end; times are read in the event's `timezone`."""
    data = entry.data
    zone = ZoneInfo(data["timezone"]) if data.get("timezone") else None

    def aware(value):
        if isinstance(value, dt.datetime) and zone is not None:
            return value.replace(tzinfo=zone)
        return value

    return When(aware(data["start"]), aware(data.get("end")), zone)


# -- words -------------------------------------------------------------------------------------------------

def _hour_skeleton(lang: str) -> str:
    """'Hm' where the locale writes 14:00, 'hm' where it writes 2:00 PM."""
    return "hm" if "h" in formatting.locale(lang).time_formats["short"].pattern else "Hm"


def _date_time(value: dt.datetime, lang: str, zone: ZoneInfo) -> str:
    pattern = str(formatting.locale(lang).datetime_formats["medium"]).replace("'", "")
    return pattern.format(format_time(value, "short", tzinfo=zone, locale=formatting.locale(lang)),
                          format_date(value.astimezone(zone).date(), "medium", locale=formatting.locale(lang)))


def range_text(when: When, lang: str) -> str:
    """The dates (and times) in the page's language, in the event's zone: '18–20 mai 2027',
    'jeudi 21 janvier 2027, 14:00 – 15:30', '10 mars 2027, 09:00 – 12 mars 2027, 17:00'."""
    if when.all_day:
        if not when.multi_day:
            return format_date(when.first_day, "full", locale=formatting.locale(lang))
        return format_interval(when.first_day, when.last_day, "yMMMd", locale=formatting.locale(lang))
    zone = when.zone
    day = format_date(when.first_day, "full", locale=formatting.locale(lang))
    if when.end is None:
        return f"{day}, {format_time(when.start, 'short', tzinfo=zone, locale=formatting.locale(lang))}"
    if not when.multi_day:
        hours = format_interval(when.start, when.end, _hour_skeleton(lang), tzinfo=zone, locale=formatting.locale(lang))
        return f"{day}, {hours}"
    return f"{_date_time(when.start, lang, zone)} – {_date_time(when.end, lang, zone)}"


def short_range_text(when: When, lang: str) -> str:
    """A compact form for lists: '18–20 mai 2027', '21 janv. 2027, 14:00'."""
    if when.all_day:
        if not when.multi_day:
            return format_date(when.first_day, "medium", locale=formatting.locale(lang))
        return format_interval(when.first_day, when.last_day, "yMMMd", locale=formatting.locale(lang))
    if when.multi_day:
        return f"{format_interval(when.first_day, when.last_day, 'yMMMd', locale=formatting.locale(lang))}, " \
               f"{format_time(when.start, 'short', tzinfo=when.zone, locale=formatting.locale(lang))}"
    return _date_time(when.start, lang, when.zone)


def zone_city(zone: ZoneInfo, lang: str) -> str:
    """The zone's city in `lang`, with its accents: CLDR's English writes 'Lome' where French and the city itself
    write 'Lomé'; a name that differs only by its accents is taken in its accented form."""
    from content_model.codes import fold

    city = get_timezone_location(zone, locale=formatting.locale(lang), return_city=True)
    accented = get_timezone_location(zone, locale="fr", return_city=True)
    return accented if city != accented and fold(city) == fold(accented) else city


def zone_text(when: When, lang: str) -> str:
    """The event's zone as a reader knows it: 'Nairobi, UTC+03:00'; the offset is the one at the start."""
    if when.all_day or when.zone is None:
        return ""
    city = zone_city(when.zone, lang)
    offset = format_datetime(when.start, "ZZZZ", tzinfo=when.zone, locale=formatting.locale(lang))
    return f"{city}, {offset}"


def iso(value: dt.date | dt.datetime) -> str:
    """Machine-readable form for `<time datetime>`: '2027-05-18' or '2027-03-10T09:00+00:00'."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def month_text(day: dt.date, lang: str) -> str:
    """'mars 2027' / 'March 2027', the heading of a month of events."""
    text = format_date(day, "LLLL y", locale=formatting.locale(lang))
    return text[:1].upper() + text[1:]
