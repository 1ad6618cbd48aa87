"""Checks of a Markdown body before it is rendered: its characters.

A body is rendered by markdown-it-py (see sanitize.py), which reads a text in linear time, so the size limit
(LABO_LIMITS["markdown_bytes"]) bounds the work. What is checked here is what a renderer would pass through
and a reader could be fooled by: bidirectional and control characters, located by line and column.
"""

from __future__ import annotations

from .filetypes import unsafe_in_text
from .limits import Limits
from .messages import Message


def check_body(body: str, first_line: int, limits: Limits) -> list[tuple[int, Message]]:
    """(line, problem) pairs for a body whose first line is `first_line` in its file."""
    unsafe = unsafe_in_text(body, first_line)
    return [unsafe] if unsafe is not None else []
