"""Field types: one `FieldType` per type of the content model, stated once and interpreted everywhere.

A type is data. Its `steps` are the rules a value goes through, each a rule of a small vocabulary (`RULES`
below) with its parameters and its message; the rest says how a value is written in YAML, which values are
allowed (`values`), its JSON Schema fragment, its form control and its one-line help. Four interpreters read it:

- `checks.py` runs the steps on what YAML read (`FieldType.check`), with the located, translated messages;
- `propose.js` runs the same steps, read from the generated
  `theme/js/propose-<kind>.<lang>.js` (`FieldType.browser`), on what a
  contributor types in the web form; steps marked `server` need what only the build has (files on disk, the
  code lists, Unicode's character names) and stay here;
- `contribute/schemas.py` writes the JSON Schema fragment (`FieldType.schema`), `contribute/form.py` the
  control (`FieldType.form_control`).

Adding a field type is one entry of TYPES plus its tests.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from . import chars, codes, filetypes
from .filetypes import DOCUMENT, IMAGE
from .messages import Message, message, shown

if TYPE_CHECKING:  # pragma: no cover
    from .files import Inventory
    from .schema import Field
    from .taxonomy import Taxonomy

# The patterns are JavaScript and Python alike, anchored with ^ and $; Python's $ also matches before a final
# newline, so this module matches them with fullmatch, and with re.ASCII, as JavaScript's \d is 0-9 only.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An address and nothing else: it becomes a mailto: link, where "?" starts headers (bcc, body), "%" escapes
# any character, "&", ";" and "," separate more of them. RFC 5322 allows those in the local part; no
# organisation needs them, so the local part is letters, digits, ".", "_", "+" and "-".
EMAIL_RE = re.compile(r"^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
#: Characters that change what a mailto: link does, named when they appear in an e-mail field.
MAILTO_SPECIAL = "?&=%#,;:<>\"'/\\[]"
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ().-]{4,24}[0-9]$")
HANDLE_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")
DATE_ONLY = r"^\d{4}-\d{2}-\d{2}$"
MAX_TEXT, MAX_LONGTEXT, MAX_EMAIL = 300, 5000, 254
FIRST_YEAR, LAST_YEAR = 1800, 2100
#: The largest amount: beyond it a float no longer holds the cents exactly, and no project needs it.
MAX_AMOUNT = 10**15
#: A bound that is the build's year: resolved when the rules are used (the check, the form's data).
THIS_YEAR = "this_year"

#: Numbers as people write them, tried in order: (pattern, thousands separators to remove, decimal mark).
#: The separators None mark a reading that is ambiguous: "1,500" is one thousand five hundred in English and
#: one and a half in French, so it is refused with both readings rather than guessed.
NUMBER_FORMS: tuple[tuple[str, str | None, str | None], ...] = (
    (r"^[+-]?\d{1,3}[.,]\d{3}$", None, None),
    (r"^[+-]?\d+(?:\.\d+)?$", "", r"\."),
    (r"^[+-]?\d+,\d+$", "", ","),
    # French groups thousands with a space (phones type a no-break or narrow no-break space).
    (r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$", "[ \u00a0\u202f]", "[.,]"),
    (r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", ",", r"\."),
    (r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$", r"\.", ","),
)

#: Typographic quotes that phones put around a whole value (“Ségou”, « Ségou », ‘x’): (opening, closing).
QUOTES: tuple[tuple[str, str], ...] = (
    ("“", "”"), ("”", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"), ("‘", "’"), ("’", "’"), ("‚", "‘"),
    ("‹", "›"), ("›", "‹"),
)

# -- messages -------------------------------------------------------------------------------------------------

#: Every msgid of this module: the browser data carries the translations of those it uses.
MESSAGES: set[str] = set()


def N_(text: str) -> str:  # noqa: N802 - the gettext marker pybabel extracts; it also records the msgid
    MESSAGES.add(text)
    return text


READ_AS_BOOL = N_("{raw} was read as a yes/no value ({value}); put the text in quotes: \"{raw}\"")
READ_AS_NUMBER = N_("{raw} was read as a number ({value}); put the text in quotes: \"{raw}\"")
READ_AS_DATE = N_("{raw} was read as a date; put the text in quotes: \"{raw}\"")
NOT_TEXT = N_("{value} must be text")
UNQUOTED = N_("{typed} is read as {value}: the quotes around it are not part of the value; remove them")
EMPTY = N_("is empty; give a value or remove the line")
ONE_LINE = N_("must fit on one line")
TOO_LONG = N_("is {length} characters long; keep it under {limit}")
INVISIBLE = N_("contains {char} at position {position}; remove it: invisible and control characters can make a "
               "text look like another one")
NOT_SLUG = N_("{value} is not an identifier: use lowercase letters, digits and hyphens")
NOT_BOOL = N_("{value} must be true or false")
NOT_WHOLE = N_("{value} must be a whole number")
NOT_NUMBER = N_("{value} must be {what}, written with digits, e.g. 15000000 or 1500.50")
AN_AMOUNT, A_PERCENTAGE = N_("an amount"), N_("a percentage")
A_LATITUDE, A_LONGITUDE = N_("a latitude in degrees"), N_("a longitude in degrees")
READ_AS_NUMBER_NOTICE = N_("{value} is read as {number}; write {number}: digits, a point before the decimals, no "
                           "spaces and no quotes")
AMBIGUOUS_NUMBER = N_("{value} can be read two ways: write {thousands} if it means thousands, or {decimal} if the "
                      "separator marks the decimals")
NEGATIVE = N_("{value} must not be negative")
BETWEEN = N_("{value} must be between {min} and {max}")
YEAR_RANGE = N_("{number} is not a possible year (between {min} and {max})")
NOT_SDG = N_("{value} is not a Sustainable Development Goal: use a number from 1 to 17")
NOT_A_DATE = N_("{value} is not a date; write YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", e.g. 2027-03-10")
NOT_DATE_VALUE = N_("{value} is not a date; write YYYY-MM-DD, e.g. 2027-03-10")
NOT_REAL_DATE = N_("{value} is not a real date or time ({reason})")
DATE_REASONS = {"month": N_("month must be in 1..12"), "day": N_("day is out of range for month"),
                "hour": N_("hour must be in 0..23"), "minute": N_("minute must be in 0..59")}
DATE_RANGE = N_("{value} lies outside the possible range ({min}–{max})")
NO_TIME = N_("{value} must be a date without a time: YYYY-MM-DD")
OFFSET = N_("{value}: write the local time without an offset (\"2027-03-10 09:00\") and give the time zone in "
            "\"timezone\"")
NOT_ZONE = N_("{value} is not an IANA time zone")
NOT_COUNTRY = N_("{value} is not an ISO 3166 country code")
NOT_CURRENCY = N_("{value} is not an ISO 4217 currency code")
NOT_LANGUAGE = N_("{value} is not an ISO 639 language code (two letters, or three for a language that has no "
                  "two-letter code, e.g. mos for Mossi)")
NOT_SECTOR = N_("{value} is not a sector code of content/taxonomy.yml")
NOT_LEGAL_FORM = N_("{value} is not a legal form code of content/taxonomy.yml")
NOT_CHOICE = N_("{value} is not one of: {choices}")
DID_YOU_MEAN = N_("{problem}; did you mean {guess}?")
URL_SPACES = N_("{value} is not a URL: it contains spaces; encode them as %20")
URL_CHARACTER = N_("{value} is not a URL: it contains {char}; remove it")
URL_INVALID = N_("{value} is not a valid URL")
URL_SCHEME = N_("{value} is not allowed: \"{scheme}:\" links are refused; give an address starting with https://")
URL_NO_SCHEME = N_("{value} is not allowed: a link without http:// or https:// is refused; give an address "
                   "starting with https://")
URL_HOST = N_("{value} is not a valid web address (https://example.org/…)")
EMAIL_CHARACTER = N_("{value} is not an e-mail address: {char} has no place in one; write the address alone, e.g. "
                     "name@example.org")
NOT_EMAIL = N_("{value} is not an e-mail address (name@example.org)")
NOT_PHONE = N_("{value} is not a phone number: digits, spaces and an optional leading +, e.g. \"+226 25 30 00 00\"")
NOT_HANDLE = N_("{value} is not a Git host account name (letters, digits and hyphens)")
PATH_OUTSIDE = N_("{path} must be a path inside content/ (e.g. images/logos/name.png)")
PATH_EXTENSION = N_("{path} must be {what} ({extensions})")
AN_IMAGE, A_DOCUMENT = N_("an image"), N_("a document")
PATH_FOLDER = N_("{path} must be in one of these folders of content/: {folders}")
PATH_REFUSED = N_("{path} cannot be used: the file itself is refused (see its own line in this report)")
PATH_MISSING = N_("{path} does not exist under content/; add the file or fix the path")
#: Per kind referred to: the noun's article and gender differ in each language.
REF_NOT_SLUG = {
    "organisation": N_("{value} is not an identifier; use the file name of the organisation without .md"),
    "project": N_("{value} is not an identifier; use the file name of the project without .md"),
    "event": N_("{value} is not an identifier; use the file name of the event without .md"),
}
REF_MISSING = {
    "organisation": N_("{value} is not an organisation of {folder}"),
    "project": N_("{value} is not a project of {folder}"),
    "event": N_("{value} is not an event of {folder}"),
}
REF_FOLDERS = {"organisation": "organisations", "project": "projects", "event": "events"}

# -- steps ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One rule of the vocabulary with its parameters; messages are msgids (a dict: one per kind referred to)."""

    rule: str
    params: tuple[tuple[str, Any], ...] = ()
    server: bool = False  # needs the build (files, code lists, Unicode names): never sent to the browser

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", dict(self.params))  # read for every value of every file

    def get(self, name: str, default: Any = None) -> Any:
        return self._by_name.get(name, default)

    def data(self, today: dt.date) -> dict:
        """The step for the browser, bounds that are the build's year resolved."""
        return {"rule": self.rule, **{k: _resolve(v, today.year) for k, v in self.params}}


def step(rule: str, *, server: bool = False, **params: Any) -> Step:
    if rule not in RULES:
        raise ValueError(f"content model: unknown step rule {rule!r}")
    return Step(rule, tuple(params.items()), server)


def _resolve(value: Any, year: int) -> Any:
    if isinstance(value, list):
        return [_resolve(v, year) for v in value]
    return year if value == THIS_YEAR else value


class Invalid(Exception):
    """A value refused by a step, with the message the contributor reads."""

    def __init__(self, msg: Message) -> None:
        super().__init__(str(msg))
        self.message = msg


class Context(Protocol):
    """What steps need besides the value (checks.py provides it for each value it checks)."""

    today: dt.date
    taxonomy: Taxonomy

    @property
    def inventory(self) -> Inventory: ...
    def raw(self) -> str: ...  # the value as written in the file
    def notice(self, msg: Message) -> None: ...  # a remark that does not refuse the value
    def refer(self, kind: str, slug: str) -> None: ...  # a reference, resolved once every file is read


def value_text(value: Any) -> str:
    """A checked value in a message, as propose.js writes it too: 50.0 is "50", a date is ISO."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _pick(msgid: str | dict, f: Field) -> str:
    return msgid[f.ref] if isinstance(msgid, dict) else msgid


def _text(value, s, f, ctx):
    if isinstance(value, str):
        return value
    raw = ctx.raw()
    if isinstance(value, bool):
        raise Invalid(message(READ_AS_BOOL, raw=raw, value=str(value).lower()))
    if isinstance(value, (int, float)):
        raise Invalid(message(READ_AS_NUMBER, raw=raw, value=value))
    if isinstance(value, (dt.date, dt.datetime)):
        raise Invalid(message(READ_AS_DATE, raw=raw))
    raise Invalid(message(NOT_TEXT, value=shown(value)))


_OPENINGS = frozenset(opening for opening, _ in QUOTES)


def unquote(text: str) -> str | None:
    """`text` without the typographic quotes around the whole of it, or None when it has none."""
    core = text.strip()
    if core[:1] not in _OPENINGS:  # nearly every value: checked at once
        return None
    for opening, closing in QUOTES:
        if len(core) >= 2 and core[0] == opening and core[-1] == closing:
            inner = core[1:-1]
            if opening not in inner and closing not in inner:
                return inner.strip()
    return None


def _unquote(value, s, f, ctx):
    inner = unquote(value)
    if inner is None:
        return value
    typed = chars.escape(value.strip())
    ctx.notice(message(UNQUOTED, typed=typed if len(typed) <= 60 else typed[:57] + "…", value=shown(inner)))
    return inner


def _trim(value, s, f, ctx):
    return value.strip()


def _filled(value, s, f, ctx):
    if not value.strip():
        raise Invalid(message(s.get("m")))
    return value


def _line(value, s, f, ctx):
    if "\n" in value.strip():
        raise Invalid(message(s.get("m")))
    return value


def _length(value, s, f, ctx):
    if len(value) > s.get("max"):
        raise Invalid(message(s.get("m"), value=shown(value), length=len(value), limit=s.get("max")))
    return value


def _visible(value, s, f, ctx):
    text = value.strip()
    # isprintable() runs at C speed, and every unsafe character is unprintable for it.
    bad = None if text.isprintable() else chars.first_unsafe(text, s.get("allow", ""))
    if bad is not None:
        raise Invalid(message(s.get("m"), value=shown(value), char=chars.describe(bad[1]), position=bad[0] + 1))
    return value


def _collapse(value, s, f, ctx):
    return " ".join(value.split())


def _strip(value, s, f, ctx):
    return re.sub(s.get("pattern"), "", value, count=1, flags=re.IGNORECASE if "i" in s.get("flags", "") else 0)


def _chars(value, s, f, ctx):
    special = s.get("chars")
    bad = next((c for c in value if c in special or c.isspace() or chars.is_unsafe(c)), None)
    if bad is not None:
        raise Invalid(message(s.get("m"), value=shown(value), char=chars.describe(bad)))
    return value


def _pattern(value, s, f, ctx):
    if not re.fullmatch(s.get("pattern"), value, re.ASCII) or len(value) > s.get("max", math.inf):
        raise Invalid(message(_pick(s.get("m"), f), value=shown(value)))
    return value


def _boolean(value, s, f, ctx):
    if not isinstance(value, bool):
        raise Invalid(message(s.get("m"), value=shown(value)))
    return value


def _integer(value, s, f, ctx):
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(message(s.get("m"), value=shown(value)))
    return value


def read_number(text: str, ambiguous: str = "") -> float | int | None:
    """A number written the way people write it (see NUMBER_FORMS); None when it is none.
    Raises Invalid (message `ambiguous`) with both readings when it is ambiguous."""
    for pattern, groups, mark in NUMBER_FORMS:
        if not re.fullmatch(pattern, text, re.ASCII):
            continue
        if groups is None:
            sign, head, tail = re.fullmatch(r"([+-]?)(\d+)[.,](\d+)", text).groups()
            raise Invalid(message(ambiguous, value=shown(text), thousands=f"{sign}{head}{tail}",
                                  decimal=value_text(float(f"{sign}{head}.{tail}"))))
        plain = re.sub(mark, ".", re.sub(groups, "", text) if groups else text, count=1)
        return float(plain) if "." in plain else int(plain)
    return None


def _number(value, s, f, ctx):
    if isinstance(value, str) and not isinstance(value, bool):
        number = read_number(value.strip(), s.get("ambiguous"))
        if number is not None:
            ctx.notice(message(s.get("notice"), value=shown(value), number=value_text(number)))
            value = number
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise Invalid(message(s.get("m"), value=shown(value), what=message(s.get("what"))))
    return float(value) if s.get("float") else value


def _range(value, s, f, ctx):
    low, high = (_resolve(s.get(k), ctx.today.year) for k in ("min", "max"))
    args = {"value": shown(value_text(value)), "number": value_text(value), "min": low, "max": high}
    if low is not None and value < low:
        raise Invalid(message(s.get("below"), **args))
    if high is not None and value > high:
        raise Invalid(message(s.get("above"), **args))
    return value


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_datetime(text: str, s: Step) -> dt.date:
    """'2027-03-10' or '2027-03-10 09:00' (a T also separates them); Invalid says what is wrong."""
    m = re.fullmatch(s.get("pattern"), text.strip(), re.ASCII)
    if not m:
        raise Invalid(message(s.get("format"), value=shown(text)))
    y, mo, d, h, mi = (None if part is None else int(part) for part in m.groups())
    reasons = s.get("reasons")
    for name, bad in (("month", not 1 <= mo <= 12), ("day", not 1 <= d <= _days_in_month(y, mo) if 1 <= mo <= 12
                                                      else False),
                      ("hour", h is not None and h > 23), ("minute", mi is not None and mi > 59)):
        if bad:
            raise Invalid(message(s.get("unreal"), value=shown(text), reason=message(reasons[name])))
    if not s.get("first") <= y <= s.get("last"):
        raise Invalid(message(s.get("range"), value=shown(text), min=s.get("first"), max=s.get("last")))
    return dt.date(y, mo, d) if h is None else dt.datetime(y, mo, d, h, mi)


def _date(value, s, f, ctx):
    years = s.get("years")
    if years and isinstance(value, int) and not isinstance(value, bool):
        return _range(value, step("range", min=years[0], max=years[1], below=s.get("year"), above=s.get("year")),
                      f, ctx)
    shown_raw = shown(ctx.raw() if not isinstance(value, str) else value)
    if isinstance(value, str):
        got = parse_datetime(value, s)
    elif isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise Invalid(message(s.get("offset"), value=shown_raw))
        got = value
    elif isinstance(value, dt.date):
        got = value
    else:
        raise Invalid(message(s.get("not_date"), value=shown_raw))
    if not s.get("first") <= got.year <= s.get("last"):
        raise Invalid(message(s.get("range"), value=shown_raw, min=s.get("first"), max=s.get("last")))
    if isinstance(got, dt.datetime) and not s.get("time"):
        raise Invalid(message(s.get("no_time"), value=shown_raw))
    return got


#: Where the allowed values of a type come from, on the server (the browser gets the lists it needs).
SOURCES: dict[str, Callable[[Field, Context], Any]] = {
    "choices": lambda f, ctx: f.codes,
    "countries": lambda f, ctx: codes.countries(),
    "currencies": lambda f, ctx: codes.currencies(),
    "languages": lambda f, ctx: codes.languages(),
    "timezones": lambda f, ctx: codes.timezones(),
    "sectors": lambda f, ctx: ctx.taxonomy.sectors,
    "legal_forms": lambda f, ctx: ctx.taxonomy.legal_forms,
}


def _guess(how: str, text: str, f: Field, ctx: Context) -> str | None:
    if how == "nearest":
        return codes.nearest(text, f.codes)
    if how in ("sectors", "legal_forms"):
        entries = getattr(ctx.taxonomy, how)
        by_label = {codes.fold(label): code for code, labels in entries.items() for label in labels.values()}
        return by_label.get(codes.fold(text)) or codes.nearest(text, list(entries))
    return codes.suggest(how, text)


def with_guess(problem: Message, guess: str | None, typed: str) -> Message:
    """`problem; did you mean "X"?` — never a guess that repeats what was typed."""
    if not guess or guess == typed:
        return problem
    return message(DID_YOU_MEAN, problem=problem, guess=shown(guess))


#: Codes with several spellings for one thing, and the one the site keeps.
CANONICAL: dict[str, Callable[[str], str]] = {"language": codes.canonical_language}


def _one_of(value, s, f, ctx):
    allowed = SOURCES[s.get("from")](f, ctx)
    if value in allowed:
        canonical = s.get("canonical")
        return CANONICAL[canonical](value) if canonical else value
    problem = message(s.get("m"), value=shown(value), choices=", ".join(f.codes))
    how = s.get("suggest")
    raise Invalid(with_guess(problem, _guess(how, value, f, ctx) if how else None, value))


def _no_space(value, s, f, ctx):
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise Invalid(message(s.get("m"), value=shown(value)))
    return value


def _url(value, s, f, ctx):
    try:
        parts = urlsplit(value)
    except ValueError:
        raise Invalid(message(s.get("invalid"), value=shown(value))) from None
    if parts.scheme.lower() not in s.get("schemes"):
        if parts.scheme:
            raise Invalid(message(s.get("scheme"), value=shown(value), scheme=parts.scheme))
        raise Invalid(message(s.get("no_scheme"), value=shown(value)))
    if not parts.hostname or "." not in parts.hostname:
        raise Invalid(message(s.get("host"), value=shown(value)))
    return value


_EXTENSIONS = {IMAGE: filetypes.IMAGE_EXTENSIONS, DOCUMENT: tuple(filetypes.BY_EXTENSION)}


def _file(value, s, f, ctx):
    """A path to a file of content/ that the walk accepted (files.py, filetypes.py): the same table, the same
    checks of the bytes, and never a link followed, here as for the files themselves."""
    written, family = value, s.get("family")  # messages quote the path as the contributor wrote it
    text = written.lstrip("/")
    if text.startswith("{static}"):
        text = text[len("{static}"):].lstrip("/")
    parts = text.split("/")
    if "\\" in text or chars.first_unsafe(text) or any(part in ("", ".", "..") for part in parts):
        raise Invalid(message(PATH_OUTSIDE, path=shown(written)))
    extensions = _EXTENSIONS[family]
    ext = "." + parts[-1].rsplit(".", 1)[1].lower() if "." in parts[-1] else ""
    if ext not in extensions:
        raise Invalid(message(PATH_EXTENSION, path=shown(written),
                              what=message(AN_IMAGE if family == IMAGE else A_DOCUMENT),
                              extensions=", ".join(extensions)))
    places = filetypes.FOLDERS[filetypes.BY_EXTENSION[ext].family]
    if parts[0] not in places:
        raise Invalid(message(PATH_FOLDER, path=shown(written), folders=", ".join(f"{p}/" for p in places)))
    rel = "/".join(parts)
    verdict = ctx.inventory.static.get(rel)
    refused = any("/".join(parts[:i]) in ctx.inventory.refused for i in range(1, len(parts) + 1))
    if refused or (verdict is not None and verdict.type is None):
        raise Invalid(message(PATH_REFUSED, path=shown(written)))
    if verdict is None:
        raise Invalid(message(PATH_MISSING, path=shown(written)))
    return rel


def _refer(value, s, f, ctx):
    # On the server the reference is resolved once every file is read (validate.py, with the same message);
    # the browser checks it at once against the site's entries of that kind.
    ctx.refer(f.ref, value)
    return value


#: The vocabulary of steps: rule -> its Python interpreter (propose.js has one for each rule sent to it).
RULES: dict[str, Callable[[Any, Step, Field, Context], Any]] = {
    "text": _text, "unquote": _unquote, "trim": _trim, "filled": _filled, "line": _line, "length": _length,
    "visible": _visible, "collapse": _collapse, "strip": _strip, "chars": _chars, "pattern": _pattern,
    "boolean": _boolean, "integer": _integer, "number": _number, "range": _range, "date": _date,
    "one_of": _one_of, "no_space": _no_space, "url": _url, "file": _file, "refer": _refer,
}

# -- the form control ---------------------------------------------------------------------------------------

#: Attribute values taken from the steps: the length limit, the range's bounds.
LIMIT, MIN, MAX = "<limit>", "<min>", "<max>"


@dataclass(frozen=True)
class Control:
    """How the web form asks for a value (propose_form.html renders it)."""

    widget: str = "input"  # input, textarea, checkbox, checkboxes, select, datetime, timezone, ref, group, file
    input_type: str = "text"
    #: HTML attributes in order; LIMIT, MIN and MAX stand for the steps' values (left out when a step has none).
    attrs: tuple[tuple[str, Any], ...] = ()
    hint: str = ""  # msgid
    many_hint: str = ""  # msgid, when the field takes a list
    many_widget: str = ""  # the widget when the field takes a list, if not the same
    options: str = ""  # where the options come from: a source of SOURCES, "sdgs" or "refs"
    #: What of the field's description (schema.py) the form leaves out, advice for who writes the file by hand:
    #: ":" the list of codes or the syntax after a colon, "," what follows a comma ("in quotes"), "(" a final
    #: "(ISO code)".
    label_cut: str = ""
    #: A file input for this family of filetypes.TABLE: the form carries the file itself (not its path under
    #: content/), takes only those types, and names them in the hint (its %(types)s).
    accept: str = ""


SELECT_MANY = N_("You can choose several.")
IMAGE_HINT = N_("An image (%(types)s), shown small beside the name. Optional.")

# -- the type -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldType:
    name: str
    steps: tuple[Step, ...]
    help: str  # msgid: what a value looks like, in the field reference
    scalar: str = "string"  # what YAML holds: string, date, number, bool, group
    values: str = ""  # where the allowed values come from (a key of SOURCES)
    multiline: bool = False
    #: Values written unquoted in YAML, where YAML reads them as the type wants (a date), as a pattern.
    plain: str = ""
    #: The JSON Schema fragment's fixed part; the steps add pattern, maxLength, minimum, maximum and enum.
    json: dict = field(default_factory=lambda: {"type": "string"})
    json_examples: tuple[str, ...] = ()
    control: Control = Control()

    @property
    def quoted(self) -> bool:
        """A text value: written in double quotes, and "" when left empty."""
        return self.scalar == "string"

    def first(self, rule: str) -> Step | None:
        return next((s for s in self.steps if s.rule == rule), None)

    # -- the interpreters of this module ------------------------------------------------------------------

    def check(self, value: Any, f: Field, ctx: Context) -> Any:
        """The normalised value; raises Invalid with the message of the first step that refuses it."""
        for s in self.steps:
            value = RULES[s.rule](value, s, f, ctx)
        return value

    def browser(self, today: dt.date) -> dict:
        """What propose.js needs to check and write a value of this type."""
        data: dict = {"steps": [s.data(today) for s in self.steps if not s.server]}
        if self.plain:
            data["plain"] = self.plain
        if self.multiline:
            data["block"] = True
        return data

    def schema(self, f: Field, taxonomy: Taxonomy) -> dict:
        """The JSON Schema of one value. Deterministic: a bound that is the build's year is the last possible
        year (the schema is committed; the validator holds the exact bound)."""
        out = dict(self.json)
        pattern, strip = None, None
        for s in self.steps:
            if s.rule == "strip":
                strip = s.get("pattern").lstrip("^")
            elif s.rule == "pattern" and pattern is None:
                pattern = s.get("pattern")
                if strip:
                    optional = strip + "?" if len(strip) == 1 else f"({strip})?"
                    pattern = "^" + optional + pattern.lstrip("^")
            elif s.rule == "line" and pattern is None:
                pattern = r"^[^\n]*$"
        if pattern and "pattern" not in out:
            out["pattern"] = pattern
        length = self.first("length")
        if length:
            out["maxLength"] = length.get("max")
        bounds = self.first("range")
        if bounds:
            for key, name in (("min", "minimum"), ("max", "maximum")):
                if bounds.get(key) is not None:
                    out[name] = _resolve(bounds.get(key), LAST_YEAR)
        if self.values in ("countries", "currencies"):
            out["enum"] = sorted(SOURCES[self.values](f, None))
        elif self.values == "languages":  # 8,000 ISO 639-3 codes: a pattern, the validator checks the list
            out["pattern"] = "^[a-z]{2,3}$"
        elif self.values in ("sectors", "legal_forms"):
            out["enum"] = list(getattr(taxonomy, self.values))
        elif self.values == "choices":
            out["enum"] = list(f.codes)
        if self.json_examples:
            out["examples"] = list(self.json_examples)
        return out

    def form_control(self, f: Field, today: dt.date) -> dict:
        """The control's description: widget, input type, attributes, hint msgid, where its options come from."""
        c = self.control
        length, bounds = self.first("length"), self.first("range")
        resolved = {LIMIT: length.get("max") if length else None,
                    MIN: bounds.get("min") if bounds else None, MAX: bounds.get("max") if bounds else None}
        attrs = {}
        for name, value in c.attrs:
            value = _resolve(resolved.get(value, value) if isinstance(value, str) else value, today.year)
            if value is not None:
                attrs[name] = value
        widget = c.many_widget if f.many and c.many_widget else c.widget
        hint = c.many_hint if f.many and c.many_hint else c.hint
        multiple = f.many and widget in ("select", "ref")
        hint_values = {}
        if c.accept:
            types = filetypes.image_types() if c.accept == IMAGE else []
            attrs["accept"] = ",".join(t["mime"] for t in types)
            hint_values["types"] = ", ".join(t["ext"][1:].upper() for t in types)
        return {"widget": widget, "input_type": c.input_type, "attrs": attrs, "options": c.options,
                "hint": SELECT_MANY if multiple else hint, "hint_values": hint_values, "multiple": multiple}


# -- the registry ---------------------------------------------------------------------------------------------

#: The first steps of every text value: YAML must have read text (not `no`, `3.10` or a date), and typographic
#: quotes around the whole of it are removed with a notice.
TEXT = (step("text", server=True), step("unquote"))
_DATE_MESSAGES = {"pattern": DATETIME_RE.pattern, "first": FIRST_YEAR, "last": LAST_YEAR, "format": NOT_A_DATE,
                  "not_date": NOT_DATE_VALUE, "unreal": NOT_REAL_DATE, "reasons": DATE_REASONS, "range": DATE_RANGE,
                  "no_time": NO_TIME, "offset": OFFSET}
_DATE_JSON = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_PATH_JSON = {"type": "string", "pattern": r"^[^\s/][^\s]*$"}
NUMBER_MESSAGES = {"m": NOT_NUMBER, "ambiguous": AMBIGUOUS_NUMBER, "notice": READ_AS_NUMBER_NOTICE}
#: A number people may write the French way ("1 500,50"): a text input with the decimal keypad, so that the
#: browser hands the form what was typed (a type=number input drops it) and the form reads it as the validator does.
NUMBER_CONTROL = Control(input_type="text", attrs=(("inputmode", "decimal"), ("autocomplete", "off")))
WHOLE_CONTROL = Control(input_type="number", attrs=(("step", 1), ("min", MIN), ("max", MAX),
                                                    ("inputmode", "numeric")))


def _numeric(name: str, what: str, low: float, high: float, help: str, *, below: str = BETWEEN,
             real: bool = False, control: Control = NUMBER_CONTROL) -> FieldType:
    return FieldType(name, (step("number", what=what, **NUMBER_MESSAGES, **({"float": True} if real else {})),
                            step("range", min=low, max=high, below=below, above=BETWEEN)),
                     help, scalar="number", json={"type": "number"}, control=control)


def _code(name: str, values: str, msgid: str, help: str, suggest: str, control: Control,
          canonical: str = "") -> FieldType:
    """A code of a list the form offers as a select: the list itself stays on the server."""
    extra = {"canonical": canonical} if canonical else {}
    return FieldType(name, (*TEXT, step("one_of", server=True, m=msgid, suggest=suggest, **{"from": values},
                                        **extra)), help, values=values, control=control)


_TYPES: tuple[FieldType, ...] = (
    FieldType("text", (*TEXT, step("filled", m=EMPTY), step("line", m=ONE_LINE),
                       step("length", max=MAX_TEXT, m=TOO_LONG), step("visible", server=True, m=INVISIBLE),
                       step("collapse", server=True)),
              N_("text on one line"),
              control=Control(attrs=(("maxlength", LIMIT),), many_hint=N_("Separate the values with commas."))),
    FieldType("longtext", (*TEXT, step("filled", m=EMPTY), step("length", max=MAX_LONGTEXT, m=TOO_LONG),
                           step("visible", server=True, m=INVISIBLE, allow="\n\t"), step("trim")),
              N_("text, several lines allowed"), multiline=True,
              control=Control("textarea", attrs=(("maxlength", LIMIT), ("rows", 3)),
                              hint=N_("Plain text; line breaks are kept."))),
    FieldType("slug", (*TEXT, step("pattern", pattern=SLUG_RE.pattern, m=NOT_SLUG)),
              N_("identifier: lowercase letters, digits and hyphens")),
    FieldType("bool", (step("boolean", m=NOT_BOOL),), N_("true or false"), scalar="bool",
              json={"type": "boolean"}, control=Control("checkbox")),
    FieldType("integer", (step("integer", m=NOT_WHOLE),), N_("whole number"), scalar="number",
              json={"type": "integer"}, control=WHOLE_CONTROL),
    FieldType("year", (step("integer", m=NOT_WHOLE),
                       step("range", min=FIRST_YEAR, max=THIS_YEAR, below=YEAR_RANGE, above=YEAR_RANGE)),
              N_("year, e.g. 2004"), scalar="number", json={"type": "integer"}, control=WHOLE_CONTROL),
    FieldType("amount", (step("number", what=AN_AMOUNT, **NUMBER_MESSAGES),
                         step("range", min=0, max=MAX_AMOUNT, below=NEGATIVE, above=BETWEEN)),
              N_("amount in digits, without spaces"), scalar="number", json={"type": "number"},
              # No max attribute: the bound is the site's arithmetic, not something a contributor nears.
              control=NUMBER_CONTROL),
    _numeric("percent", A_PERCENTAGE, 0, 100, N_("percentage from 0 to 100"), below=NEGATIVE),
    FieldType("sdg", (step("integer", m=NOT_SDG), step("range", min=1, max=17, below=NOT_SDG, above=NOT_SDG)),
              N_("number from 1 to 17"), scalar="number", json={"type": "integer"},
              control=Control("checkboxes", options="sdgs", label_cut="(")),
    FieldType("date", (step("date", time=False, **_DATE_MESSAGES),), N_("date YYYY-MM-DD"), scalar="date",
              plain=DATE_ONLY, json=_DATE_JSON, control=Control(input_type="date")),
    FieldType("date_or_year", (step("date", time=False, years=[FIRST_YEAR, THIS_YEAR], year=YEAR_RANGE,
                                    **_DATE_MESSAGES),),
              N_("year, or date YYYY-MM-DD"), scalar="date", plain=DATE_ONLY,
              json={"anyOf": [{"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}, _DATE_JSON]},
              control=Control(attrs=(("inputmode", "numeric"), ("placeholder", "2019")),
                              hint=N_("A year (2019) or a date (2019-05-01)."))),
    FieldType("datetime", (step("date", time=True, **_DATE_MESSAGES),),
              N_("date YYYY-MM-DD, or \"YYYY-MM-DD HH:MM\" in quotes"), scalar="date", plain=DATE_ONLY,
              json={"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?$"},
              control=Control("datetime", label_cut=":")),
    # The browser gets Africa's zones and completes them with its own list (Intl's "timeZone").
    FieldType("timezone", (*TEXT, step("one_of", m=NOT_ZONE, suggest="timezone", world="timeZone",
                                       **{"from": "timezones"})),
              N_("IANA time zone, e.g. Africa/Abidjan"), values="timezones",
              json={"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"},
              json_examples=("Africa/Ouagadougou", "Africa/Nairobi"),
              control=Control("timezone", attrs=(("autocomplete", "off"), ("spellcheck", "false")),
                              hint=N_("Start typing: Africa/…"), options="timezones")),
    _code("country", "countries", NOT_COUNTRY, N_("ISO 3166-1 alpha-2 country code, e.g. BF"), suggest="country",
          control=Control("select", options="countries", label_cut="(")),
    _code("currency", "currencies", NOT_CURRENCY, N_("ISO 4217 currency code, e.g. XOF"), suggest="currency",
          control=Control("select", options="currencies", label_cut="(")),
    _code("language", "languages", NOT_LANGUAGE, N_("ISO 639 language code, e.g. fr, or mos for Mossi"),
          suggest="language", control=Control("select", options="languages", label_cut="("), canonical="language"),
    _code("sector", "sectors", NOT_SECTOR, N_("sector code (table below)"), suggest="sectors",
          control=Control("checkboxes", options="sectors", label_cut="(")),
    _code("legal_form", "legal_forms", NOT_LEGAL_FORM, N_("legal form code (table below)"), suggest="legal_forms",
          control=Control("select", options="legal_forms", label_cut="(")),
    FieldType("choice", (*TEXT, step("one_of", **{"from": "choices"}, m=NOT_CHOICE, suggest="nearest")),
              N_("one of: %(values)s"), values="choices",
              control=Control("select", many_widget="checkboxes", options="choices", label_cut=":")),
    FieldType("url", (*TEXT, step("trim"), step("no_space", m=URL_SPACES),
                      step("visible", server=True, m=URL_CHARACTER),
                      step("url", schemes=["http", "https"], scheme=URL_SCHEME, no_scheme=URL_NO_SCHEME,
                           host=URL_HOST, invalid=URL_INVALID)),
              N_("web address starting with https://"),
              json={"type": "string", "format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+\.[^\s]+$"},
              control=Control(input_type="url", attrs=(("placeholder", "https://"),),
                              hint=N_("Starts with https://"))),
    FieldType("email", (*TEXT, step("trim"), step("strip", pattern="^mailto:", flags="i"),
                        step("chars", chars=MAILTO_SPECIAL, names={c: chars.describe(c) for c in MAILTO_SPECIAL + " "},
                             m=EMAIL_CHARACTER),
                        step("pattern", pattern=EMAIL_RE.pattern, max=MAX_EMAIL, m=NOT_EMAIL)),
              N_("e-mail address"), json={"type": "string", "format": "email"},
              control=Control(input_type="email", attrs=(("autocomplete", "email"),))),
    FieldType("phone", (*TEXT, step("trim"), step("pattern", pattern=PHONE_RE.pattern, m=NOT_PHONE)),
              N_("phone number in quotes, e.g. \"+226 25 30 00 00\""),
              control=Control(input_type="tel", attrs=(("autocomplete", "tel"),),
                              hint=N_("With the country code, e.g. +226 25 30 00 00"), label_cut=",")),
    FieldType("handle", (*TEXT, step("trim"), step("strip", pattern="^@"),
                         step("pattern", pattern=HANDLE_RE.pattern, m=NOT_HANDLE)),
              N_("Git host account name"),
              control=Control(attrs=(("autocapitalize", "none"), ("spellcheck", "false")),
                              hint=N_("Account names separated by commas, e.g. awa-ouedraogo, kofi-mensah"))),
    FieldType("image", (*TEXT, step("trim"), step("file", server=True, family=IMAGE)),
              N_("path of an image under content/, e.g. images/logos/name.png"), json=_PATH_JSON,
              json_examples=("images/logos/name.png",),
              control=Control("file", input_type="file", accept=IMAGE, hint=IMAGE_HINT, label_cut=":")),
    FieldType("document", (*TEXT, step("trim"), step("file", server=True, family=DOCUMENT)),
              N_("path of a file under content/, e.g. documents/tenders/name.pdf"), json=_PATH_JSON,
              json_examples=("documents/tenders/name.pdf",)),
    _numeric("latitude", A_LATITUDE, -90, 90, N_("decimal degrees from -90 to 90"), real=True),
    _numeric("longitude", A_LONGITUDE, -180, 180, N_("decimal degrees from -180 to 180"), real=True),
    FieldType("ref", (*TEXT, step("trim"), step("pattern", pattern=SLUG_RE.pattern, m=REF_NOT_SLUG),
                      step("refer", m=REF_MISSING, folders={k: f"content/{v}/" for k, v in REF_FOLDERS.items()})),
              N_("identifier of an entry of %(folder)s (its file name without .md)"), values="refs",
              control=Control("ref", options="refs", label_cut="(")),
    FieldType("object", (), N_("group of the sub-fields below"), scalar="group", json={"type": "object"},
              control=Control("group")),
)

#: Every field type by name, in the model's order.
TYPES: dict[str, FieldType] = {t.name: t for t in _TYPES}


def browser_data(today: dt.date) -> dict:
    """The vocabulary's shared data and every type's steps, for the form's rules files (propose-<kind>.<lang>.js)."""
    return {"types": {name: t.browser(today) for name, t in TYPES.items() if name != "object"},
            "numbers": [list(form) for form in NUMBER_FORMS], "quotes": [list(pair) for pair in QUOTES]}


def msgids(value: Any) -> set[str]:
    """Every msgid of this module found in `value` (browser data), to translate into the data file."""
    found: set[str] = set()
    if isinstance(value, str):
        if value in MESSAGES:
            found.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            found |= msgids(v)
    elif isinstance(value, list):
        for v in value:
            found |= msgids(v)
    return found

