"""The site's own settings, read once and checked: every message is prefixed with the plugin's name."""

from __future__ import annotations

import math
import os
from pathlib import Path

PREFIX = "labo_site"


class SettingsError(Exception):
    """A setting of pelicanconf.py or publishconf.py is wrong: the message names the plugin and the setting. Every
    plugin's settings module raises this one (through `fail_on`)."""

    exitcode = 1


def fail_on(prefix: str, problems: list[str]) -> None:
    """One SettingsError listing every problem, each prefixed with the plugin's name; nothing if there is none."""
    if problems:
        raise SettingsError("; ".join(f"{prefix}: {p}" for p in problems))


def options(settings: dict, name: str, defaults: dict, prefix: str) -> tuple[dict, list[str]]:
    """The optional dict setting `name` merged over `defaults`, with a problem for each key it does not know."""
    given = settings.get(name) or {}
    if not isinstance(given, dict):
        raise SettingsError(f"{prefix}: {name} must be a dict with the keys {', '.join(defaults)}")
    problems = [f"{name}[{key!r}] is not a setting; known keys: {', '.join(defaults)}"
                for key in sorted(set(given) - set(defaults), key=str)]
    return {**defaults, **given}, problems


def whole_number(value: object, least: int) -> bool:
    """Whether `value` is a whole number (not a bool) of at least `least`."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


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
    fail_on(PREFIX, problems)


def processes(settings: dict) -> int:
    """How many processes render the pages (and parse the files ahead): LABO_RENDER_PROCESSES, else up to 2."""
    return max(1, int(settings.get("LABO_RENDER_PROCESSES") or min(2, os.cpu_count() or 1)))
