"""Ready values for the maps: the map page's views, zoom links, legend and list, and the single
views the directory and the project bank embed.

The list under the map page's map and the map itself are made from the same `Listed` value, so
that they cannot drift apart: the same countries with the same counts, and the dots are exactly
the listed organisations that have coordinates.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from content_model.registry import Entry
from directory.views import facet_path
from labo_site import formatting
from labo_site.views import entry_link, formatting_key

from . import africa, regions

Translate = Callable[[str, str], str]  # (lang, msgid) -> text

MAP_PATH = "carte.html"
# Organisations named per country under the map (and drawn as dots): the page stays within its weight
# budget whatever the size of the network; the country's directory page lists them all.
LISTED_PER_COUNTRY = 12


def relative(target: str, page_path: str) -> str:
    """Link from the page at `page_path` to `target`, both relative to the same language root."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def country_names(lang: str) -> dict[str, str]:
    return {code: formatting.country_name(code, lang) for code in africa.country_codes()}


@dataclass(frozen=True)
class Listed:
    """Organisations of the map page per African country: `counts` (all of them) and `shown`, the
    first LISTED_PER_COUNTRY by name, which the list names and the map draws as dots."""

    counts: dict[str, int]
    shown: dict[str, list[Entry]]
    outside: dict[str, int]  # organisations in countries off the map, counted in the list only


def listed(organisations: list[Entry], lang: str) -> Listed:
    on_map = set(africa.country_codes())
    by_country: dict[str, list[Entry]] = {}
    outside: dict[str, int] = {}
    for entry in organisations:
        code = entry.data.get("country")
        if not code:
            continue
        if code in on_map:
            by_country.setdefault(code, []).append(entry)
        else:
            outside[code] = outside.get(code, 0) + 1
    shown = {code: sorted(entries, key=lambda e: (formatting_key(entry_link(e, lang).title), e.slug))
             [:LISTED_PER_COUNTRY] for code, entries in by_country.items()}
    return Listed({code: len(entries) for code, entries in by_country.items()}, shown, outside)


def points(entries: list[Entry]) -> list[dict]:
    """Dots for the entries that have coordinates."""
    return [{"lat": e.data["coordinates"]["lat"], "lon": e.data["coordinates"]["lon"]}
            for e in entries if e.data.get("coordinates")]


def organisation_map(organisations: list[Entry], lang: str, translate: Translate, page_path: str) -> dict:
    """The map page's map: the whole continent, then a view per region reached by its zoom link."""
    t = lambda msgid: translate(lang, msgid)  # noqa: E731 - a local shorthand
    data = listed(organisations, lang)
    names = country_names(lang)
    href = {code: relative(facet_path("country", code), page_path) for code in data.counts}
    views = [africa.View(regions.WHOLE, t("Map of the organisations by country"), africa.frame())]
    for region in regions.REGIONS:
        title = t("%(region)s: organisations by country") % {"region": t(region.name)}
        views.append(africa.View(region.slug, title, africa.region_box(region.codes), region.codes))
    dots = points([e for entries in data.shown.values() for e in entries])
    drawn = africa.draw(data.counts, href=href, names=names, views=views, points=dots, id_prefix="map-orgs",
                        desc=t("Each country is shaded by its number of organisations in the directory and "
                               "labelled with it; the list under the map gives the same figures."),
                        tooltip=t("{name}: {count}"),
                        display={c: formatting.number(n, lang) for c, n in data.counts.items()})
    nav = [{"slug": regions.WHOLE, "name": t(regions.WHOLE_NAME),
            "count": formatting.number(sum(data.counts.values()), lang)}]
    nav += [{"slug": r.slug, "name": t(r.name),
             "count": formatting.number(sum(data.counts.get(c, 0) for c in r.codes), lang)} for r in regions.REGIONS]
    rendered = []
    for view, svg, missing in zip(views, drawn.views, drawn.unlabelled, strict=True):
        name = next(item["name"] for item in nav if item["slug"] == view.slug)
        rendered.append({"slug": view.slug, "name": name, "whole": view.members is None, "svg": Markup(svg),
                         "unlabelled": [{"name": names[c], "region": regions.region_of(c).slug}
                                        for c in sorted(missing, key=lambda c: formatting_key(names[c]))]})
    # Regions first, the whole continent last: CSS hides it when a region is the :target (a later sibling).
    return {"defs": Markup(drawn.defs), "nav": nav, "views": rendered[1:] + rendered[:1],
            "legend": legend(t("Organisations per country"), dots=bool(dots)),
            "list": country_list(data, lang, translate, names)}


def legend(title: str, *, dots: bool = False, disputed: bool = True) -> dict:
    """What the legend under a map explains: shades (with `title`), dots, the dashed boundary."""
    return {"title": title, "buckets": africa.bucket_labels(), "dots": dots, "disputed": disputed}


def country_list(data: Listed, lang: str, translate: Translate, names: dict[str, str]) -> list[dict]:
    """The list under the map, by region in the order of the zoom links, countries most first."""
    groups = []
    for region in regions.REGIONS:
        codes = [c for c in data.counts if c in region.codes]
        if not codes:
            continue
        countries = []
        for code in sorted(codes, key=lambda c: (-data.counts[c], formatting_key(names[c]))):
            organisations = []
            for entry in data.shown[code]:
                link = entry_link(entry, lang)
                organisations.append({"title": link.title, "title_lang": link.lang, "path": link.path,
                                      "located": bool(entry.data.get("coordinates"))})
            countries.append({"code": code, "name": names[code], "path": facet_path("country", code),
                              "count": data.counts[code], "display": formatting.number(data.counts[code], lang),
                              "organisations": organisations, "more": data.counts[code] - len(organisations)})
        groups.append({"slug": region.slug, "name": translate(lang, region.name), "countries": countries})
    if data.outside:
        countries = [{"code": code, "name": formatting.country_name(code, lang),
                      "path": facet_path("country", code), "count": n, "display": formatting.number(n, lang),
                      "organisations": [], "more": 0}
                     for code, n in data.outside.items()]
        countries.sort(key=lambda c: (-c["count"], formatting_key(c["name"])))
        groups.append({"slug": "", "name": translate(lang, "Outside Africa"), "countries": countries})
    return groups


def single_view(counts: dict[str, int], *, href: dict[str, str], lang: str, title: str, desc: str,
                id_prefix: str, tooltip: str, codes=None, dots: list[dict] = ()) -> dict:
    """One view, for the embeds: the whole continent, or the region(s) of `codes` zoomed in.

    Every page of a paginated list embeds the same map (the project bank's 100 pages, a country's pages of the
    directory): drawn once per process for the same arguments, same bytes."""
    drawn = _single_view(tuple(counts.items()), tuple(href.items()), lang, title, desc, id_prefix, tooltip,
                         tuple(codes) if codes else None,
                         tuple((point["lat"], point["lon"]) for point in dots))
    return {"defs": Markup(drawn[0]), "svg": Markup(drawn[1])}


@functools.lru_cache(maxsize=32)
def _single_view(counts: tuple, href: tuple, lang: str, title: str, desc: str, id_prefix: str, tooltip: str,
                 codes: tuple | None, dots: tuple) -> tuple[str, str]:
    counts, href = dict(counts), dict(href)
    if codes:
        members = frozenset().union(*(regions.region_of(c).codes for c in codes))
        view = africa.View("vue", title, africa.region_box(members), members)
    else:
        view = africa.View("vue", title, africa.frame())
    drawn = africa.draw(counts, href=href, names=country_names(lang), views=[view], desc=desc,
                        points=[{"lat": lat, "lon": lon} for lat, lon in dots], id_prefix=id_prefix, tooltip=tooltip,
                        display={c: formatting.number(n, lang) for c, n in counts.items()})
    return drawn.defs, drawn.views[0]
