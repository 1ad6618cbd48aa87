"""A page printed to PDF by Chromium, read back without a PDF library: its pages, their size and their links.

Chromium (Skia) writes each page and each link annotation as a plain object; a link's `/Rect` tells where on its
page the linked text was drawn. That is enough to count pages, check the paper size, and tell whether an entry
of a printed list was cut: every link of one entry (its name, its website, e-mail and phone) must lie on one page
and in one column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

#: A4 in PostScript points (1/72 in): 210 × 297 mm. Chromium rounds to whole CSS pixels (595.92 × 842.88).
A4_POINTS = (595.28, 841.89)
_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_REF = re.compile(rb"(\d+) 0 R")


@dataclass
class PdfLink:
    uri: str
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the bottom left


@dataclass
class PdfPage:
    number: int  # from 1
    size: tuple[float, float]
    links: list[PdfLink] = field(default_factory=list)


def _array(body: bytes, key: bytes) -> bytes | None:
    m = re.search(rb"/" + key + rb"\s*\[([^\]]*)\]", body)
    return m.group(1) if m else None


def _unescape(text: bytes) -> str:
    return re.sub(rb"\\([()\\])", rb"\1", text).decode("latin-1")


def pdf_pages(data: bytes) -> list[PdfPage]:
    """The pages of a PDF written by Chromium, in reading order, with their web links (mailto:, tel:, http…)."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    root = next(body for body in objects.values() if re.search(rb"/Type\s*/Catalog", body))
    pages_ref = re.search(rb"/Pages\s+(\d+) 0 R", root)
    if pages_ref is None:
        raise ValueError("PDF: no page tree")
    leaves: list[bytes] = []

    def walk(number: int) -> None:
        body = objects[number]
        if re.search(rb"/Type\s*/Pages\b", body):
            for ref in _REF.findall(_array(body, b"Kids") or b""):
                walk(int(ref))
        else:
            leaves.append(body)

    walk(int(pages_ref.group(1)))
    out = []
    for number, body in enumerate(leaves, start=1):
        box = [float(v) for v in (_array(body, b"MediaBox") or b"0 0 0 0").split()]
        page = PdfPage(number, (box[2] - box[0], box[3] - box[1]))
        for ref in _REF.findall(_array(body, b"Annots") or b""):
            annot = objects.get(int(ref), b"")
            uri = re.search(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", annot)
            rect = _array(annot, b"Rect")
            if uri and rect:
                x0, y0, x1, y1 = (float(v) for v in rect.split())
                page.links.append(PdfLink(_unescape(uri.group(1)), (x0, y0, x1, y1)))
        out.append(page)
    return out


def is_a4(page: PdfPage, tolerance: float = 2.0) -> bool:
    width, height = page.size
    return abs(width - A4_POINTS[0]) <= tolerance and abs(height - A4_POINTS[1]) <= tolerance


def _same(uri: str) -> str:
    """A URL as Chromium writes it in a link annotation and as the page gave it compare equal (https://x.org/ and
    https://x.org: Chromium adds the path's slash)."""
    return uri.rstrip("/")


def cut_entries(pages: list[PdfPage], entries: Iterable[tuple[str, list[str]]], columns: int = 2) -> list[str]:
    """Entries whose links are not all on one page and in one column: `entries` are (name, [absolute URIs of
    its links]); a link two entries share (one website for two organisations) says nothing and is left out."""
    entries = [(name, [_same(uri) for uri in uris]) for name, uris in entries]
    shared = Counter(uri for _name, uris in entries for uri in set(uris))
    where: dict[str, list[tuple[int, int]]] = {}
    for page in pages:
        width = page.size[0]
        for link in page.links:
            column = min(columns - 1, int(link.rect[0] / (width / columns)))
            end_column = min(columns - 1, int((link.rect[2] - 0.5) / (width / columns)))
            where.setdefault(_same(link.uri), []).append((page.number, column if column == end_column else -1))
    problems = []
    for name, uris in entries:
        uris = [uri for uri in uris if shared[uri] == 1]
        places = {place for uri in uris for place in where.get(uri, [])}
        missing = [uri for uri in uris if uri not in where]
        if missing:
            problems.append(f"{name}: not printed as links: {', '.join(missing)}")
        elif len(places) > 1:
            shown = ", ".join(f"page {p} column {c + 1}" if c >= 0 else f"page {p} across columns"
                              for p, c in sorted(places))
            problems.append(f"{name}: cut ({shown})")
    return problems


class _Entries(HTMLParser):
    """(name, [links]) of every `<li>` of a `<ul class="print-orgs">`."""

    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.entries: list[tuple[str, list[str]]] = []
        self._depth = 0  # <li> nesting inside a print-orgs list; 1 = an entry
        self._in_list = False
        self._name: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "ul" and "print-orgs" in (values.get("class") or "").split():
            self._in_list = True
        elif tag == "li" and self._in_list:
            self._depth += 1
            if self._depth == 1:
                self.entries.append(("", []))
        elif tag == "a" and self._depth and values.get("href"):
            self.entries[-1][1].append(urljoin(self.base_url, values["href"]))
        elif tag == "h3" and self._depth:
            self._name = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._depth:
            self._depth -= 1
        elif tag == "ul" and self._in_list and not self._depth:
            self._in_list = False
        elif tag == "h3" and self._name is not None:
            self.entries[-1] = (" ".join("".join(self._name).split()), self.entries[-1][1])
            self._name = None

    def handle_data(self, data: str) -> None:
        if self._name is not None:
            self._name.append(data)


def printed_entries(html: str, base_url: str) -> list[tuple[str, list[str]]]:
    """(name, [absolute URLs of its links]) of each organisation of the printable directory's HTML."""
    parser = _Entries(base_url)
    parser.feed(html)
    return parser.entries
