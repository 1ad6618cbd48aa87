"""The contributor field reference, per kind and language, from the content model.

The same rows feed the tables of CONTRIBUTING.md (Markdown, written by `invoke schemas`) and of the
site's contribute page (`partials/page_contribuer.html`), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from content_model import checks
from content_model.schema import Field, Kind
from content_model.taxonomy import Taxonomy

from .model import CHOICE_LABELS, N_, describe

Translate = Callable[[str, str], str]  # (lang, msgid) -> text

TYPE_HELP = {
    "text": N_("text on one line"),
    "longtext": N_("text, several lines allowed"),
    "slug": N_("identifier: lowercase letters, digits and hyphens"),
    "bool": N_("true or false"),
    "integer": N_("whole number"),
    "year": N_("year, e.g. 2004"),
    "amount": N_("amount in digits, without spaces"),
    "percent": N_("percentage from 0 to 100"),
    "sdg": N_("number from 1 to 17"),
    "date": N_("date YYYY-MM-DD"),
    "date_or_year": N_("year, or date YYYY-MM-DD"),
    "datetime": N_("date YYYY-MM-DD, or \"YYYY-MM-DD HH:MM\" in quotes"),
    "timezone": N_("IANA time zone, e.g. Africa/Abidjan"),
    "country": N_("ISO 3166-1 alpha-2 country code, e.g. BF"),
    "currency": N_("ISO 4217 currency code, e.g. XOF"),
    "language": N_("ISO 639-1 language code, e.g. fr"),
    "sector": N_("sector code (table below)"),
    "legal_form": N_("legal form code (table below)"),
    "choice": N_("one of: %(values)s"),
    "url": N_("web address starting with https://"),
    "email": N_("e-mail address"),
    "phone": N_("phone number in quotes, e.g. \"+226 25 30 00 00\""),
    "handle": N_("Git host account name"),
    "image": N_("path of an image under content/, e.g. images/logos/name.png"),
    "document": N_("path of a file under content/, e.g. documents/tenders/name.pdf"),
    "latitude": N_("decimal degrees from -90 to 90"),
    "longitude": N_("decimal degrees from -180 to 180"),
    "ref": N_("identifier of an entry of %(folder)s (its file name without .md)"),
    "object": N_("group of the sub-fields below"),
}
LIST_OF = N_("list of: %(what)s")
LIST_OF_GROUPS = N_("list of groups of the sub-fields below")
TEXT_LIMIT = N_("at most %(num)s characters")

_REF_FOLDERS = {"organisation": "content/organisations/", "project": "content/projects/", "event": "content/events/"}


def values_help(f: Field, lang: str, translate: Translate) -> str:
    """What a value of `f` looks like, in `lang`."""
    if f.type == "choice":
        shown = ", ".join(f"{code} ({translate(lang, CHOICE_LABELS[code])})" for code in f.choices)
        what = translate(lang, TYPE_HELP["choice"]) % {"values": shown}
    elif f.type == "ref":
        what = translate(lang, TYPE_HELP["ref"]) % {"folder": _REF_FOLDERS.get(f.ref, f.ref)}
    else:
        what = translate(lang, TYPE_HELP[f.type])
    if f.type in ("text", "longtext"):
        limit = checks.MAX_TEXT if f.type == "text" else checks.MAX_LONGTEXT
        what += ", " + translate(lang, TEXT_LIMIT) % {"num": limit}
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


# -- Markdown (CONTRIBUTING.md) ----------------------------------------------------------------------------

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
