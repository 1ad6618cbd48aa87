"""Ready values for the agenda templates: labels, dates in words, places, prices and paths."""

from __future__ import annotations

import datetime as dt

from content_model.registry import Entry, Registry
from content_model.schema import EVENT_KIND, labels, plurals
from labo_site import formatting
from labo_site.views import entry_link, entry_path, links

from .when import When, event_when, iso, range_text, short_range_text, zone_text


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Labels of the event kinds, stated in the content model.
KIND_LABELS = labels(EVENT_KIND)
KIND_PLURALS = plurals(EVENT_KIND)
FACET_TITLES = {"kind": N_("Type of event"), "place": N_("Country")}
#: The choice that lifts a facet's filter, one message per facet so that each language can agree it with the facet.
FACET_ALL = {"kind": N_("All kinds of event"), "place": N_("All places")}
ONLINE = "online"  # the place facet value of events with an online link and no country

INDEX_PATH = "agenda/index.html"
FEED_PATH = "agenda/agenda.ics"


def kind_path(kind: str) -> str:
    return f"agenda/type/{kind}.html"


def place_path(code: str) -> str:
    return "agenda/en-ligne.html" if code == ONLINE else f"agenda/pays/{code.lower()}.html"


def year_path(year: int) -> str:
    return f"agenda/archives/{year}.html"


def ics_path(entry: Entry) -> str:
    return entry_path(entry).removesuffix(".html") + ".ics"


def places(entry: Entry) -> list[str]:
    """Facet values of the place: the country, and 'online' for an online event held in no country."""
    country = (entry.data.get("location") or {}).get("country")
    if country:
        return [country]
    return [ONLINE] if entry.data.get("online") else []


def place_label(code: str, lang: str, translate) -> str:
    return translate(lang, N_("Online")) if code == ONLINE else formatting.country_name(code, lang)


def event_view(entry: Entry, lang: str, translate, today: dt.date, registry: Registry, linkable: set[str]) -> dict:
    """Everything an event card or page shows, in `lang`. `linkable`: sections whose pages are built."""
    data = entry.data
    when = event_when(entry)
    title, title_lang = entry.text("title", lang)
    summary, summary_lang = entry.text("summary", lang)
    location = data.get("location") or {}
    country = location.get("country")
    past = when.is_past(today)
    return {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "ics": ics_path(entry),
        "title": title, "title_lang": title_lang,
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "kind": {"code": data["kind"], "label": translate(lang, KIND_LABELS[data["kind"]]),
                 "path": kind_path(data["kind"])},
        "when": _when_view(when, lang),
        "past": past,
        "ongoing": when.is_ongoing(today),
        "year": when.first_day.year,
        "venue": location.get("venue", ""),
        "city": location.get("city", ""),
        "country": {"code": country, "label": formatting.country_name(country, lang),
                    "path": place_path(country)} if country else None,
        "online": data.get("online", ""),
        "online_path": place_path(ONLINE),
        "registration": _registration_view(data.get("registration"), lang, today, past, when.last_day),
        "price": _price_text(data, lang, translate),
        "languages": [formatting.language_name(code, lang) for code in data.get("languages", [])],
        "organisers": organiser_links(entry, registry, lang, linkable),
        "places": " ".join(places(entry)),
    }


def _when_view(when: When, lang: str) -> dict:
    return {
        "text": range_text(when, lang),
        "short": short_range_text(when, lang),
        "zone": zone_text(when, lang),
        "start_iso": iso(when.start),
        # Local days of the event, for the page's script: upcoming before the first, past after the last.
        "first_day": when.first_day.isoformat(),
        "last_day": when.last_day.isoformat(),
        "all_day": when.all_day,
        "multi_day": when.multi_day,
    }


def _registration_view(registration: dict | None, lang: str, today: dt.date, past: bool,
                       last_day: dt.date) -> dict | None:
    if not registration:
        return None
    deadline = registration.get("deadline")
    closed = past or (deadline is not None and deadline < today)
    return {
        "url": registration.get("url", ""),
        "deadline": formatting.date(deadline, lang) if deadline else "",
        "deadline_iso": deadline.isoformat() if deadline else "",
        "closed": closed,
        "until": (deadline or last_day).isoformat(),  # the last day one can register
    }


def _price_text(data: dict, lang: str, translate) -> str:
    if data.get("free"):
        return translate(lang, N_("Free"))
    price = data.get("price")
    if price:
        return formatting.money(price["amount"], price["currency"], lang)
    return ""


def organiser_links(entry: Entry, registry: Registry, lang: str, linkable: set[str]) -> list[dict]:
    """The organisers, in the order the file gives them, linked when the directory is built."""
    out = []
    for slug in entry.data.get("organisers", []):
        organisation = registry.get("organisation", slug)
        if organisation is None:  # unpublished (e.g. an example left out of the published site)
            continue
        link = entry_link(organisation, lang)
        out.append({"title": link.title, "lang": link.lang, "example": link.example,
                    "path": link.path if "organisations" in linkable else ""})
    return out


def news_links(entry: Entry, lang: str) -> list:
    """Published news articles that name this event in their `related` entries."""
    return links(entry.referrers("article"), lang)
