"""Static scan for anything that would make a page request another host (or load a web font).

Readers are on slow, paid data and often offline: the site must be self-contained.  Plain links
to other sites (<a href>, <area href>) are navigation a reader chooses, so they are allowed; so
are <link> relations that browsers never fetch (canonical, alternate...) and form targets, which
are only sent when a reader submits.
"""

from __future__ import annotations

from pathlib import Path

from .htmlscan import (
    CSS_FONT_FACE_RE,
    CSS_IMPORT_RE,
    CSS_URL_RE,
    SiteIndex,
    is_external,
    line_of,
    load_site,
    url_scheme,
)

NAVIGATION_TAGS = frozenset({"a", "area"})
NAVIGATION_ATTRS = frozenset({"href", "xlink:href"})
FORM_ATTRS = frozenset({"action", "formaction"})
# <link rel> values that browsers do not fetch; anything else (stylesheet, icon, preload,
# preconnect, dns-prefetch, manifest, modulepreload...) is a request.
NON_FETCHING_RELS = frozenset(
    {"canonical", "alternate", "author", "license", "me", "next", "prev", "help", "bookmark", "tag", "search"}
)
FONT_SUFFIXES = (".woff", ".woff2", ".ttf", ".otf", ".eot")
# Schemes that name no host: inline data and in-page pseudo URLs.
HOSTLESS_SCHEMES = frozenset({"data", "blob", "about", "mailto", "tel", "sms", "javascript"})


def _is_request_to_other_host(url: str) -> bool:
    return is_external(url) and url_scheme(url) not in HOSTLESS_SCHEMES


def _css_findings(rel: str, css: str, first_line: int = 1) -> list[str]:
    found = []
    for m in CSS_URL_RE.finditer(css):
        url = next(g for g in m.groups() if g is not None).strip()
        if _is_request_to_other_host(url):
            found.append(f"{rel}:{first_line + line_of(css, m.start()) - 1}: url({url}) requests another host")
    for m in CSS_IMPORT_RE.finditer(css):
        found.append(f"{rel}:{first_line + line_of(css, m.start()) - 1}: @import (chains a request; inline it)")
    for m in CSS_FONT_FACE_RE.finditer(css):
        found.append(f"{rel}:{first_line + line_of(css, m.start()) - 1}: @font-face (no web fonts)")
    return found


def find_external_requests(site: Path, index: SiteIndex | None = None) -> list[str]:
    """Every place in the output that would request another host or a web font, as 'file:line: why'."""
    index = index or load_site(site)
    found: list[str] = []
    for rel, doc in sorted(index.documents.items()):
        for ref in doc.refs:
            if not _is_request_to_other_host(ref.url):
                continue
            if ref.tag in NAVIGATION_TAGS and ref.attr in NAVIGATION_ATTRS:
                continue
            if ref.attr in FORM_ATTRS:
                continue
            if ref.tag == "link" and ref.attr == "href" and ref.rel and set(ref.rel) <= NON_FETCHING_RELS:
                continue
            found.append(f"{rel}:{ref.line}: {ref.describe()} requests another host")
        for line, css in doc.styles:
            found += _css_findings(rel, css, first_line=line)
    for rel in index.files_with_suffix(".css"):
        found += _css_findings(rel, (index.root / rel).read_text(encoding="utf-8", errors="replace"))
    for rel in index.files_with_suffix(*FONT_SUFFIXES):
        found.append(f"{rel}: font file (no web fonts: use the system font stack)")
    return found
