"""The printable directory: every published organisation on one page per language, grouped by country.

Forums and assizes are often held without connectivity: the page is made to be printed, or saved as a PDF, from
the browser's own Print command (theme/css/print.css lays it out on A4). It shows what a participant needs to
find and reach an organisation (its name, city, membership, sectors and public contact), not its description.

An organisation that sets `contact_page_only` keeps its e-mail and phone on its own page: they are left out here,
as they are from the open data, the JSON-LD and the Murmurations profiles. Its website is not a contact it
withholds (the open data publishes it too).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from collections.abc import Callable

from content_model.registry import Entry
from labo_site import formatting
from labo_site.views import formatting_key

PRINT_PATH = "organisations/annuaire-imprimable.html"
NO_COUNTRY_ID = "sans-pays"


def shown_url(url: str) -> str:
    """A web address as a reader copies it from paper: without the scheme and the final slash."""
    return url.split("://", 1)[-1].removesuffix("/")


def printable_entry(view: dict, entry: Entry) -> dict:
    """What the printed directory shows of one organisation, from its directory view."""
    # The page is in the folder of the organisations' pages: "x.html" rather than "../organisations/x.html", 1,000
    # times over.
    href = posixpath.relpath(view["path"], posixpath.dirname(PRINT_PATH))
    return {"name": view["name"], "name_lang": view["name_lang"], "acronym": view["acronym"], "href": href,
            "example": view["example"], "city": view["city"], "status": view["status"]["label"],
            "sectors": [s["label"] for s in view["sectors"]],
            "website": view["website"], "website_shown": shown_url(view["website"]) if view["website"] else "",
            **{name: value or "" for name, value in entry.public_contact().items()}}


def countries(entries: list[Entry], lang: str, view: Callable[[Entry], dict], no_country: str) -> list[dict]:
    """[{id, label, count, organisations}] by country name in `lang` (organisations without a country last), each
    country's organisations by name; `entries` are the published organisations."""
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_code[entry.data.get("country") or ""].append(entry)
    groups = []
    for code, members in by_code.items():
        shown = sorted((printable_entry(view(e), e) for e in members), key=lambda o: formatting_key(o["name"]))
        groups.append({"id": f"pays-{code.lower()}" if code else NO_COUNTRY_ID, "code": code,
                       "label": formatting.country_name(code, lang) if code else no_country,
                       "count": len(shown), "organisations": shown})
    return sorted(groups, key=lambda g: (not g["code"], formatting_key(g["label"])))


def page_values(entries: list[Entry], lang: str, view: Callable[[Entry], dict], translate, build_date: dt.date,
                site_url: str) -> dict:
    """The template's values. `site_url`: the address of the site in `lang` when it is absolute (published), else
    "" (a local copy has no address to print)."""
    groups = countries(entries, lang, view, translate(lang, "Country not given"))
    return {"page_title": translate(lang, "Printable directory"), "countries": groups, "total": len(entries),
            "country_count": sum(1 for g in groups if g["code"]),
            "as_of": formatting.date(build_date, lang), "as_of_iso": build_date.isoformat(),
            "site_url": site_url, "site_url_shown": shown_url(site_url) if site_url else ""}
