"""Plain text of a body's sanitised HTML, with its paragraphs: what a profile's `description` can carry.

Aggregators show `description` as text (the library says they may cut it after ~160 characters), so the
summary comes first and the body follows without tags: one blank line between blocks, list items as "- …".
A parser, not a regular expression: entities and comments are handled by it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table",
                    "tr", "hr", "figure", "dl"})
SKIPPED = frozenset({"script", "style", "template"})  # never in a sanitised body; ignored all the same
#: HTML's white space only: the no-break spaces of French typography ("nous\xa0?") stay as they are.
SPACES = re.compile(r"[ \t\n\r\f]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _close_block(self) -> None:
        text = SPACES.sub(" ", "".join(self.current)).strip(" ")
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self._close_block()
        elif tag == "li":
            self._close_block()
            self.current.append("- ")
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS or tag == "li":
            self._close_block()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def plain_text(html: str) -> str:
    """The text of `html`: blocks separated by a blank line, list items by a line break."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._close_block()
    lines: list[str] = []
    for block in parser.blocks:
        if lines and not (block.startswith("- ") and lines[-1].startswith("- ")):
            lines.append("")
        lines.append(block)
    return "\n".join(lines)
