"""The text of an entry file: a new one as a contributor's looks, or an existing one with only its changed
fields rewritten.

Values are written the way the contribution form and IssueOps write them: every string double-quoted by
`contribute.yamltext.yaml_string` (so "NO", "+226…" or "2004" stay text and nothing typed in a cell can
become YAML structure), numbers and dates bare, a date with a time quoted ("2027-03-10 09:00", as the
field help says), lists of values in one flow line `["a", "b"]`, groups as indented blocks. A new file ends
with the description comment of `contribute.filetemplate` so it reads like one made by `invoke new`.

An update replaces only the lines of the top-level fields that changed (a group is rewritten whole), so the
rest of the file — its comments, its layout, its body — stays byte for byte, and a reviewer's diff shows
only what the sheet changed. If the file's layout does not allow that (two keys on one line), its front
matter is written again in the model's order; the body is never touched.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from content_model import frontmatter
from content_model.schema import Field, Kind
from contribute.filetemplate import file_template
from contribute.yamltext import yaml_string

INDENT = "  "


def scalar(value: object) -> str:
    """One value as YAML that reads back as the same value."""
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Never an exponent: YAML 1.1 reads "1e-05" as text.
        return format(Decimal(repr(value)), "f") if "e" in repr(value) else repr(value)
    if isinstance(value, dt.datetime):
        return yaml_string(value.strftime("%Y-%m-%d %H:%M"))
    if isinstance(value, dt.date):
        return value.isoformat()
    return yaml_string(str(value))


def block(name: str, value: object, f: Field | None, indent: str = "") -> list[str]:
    """The lines of `name: value` (a group or a list of groups on the lines below)."""
    if isinstance(value, dict):
        lines = [f"{indent}{name}:"]
        for sub, sub_value in _ordered(value, f.fields if f is not None else ()):
            lines += block(sub, sub_value, f.subfield(sub) if f is not None else None, indent + INDENT)
        return lines
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        lines = [f"{indent}{name}:"]
        for item in value:
            if not isinstance(item, dict) or not item:
                lines.append(f"{indent}{INDENT}- " + ("{}" if isinstance(item, dict) else scalar(item)))
                continue
            item_lines = [line for sub, sub_value in _ordered(item, f.fields if f is not None else ())
                          for line in block(sub, sub_value, f.subfield(sub) if f is not None else None,
                                            indent + INDENT * 2)]
            item_lines[0] = f"{indent}{INDENT}- " + item_lines[0][len(indent) + len(INDENT) * 2:]
            lines += item_lines
        return lines
    if isinstance(value, list):
        return [f"{indent}{name}: [" + ", ".join(scalar(v) for v in value) + "]"]
    return [f"{indent}{name}: {scalar(value)}"]


def _ordered(data: dict, fields: tuple[Field, ...]) -> list[tuple[str, object]]:
    """The keys of `data` in the model's order, then any others in their own order."""
    known = [f.name for f in fields]
    return [(k, data[k]) for k in known if k in data] + [(k, v) for k, v in data.items() if k not in known]


def front_matter(kind: Kind, data: dict) -> list[str]:
    lines: list[str] = []
    for name, value in _ordered(data, kind.fields):
        lines += block(name, value, kind.get(name))
    return lines


def description_comment(kind: Kind) -> str:
    """What follows the front matter in a new file from the template: a blank line and the body's comment."""
    return file_template(kind).rsplit("\n---\n", 1)[1]


def new_file(kind: Kind, data: dict) -> str:
    return "\n".join(["---", *front_matter(kind, data), "---"]) + "\n" + description_comment(kind)


def updated_file(text: str, kind: Kind, new: dict) -> str:
    """`text` with its front matter holding `new`: changed top-level fields rewritten in place, removed ones
    deleted, added ones after the field that precedes them in the model."""
    fm = frontmatter.parse(text)
    if fm.problems:
        raise ValueError("the file's front matter cannot be read")
    lines = text.split("\n")
    end = fm.body_line - 2  # index of the closing fence
    surgical = _surgical(lines, end, fm, kind, new)
    if surgical is not None:
        check = frontmatter.parse(surgical)
        if not check.problems and check.data == new:
            return surgical
    return "\n".join([lines[0], *front_matter(kind, new), *lines[end:]])


def _surgical(lines: list[str], end: int, fm: frontmatter.FrontMatter, kind: Kind, new: dict) -> str | None:
    starts = sorted((fm.lines[(k,)] - 1, k) for k in fm.data if (k,) in fm.lines)
    if len(starts) != len(fm.data) or len({s for s, _ in starts}) != len(starts):
        return None
    segments: list[tuple[str, list[str]]] = []
    prelude = lines[1:starts[0][0]] if starts else lines[1:end]
    for i, (start, name) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else end
        while stop - 1 > start and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
            stop -= 1  # comments and blank lines above the next key belong to it
        segments.append((name, lines[start:stop]))
        if i + 1 < len(starts):
            segments.append(("", lines[stop:starts[i + 1][0]]))
        else:
            segments.append(("", lines[stop:end]))
    out: list[tuple[str, list[str]]] = []
    for name, seg in segments:
        if not name:
            out.append((name, seg))
        elif name in new:
            same = fm.data[name] == new[name]
            out.append((name, seg if same else block(name, new[name], kind.get(name))))
    order = [f.name for f in kind.fields]
    for name in [k for k in new if k not in fm.data]:
        before = order[:order.index(name)] if name in order else order
        at = max((i for i, (n, _) in enumerate(out) if n in before), default=-1)
        out.insert(at + 1, (name, block(name, new[name], kind.get(name))))
    return "\n".join([lines[0], *prelude, *(line for _, seg in out for line in seg), *lines[end:]])
