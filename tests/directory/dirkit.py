"""Helpers for the directory tests: build the tiny fixture site, read its pages as a small tree, walk links.

Imported by bare name (pytest puts this folder on sys.path); the name is unusual so that it never clashes
with a helper of another test folder.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(ROOT / "plugins")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

SITE = Path(__file__).parent / "fixtures" / "site"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def build(content: Path, output: Path, **extra):
    """`tests/conftest.py`'s build_site with settings as Python values: build(content, out, DIRECTORY_PAGE_SIZE=2)."""
    from tests.conftest import build_site

    return build_site(content, output, extra={k: json.dumps(v) for k, v in extra.items()})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Node or str
    parent: Node | None = None

    def text(self) -> str:
        out = []
        for child in self.children:
            out.append(child.text() if isinstance(child, Node) else child)
        return "".join(out)

    def norm(self) -> str:
        """Text with whitespace collapsed, as a reader sees it."""
        return " ".join(self.text().split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with `tag` whose attributes contain the given values (class_ matches one class)."""
        found = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            ok = True
            for name, want in attrs.items():
                name = name.rstrip("_").replace("_", "-")
                have = node.attrs.get(name)
                if have is None or (name == "class" and want not in have.split()) or (name != "class" and have != want):
                    ok = False
                    break
            if ok:
                found.append(node)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: (v or "") for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def page(site: Path, rel: str) -> Node:
    builder = _TreeBuilder()
    builder.feed((site / rel).read_text(encoding="utf-8"))
    return builder.root


def facts(doc: Node) -> dict[str, Node]:
    """The <dl class="facts"> of an entity page: term -> its <dd>."""
    dl = doc.find("dl", class_="facts")
    out: dict[str, Node] = {}
    term = None
    for node in dl.children:
        if isinstance(node, Node) and node.tag == "dt":
            term = node.norm()
        elif isinstance(node, Node) and node.tag == "dd" and term:
            out[term] = node
    return out
