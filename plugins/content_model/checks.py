"""Check one entry's front matter against its kind in `schema.py`.

The structure (known fields, required ones, lists and groups) is checked here; each value is checked by its
type's steps (`fieldtypes.py`), and the rules between fields by `crossrules.py`. Every check runs and every
problem is collected (never the first one only), each with the line of the offending key, so a contributor
fixes a file in one pass. A notice (a value understood after a harmless change, such as typographic quotes
removed) is collected apart: it never fails the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import codes, crossrules, files
from .fieldtypes import SLUG_RE, TYPES, Invalid
from .frontmatter import FrontMatter, Path_, Problem, format_path
from .labels import label
from .limits import DEFAULT, Limits
from .messages import N_, Message, message, shown
from .schema import Field, Kind
from .taxonomy import Taxonomy

__all__ = ["SLUG_RE", "Checked", "Checker", "Reference"]  # SLUG_RE: the identifier's pattern, kept here for callers

TRANSLATION_TEXT_ONLY = N_("a translation carries text only ({fields}); remove \"{name}\": it comes from {original}")
NOT_A_GROUP = N_("must be a group of sub-fields: {fields}")
REQUIRED_EMPTY = N_("is empty; give a value ({description})")
REQUIRED_MISSING = N_("missing required field; add \"{name}: …\" ({description})")
REQUIRED_MISSING_UNDER = N_("missing required field under \"{group}\"; add \"{name}: …\" ({description})")
NOT_A_LIST = N_("must be a list: write [{value}] or one '- value' line per value")
LISTED_TWICE = N_("{value} is listed twice; keep it once")
NOT_SINGLE_LIST = N_("must be a single value, not a list")
NOT_SINGLE_GROUP = N_("must be a single value, not a group of fields")
UNKNOWN_FIELD = N_("unknown field; did you mean {guess}?")
UNKNOWN_FIELD_LIST = N_("unknown field; known fields are: {fields}")
#: A notice as printed: "notice: …" after the field, so that it reads as a remark, never as an error.
NOTICE = N_("notice: {message}")


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
    notices: list[Problem] = field(default_factory=list)


class _Value:
    """What a type's steps may ask about the value they check (fieldtypes.Context)."""

    def __init__(self, checker: Checker, fm: FrontMatter, path: Path_, out: Checked, value: Any) -> None:
        self.checker, self.fm, self.path, self.out, self.value = checker, fm, path, out, value
        self.today, self.taxonomy = checker.today, checker.taxonomy
        self.notices: list[Message] = []

    @property
    def inventory(self) -> files.Inventory:
        return self.checker.inventory

    def raw(self) -> str:
        return self.fm.raw.get(self.path, (None, str(self.value)))[1]

    def notice(self, msg: Message) -> None:
        self.notices.append(msg)

    def refer(self, kind: str, slug: str) -> None:
        self.out.references.append(Reference(self.path, kind, slug, self.fm.line_of(self.path)))


@dataclass(frozen=True)
class _Description(Message):
    """A field's description from the model (`labels.label`), in lower case; `text` is the English one."""

    field: Field | None = None

    def render(self, lang: str = "en") -> str:
        return label(self.field, lang).lower() if self.field is not None else self.text


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
        out.problems += crossrules.apply(kind.name, out.data, fm, self.today)
        return out

    def check_translation(self, kind: Kind, fm: FrontMatter, original: str) -> Checked:
        out = Checked({})
        allowed = [f for f in kind.fields if f.translatable]
        structured = {f.name for f in kind.fields} - {f.name for f in allowed}
        text_only: dict = {}
        for key, value in fm.data.items():
            if key in structured:
                out.problems.append(Problem(fm.line_of((key,)), key, message(
                    TRANSLATION_TEXT_ONLY, fields=", ".join(f.name for f in allowed), name=key, original=original)))
            else:
                text_only[key] = value
        out.data = self._fields(tuple(allowed), text_only, (), fm, out, top=True, required=False)
        return out

    # -- structure -----------------------------------------------------------------------------------

    def _fields(self, fields: tuple[Field, ...], data: Any, path: Path_, fm: FrontMatter, out: Checked,
                top: bool = False, required: bool = True) -> dict:
        if not isinstance(data, dict):
            out.problems.append(Problem(fm.line_of(path), format_path(path),
                                        message(NOT_A_GROUP, fields=", ".join(f.name for f in fields))))
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
                    description = _Description(f.en.lower(), field=f)
                    if f.name in data:
                        msg = message(REQUIRED_EMPTY, description=description)
                        out.problems.append(Problem(fm.line_of(sub), format_path(sub), msg))
                    else:
                        msg = (message(REQUIRED_MISSING, name=f.name, description=description) if top else
                               message(REQUIRED_MISSING_UNDER, group=format_path(path), name=f.name,
                                       description=description))
                        out.problems.append(Problem(fm.line_of(path) if path else 1, format_path(sub), msg))
                continue
            checked = self._value(f, value, sub, fm, out)
            if checked is not None:
                result[f.name] = checked
        return result

    def _value(self, f: Field, value: Any, path: Path_, fm: FrontMatter, out: Checked) -> Any:
        if f.many:
            if not isinstance(value, list):
                out.problems.append(Problem(fm.line_of(path), format_path(path),
                                            message(NOT_A_LIST, value=shown(value))))
                return None
            items = []
            for i, item in enumerate(value):
                checked = self._one(f, item, path + (i,), fm, out)
                if checked is not None:
                    if f.type != "object" and checked in items:
                        out.problems.append(Problem(fm.line_of(path + (i,)), format_path(path + (i,)),
                                                    message(LISTED_TWICE, value=shown(item))))
                        continue
                    items.append(checked)
            return items
        return self._one(f, value, path, fm, out)

    def _one(self, f: Field, value: Any, path: Path_, fm: FrontMatter, out: Checked) -> Any:
        if f.type == "object":
            return self._fields(f.fields, value, path, fm, out)
        if isinstance(value, (dict, list)):
            msg = message(NOT_SINGLE_LIST if isinstance(value, list) else NOT_SINGLE_GROUP)
            out.problems.append(Problem(fm.line_of(path), format_path(path), msg))
            return None
        spot = _Value(self, fm, path, out, value)
        try:
            checked = TYPES[f.type].check(value, f, spot)
        except Invalid as bad:
            out.problems.append(Problem(fm.line_of(path), format_path(path), bad.message))
            return None
        # Notices of a refused value would only add to its error; they show once it is accepted.
        for msg in spot.notices:
            out.notices.append(Problem(fm.line_of(path), format_path(path), message(NOTICE, message=msg)))
        return checked


def _is_empty(value: Any) -> bool:
    """Nothing given: null, "", "   ", [] or {} (a blank text is as missing as no text)."""
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())


def _is_blank_group(value: Any) -> bool:
    """An optional group whose values are all empty, as a file template leaves it: the same as absent."""
    return isinstance(value, dict) and all(
        v is None or v == [] or v == {} or (isinstance(v, str) and not v.strip()) or _is_blank_group(v)
        for v in value.values())


def _unknown(key: str, known: list[str]) -> Message:
    guess = codes.nearest(key, known)
    if guess:
        return message(UNKNOWN_FIELD, guess=shown(guess))
    return message(UNKNOWN_FIELD_LIST, fields=", ".join(known))
