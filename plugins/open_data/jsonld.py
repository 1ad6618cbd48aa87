"""schema.org descriptions (JSON-LD) of the site's entries, for search engines and aggregators.

One builder per kind: an organisation is an `Organization`; a project a `Project` (schema.org's
Organization subtype for an "enterprising endeavor") seeking funding through a `Demand`; an event an
`Event`; a service a `Service` with its `Offer`; a call for tenders an `Offer` whose business function
is *Buy* (GoodRelations' way to say "the issuer offers to buy this service", which is what a call for
tenders is) offered by the issuer; a news item a `NewsArticle`; a page a `WebPage`. Values come from
the same registry as the pages, in the page's language, so the description never disagrees with what
the reader sees. Links are absolute in the published site and relative to the page otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from zoneinfo import ZoneInfo

from markupsafe import Markup

from content_model.registry import Entry, Registry
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import WITHDRAWN

SCHEMA = "https://schema.org"
GR_BUY = "http://purl.org/goodrelations/v1#Buy"
UrlOf = Callable[[str], str]  # a path under the language root -> its URL


def describe(entry: Entry, lang: str, url: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy,
             site_name: str, logo_url: str = "") -> dict:
    """The JSON-LD object of an entry's page, in `lang`."""
    builder = _BUILDERS.get(entry.kind.name, _web_page)
    item = {"@context": SCHEMA, **builder(entry, lang, url_of, registry, taxonomy, site_name)}
    item["url"] = url
    if logo_url and entry.kind.name == "organisation":
        item["logo"] = logo_url
    return _clean(item)


def website(name: str, description: str, url: str, lang: str) -> dict:
    return {"@context": SCHEMA, "@type": "WebSite", "name": name, "description": description, "url": url,
            "inLanguage": lang}


def script(item: dict) -> Markup:
    """JSON-LD for a <script> element: `<`, `>` and `&` escaped so that contributed text cannot close it."""
    text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# -- builders ---------------------------------------------------------------------------------------------

def _organisation(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy,
                  site_name: str) -> dict:
    data, contact = entry.data, entry.public_contact()  # contact_page_only: on the entry's page, nowhere else
    item = {"@type": "Organization", "name": entry.text("name", lang)[0],
            "alternateName": data.get("acronym"), "description": entry.text("summary", lang)[0],
            "email": contact["email"], "telephone": contact["phone"],
            "sameAs": [data["website"]] if data.get("website") else None,
            "foundingDate": str(data["founded"]) if data.get("founded") else None,
            "knowsLanguage": data.get("languages"),
            "knowsAbout": [taxonomy.label("sectors", s, lang) for s in data.get("sectors", [])] or None,
            "address": _address(data.get("city"), data.get("country"), lang)}
    coordinates = data.get("coordinates")
    if coordinates:
        item["location"] = {"@type": "Place", "address": item["address"],
                            "geo": {"@type": "GeoCoordinates", "latitude": coordinates["lat"],
                                    "longitude": coordinates["lon"]}}
    if data["membership"]["status"] == "member":
        item["memberOf"] = {"@type": "Organization", "name": site_name}
    return item


def _project(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy, site_name: str) -> dict:
    data = entry.data
    item = {"@type": "Project", "name": entry.text("title", lang)[0], "description": entry.text("summary", lang)[0],
            "areaServed": _country(data["country"], lang),
            "parentOrganization": _org_ref(registry, data["organisation"], lang, url_of),
            "knowsAbout": [taxonomy.label("sectors", s, lang) for s in data.get("sectors", [])] or None}
    funding = data.get("funding")
    if funding:
        item["seeks"] = {"@type": "Demand", "availabilityEnds": _date(funding.get("deadline")),
                         "priceSpecification": {"@type": "PriceSpecification", "price": funding["goal"],
                                                "priceCurrency": funding["currency"]}}
    return item


def _event(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy, site_name: str) -> dict:
    data = entry.data
    zone = data.get("timezone")
    location = data.get("location") or {}
    places = []
    if location:
        places.append({"@type": "Place", "name": location.get("venue"),
                       "address": _address(location.get("city"), location.get("country"), lang)})
    if data.get("online"):
        places.append({"@type": "VirtualLocation", "url": data["online"]})
    mode = ("MixedEventAttendanceMode" if location and data.get("online") else
            "OnlineEventAttendanceMode" if data.get("online") else "OfflineEventAttendanceMode")
    item = {"@type": "Event", "name": entry.text("title", lang)[0], "description": entry.text("summary", lang)[0],
            "startDate": _instant(data["start"], zone), "endDate": _instant(data.get("end"), zone),
            "eventStatus": f"{SCHEMA}/EventScheduled", "eventAttendanceMode": f"{SCHEMA}/{mode}",
            "location": places[0] if len(places) == 1 else places or None,
            "organizer": [_org_ref(registry, slug, lang, url_of) for slug in data.get("organisers", [])] or None,
            "inLanguage": data.get("languages")}
    registration = (data.get("registration") or {}).get("url")
    if data.get("free"):
        item["isAccessibleForFree"] = True
    if data.get("price"):
        item["offers"] = {"@type": "Offer", "price": data["price"]["amount"],
                          "priceCurrency": data["price"]["currency"], "url": registration}
    return item


def _service(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy, site_name: str) -> dict:
    data = entry.data
    item = {"@type": "Service", "name": entry.text("title", lang)[0], "description": entry.text("summary", lang)[0],
            "serviceType": data["kind"], "provider": _org_ref(registry, data["provider"], lang, url_of),
            "areaServed": [_country(c, lang) for c in data.get("countries", [])] or None,
            "availableLanguage": data.get("languages")}
    price = data.get("price")
    if price:
        item["offers"] = {"@type": "Offer", "price": price["amount"], "priceCurrency": price["currency"],
                          "priceSpecification": {"@type": "UnitPriceSpecification", "price": price["amount"],
                                                 "priceCurrency": price["currency"], "unitText": price["unit"]}}
    return item


def _tender(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy, site_name: str) -> dict:
    data = entry.data
    title, summary = entry.text("title", lang)[0], entry.text("summary", lang)[0]
    issuer = (_org_ref(registry, data["issuer"], lang, url_of) if data.get("issuer")
              else {"@type": "Organization", "name": data.get("issuer_name")})
    item = {"@type": "Offer", "businessFunction": GR_BUY, "name": title, "description": summary,
            "offeredBy": issuer, "validFrom": _date(data.get("published")),
            "validThrough": _instant(data["deadline"], data.get("timezone")),
            "itemOffered": {"@type": "Service", "name": title, "serviceType": data["kind"]},
            "areaServed": [_country(c, lang) for c in data.get("countries", [])] or None}
    budget = data.get("budget")
    if budget:
        item["priceSpecification"] = {"@type": "PriceSpecification", "price": budget["amount"],
                                      "priceCurrency": budget["currency"]}
    return item


def _article(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy, site_name: str) -> dict:
    data = entry.data
    title, title_lang = entry.text("title", lang)
    return {"@type": "NewsArticle", "headline": title, "description": entry.text("summary", lang)[0],
            "inLanguage": title_lang, "datePublished": _instant(data.get("date"), None),
            "dateModified": _instant(data.get("modified"), None),
            "author": [{"@type": "Person", "name": name} for name in data.get("authors", [])] or None,
            "publisher": {"@type": "Organization", "name": site_name}}


def _web_page(entry: Entry, lang: str, url_of: UrlOf, registry: Registry, taxonomy: Taxonomy,
              site_name: str) -> dict:
    title, title_lang = entry.text(entry.kind.title_field, lang)
    return {"@type": "WebPage", "name": title, "description": entry.text("summary", lang)[0],
            "inLanguage": title_lang}


_BUILDERS = {"organisation": _organisation, "project": _project, "event": _event, "service": _service,
             "tender": _tender, "article": _article, "page": _web_page}


# -- parts ------------------------------------------------------------------------------------------------

def _org_ref(registry: Registry, slug: str, lang: str, url_of: UrlOf) -> dict:
    org = registry.get("organisation", slug)
    if org is None:  # withdrawn or left out: not named (see labo_site.views.reference)
        return {"@type": "Organization", "name": WITHDRAWN}
    return {"@type": "Organization", "name": org.text("name", lang)[0],
            "url": url_of(f"{org.kind.output}/{org.slug}.html")}


def _country(code: str, lang: str) -> dict:
    return {"@type": "Country", "name": formatting.country_name(code, lang), "identifier": code}


def _address(city: str | None, country: str | None, lang: str) -> dict | None:
    if not city and not country:
        return None
    return {"@type": "PostalAddress", "addressLocality": city, "addressCountry": country}


def _date(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _instant(value, zone: str | None) -> str | None:
    """ISO 8601; a time gets its zone's offset on that day (09:00 in Africa/Nairobi is 09:00+03:00)."""
    if isinstance(value, dt.datetime):
        if zone and value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo(zone))
        return value.isoformat(timespec="minutes")
    return _date(value)


def _clean(value):
    """Drop empty values: schema.org readers treat an absent property better than a null one."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value if v not in (None, "", [], {})]
    return value
