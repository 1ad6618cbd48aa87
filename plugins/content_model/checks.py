"""Check one entry's front matter against its kind in `schema.py`.

Every check runs and every problem is collected (never the first one only), each with the line of the
offending key, so a contributor fixes a file in one pass.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import get_currency_precision

from . import chars, codes, files, filetypes
from .filetypes import DOCUMENT, IMAGE
from .frontmatter import FrontMatter, Path_, Problem, format_path
from .limits import DEFAULT, Limits
from .messages import N_, Message, message, shown
from .schema import Field, Kind
from .taxonomy import Taxonomy

# The patterns are also the web form's (propose.js) and the JSON Schemas': JavaScript syntax, anchored with ^ and
# $. Python's $ also matches before a final newline, so this module matches them with fullmatch.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An address and nothing else: it becomes a mailto: link, where "?" starts headers (bcc, body), "%" escapes
# any character, "&", ";" and "," separate more of them. RFC 5322 allows those in the local part; no
# organisation needs them, so the local part is letters, digits, ".", "_", "+" and "-".
_EMAIL_RE = re.compile(r"^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
#: Characters that change what a mailto: link does, named when they appear in an e-mail field.
_MAILTO_SPECIAL = "?&=%#,;:<>\"'/\\[]"
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ().-]{4,24}[0-9]$")
_HANDLE_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")
_EXTENSIONS = {IMAGE: filetypes.IMAGE_EXTENSIONS, DOCUMENT: tuple(filetypes.BY_EXTENSION)}
MAX_TEXT, MAX_LONGTEXT = 300, 5000
FIRST_YEAR, LAST_YEAR = 1800, 2100


@dataclass
class Reference:
    """A slug of another entry, resolved once every file is read."""

    path: Path_
    kind: str
    slug: str
    line: int


@dataclass
class Checked:
    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


class Checker:
    """Holds what checks need besides the file: the taxonomy, the content folder and today's date."""

    def __init__(self, taxonomy: Taxonomy, content_root: Path, today: dt.date, *,
                 inventory: files.Inventory | None = None, limits: Limits = DEFAULT) -> None:
        self.taxonomy = taxonomy
        self.content_root = content_root
        self.today = today
        self.limits = limits
        self._inventory = inventory

    @property
    def inventory(self) -> files.Inventory:
        """The files of content/ as the walk judged them (walked here when the caller did not)."""
        if self._inventory is None:
            self._inventory = files.walk(self.content_root, self.limits, lambda rel, problem: None)
        return self._inventory

    # -- entry points ---------------------------------------------------------------------------------

    def check(self, kind: Kind, fm: FrontMatter) -> Checked:
        out = Checked({})
        out.data = self._fields(kind.fields, fm.data, (), fm, out, top=True)
        _RULES.get(kind.name, _no_rules)(self, out.data, fm, out)
        return out

    def check_translation(self, kind: Kind, fm: FrontMatter, original: str) -> Checked:
        out = Checked({})
        allowed = [f for f in kind.fields if f.translatable]
        structured = {f.name for f in kind.fields} - {f.name for f in allowed}
        text_only: dict = {}
        for key, value in fm.data.items():
            if key in structured:
                out.problems.append(Problem(
                    fm.line_of((key,)), key,
                    f"a translation carries text only ({', '.join(f.name for f in allowed)}); remove "
                    f"\"{key}\": it comes from {original}"))
            else:
                text_only[key] = value
        out.data = self._fields(tuple(allowed), text_only, (), fm, out, top=True, required=False)
        return out

    # -- structure -----------------------------------------------------------------------------------

    def _fields(self, fields: tuple[Field, ...], data: Any, path: Path_, fm: FrontMatter, out: Checked,
                top: bool = False, required: bool = True) -> dict:
        if not isinstance(data, dict):
            out.problems.append(Problem(fm.line_of(path), format_path(path),
                                        "must be a group of sub-fields: " + ", ".join(f.name for f in fields)))
            return {}
        known = {f.name: f for f in fields}
        result: dict = {}
        for key in data:
            if key not in known:
                out.problems.append(Problem(fm.line_of(path + (key,)), format_path(path + (key,)),
                                            _unknown(key, list(known))))
        for f in fields:
            sub = path + (f.name,)
            value = data.get(f.name)
            if f.name not in data or _is_empty(value) or (not f.required and _is_blank_group(value)):
                if f.required and required:
                    if f.name in data:
                        out.problems.append(Problem(fm.line_of(sub), format_path(sub),
                                                    f"is empty; give a value ({f.en.lower()})"))
                    else:
                        where = "" if top else f" under \"{format_path(path)}\""
                        out.problems.append(Problem(fm.line_of(path) if path else 1, format_path(sub),
                                                    f"missing required field{where}; add \"{f.name}: …\" "
                                                    f"({f.en.lower()})"))
                continue
            checked = self._value(f, value, sub, fm, out)
            if checked is not None:
                result[f.name] = checked
        return result

    def _value(self, f: Field, value: Any, path: Path_, fm: FrontMatter, out: Checked) -> Any:
        if f.many:
            if not isinstance(value, list):
                out.problems.append(Problem(fm.line_of(path), format_path(path),
                                            f"must be a list: write [{_show(value)}] or one '- value' line "
                                            "per value"))
                return None
            items = []
            for i, item in enumerate(value):
                checked = self._one(f, item, path + (i,), fm, out)
                if checked is not None:
                    if f.type != "object" and checked in items:
                        out.problems.append(Problem(fm.line_of(path + (i,)), format_path(path + (i,)),
                                                    f"{_show(item)} is listed twice; keep it once"))
                        continue
                    items.append(checked)
            return items
        return self._one(f, value, path, fm, out)

    def _one(self, f: Field, value: Any, path: Path_, fm: FrontMatter, out: Checked) -> Any:
        if f.type == "object":
            return self._fields(f.fields, value, path, fm, out)
        if isinstance(value, (dict, list)):
            shape = "list" if isinstance(value, list) else "group of fields"
            out.problems.append(Problem(fm.line_of(path), format_path(path),
                                        f"must be a single value, not a {shape}"))
            return None
        try:
            return getattr(self, "_t_" + f.type)(f, value, path, fm, out)
        except _Bad as bad:
            out.problems.append(Problem(fm.line_of(path), format_path(path), bad.message))
            return None

    # -- scalar types (each returns the normalised value or raises _Bad) --------------------------------

    def _t_text(self, f, value, path, fm, out, limit=MAX_TEXT, multiline=False):
        text = _need_str(value, path, fm)
        if not text.strip():
            raise _Bad(message(N_("is empty; give a value or remove the line")))
        if not multiline and "\n" in text.strip():
            raise _Bad(message(N_("must fit on one line")))
        if len(text) > limit:
            raise _Bad(message(N_("is {length} characters long; keep it under {limit}"), length=len(text), limit=limit))
        # Letters and marks of every script are welcome; controls, bidirectional overrides and isolates,
        # zero-width and other invisible characters are not: they make a name look like another one.
        stripped = text.strip()
        # isprintable() runs at C speed, and every unsafe character is unprintable for it.
        bad = None if stripped.isprintable() else chars.first_unsafe(stripped, "\n\t" if multiline else "")
        if bad is not None:
            raise _Bad(message(N_("contains {char} at position {position}; remove it: invisible and control "
                                  "characters can make a text look like another one"),
                               char=chars.describe(bad[1]), position=bad[0] + 1))
        return " ".join(text.split()) if not multiline else text.strip()

    def _t_longtext(self, f, value, path, fm, out):
        return self._t_text(f, value, path, fm, out, limit=MAX_LONGTEXT, multiline=True)

    def _t_slug(self, f, value, path, fm, out):
        text = _need_str(value, path, fm)
        if not SLUG_RE.fullmatch(text):
            raise _Bad(message(N_("{value} is not an identifier: use lowercase letters, digits and hyphens"),
                               value=shown(text)))
        return text

    def _t_bool(self, f, value, path, fm, out):
        if not isinstance(value, bool):
            raise _Bad(f"{_show(value)} must be true or false")
        return value

    def _t_integer(self, f, value, path, fm, out):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"{_show(value)} must be a whole number")
        return value

    def _t_year(self, f, value, path, fm, out):
        year = self._t_integer(f, value, path, fm, out)
        if not FIRST_YEAR <= year <= self.today.year:
            raise _Bad(f"{year} is not a possible year (between {FIRST_YEAR} and {self.today.year})")
        return year

    def _number(self, value, low, high, what):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise _Bad(f"{_show(value)} must be {what}, written with digits only (15000000, not 15 000 000)")
        if value < low:
            raise _Bad(f"{_show(value)} must not be negative" if low == 0 else
                       f"{_show(value)} must be between {low} and {high}")
        if high is not None and value > high:
            raise _Bad(f"{_show(value)} must be between {low} and {high}")
        return value

    def _t_amount(self, f, value, path, fm, out):
        return self._number(value, 0, 1e15, "an amount")

    def _t_percent(self, f, value, path, fm, out):
        return self._number(value, 0, 100, "a percentage")

    def _t_latitude(self, f, value, path, fm, out):
        return float(self._number(value, -90, 90, "a latitude in degrees"))

    def _t_longitude(self, f, value, path, fm, out):
        return float(self._number(value, -180, 180, "a longitude in degrees"))

    def _t_sdg(self, f, value, path, fm, out):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 17:
            raise _Bad(f"{_show(value)} is not a Sustainable Development Goal: use a number from 1 to 17")
        return value

    def _t_date(self, f, value, path, fm, out):
        got = self._t_datetime(f, value, path, fm, out)
        if isinstance(got, dt.datetime):
            raise _Bad(f"{_show(value)} must be a date without a time: YYYY-MM-DD")
        return got

    def _t_date_or_year(self, f, value, path, fm, out):
        if isinstance(value, int) and not isinstance(value, bool):
            return self._t_year(f, value, path, fm, out)
        return self._t_date(f, value, path, fm, out)

    def _t_datetime(self, f, value, path, fm, out):
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                raise _Bad(f"{_show(_raw(fm, path, value))}: write the local time without an offset "
                           "(\"2027-03-10 09:00\") and give the time zone in \"timezone\"")
            got: dt.date = value
        elif isinstance(value, dt.date):
            got = value
        elif isinstance(value, str):
            got = _parse_datetime(value)
        else:
            raise _Bad(f"{_show(_raw(fm, path, value))} is not a date; write YYYY-MM-DD, e.g. 2027-03-10")
        if not FIRST_YEAR <= got.year <= LAST_YEAR:
            raise _Bad(f"{_show(_raw(fm, path, value))} lies outside the possible range "
                       f"({FIRST_YEAR}–{LAST_YEAR})")
        return got

    def _t_timezone(self, f, value, path, fm, out):
        text = _need_str(value, path, fm)
        if text not in codes.timezones():
            raise _Bad(f"{_show(text)} is not an IANA time zone{_did_you_mean(codes.suggest('timezone', text))}")
        return text

    def _code(self, kind, valid, what, value, path, fm):
        text = _need_str(value, path, fm)
        if text in valid:
            return text
        raise _Bad(f"{_show(text)} is not {what}{_did_you_mean(codes.suggest(kind, text))}")

    def _t_country(self, f, value, path, fm, out):
        return self._code("country", codes.countries(), "an ISO 3166 country code", value, path, fm)

    def _t_currency(self, f, value, path, fm, out):
        return self._code("currency", codes.currencies(), "an ISO 4217 currency code", value, path, fm)

    def _t_language(self, f, value, path, fm, out):
        return self._code("language", codes.languages(), "an ISO 639-1 language code", value, path, fm)

    def _taxonomy(self, table, what, value, path, fm):
        text = _need_str(value, path, fm)
        entries = getattr(self.taxonomy, table)
        if text in entries:
            return text
        by_label = {codes.fold(label): code for code, labels in entries.items() for label in labels.values()}
        guess = by_label.get(codes.fold(text)) or codes.nearest(text, list(entries))
        raise _Bad(f"{_show(text)} is not a {what} code of content/taxonomy.yml{_did_you_mean(guess)}")

    def _t_sector(self, f, value, path, fm, out):
        return self._taxonomy("sectors", "sector", value, path, fm)

    def _t_legal_form(self, f, value, path, fm, out):
        return self._taxonomy("legal_forms", "legal form", value, path, fm)

    def _t_choice(self, f, value, path, fm, out):
        text = _need_str(value, path, fm)
        if text in f.choices:
            return text
        raise _Bad(f"{_show(text)} is not one of: {', '.join(f.choices)}"
                   f"{_did_you_mean(codes.nearest(text, f.choices))}")

    def _t_url(self, f, value, path, fm, out):
        text = _need_str(value, path, fm).strip()
        return check_url(text)

    def _t_email(self, f, value, path, fm, out):
        text = _need_str(value, path, fm).strip()
        if text.lower().startswith("mailto:"):
            text = text[7:]
        bad = next((c for c in text if c in _MAILTO_SPECIAL or c.isspace() or chars.is_unsafe(c)), None)
        if bad is not None:
            raise _Bad(message(N_("{value} is not an e-mail address: {char} has no place in one; write the address "
                                  "alone, e.g. name@example.org"), value=shown(text), char=chars.describe(bad)))
        if not _EMAIL_RE.fullmatch(text) or len(text) > 254:
            raise _Bad(message(N_("{value} is not an e-mail address (name@example.org)"), value=shown(text)))
        return text

    def _t_phone(self, f, value, path, fm, out):
        text = _need_str(value, path, fm).strip()
        if not _PHONE_RE.fullmatch(text):
            raise _Bad(message(N_("{value} is not a phone number: digits, spaces and an optional leading +, e.g. "
                                  "\"+226 25 30 00 00\""), value=shown(text)))
        return text

    def _t_handle(self, f, value, path, fm, out):
        text = _need_str(value, path, fm).strip().removeprefix("@")
        if not _HANDLE_RE.fullmatch(text):
            raise _Bad(message(N_("{value} is not a Git host account name (letters, digits and hyphens)"),
                               value=shown(text)))
        return text

    def _file(self, value, path, fm, family):
        """A path to a file of content/ that the walk accepted (files.py, filetypes.py): the same table, the
        same checks of the bytes, and never a link followed, here as for the files themselves."""
        written = _need_str(value, path, fm).strip()  # messages quote the path as the contributor wrote it
        text = written.lstrip("/")
        if text.startswith("{static}"):
            text = text[len("{static}"):].lstrip("/")
        parts = text.split("/")
        if "\\" in text or chars.first_unsafe(text) or any(part in ("", ".", "..") for part in parts):
            raise _Bad(message(N_("{path} must be a path inside content/ (e.g. images/logos/name.png)"),
                               path=shown(written)))
        extensions = _EXTENSIONS[family]
        ext = "." + parts[-1].rsplit(".", 1)[1].lower() if "." in parts[-1] else ""
        if ext not in extensions:
            raise _Bad(message(N_("{path} must be {what} ({extensions})"), path=shown(written),
                               what=message(N_("an image") if family == IMAGE else N_("a document")),
                               extensions=", ".join(extensions)))
        places = filetypes.FOLDERS[filetypes.BY_EXTENSION[ext].family]
        if parts[0] not in places:
            raise _Bad(message(N_("{path} must be in one of these folders of content/: {folders}"),
                               path=shown(written), folders=", ".join(f"{p}/" for p in places)))
        rel = "/".join(parts)
        verdict = self.inventory.static.get(rel)
        refused = any("/".join(parts[:i]) in self.inventory.refused for i in range(1, len(parts) + 1))
        if refused or (verdict is not None and verdict.type is None):
            raise _Bad(message(N_("{path} cannot be used: the file itself is refused (see its own line in this "
                                  "report)"), path=shown(written)))
        if verdict is None:
            raise _Bad(message(N_("{path} does not exist under content/; add the file or fix the path"),
                               path=shown(written)))
        return rel

    def _t_image(self, f, value, path, fm, out):
        return self._file(value, path, fm, IMAGE)

    def _t_document(self, f, value, path, fm, out):
        return self._file(value, path, fm, DOCUMENT)

    def _t_ref(self, f, value, path, fm, out):
        text = _need_str(value, path, fm).strip()
        if not SLUG_RE.fullmatch(text):
            raise _Bad(f"{_show(text)} is not an identifier; use the file name of the {f.ref} "
                       "without .md")
        out.references.append(Reference(path, f.ref, text, fm.line_of(path)))
        return text


class _Bad(Exception):
    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))
        self.message = message


def check_url(text: str) -> str:
    """Accept only absolute http(s) URLs; raise _Bad otherwise. Shared with the Markdown sanitiser."""
    if any(c.isspace() or ord(c) < 32 for c in text):
        raise _Bad(f"{_show(text)} is not a URL: it contains spaces; encode them as %20")
    bad = chars.first_unsafe(text)
    if bad is not None:
        raise _Bad(message(N_("{value} is not a URL: it contains {char}; remove it"), value=shown(text),
                           char=chars.describe(bad[1])))
    try:
        parts = urlsplit(text)
    except ValueError:
        raise _Bad(f"{_show(text)} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"\"{parts.scheme}:\" links are" if parts.scheme else "a link without http:// or https:// is"
        raise _Bad(f"{_show(text)} is not allowed: {scheme} refused; give an address starting with https://")
    if not parts.hostname or "." not in parts.hostname:
        raise _Bad(f"{_show(text)} is not a valid web address (https://example.org/…)")
    return text


def _parse_datetime(text: str) -> dt.date:
    m = _DATETIME_RE.fullmatch(text.strip())
    if not m:
        raise _Bad(message(N_("{value} is not a date; write YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", e.g. 2027-03-10"),
                           value=shown(text)))
    y, mo, d, h, mi = m.groups()
    try:
        if h is None:
            return dt.date(int(y), int(mo), int(d))
        return dt.datetime(int(y), int(mo), int(d), int(h), int(mi))
    except ValueError as exc:
        raise _Bad(f"{_show(text)} is not a real date or time ({exc})") from None


def _is_empty(value: Any) -> bool:
    """Nothing given: null, "", "   ", [] or {} (a blank text is as missing as no text)."""
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())


def _is_blank_group(value: Any) -> bool:
    """An optional group whose values are all empty, as a file template leaves it: the same as absent."""
    return isinstance(value, dict) and all(
        v is None or v == [] or v == {} or (isinstance(v, str) and not v.strip()) or _is_blank_group(v)
        for v in value.values())


def _same_total(a: float, b: float) -> bool:
    """Compare sums of decimals written by people: 0.1 + 65.1 + 34.8 is 100 even if floats say 99.99…"""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _need_str(value: Any, path: Path_, fm: FrontMatter) -> str:
    if isinstance(value, str):
        return value
    raw = _raw(fm, path, value)
    if isinstance(value, bool):
        raise _Bad(f"{raw} was read as a yes/no value ({str(value).lower()}); put the text in quotes: "
                   f"\"{raw}\"")
    if isinstance(value, (int, float)):
        raise _Bad(f"{raw} was read as a number ({value}); put the text in quotes: \"{raw}\"")
    if isinstance(value, (dt.date, dt.datetime)):
        raise _Bad(f"{raw} was read as a date; put the text in quotes: \"{raw}\"")
    raise _Bad(f"{_show(value)} must be text")


def _raw(fm: FrontMatter, path: Path_, value: Any) -> str:
    return fm.raw.get(path, (None, str(value)))[1]


def _show(value: Any) -> str:
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return '"' + text.replace('"', '\\"') + '"'


def _did_you_mean(guess: str | None) -> str:
    return f"; did you mean \"{guess}\"?" if guess else ""


def _unknown(key: str, known: list[str]) -> str:
    guess = codes.nearest(key, known)
    if guess:
        return f"unknown field; did you mean \"{guess}\"?"
    return "unknown field; known fields are: " + ", ".join(known)


# -- rules across fields, per kind ----------------------------------------------------------------------

def _no_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    return None


def _problem(out: Checked, fm: FrontMatter, path: Path_, message: str) -> None:
    out.problems.append(Problem(fm.line_of(path), format_path(path), message))


def _has_time(value: Any) -> bool:
    return isinstance(value, dt.datetime)


def _event_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    start, end = data.get("start"), data.get("end")
    if start is not None and end is not None:
        if _has_time(start) != _has_time(end):
            _problem(out, fm, ("end",), "use the same form as \"start\": both dates, or both dates with times")
        elif end < start:
            _problem(out, fm, ("end",), f"{end} is before the start ({start}); fix one of them")
    if (_has_time(start) or _has_time(end)) and "timezone" not in data and ("timezone",) not in fm.lines:
        _problem(out, fm, ("start",), "has a time but the event has no \"timezone\"; add e.g. "
                                      "\"timezone: Africa/Ouagadougou\"")
    if data.get("free") and "price" in data:
        _problem(out, fm, ("free",), "an event cannot be free and have a price; remove one of them")
    reported = any(p.field.split(".")[0] in ("location", "online") for p in out.problems)
    if "location" not in data and "online" not in data and not reported:
        _problem(out, fm, ("location",), "say where the event takes place: give a \"location\" (venue, city, "
                                         "country) or an \"online\" link, or both")
    deadline = (data.get("registration") or {}).get("deadline")
    if deadline and start and deadline > (start.date() if _has_time(start) else start):
        _problem(out, fm, ("registration", "deadline"), "the registration deadline is after the start")


def _project_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    funding = data.get("funding")
    if data.get("status") == "seeking_funding" and ("funding",) not in fm.lines:
        _problem(out, fm, ("status",), "a project \"seeking_funding\" needs a \"funding\" group (currency and "
                                       "goal); add it or change the status")
    if not funding:
        return
    goal, optimum = funding.get("goal"), funding.get("optimum")
    if goal is not None and goal == 0:
        _problem(out, fm, ("funding", "goal"), "must be more than 0")
    if goal is not None and optimum is not None and optimum < goal:
        _problem(out, fm, ("funding", "optimum"), f"{optimum} is below the minimum goal ({goal})")
    contributions = funding.get("contributions")
    if contributions:
        for i, c in enumerate(contributions):
            if bool(c.get("name")) == bool(c.get("anonymous")):
                _problem(out, fm, ("funding", "contributions", i),
                         "give either \"name\" or \"anonymous: true\", not both or neither")
            if c.get("date") and c["date"] > checker.today:
                _problem(out, fm, ("funding", "contributions", i, "date"),
                         f"{c['date']} is after the build date ({checker.today}); list a contribution once it "
                         "is received")
        total = sum(c.get("amount", 0) for c in contributions)
        if "raised" in funding and not _same_total(funding["raised"], total):
            _problem(out, fm, ("funding", "raised"),
                     f"{funding['raised']} differs from the sum of the contributions "
                     f"({Decimal(str(round(total, 2))).normalize():f}); fix one of "
                     "them or remove \"raised\" (it is then computed)")
        funding["raised"] = total


def _service_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    split = data.get("revenue_split")
    if split and len(split) == 3 and not _same_total(sum(split.values()), 100):
        _problem(out, fm, ("revenue_split",),
                 f"the parts add up to {sum(split.values()):g}, not 100; adjust them")
    price = data.get("price") or {}
    if "amount" in price and "currency" in price:
        # The revenue split is paid in the currency's smallest unit: a price finer than that cannot be split.
        digits = get_currency_precision(price["currency"])
        if -Decimal(str(price["amount"])).normalize().as_tuple().exponent > digits:
            unit = "whole numbers" if digits == 0 else f"given to {digits} decimal places at most"
            _problem(out, fm, ("price", "amount"),
                     f"{price['amount']} is finer than the currency allows: {price['currency']} amounts are {unit}; "
                     "round it")


def _tender_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    if bool(data.get("issuer")) == bool(data.get("issuer_name")):
        _problem(out, fm, ("issuer",) if "issuer" in data else ("title",),
                 "give either \"issuer\" (an organisation of the directory) or \"issuer_name\", exactly one")
    published, deadline = data.get("published"), data.get("deadline")
    if published and deadline:
        day = deadline.date() if _has_time(deadline) else deadline
        if day < published:
            _problem(out, fm, ("deadline",), f"the deadline is before the publication date ({published})")
    if _has_time(deadline) and "timezone" not in data and ("timezone",) not in fm.lines:
        _problem(out, fm, ("deadline",), "has a time but no \"timezone\"; add e.g. "
                                         "\"timezone: Africa/Ouagadougou\"")
    for i, document in enumerate(data.get("documents", [])):
        # Only content/documents/ is copied into the site (STATIC_PATHS): a file elsewhere would be a dead link.
        if document.get("file") and not document["file"].startswith("documents/"):
            _problem(out, fm, ("documents", i, "file"),
                     f"\"{document['file']}\" is not under content/documents/, the folder published with the "
                     "site; move the file there")


def _article_rules(checker: Checker, data: dict, fm: FrontMatter, out: Checked) -> None:
    if data.get("sponsored") and not data.get("sponsor"):
        _problem(out, fm, ("sponsored",), "a sponsored announcement must name its \"sponsor\"")
    if data.get("sponsor") and not data.get("sponsored"):
        _problem(out, fm, ("sponsor",), "add \"sponsored: true\" to label the announcement as sponsored")


_RULES = {"event": _event_rules, "project": _project_rules, "service": _service_rules,
          "tender": _tender_rules, "article": _article_rules}
