"""Entries as open data: JSON records and CSV rows, both derived from the content model (schema.py).

The JSON keeps the content model's field names and nesting, with the same codes as the Markdown
files (ISO country, currency and language codes, taxonomy codes). The CSV flattens it: nested fields
become dotted columns (`funding.goal`), lists are joined with ";" (the separator of the
solidarity-economy data standard), translated text gets a column per language (`name@en`), and the
organisation columns take the header of the standard's "Solidarity Economy Initiatives" CSV schema
where it has the same field (`Identifier`, `Name`, `Country ID`…). Lists of objects (a tender's
documents, a project's contributions) are in the JSON only.

`parse_cell` reads a CSV cell back into the typed value, so that the CSV is a faithful copy of the
JSON and of the content (the tests check the round trip).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from content_model.registry import Entry
from content_model.schema import Field, Kind

LIST_SEPARATOR = ";"
#: Left out of the downloads: people's contact details and Git accounts. They stay on each entry's page,
#: where they are shown for their purpose (reaching the organisation), not gathered in one file.
PERSONAL_FIELDS = frozenset({"contact", "maintainers"})
#: Fields that describe the file rather than the entry.
SKIPPED_FIELDS = frozenset({"slug", "unpublished", "lang", "logo",  # logo: a path under content/, not served
                            "contact_page_only"})  # a rule of publication, applied below, not a fact to publish
#: CSV headers of the "Solidarity Economy Initiatives" schema (DigitalCommons/Solidarity Economy
#: Association open-data standard, version 4) for the organisation fields that mean the same thing.
#: Our values keep our codes: Organisational Structure holds a legal_form code of content/taxonomy.yml
#: and Activities sector codes, whose ESSGlobal URIs are in taxonomy.json.
SSE_HEADERS = {
    ("slug",): "Identifier",
    ("name",): "Name",
    ("summary",): "Description",
    ("legal_form",): "Organisational Structure",
    ("sectors",): "Activities",
    ("city",): "Locality",
    ("country",): "Country ID",
    ("website",): "Website",
    ("phone",): "Phone",
    ("email",): "Email",
    ("coordinates", "lat"): "Latitude",
    ("coordinates", "lon"): "Longitude",
}
_INTEGER_TYPES = {"integer", "year", "sdg"}
_NUMBER_TYPES = {"amount", "percent", "latitude", "longitude"}


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple[str, ...]  # where the value sits in a JSON record
    field: Field | None  # None for the slug and the page URL
    lang: str = ""  # translated text: the column holds this language's text

    @property
    def json_path(self) -> str:
        return ".".join(self.path) + (f" (translations.{self.lang})" if self.lang else "")


def exported_fields(kind: Kind) -> list[Field]:
    return [f for f in kind.fields if f.name not in SKIPPED_FIELDS | PERSONAL_FIELDS]


def json_only_fields(kind: Kind) -> list[Field]:
    """Lists of objects, which a flat CSV row cannot hold."""
    return [f for f in exported_fields(kind) if f.type == "object" and f.many]


def columns(kind: Kind, languages: tuple[str, ...]) -> list[Column]:
    """The CSV columns of a kind, in schema order: slug first, translations and page URL last."""
    standard = SSE_HEADERS if kind.name == "organisation" else {}
    cols = [Column(standard.get(("slug",), "slug"), ("slug",), None)]

    def walk(fields: tuple[Field, ...] | list[Field], prefix: tuple[str, ...]) -> None:
        for f in fields:
            path = (*prefix, f.name)
            if f.type == "object" and not f.many:
                walk(f.fields, path)
            elif f.type != "object":
                cols.append(Column(standard.get(path, ".".join(path)), path, f))

    walk(exported_fields(kind), ())
    for lang in languages[1:]:
        for f in exported_fields(kind):
            if f.translatable:
                header = standard.get((f.name,), f.name)
                cols.append(Column(f"{header}@{lang}", (f.name,), f, lang))
    cols.append(Column("url", ("url",), None))
    return cols


def json_value(value):
    """Content values as JSON: dates in ISO 8601 (times without a zone; the entry's `timezone` says which)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def record(entry: Entry, url: str) -> dict:
    """One entry as a JSON object: content-model field names, the original's language, translations, body."""
    out: dict = {"slug": entry.slug}
    data = {**entry.data, **entry.public_contact()}  # contact_page_only: the e-mail and phone stay on the page
    for f in exported_fields(entry.kind):
        if data.get(f.name) is not None:
            out[f.name] = json_value(data[f.name])
    out["lang"] = entry.lang
    translations = {}
    for lang, translation in sorted(entry.translations.items()):
        texts = {f.name: json_value(translation.data[f.name]) for f in exported_fields(entry.kind)
                 if f.translatable and translation.data.get(f.name) is not None}
        if texts:
            translations[lang] = texts
    if translations:
        out["translations"] = translations
    if entry.body:
        out["body"] = {lang: entry.body[lang] for lang in sorted(entry.body)}
    out["url"] = url
    return out


def value_at(item: dict, column: Column):
    value = item.get("translations", {}).get(column.lang, {}) if column.lang else item
    for key in column.path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


#: A cell a spreadsheet would read as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(text: str) -> bool:
    """True when a spreadsheet would evaluate `text`, or when it is already guarded text (kept reversible)."""
    return text.startswith(FORMULA_TRIGGERS) or (text.startswith("'") and _needs_guard(text[1:]))


def neutralise(text: str) -> str:
    """OWASP's rule for CSV injection: a text cell that could start a formula gets a leading apostrophe,
    which spreadsheets show as text. Numbers are written by us from numeric values and are left as they are
    (a longitude of -12.5 stays a number)."""
    return "'" + text if _needs_guard(text) else text


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = [_plain(v) for v in value]
        if any(LIST_SEPARATOR in p for p in parts):
            raise ValueError(f"open_data: a list item contains {LIST_SEPARATOR!r}: {value!r}")
        text = LIST_SEPARATOR.join(parts)
        return neutralise(text) if any(isinstance(v, str) for v in value) else text
    return neutralise(value) if isinstance(value, str) else str(value)


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_cell(text: str, column: Column):
    """A CSV cell back to its JSON value (the inverse of `cell`); an empty cell is an absent value."""
    if text == "":
        return None
    if text.startswith("'") and _needs_guard(text[1:]):
        text = text[1:]  # the guard `cell` added
    f = column.field
    if f is None:
        return text
    if f.many:
        return [_parse_one(part, f.type) for part in text.split(LIST_SEPARATOR)]
    return _parse_one(text, f.type)


def _parse_one(text: str, type_: str):
    if type_ == "bool":
        return {"true": True, "false": False}[text]
    if type_ in _INTEGER_TYPES or (type_ == "date_or_year" and text.isdigit()):
        return int(text)
    if type_ in _NUMBER_TYPES:
        return float(text) if any(c in text for c in ".eE") else int(text)
    return text  # dates stay ISO strings, as in the JSON


def csv_text(items: list[dict], cols: list[Column]) -> str:
    """RFC 4180 CSV (CRLF line ends), UTF-8 without byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.header for c in cols])
    for item in items:
        writer.writerow([cell(value_at(item, c)) for c in cols])
    return buffer.getvalue()


def read_csv(text: str, cols: list[Column]) -> list[dict]:
    """Rows of our CSV as {header: typed value} (absent values left out)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != [c.header for c in cols]:
        raise ValueError("open_data: the CSV header does not match the columns of its kind")
    out = []
    for row in rows[1:]:
        parsed = {c.header: parse_cell(text, c) for c, text in zip(cols, row, strict=True)}
        out.append({k: v for k, v in parsed.items() if v is not None})
    return out


class Records(list):
    """Entries as records, made one at a time as they are read (`make(entry)`), for the encoders of the downloads
    (json_chunks, csv_text). A list to Python's JSON encoder, which writes lists only (with an indent, it is the
    pure-Python encoder, which takes the length and then iterates); nothing else should hold one."""

    def __init__(self, entries: list, make: Callable[[Any], dict]) -> None:
        super().__init__()
        self._entries, self._make = entries, make

    def __len__(self) -> int:  # also what `if not records` reads
        return len(self._entries)

    def __iter__(self) -> Iterator[dict]:
        return (self._make(entry) for entry in self._entries)


def json_chunks(document: dict, size: int = 1 << 16) -> Iterator[bytes]:
    """The UTF-8 bytes of `document` as JSON (indent 1, keys in the schema's order, a final newline: same content,
    same file), about `size` characters at a time: the export of a whole network (36 MB at 10,000 organisations)
    is written as it is encoded, never held whole as text and again as bytes."""
    buffer: list[str] = []
    held = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(document):
        buffer.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buffer).encode("utf-8")
            buffer, held = [], 0
    buffer.append("\n")
    yield "".join(buffer).encode("utf-8")
