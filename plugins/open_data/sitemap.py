"""sitemap.xml with hreflang alternates, and robots.txt, for the published site.

Why our own: pelican-sitemap gives custom generators' pages neither lastmod nor hreflang
(sitemap#48). Every page the site's generators write goes through `LaboMixin.render`, whose context
names the page (`page_path`, the same in every language) and its `lang`; Pelican's `content_written`
signal hands us that context, so the sitemap lists exactly the pages written in this run, grouped
into one <url> per language version, each listing all versions (Google's hreflang rules: every
version lists every version, itself included, plus x-default for the default language).

Only written with an absolute SITEURL (the sitemap protocol requires absolute URLs).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

#: Pages that are not content (the 404 page would be indexed as a soft 404).
EXCLUDED_TEMPLATES = frozenset({"404"})

_pages: dict[str, dict[str, str]] = defaultdict(dict)  # page_path -> {lang: absolute path of the file}


def reset() -> None:
    _pages.clear()


def record(path: str, context: dict) -> None:
    """Remember a written page (connected to `content_written`)."""
    page_path, lang = context.get("page_path"), context.get("lang")
    if not page_path or not lang or context.get("template_name") in EXCLUDED_TEMPLATES:
        return
    _pages[page_path][lang] = os.path.abspath(path)


def pages(output_path: str) -> dict[str, dict[str, str]]:
    """page_path -> {lang: file path relative to the output folder, posix}."""
    root = os.path.abspath(output_path)
    return {page: {lang: Path(os.path.relpath(path, root)).as_posix() for lang, path in versions.items()}
            for page, versions in _pages.items()}


def sitemap_xml(output_path: str, siteurl: str, default_lang: str, languages: tuple[str, ...]) -> str:
    """The sitemap, sorted by URL so that the same site gives the same bytes."""
    order = {lang: i for i, lang in enumerate(languages)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    entries = []
    for versions in pages(output_path).values():
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
