"""Check planned files with the real validator, and say which cell each of its problems comes from.

Every planned file is written into a copy of content/ (hard links for the rest: fast, and no space), and
`validate_site` runs on the copy with the site's settings: the same checks as `invoke validate`, references,
file names and taxonomy included. A problem in a planned file is put back on the row of that file and on the
column of its field (the group's first column for a problem of the group, the name's for one of the file);
one that a cell's own problem already explains is left out, and the problems of a required column the sheet
lacks are said once, on the header. A problem in any other file is a problem of content/ itself: listed as
the validator prints it, and the import refuses to write as well.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

from content_model.messages import N_, message, shown
from content_model.schema import Kind
from content_model.validate import validate_site

from . import headers
from .headers import Column, Layout
from .problems import Problem, Result


def _copy_content(content: Path, target: Path) -> None:
    """A copy of content/ to check: hard links where possible (fast, no space), links kept as links so that the
    validator judges them as it would in place. A file to replace is unlinked first, never written through."""
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(content, target, symlinks=True, copy_function=link_or_copy)


def validate(candidates: dict[str, tuple[object, str]], lay: Layout, kind: Kind, content: Path, settings: dict,
              today: dt.date, result: Result) -> None:
    with tempfile.TemporaryDirectory(prefix="labo-import-") as tmp:
        copy_ = Path(tmp) / "content"
        _copy_content(content, copy_)
        for rel, (_row, text) in candidates.items():
            path = copy_ / rel
            if path.exists() or path.is_symlink():
                path.unlink()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        report = validate_site(copy_, languages=tuple(settings.get("LANGUAGES", ("fr", "en"))), today=today,
                               include_examples=settings.get("LABO_INCLUDE_EXAMPLES", True), shown_root="content",
                               limits=settings.get("LABO_LIMITS"))
    own = {(p.row, _path_of(lay, p.column)) for p in result.problems}
    missing = {t.path for t in headers.required(kind) if lay.column_of(t.path) is None}
    reported_missing: set[str] = set()
    for notice in getattr(report, "notices", []):  # values the validator understood after a harmless change
        rel = notice.path.removeprefix("content/")
        if rel in candidates:
            column = _column_for(lay, re.sub(r"\[\d+\]", "", notice.field))
            result.notes.append(Problem(candidates[rel][0].number, column.index if column else -1,
                                        column.header if column else notice.field, notice.message))
    for problem in report.problems:
        rel = problem.path.removeprefix("content/")
        if rel not in candidates:
            result.others.append(problem)
            continue
        row = candidates[rel][0]
        root = re.sub(r"\[\d+\]", "", problem.field)
        column = _column_for(lay, root) if root else (lay.column_of("slug") or lay.column_of(kind.title_field))
        path = column.target.path if column else root
        if any(r == row.number and p and (p == path or p.startswith(root + ".") or root.startswith(p + "."))
               for r, p in own) or (row.number, "") in own and not problem.field:
            continue
        if column is None and any(m == root or m.startswith(root + ".") for m in missing) and root:
            reported_missing.add(next(m for m in missing if m == root or m.startswith(root + ".")))
            continue
        result.problems.append(Problem(row.number, column.index if column else -1,
                                       column.header if column else problem.field, problem.message))
    for path in sorted(reported_missing):
        target = headers.index(kind).targets[path]
        result.problems.append(Problem(lay.header_rows[0], -1, "", message(
            N_("the column {header} is missing; new entries need it"),
            header=shown(headers.export_header(headers.index(kind), target, "fr")))))


def _path_of(lay: Layout, column: int) -> str:
    return next((c.target.path for c in lay.columns if c.index == column), "")


def _column_for(lay: Layout, root: str) -> Column | None:
    """The column of a validator's field: the field itself, else the first of its parts, else its group's."""
    if not root:
        return None
    exact = lay.column_of(root)
    if exact is not None:
        return exact
    return next((c for c in lay.columns if c.target.path.startswith(root + ".")), None) or next(
        (c for c in lay.columns if root.startswith(c.target.path + ".")), None)
