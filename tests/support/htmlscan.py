"""One pass of html.parser over every HTML/SVG file of a built site, shared by the static gates.

The links, external-request, injection and weight gates all need the same facts (ids, URL-bearing
attributes, scripts, styles, event handlers).  Parsing once and caching keeps the whole static
suite to a few seconds on thousands of pages.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose value is a URL (or a list of URLs, for srcset) on any element.
URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "srcset",
        "imagesrcset",
        "action",
        "formaction",
        "poster",
        "data",
        "xlink:href",
        "background",
        "ping",
        "manifest",
    }
)
# SVG animation elements can set an attribute (e.g. href) to a URL held in these.
SVG_ANIMATION_TAGS = frozenset({"animate", "set", "animatemotion", "animatetransform"})
SVG_ANIMATION_VALUE_ATTRS = frozenset({"to", "from", "values", "by"})
SRCSET_ATTRS = frozenset({"srcset", "imagesrcset"})
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT_RE = re.compile(r"@import\b", re.IGNORECASE)
CSS_FONT_FACE_RE = re.compile(r"@font-face\b", re.IGNORECASE)
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class Ref:
    """One URL found in a document, with where it was found."""

    line: int
    tag: str
    attr: str
    url: str
    rel: tuple[str, ...] = ()

    def describe(self) -> str:
        return f'<{self.tag} {self.attr}="{self.url}">'


@dataclass(frozen=True)
class Script:
    line: int
    src: str | None
    type: str
    attrs: tuple[tuple[str, str | None], ...]
    text: str


@dataclass
class Document:
    """What the gates need to know about one HTML or SVG file."""

    rel: str
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)
    # (line, css text) of <style> elements and style="" attributes
    styles: list[tuple[int, str]] = field(default_factory=list)
    # (line, tag, attribute name) of every on* attribute
    handlers: list[tuple[int, str, str]] = field(default_factory=list)
    # (line, tag) of iframe/object/embed/frame/applet/base elements
    embeds: list[tuple[int, str]] = field(default_factory=list)
    # href of every <a> inside a <nav>, in document order
    nav_hrefs: list[str] = field(default_factory=list)
    template: str | None = None
    lang: str | None = None


EMBED_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})


class _Collector(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self._script: tuple[int, dict[str, str | None], list[str]] | None = None
        self._style: tuple[int, list[str]] | None = None
        self._nav_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        doc = self.doc
        amap = dict(attrs)
        for name, value in attrs:
            if name == "id" and value:
                doc.ids.add(value)
            elif name.startswith("on"):
                doc.handlers.append((line, tag, name))
            elif name == "style" and value:
                doc.styles.append((line, value))
        if tag == "a" and amap.get("name"):
            doc.ids.add(amap["name"] or "")
        rel = tuple((amap.get("rel") or "").lower().split())
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRS or (tag in SVG_ANIMATION_TAGS and name in SVG_ANIMATION_VALUE_ATTRS):
                if name in SRCSET_ATTRS:
                    for url in parse_srcset(value):
                        doc.refs.append(Ref(line, tag, name, url, rel))
                else:
                    doc.refs.append(Ref(line, tag, name, value.strip(), rel))
        if tag == "meta" and (amap.get("http-equiv") or "").lower() == "refresh":
            url = refresh_url(amap.get("content") or "")
            if url is not None:
                doc.refs.append(Ref(line, tag, "content", url))
        if tag in EMBED_TAGS:
            doc.embeds.append((line, tag))
        if tag == "nav":
            self._nav_depth += 1
        elif tag == "a" and self._nav_depth and amap.get("href"):
            doc.nav_hrefs.append(amap["href"] or "")
        if tag == "body" and doc.template is None:
            doc.template = amap.get("data-template")
        if tag == "html" and doc.lang is None:
            doc.lang = amap.get("lang")
        if tag == "script":
            self._script = (line, amap, [])
        elif tag == "style":
            self._style = (line, [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[2].append(data)
        elif self._style is not None:
            self._style[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag == "script" and self._script is not None:
            line, amap, parts = self._script
            self.doc.scripts.append(
                Script(
                    line=line,
                    src=amap.get("src"),
                    type=(amap.get("type") or "").strip().lower(),
                    attrs=tuple(amap.items()),
                    text="".join(parts),
                )
            )
            self._script = None
        elif tag == "style" and self._style is not None:
            self.doc.styles.append((self._style[0], "".join(self._style[1])))
            self._style = None

    def close(self) -> None:
        super().close()
        # An unclosed <script> at the end of a file still counts.
        if self._script is not None:
            self.handle_endtag("script")


def parse_srcset(value: str) -> list[str]:
    """URLs of a srcset value ("a.png 1x, b.png 2x")."""
    urls = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            urls.append(parts[0])
    return urls


def refresh_url(content: str) -> str | None:
    """The URL of a <meta http-equiv=refresh content="5; url=..."> value, if any."""
    _, sep, rest = content.partition(";")
    if not sep:
        return None
    rest = rest.strip()
    if rest[:4].lower() == "url=":
        rest = rest[4:]
    return rest.strip().strip("'\"") or None


def css_urls(css: str) -> list[str]:
    """Every url(...) in a stylesheet."""
    return [next(g for g in m.groups() if g is not None).strip() for m in CSS_URL_RE.finditer(css)]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def url_scheme(url: str) -> str | None:
    """The lower-cased scheme of a URL, after dropping what browsers ignore (tabs, newlines, C0)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(chr(c) for c in range(0x21)))
    m = SCHEME_RE.match(cleaned)
    return m.group(1).lower() if m else None


def is_external(url: str) -> bool:
    """True for a URL that names a host or scheme (http:, //host, mailto:...): not a site file."""
    return url_scheme(url) is not None or url.lstrip().startswith("//")


def parse_document(path: Path, rel: str) -> Document:
    doc = Document(rel=rel)
    parser = _Collector(doc)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return doc


@dataclass
class SiteIndex:
    """Every file of a built site, with HTML and SVG documents parsed."""

    root: Path
    files: frozenset[str]  # posix paths relative to root
    dirs: frozenset[str]
    documents: dict[str, Document]  # HTML and SVG, by relative path

    @property
    def pages(self) -> list[Document]:
        """HTML documents only, sorted by path."""
        return [d for rel, d in sorted(self.documents.items()) if Path(rel).suffix in HTML_SUFFIXES]

    def files_with_suffix(self, *suffixes: str) -> list[str]:
        return sorted(f for f in self.files if Path(f).suffix.lower() in suffixes)


def _walk(root: Path) -> tuple[list[tuple[str, int, int]], list[str]]:
    files, dirs = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        rel_dir = base.relative_to(root).as_posix()
        if rel_dir != ".":
            dirs.append(rel_dir)
        for name in sorted(filenames):
            st = (base / name).stat()
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            files.append((rel, st.st_mtime_ns, st.st_size))
    return files, dirs


def load_site(site: Path, only=None) -> SiteIndex:
    """Parse a built site, reusing the previous parse when no file changed (one parse per session). `only`: a test
    of a relative path; the documents parsed are those it accepts (every file is still listed, so links to the
    others resolve; fragments into them are not checked)."""
    root = Path(site).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"no built site at {root}")
    files, dirs = _walk(root)
    if only is not None:
        return _index(root, tuple(files), tuple(dirs), only)
    return _load_site_cached(root, tuple(files), tuple(dirs))


@functools.lru_cache(maxsize=8)
def _load_site_cached(root: Path, files: tuple[tuple[str, int, int], ...], dirs: tuple[str, ...]) -> SiteIndex:
    return _index(root, files, dirs)


def _index(root: Path, files: tuple[tuple[str, int, int], ...], dirs: tuple[str, ...], only=None) -> SiteIndex:
    names = frozenset(f[0] for f in files)
    documents = {
        rel: parse_document(root / rel, rel)
        for rel in sorted(names)
        if Path(rel).suffix.lower() in HTML_SUFFIXES | {".svg"} and (only is None or only(rel))
    }
    return SiteIndex(root=root, files=names, dirs=frozenset(dirs), documents=documents)


def resolve(doc_rel: str, url_path: str) -> str:
    """Site-relative posix path that a relative URL path in doc_rel points to ('..' may remain)."""
    base = Path(doc_rel).parent.as_posix()
    joined = url_path if base == "." else f"{base}/{url_path}"
    return os.path.normpath(joined).replace(os.sep, "/")
