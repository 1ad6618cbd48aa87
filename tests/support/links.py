"""Internal link checker: every in-site URL names an existing file, every #fragment an id.

Links must work from file:// (a USB stick), where a folder URL opens a directory listing and a
root-absolute URL points at the disk's root, so both count as broken.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from .htmlscan import (
    CSS_URL_RE,
    SiteIndex,
    is_external,
    line_of,
    load_site,
    resolve,
    url_scheme,
)

# URL-bearing attributes that make the browser load or navigate to the URL.
CHECKED_ATTRS = frozenset(
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
        "content",
        "manifest",
    }
)
INLINE_SCHEMES = frozenset({"data", "blob", "about"})


def _target_problem(index: SiteIndex, source_rel: str, url: str) -> str | None:
    """Why url, found in source_rel, does not resolve inside the site (None if it does)."""
    if url_scheme(url) in INLINE_SCHEMES or is_external(url):
        return None
    if url.startswith("/"):
        return "root-absolute URL (breaks from file://; use a relative link)"
    path_part, _, fragment = url.partition("#")
    path_part = path_part.partition("?")[0]
    if path_part:
        target = resolve(source_rel, unquote(path_part))
        if target == ".." or target.startswith("../"):
            return "points outside the site"
        if path_part.endswith("/") or target in index.dirs or target == ".":
            return "names a folder, not a file (link to its index.html)"
        if target not in index.files:
            return f"missing file {target}"
    else:
        target = source_rel
    if fragment:
        doc = index.documents.get(target)
        if doc is not None and unquote(fragment) not in doc.ids:
            return f"no element with id {unquote(fragment)!r} in {target}"
    return None


def check_links(site: Path, index: SiteIndex | None = None) -> list[str]:
    """Every broken internal link of the site, as 'file:line: <tag attr="url">: reason'."""
    index = index or load_site(site)
    problems: list[str] = []
    for rel, doc in sorted(index.documents.items()):
        for ref in doc.refs:
            if ref.attr not in CHECKED_ATTRS or not ref.url:
                continue
            reason = _target_problem(index, rel, ref.url)
            if reason:
                problems.append(f"{rel}:{ref.line}: {ref.describe()}: {reason}")
        for line, css in doc.styles:
            problems += _css_problems(index, rel, css, first_line=line)
    for rel in index.files_with_suffix(".css"):
        css = (index.root / rel).read_text(encoding="utf-8", errors="replace")
        problems += _css_problems(index, rel, css)
    return problems


def _css_problems(index: SiteIndex, rel: str, css: str, first_line: int = 1) -> list[str]:
    problems = []
    for m in CSS_URL_RE.finditer(css):
        url = next(g for g in m.groups() if g is not None).strip()
        reason = _target_problem(index, rel, url) if url else None
        if reason:
            problems.append(f"{rel}:{first_line + line_of(css, m.start()) - 1}: url({url}): {reason}")
    return problems


def count_checked_links(index: SiteIndex) -> int:
    """How many URLs the checker looked at (for the closing figures)."""
    return sum(1 for d in index.documents.values() for r in d.refs if r.attr in CHECKED_ATTRS)
