"""Checks of a Markdown body before it is rendered: its characters, and the work it would cost to render.

Python-Markdown reads from each "[" to its matching "]", from a link's "](" to its ")", from each "<" towards
a ">", from each run of backticks to the next run of the same length, and to the end of the block when there
is none, for every one of them: unclosed or deeply nested, they cost time in the square of their number.
Measured 2026-12: 30,000 "[" in one paragraph (30 KB) render in 78 s, 4,000 "[word " in 7.8 s, 4,000 nested
"[…]" in 1.7 s, 3,000 "[a](" in 1.3 s, 4,000 "<a " in 0.7 s, 800 backtick runs of growing length in 5 s. A
size limit cannot stop that, so the body is measured the way the renderer reads it: the characters each of
those openers makes it read, summed over the file, at about 0.2 µs each. Closed links cost their own length
(a paragraph of twenty links costs a few hundred), the costliest shipped page 763, CONTRIBUTING.md 26,488;
the hostile blocks above cost 9 to 450 million. The limit, LABO_LIMITS["markdown_work"], is 2 million: at
most about 0.4 s of rendering per file.

The proper cure is a renderer that works in linear time (markdown-it-py, CommonMark's reference design);
until the site uses one, this estimate refuses what would stall the build, with the line to fix.
"""

from __future__ import annotations

import re

from .filetypes import unsafe_in_text
from .limits import Limits, number
from .messages import N_, Message, message

#: A line that starts a block of its own: a list item, a heading, a table row, a quotation.
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|\||>)")
#: Openers and closers, unless escaped: a backslash makes them plain text, which costs nothing.
_OPENERS = re.compile(r"(?<!\\)[\[<`]")
_BRACKETS = re.compile(r"(?<!\\)[\[\]]")
_PARENTHESES = re.compile(r"(?<!\\)(?:\]\(|[()])")
_ANGLES = re.compile(r"(?<!\\)[<>]")
_BACKTICKS = re.compile(r"(?<!\\)`+")


def check_body(body: str, first_line: int, limits: Limits) -> list[tuple[int, Message]]:
    """(line, problem) pairs for a body whose first line is `first_line` in its file."""
    problems = []
    unsafe = unsafe_in_text(body, first_line)
    if unsafe is not None:
        problems.append(unsafe)
    costly = _too_costly(body, first_line, limits)
    if costly is not None:
        problems.append(costly)
    return problems


def _too_costly(body: str, first_line: int, limits: Limits) -> tuple[int, Message] | None:
    # An opener makes the renderer read at most the whole body, twice for a "[" (to its "]", then from "](" to
    # the ")"): most bodies stop here, at C speed.
    if 2 * len(_OPENERS.findall(body)) * len(body) <= limits.markdown_work:
        return None
    total = 0
    for start, block in _blocks(body, first_line):
        work = reading_work(block)
        total += work
        if total > limits.markdown_work:
            return start, message(
                N_("this block makes Markdown read {work} characters for its {openers} \"[\", \"<\" or \"`\", and the "
                   "file more than the {limit} allowed (setting LABO_LIMITS[\"markdown_work\"]); close each \"[\" "
                   "with \"]\", split long paragraphs, or write \\[ \\< \\` for characters that open no link, tag or "
                   "code"), work=number(work), openers=number(len(_OPENERS.findall(block))),
                limit=number(limits.markdown_work))
    return None


def _blocks(body: str, first_line: int):
    """(first line, text) of each block: paragraphs, list items, headings, table rows, quotations."""
    start, lines = first_line, []
    for line_number, line in enumerate(body.split("\n"), first_line):
        if not line.strip() or _BLOCK_START.match(line):
            if lines:
                yield start, "\n".join(lines)
            start, lines = line_number, []
            if not line.strip():
                continue
        if not lines:
            start = line_number
        lines.append(line)
    if lines:
        yield start, "\n".join(lines)


def reading_work(block: str) -> int:
    """How many characters Python-Markdown reads from the openers of one block (an estimate from above)."""
    end = len(block)
    work = 0
    stack: list[int] = []  # "[" waiting for their "]", nesting counted as the renderer counts it
    for found in _BRACKETS.finditer(block):
        if found[0] == "[":
            stack.append(found.start())
        elif stack:
            work += found.start() - stack.pop()
    work += sum(end - at for at in stack)
    opened: list[tuple[int, bool]] = []  # "(" waiting for ")"; True for the one that starts a link's address
    for found in _PARENTHESES.finditer(block):
        if found[0] != ")":
            opened.append((found.start(), found[0] == "]("))
        elif opened:
            at, address = opened.pop()
            work += found.start() - at if address else 0
    work += sum(end - at for at, address in opened if address)
    waiting: list[int] = []  # "<" waiting for the next ">"
    for found in _ANGLES.finditer(block):
        if found[0] == "<":
            waiting.append(found.start())
        else:
            work += sum(found.start() - at for at in waiting)
            waiting = []
    work += sum(end - at for at in waiting)
    runs: dict[int, int] = {}  # length of a backtick run -> where the one waiting for its twin starts
    for found in _BACKTICKS.finditer(block):
        size = len(found[0])
        if size in runs:
            work += found.start() - runs.pop(size)
        else:
            runs[size] = found.start()
    work += sum(end - at for at in runs.values())
    return work
