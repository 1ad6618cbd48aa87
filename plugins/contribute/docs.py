"""The contributor field reference, per kind and language, from the content model.

The same rows feed the tables of the field reference (docs/champs.md and docs/fields.md, Markdown written by
`invoke schemas`) and of the site's contribute page (`partials/page_contribuer.html`), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from content_model.fieldtypes import REF_FOLDERS, TYPES
from content_model.schema import Field, Kind
from content_model.taxonomy import Taxonomy

from .model import N_, describe

Translate = Callable[[str, str], str]  # (lang, msgid) -> text

LIST_OF = N_("list of: %(what)s")
LIST_OF_GROUPS = N_("list of groups of the sub-fields below")
TEXT_LIMIT = N_("at most %(num)s characters")



def values_help(f: Field, lang: str, translate: Translate) -> str:
    """What a value of `f` looks like, in `lang`."""
    kind = TYPES[f.type]
    what = translate(lang, kind.help)
    if kind.values == "choices":
        what %= {"values": ", ".join(f"{c.code} ({translate(lang, c.label)})" for c in f.choices)}
    elif kind.values == "refs":
        what %= {"folder": f"content/{REF_FOLDERS[f.ref]}/"}
    length = kind.first("length")
    if length:
        what += ", " + translate(lang, TEXT_LIMIT) % {"num": length.get("max")}
    if f.many:
        return translate(lang, LIST_OF_GROUPS) if f.type == "object" else translate(lang, LIST_OF) % {"what": what}
    return what


def field_rows(kind: Kind, lang: str, translate: Translate) -> list[dict]:
    """One row per field and sub-field: path, required, description and values, in `lang`."""
    rows: list[dict] = []

    def add(fields: tuple[Field, ...], prefix: str, depth: int, optional_parent: bool) -> None:
        for f in fields:
            if f.name == "lang":
                continue
            path = f"{prefix}{f.name}"
            required = translate(lang, IF_GROUP if optional_parent else YES) if f.required else ""
            rows.append({"path": path, "name": f.name, "depth": depth, "required": required,
                         "description": describe(f, lang), "values": values_help(f, lang, translate),
                         "translatable": f.translatable,
                         "example": "" if f.example is None else str(f.example)})
            if f.type == "object":
                add(f.fields, path + ("[]." if f.many else "."), depth + 1, optional_parent or not f.required)

    add(kind.fields, "", 0, False)
    return rows


def code_rows(taxonomy: Taxonomy, table: str, lang: str) -> list[tuple[str, str]]:
    return [(code, labels.get(lang) or labels.get("en") or code) for code, labels in getattr(taxonomy, table).items()]


# -- Markdown (docs/champs.md, docs/fields.md) ----------------------------------------------------------

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


HEADERS = (N_("Field"), N_("Required"), N_("Description"), N_("Values"))
YES = N_("yes")
IF_GROUP = N_("yes, if the group is given")
TRANSLATABLE = N_("translatable")


def markdown_table(kind: Kind, lang: str, translate: Translate) -> str:
    head = "| " + " | ".join(translate(lang, h) for h in HEADERS) + " |"
    lines = [head, "|" + "---|" * len(HEADERS)]
    for row in field_rows(kind, lang, translate):
        description = row["description"]
        if row["translatable"]:
            description += f" ({translate(lang, TRANSLATABLE)})"
        lines.append(f"| `{row['path']}` | {row['required']} | {_cell(description)} | {_cell(row['values'])} |")
    return "\n".join(lines)


def markdown_codes(taxonomy: Taxonomy, table: str, lang: str, translate: Translate) -> str:
    lines = [f"| {translate(lang, N_('Code'))} | {translate(lang, N_('Label'))} |", "|---|---|"]
    lines += [f"| `{code}` | {_cell(label)} |" for code, label in code_rows(taxonomy, table, lang)]
    return "\n".join(lines)
