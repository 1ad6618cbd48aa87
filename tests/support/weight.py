"""Page weight: what a reader on paid data downloads for one page, gzip-compressed.

A page's weight is its HTML plus every stylesheet and script it references (each gzipped on its
own, as a server or the precompress plugin would), not counting images, which have their own limit.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .external import FONT_SUFFIXES
from .htmlscan import Document, SiteIndex, is_external, load_site, resolve

# The one place the budget lives: tighten it as the theme settles.
PAGE_BUDGET_BYTES = 30 * 1024
IMAGE_LIMIT_BYTES = 200 * 1024
#: Pages that are documents, growing with the network by design, and what each of their entries (counted as <h3>
#: headings) may add to the budget, gzipped. The printable directory (directory/printable.py): one page per language
#: with every organisation, made to be printed or saved as PDF once, before a forum without connectivity; 52 KB gz
#: at 1,000 organisations (about 52 bytes each), where the PDF a reader makes of it weighs 1.3 MB.
GROWING_TEMPLATES = {"directory_print": 64}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff")


@dataclass(frozen=True)
class PageWeight:
    rel: str
    html_gz: int
    assets_gz: tuple[tuple[str, int], ...]
    budget: int = PAGE_BUDGET_BYTES

    @property
    def total(self) -> int:
        return self.html_gz + sum(size for _, size in self.assets_gz)

    def describe(self) -> str:
        parts = ", ".join(f"{rel} {size / 1024:.1f}" for rel, size in self.assets_gz)
        own = f"; budget {self.budget / 1024:.0f} KB" if self.budget != PAGE_BUDGET_BYTES else ""
        return (f"{self.rel}: {self.total / 1024:.1f} KB gz (HTML {self.html_gz / 1024:.1f}; "
                f"{parts or 'no CSS/JS'}{own})")


@functools.lru_cache(maxsize=4096)
def _gz_size(path: Path, mtime_ns: int) -> int:
    del mtime_ns  # part of the cache key only
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def gz_size(path: Path) -> int:
    """gzip -9 size of a file, cached per file version."""
    return _gz_size(path, path.stat().st_mtime_ns)


def _referenced_assets(doc: Document, index: SiteIndex) -> list[str]:
    assets = []
    for ref in doc.refs:
        loads_css = ref.tag == "link" and ref.attr == "href" and "stylesheet" in ref.rel
        loads_js = (ref.tag == "script" and ref.attr == "src") or (
            ref.tag == "link" and ref.attr == "href" and "modulepreload" in ref.rel
        )
        if (loads_css or loads_js) and ref.url and not is_external(ref.url):
            target = resolve(doc.rel, unquote(ref.url.partition("#")[0].partition("?")[0]))
            if target in index.files and target not in assets:
                assets.append(target)
    return assets


def page_budget(doc: Document, index: SiteIndex) -> int:
    """PAGE_BUDGET_BYTES, plus the allowance of each entry on a page of GROWING_TEMPLATES."""
    per_entry = GROWING_TEMPLATES.get(doc.template or "")
    if per_entry is None:
        return PAGE_BUDGET_BYTES
    entries = (index.root / doc.rel).read_text(encoding="utf-8").count("<h3")
    return PAGE_BUDGET_BYTES + per_entry * entries


def page_weights(site: Path, index: SiteIndex | None = None) -> list[PageWeight]:
    """The weight of every HTML page, heaviest first."""
    index = index or load_site(site)
    weights = [
        PageWeight(
            rel=doc.rel,
            html_gz=gz_size(index.root / doc.rel),
            assets_gz=tuple((a, gz_size(index.root / a)) for a in _referenced_assets(doc, index)),
            budget=page_budget(doc, index),
        )
        for doc in index.pages
    ]
    return sorted(weights, key=lambda w: (-w.total, w.rel))


def check_page_budget(site: Path, budget: int = PAGE_BUDGET_BYTES, index: SiteIndex | None = None) -> list[str]:
    """Pages whose HTML+CSS+JS, gzipped, exceed the budget."""
    weights = page_weights(site, index)
    allowed = {w.rel: budget + w.budget - PAGE_BUDGET_BYTES for w in weights}  # a document keeps its allowance
    return [f"{w.describe()} > budget {allowed[w.rel] / 1024:.0f} KB" for w in weights if w.total > allowed[w.rel]]


def check_images(site: Path, limit: int = IMAGE_LIMIT_BYTES, index: SiteIndex | None = None) -> list[str]:
    """Images larger than the limit (raw size: from file:// nothing is compressed)."""
    index = index or load_site(site)
    found = []
    for rel in index.files_with_suffix(*IMAGE_SUFFIXES):
        size = (index.root / rel).stat().st_size
        if size > limit:
            found.append(f"{rel}: image of {size / 1024:.0f} KB > {limit / 1024:.0f} KB")
    return found


def check_fonts(site: Path, index: SiteIndex | None = None) -> list[str]:
    """Font files in the output (the site uses the reader's system fonts)."""
    index = index or load_site(site)
    return [f"{rel}: font file" for rel in index.files_with_suffix(*FONT_SUFFIXES)]
