"""The plugin's one setting, OFFLINE (optional), read once and checked: messages start with "offline:"."""

from __future__ import annotations

from labo_site.settings import SettingsError, fail_on, options, whole_number

PREFIX = "offline"
DEFAULTS: dict = {
    "precache": (),  # extra files to precache: globs relative to the output folder ("theme/images/*.svg")
    "max_entries": 300,  # pages and files kept as they are read, per build (oldest dropped first)
}


def read(settings: dict) -> dict:
    """OFFLINE merged over the defaults; every key checked, every problem reported at once."""
    read_options, problems = options(settings, "OFFLINE", DEFAULTS, PREFIX)
    precache = read_options["precache"]
    if not isinstance(precache, (list, tuple)) or any(not isinstance(g, str) or g.startswith(("/", "..")) or not g
                                                      for g in precache):
        problems.append("OFFLINE['precache'] must be a list of globs relative to the output folder")
    if not whole_number(read_options["max_entries"], 10):
        problems.append("OFFLINE['max_entries'] must be a whole number of at least 10")
    fail_on(PREFIX, problems)
    return read_options


__all__ = ["DEFAULTS", "SettingsError", "read"]
