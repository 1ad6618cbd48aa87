"""Export: every entry of a kind as one row, in the layout import reads.

The content is validated first (an export of broken files would carry their errors into the sheet). Each
row holds what the entry's file holds — not the validator's normalised view (a project's "raised" computed
from its contributions is not written back) — so that importing the export again changes no file: the
round trip is the identity on the entry files (tests/spreadsheets check it on the shipped content).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from content_model import frontmatter
from content_model.schema import Kind
from content_model.validate import Report, validate_site

from . import headers, values, writer


def rows(kind: Kind, content: Path, report: Report, lang: str) -> tuple[list[str], list[list[object]]]:
    """The header and one row per entry of `kind`, by identifier."""
    idx = headers.index(kind)
    targets = list(idx.targets.values())
    header = [headers.export_header(idx, t, lang) for t in targets]
    ctx = values.Context(report.taxonomy)
    out = []
    for entry in sorted(report.registry.kind(kind.name, published_only=False), key=lambda e: e.slug):
        data = frontmatter.parse((content / entry.source).read_text(encoding="utf-8")).data
        row: list[object] = []
        for t in targets:
            if t.path == "slug":
                row.append(entry.slug)
            else:
                row.append(values.to_cell(t.field, _get(data, t.path), lang, ctx))
        out.append(row)
    return header, out


def export(kind: Kind, content: Path, path: Path, settings: dict, today: dt.date, lang: str) -> Report:
    """Write `path` (.xlsx, .ods or .csv) when the content is valid; the validation report either way."""
    report = validate_site(content, languages=tuple(settings.get("LANGUAGES", ("fr", "en"))), today=today,
                           include_examples=settings.get("LABO_INCLUDE_EXAMPLES", True), shown_root="content",
                           limits=settings.get("LABO_LIMITS"))
    if report.ok:
        header, body = rows(kind, content, report, lang)
        writer.write(path, kind.fr if lang == "fr" else kind.en, header, body, lang)
    return report


def _get(data: dict, path: str) -> object:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
