"""The agenda plugin's settings, read once and checked; every message is prefixed with the plugin's name."""

from __future__ import annotations

import re

from labo_site.settings import SettingsError, fail_on, whole_number

PREFIX = "agenda"
_DOMAIN_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


def check(settings: dict) -> None:
    problems: list[str] = []
    domain = settings.get("CALENDAR_UID_DOMAIN")
    if domain is not None and not (isinstance(domain, str) and _DOMAIN_RE.match(domain)):
        problems.append(f"CALENDAR_UID_DOMAIN must be a domain name such as labo-ess-afrique.org (not {domain!r}); "
                        "it makes the calendar UIDs <event>@<domain>")
    size = settings.get("AGENDA_PAGE_SIZE", 30)
    if not whole_number(size, 1):
        problems.append(f"AGENDA_PAGE_SIZE must be a whole number of events per page, at least 1 (not {size!r})")
    fail_on(PREFIX, problems)


__all__ = ["SettingsError", "check"]
