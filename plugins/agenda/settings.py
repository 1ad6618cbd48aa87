"""The agenda plugin's settings, read once and checked; every message is prefixed with the plugin's name."""

from __future__ import annotations

import re

PREFIX = "agenda"
_DOMAIN_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


class SettingsError(Exception):
    exitcode = 1


def check(settings: dict) -> None:
    domain = settings.get("CALENDAR_UID_DOMAIN")
    if domain is not None and not (isinstance(domain, str) and _DOMAIN_RE.match(domain)):
        raise SettingsError(f"{PREFIX}: CALENDAR_UID_DOMAIN must be a domain name such as labo-ess-afrique.org "
                            f"(not {domain!r}); it makes the calendar UIDs <event>@<domain>")
