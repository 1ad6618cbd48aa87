"""Turn world-atlas' countries-50m.json into the compact africa.json the map is drawn from.

Run by hand when the source changes, not at build time; the output is committed:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python plugins/network_map/data/prepare.py package/countries-50m.json

It decodes the TopoJSON, redraws Western Sahara as the United Nations draw it (see
``western_sahara_as_un``), projects every arc (Lambert azimuthal equal-area, see geo.py), scales
it to a 1000-unit-wide frame, simplifies each arc once with Douglas–Peucker (so neighbours keep
one shared border), then writes per-country SVG path data keyed by ISO 3166-1 alpha-2, a label
anchor with the room around it and the bounding box (the map lays labels out and frames region
views with them at build time), a marker ring for tiny island states, the land borders between
African countries as lines (solid), the disputed boundaries (dashed), and the neighbouring land
clipped to the frame as grey context.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from itertools import pairwise
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from network_map import geo  # importable thanks to the path set just above

SOURCE_VERSION = "world-atlas 2.0.2 (Natural Earth 4.1.0, 1:50m)"
SOURCE_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"

# The 54 African UN member states and Western Sahara (a non-self-governing territory with its
# own ISO code, drawn as Natural Earth draws it).
AFRICA = (
    "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG "
    "ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW"
).split()
# Natural Earth features without an ISO numeric code, and where ISO 3166 puts them.
UNCODED = {"Somaliland": "SO"}
# Tiny states get a round marker so that they can be found and clicked.
ISLAND_STATES = {"CV", "KM", "MU", "SC", "ST"}

WIDTH = 1000  # viewBox units across; path coordinates are rounded to 1/GRID of a unit
GRID = 1
MARGIN = 12  # units of sea around the outermost African land
TOLERANCE = 0.7  # Douglas–Peucker tolerance, in units
MIN_AREA = 6.0  # rings smaller than this (units²) are dropped, except for island states
# The United Nations draw the boundary between Morocco and Western Sahara, a non-self-governing
# territory, along the parallel of 27°40'N, dashed. Natural Earth's default ("de facto") Morocco
# reaches 21.4°N along the sand wall (berm) and holds the territory's whole coast; its tripoint with
# Algeria lies at 27.657°N, on that parallel to the source's precision.
DISPUTED = (("MA", "EH"),)
# Islands far from the continent that would stretch the frame (Prince Edward Islands of South
# Africa at 47°S, for one) are left out: a ring is kept if its centre lies in this box.
WINDOW = (-26.0, -36.0, 60.0, 38.5)  # lon_min, lat_min, lon_max, lat_max
# Neighbouring land is looked for only near Africa: far from the projection centre, shapes
# smear towards the antipode and clipping them would be wasted work.
CONTEXT_WINDOW = (-60.0, -60.0, 100.0, 75.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="countries-50m.json from world-atlas@2")
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("africa.json"))
    args = parser.parse_args()
    raw = args.source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(
            f"prepare: {args.source} has sha256 {digest}, expected {SOURCE_SHA256} ({SOURCE_VERSION}); "
            "update SOURCE_VERSION, SOURCE_SHA256 and SOURCE.md if the upgrade is meant"
        )
    data = build(json.loads(raw))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    temporary = args.output.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, args.output)
    print(f"prepare: wrote {args.output} ({len(text.encode())} bytes, {len(data['countries'])} countries)")


def build(topology: dict) -> dict:
    """The whole derivation, from parsed TopoJSON to the africa.json structure."""
    quantized = geo.decode_arcs(topology)
    raw_geometries = western_sahara_as_un(topology["objects"]["countries"]["geometries"], quantized,
                                          topology["transform"])
    lonlat = [[geo.to_lonlat(p, topology["transform"]) for p in arc] for arc in quantized]
    geometries = _geometries_by_code(raw_geometries)
    missing = sorted(set(AFRICA) - set(geometries))
    if missing:
        raise SystemExit(f"prepare: no shape for {', '.join(missing)}")

    plane = [[geo.project(lon, lat) for lon, lat in arc] for arc in lonlat]
    african_rings = {code: _rings(geometries[code], plane, lonlat) for code in AFRICA}
    xs = [x for rings in african_rings.values() for ring in rings for x, _ in ring]
    ys = [y for rings in african_rings.values() for ring in rings for _, y in ring]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    x_off, y_top = min(xs), max(ys)
    height = round((max(ys) - min(ys)) * scale + 2 * MARGIN)

    def to_frame(p: geo.Point) -> geo.Point:
        return (p[0] - x_off) * scale + MARGIN, (y_top - p[1]) * scale + MARGIN

    simplified = [geo.simplify([to_frame(p) for p in arc], TOLERANCE) for arc in plane]
    countries = {}
    for code in AFRICA:
        rings = _rings(geometries[code], simplified, lonlat)
        countries[code] = _country(code, rings)
    context_rings = []
    box = (-MARGIN, -MARGIN, WIDTH + MARGIN, height + MARGIN)
    for code, polygons in sorted(geometries.items()):
        if code in AFRICA:
            continue
        for ring in _rings(polygons, simplified, lonlat, window=CONTEXT_WINDOW):
            clipped = _rounded(geo.clip_ring(ring, box))
            if len(clipped) >= 3 and abs(geo.ring_area(clipped)) >= MIN_AREA:
                context_rings.append(clipped)
    borders, disputed = _boundaries(geometries, simplified)
    return {
        "source": SOURCE_VERSION,
        "width": WIDTH,
        "height": height,
        "projection": {
            "name": "Lambert azimuthal equal-area",
            "lon0": geo.CENTRE_LON,
            "lat0": geo.CENTRE_LAT,
            "scale": scale,
            "x_offset": x_off,
            "y_top": y_top,
            "margin": MARGIN,
        },
        "countries": countries,
        "borders": line_data(borders),
        "disputed": line_data(disputed),
        "context": path_data(context_rings),
    }


def western_sahara_as_un(geometries: list[dict], arcs: list[list], transform: dict) -> list[dict]:
    """Geometries with Morocco cut at the parallel of its tripoint with Algeria and Western Sahara
    given everything south of it (the coast included), as on United Nations maps.

    Works on the quantized arcs (``arcs`` gets three new ones; the berm arc is left unused):
    Morocco's ring is (border with Algeria, berm, coast); the coast is split where it crosses the
    parallel, and a new arc along the parallel joins that point to the tripoint. Stops the
    preparation if the source no longer has the shape this relies on."""
    by_id = {g.get("id"): g for g in geometries}
    morocco, sahara = by_id.get("504"), by_id.get("732")
    if not (morocco and sahara and morocco["type"] == sahara["type"] == "Polygon"
            and len(morocco["arcs"]) == len(sahara["arcs"]) == 1):
        raise SystemExit("prepare: Morocco and Western Sahara are no longer single rings; review western_sahara_as_un")
    ma_ring, eh_ring = morocco["arcs"][0], sahara["arcs"][0]
    shared = {_index(r) for r in ma_ring} & {_index(r) for r in eh_ring}
    if len(shared) != 1:
        raise SystemExit(f"prepare: Morocco and Western Sahara share {len(shared)} arcs, expected the berm only")
    berm = shared.pop()
    k = next(i for i, r in enumerate(ma_ring) if _index(r) == berm)
    before, coast_ref = ma_ring[k - 1], ma_ring[(k + 1) % len(ma_ring)]
    tripoint = _oriented(arcs, ma_ring[k])[0]
    if _oriented(arcs, before)[-1] != tripoint:
        raise SystemExit("prepare: Morocco's ring does not meet the berm at the tripoint")
    users = [g for g in geometries for ring in _polygon_rings(g) for r in ring if _index(r) == _index(coast_ref)]
    if users != [morocco]:
        raise SystemExit("prepare: Morocco's coast arc is shared; review western_sahara_as_un")
    coast = _oriented(arcs, coast_ref)  # from the berm's end on the coast, northward
    y = tripoint[1]
    crossings = [i for i in range(len(coast) - 1) if coast[i][1] < y <= coast[i + 1][1]]
    if len(crossings) != 1:
        raise SystemExit(f"prepare: Morocco's coast crosses the parallel {len(crossings)} times, expected once")
    i = crossings[0]
    (xa, ya), (xb, yb) = coast[i], coast[i + 1]
    cut = (round(xa + (xb - xa) * (y - ya) / (yb - ya)), y)
    south = [*coast[: i + 1], cut] if coast[i] != cut else coast[: i + 1]
    north = [cut, *coast[i + 1:]] if coast[i + 1] != cut else coast[i + 1:]
    # Along the parallel, a point every half degree so that the projected line curves as it should.
    step = max(1, round(0.5 / transform["scale"][0]))
    parallel = [cut, *[(x, y) for x in range(cut[0] + step, tripoint[0], step)], tripoint]
    first = len(arcs)
    arcs += [south, north, parallel]
    s_ref, n_ref, p_ref = first, first + 1, first + 2
    new_ma = [r for r in ma_ring if _index(r) not in (berm, _index(coast_ref))]
    new_ma.insert(new_ma.index(before) + 1, ~p_ref)
    new_ma.insert(new_ma.index(~p_ref) + 1, n_ref)
    j = next(i for i, r in enumerate(eh_ring) if _index(r) == berm)
    new_eh = [*eh_ring[:j], s_ref, p_ref, *eh_ring[j + 1:]]
    changed = []
    for geometry in geometries:
        if geometry is morocco:
            geometry = {**geometry, "arcs": [new_ma]}
        elif geometry is sahara:
            geometry = {**geometry, "arcs": [new_eh]}
        changed.append(geometry)
    return changed


def _oriented(arcs: list[list], ref: int) -> list:
    return list(arcs[ref]) if ref >= 0 else list(reversed(arcs[~ref]))


def _polygon_rings(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def _boundaries(geometries: dict[str, list], arcs: list[list]) -> tuple[list, list]:
    """Land borders between two African countries (arcs used by both), and among them the
    disputed ones, drawn dashed; each as a list of open lines in frame units."""
    users: dict[int, set[str]] = {}
    for code in AFRICA:
        for polygon in geometries[code]:
            for ring in polygon:
                for ref in ring:
                    users.setdefault(_index(ref), set()).add(code)
    disputed_pairs = {frozenset(pair) for pair in DISPUTED}
    borders, disputed = [], []
    for index in sorted(users):
        if len(users[index]) < 2:
            continue
        if len(users[index]) > 2:
            raise SystemExit(f"prepare: arc {index} is shared by {sorted(users[index])}")
        line = _rounded_line(arcs[index])
        if len(line) >= 2:
            (disputed if frozenset(users[index]) in disputed_pairs else borders).append(line)
    found = {frozenset(users[i]) for i in users if frozenset(users[i]) in disputed_pairs}
    if found != disputed_pairs:
        raise SystemExit(f"prepare: no shared boundary for {sorted(map(sorted, disputed_pairs - found))}")
    return borders, disputed


def _geometries_by_code(geometries: list[dict]) -> dict[str, list]:
    """Polygons (lists of rings of arc references) per alpha-2 code, merging features that ISO
    counts as one country."""
    by_code: dict[str, list] = {}
    for geometry in geometries:
        name = geometry["properties"]["name"]
        if "id" in geometry:
            country = pycountry.countries.get(numeric=geometry["id"])
            code = country.alpha_2 if country else None
        else:
            code = UNCODED.get(name)
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        by_code.setdefault(code, []).extend(polygons)
    return by_code


def _rings(polygons: list, arcs: list, lonlat: list, window: tuple = WINDOW) -> list[geo.Ring]:
    """Rings of a country in the coordinates of ``arcs``, merging polygons that touch (their
    shared arcs vanish), keeping only those whose centre is inside ``window``."""
    kept = [p for p in polygons if _in_window(geo.ring_arcs(p[0], lonlat), window)]
    shared = _shared_arcs(kept)
    merged = [p for p in kept if any(abs(_index(r)) in shared for r in p[0])]
    rings = [geo.ring_arcs(ring, arcs) for p in kept if p not in merged for ring in p]
    if merged:
        rings += geo.merge_polygons(merged, arcs)
    return [ring[:-1] for ring in rings if len(ring) > 3]


def _shared_arcs(polygons: list) -> set[int]:
    seen: dict[int, int] = {}
    for polygon in polygons:
        for ref in polygon[0]:
            seen[_index(ref)] = seen.get(_index(ref), 0) + 1
    return {index for index, n in seen.items() if n > 1}


def _index(ref: int) -> int:
    return ref if ref >= 0 else ~ref


def _in_window(points: list[geo.Point], window: tuple) -> bool:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    lon, lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    return window[0] <= lon <= window[2] and window[1] <= lat <= window[3]


def _country(code: str, rings: list[geo.Ring]) -> dict:
    rounded = [_rounded(ring) for ring in rings]
    floor = 0.0 if code in ISLAND_STATES else MIN_AREA
    kept = [ring for ring in rounded if len(ring) >= 3 and abs(geo.ring_area(ring)) > floor]
    if not kept:
        raise SystemExit(f"prepare: {code} vanished when simplified")
    xs = [p[0] for ring in kept for p in ring]
    ys = [p[1] for ring in kept for p in ring]
    anchor, room = geo.label_point(kept)
    entry: dict = {"d": path_data(kept), "label": [round(anchor[0], 1), round(anchor[1], 1)],
                   "room": round(room, 1), "box": [min(xs), min(ys), max(xs), max(ys)]}
    if code in ISLAND_STATES:
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        radius = max(9.0, max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 4)
        entry["marker"] = [round(cx, 1), round(cy, 1), round(radius, 1)]
    return entry


def _rounded(ring: geo.Ring) -> geo.Ring:
    out: geo.Ring = []
    for x, y in ring:
        p = (round(x * GRID) / GRID, round(y * GRID) / GRID)
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def path_data(rings: list[geo.Ring]) -> str:
    """Compact SVG path: absolute move, then relative lines in grid units, closed with z."""
    parts = []
    for ring in rings:
        ints = [(round(x * GRID), round(y * GRID)) for x, y in ring]
        numbers = []
        for (xa, ya), (xb, yb) in pairwise(ints):
            numbers += [xb - xa, yb - ya]
        parts.append(f"M{_fmt(ints[0][0])} {_fmt(ints[0][1])}l{_join(numbers)}z")
    return "".join(parts)


def line_data(lines: list[geo.Ring]) -> str:
    """Open lines (borders) as compact SVG path data: like path_data without closing."""
    parts = []
    for line in lines:
        ints = [(round(x * GRID), round(y * GRID)) for x, y in line]
        numbers = []
        for (xa, ya), (xb, yb) in pairwise(ints):
            numbers += [xb - xa, yb - ya]
        parts.append(f"M{_fmt(ints[0][0])} {_fmt(ints[0][1])}l{_join(numbers)}")
    return "".join(parts)


def _rounded_line(points: list[geo.Point]) -> list[geo.Point]:
    out: list[geo.Point] = []
    for x, y in points:
        p = (round(x * GRID) / GRID, round(y * GRID) / GRID)
        if not out or p != out[-1]:
            out.append(p)
    return out


def _join(numbers: list[int]) -> str:
    text = ""
    for n in numbers:
        token = _fmt(n)
        text += token if not text or token.startswith("-") else " " + token
    return text


def _fmt(n: int) -> str:
    """Grid units as the shortest decimal: 3 → "1.5" with GRID 2, and "0.5" → ".5"."""
    text = f"{n / GRID:g}" if GRID != 1 else str(n)
    return text.replace("0.", ".", 1) if text.lstrip("-").startswith("0.") else text


if __name__ == "__main__":
    main()
