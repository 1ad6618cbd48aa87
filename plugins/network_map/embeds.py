"""The map, filtered, for other plugins' pages: a country's directory page and the project bank.

Offered to every template through `generator_init` (see plugin.py), and called from the partials
`map_country.html` and `map_projects.html`, so that the directory and project templates include a
map with one line and know nothing about it. Both read the page's context (registry, lang, page
path), so each call draws the map with links relative to the page that includes it. Each returns a
dict (`defs`, `svg`, `legend`…) for the partial, or None when the page gets no map.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import pass_context

from directory.views import facet_path
from labo_site import i18n

from . import africa, regions
from .mapviews import MAP_PATH, country_names, legend, points, relative, single_view
from .views import PROJECTS_ANCHOR, STATS_PATH


def _translate(context, message: str) -> str:
    return i18n.translate(Path(context["THEME"]) / "translations", context["lang"], message)


def _country_of(context, code: str | None) -> str | None:
    """The country of the call, or of the directory facet page being rendered."""
    if code:
        return code
    facet = context.get("facet")
    path = facet.get("path") if isinstance(facet, dict) else None
    if not path:
        return None
    return next((c for c in africa.country_codes() if facet_path("country", c) == path), None)


@pass_context
def network_map_country(context, code: str | None = None) -> dict | None:
    """The country's region, the country shaded and labelled, its located organisations as dots.
    None when the page is not about an African country (a sector facet page, a country off the map)."""
    code = _country_of(context, code)
    if code not in africa.country_codes():
        return None
    lang, page_path = context["lang"], context["page_path"]
    organisations = [e for e in context["registry"].kind("organisation") if e.data.get("country") == code]
    name = country_names(lang)[code]
    dots = points(organisations)
    desc = _translate(context, "Map of Africa: %(country)s is shaded; %(located)s of its %(count)s organisations "
                               "are shown at their location.") % {"country": name, "located": len(dots),
                                                                   "count": len(organisations)}
    # The country links to its region on the whole map: on its own page, a link to itself would lead nowhere.
    region_path = f"{MAP_PATH}#{regions.region_of(code).slug}"
    link = relative(region_path, page_path)
    view = single_view({code: len(organisations)}, href={code: link}, lang=lang, codes=[code],
                       title=_translate(context, "%(country)s on the map of Africa") % {"country": name},
                       desc=desc, id_prefix="map-country", tooltip=_translate(context, "{name}: {count}"), dots=dots)
    view["map_path"] = region_path  # under the language root, for the caption's link
    return view


def _project_country_paths(context) -> dict[str, str]:
    """The project bank's country pages, read from its facet groups when the page carries them."""
    for group in context.get("facet_groups") or []:
        if isinstance(group, dict) and group.get("facet") == "country":
            return {value["code"]: value["path"] for value in group.get("values", [])}
    return {}


@pass_context
def network_map_projects(context, country_paths: dict[str, str] | None = None, code: str | None = None) -> dict | None:
    """Africa shaded by the number of projects per country.

    On the project bank's index: every country. On one of its country pages (`facet` is a country of
    its facet groups): that country, in its region. On its other facet pages (a sector, a status):
    nothing, since the page lists only part of the projects. Each counted country links to its page
    of the project bank (`country_paths`, else read from the page's `facet_groups`), else to the
    "projects by country" chart of the statistics page, which always exists."""
    lang, page_path = context["lang"], context["page_path"]
    paths = country_paths if country_paths is not None else _project_country_paths(context)
    facet = context.get("facet")
    if code is None and isinstance(facet, dict) and facet.get("path"):
        code = next((c for c, path in paths.items() if path == facet["path"]), None)
        if code is None:
            return None
    counts = Counter(e.data["country"] for e in context["registry"].kind("project"))
    if code:
        counts = Counter({code: counts.get(code, 0)})
    counts = {c: n for c, n in counts.items() if c in set(africa.country_codes())}
    if not any(counts.values()):
        return None
    fallback = f"{relative(STATS_PATH, page_path)}#{PROJECTS_ANCHOR}"
    href = {c: relative(paths[c], page_path) if c in paths else fallback for c in counts}
    view = single_view(counts, href=href, lang=lang, codes=[code] if code else None,
                       title=_translate(context, "Map of the projects by country"),
                       desc=_translate(context, "Number of projects of the project bank in each African country."),
                       id_prefix="map-projects", tooltip=_translate(context, "{name}: {count}"))
    view["legend"] = None if code else legend(_translate(context, "Projects per country"), disputed=False)
    return view
