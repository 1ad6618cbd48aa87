"""Read a built page the way a reader (or a screen reader) meets it: visible text, headings, ids, links."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import FIXED_EPOCH
from tests.conftest import build_site as run_pelican


def build_site(content: Path, output: Path, *, epoch: str = FIXED_EPOCH, extra: dict | None = None):
    """tests/conftest.py's build_site (its seeded cache included) with `extra` holding Python values, and a cache
    folder of its own beside `output`: two builds of one test (before and after a date) must not share one."""
    settings = {"CACHE_PATH": str(Path(output).parent / f".cache-{Path(output).name}"), **(extra or {})}
    return run_pelican(content, output, epoch=epoch, extra={key: json.dumps(value) for key, value in settings.items()})


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def squash(text: str) -> str:
    """Collapse every kind of space (Babel puts narrow no-break spaces in French numbers) to one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Page:
    path: Path
    text: str = ""  # visible text of <main>, squashed
    ids: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # href of every <a>
    progress: list[dict] = field(default_factory=list)  # attributes of every <progress>
    labelled: dict[str, str] = field(default_factory=dict)  # id -> its text, for aria-labelledby checks


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_main = 0
        self.parts: list[str] = []
        self.heading: tuple[int, list[str]] | None = None
        self.open_ids: list[tuple[str, list[str]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.append(a["id"])
        if tag == "main":
            self.in_main += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (int(tag[1]), [])
        if tag == "a" and a.get("href") is not None:
            self.page.links.append(a["href"])
        if tag == "progress":
            self.page.progress.append(a)
        if tag not in _VOID:
            self.stack.append(tag)
            self.open_ids.append((a.get("id", ""), []))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if self.heading and tag == f"h{self.heading[0]}":
            self.page.headings.append((self.heading[0], squash("".join(self.heading[1]))))
            self.heading = None
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            ident, texts = self.open_ids.pop()
            if ident:
                self.page.labelled[ident] = squash("".join(texts))
            if self.open_ids:
                self.open_ids[-1][1].extend(texts)
            if top == tag:
                break

    def handle_data(self, data):
        if self.in_main:
            self.parts.append(data)
        if self.heading:
            self.heading[1].append(data)
        if self.open_ids:
            self.open_ids[-1][1].append(data)


def read(path: Path) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    page.text = squash(" ".join(reader.parts))
    return page


def problems(page: Page, site: Path) -> list[str]:
    """What a reader would trip on: duplicate ids, skipped heading levels, unlabelled progress bars,
    internal links to missing files or anchors, root-absolute links, links to folders."""
    found = []
    seen = set()
    for ident in page.ids:
        if ident in seen:
            found.append(f"duplicate id {ident!r}")
        seen.add(ident)
    levels = [level for level, _ in page.headings]
    if levels[:1] != [1] or levels.count(1) != 1:
        found.append(f"expected one h1 first, got {levels}")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            found.append(f"heading level jumps from h{before} to h{after}")
    for bar in page.progress:
        label = page.labelled.get(bar.get("aria-labelledby", ""), "")
        if not label:
            found.append(f"progress bar {bar.get('id')} has no text label")
    for href in page.links:
        if href.startswith(("http://", "https://", "mailto:", "tel:")):
            continue
        if href.startswith("/"):
            found.append(f"root-absolute link {href}")
            continue
        target, _, anchor = href.partition("#")
        if not target:
            if anchor and anchor not in seen:
                found.append(f"missing anchor #{anchor}")
            continue
        resolved = (page.path.parent / target).resolve()
        if not resolved.is_file():
            found.append(f"broken link {href}")
        elif site.resolve() not in resolved.parents:
            found.append(f"link leaves the site {href}")
        elif anchor and f'id="{anchor}"' not in resolved.read_text(encoding="utf-8"):
            found.append(f"missing anchor {href}")
    return found
