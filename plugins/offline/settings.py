"""The plugin's one setting, OFFLINE (optional), read once and checked: messages start with "offline:"."""

from __future__ import annotations

PREFIX = "offline"
DEFAULTS: dict = {
    "precache": (),  # extra files to precache: globs relative to the output folder ("theme/images/*.svg")
    "max_entries": 300,  # pages and files kept as they are read, per build (oldest dropped first)
}


class SettingsError(Exception):
    exitcode = 1


def read(settings: dict) -> dict:
    """OFFLINE merged over the defaults; every key checked, every problem reported at once."""
    given = settings.get("OFFLINE") or {}
    problems: list[str] = []
    if not isinstance(given, dict):
        raise SettingsError(f"{PREFIX}: OFFLINE must be a dict with the keys {', '.join(DEFAULTS)}")
    for key in sorted(set(given) - set(DEFAULTS)):
        problems.append(f"OFFLINE[{key!r}] is not a setting; known keys: {', '.join(DEFAULTS)}")
    options = {**DEFAULTS, **given}
    precache = options["precache"]
    if not isinstance(precache, (list, tuple)) or any(not isinstance(g, str) or g.startswith(("/", "..")) or not g
                                                      for g in precache):
        problems.append("OFFLINE['precache'] must be a list of globs relative to the output folder")
    limit = options["max_entries"]
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 10:
        problems.append("OFFLINE['max_entries'] must be a whole number of at least 10")
    if problems:
        raise SettingsError("; ".join(f"{PREFIX}: {p}" for p in problems))
    return options
