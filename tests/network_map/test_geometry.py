"""The map's geography: Western Sahara as on United Nations maps, the regions a reader zooms to, and a
label for every country with entries where the reader looks for it."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.network_map.content_facts import ROOT

from labo_site.formatting import country_name
from network_map import africa, geo, labels, regions

SVG = "{http://www.w3.org/2000/svg}"
CSS = ROOT / "themes" / "labo" / "static" / "css" / "map.css"


def lines(d: str) -> list[list[tuple[float, float]]]:
    """Open polylines of path data written as M x y then relative l."""
    out = []
    for match in re.finditer(r"M([^lM]+)l([^M]*)", d):
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", match.group(1) + " " + match.group(2))]
        x, y = numbers[0], numbers[1]
        line = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            line.append((x, y))
        out.append(line)
    return out


def on_ring(point: tuple[float, float], rings) -> bool:
    return any(math.dist(point, p) < 0.01 for ring in rings for p in ring)


# -- Western Sahara --------------------------------------------------------------------------------

@pytest.mark.parametrize(("place", "lat", "lon"), [("Laâyoune", 27.15, -13.20), ("Aousserd", 22.55, -14.33),
                                                   ("Boujdour", 26.13, -14.48), ("Smara", 26.74, -11.67)])
def test_western_saharan_towns_and_coast_are_in_western_sahara_not_morocco(place, lat, lon):
    point = africa.project_point(lat, lon)
    assert geo.point_in_rings(point, africa._rings("EH")), place
    assert not geo.point_in_rings(point, africa._rings("MA")), place


@pytest.mark.parametrize(("place", "lat", "lon"), [("Rabat", 34.02, -6.84), ("Agadir", 30.42, -9.60),
                                                   ("Tan-Tan", 28.44, -11.10)])
def test_moroccan_towns_are_in_morocco(place, lat, lon):
    point = africa.project_point(lat, lon)
    assert geo.point_in_rings(point, africa._rings("MA")), place
    assert not geo.point_in_rings(point, africa._rings("EH")), place


def test_morocco_and_western_sahara_do_not_overlap():
    """No corner of one lies inside the other: they meet only along their boundary."""
    morocco, sahara = africa._rings("MA"), africa._rings("EH")
    assert not any(geo.point_in_rings(p, sahara) and not on_ring(p, sahara) for ring in morocco for p in ring)
    assert not any(geo.point_in_rings(p, morocco) and not on_ring(p, morocco) for ring in sahara for p in ring)
    south = max(y for ring in morocco for _x, y in ring)
    assert south <= africa.project_point(27.6, -8.7)[1] + 1  # nothing of Morocco south of 27°40'N


def test_the_boundary_between_morocco_and_western_sahara_is_the_dashed_line_along_27_40():
    data = africa._data()
    disputed = lines(data["disputed"])
    assert len(disputed) == 1
    line = disputed[0]
    morocco, sahara = africa._rings("MA"), africa._rings("EH")
    assert all(on_ring(p, morocco) and on_ring(p, sahara) for p in (line[0], line[-1]))
    coast, tripoint = africa.project_point(27.667, -13.17), africa.project_point(27.667, -8.67)
    ends = sorted([line[0], line[-1]])
    assert math.dist(ends[0], coast) < 3 and math.dist(ends[1], tripoint) < 3
    # The solid borders leave that boundary to the dashed line.
    for border in lines(data["borders"]):
        assert not all(on_ring(p, morocco) and on_ring(p, sahara) for p in border)
    css = CSS.read_text(encoding="utf-8")
    rule = re.search(r"\.map-disputed \{([^}]*)\}", css).group(1)
    assert "stroke-dasharray" in rule and "stroke: var(--ink)" in rule


def test_every_view_of_the_map_page_draws_the_dashed_line(shipped_site):
    html = (shipped_site / "carte.html").read_text(encoding="utf-8")
    views = re.findall(r'<svg[^>]* class="map"[^>]*>.*?</svg>', html, re.S)
    assert len(views) == 6
    assert all('<use href="#map-orgs-disputed"/>' in view for view in views)
    assert html.count('class="map-disputed"') == 1  # written once, in the defs


# -- Regions ---------------------------------------------------------------------------------------

def test_the_five_regions_hold_every_country_of_the_map_once():
    seen = [code for region in regions.REGIONS for code in region.codes]
    assert sorted(seen) == africa.country_codes()
    assert regions.region_of("EH").slug == "afrique-nord" and regions.region_of("MR").slug == "afrique-nord"
    assert regions.region_of("SD").slug == "afrique-est" and regions.region_of("BI").slug == "afrique-centrale"
    assert len(regions.region_of("TG").codes) == 15  # ECOWAS's fifteen


@pytest.mark.parametrize("region", regions.REGIONS, ids=lambda r: r.slug)
def test_each_region_view_contains_its_countries_whole(region):
    x0, y0, x1, y1 = africa.region_box(region.codes)
    for code in region.codes:
        bx0, by0, bx1, by1 = africa.country_box(code)
        assert x0 <= bx0 and y0 <= by0 and bx1 <= x1 and by1 <= y1, code
    assert regions.MIN_ASPECT - 0.01 <= (y1 - y0) / (x1 - x0) <= regions.MAX_ASPECT + 0.01
    # Zoomed in: the view is narrower than the continent, so labels and shapes grow.
    assert x1 - x0 < 0.8 * africa.frame()[2]


# -- Labels for every country with entries ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_with_every_country_counted_each_region_view_labels_all_its_countries(lang):
    names = {code: country_name(code, lang) for code in africa.country_codes()}
    counts = {code: 1 + i % 12 for i, code in enumerate(africa.country_codes())}
    views = [africa.View(r.slug, r.name, africa.region_box(r.codes), r.codes) for r in regions.REGIONS]
    drawn = africa.draw(counts, href={c: f"{c}.html" for c in counts}, names=names, views=views, desc="")
    for region, placed, missing in zip(regions.REGIONS, drawn.labelled, drawn.unlabelled, strict=True):
        assert set(placed) == set(region.codes) and not missing, (region.slug, missing)


def view_labels(html: str) -> dict[str, set[str]]:
    """The country links that carry a label, per view of the map page, by view id."""
    found = {}
    for slug, svg in re.findall(r'<div id="([a-z-]+)" class="map-view[^"]*">.*?(<svg[^>]* class="map".*?</svg>)',
                                html, re.S):
        root = ET.fromstring(svg)
        found[slug] = {a.get("href").rsplit("/", 1)[-1].removesuffix(".html").upper()
                       for a in root.iter(f"{SVG}a") if a.find(f".//{SVG}text") is not None}
    return found


def test_on_the_shipped_map_every_country_with_organisations_is_labelled_on_the_continent_and_in_its_region(
        shipped_site):
    from tests.network_map.content_facts import entries

    with_entries = {o["country"] for o in entries("organisations").values()
                    if o.get("country") in africa.country_codes()}
    assert "TG" in with_entries  # Togo went unlabelled before
    for page in ("carte.html", "en/carte.html"):
        found = view_labels((shipped_site / page).read_text(encoding="utf-8"))
        assert set(found) == {regions.WHOLE, *(r.slug for r in regions.REGIONS)}
        assert found[regions.WHOLE] == with_entries, page
        for region in regions.REGIONS:
            assert found[region.slug] == with_entries & region.codes, (page, region.slug)


def test_labels_are_readable_and_tappable_at_the_reference_width():
    names = {code: country_name(code, "fr") for code in africa.country_codes()}
    view = africa.region_box(regions.REGIONS[1].codes)
    u = labels.unit(view)
    wanted = [labels.Wanted(c, names[c], "12", tuple(africa._data()["countries"][c]["label"]),
                            africa._data()["countries"][c]["room"], africa.country_box(c))
              for c in sorted(regions.REGIONS[1].codes)]
    placed = labels.layout(wanted, view)
    assert {p.code for p in placed} == regions.REGIONS[1].codes
    for p in placed:
        assert p.font / u >= 12 and p.height / u >= 24 and p.width / u >= 24, p.code
        x0, y0, x1, y1 = p.box
        assert view[0] <= x0 and view[1] <= y0 and x1 <= view[2] and y1 <= view[3], p.code
        widest = max(labels.text_width(line, u) for line in p.lines)
        assert p.width >= widest, p.code
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert not geo.overlap(a.box, b.box), (a.code, b.code)
        for w in wanted:
            if w.code != a.code:
                assert not geo.in_box(w.anchor, a.box), (a.code, "hides", w.code)
    assert labels.layout(wanted, view) == placed  # deterministic


def test_text_is_measured_with_the_widest_common_font():
    """DejaVu Sans, Chromium's fallback here: "Mozambique 1" measured 95.4 px at 13 px in it."""
    u = 1.0
    assert labels.text_width("Mozambique ", u) + labels.text_width("1", u, bold_digits=True) >= 95.4
    assert labels.text_width("Côte d’Ivoire", u) == labels.text_width("Cote d’Ivoire", u)


def test_map_css_is_linked_only_where_a_map_or_chart_is_shown(shipped_site: Path):
    link = 'theme/css/map.css"'
    assert link in (shipped_site / "carte.html").read_text(encoding="utf-8")
    assert link in (shipped_site / "statistiques.html").read_text(encoding="utf-8")
    assert link in (shipped_site / "organisations" / "pays" / "bf.html").read_text(encoding="utf-8")
    assert link in (shipped_site / "projets" / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "organisations/index.html", "organisations/secteur/agriculture.html",
                 "agenda/index.html"):
        path = shipped_site / page
        if path.is_file():
            assert link not in path.read_text(encoding="utf-8"), page
