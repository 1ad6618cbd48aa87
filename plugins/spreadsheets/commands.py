"""What `invoke import` and `invoke export` do and print, as functions that return their exit status and lines
(the tasks in `tasks.py` only read their options and print)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from content_model.messages import N_, message, plural, render
from content_model.schema import ENTITY_KINDS, Kind
from contribute.model import resolve_kind

from . import exporter, importer, writer
from .headers import letter
from .problems import Problem


def entity_kind(name: str) -> Kind:
    """The kind a staff member means (`organisations`, `organisation`, `projects`…); ValueError otherwise."""
    kind = resolve_kind(name)
    if kind not in ENTITY_KINDS:
        raise ValueError(f"{kind.folder} cannot be imported; use one of: {', '.join(k.folder for k in ENTITY_KINDS)}")
    return kind


def run_import(path: Path, kind: Kind, content: Path, settings: dict, today: dt.date, lang: str,
               dry_run: bool = False) -> tuple[int, list[str]]:
    result = importer.plan(path, kind, content, settings, today)
    lines = [p.render(result.name, lang) for p in result.problems]
    if result.others:
        lines.append(render(message(N_("The content already has errors outside the rows of the sheet; fix them "
                                       "first (invoke validate):")), lang))
        lines += [p.render(lang) for p in result.others]
    if not result.ok:
        n = len(result.problems) + len(result.others)
        lines.append(render(plural("{count} problem in {name}; nothing was written. Fix the cells above and import "
                                   "again.",
                                   "{count} problems in {name}; nothing was written. Fix the cells above and import "
                                   "again.", n, name=result.name), lang))
        return 1, lines
    lines += [_note(p, result.name, lang) for p in result.notes]
    if not dry_run:
        importer.apply(result, content)
    for action in result.actions:
        if action.what == "create":
            text = N_("would create: {path} (row {row})") if dry_run else N_("created: {path} (row {row})")
        elif action.what == "update":
            text = (N_("would update: {path} (row {row}): {fields}") if dry_run
                    else N_("updated: {path} (row {row}): {fields}"))
        elif dry_run:
            text = N_("unchanged: {path} (row {row})")
        else:
            continue
        lines.append(render(message(text, path=action.path, row=action.row, fields=", ".join(action.changed)), lang))
    counts = {what: sum(a.what == what for a in result.actions) for what in ("create", "update", "unchanged")}
    summary = (N_("Dry run, nothing written: {create} to create, {update} to update, {unchanged} unchanged.")
               if dry_run else N_("{create} created, {update} updated, {unchanged} unchanged."))
    lines.append(render(message(summary, **counts), lang))
    return 0, lines


def _note(problem: Problem, name: str, lang: str) -> str:
    where = f"{name}:{problem.row}:{letter(problem.column) if problem.column >= 0 else '-'}: {problem.header}: "
    return where + render(message(N_("note:")), lang) + " " + render(problem.message, lang)


def run_export(kind: Kind, content: Path, path: Path, settings: dict, today: dt.date,
               lang: str) -> tuple[int, list[str]]:
    try:
        writer.check_name(path)  # before the content is read: a wrong name is known at once
        report = exporter.export(kind, content, path, settings, today, lang)
    except writer.WriteError as error:
        return 1, [render(error.message, lang)]
    if not report.ok:
        lines = [p.render(lang) for p in report.problems]
        lines.append(render(plural("{count} error in the content; nothing was exported. Fix it (invoke validate) "
                                   "and export again.",
                                   "{count} errors in the content; nothing was exported. Fix them (invoke validate) "
                                   "and export again.", len(report.problems)), lang))
        return 1, lines
    n = len(report.registry.kind(kind.name, published_only=False))
    return 0, [render(plural("{path}: {count} entry written", "{path}: {count} entries written", n, path=str(path)),
                      lang)]
