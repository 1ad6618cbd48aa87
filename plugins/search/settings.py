"""The plugin's one setting, SEARCH (optional), read once and checked: messages start with "search:"."""

from __future__ import annotations

from labo_site.settings import SettingsError, fail_on, options, whole_number

from . import az

PREFIX = "search"
DEFAULTS: dict = {
    "az_inline": az.INLINE,  # a kind with at most this many entries is listed whole on the search page
    "az_page_size": az.PAGE_SIZE,  # names on each page of a larger kind's A–Z index
    # A language with at least this many documents has its index built by a new interpreter (`search.worker`),
    # which holds only the documents and the index; a smaller one, in the rendering process that asks for it.
    "worker_from": 300,
}


def read(settings: dict) -> dict:
    """SEARCH merged over the defaults; every key checked, every problem reported at once."""
    read_options, problems = options(settings, "SEARCH", DEFAULTS, PREFIX)
    for key, least in (("az_inline", 0), ("az_page_size", 10), ("worker_from", 0)):
        if not whole_number(read_options[key], least):
            problems.append(f"SEARCH[{key!r}] must be a whole number of at least {least}")
    fail_on(PREFIX, problems)
    return read_options


__all__ = ["DEFAULTS", "SettingsError", "read"]
