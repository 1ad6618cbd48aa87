"""Ready values for templates: labels, names and paths computed once per entry and language.

Paths are relative to the language root ("organisations/x.html"); templates prefix them with LANG_ROOT,
so one view serves every page that lists the entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from content_model.registry import Entry

from . import formatting


@dataclass(frozen=True)
class Link:
    path: str
    title: str
    lang: str  # the language the title is in (differs from the page's when untranslated)
    example: bool = False


def entry_path(entry: Entry) -> str:
    return f"{entry.kind.output}/{entry.slug}.html"


def entry_link(entry: Entry, lang: str) -> Link:
    title, title_lang = entry.text(entry.kind.title_field, lang)
    return Link(entry_path(entry), title or entry.slug, title_lang, bool(entry.data.get("example")))


def links(entries: list[Entry], lang: str) -> list[Link]:
    return sorted((entry_link(e, lang) for e in entries), key=lambda link: formatting_key(link.title))


def formatting_key(text: str) -> str:
    from content_model.codes import fold

    return fold(text)


def countries(codes: list[str], lang: str) -> list[str]:
    return [formatting.country_name(c, lang) for c in codes]


#: Shown where a referenced entry was withdrawn (takedown) or left out (an example in the published site):
#: its name is not repeated on the pages that referred to it.
WITHDRAWN = "—"


def reference(registry, kind: str, slug: str, lang: str) -> dict:
    """A referenced entry as {path, title, lang}: linked when published, anonymous when not."""
    entry = registry.get(kind, slug)
    if entry is None:
        return {"path": "", "title": WITHDRAWN, "lang": lang}
    link = entry_link(entry, lang)
    return {"path": link.path, "title": link.title, "lang": link.lang}
