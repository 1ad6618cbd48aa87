"""Import: rows of a sheet become entry files, all of them or none.

1. Read the sheet (`reader`), find its header and columns (`headers`), convert each cell (`values`).
2. Match each row to an existing entry — by the identifier column, else by the name (accents and case aside,
   the translations' names too, or the file name the name would make) — or plan a new file. An entry is never
   created twice: two rows naming one entry are refused.
3. Merge: the sheet's columns replace the entry's values (an empty cell removes the field); fields the sheet
   has no column for, and the body, are kept. A value equal to the file's, however written, is no change.
4. Check every planned file with the real validator (`checking.py`): the same checks as `invoke validate`,
   each problem put back on its row and column.
5. Only when no row has a problem are the files written (each to a temporary name, then renamed).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from content_model import frontmatter
from content_model.checks import SLUG_RE
from content_model.messages import N_, message, shown
from content_model.schema import KINDS_BY_NAME, Kind
from content_model.taxonomy import load as load_taxonomy
from contribute.links import slugify, unique_slug

from . import checking, entryfile, headers, reader, values
from .headers import Layout
from .problems import Action, Problem, Result
from .values import Words

_NAME = re.compile(r"(?P<slug>[^.]+)(?:\.(?P<lang>[a-z]{2}))?\.md")


@dataclass
class Existing:
    slug: str
    text: str
    data: dict | None  # None: the front matter cannot be read


@dataclass
class _Row:
    number: int
    cells: dict[str, object] = field(default_factory=dict)  # path -> converted value (None: empty cell)
    bad: set[str] = field(default_factory=set)


def plan(path: Path, kind: Kind, content: Path, settings: dict, today: dt.date) -> Result:
    """What importing `path` would do; nothing is written to `content`."""
    result = Result(path.name)
    try:
        sheet = reader.read(path)
    except reader.ReadError as error:
        result.problems.append(Problem(error.line or 1, -1, "", error.message))
        return result
    lay = headers.layout(sheet, kind)
    for p in lay.problems:
        result.problems.append(Problem(p.row, -1 if p.column is None else p.column, p.header, p.message))
    if not lay.first_row:
        return result
    existing = _existing(content, kind)
    taxonomy, _ = load_taxonomy(content / "taxonomy.yml")
    ctx = values.Context(taxonomy, sheet.epoch, names=_ref_names(content))
    rows = [_convert(n, sheet.rows[n], lay, ctx, result) for n in sorted(sheet.rows) if n >= lay.first_row]
    rows = [r for r in rows if r is not None]
    _required(rows, lay, kind, existing, result)
    candidates = _match_and_merge(rows, lay, kind, existing, _names(content, kind), result)
    checking.validate(candidates, lay, kind, content, settings, today, result)
    result.problems.sort(key=Problem.sort_key)
    result.notes.sort(key=Problem.sort_key)
    return result


def apply(result: Result, content: Path) -> list[Action]:
    """Write the planned files (only when the plan has no problem); the actions that wrote something."""
    if not result.ok:
        raise ValueError("the import has problems; nothing may be written")
    done = []
    for action in result.actions:
        if action.what == "unchanged":
            continue
        target = content / Path(action.path).relative_to("content")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.import")
        partial.write_text(action.text, encoding="utf-8")
        os.replace(partial, target)
        done.append(action)
    return done


# -- reading the rows -----------------------------------------------------------------------------------------

def _convert(number: int, row: list[object], lay: Layout, ctx: values.Context, result: Result) -> _Row | None:
    out = _Row(number)
    for column in lay.columns:
        value = row[column.index] if column.index < len(row) else None
        if values.is_empty(value):
            out.cells[column.target.path] = None
            continue
        ctx.notes.clear()
        try:
            out.cells[column.target.path] = values.from_cell(column.target.field, value, ctx)
        except values.Bad as bad:
            out.bad.add(column.target.path)
            result.problems.append(Problem(number, column.index, column.header, bad.message))
        for note in ctx.notes:
            result.notes.append(Problem(number, column.index, column.header, note))
    if all(v is None for v in out.cells.values()) and not out.bad:
        return None  # an empty row, or one with values only in refused columns
    return out


def _existing(content: Path, kind: Kind) -> dict[str, Existing]:
    out: dict[str, Existing] = {}
    folder = content / kind.folder
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        m = _NAME.fullmatch(path.name)
        if not m or m["lang"]:
            continue
        try:
            text = path.read_bytes().decode("utf-8") if path.is_file() and not path.is_symlink() else None
        except UnicodeDecodeError:
            text = None
        fm = frontmatter.parse(text) if text is not None else None
        # A file the validator refuses (a link, not UTF-8, broken YAML) is never rewritten: the row says so.
        out[m["slug"]] = Existing(m["slug"], text or "", None if fm is None or fm.problems else fm.data)
    return out


def _names(content: Path, kind: Kind) -> dict[str, set[str]]:
    """Folded names (of originals and translations) -> slugs of `kind`."""
    out: dict[str, set[str]] = {}
    folder = content / kind.folder
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        m = _NAME.fullmatch(path.name)
        if not m or path.is_symlink() or not path.is_file():
            continue
        fm = frontmatter.parse(path.read_text(encoding="utf-8", errors="replace"))
        name = fm.data.get(kind.title_field) if isinstance(fm.data, dict) else None
        if isinstance(name, str) and headers.key(name):
            out.setdefault(headers.key(name), set()).add(m["slug"])
    return out


def _ref_names(content: Path) -> dict[str, dict[str, str]]:
    """For references written as names: folded name -> slug, per kind, where the name is unique."""
    out = {}
    for kind in ("organisation",):
        names = _names(content, KINDS_BY_NAME[kind])
        out[kind] = {name: next(iter(slugs)) for name, slugs in names.items() if len(slugs) == 1}
    return out


# -- matching and merging -----------------------------------------------------------------------------------------

def _required(rows: list[_Row], lay: Layout, kind: Kind, existing: dict[str, Existing], result: Result) -> None:
    for target in headers.required(kind):
        column = lay.column_of(target.path)
        if column is None:
            continue
        for row in rows:
            if target.path in row.cells and row.cells[target.path] is None and target.path not in row.bad:
                row.bad.add(target.path)
                label = Words(target.field.en[:1].lower() + target.field.en[1:],
                              fr=target.field.fr[:1].lower() + target.field.fr[1:])
                result.problems.append(Problem(row.number, column.index, column.header, message(
                    N_("is empty; this column is required ({label})"), label=label)))


def _identity(row: _Row, lay: Layout, kind: Kind, existing: dict[str, Existing], names: dict[str, set[str]],
              taken: set[str], result: Result) -> tuple[str, bool] | None:
    """(slug, exists) of the entry a row describes, or None after reporting why there is none."""
    slug = row.cells.get("slug")
    if slug:
        if not SLUG_RE.fullmatch(str(slug)):
            column = lay.column_of("slug")
            row.bad.add("slug")
            result.problems.append(Problem(row.number, column.index, column.header, message(
                N_("{value} is not an identifier: use lowercase letters, digits and hyphens"), value=shown(slug))))
            return None
        return str(slug), slug in existing
    title = row.cells.get(kind.title_field)
    if not title:
        return f"ligne-{row.number}", False  # checked like any new entry; its missing name is reported
    found = set(names.get(headers.key(title), set()))
    base = slugify(str(title))
    if base in existing:
        found.add(base)
    if len(found) > 1:
        column = lay.column_of(kind.title_field)
        result.problems.append(Problem(row.number, column.index, column.header, message(
            N_("{value} is the name of several entries ({slugs}); give the identifier of the one to update in a "
               "column \"Identifiant\""), value=shown(title), slugs=", ".join(sorted(found)))))
        return None
    if found:
        return found.pop(), True
    if not base:
        column = lay.column_of(kind.title_field)
        result.problems.append(Problem(row.number, column.index, column.header, message(
            N_("{value} has no letter or digit to make a file name from; give an identifier in a column "
               "\"Identifiant\""), value=shown(title))))
        return None
    return unique_slug(base, taken), False


def _match_and_merge(rows: list[_Row], lay: Layout, kind: Kind, existing: dict[str, Existing],
                     names: dict[str, set[str]], result: Result) -> dict[str, tuple[_Row, str]]:
    """rel path -> (row, candidate text) for every row that names an entry."""
    taken = set(existing)
    seen: dict[str, int] = {}
    out: dict[str, tuple[_Row, str]] = {}
    for row in rows:
        identity = _identity(row, lay, kind, existing, names, taken, result)
        if identity is None:
            continue
        slug, exists = identity
        if slug in seen:
            column = lay.column_of("slug") or lay.column_of(kind.title_field)
            result.problems.append(Problem(row.number, column.index if column else -1, column.header if column else "",
                                           message(N_("this row and row {other} describe the same entry ({slug}); "
                                                      "merge them"), other=seen[slug], slug=slug)))
            continue
        seen[slug] = row.number
        taken.add(slug)
        rel = f"{kind.folder}/{slug}.md"
        old = existing[slug] if exists else None
        if old is not None and old.data is None:
            result.problems.append(Problem(row.number, -1, "", message(
                N_("the file content/{path} has errors; fix it first (invoke validate), then import again"),
                path=rel)))
            continue  # the validator reports the file's own problems, with their lines
        before = old.data if old is not None else {}
        title = before.get(kind.title_field)
        if old is not None and not row.cells.get("slug") and isinstance(title, str):
            row.cells[kind.title_field] = title  # found by its name: "YAM PUKRI" does not rename "Yam Pukri"
        after, changed = _merge(before, row, lay)
        if old is None:
            text, what = entryfile.new_file(kind, after), "create"
        elif changed:
            text, what = entryfile.updated_file(old.text, kind, after), "update"
        else:
            text, what = old.text, "unchanged"
        out[rel] = (row, text)
        result.actions.append(Action(what, row.number, f"content/{rel}", text, changed))
    return out


def _merge(before: dict, row: _Row, lay: Layout) -> tuple[dict, list[str]]:
    """The entry's data with the row's values; the paths that changed."""
    after = copy.deepcopy(before)
    changed = []
    for column in lay.columns:
        path = column.target.path
        if path == "slug" or path in row.bad or path not in row.cells:
            continue
        f = column.target.field
        new = row.cells[path]
        old = _get(before, path)
        if values.canonical(f, old) == values.canonical(f, new):
            continue
        _set(after, path, _front(new))
        changed.append(path)
    return after, changed


def _front(value: object) -> object:
    """A converted cell as a front-matter value: a date with a time is the quoted text a contributor writes."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list):
        return [_front(v) for v in value]
    return value


def _get(data: dict, path: str) -> object:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _set(data: dict, path: str, value: object) -> None:
    """Set (or, for None, remove) `path`; a group left empty is removed."""
    parts = path.split(".")
    chain = [data]
    for part in parts[:-1]:
        child = chain[-1].get(part)
        if not isinstance(child, dict):
            if value is None:
                return
            child = chain[-1][part] = {}
        chain.append(child)
    if value is None:
        chain[-1].pop(parts[-1], None)
    else:
        chain[-1][parts[-1]] = value
    for parent, part in zip(reversed(chain[:-1]), reversed(parts[:-1]), strict=True):
        if parent.get(part) == {}:
            del parent[part]
