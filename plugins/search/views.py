"""Search documents from the registry: one dict per published entry and language, as `index.py` takes them.

Every value is in the page's language (translated text when it exists, else the original); labels come
from the catalogues, country names from Babel. URLs are the paths the other plugins write, derived from the
kind's output folder exactly as `labo_site.views.entry_path` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from content_model.registry import Entry, Registry
from content_model.schema import EVENT_KIND, KINDS, NEWS_CATEGORY, SERVICE_KIND, TENDER_KIND, labels
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import entry_path

Translate = Callable[[str, str], str]


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Where the index of a language goes, under the language root (url_prefix of build_search_index).
SEARCH_FOLDER = "search"
SEARCH_URL_PREFIX = f"{SEARCH_FOLDER}/"
PAGE_PATH = "recherche.html"  # listed in labo_site's NAV_ITEMS under the section "search"

#: Content kind -> (kind code in the index, singular label, section whose generator writes its pages).
#: Pages are written by labo_site itself, hence no section. A kind whose section is not built is left out,
#: so that no result links to a page that does not exist.
INDEXED = {
    "organisation": ("organisation", N_("Organisation"), "organisations"),
    "project": ("project", N_("Project"), "projects"),
    "event": ("event", N_("Event"), "events"),
    "service": ("service", N_("Service"), "services"),
    "tender": ("tender", N_("Call for tenders"), "tenders"),
    "article": ("news", N_("News item"), "news"),
    "page": ("page", N_("Page"), ""),
}
#: Labels of the codes shown in results, stated in the content model.
EVENT_KINDS = labels(EVENT_KIND)
SERVICE_KINDS = labels(SERVICE_KIND)
TENDER_KINDS = labels(TENDER_KIND)
NEWS_CATEGORIES = labels(NEWS_CATEGORY)
ONLINE = N_("Online")


def indexed_kinds(sections: set[str]) -> list[str]:
    """Names of the kinds to index, in the site's order, given the sections this build writes."""
    return [k.name for k in KINDS if k.name in INDEXED and (not INDEXED[k.name][2] or INDEXED[k.name][2] in sections)]


class _TextOfHtml(HTMLParser):
    """Text of sanitised HTML; block boundaries become spaces so that list items do not run together."""

    INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"})
    SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """Readable text of an HTML fragment, whitespace collapsed (a parser, not a regex: entities, comments)."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _join(*parts) -> str:
    return " ".join(str(p) for p in parts if p)


def _name(registry: Registry, slug: str | None, lang: str) -> str:
    org = registry.get("organisation", slug) if slug else None
    if org is None:  # no reference, or an organisation taken down: its name is not indexed
        return ""
    return org.text("name", lang)[0] or ""


def _countries(codes: list[str], lang: str) -> str:
    return ", ".join(formatting.country_name(c, lang) for c in codes)


def _details(entry: Entry, lang: str, taxonomy: Taxonomy, translate: Translate,
             registry: Registry) -> tuple[str, str]:
    """(country names, extra words) of one entry: what a reader may type besides its title and text."""
    data = entry.data
    sectors = [taxonomy.label("sectors", code, lang) for code in data.get("sectors", [])]
    kind = entry.kind.name
    if kind == "organisation":
        legal = taxonomy.label("legal_forms", data["legal_form"], lang) if data.get("legal_form") else ""
        return (_countries([data["country"]] if data.get("country") else [], lang),
                _join(data.get("acronym"), data.get("city"), legal, *sectors))
    if kind == "project":
        partners = [_name(registry, slug, lang) for slug in data.get("partners", [])]
        return (_countries([data["country"]], lang),
                _join(_name(registry, data["organisation"], lang), *partners, *sectors))
    if kind == "event":
        location = data.get("location") or {}
        organisers = [_name(registry, slug, lang) for slug in data.get("organisers", [])]
        online = translate(lang, ONLINE) if data.get("online") else ""
        if location.get("country"):  # shown where a country goes, as the agenda's place facet does
            return (_countries([location["country"]], lang),
                    _join(translate(lang, EVENT_KINDS[data["kind"]]), location.get("venue"), location.get("city"),
                          online, *organisers))
        return online, _join(translate(lang, EVENT_KINDS[data["kind"]]), location.get("venue"),
                             location.get("city"), *organisers)
    if kind == "service":
        return (_countries(data.get("countries", []), lang),
                _join(translate(lang, SERVICE_KINDS[data["kind"]]), _name(registry, data["provider"], lang)))
    if kind == "tender":
        issuer = _name(registry, data.get("issuer"), lang) or data.get("issuer_name", "")
        return (_countries(data.get("countries", []), lang),
                _join(translate(lang, TENDER_KINDS[data["kind"]]), issuer))
    if kind == "article":
        return "", _join(translate(lang, NEWS_CATEGORIES[data["category"]]), data.get("sponsor"),
                         *data.get("authors", []))
    return "", ""


def document(entry: Entry, lang: str, taxonomy: Taxonomy, translate: Translate, registry: Registry,
             text_of: Callable[[str], str] = plain_text) -> dict:
    """The search document of `entry` in `lang` (keys as `build_search_index` requires)."""
    code, label, _section = INDEXED[entry.kind.name]
    title = entry.text(entry.kind.title_field, lang)[0] or entry.slug
    summary = entry.text("summary", lang)[0] or ""
    body = entry.body.get(lang if lang in entry.body else entry.lang, "")
    country, extra = _details(entry, lang, taxonomy, translate, registry)
    return {
        "id": f"{code}:{entry.slug}",
        "url": entry_path(entry),
        "kind": code,
        "kind_label": translate(lang, label),
        "title": str(title),
        "country": country,
        "text": _join(summary, text_of(body)),
        "extra": extra,
    }


def document_stream(registry: Registry, kinds: list[str], lang: str, taxonomy: Taxonomy, translate: Translate,
                    text_of: Callable[[str], str] | None = None) -> Iterator[dict]:
    """Every published entry of `kinds` as a search document in `lang`, one at a time (the build sends them to the
    index worker as they are made). `text_of`: the build's cached plain_text (an untranslated body is the same HTML
    in every language, its text extracted once)."""
    text_of = text_of or plain_text
    for kind in kinds:
        for entry in registry.kind(kind):
            yield document(entry, lang, taxonomy, translate, registry, text_of)
