"""JSON Schemas for editors, one per kind (`schemas/<kind>.json`), generated from the content model.

They describe what `checks.py` accepts, so an editor with a YAML language server completes codes and flags
typos while typing. Empty optional values are allowed, as the validator ignores them (file templates
leave them empty). What needs the whole site (references that exist, files on disk, cross-field rules,
a year not in the future) stays with `invoke validate`. Everything here is deterministic: pinned code
lists and the taxonomy, never today's date or the machine's time zone database.
"""

from __future__ import annotations

import json
from pathlib import Path

from content_model import checks, codes
from content_model.schema import KINDS, Field, Kind
from content_model.taxonomy import Taxonomy

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME = r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?$"
_TIMEZONE = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
_URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+\.[^\s]+$"
_PATH = r"^[^\s/][^\s]*$"


def _description(f: Field) -> str:
    return f.fr if f.fr == f.en else f"{f.fr} — {f.en}"


def _scalar(f: Field, taxonomy: Taxonomy) -> dict:
    t = f.type
    text = {"type": "string", "pattern": r"^[^\n]*$", "maxLength": checks.MAX_TEXT}
    table: dict[str, dict] = {
        "text": text,
        "longtext": {"type": "string", "maxLength": checks.MAX_LONGTEXT},
        "slug": {"type": "string", "pattern": checks.SLUG_RE.pattern},
        "ref": {"type": "string", "pattern": checks.SLUG_RE.pattern},
        "bool": {"type": "boolean"},
        "integer": {"type": "integer"},
        "year": {"type": "integer", "minimum": checks.FIRST_YEAR, "maximum": checks.LAST_YEAR},
        "amount": {"type": "number", "minimum": 0},
        "percent": {"type": "number", "minimum": 0, "maximum": 100},
        "sdg": {"type": "integer", "minimum": 1, "maximum": 17},
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "date": {"type": "string", "format": "date", "pattern": _DATE},
        "datetime": {"type": "string", "pattern": _DATETIME},
        "date_or_year": {"anyOf": [{"type": "integer", "minimum": checks.FIRST_YEAR, "maximum": checks.LAST_YEAR},
                                   {"type": "string", "format": "date", "pattern": _DATE}]},
        "timezone": {"type": "string", "pattern": _TIMEZONE, "examples": ["Africa/Ouagadougou", "Africa/Nairobi"]},
        "country": {"type": "string", "enum": sorted(codes.countries())},
        "currency": {"type": "string", "enum": sorted(codes.currencies())},
        "language": {"type": "string", "enum": sorted(codes.languages())},
        "sector": {"type": "string", "enum": list(taxonomy.sectors)},
        "legal_form": {"type": "string", "enum": list(taxonomy.legal_forms)},
        "choice": {"type": "string", "enum": list(f.choices)},
        "url": {"type": "string", "format": "uri", "pattern": _URL},
        "email": {"type": "string", "format": "email", "pattern": _email_pattern()},
        "phone": {"type": "string", "pattern": checks._PHONE_RE.pattern},
        "handle": {"type": "string", "pattern": r"^@?" + checks._HANDLE_RE.pattern.lstrip("^")},
        "image": {"type": "string", "pattern": _PATH, "examples": ["images/logos/name.png"]},
        "document": {"type": "string", "pattern": _PATH, "examples": ["documents/tenders/name.pdf"]},
    }
    return dict(table[t])


def _email_pattern() -> str:
    return r"^(mailto:)?" + checks._EMAIL_RE.pattern.lstrip("^")


def _blank(f: Field) -> dict:
    """What an optional field may hold when left empty: null, "", [] or a group of empty values."""
    options: list[dict] = [{"type": "null"}]
    if f.many:
        options.append({"type": "array", "maxItems": 0})
    elif f.type == "object":
        options.append({"type": "object", "properties": {sub.name: _blank(sub) for sub in f.fields},
                        "additionalProperties": False})
    elif f.type not in ("bool", "integer", "year", "amount", "percent", "sdg", "latitude", "longitude"):
        options.append({"const": ""})
    return {"anyOf": options}


def field_schema(f: Field, taxonomy: Taxonomy, *, allow_blank: bool = True) -> dict:
    """The schema of one field's value."""
    if f.type == "object":
        one = object_schema(f.fields, taxonomy)
    else:
        one = _scalar(f, taxonomy)
    value = {"type": "array", "items": one, **({} if f.type == "object" else {"uniqueItems": True})} if f.many else one
    schema = {"description": _description(f)}
    if f.required or not allow_blank:
        schema.update(value)
    else:
        schema["anyOf"] = [value, *_blank(f)["anyOf"]]
    if f.example is not None:
        schema["examples"] = [f.example]
    return schema


def object_schema(fields: tuple[Field, ...], taxonomy: Taxonomy, *, required: bool = True) -> dict:
    return {
        "type": "object",
        "properties": {f.name: field_schema(f, taxonomy) for f in fields},
        **({"required": [f.name for f in fields if f.required]} if required and any(f.required for f in fields)
           else {}),
        "additionalProperties": False,
    }


def kind_schema(kind: Kind, taxonomy: Taxonomy) -> dict:
    """The schema of an original file's front matter."""
    return {
        "$schema": DRAFT,
        "$id": f"{kind.name}.json",
        "title": f"{kind.fr} · {kind.en}",
        "description": f"Front matter of content/{kind.folder}/<slug>.md — generated from "
                       "plugins/content_model/schema.py by `invoke schemas`; do not edit.",
        **object_schema(kind.fields, taxonomy),
    }


def translation_schema(kind: Kind, taxonomy: Taxonomy) -> dict:
    """The schema of a translation `<slug>.<lang>.md`: text fields only, none required."""
    fields = tuple(f for f in kind.fields if f.translatable)
    return {
        "$schema": DRAFT,
        "$id": f"{kind.name}.translation.json",
        "title": f"{kind.fr} (traduction) · {kind.en} (translation)",
        "description": f"Front matter of content/{kind.folder}/<slug>.<lang>.md — generated by `invoke schemas`.",
        **object_schema(fields, taxonomy, required=False),
    }


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected_files(taxonomy: Taxonomy) -> dict[str, str]:
    """{path under the repository: text} of every schema file."""
    out = {}
    for kind in KINDS:
        out[f"{FOLDER}/{kind.name}.json"] = render(kind_schema(kind, taxonomy))
        if any(f.translatable for f in kind.fields):
            out[f"{FOLDER}/{kind.name}.translation.json"] = render(translation_schema(kind, taxonomy))
    return out


def schema_for_file(rel: str) -> str:
    """Which schema a content file (path relative to content/) follows: 'organisation.json'…"""
    folder, name = rel.split("/", 1)[0], rel.rsplit("/", 1)[-1]
    kind = next(k for k in KINDS if k.folder == folder)
    return f"{kind.name}.translation.json" if name.count(".") == 2 else f"{kind.name}.json"


def write(root: Path, files: dict[str, str]) -> list[str]:
    """Write `files` under `root`; return the paths that changed (stale schemas of removed kinds go too)."""
    changed = []
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    for stale in sorted(folder.glob("*.json")):
        if f"{FOLDER}/{stale.name}" not in files:
            stale.unlink()
            changed.append(f"{FOLDER}/{stale.name}")
    for rel, text in files.items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    return changed
