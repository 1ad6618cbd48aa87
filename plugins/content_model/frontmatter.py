"""Split a Markdown file into YAML front matter and body, keeping the line of every key.

Why not pelican-yaml-metadata: it logs and skips a bad header (exit 0), silently keeps the last of two
duplicate keys, uses the pure-Python loader and loses line numbers. Here the YAML is composed into nodes
with the C loader, so every key keeps its line, duplicates and aliases are refused, and a scalar keeps its
raw text (to explain YAML 1.1 surprises such as `no` read as a boolean).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import yaml

from . import chars, yamlerrors
from .limits import DEFAULT, Limits, size
from .messages import N_, Message, message, shown

try:  # the C loader is about 7x faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

Path_ = tuple  # a field path: ("funding", "contributions", 0, "amount")

NOT_UTF8 = N_("the file is not valid UTF-8 (byte 0x{byte} at column {column}); save it with the UTF-8 encoding")
NO_FRONT_MATTER = N_("missing front matter: the file must start with a line '---', then the fields ('name: value'), "
                     "then a line '---'")
NOT_CLOSED = N_("the front matter is not closed: add a line '---' after the last field")
EMPTY = N_("the front matter is empty")
NOT_A_MAPPING = N_("the front matter must be a list of 'field: value' lines")
INVALID_YAML = N_("invalid YAML: {what}")
YAML_PROBLEM = N_("{problem}; check the indentation, the colons and quote values that contain ': ' or start with a "
                  "symbol")
YAML_CONTEXT = N_("{context}, {problem}; check the indentation, the colons and quote values that contain ': ' or "
                  "start with a symbol")
YAML_NOTICED = N_("{context}, {problem} (noticed on line {line}); check the indentation, the colons and quote "
                  "values that contain ': ' or start with a symbol")
YAML_STARTED = N_("{problem} ({context} started on line {line}); check the indentation, the colons and quote "
                  "values that contain ': ' or start with a symbol")
YAML_TAB = N_("a tab is used for indentation; indent with spaces only")
UNREADABLE = N_("the text cannot be read")
ALIASES = N_("anchors and aliases (& and *) are not allowed; write the value out")
MERGE_KEYS = N_("merge keys (<<) are not allowed")
DUPLICATE = N_("duplicate field: already given on line {line}; keep only one")

_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Problem:
    """An error found while reading one file (line is 1-based in the source file)."""

    line: int
    field: str
    message: Message | str  # a str only where the words are not ours to translate


@dataclass
class FrontMatter:
    data: dict
    body: str
    lines: dict[Path_, int] = field(default_factory=dict)  # field path -> line of its key
    raw: dict[Path_, tuple[str, str]] = field(default_factory=dict)  # path -> (yaml tag, source text)
    problems: list[Problem] = field(default_factory=list)
    body_line: int = 1  # line of the file where the body starts

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one (1 for the file)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """Decode a file as UTF-8, locating the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        return "", Problem(line, "", message(NOT_UTF8, byte=byte, column=column))


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse(text: str, limits: Limits = DEFAULT) -> FrontMatter:
    """Parse `text`; problems are collected in the result, never raised. The front matter is measured (bytes,
    characters YAML refuses, nesting depth) before PyYAML builds anything from it."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0].rstrip("\r")) or lines[0].startswith("..."):
        return FrontMatter({}, text, problems=[Problem(1, "", message(NO_FRONT_MATTER))])
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r"))), None)
    if end is None:
        return FrontMatter({}, text, problems=[Problem(1, "", message(NOT_CLOSED))])
    header = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    result = FrontMatter({}, body, body_line=end + 2)
    problem = _oversized(lines[1:end], limits) or _unacceptable(header) or _too_deep(header, limits)
    if problem is not None:
        problem.line += 2
        result.problems.append(problem)
        return result
    _load(header, result, offset=2)
    return result


def _oversized(lines: list[str], limits: Limits) -> Problem | None:
    """The line where the front matter crosses its size limit (0-based in the header)."""
    total = 0
    for index, line in enumerate(lines):
        total += len(line.encode("utf-8")) + 1
        if total > limits.front_matter_bytes:
            return Problem(index, "", message(
                N_("the front matter grows past {limit} on this line (setting LABO_LIMITS[\"front_matter_bytes\"]); "
                   "put long texts in the body, below the closing '---'"), limit=size(limits.front_matter_bytes)))
    return None


#: What YAML refuses or reads as a line break: control characters other than tab, LF and CR (NEL included),
#: and the Unicode line and paragraph separators. PyYAML reports them with a position, not a line.
_YAML_UNACCEPTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _unacceptable(header: str) -> Problem | None:
    found = _YAML_UNACCEPTABLE.search(header)
    if found is None:
        return None
    start = header.rfind("\n", 0, found.start()) + 1
    return Problem(header.count("\n", 0, found.start()), "", message(
        N_("this line contains {char} at column {column}; remove it: control characters are not allowed"),
        char=chars.describe(found[0]), column=found.start() - start + 1))


def _too_deep(header: str, limits: Limits) -> Problem | None:
    """The line where lists and groups nest deeper than the limit, found before any node is built.

    PyYAML builds nodes recursively: 1,000 levels raise RecursionError, 100,000 crash the C loader. Its event
    parser, though, is a state machine with no recursion, and it reads lazily: pulled one event at a time,
    it stops at the first level too deep, whatever follows. Counting its events gives YAML's own depth, which
    a count of brackets and indentation by hand would only approximate (quotes, block scalars, '- - x').
    """
    loader = _Loader(header)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limits.front_matter_depth:
                    return Problem(event.start_mark.line, "", message(
                        N_("lists and groups are nested more than {limit} levels deep here (setting "
                           "LABO_LIMITS[\"front_matter_depth\"]); no field of the site needs more than 4"),
                        limit=limits.front_matter_depth))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif event is None or isinstance(event, yaml.StreamEndEvent):
                return None
    except yaml.YAMLError:
        return None  # a syntax error before the limit: the real parse reports it, with its line
    finally:
        loader.dispose()


def _load(header: str, result: FrontMatter, offset: int) -> None:
    loader = _Loader(header)
    try:
        node = loader.get_single_node()
        if node is None:
            result.problems.append(Problem(offset - 1, "", message(EMPTY)))
            return
        if not isinstance(node, yaml.MappingNode):
            result.problems.append(Problem(node.start_mark.line + offset, "", message(NOT_A_MAPPING)))
            return
        _walk(node, (), result, offset, set())
        if any(isinstance(p.message, Message) and p.message.text == ALIASES for p in result.problems):
            return
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        line, what = _yaml_error(exc, header, offset)
        result.problems.append(Problem(line, "", message(INVALID_YAML, what=what)))
        return
    except yaml.YAMLError as exc:
        result.problems.append(Problem(offset, "", message(INVALID_YAML, what=str(exc))))
        return
    finally:
        loader.dispose()
    result.data = data


#: Errors whose cause is where the construct began (an unclosed quote or bracket, a line without a colon);
#: PyYAML notices them lines later, often at the end of the front matter.
_STARTED_AT_CAUSE = ("while scanning a quoted scalar", "while scanning a simple key", "while parsing a flow")


def _yaml_error(exc: yaml.MarkedYAMLError, header: str, offset: int) -> tuple[int, Message]:
    """The file line to blame and what went wrong, in PyYAML's words (translated where they are known) plus
    where it was noticed and a hint."""
    context = exc.context
    problem = yamlerrors.translated(exc.problem) if exc.problem else message(UNREADABLE)
    mark, start = exc.problem_mark or exc.context_mark, exc.context_mark
    if mark is None:
        return offset, message(YAML_PROBLEM, problem=problem)
    lines = header.split("\n")
    text = lines[mark.line] if mark.line < len(lines) else ""
    if mark.column < len(text) and text[mark.column] == "\t":
        return mark.line + offset, message(YAML_TAB)
    if context and start is not None and start.line != mark.line:
        where = yamlerrors.translated(context)
        if context.startswith(_STARTED_AT_CAUSE):
            return start.line + offset, message(YAML_NOTICED, context=where, problem=problem,
                                                line=mark.line + offset)
        return mark.line + offset, message(YAML_STARTED, context=where, problem=problem, line=start.line + offset)
    if context:
        return mark.line + offset, message(YAML_CONTEXT, context=yamlerrors.translated(context), problem=problem)
    return mark.line + offset, message(YAML_PROBLEM, problem=problem)


def _walk(node: yaml.Node, path: Path_, result: FrontMatter, offset: int, seen: set[int]) -> None:
    """Record key lines and raw scalars; refuse duplicates, aliases and impossible timestamps."""
    if id(node) in seen:
        result.problems.append(Problem(result.lines.get(path, node.start_mark.line + offset), format_path(path),
                                       message(ALIASES)))
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        refused: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + offset
            sub = path + (key,)
            bad = None if key.isprintable() else chars.first_unsafe(key)  # isprintable: C speed, no false "ok"
            if bad is not None:
                result.problems.append(Problem(line, format_path(path), message(
                    N_("the field name {name} contains {char} at position {position}; write the name without it"),
                    name=shown(key), char=chars.describe(bad[1]), position=bad[0] + 1)))
                refused.append((key_node, value_node))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                result.problems.append(Problem(line, format_path(path), message(MERGE_KEYS)))
                continue
            if key in keys:
                result.problems.append(Problem(line, format_path(sub), message(DUPLICATE, line=keys[key])))
                continue
            keys[key] = line
            key_node.tag, key_node.value = _STR_TAG, key  # keys are names, never numbers or booleans
            result.lines[sub] = line
            _walk(value_node, sub, result, offset, seen)
        if refused:  # reported once here, not again as an unknown field with an unreadable name
            node.value = [pair for pair in node.value if pair not in refused]
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = path + (i,)
            result.lines[sub] = item.start_mark.line + offset
            _walk(item, sub, result, offset, seen)
    else:
        result.raw[path] = (node.tag, node.value)
        if node.tag == _TIMESTAMP_TAG and not _valid_timestamp(node.value):
            # PyYAML would raise a bare ValueError with no line; keep the text and let checks.py report it.
            node.tag = _STR_TAG


def _valid_timestamp(text: str) -> bool:
    try:
        yaml.constructor.SafeConstructor.construct_yaml_timestamp(
            yaml.constructor.SafeConstructor(), yaml.ScalarNode(_TIMESTAMP_TAG, text))
    except (ValueError, OverflowError):
        return False
    return True


__all__ = ["FrontMatter", "Problem", "decode", "format_path", "parse", "dt"]


# -- a parsed file as a cache record (JSON: no pickle, nothing a record holds can run) ----------------------

def to_record(fm: FrontMatter) -> bytes:
    """The parse of a file without problems, as bytes for the cache (see validate.py)."""
    return json.dumps({"data": _encode(fm.data), "body": fm.body, "body_line": fm.body_line,
                       "lines": [[list(path), line] for path, line in fm.lines.items()],
                       "raw": [[list(path), tag, text] for path, (tag, text) in fm.raw.items()]},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def from_record(record: bytes) -> FrontMatter:
    value = json.loads(record)
    return FrontMatter(_decode(value["data"]), value["body"],
                       lines={tuple(path): line for path, line in value["lines"]},
                       raw={tuple(path): (tag, text) for path, tag, text in value["raw"]},
                       body_line=value["body_line"])


def _encode(value):
    """YAML's values as JSON: mappings and dates tagged (a mapping may have any key, a string any text)."""
    if isinstance(value, dict):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, bytes):  # YAML's !!binary
        return {"b": value.hex()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"not kept in the cache: {type(value).__name__}")  # sets, pairs: parsed again each time


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "m" in value:
            return {_decode(k): _decode(v) for k, v in value["m"]}
        if "t" in value:
            return dt.datetime.fromisoformat(value["t"])
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
        return bytes.fromhex(value["b"])
    return value
