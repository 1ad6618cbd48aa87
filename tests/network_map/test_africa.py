"""The Africa map as a reader and a screen reader meet it: every country there, the right
shade, link and tooltip on the right shape, nothing executable, nothing fetched."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

import pycountry
import pytest

from network_map import africa, geo

SVG = "{http://www.w3.org/2000/svg}"
# Written out here rather than taken from the module, so that a country dropped from the data
# fails the test: the 54 African UN member states, then Western Sahara.
UN_AFRICA = set(
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG "
    "MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW".split()
)
ALL = UN_AFRICA | {"EH"}
NAMES = {code: pycountry.countries.get(alpha_2=code).name for code in ALL}
HREFS = {code: f"../organisations/pays/{code.lower()}/index.html" for code in ALL}


def draw(counts: dict[str, int], **options) -> str:
    arguments = {"href": HREFS, "names": NAMES, "title": "Carte", "desc": "Organisations par pays"}
    arguments.update(options)
    return africa.render_map(counts, **arguments)


def parse(svg: str) -> tuple[ET.Element, dict[ET.Element, ET.Element]]:
    root = ET.fromstring(svg)
    return root, {child: parent for parent in root.iter() for child in parent}


def country_path(root: ET.Element, code: str, prefix: str = "map") -> ET.Element:
    found = [e for e in root.iter(f"{SVG}path") if e.get("id") == f"{prefix}-{code}"]
    assert len(found) == 1, f"{code}: {len(found)} paths"
    return found[0]


def path_points(d: str) -> list[list[tuple[float, float]]]:
    """Rings of the compact path data the map writes: M x y, relative l, z."""
    rings = []
    for match in re.finditer(r"M([^l]+)l([^z]*)z", d):
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", match.group(1) + " " + match.group(2))]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_every_african_un_member_and_western_sahara_is_drawn():
    assert set(africa.country_codes()) == ALL
    assert len(ALL) == 55
    root, _ = parse(draw({}))
    for code in sorted(ALL):
        rings = path_points(country_path(root, code).get("d"))
        assert rings and all(len(ring) >= 3 for ring in rings), code


def test_counts_land_on_the_right_path_with_its_shade_link_and_tooltip():
    counts = {"BF": 3, "SN": 1, "KE": 12, "CM": 5, "ZA": 0}
    root, parent = parse(draw(counts))
    expected = {
        "BF": "map-b2",
        "SN": "map-b1",
        "KE": "map-b4",
        "CM": "map-b3",
        "ZA": "map-b0",
        "NE": "map-b0",
    }
    for code, shade in expected.items():
        path = country_path(root, code)
        assert shade in path.get("class").split(), code
        assert "map-land" in path.get("class").split()
        holder = parent[path]
        assert holder.find(f"{SVG}title").text == f"{NAMES[code]}: {counts.get(code, 0)}"
        if counts.get(code, 0):
            assert holder.tag == f"{SVG}a" and holder.get("href") == HREFS[code]
        else:
            assert holder.tag == f"{SVG}g"


def test_links_only_for_counted_countries():
    counts = {"BF": 3, "GM": 1, "SC": 2, "MA": 0}
    root, _ = parse(draw(counts))
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert sorted(links) == sorted(HREFS[c] for c in ("BF", "GM", "SC"))


def test_labels_only_for_counted_countries_with_room():
    root, parent = parse(draw({"DZ": 4, "RW": 4}))
    labels = {e.text: parent[e] for e in root.iter(f"{SVG}text") if e.get("class") == "map-label"}
    assert set(labels) == {"DZ"}  # Rwanda is too small for a label; the tooltip names it
    assert labels["DZ"].tag == f"{SVG}a"


def test_island_states_get_a_clickable_marker_in_their_link():
    root, parent = parse(draw({code: 1 for code in ("CV", "KM", "MU", "SC", "ST")}))
    for code in ("CV", "KM", "MU", "SC", "ST"):
        link = parent[country_path(root, code)]
        marker = link.find(f"{SVG}circle")
        assert marker is not None and "map-marker" in marker.get("class"), code
        assert float(marker.get("r")) >= 9


def test_hostile_text_is_escaped_and_survives_as_text():
    hostile = "<script>alert(\"x\")</script> & 'quoted'"
    names = dict(NAMES, BF=hostile)
    href = dict(HREFS, BF='a.html?x="><script>')
    svg = draw(
        {"BF": 2},
        names=names,
        href=href,
        title=hostile,
        desc=hostile,
        legend_title=hostile,
        points=[{"lat": 12.37, "lon": -1.52, "label": hostile, "href": 'p.html?"<x>'}],
    )
    assert "<script" not in svg
    root, parent = parse(svg)
    assert root.find(f"{SVG}title").text == hostile
    assert parent[country_path(root, "BF")].find(f"{SVG}title").text == f"{hostile}: 2"
    assert parent[country_path(root, "BF")].get("href") == 'a.html?x="><script>'
    assert any(t.text == hostile for t in root.iter(f"{SVG}title"))


def test_output_is_self_contained_svg_without_script_or_external_reference():
    svg = draw({"BF": 1}, points=[{"lat": 14.69, "lon": -17.44, "label": "Dakar", "href": "o/x/index.html"}])
    root, _ = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 1000 913"
    assert root.get("width") is None and root.get("height") is None
    assert root.get("role") == "img"
    ids = {e.get("id"): e.tag for e in root.iter() if e.get("id")}
    assert [ids[i] for i in root.get("aria-labelledby").split()] == [f"{SVG}title", f"{SVG}desc"]
    tags = {e.tag.removeprefix(SVG) for e in root.iter()}
    assert tags <= {"svg", "title", "desc", "path", "a", "g", "circle", "text", "rect"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "url(" not in value and "//" not in value, (name, value)
    assert "style" not in svg


def test_rejects_what_would_break_the_page():
    with pytest.raises(ValueError, match=r"^network_map: codes not on the map: FR$"):
        draw({"FR": 2})
    with pytest.raises(ValueError, match=r"no href for counted countries: BF"):
        draw({"BF": 2}, href={})
    with pytest.raises(ValueError, match=r"no name for: .*BF"):
        draw({}, names={})
    with pytest.raises(ValueError, match=r"counts must be integers ≥ 0: BF"):
        draw({"BF": -1})
    with pytest.raises(ValueError, match=r"BF: href 'javascript:alert\(1\)' uses the scheme 'javascript'"):
        draw({"BF": 1}, href=dict(HREFS, BF="javascript:alert(1)"))
    with pytest.raises(ValueError, match=r"id_prefix"):
        draw({}, id_prefix='x" onload="y')
    with pytest.raises(ValueError, match=r"control character"):
        draw({}, title="a\x00b")


def test_same_input_gives_same_bytes_whatever_the_dict_order():
    counts = {"BF": 3, "SN": 1, "KE": 12}
    first = draw(counts)
    again = draw(dict(reversed(list(counts.items()))), names=dict(reversed(list(NAMES.items()))))
    assert first.encode() == again.encode()


def test_ouagadougou_projects_inside_burkina_faso():
    root, _ = parse(draw({}))
    rings = path_points(country_path(root, "BF").get("d"))
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    x, y = africa.project_point(12.37, -1.52)
    assert min(xs) < x < max(xs) and min(ys) < y < max(ys)
    assert geo.point_in_rings((x, y), rings)
    assert not geo.point_in_rings((x, y), path_points(country_path(root, "ML").get("d")))


def test_points_are_linked_circles_and_those_off_the_map_are_left_out():
    points = [
        {"lat": 12.37, "lon": -1.52, "label": "Ouagadougou", "href": "o/a/index.html"},
        {"lat": -1.29, "lon": 36.82, "label": "Nairobi"},
        {"lat": 48.85, "lon": 2.35, "label": "Paris", "href": "o/p/index.html"},
    ]
    root, parent = parse(draw({}, points=points))
    circles = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "map-point"]
    assert len(circles) == 2
    ouaga, nairobi = circles
    assert parent[ouaga].tag == f"{SVG}a" and parent[ouaga].get("href") == "o/a/index.html"
    assert parent[nairobi].tag == f"{SVG}g" and parent[nairobi].find(f"{SVG}title").text == "Nairobi"
    x, y = africa.project_point(12.37, -1.52)
    assert (float(ouaga.get("cx")), float(ouaga.get("cy"))) == (round(x, 1), round(y, 1))


def test_legend_shows_the_five_buckets_and_the_callers_title():
    root, _ = parse(draw({}, legend_title="Organisations"))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "map-legend")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert texts == ["Organisations", "0", "1", "2–4", "5–9", "10+"]
    swatches = [r.get("class").split()[-1] for r in legend.iter(f"{SVG}rect")]
    assert swatches == ["map-b0", "map-b1", "map-b2", "map-b3", "map-b4"]


@pytest.mark.parametrize(
    ("count", "bucket"), [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (900, 4)]
)
def test_buckets(count, bucket):
    assert africa.bucket_of(count) == bucket


def test_other_breaks_change_buckets_and_legend_together():
    assert africa.bucket_labels((3, 10, 50)) == [
        ("map-b0", "0"),
        ("map-b1", "1–2"),
        ("map-b2", "3–9"),
        ("map-b3", "10–49"),
        ("map-b4", "50+"),
    ]
    root, _ = parse(draw({"BF": 20}, breaks=(3, 10, 50)))
    assert "map-b3" in country_path(root, "BF").get("class")


def test_tooltip_format_follows_the_callers_typography():
    root, parent = parse(draw({"BF": 3}, tooltip="{name} : {count} organisations"))
    assert parent[country_path(root, "BF")].find(f"{SVG}title").text == "Burkina Faso : 3 organisations"


def test_two_maps_on_one_page_have_distinct_ids():
    first, _ = parse(draw({}, id_prefix="map-orgs"))
    second, _ = parse(draw({}, id_prefix="map-projects"))
    ids = lambda root: {e.get("id") for e in root.iter() if e.get("id")}  # noqa: E731
    assert not ids(first) & ids(second)
    assert first.get("aria-labelledby") == "map-orgs-title map-orgs-desc"


def test_weight_of_a_map_with_every_country_counted():
    svg = draw({code: 10 for code in ALL}).encode()
    assert len(svg) < 60_000
    assert len(gzip.compress(svg)) < 15_000
