"""Ready values for the directory templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from content_model.registry import Entry, Registry
from content_model.schema import MEMBERSHIP, MEMBERSHIP_STATUSES, labels, plurals
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import entry_link, formatting_key, links


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Labels of the membership statuses, stated in the content model.
STATUS_LABELS = labels(MEMBERSHIP)
STATUS_PLURALS = plurals(MEMBERSHIP)
#: Facet folders under organisations/ (French words in URLs: the site is French first).
FACETS = (("country", "pays"), ("sector", "secteur"), ("legal_form", "forme-juridique"), ("status", "statut"),
          ("language", "langue"))
FACET_TITLES = {"country": N_("Country"), "sector": N_("Sector"), "legal_form": N_("Legal form"),
                "status": N_("Membership status"), "language": N_("Language")}
#: The choice that lifts a facet's filter, one message per facet so that each language can agree it with the facet
#: ("Tous les pays", "Toutes les formes juridiques").
FACET_ALL = {"country": N_("All countries"), "sector": N_("All sectors"), "legal_form": N_("All legal forms"),
             "status": N_("All statuses"), "language": N_("All languages")}
#: The language facet offers the LANGUAGE_CHOICES most declared languages one by one and gathers the others in one
#: choice, OTHER_LANGUAGES. Why a bound: every choice is a line of the filter on every list page of the directory
#: and a page of its own in every site language. The other facets are closed lists (the taxonomy's sectors and
#: legal forms, four statuses, the countries of Africa); ISO 639-3 names 7,900 languages, and a network of local
#: organisations may declare hundreds, most of them once. 30 is about as many countries as the network counts.
LANGUAGE_CHOICES = 30
#: The code of that choice: in the address (?langue=autres, organisations/langue/autres.html); no ISO 639 code has
#: more than three letters, so it is never a language's.
OTHER_LANGUAGES = "autres"
OTHER_LANGUAGES_LABEL = N_("Other languages")
INDEX_PATH = "organisations/index.html"
BACKLINK_KINDS = (("project", N_("Projects")), ("event", N_("Events")), ("service", N_("Services")),
                  ("tender", N_("Calls for tenders")), ("article", N_("News")))


def facet_path(facet: str, code: str) -> str:
    folder = dict(FACETS)[facet]
    return f"organisations/{folder}/{code.lower().replace('_', '-')}.html"


def offered_languages(entries: list[Entry]) -> frozenset[str]:
    """The languages the facet offers one by one: the LANGUAGE_CHOICES most declared (ties by code, so that the
    choice does not depend on the order files are read in)."""
    counts = Counter(code for entry in entries for code in entry.data.get("languages", ()))
    ranked = sorted(counts, key=lambda code: (-counts[code], code))
    return frozenset(ranked[:LANGUAGE_CHOICES])


def language_codes(entry: Entry, offered: frozenset[str] | None) -> list[str]:
    """The entry's codes for the language facet: its offered languages, and OTHER_LANGUAGES once for the others
    (`offered` None: every language is offered)."""
    codes = entry.data.get("languages", ())
    out = [code for code in codes if offered is None or code in offered]
    if len(out) < len(codes):
        out.append(OTHER_LANGUAGES)
    return out


def facet_values(entry: Entry, offered: frozenset[str] | None = None) -> dict[str, list[str]]:
    data = entry.data
    return {
        "country": [data["country"]] if data.get("country") else [],
        "sector": list(data.get("sectors", [])),
        "legal_form": [data["legal_form"]] if data.get("legal_form") else [],
        "status": [data["membership"]["status"]],
        "language": language_codes(entry, offered),
    }


def facet_label(facet: str, code: str, lang: str, taxonomy: Taxonomy, translate) -> str:
    if facet == "country":
        return formatting.country_name(code, lang)
    if facet == "sector":
        return taxonomy.label("sectors", code, lang)
    if facet == "legal_form":
        return taxonomy.label("legal_forms", code, lang)
    if facet == "language" and code == OTHER_LANGUAGES:
        return translate(lang, OTHER_LANGUAGES_LABEL)
    if facet == "language":
        return formatting.language_name(code, lang)
    return translate(lang, STATUS_PLURALS[code])


def language_order(value: dict) -> tuple:
    """The language choices by name, "Other languages" last."""
    return value["code"] == OTHER_LANGUAGES, formatting_key(value["label"])


def organisation_view(entry: Entry, lang: str, taxonomy: Taxonomy, translate, logo: dict | None,
                      offered: frozenset[str] | None = None, shared: dict | None = None) -> dict:
    """`offered`: the languages the language facet offers one by one (offered_languages); None: all. `shared`: a
    dict the caller keeps for one build, where the parts many organisations have alike (a country, a sector, a
    language, with its label and path) are made once and shared by their views, which templates only read (a
    rendering process holds the views of every organisation while it renders the directory)."""
    shared = {} if shared is None else shared

    def once(key: tuple, make: Callable[[], dict]) -> dict:
        found = shared.get(key)
        if found is None:
            found = shared[key] = make()
        return found

    def item(facet: str, code: str) -> dict:
        return once(("facet", facet, code, lang), lambda: {
            "code": code, "label": facet_label(facet, code, lang, taxonomy, translate),
            "path": facet_path(facet, code)})

    def language(code: str) -> dict:
        return once(("language", code, lang), lambda: {
            "label": formatting.language_name(code, lang),
            "path": facet_path("language", code) if offered is None or code in offered else ""})

    data = entry.data
    name, name_lang = entry.text("name", lang)
    summary, summary_lang = entry.text("summary", lang)
    membership = data["membership"]
    since = membership.get("since")
    facets = facet_values(entry, offered)
    view = {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "name": name, "name_lang": name_lang,
        "acronym": data.get("acronym", ""),
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "city": data.get("city", ""),
        "founded": data.get("founded"),
        "website": data.get("website", ""), "email": data.get("email", ""), "phone": data.get("phone", ""),
        # Each language links to its facet page, where it has one of its own.
        "languages": [language(c) for c in data.get("languages", [])],
        "maintainers": data.get("maintainers", []),
        "logo": logo,
        "status": {"code": membership["status"], "label": translate(lang, STATUS_LABELS[membership["status"]]),
                   "path": facet_path("status", membership["status"]),
                   "since": (since if isinstance(since, int) else formatting.date(since, lang)) if since else ""},
        "facets": {facet: [item(facet, code) for code in codes] for facet, codes in facets.items()},
        "data_attrs": {facet: " ".join(codes) for facet, codes in facets.items()},
        "coordinates": data.get("coordinates"),
    }
    view["country"] = view["facets"]["country"][0] if view["facets"]["country"] else None
    view["legal_form"] = view["facets"]["legal_form"][0] if view["facets"]["legal_form"] else None
    view["sectors"] = view["facets"]["sector"]
    return view


def backlinks(entry: Entry, lang: str, translate) -> list[dict]:
    """What refers to the organisation, by kind; kinds with nothing are left out."""
    out = []
    for kind, title in BACKLINK_KINDS:
        items = links(entry.referrers(kind), lang)
        if items:
            out.append({"kind": kind, "title": translate(lang, title), "links": items})
    return out


def sort_views(views: list[dict]) -> list[dict]:
    return sorted(views, key=lambda v: formatting_key(v["name"]))


def status_order() -> tuple[str, ...]:
    return MEMBERSHIP_STATUSES


__all__ = ["Registry", "organisation_view", "backlinks", "facet_path", "FACETS", "FACET_TITLES"]
