"""Inline-SVG maps of Africa, drawn at build time from the committed africa.json: the whole continent
and zoomed views of its regions, each country shaded by a count, labelled and linked.

Pure and deterministic (same arguments, same bytes): no Pelican import, no I/O besides reading the
data file once. The caller passes names already in the reader's language and the links to its own
pages; this module only draws. Shapes are written once, in a hidden `<defs>` (`Drawn.defs`), and
each view (`Drawn.views`) shows them through `<use>` with its own `viewBox`, so five zoomed views
cost little more than one map. Colours and sizes come from map.css through the classes `map-land`,
`map-b0`…`map-b4`, `map-out`, `map-context`, `map-borders`, `map-disputed`, `map-marker`,
`map-points`, `map-leader`, `map-pill`, `map-count`; the SVG holds no style, script, event handler
or external reference, so it works from file:// and without JavaScript.

What a finger taps: each labelled country's label (a pill at least 24 CSS px square on a 360 px
phone, see labels.py), and the country's shape as well where that shape is at least as large. Both
are links to the same page; the shape's link is left out of the tab order and hidden from
assistive technology so that a keyboard or screen reader meets each country once.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from . import geo, labels, regions
from .geo import Box, in_box, overlap

DATA = Path(__file__).with_name("data") / "africa.json"
DEFAULT_BREAKS = (2, 5, 10)  # buckets: 0 | 1 | 2–4 | 5–9 | 10+
POINT_PX = 4.0  # radius of an organisation's dot, in CSS px at the reference width
CONTINENT_LABELS = 24  # at most this many labels on the whole continent (see _view)
MARKER_PX = 6.0  # smallest radius of the ring around a tiny island state, in CSS px at the reference width
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_SCHEMES = {"", "http", "https", "mailto"}



@functools.cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def country_codes() -> list[str]:
    """ISO 3166-1 alpha-2 codes of the countries drawn (54 African UN members and EH), sorted;
    a caller with counts for other countries filters with this list."""
    return sorted(_data()["countries"])


def frame() -> Box:
    data = _data()
    return 0.0, 0.0, float(data["width"]), float(data["height"])


def country_box(code: str) -> Box:
    return tuple(_data()["countries"][code]["box"])


def region_box(codes) -> Box:
    """The view of a group of countries (a region, or one country's region)."""
    return regions.view_box([country_box(c) for c in sorted(codes)], frame())


@dataclass(frozen=True)
class View:
    """One picture of the map: `box` is its viewBox; `members` are drawn at full strength and
    labelled (None: every country); `slug` makes its ids unique; `title` names it."""

    slug: str
    title: str
    box: Box
    members: frozenset[str] | None = None


@dataclass(frozen=True)
class Drawn:
    defs: str  # the hidden <svg> with the shapes; must be in the page before or after the views
    views: tuple[str, ...]  # one <svg> per View, in the order given
    labelled: tuple[tuple[str, ...], ...]  # per view, the codes whose label found room
    unlabelled: tuple[tuple[str, ...], ...]  # per view, counted members left without a label


def bucket_of(count: int, breaks: tuple[int, int, int] = DEFAULT_BREAKS) -> int:
    """Shade bucket 0–4 for a count: 0 is none, 1 is up to breaks[0]−1, 4 is breaks[2] and up."""
    if count < 0:
        raise ValueError(f"network_map: a count cannot be negative ({count})")
    if count == 0:
        return 0
    return 1 + sum(count >= b for b in breaks)


def bucket_labels(breaks: tuple[int, int, int] = DEFAULT_BREAKS) -> list[tuple[str, str]]:
    """(CSS class, range text) per bucket, e.g. ("map-b2", "2–4"); figures only, so they read
    the same in French and English, for the caller's legend."""
    _check_breaks(breaks)
    bounds = [1, *breaks]
    out = [("map-b0", "0")]
    for i, (low, high) in enumerate(pairwise(bounds), start=1):
        out.append((f"map-b{i}", str(low) if high - 1 == low else f"{low}–{high - 1}"))
    out.append(("map-b4", f"{breaks[-1]}+"))
    return out


def project_point(lat: float, lon: float) -> tuple[float, float]:
    """Latitude/longitude in degrees → (x, y) in the map's units."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"network_map: ({lat}, {lon}) is not a latitude/longitude pair")
    p = _data()["projection"]
    x, y = geo.project(lon, lat, p["lon0"], p["lat0"])
    return (x - p["x_offset"]) * p["scale"] + p["margin"], (p["y_top"] - y) * p["scale"] + p["margin"]


def draw(
    counts: dict[str, int],
    *,
    href: dict[str, str],
    names: dict[str, str],
    views: list[View],
    desc: str,
    points: list[dict] | None = None,
    id_prefix: str = "map",
    breaks: tuple[int, int, int] = DEFAULT_BREAKS,
    tooltip: str = "{name}: {count}",
    display: dict[str, str] | None = None,
) -> Drawn:
    """The map's shapes once and each view of it.

    counts: entries per alpha-2 code; codes absent count 0, codes not on the map are an error.
    Every counted country is labelled "Name N" (N from `display`, else the number) and linked to
    `href[code]` (required for each). names: the reader-language name of every country of
    country_codes(). points: dicts with lat and lon, drawn as dots (not links: the caller's list
    is the way to them); points outside a view are left out of it. tooltip: the label link's
    accessible name, with {name} and {count} ("{name} : {count}" in French typography).
    """
    data = _data()
    _check_arguments(data, counts, href, names, id_prefix, breaks, views)
    display = display or {}
    shown = set()
    for view in views:
        shown |= {c for c in data["countries"] if overlap(country_box(c), view.box)}
    drawn, labelled, unlabelled = [], [], []
    located = [_located(point) for point in points or []]
    for view in views:
        svg, placed, missing = _view(view, desc, counts, href, names, located, id_prefix, breaks, tooltip, display)
        drawn.append(svg)
        labelled.append(placed)
        unlabelled.append(missing)
    return Drawn(_defs(shown, counts, id_prefix, breaks), tuple(drawn), tuple(labelled), tuple(unlabelled))


def _defs(shown: set[str], counts: dict, prefix: str, breaks: tuple) -> str:
    data = _data()
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" class="map-defs" width="0" height="0" aria-hidden="true"'
             ' focusable="false"><defs>',
             f'<path id="{prefix}-context" class="map-context" d="{data["context"]}"/>',
             f'<g id="{prefix}-land">']
    for code in sorted(shown):
        shade = f"map-b{bucket_of(counts.get(code, 0), breaks)}"
        parts.append(f'<path id="{prefix}-{code}" class="map-land {shade}" d="{data["countries"][code]["d"]}"/>')
    parts.append("</g>")
    parts.append(f'<path id="{prefix}-borders" class="map-borders" d="{data["borders"]}"/>')
    parts.append(f'<path id="{prefix}-disputed" class="map-disputed" d="{data["disputed"]}"/>')
    parts.append("</defs></svg>")
    return "".join(parts)


def _view(view: View, desc: str, counts: dict, href: dict, names: dict, points: list, prefix: str, breaks: tuple,
          tooltip: str, display: dict) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    data = _data()
    x0, y0, x1, y1 = view.box
    u = labels.unit(view.box)
    ids = f"{prefix}-{view.slug}"
    members = view.members
    out = ' class="map-out"' if members is not None else ""
    in_view = [c for c in sorted(data["countries"]) if overlap(country_box(c), view.box)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(x0)} {_n(y0)} {_n(x1 - x0)} {_n(y1 - y0)}"'
        f' class="map" role="group" aria-labelledby="{ids}-title {ids}-desc">',
        f'<title id="{ids}-title">{_text(view.title)}</title>',
        f'<desc id="{ids}-desc">{_text(desc)}</desc>',
        f'<use href="#{prefix}-context"/>',
        f'<use href="#{prefix}-land"{out}/>',
    ]
    for code in in_view:
        if members is not None and code in members:
            parts.append(f'<use href="#{prefix}-{code}"/>')
    parts.append(f'<use href="#{prefix}-borders"/><use href="#{prefix}-disputed"/>')
    for code in in_view:
        shape = data["countries"][code]
        if "marker" in shape and (members is None or code in members):
            cx, cy, r = shape["marker"]
            shade = f"map-b{bucket_of(counts.get(code, 0), breaks)}"
            parts.append(f'<circle class="map-marker {shade}" cx="{cx:g}" cy="{cy:g}"'
                         f' r="{_n(max(r, MARKER_PX * u))}"/>')
    dots = [p for p in points if x0 <= p[0] <= x1 and y0 <= p[1] <= y1]
    if dots:
        parts.append('<g class="map-points">')
        parts += [f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(POINT_PX * u)}"/>' for x, y in dots]
        parts.append("</g>")
    counted = [c for c in in_view if counts.get(c, 0) > 0 and (members is None or c in members)]
    wanted = [
        labels.Wanted(code, names[code], display.get(code, str(counts[code])), tuple(shape["label"]),
                      shape["room"], tuple(shape["box"]))
        for code in counted
        for shape in (data["countries"][code],)
        if in_box(tuple(shape["label"]), view.box)
    ]
    if members is None and len(wanted) > CONTINENT_LABELS:
        # A 328 px continent holds about this many names; the most counted get them, the others their
        # region's view (the caller lists them), and the layout stays quick (2.4 s for 55, 0.4 s for 24).
        first = sorted(wanted, key=lambda w: (-counts[w.code], w.code))[:CONTINENT_LABELS]
        chosen = [w for w in wanted if w in first]
    else:
        chosen = wanted
    placed = {label.code: label for label in labels.layout(chosen, view.box, dots)}
    hits = {c for c in counted if _big_enough(c, u)}
    for code in _link_order(counted, placed, hits):
        title = tooltip.format(name=names[code], count=counts[code])
        parts.append(_link(href[code], title, f"{prefix}-{code}" if code in hits else None, placed.get(code), u))
    parts.append("</svg>")
    missing = tuple(w.code for w in wanted if w.code not in placed)
    return "\n".join(parts), tuple(w.code for w in wanted if w.code in placed), missing


def _link_order(codes: list[str], placed: dict, hits: set[str]) -> list[str]:
    """The order to draw the countries' links in, and `hits` reduced to the shapes that may be tap
    targets. A link holds its country's shape (a transparent overlay, `hits`) and its label; SVG
    paints and hit-tests in document order, so a label lying over another linked shape must come
    after that shape. A cycle (two labels each over the other's country) is broken by leaving a
    shape out of its link: its label stays the way in. Links without either are left out."""
    after: dict[str, set[str]] = {c: set() for c in codes}  # c -> the codes whose shapes c's label covers
    for code, label in placed.items():
        for other in hits:
            if other != code and _pill_meets_shape(label.box, other):
                after[code].add(other)
    order: list[str] = []
    remaining = [c for c in codes if c in placed or c in hits]
    while remaining:
        ready = [c for c in remaining if not (after[c] & set(remaining) & hits)]
        if not ready:
            # A cycle: the smallest code among the shapes still in the way loses its tap target.
            blocking = sorted(set().union(*(after[c] for c in remaining)) & set(remaining) & hits)
            hits.discard(blocking[0])
            continue
        order.append(ready[0])
        remaining.remove(ready[0])
    return [c for c in order if c in placed or c in hits]


def _link(link: str, title: str, hit: str | None, label: labels.Placed | None, u: float) -> str:
    inner = [f"<title>{_text(title)}</title>"]
    if hit:
        inner.append(f'<use class="map-hit" href="#{hit}"/>')
    if label:
        inner.append(_label(label, u))
    return f'<a href="{_attr(link)}">{"".join(inner)}</a>'


def _label(label: labels.Placed, u: float) -> str:
    x0, y0, _x1, _y1 = label.box
    cx, cy = label.centre
    inner = []
    if label.leader:
        ax, ay = label.leader
        inner.append(f'<path class="map-leader" d="M{_n(ax)} {_n(ay)}L{_n(cx)} {_n(cy)}"/>'
                     f'<circle class="map-leader" cx="{_n(ax)}" cy="{_n(ay)}" r="{_n(2 * u)}"/>')
    # Baselines: the text block is centred in the pill; "central" puts each line's middle on its y.
    first = cy - (len(label.lines) - 1) * label.line / 2
    spans = []
    for i, line in enumerate(label.lines):
        text = _text(line)
        if i == len(label.lines) - 1:
            text += f' <tspan class="map-count">{_text(label.count)}</tspan>'
        spans.append(f'<tspan x="{_n(cx)}" y="{_n(first + i * label.line)}">{text}</tspan>')
    # Rounded outward to the tenth of a unit written, so that a 24 px pill never draws at 23.98 px.
    left, top = math.floor(x0 * 10) / 10, math.floor(y0 * 10) / 10
    width, height = math.ceil((x0 + label.width - left) * 10) / 10, math.ceil((y0 + label.height - top) * 10) / 10
    inner.append(f'<g class="map-pill"><rect x="{_n(left)}" y="{_n(top)}" width="{_n(width)}"'
                 f' height="{_n(height)}" rx="{_n(4 * u)}"/>'
                 f'<text font-size="{_n(label.font)}">{"".join(spans)}</text></g>')
    return "".join(inner)


@functools.cache
def _rings(code: str) -> list[list[tuple[float, float]]]:
    """A country's rings read back from its path data (M x y, relative l, z)."""
    rings = []
    for match in re.finditer(r"M([^l]+)l([^z]*)z", _data()["countries"][code]["d"]):
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", match.group(1) + " " + match.group(2))]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _pill_meets_shape(box: Box, code: str) -> bool:
    """Whether a label's box touches a country's shape: an edge crosses it, or one holds the other."""
    if not overlap(box, country_box(code)):
        return False
    rings = _rings(code)
    if geo.point_in_rings(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), rings):
        return True
    if any(in_box(p, box) for ring in rings for p in ring[:1]):
        return True
    edges = ((a, b) for ring in rings for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))
    return any(geo.segment_meets_box(a, b, box) for a, b in edges)


def _big_enough(code: str, u: float) -> bool:
    """Whether the country's shape is a fair tap target on its own at the reference width."""
    x0, y0, x1, y1 = country_box(code)
    return min(x1 - x0, y1 - y0) / u >= labels.TARGET_PX


def _located(point: dict) -> tuple[float, float]:
    missing = {"lat", "lon"} - set(point)
    if missing:
        raise ValueError(f"network_map: point {point!r} lacks {', '.join(sorted(missing))}")
    return project_point(float(point["lat"]), float(point["lon"]))


def _check_arguments(data: dict, counts: dict, href: dict, names: dict, prefix: str, breaks: tuple,
                     views: list) -> None:
    """Every problem at once, in one ValueError, so a caller fixes them in one go."""
    problems = []
    known = data["countries"]
    unknown = sorted(set(counts) - set(known))
    if unknown:
        problems.append(f"codes not on the map: {', '.join(map(str, unknown))}")
    bad = sorted(c for c, n in counts.items() if not isinstance(n, int) or isinstance(n, bool) or n < 0)
    if bad:
        problems.append(f"counts must be integers ≥ 0: {', '.join(map(str, bad))}")
    unlinked = sorted(
        c for c, n in counts.items() if c in known and isinstance(n, int) and n > 0 and not href.get(c)
    )
    if unlinked:
        problems.append(f"no href for counted countries: {', '.join(unlinked)}")
    unnamed = sorted(c for c in known if not names.get(c))
    if unnamed:
        problems.append(f"no name for: {', '.join(unnamed)}")
    if not _ID.match(prefix):
        problems.append(f"id_prefix {prefix!r} is not a plain identifier")
    if not views:
        problems.append("no view to draw")
    slugs = [v.slug for v in views]
    if len(set(slugs)) != len(slugs) or not all(_ID.match(s) for s in slugs):
        problems.append(f"view slugs must be distinct plain identifiers: {slugs}")
    try:
        _check_breaks(breaks)
    except ValueError as error:
        problems.append(str(error).removeprefix("network_map: "))
    for code, link in sorted(href.items()):
        try:
            _check_href(link)
        except ValueError as error:
            problems.append(f"{code}: {str(error).removeprefix('network_map: ')}")
    if problems:
        raise ValueError("network_map: " + "; ".join(problems))


def _check_breaks(breaks: tuple) -> None:
    if len(breaks) != 3 or not 1 < breaks[0] < breaks[1] < breaks[2]:
        raise ValueError(f"network_map: breaks must be three rising integers above 1, not {breaks!r}")


def _check_href(link: str) -> None:
    scheme = urlsplit(link.strip()).scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        raise ValueError(f"network_map: href {link!r} uses the scheme {scheme!r}")


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(value: object) -> str:
    text = str(value)
    if _CONTROL.search(text):
        raise ValueError(f"network_map: control character in {text!r} (not allowed in XML)")
    return escape(text, quote=True)


def _attr(value: str) -> str:
    return _text(value)
