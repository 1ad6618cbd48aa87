"""What `partials/head_meta.html` puts in every page's <head>: OpenGraph, Twitter card, JSON-LD.

`page_meta()` is offered to every template (at generator_init) and reads the page's own context:
`entry` on an entry's page (set by `LaboGenerator.entry_page`), `page_title`, `lang`,
`page_path`. OpenGraph wants absolute URLs, so `og:url` and `og:image` are only written when the site
has an absolute SITEURL (the published build); JSON-LD links are then absolute too, and relative to
the page otherwise (valid JSON-LD: relative IRIs resolve against the document).
"""

from __future__ import annotations

from babel.core import LOCALE_ALIASES
from jinja2 import pass_context

from labo_site.views import entry_path

from . import jsonld

#: Where the directory writes a resized logo (see directory/generator.py `_write_logos`).
LOGO_PATH = "organisations/logos/{slug}.webp"


def absolute_siteurl(settings: dict) -> str:
    """SITEURL when it is absolute (http/https), else "" (local builds are relative everywhere)."""
    url = str(settings.get("SITEURL") or "")
    return url.rstrip("/") if url.startswith(("http://", "https://")) else ""


def og_locale(lang: str) -> str:
    return LOCALE_ALIASES.get(lang, lang)


@pass_context
def page_meta(context) -> dict:
    """OpenGraph and Twitter (property, content) pairs and the JSON-LD script text of the page."""
    lang = context["lang"]
    site = context["SITE"]
    site_name = site["name"][lang]
    absolute = context.get("ABSOLUTE_SITEURL", "")
    default_lang = context["LANGUAGES"][0]
    lang_base = (absolute + ("" if lang == default_lang else f"/{lang}")) if absolute else context["LANG_ROOT"]
    site_base = absolute or context["SITEURL"]
    page_path = context.get("page_path", "index.html")
    entry = context.get("entry")
    title = context.get("page_title") or site_name
    description = context.get("page_description") or ""
    logo = ""
    if entry is not None:
        description = description or entry.text("summary", lang)[0] or ""
        if entry.kind.name == "organisation" and entry.data.get("logo"):
            logo = f"{site_base}/{LOGO_PATH.format(slug=entry.slug)}"
    description = description or site["tagline"][lang]
    url = f"{lang_base}/{page_path}"

    og = [("og:type", "article" if entry is not None and entry.kind.name == "article" else "website"),
          ("og:title", title), ("og:description", description), ("og:site_name", site_name),
          ("og:locale", og_locale(lang))]
    og += [("og:locale:alternate", og_locale(other)) for other in context["LANGUAGES"] if other != lang]
    if absolute:
        og.append(("og:url", url))
        if logo:
            og.append(("og:image", logo))
    twitter = [("twitter:card", "summary"), ("twitter:title", title), ("twitter:description", description)]

    if entry is not None:
        item = jsonld.describe(entry, lang, url, lambda path: f"{lang_base}/{path}", context["registry"],
                               context["taxonomy"], site_name, logo_url=logo)
    elif page_path == "index.html":
        item = jsonld.website(site_name, site["tagline"][lang], url, lang)
    else:
        item = None
    return {"og": og, "twitter": twitter, "jsonld": jsonld.script(item) if item else ""}


def entry_url(entry, lang: str, settings: dict) -> str:
    """The absolute URL of an entry's page in `lang` ("" without an absolute SITEURL)."""
    absolute = absolute_siteurl(settings)
    if not absolute:
        return ""
    prefix = "" if lang == settings["LANGUAGES"][0] else f"/{lang}"
    return f"{absolute}{prefix}/{entry_path(entry)}"


__all__ = ["page_meta", "absolute_siteurl", "entry_url"]
