"""Code lists (countries, currencies, languages, time zones) and "did you mean" suggestions.

Labels come from pycountry and Babel, never from hand-written tables; this module only normalises names so
that a contributor who writes "Burkina" or "Côte d'Ivoire" is pointed at the code to use.
"""

from __future__ import annotations

import difflib
import functools
import json
import unicodedata
import zoneinfo

import pycountry
from babel import Locale

_SUGGEST_LOCALES = ("fr", "en", "pt", "ar")


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", str(text).replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


@functools.cache
def countries() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@functools.cache
def currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@functools.cache
def _iso639() -> tuple[frozenset[str], dict[str, str]]:
    """(every ISO 639 code, three-letter code -> two-letter code where a language has both), from pycountry's
    ISO 639-3 table read with its two code fields only. `pycountry.languages` makes an object and five indices
    for each of its 7,900 languages: 6.5 MB that every build kept for these two lookups (builds are measured
    against plain Pelican's memory), and twice the time. Names, for suggestions, still come from pycountry."""
    table = pycountry.languages
    wanted = ("alpha_2", "alpha_3", table.root_key)
    with open(table.filename, encoding="utf-8") as handle:
        rows = json.load(handle, object_pairs_hook=lambda pairs: {k: v for k, v in pairs if k in wanted})
    rows = rows[table.root_key]
    two = {row["alpha_3"]: row["alpha_2"] for row in rows if "alpha_2" in row}
    return frozenset(two.values()).union(row["alpha_3"] for row in rows), two


def languages() -> frozenset[str]:
    """ISO 639 codes: two letters (639-1) where a language has them, three (639-3) for every language. Mossi
    (`mos`) or Dioula (`dyu`) have only three; Wolof may be written `wo` or `wol` (see `canonical_language`)."""
    return _iso639()[0]


def canonical_language(code: str) -> str:
    """One code per language, so that `wol` and `wo` are one language on the site (facets, search, data): the
    two-letter code where there is one, else the three-letter one."""
    return _iso639()[1].get(code, code) if len(code) == 3 else code


@functools.cache
def timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _names(kind: str) -> dict[str, str]:
    """Folded name or code -> code, in every suggestion locale."""
    out: dict[str, str] = {}
    if kind == "country":
        for c in pycountry.countries:
            for name in (c.alpha_2, c.alpha_3, c.name, getattr(c, "common_name", ""),
                         getattr(c, "official_name", "")):
                if name:
                    out[fold(name)] = c.alpha_2
        for loc in _SUGGEST_LOCALES:
            for code, name in Locale.parse(loc).territories.items():
                if code in countries():
                    out.setdefault(fold(name), code)
    elif kind == "currency":
        for c in pycountry.currencies:
            out[fold(c.alpha_3)] = c.alpha_3
            out[fold(c.name)] = c.alpha_3
        for loc in _SUGGEST_LOCALES:
            for code, name in Locale.parse(loc).currencies.items():
                if code in currencies():
                    out.setdefault(fold(name), code)
        for alias, code in (("fcfa", "XOF"), ("cfa", "XOF"), ("franc cfa", "XOF"), ("f cfa", "XOF"),
                            ("euro", "EUR"), ("dollar", "USD")):
            out.setdefault(alias, code)
    elif kind == "language":
        for lang in pycountry.languages:
            code = getattr(lang, "alpha_2", lang.alpha_3)
            out.setdefault(fold(lang.alpha_3), code)
            out.setdefault(fold(lang.name), code)
            if hasattr(lang, "alpha_2"):
                out[fold(lang.alpha_2)] = code
        for loc in _SUGGEST_LOCALES:
            for code, name in Locale.parse(loc).languages.items():
                if code in languages():
                    out.setdefault(fold(name), code)
    elif kind == "timezone":
        for name in timezones():
            out[fold(name)] = name
            out.setdefault(fold(name.rsplit("/", 1)[-1].replace("_", " ")), name)
    return out


def suggest(kind: str, value: object) -> str | None:
    """The code a contributor most likely meant, or None."""
    names = _names(kind)
    key = fold(str(value))
    if key in names:
        return names[key]
    # A prefix of a name ("Burkina", "Cote d'Ivoire") is a strong hint.
    starts = sorted({code for name, code in names.items() if len(key) >= 4 and name.startswith(key)})
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def nearest(value: object, candidates: list[str] | tuple[str, ...], cutoff: float = 0.6) -> str | None:
    close = difflib.get_close_matches(fold(str(value)), [fold(c) for c in candidates], n=1, cutoff=cutoff)
    if not close:
        return None
    return next(c for c in candidates if fold(c) == close[0])
