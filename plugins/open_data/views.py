"""Ready values for the data page: the downloads, their sizes, and their columns described from schema.py."""

from __future__ import annotations

from collections.abc import Callable

from content_model.labels import label
from content_model.schema import ENTITY_KINDS, KINDS_BY_NAME
from labo_site import clock, formatting

from . import export


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


Translate = Callable[[str, str], str]

#: What a value of each content-model type looks like in the downloads.
TYPE_LABELS = {
    "text": N_("text"), "longtext": N_("text"), "slug": N_("identifier (file name)"), "bool": N_("true or false"),
    "integer": N_("whole number"), "year": N_("year"), "amount": N_("amount"), "percent": N_("percentage (0–100)"),
    "sdg": N_("Sustainable Development Goal number (1–17)"), "date": N_("date (YYYY-MM-DD)"),
    "date_or_year": N_("year or date (YYYY-MM-DD)"),
    "datetime": N_("date (YYYY-MM-DD) or local date and time (YYYY-MM-DDTHH:MM)"),
    "timezone": N_("IANA time zone"), "country": N_("country code (ISO 3166-1 alpha-2)"),
    "currency": N_("currency code (ISO 4217)"), "language": N_("language code (ISO 639)"),
    "sector": N_("sector code (taxonomy.json)"), "legal_form": N_("legal form code (taxonomy.json)"),
    "choice": N_("code"), "url": N_("web address"), "email": N_("e-mail address"), "phone": N_("phone number"),
    "handle": N_("account name"), "image": N_("file path"), "document": N_("file path"),
    "latitude": N_("latitude (decimal degrees)"), "longitude": N_("longitude (decimal degrees)"),
    "ref": N_("identifier of an organisation"), "object": N_("list of objects"),
}
KIND_TITLES = {"organisation": N_("Organisations"), "project": N_("Projects"), "event": N_("Events of the calendar"),
               "service": N_("Services"), "tender": N_("Calls for tenders")}


def size(n_bytes: int, lang: str, translate: Translate) -> str:
    kilobytes = max(n_bytes / 1024, 0.1)
    return translate(lang, "%(size)s KB") % {"size": formatting.number(round(kilobytes, 1), lang)}


def download(files: dict, name: str, fmt: str, lang: str, translate: Translate) -> dict:
    info = files[name]
    return {"format": fmt, "path": info["path"], "size": size(info["bytes"], lang, translate)}


def describe_field(field, lang: str) -> str:
    return label(field, lang)


def column_rows(kind_name: str, lang: str, languages: tuple[str, ...], translate: Translate) -> list[dict]:
    """One row per CSV column: its header, where the value is in the JSON, what it means, its form."""
    rows = []
    for column in export.columns(KINDS_BY_NAME[kind_name], languages):
        f = column.field
        if f is None and column.path == ("slug",):
            text = translate(lang, "Identifier of the entry: its file name, stable across builds")
            form = translate(lang, "identifier (file name)")
        elif f is None:
            text = translate(lang, "Address of the entry's page on this site")
            form = translate(lang, "web address")
        else:
            text = describe_field(f, lang)
            if column.lang:
                text = translate(lang, "%(field)s, in %(language)s") % {
                    "field": text, "language": formatting.language_name(column.lang, lang, in_sentence=True)}
            form = translate(lang, TYPE_LABELS[f.type])
            if f.many:
                form = translate(lang, "list of: %(type)s, separated by ;") % {"type": form}
        rows.append({"header": column.header, "json": column.json_path, "description": text, "form": form,
                     "required": bool(f and f.required and not column.lang)})
    return rows


def datasets(counts: dict[str, int], files: dict, lang: str, languages: tuple[str, ...],
             translate: Translate) -> list[dict]:
    out = []
    for kind in ENTITY_KINDS:
        out.append({
            "kind": kind.name, "id": f"dataset-{kind.folder}", "title": translate(lang, KIND_TITLES[kind.name]),
            "count": counts[kind.name],
            "files": [download(files, f"{kind.folder}.json", "JSON", lang, translate),
                      download(files, f"{kind.folder}.csv", "CSV", lang, translate)],
            "columns": column_rows(kind.name, lang, languages, translate),
            "json_only": [{"name": f.name, "description": describe_field(f, lang),
                           "fields": ", ".join(sub.name for sub in f.fields)} for f in export.json_only_fields(kind)],
        })
    return out


def as_of(lang: str) -> str:
    return formatting.date(clock.build_date(), lang)
