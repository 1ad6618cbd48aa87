"""iCalendar files (RFC 5545) written with the `icalendar` package: one per event and one feed.

Choices a calendar program depends on:
- UID `<slug>@<domain>` never changes, so importing a file again updates the event instead of duplicating it;
  the French and English files of one event share it (same event, other words).
- Timed events keep their wall-clock time with a TZID and a VTIMEZONE drawn from the IANA database, so the
  calendar shows 09:00 Nairobi as 09:00 Nairobi (06:00 UTC) whatever the reader's own zone.
- All-day events are VALUE=DATE with an exclusive DTEND (the day after the last day), as RFC 5545 §3.6.1 says.
- DTSTAMP is the build date (SOURCE_DATE_EPOCH): the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .when import When

if TYPE_CHECKING:
    from icalendar import Event, Timezone


@dataclass(frozen=True)
class IcsEvent:
    """One VEVENT, in one language."""

    uid: str
    when: When
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""  # absolute page URL; empty when the site has no absolute address
    categories: tuple[str, ...] = ()


def uid_domain(settings: dict) -> str:
    """The domain of UIDs: CALENDAR_UID_DOMAIN if set, else the domain of CONTACT_EMAIL, else SITEURL's host.

    Why the contact address before SITEURL: SITEURL is empty in local builds and changes when the site moves
    to another host, while an event's identity in a reader's calendar must not change."""
    explicit = settings.get("CALENDAR_UID_DOMAIN")
    if explicit:
        return str(explicit)
    email = str(settings.get("CONTACT_EMAIL") or "")
    if "@" in email:
        return email.rsplit("@", 1)[1].lower()
    host = urlsplit(str(settings.get("SITEURL") or "")).hostname
    return host or "localhost"


def vevent(item: IcsEvent, stamp: dt.datetime) -> Event:
    from icalendar import Event  # imported where calendars are made: 10 MB the rest of the build does not need

    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    when = item.when
    event.add("dtstart", when.start)
    if when.all_day:
        # DTEND of an all-day event is exclusive: the day after the last day (RFC 5545 §3.6.1).
        event.add("dtend", when.last_day + dt.timedelta(days=1))
    elif when.end is not None:
        event.add("dtend", when.end)
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    if item.categories:
        event.add("categories", list(item.categories))
    return event


@functools.cache
def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone | None:
    """The VTIMEZONE of an IANA zone for the years of a calendar (`Timezone.from_tzid`'s component, byte for byte);
    computed once per zone and span, because icalendar derives it by probing the zone's offsets."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from icalendar import Timezone

    try:
        zone = ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):  # not in the IANA database: the TZID stays, without rules (never
        return None                             # the case after validation)
    until = dt.datetime(last_year + 1, 1, 1)
    return Timezone.from_tzinfo(_Until(zone, until), tzid=tzid, first_date=dt.date(first_year, 1, 1),
                                last_date=dt.date(last_year, 1, 1))


class _Until(dt.tzinfo):
    """A zone that ends a year after the calendar's last date. icalendar looks for each offset's end by stepping
    forward until the offset changes or the zone raises OverflowError, its sign that the data stops. A zone that
    never changes again (most of Africa's) was probed up to the year 9999, 8,000 steps and 10 to 18 ms a zone;
    it now stops here. Nothing past the calendar's last date goes into the component, so it is the same, byte for
    byte (tests/agenda/test_agenda_ics.py compares it with `Timezone.from_tzid` for zones with and without
    daylight saving time)."""

    def __init__(self, zone: dt.tzinfo, until: dt.datetime) -> None:
        self.zone, self.until = zone, until

    def _within(self, when: dt.datetime | None) -> None:
        if when is not None and when.replace(tzinfo=None) > self.until:
            raise OverflowError("past the calendar's last date")

    def utcoffset(self, when):
        self._within(when)
        return self.zone.utcoffset(when)

    def dst(self, when):
        self._within(when)
        return self.zone.dst(when)

    def tzname(self, when):
        self._within(when)
        return self.zone.tzname(when)


def calendar_bytes(items: Iterable[IcsEvent], *, prodid: str, stamp: dt.datetime, name: str = "") -> bytes:
    """A VCALENDAR with the events in the order given and the VTIMEZONEs they use."""
    from icalendar import Calendar

    items = list(items)
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)  # RFC 7986
        cal.add("x-wr-calname", name)  # what most calendar programs read
    stamp = stamp.astimezone(dt.UTC).replace(microsecond=0)
    for item in items:
        cal.add_component(vevent(item, stamp))
    if any(not item.when.all_day for item in items):
        years = [item.when.first_day.year for item in items] + [item.when.last_day.year for item in items]
        # Sorted by TZID: the same content gives the same bytes (icalendar's own add_missing_timezones
        # follows the order of a set, which changes from one process to the next).
        zones = [zone for tzid in sorted(cal.get_missing_tzids())
                 if (zone := vtimezone(tzid, min(years) - 1, max(years) + 2)) is not None]
        cal.subcomponents = zones + cal.subcomponents
    return cal.to_ical()
