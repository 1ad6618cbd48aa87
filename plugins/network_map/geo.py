"""Plane geometry for the Africa map: TopoJSON decoding, projection, simplification.

Used twice: by ``data/prepare.py`` once, when the vendored Natural Earth shapes are turned into
``data/africa.json``, and by ``africa.py`` at every build, only to project the points given as
latitude/longitude. Pure Python, no dependency, so the build needs nothing compiled.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in map units

# Lambert azimuthal equal-area centred on the middle of Africa's extent from Cabo Verde
# (25°W) to Mauritius (57°E) and from Tunisia (37°N) to the Cape (35°S). Equal-area because a
# choropleth asks the eye to compare shaded surfaces: with equirectangular, Tunisia would look
# about 20 % bigger relative to Congo than it is. Centred, the shape distortion stays small.
CENTRE_LON = 16.0
CENTRE_LAT = 1.0


def project(lon: float, lat: float, lon0: float = CENTRE_LON, lat0: float = CENTRE_LAT) -> Point:
    """Lambert azimuthal equal-area on the unit sphere; y grows northward (flip it for SVG)."""
    lam, phi = math.radians(lon - lon0), math.radians(lat)
    phi0 = math.radians(lat0)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    if cos_c <= -1.0 + 1e-12:
        raise ValueError(f"({lat}, {lon}) is the antipode of the projection centre")
    k = math.sqrt(2.0 / (1.0 + cos_c))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """Undo TopoJSON's delta encoding; positions stay quantized integers so that shared
    endpoints compare exactly (needed to stitch merged rings)."""
    if "transform" not in topology:
        raise ValueError("only quantized TopoJSON (with a transform) is supported")
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        positions = []
        for dx, dy in arc:
            x += dx
            y += dy
            positions.append((x, y))
        decoded.append(positions)
    return decoded


def to_lonlat(position: tuple[int, int], transform: dict) -> Point:
    """Quantized position → (longitude, latitude) with the topology's transform."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    return position[0] * sx + tx, position[1] * sy + ty


def ring_arcs(arc_refs: Sequence[int], arcs: Sequence[Sequence]) -> list:
    """Concatenate a ring's arcs; a negative reference ~i means arc i reversed. Consecutive arcs
    share their joining point, which is kept once."""
    points: list = []
    for ref in arc_refs:
        arc = arcs[ref] if ref >= 0 else list(reversed(arcs[~ref]))
        points.extend(arc if not points else arc[1:])
    return points


def merge_polygons(polygons: Iterable[Sequence[Sequence[int]]], arcs: Sequence[Sequence]) -> list[list]:
    """Outer rings of polygons that share borders, dissolved into rings without those borders
    (Natural Earth draws Somaliland apart; ISO 3166 counts it in Somalia). Holes are not kept:
    the merged shapes have none."""
    refs = [ref for polygon in polygons for ref in polygon[0]]
    used = {}
    for ref in refs:
        index = ref if ref >= 0 else ~ref
        used[index] = used.get(index, 0) + 1
    pieces = [ring_arcs([ref], arcs) for ref in refs if used[ref if ref >= 0 else ~ref] == 1]
    by_start = {}
    for piece in pieces:
        by_start.setdefault(piece[0], []).append(piece)
    rings = []
    while by_start:
        start = min(by_start)
        ring = list(by_start[start].pop())
        if not by_start[start]:
            del by_start[start]
        while ring[-1] != ring[0]:
            following = by_start[ring[-1]]
            piece = following.pop()
            if not following:
                del by_start[ring[-1]]
            ring.extend(piece[1:])
        rings.append(ring)
    return rings


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative. Endpoints are always kept, so arcs shared by two countries
    simplify the same way for both and borders still meet. A closed arc (an island) is split at
    its farthest point first so that it keeps at least three corners."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:
        far = max(range(1, len(points) - 1), key=lambda i: _dist2(points[i], points[0]))
        first = simplify(points[: far + 1], tolerance)
        second = simplify(points[far:], tolerance)
        ring = first + second[1:]
        if len(ring) < 4:
            third = max(
                range(1, len(points) - 1), key=lambda i: _seg_dist2(points[i], points[0], points[far])
            )
            ring = sorted({0, far, third, len(points) - 1})
            ring = [points[i] for i in ring]
        return ring
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        lo, hi = stack.pop()
        best, best_d = -1, limit
        for i in range(lo + 1, hi):
            d = _seg_dist2(points[i], points[lo], points[hi])
            if d > best_d:
                best, best_d = i, d
        if best >= 0:
            keep[best] = True
            stack.append((lo, best))
            stack.append((best, hi))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(ring: Sequence[Point]) -> float:
    """Signed shoelace area; the sign tells the winding."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in _edges(ring))


def clip_ring(ring: Sequence[Point], box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman clipping of a ring to an axis-aligned box (x0, y0, x1, y1), for the
    neighbouring land drawn as context around Africa."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    ]
    out = list(ring)
    for inside, cross in edges:
        source, out = out, []
        for i, current in enumerate(source):
            previous = source[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        if not out:
            break
    return out


def point_in_rings(point: Point, rings: Sequence[Sequence[Point]]) -> bool:
    """Even-odd rule over all rings, so holes (Lesotho inside South Africa) count as outside."""
    x, y = point
    inside = False
    for ring in rings:
        for (xa, ya), (xb, yb) in _edges(ring):
            if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
                inside = not inside
    return inside


def label_point(rings: Sequence[Sequence[Point]], steps: int = 4) -> tuple[Point, float]:
    """A point well inside the shape and its distance to the nearest edge (how much room a
    label has). Coarse-to-fine grid search: the centroid falls outside crescent-shaped
    countries such as Gambia or Mozambique."""
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half_w, half_h = (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2
    best, best_room = (cx, cy), -1.0
    for _ in range(steps):
        n = 16
        for i in range(n + 1):
            for j in range(n + 1):
                p = (cx - half_w + 2 * half_w * i / n, cy - half_h + 2 * half_h * j / n)
                if point_in_rings(p, rings):
                    room = edge_distance(p, rings)
                    if room > best_room:
                        best, best_room = p, room
        cx, cy = best
        half_w, half_h = half_w / 4, half_h / 4
    return best, max(best_room, 0.0)


def box_fits(centre: Point, width: float, height: float, rings: Sequence[Sequence[Point]]) -> bool:
    """Whether a width × height box (a label's extent) centred on ``centre`` lies inside the
    shape: the centre is inside and no edge of the shape enters the box."""
    if not point_in_rings(centre, rings):
        return False
    box = (centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2)
    return not any(segment_meets_box(a, b, box) for ring in rings for a, b in _edges(ring))


def segment_meets_box(a: Point, b: Point, box: tuple[float, float, float, float]) -> bool:
    """Liang–Barsky: does segment ab have a part inside the box?"""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - box[0]), (dx, box[2] - a[0]), (-dy, a[1] - box[1]), (dy, box[3] - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def edge_distance(point: Point, rings: Sequence[Sequence[Point]]) -> float:
    """Distance from a point to the nearest edge of the shape."""
    return math.sqrt(min(_seg_dist2(point, a, b) for ring in rings for a, b in _edges(ring)))


def _edges(ring: Sequence[Point]) -> Iterable[tuple[Point, Point]]:
    """Consecutive corner pairs of a ring, the closing edge included."""
    return zip(ring, [*ring[1:], *ring[:1]], strict=True)


def _dist2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _seg_dist2(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return _dist2(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return _dist2(p, (a[0] + t * dx, a[1] + t * dy))


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


# -- boxes: the map's views, the countries' extents, the labels' pills ----------------------------------------

def box_of(centre: Point, width: float, height: float) -> Box:
    return centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2


def grown(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def overlap(a: Box, b: Box) -> bool:
    """Whether the two boxes share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def in_box(point: Point, box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
