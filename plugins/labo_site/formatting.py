"""Names of countries, languages and currencies, dates and money in the reader's language (Babel)."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re

import pycountry
from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.dates import format_time as _format_time
from babel.numbers import format_currency, format_decimal, format_percent

#: The CLDR locale of a site language whose code alone would give another variety than the readers': CLDR's "pt" is
#: Brazilian Portuguese (4.350.000, "Quênia"), the site's readers write the Portuguese of Mozambique, Angola, Cabo
#: Verde, Guinea-Bissau and São Tomé, whose CLDR locales (pt_MZ, pt_AO…) all inherit from pt_PT (4 350 000, "Quénia").
CLDR_LOCALES = {"pt": "pt_PT"}


@functools.cache
def locale(lang: str) -> Locale:
    """The Babel locale that names and formats things for the readers of the site language `lang`: pass it as
    Babel's `locale=` wherever a page formats a date, a number or a name."""
    return Locale.parse(CLDR_LOCALES.get(lang, lang))


def country_name(code: str, lang: str) -> str:
    name = locale(lang).territories.get(code)
    if name:
        return name
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def language_name(code: str, lang: str, *, in_sentence: bool = False) -> str:
    """The name of an ISO 639-1 or 639-3 language in `lang`: CLDR's (Babel) where it has one, else the ISO 639-3
    name translated by pycountry's catalogues (Moré, Dioula…), else its English name. Capitalised, as in a list
    or a menu; `in_sentence` keeps CLDR's own case for running text ("em francês", "in French")."""
    name = locale(lang).languages.get(code)
    if not name:
        language = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
        name = _iso639_names(lang).gettext(language.name) if language else code
    return name if in_sentence else name[:1].upper() + name[1:]


@functools.cache
def _iso639_names(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def currency_name(code: str, lang: str) -> str:
    return locale(lang).currencies.get(code, code)


def money(amount: float, currency: str, lang: str) -> str:
    """`15 000 000 F CFA` in French, `F CFA 15,000,000` in English; no decimals for whole amounts."""
    whole = float(amount).is_integer()
    text = format_currency(amount, currency, locale=locale(lang), currency_digits=not whole,
                           format=None if not whole else _whole_pattern(lang))
    # CLDR's currency spacing (a space between a letter symbol and the digits) is not applied by Babel:
    # "F CFA4,350,000" -> "F CFA 4,350,000", "KES20,000" -> "KES 20,000". "€1,250" keeps no space.
    return _LETTER_DIGIT.sub("\\1\u00a0\\2", text)


_LETTER_DIGIT = re.compile(r"([^\W\d_])(\d)")


@functools.cache
def _whole_pattern(lang: str) -> str:
    pattern = locale(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "").replace(",00", "")


def number(value: float, lang: str) -> str:
    return format_decimal(value, locale=locale(lang))


def percent(ratio: float, lang: str) -> str:
    return format_percent(ratio, locale=locale(lang))


def date(value: dt.date, lang: str, fmt: str = "long") -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return _format_date(value, format=fmt, locale=locale(lang))


def time(value: dt.datetime, lang: str) -> str:
    return _format_time(value, format="short", locale=locale(lang))


def datetime(value: dt.datetime, lang: str, fmt: str = "long") -> str:
    return _format_datetime(value, format=fmt, locale=locale(lang))


def iso(value: dt.date) -> str:
    return value.isoformat()
