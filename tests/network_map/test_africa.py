"""The Africa map as a reader and a screen reader meet it: every country there, the right shade,
link and label on the right shape, nothing executable, nothing fetched."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

import pycountry
import pytest

from network_map import africa, geo, labels, regions

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
WHOLE = africa.View("afrique", "Africa", africa.frame())


def region_views() -> list[africa.View]:
    return [africa.View(r.slug, r.name, africa.region_box(r.codes), r.codes) for r in regions.REGIONS]


def draw(counts: dict[str, int], views=None, **options) -> africa.Drawn:
    arguments = {"href": HREFS, "names": NAMES, "desc": "Organisations par pays", "views": views or [WHOLE]}
    arguments.update(options)
    return africa.draw(counts, **arguments)


def parse(drawn: africa.Drawn, view: int = 0) -> tuple[ET.Element, ET.Element]:
    return ET.fromstring(drawn.defs), ET.fromstring(drawn.views[view])


def links(root: ET.Element) -> dict[str, ET.Element]:
    """The view's country links by href."""
    return {a.get("href"): a for a in root.iter(f"{SVG}a")}


def label_texts(root: ET.Element) -> list[str]:
    return [re.sub(r"[ \n]+", " ", "".join(t.itertext())).strip() for t in root.iter(f"{SVG}text")]


def country_path(defs: ET.Element, code: str, prefix: str = "map") -> ET.Element:
    found = [e for e in defs.iter(f"{SVG}path") if e.get("id") == f"{prefix}-{code}"]
    assert len(found) == 1, f"{code}: {len(found)} paths"
    return found[0]


def test_every_african_un_member_and_western_sahara_is_drawn():
    assert set(africa.country_codes()) == ALL
    assert len(ALL) == 55
    defs, _ = parse(draw({}))
    for code in sorted(ALL):
        rings = africa._rings(code)
        assert rings and all(len(ring) >= 3 for ring in rings), code
        assert country_path(defs, code).get("d") == africa._data()["countries"][code]["d"]


def test_counts_shade_the_right_shape_and_counted_countries_get_one_link_each():
    counts = {"BF": 3, "SN": 1, "KE": 12, "CM": 5, "ZA": 0}
    defs, view = parse(draw(counts))
    expected = {"BF": "map-b2", "SN": "map-b1", "KE": "map-b4", "CM": "map-b3", "ZA": "map-b0", "NE": "map-b0"}
    for code, shade in expected.items():
        classes = country_path(defs, code).get("class").split()
        assert "map-land" in classes and shade in classes, code
    found = links(view)
    assert set(found) == {HREFS[c] for c in ("BF", "SN", "KE", "CM")}
    for code in ("BF", "SN", "KE", "CM"):
        assert found[HREFS[code]].find(f"{SVG}title").text == f"{NAMES[code]}: {counts[code]}"


def test_a_link_holds_its_label_and_a_big_enough_shape():
    """Kenya is large enough on a 328 px map to be tapped; Gambia is not, so only its label is a link."""
    _, view = parse(draw({"KE": 2, "GM": 1}))
    found = links(view)
    kenya, gambia = found[HREFS["KE"]], found[HREFS["GM"]]
    assert [u.get("href") for u in kenya.iter(f"{SVG}use")] == ["#map-KE"]
    assert [u.get("class") for u in kenya.iter(f"{SVG}use")] == ["map-hit"]
    assert list(gambia.iter(f"{SVG}use")) == []
    assert label_texts(kenya) == ["Kenya 2"] and label_texts(gambia) == ["Gambia 1"]
    for link in (kenya, gambia):
        assert link.get("tabindex") is None and link.get("aria-hidden") is None


def test_labels_are_the_reader_language_name_and_count():
    names = dict(NAMES, CI="Côte d’Ivoire", TG="Togo")
    _, view = parse(draw({"CI": 1, "TG": 1234}, names=names, display={"TG": "1\u202f234"}))
    assert sorted(label_texts(view)) == ["Côte d’Ivoire 1", "Togo 1\u202f234"]


def test_a_label_found_no_room_is_reported():
    drawn = draw({c: 1 for c in ALL})
    placed, missing = set(drawn.labelled[0]), set(drawn.unlabelled[0])
    assert placed | missing == ALL - {c for c in ALL if not geo.in_box(
        tuple(africa._data()["countries"][c]["label"]), africa.frame())}
    assert not placed & missing
    _, view = parse(drawn)
    assert len(list(view.iter(f"{SVG}text"))) == len(placed)


def test_island_states_get_a_ring_so_they_can_be_seen():
    _, view = parse(draw({}))
    rings = [c for c in view.iter(f"{SVG}circle") if "map-marker" in (c.get("class") or "")]
    assert len(rings) == 5
    u = labels.unit(africa.frame())
    assert all(float(r.get("r")) >= africa.MARKER_PX * u - 0.1 for r in rings)


def test_region_views_fade_the_countries_of_other_regions():
    views = region_views()
    drawn = draw({}, views=views)
    for i, region in enumerate(regions.REGIONS):
        view = ET.fromstring(drawn.views[i])
        uses = [u.get("href") for u in view.iter(f"{SVG}use")]
        assert uses[:2] == ["#map-context", "#map-land"]
        assert next(view.iter(f"{SVG}use"), None) is not None
        faded = [u for u in view.iter(f"{SVG}use") if u.get("class") == "map-out"]
        assert [u.get("href") for u in faded] == ["#map-land"]
        full = {h.removeprefix("#map-") for h in uses[2:] if len(h) == len("#map-XX")}
        assert full == set(region.codes), region.slug


def test_hostile_text_is_escaped_and_survives_as_text():
    hostile = "<script>alert(\"x\")</script> & 'quoted'"
    names = dict(NAMES, BF=hostile)
    href = dict(HREFS, BF='a.html?x="><script>')
    drawn = draw({"BF": 2}, names=names, href=href, desc=hostile,
                 views=[africa.View("afrique", hostile, africa.frame())])
    assert "<script" not in drawn.views[0] + drawn.defs
    _, view = parse(drawn)
    assert view.find(f"{SVG}title").text == hostile
    link = links(view)['a.html?x="><script>']
    assert link.find(f"{SVG}title").text == f"{hostile}: 2"


def test_output_is_self_contained_svg_without_script_or_external_reference():
    drawn = draw({"BF": 1}, points=[{"lat": 14.69, "lon": -17.44}])
    defs, view = parse(drawn)
    assert view.tag == f"{SVG}svg" and defs.tag == f"{SVG}svg"
    assert view.get("viewBox") == "0 0 1000 913"
    assert view.get("width") is None and view.get("height") is None
    assert view.get("role") == "group"
    assert defs.get("aria-hidden") == "true"
    ids = {e.get("id"): e.tag for e in view.iter() if e.get("id")}
    assert [ids[i] for i in view.get("aria-labelledby").split()] == [f"{SVG}title", f"{SVG}desc"]
    tags = {e.tag.removeprefix(SVG) for root in (defs, view) for e in root.iter()}
    assert tags <= {"svg", "defs", "title", "desc", "path", "a", "g", "circle", "text", "tspan", "rect", "use"}
    for root in (defs, view):
        for element in root.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), name
                assert "url(" not in value and "//" not in value, (name, value)
                if name == "href" and element.tag == f"{SVG}use":
                    assert value.startswith("#map-")
    assert "style" not in drawn.views[0] + drawn.defs


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
    with pytest.raises(ValueError, match=r"view slugs"):
        draw({}, views=[WHOLE, WHOLE])
    with pytest.raises(ValueError, match=r"control character"):
        draw({}, views=[africa.View("afrique", "a\x00b", africa.frame())])


def test_same_input_gives_same_bytes_whatever_the_dict_order():
    counts = {"BF": 3, "SN": 1, "KE": 12, "TG": 2, "GH": 1, "CI": 4}
    first = draw(counts, views=[WHOLE, *region_views()])
    again = draw(dict(reversed(list(counts.items()))), names=dict(reversed(list(NAMES.items()))),
                 views=[WHOLE, *region_views()])
    assert first == again


def test_ouagadougou_projects_inside_burkina_faso():
    x, y = africa.project_point(12.37, -1.52)
    assert geo.point_in_rings((x, y), africa._rings("BF"))
    assert not geo.point_in_rings((x, y), africa._rings("ML"))


def test_points_are_dots_not_links_and_those_outside_a_view_are_left_out():
    points = [{"lat": 12.37, "lon": -1.52}, {"lat": -1.29, "lon": 36.82}, {"lat": 48.85, "lon": 2.35}]
    views = [WHOLE, *region_views()]
    drawn = draw({}, points=points, views=views)
    for i, view in enumerate(views):
        root = ET.fromstring(drawn.views[i])
        group = [g for g in root.iter(f"{SVG}g") if g.get("class") == "map-points"]
        dots = [c for g in group for c in g.iter(f"{SVG}circle")]
        x0, y0, x1, y1 = view.box
        expected = [(x, y) for x, y in (africa.project_point(p["lat"], p["lon"]) for p in points)
                    if x0 <= x <= x1 and y0 <= y <= y1]
        assert [(float(c.get("cx")), float(c.get("cy"))) for c in dots] == [
            (round(x, 1), round(y, 1)) for x, y in expected], view.slug
        assert not list(root.iter(f"{SVG}a"))
    assert len([g for g in ET.fromstring(drawn.views[0]).iter(f"{SVG}circle")
                if "map-marker" not in (g.get("class") or "")]) == 2  # Paris is off the map


def test_bucket_labels_for_the_legend():
    assert africa.bucket_labels() == [("map-b0", "0"), ("map-b1", "1"), ("map-b2", "2–4"), ("map-b3", "5–9"),
                                      ("map-b4", "10+")]


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
    defs, _ = parse(draw({"BF": 20}, breaks=(3, 10, 50)))
    assert "map-b3" in country_path(defs, "BF").get("class")


def test_tooltip_format_follows_the_callers_typography():
    _, view = parse(draw({"BF": 3}, tooltip="{name} : {count} organisations"))
    assert links(view)[HREFS["BF"]].find(f"{SVG}title").text == "Burkina Faso : 3 organisations"


def test_two_maps_on_one_page_have_distinct_ids():
    first = draw({}, id_prefix="map-orgs")
    second = draw({}, id_prefix="map-projects")

    def ids(drawn):
        return {e.get("id") for root in parse(drawn) for e in root.iter() if e.get("id")}

    assert not ids(first) & ids(second)
    assert parse(first)[1].get("aria-labelledby") == "map-orgs-afrique-title map-orgs-afrique-desc"


def test_weight_of_the_map_page_map_with_every_country_counted():
    drawn = draw({code: 10 for code in ALL}, views=[WHOLE, *region_views()])
    text = (drawn.defs + "".join(drawn.views)).encode()
    assert len(gzip.compress(text)) < 16_000


def test_path_data_reads_back_as_rings():
    d = africa._data()["countries"]["BF"]["d"]
    assert re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]*z)+", d)
