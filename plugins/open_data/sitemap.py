"""sitemap.xml with hreflang alternates, and robots.txt, for the published site.

Why our own: pelican-sitemap gives custom generators' pages neither lastmod nor hreflang
(sitemap#48). The site's pages are rendered from a queue at the end of the run, outside Pelican's
writer (so `content_written` never fires for them); the sitemap is therefore made from the HTML files
in the output folder once everything is written. `invoke publish` builds into a fresh folder, so that
is exactly the pages of this run. A page's versions share their path under each language root
(`carte.html`, `en/carte.html`); each version is listed with every version, itself included, plus
x-default for the default language (Google's hreflang rules).

Only written with an absolute SITEURL (the sitemap protocol requires absolute URLs).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

#: Files that are not pages to index: the 404 page (a soft 404 if indexed) and theme assets.
EXCLUDED_PAGES = frozenset({"404.html"})
EXCLUDED_FOLDERS = frozenset({"theme"})


def pages(output_path: str, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """page path under a language root -> {lang: file path relative to the output folder}, from the files."""
    root = Path(output_path)
    found: dict[str, dict[str, str]] = {}
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        first, _, rest = rel.partition("/")
        lang, page = (first, rest) if first in languages[1:] and rest else (languages[0], rel)
        if page in EXCLUDED_PAGES or page.partition("/")[0] in EXCLUDED_FOLDERS:
            continue
        found.setdefault(page, {})[lang] = rel
    return found


def sitemap_xml(output_path: str, siteurl: str, default_lang: str, languages: tuple[str, ...]) -> str:
    """The sitemap, sorted by URL so that the same site gives the same bytes."""
    order = {lang: i for i, lang in enumerate(languages)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    entries = []
    for versions in pages(output_path, languages).values():
        langs = sorted(versions, key=lambda lang: order.get(lang, len(order)))
        links = [(lang, f"{siteurl}/{versions[lang]}") for lang in langs]
        if default_lang in versions:
            links.append(("x-default", f"{siteurl}/{versions[default_lang]}"))
        for lang in langs:
            entries.append((f"{siteurl}/{versions[lang]}", links if len(langs) > 1 else []))
    for loc, links in sorted(entries):
        lines.append(f"<url><loc>{escape(loc)}</loc>")
        lines += [f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(href)}/>' for lang, href in links]
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n"
