"""The site's own settings, read once and checked: every message is prefixed with the plugin's name."""

from __future__ import annotations

import math
from pathlib import Path

PREFIX = "labo_site"


class SettingsError(Exception):
    exitcode = 1


def check(settings: dict) -> None:
    problems: list[str] = []
    langs = settings.get("LANGUAGES")
    if not isinstance(langs, (list, tuple)) or not langs or settings.get("DEFAULT_LANG") != langs[0]:
        problems.append("LANGUAGES must be a non-empty list whose first item is DEFAULT_LANG")
        langs = [settings.get("DEFAULT_LANG", "fr")]
    site = settings.get("SITE")
    if not isinstance(site, dict):
        problems.append("SITE must be a dict with name, acronym and tagline")
    else:
        for key in ("name", "acronym", "tagline"):
            value = site.get(key)
            if not isinstance(value, dict) or any(not value.get(lang) for lang in langs):
                problems.append(f"SITE[{key!r}] must give a text for each language: {', '.join(langs)}")
    split = settings.get("REVENUE_SPLIT")
    parts = ("consultant", "platform", "ess_fund")
    if not isinstance(split, dict) or set(split) != set(parts):
        problems.append(f"REVENUE_SPLIT must have exactly the keys {', '.join(parts)}")
    elif any(not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0 for v in split.values()) or \
            not math.isclose(sum(split.values()), 100):
        problems.append(f"REVENUE_SPLIT parts must be non-negative and add up to 100 (they add up to "
                        f"{sum(v for v in split.values() if isinstance(v, (int, float)))})")
    if not Path(settings["THEME"], "translations").is_dir():
        problems.append("the theme has no translations/ folder")
    if problems:
        raise SettingsError("; ".join(f"{PREFIX}: {p}" for p in problems))
