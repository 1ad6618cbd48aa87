"""The build date: SOURCE_DATE_EPOCH when set, so that time-dependent pages are reproducible."""

from __future__ import annotations

import datetime as dt
import os


def build_datetime() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC)


def build_date() -> dt.date:
    return build_datetime().date()
