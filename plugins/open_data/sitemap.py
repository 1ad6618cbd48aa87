"""sitemap.xml with hreflang alternates, and robots.txt, for the published site.

Why our own: pelican-sitemap (which also listens to `content_written`, and works with this site's Writer:
tested) gives pages that are not Pelican articles neither hreflang nor a stable lastmod (it writes the time
of the build, so two builds of the same content differ; sitemap#48), and its hreflang links are written
`ref=` instead of `href=`. The site's Writer sends `content_written` for each page with its language and
its path under the language root: the sitemap lists exactly the pages of this run. A page's versions share
their path under each language root (`carte.html`, `en/carte.html`); each version is listed with every
version, itself included, plus x-default for the default language (Google's hreflang rules).

Only written with an absolute SITEURL (the sitemap protocol requires absolute URLs).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

#: Files that are not pages to index: the 404 page (a soft 404 if indexed) and theme assets.
EXCLUDED_PAGES = frozenset({"404.html"})
EXCLUDED_FOLDERS = frozenset({"theme"})


def indexable(pages: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The pages to list: not the 404 page (a soft 404 if indexed), not theme files."""
    return {page: versions for page, versions in pages.items()
            if page not in EXCLUDED_PAGES and page.partition("/")[0] not in EXCLUDED_FOLDERS}


def sitemap_xml(pages: dict[str, dict[str, str]], siteurl: str, default_lang: str, languages: tuple[str, ...]) -> str:
    """The sitemap, sorted by URL so that the same site gives the same bytes. `pages`: page path under a
    language root -> {lang: file path under the output folder}, as the writer reported them."""
    order = {lang: i for i, lang in enumerate(languages)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    entries = []
    for versions in indexable(pages).values():
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
