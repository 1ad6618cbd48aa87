"""When a call for tenders closes, from its deadline and time zone, and whether it is open at build time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def closing_instant(deadline: dt.date, timezone: str) -> dt.datetime:
    """The instant submissions close: the given local time, or the end of the given day, in `timezone`."""
    zone = ZoneInfo(timezone)
    if isinstance(deadline, dt.datetime):
        return deadline.replace(tzinfo=zone)
    return dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time(0), tzinfo=zone)


def is_open(closing: dt.datetime, now: dt.datetime) -> bool:
    return now < closing


def days_left(deadline: dt.date, timezone: str, now: dt.datetime) -> int:
    """Calendar days from the build date to the deadline's day, both in the call's time zone (0: today)."""
    day = deadline.date() if isinstance(deadline, dt.datetime) else deadline
    return (day - now.astimezone(ZoneInfo(timezone)).date()).days
