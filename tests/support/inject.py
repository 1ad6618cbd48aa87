"""Static scan of a built site for script that did not come from the theme.

Contributed Markdown and YAML must never reach a page as code.  The theme's own scripts are
recognised by where they live (a src under the theme's static folder) or, for inline scripts,
by a marker attribute the theme puts on them; everything else that can run is reported.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from .htmlscan import Document, SiteIndex, is_external, load_site, resolve, url_scheme

THEME_DIR = "theme"
INLINE_MARKER = "data-theme-script"
# Script types a browser runs; any other type (application/json, application/ld+json) is data.
JS_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
        "application/x-javascript",
        "text/jscript",
        "text/livescript",
    }
)
DANGEROUS_SCHEMES = frozenset({"javascript", "data", "vbscript"})
SCHEME_CHECKED_ATTRS = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "content",
        "to",
        "from",
        "values",
        "by",
    }
)


def theme_roots(index: SiteIndex, theme_dir: str = THEME_DIR) -> tuple[str, ...]:
    """Folders holding the theme's static files: theme/ and, in language subsites, en/theme/."""
    return tuple(
        sorted(d + "/" for d in index.dirs if d == theme_dir or (d.count("/") == 1 and d.endswith("/" + theme_dir)))
    ) or (theme_dir + "/",)


def _script_problem(
    doc: Document, script_src: str | None, attrs: dict, roots: tuple[str, ...], marker: str
) -> str | None:
    if script_src is None:
        if marker in attrs:
            return None
        return "inline <script> without the theme marker"
    src = script_src.strip()
    if is_external(src) or src.startswith("/"):
        return f'<script src="{src}"> outside the theme'
    target = resolve(doc.rel, unquote(src.partition("?")[0].partition("#")[0]))
    if target.startswith(roots):
        return None
    return f'<script src="{src}"> outside the theme ({", ".join(roots)})'


def _scan_document(doc: Document, roots: tuple[str, ...], marker: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for script in doc.scripts:
        if script.type.split(";")[0].strip() not in JS_TYPES:
            continue
        problem = _script_problem(doc, script.src, dict(script.attrs), roots, marker)
        if problem:
            found.append((script.line, problem))
    found += [(line, f"<{tag} {attr}=...> event handler attribute") for line, tag, attr in doc.handlers]
    for ref in doc.refs:
        scheme = url_scheme(ref.url)
        if ref.attr in SCHEME_CHECKED_ATTRS and scheme in DANGEROUS_SCHEMES:
            found.append((ref.line, f"{ref.describe()} {scheme}: URL"))
    found += [(line, f"<{tag}> element") for line, tag in doc.embeds]
    return [f"{doc.rel}:{line}: {what}" for line, what in sorted(found, key=lambda item: item[0])]


def scan_for_injected_script(
    site: Path,
    *,
    theme_dir: str = THEME_DIR,
    inline_marker: str = INLINE_MARKER,
    index: SiteIndex | None = None,
) -> list[str]:
    """Every script, handler, javascript:/data: URL or embed not from the theme, as 'file:line: what'.

    HTML and SVG files are scanned (an SVG logo opened on its own runs its scripts).  Files under
    theme_dir (theme/ or <lang>/theme/) are the theme's own and are not scanned as pages.
    """
    index = index or load_site(site)
    roots = theme_roots(index, theme_dir)
    found: list[str] = []
    for rel, doc in sorted(index.documents.items()):
        if rel.startswith(roots):
            continue
        found += _scan_document(doc, roots, inline_marker)
    return found
