"""The plugin's one setting, SEARCH (optional), read once and checked: messages start with "search:"."""

from __future__ import annotations

from . import az

PREFIX = "search"
DEFAULTS: dict = {
    "az_inline": az.INLINE,  # a kind with at most this many entries is listed whole on the search page
    "az_page_size": az.PAGE_SIZE,  # names on each page of a larger kind's A–Z index
}


class SettingsError(Exception):
    exitcode = 1


def read(settings: dict) -> dict:
    """SEARCH merged over the defaults; every key checked, every problem reported at once."""
    given = settings.get("SEARCH") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"{PREFIX}: SEARCH must be a dict with the keys {', '.join(DEFAULTS)}")
    problems = [f"SEARCH[{key!r}] is not a setting; known keys: {', '.join(DEFAULTS)}"
                for key in sorted(set(given) - set(DEFAULTS))]
    options = {**DEFAULTS, **given}
    for key, least in (("az_inline", 0), ("az_page_size", 10)):
        value = options[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            problems.append(f"SEARCH[{key!r}] must be a whole number of at least {least}")
    if problems:
        raise SettingsError("; ".join(f"{PREFIX}: {p}" for p in problems))
    return options
