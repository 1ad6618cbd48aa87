"""Turn world-atlas' countries-50m.json into the compact africa.json the map is drawn from.

Run by hand when the source changes, not at build time; the output is committed:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python plugins/network_map/data/prepare.py package/countries-50m.json

It decodes the TopoJSON, projects every arc (Lambert azimuthal equal-area, see geo.py), scales
it to a 1000-unit-wide frame, simplifies each arc once with Douglas–Peucker (so neighbours keep
one shared border), then writes per-country SVG path data keyed by ISO 3166-1 alpha-2, a label
anchor with the room around it, a click marker for tiny island states, and the neighbouring land
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
# Room a two-letter bold code takes at the font size africa.py sets (11 units), padding included.
LABEL_BOX = (18.0, 11.0)
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
    lonlat = [[geo.to_lonlat(p, topology["transform"]) for p in arc] for arc in quantized]
    geometries = _geometries_by_code(topology["objects"]["countries"]["geometries"])
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
        "context": path_data(context_rings),
    }


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
    entry: dict = {"d": path_data(kept)}
    anchor = _label_anchor(kept)
    if anchor:
        entry["label"] = [round(anchor[0], 1), round(anchor[1], 1)]
    if code in ISLAND_STATES:
        xs = [p[0] for ring in kept for p in ring]
        ys = [p[1] for ring in kept for p in ring]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        radius = max(9.0, max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 4)
        entry["marker"] = [round(cx, 1), round(cy, 1), round(radius, 1)]
    return entry


def _label_anchor(rings: list[geo.Ring]) -> geo.Point | None:
    """The most central point where a code fits: the pole of inaccessibility if the box fits
    there, else the roomiest point on a one-unit grid where it does (long thin Western Sahara)."""
    best, _room = geo.label_point(rings)
    if geo.box_fits(best, *LABEL_BOX, rings):
        return best
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    candidates = [
        (float(x), float(y))
        for x in range(int(min(xs)), int(max(xs)) + 1)
        for y in range(int(min(ys)), int(max(ys)) + 1)
        if geo.box_fits((x, y), *LABEL_BOX, rings)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (geo.edge_distance(p, rings), -p[1], -p[0]))


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
