"""One cell to one front-matter value, and back.

Import (`from_cell`) converts only what is certain and refuses the rest with a message that says what to
write; everything it lets through is then judged by the real validator, so a cell passes the same checks as
a line of a file. The choices, stated once:

- Names or codes: a country, currency or language is its ISO code or a name pycountry or Babel gives it in
  French, English, Portuguese or Arabic (`codes._names`), plus the abbreviations of `COUNTRY_NAMES` ("RDC");
  accents, case and punctuation do not count. A sector or legal form is its code or its French or English
  label in content/taxonomy.yml; a choice (membership status…) its code or its label on the site. Never a
  guess: "Burkina" is refused with "did you mean Burkina Faso (BF)?".
- Lists: one cell, items separated by ";" or line breaks, or by "," when there is no ";" (a label with a comma,
  "Santé, services sociaux et emploi", is still one item: the longest run of pieces that names a value wins).
- Dates: a date cell, a serial number (days since the sheet's day 0), `2021-03-05`, or day first as in French,
  `05/03/2021`, `5-3-2021`, `05.03.2021`. Day first always: 03/25/2021 is refused, never read month first; a
  two-digit year is refused (which century?). A date column holding a number between 1800 and 2100 gets "this
  is a year" rather than a date in 1905; a "date or year" column takes it as the year.
- Phone numbers typed in a number cell have lost their leading "+" or "0". With 11 digits or more it is an
  international number whose "+" was lost (every African number with its country code has 11 to 13 digits;
  a national one without its 0 has at most 10): written "+" and the digits, and said in a note. With fewer,
  the 0 may have been lost and nothing tells which: refused, asking to type it again in a text cell.
- Yes/no: oui, non, yes, no, x (yes), vrai, faux, true, false, 1, 0, or a checkbox cell.
- A cell holding only "-" or "—" is empty, as staff often write.

Export (`to_cell`) writes what import reads back to the same value: names and labels in the export's
language only where they lead back to the same code (else the code), dates as date cells, lists joined with
"; ".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from babel import Locale

from content_model import codes
from content_model.catalogues import translate
from content_model.checks import SLUG_RE
from content_model.messages import N_, Message, message, shown
from content_model.schema import Field
from content_model.taxonomy import Taxonomy
from contribute import model as contribute_model

from .headers import key

#: Names of countries that neither pycountry nor Babel gives, as member lists write them.
COUNTRY_NAMES = {
    "rdc": "CD", "rd congo": "CD", "r d congo": "CD", "drc": "CD", "dr congo": "CD", "congo kinshasa": "CD",
    "republique democratique du congo": "CD", "democratic republic of the congo": "CD",
    "congo brazzaville": "CG", "republique du congo": "CG", "rca": "CF", "centrafrique": "CF",
    "ivory coast": "CI", "swaziland": "SZ", "guinee conakry": "GN", "cap vert": "CV", "cape verde": "CV",
}
#: Other words for the choices of the model, besides their codes and their labels on the site.
CHOICE_WORDS = {"candidat": "applicant", "candidature": "applicant", "observateur": "observer",
                "adherent": "member", "adherente": "member", "membre actif": "member"}
TRUE_WORDS = frozenset({"oui", "yes", "x", "vrai", "true", "1", "o", "y"})
FALSE_WORDS = frozenset({"non", "no", "faux", "false", "0", "n"})
EMPTY_MARKS = frozenset({"-", "–", "—"})
CODE_TYPES = frozenset({"country", "currency", "language", "sector", "legal_form", "choice"})
NUMBER_TYPES = frozenset({"amount", "percent", "latitude", "longitude"})
WHOLE_TYPES = frozenset({"integer", "sdg", "year"})
FIRST_YEAR, LAST_YEAR = 1800, 2100
#: Serial numbers of 1800-01-01 and 2100-12-31 in the 1900 date system.
_SERIALS = (-36522, 73415)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::\d{2})?)?")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


@dataclass(frozen=True)
class Words(Message):
    """A text that states its French and English itself (a field's label, a country's name)."""

    fr: str = ""

    def render(self, lang: str = "en") -> str:
        return self.fr if lang == "fr" else self.text


class Bad(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Context:
    """What conversions need besides the cell."""

    taxonomy: Taxonomy
    epoch: dt.datetime = dt.datetime(1899, 12, 30)
    #: Slugs of the entries a reference may name, by kind, reachable from their folded names.
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)


# -- lookups of codes by name -------------------------------------------------------------------------------

@functools.cache
def _code_index(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, code in codes._names(kind).items():  # noqa: SLF001 - the one table of names the validator uses
        out.setdefault(key(name), code)
    if kind == "country":
        for name, code in COUNTRY_NAMES.items():
            out.setdefault(key(name), code)
    return out


def _taxonomy_index(taxonomy: Taxonomy, table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, labels in getattr(taxonomy, table).items():
        out.setdefault(key(code), code)
        for label in labels.values():
            if isinstance(label, str) and not label.startswith("http"):
                out.setdefault(key(label), code)
    return out


def choice_labels(f: Field) -> dict[str, str]:
    """code -> English msgid of its label on the site ("" where there is none), in the model's order. A choice
    is a `schema.Choice` (code and label) or, in older models, a bare code labelled in contribute/model.py."""
    legacy = getattr(contribute_model, "CHOICE_LABELS", {})
    out = {}
    for choice in f.choices:
        if isinstance(choice, str):
            out[choice] = legacy.get(choice, "")
        else:
            out[choice.code] = choice.label
    return out


@functools.cache
def _choice_index(f: Field) -> dict[str, str]:
    labels = choice_labels(f)
    out = {key(c): c for c in labels}
    for c, text in labels.items():
        if text:
            for words in (text, translate("fr", text)):
                out.setdefault(key(words), c)
    for word, c in CHOICE_WORDS.items():
        if c in labels:
            out.setdefault(key(word), c)
    return out


def lookup(f: Field, text: str, ctx: Context) -> str | None:
    """The code `text` names for field `f`, or None."""
    k = key(text)
    if f.type in ("country", "currency", "language"):
        return _code_index(f.type).get(k)
    if f.type in ("sector", "legal_form"):
        return _taxonomy_index(ctx.taxonomy, "sectors" if f.type == "sector" else "legal_forms").get(k)
    if f.type == "choice":
        return _choice_index(f).get(k)
    return None


def label(f: Field, code: str, lang: str, ctx: Context) -> str:
    """The name of `code` a person reads in `lang`, when it leads back to `code`; else the code."""
    if f.type == "country":
        text = Locale.parse(lang).territories.get(code, code)
    elif f.type == "language":
        text = Locale.parse(lang).languages.get(code, code)
    elif f.type in ("sector", "legal_form"):
        text = ctx.taxonomy.label("sectors" if f.type == "sector" else "legal_forms", code, lang)
    elif f.type == "choice" and choice_labels(f).get(code):
        msgid = choice_labels(f)[code]
        text = translate(lang, msgid) if lang != "en" else msgid
    else:
        return code
    return text if lookup(f, text, ctx) == code else code


def _unknown(f: Field, text: str, ctx: Context) -> Message:
    if f.type == "choice":
        names = [Words(label(f, c, "en", ctx), fr=label(f, c, "fr", ctx)) for c in choice_labels(f)]
        return message(N_("{value} is not one of: {choices}"), value=shown(text), choices=names)
    if f.type in ("sector", "legal_form"):
        table = "sectors" if f.type == "sector" else "legal_forms"
        labels = {label(f, code, "fr", ctx): code for code in getattr(ctx.taxonomy, table)}
        guess = codes.nearest(text, list(labels) + list(labels.values()), cutoff=0.6)
        what = message(N_("a sector") if f.type == "sector" else N_("a legal form"))
        if guess:
            return message(N_("{value} is not {what} of content/taxonomy.yml; did you mean {guess}?"),
                           value=shown(text), what=what, guess=shown(guess))
        return message(N_("{value} is not {what} of content/taxonomy.yml; write one of its labels or codes"),
                       value=shown(text), what=what)
    what = {"country": N_("a country"), "currency": N_("a currency"), "language": N_("a language")}[f.type]
    guess = codes.suggest(f.type, text)
    if guess:
        return message(N_("{value} is not the name or ISO code of {what}; did you mean {guess} ({code})?"),
                       value=shown(text), what=message(what), code=guess,
                       guess=Words(shown(label(f, guess, "en", ctx)), fr=shown(label(f, guess, "fr", ctx))))
    return message(N_("{value} is not the name or ISO code of {what}"), value=shown(text), what=message(what))


# -- from a cell --------------------------------------------------------------------------------------------

def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and (not value.strip() or value.strip() in EMPTY_MARKS))


def from_cell(f: Field, value: object, ctx: Context) -> object:
    """The front-matter value of a non-empty cell for field `f`; Bad when the cell cannot be read as one."""
    if f.many:
        return [_one(f, item, ctx) for item in _items(f, value, ctx)]
    return _one(f, value, ctx)


def _items(f: Field, value: object, ctx: Context) -> list[object]:
    if not isinstance(value, str):
        return [value]
    if ";" in value or "\n" in value:
        return [part.strip() for part in re.split(r"[;\n]", value) if not is_empty(part)]
    pieces = [p.strip() for p in value.split(",")]
    if f.type not in CODE_TYPES:
        return [p for p in pieces if not is_empty(p)]
    items, i = [], 0
    while i < len(pieces):  # the longest run of pieces that names a value: labels may hold commas
        j = next((j for j in range(len(pieces), i + 1, -1) if lookup(f, ", ".join(pieces[i:j]), ctx)), i + 1)
        items.append(", ".join(pieces[i:j]))
        i = j
    return [item for item in items if not is_empty(item)]


def _one(f: Field, value: object, ctx: Context) -> object:
    convert = _CONVERTERS.get(f.type, _text)
    return convert(f, value, ctx)


def _text(f: Field, value: object, ctx: Context) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _code(f: Field, value: object, ctx: Context) -> str:
    text = _text(f, value, ctx)
    if text in _VALID.get(f.type, lambda: ())():
        # A code as the validator knows it, before any name: "abe" is Western Abenaki's code, and also Abé's name
        # folded. A language is kept by one code (codes.canonical_language: "wol" is "wo").
        return codes.canonical_language(text) if f.type == "language" else text
    found = lookup(f, text, ctx)
    if found is None:
        raise Bad(_unknown(f, text, ctx))
    return found


def _ref(f: Field, value: object, ctx: Context) -> str:
    """A slug as it is, or the slug of the entry whose name this is; anything else goes to the validator."""
    text = _text(f, value, ctx)
    if SLUG_RE.fullmatch(text):
        return text
    return ctx.names.get(f.ref, {}).get(key(text), text)


def _bool(f: Field, value: object, ctx: Context) -> bool:
    if isinstance(value, bool):
        return value
    word = key(value)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise Bad(message(N_("{value} is not yes or no; write oui, non, yes, no or x"), value=shown(value)))


def _number(f: Field, value: object, ctx: Context) -> int | float:
    if isinstance(value, bool):
        raise Bad(message(N_("{value} is not a number"), value=shown(value)))
    if isinstance(value, (int, float)):
        return value
    text = _SPACES.sub("", str(value))
    if "," in text and "." in text:  # the last one is the decimal mark, the other groups thousands
        mark = max(text.rfind(","), text.rfind("."))
        text = text[:mark].replace(",", "").replace(".", "") + "." + text[mark + 1:]
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise Bad(message(N_("{value} is not a number; write digits only, e.g. 15000000 or 12,5"),
                          value=shown(value)))
    number = float(text)
    return int(number) if "." not in text and number.is_integer() else number


def _whole(f: Field, value: object, ctx: Context) -> int:
    if isinstance(value, dt.date) and f.type == "year":
        ctx.notes.append(message(N_("{value} is a date; the column holds a year: {year} is written"),
                                 value=shown(_text(f, value, ctx)), year=value.year))
        return value.year
    if isinstance(value, str) and f.type == "year":
        parsed = _parse_text_date(value, with_time=False, quiet=True)
        if parsed is not None:
            ctx.notes.append(message(N_("{value} is a date; the column holds a year: {year} is written"),
                                     value=shown(value), year=parsed.year))
            return parsed.year
    try:
        number = _number(f, value, ctx)
    except Bad:
        number = None
    if not isinstance(number, int):
        if f.type == "year":
            raise Bad(message(N_("{value} is not a year; write it with four digits, e.g. 2004"), value=shown(value)))
        raise Bad(message(N_("{value} is not a whole number"), value=shown(value)))
    return number


def _phone(f: Field, value: object, ctx: Context) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _text(f, value, ctx)
    digits = str(int(value)) if float(value).is_integer() else ""
    if len(digits) >= 11:
        ctx.notes.append(message(N_("the phone number {value} was stored as a number, which drops the leading "
                                    "\"+\": written as {phone}; check it"), value=digits, phone=shown("+" + digits)))
        return "+" + digits
    raise Bad(message(N_("{value} was stored as a number, which drops a leading 0 or +; format the column as text "
                         "and type the number again, e.g. +226 25 30 00 00"), value=shown(_text(f, value, ctx))))


def _date(f: Field, value: object, ctx: Context) -> dt.date:
    got = _when(f, value, ctx, with_time=False)
    if isinstance(got, dt.datetime):
        raise Bad(message(N_("{value} has a time; this column holds a date only"), value=shown(_text(f, value, ctx))))
    return got


def _date_or_year(f: Field, value: object, ctx: Context) -> dt.date | int:
    if isinstance(value, (int, str)) and not isinstance(value, bool) and re.fullmatch(r"\s*\d{4}\s*", str(value)):
        return int(value)
    return _date(f, value, ctx)


def _datetime(f: Field, value: object, ctx: Context) -> dt.date | dt.datetime:
    return _when(f, value, ctx, with_time=True)


def _when(f: Field, value: object, ctx: Context, with_time: bool) -> dt.date | dt.datetime:
    if isinstance(value, bool):
        raise Bad(_not_a_date(value, with_time))
    if isinstance(value, (int, float)):
        if FIRST_YEAR <= value <= LAST_YEAR and float(value).is_integer():
            raise Bad(message(N_("{value} is a year; this column holds a full date, e.g. 05/03/{value}"),
                              value=int(value)))
        if not _SERIALS[0] <= value <= _SERIALS[1]:
            raise Bad(_not_a_date(value, with_time))
        value = ctx.epoch + dt.timedelta(days=value)
    if isinstance(value, dt.datetime):
        minutes = round((value - value.replace(hour=0, minute=0, second=0, microsecond=0)).total_seconds() / 60)
        day = value.date()
        if minutes in (0, 24 * 60):  # a date cell is a datetime at midnight (or a float a hair before the next)
            return day + dt.timedelta(days=minutes // (24 * 60))
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    if isinstance(value, dt.date):
        return value
    return _parse_text_date(str(value), with_time)


def _parse_text_date(text: str, with_time: bool, quiet: bool = False) -> dt.date | dt.datetime | None:
    text = text.strip()
    iso, fr = _ISO.fullmatch(text), _DAY_FIRST.fullmatch(text)
    if iso:
        y, m, d, hh, mm = iso.groups()
    elif fr:
        d, m, y, hh, mm = fr.groups()
        if len(y) != 4:
            if quiet:
                return None
            raise Bad(message(N_("{value} has a two-digit year; write the year in full, e.g. 05/03/2021"),
                              value=shown(text)))
    else:
        if quiet:
            return None
        raise Bad(_not_a_date(text, with_time))
    try:
        day = dt.date(int(y), int(m), int(d))
        if hh is None:
            return day
        return dt.datetime.combine(day, dt.time(int(hh), int(mm)))
    except ValueError:
        if quiet:
            return None
        raise Bad(message(N_("{value} is not a real date (day first: 05/03/2021 is 5 March 2021)"),
                          value=shown(text))) from None


def _not_a_date(value: object, with_time: bool) -> Message:
    if with_time:
        return message(N_("{value} is not a date; write it as 05/03/2021 or 05/03/2021 09:00 (day first), or "
                          "2021-03-05"), value=shown(value))
    return message(N_("{value} is not a date; write it as 05/03/2021 (day first) or 2021-03-05"), value=shown(value))


_VALID = {"country": codes.countries, "currency": codes.currencies, "language": codes.languages}
_CONVERTERS = {
    "country": _code, "currency": _code, "language": _code, "sector": _code, "legal_form": _code, "choice": _code,
    "ref": _ref, "bool": _bool, "amount": _number, "percent": _number, "latitude": _number, "longitude": _number,
    "integer": _whole, "sdg": _whole, "year": _whole, "phone": _phone, "date": _date, "date_or_year": _date_or_year,
    "datetime": _datetime,
}


# -- comparing: the same value written two ways is the same value --------------------------------------------

def canonical(f: Field, value: object) -> object:
    """A value as the comparison sees it: a file's `"2027-03-10 09:00"` and a cell's datetime are equal, as are
    12 and 12.0, or " Thiès" and "Thiès"."""
    if value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip()):
        return None
    if f.many:
        items = value if isinstance(value, list) else [value]
        return tuple(canonical(Field(f.name, f.type, f.fr, f.en), v) for v in items)
    if f.type in ("date", "datetime", "date_or_year") and isinstance(value, str):
        try:
            return _parse_text_date(value, with_time=True)
        except Bad:
            return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


# -- to a cell ------------------------------------------------------------------------------------------------

def to_cell(f: Field, value: object, lang: str, ctx: Context) -> object:
    """The cell an export writes for a file's value: a str, number, date or datetime; None when empty."""
    if canonical(f, value) is None:
        return None
    if f.many:
        items = value if isinstance(value, list) else [value]
        return "; ".join(str(_cell_one(f, v, lang, ctx)) for v in items)
    return _cell_one(f, value, lang, ctx)


def _cell_one(f: Field, value: object, lang: str, ctx: Context) -> object:
    if isinstance(value, bool):
        return ("oui" if value else "non") if lang == "fr" else ("yes" if value else "no")
    if f.type in CODE_TYPES and isinstance(value, str):
        return label(f, value, lang, ctx)
    if f.type in ("date", "datetime", "date_or_year") and isinstance(value, str):
        parsed = canonical(f, value)
        return parsed if isinstance(parsed, dt.date) else value
    if isinstance(value, (dt.date, int, float)):
        return value
    return str(value)
