"""Where each country's label goes on one view of the map, so that labels are readable on a phone.

The layout is made for the narrowest map a reader meets, REFERENCE_WIDTH CSS pixels (a 360 px
phone minus the page's margins): at that width a label's text is FONT_PX pixels and its pill, the
tap target, at least TARGET_PX pixels square. On wider screens the stylesheet shrinks each label
around its own centre (never below those sizes), so a layout free of overlaps at 328 px stays free
of them. The build has no font: text is measured with the advance widths of DejaVu Sans, the widest
of the usual system sans-serif fonts (Roboto, San Francisco, Segoe UI and Noto Sans set the same
names narrower), so that a pill is never too short for its text.

Each label has candidate places: on its own country when the country is big enough, else around it
at growing distances in ANGLES directions, joined to it by a leader line; on one line, on two, or,
last, as the country's ISO code (the link's accessible name and the list under the map still give
the name). A candidate never hides another labelled country's anchor and stays inside the view.
A greedy start (most cramped country first) is improved by simulated annealing with a fixed seed
(deterministic: same input, same bytes), which minimises leader length and penalises overlapping
labels, leader lines through labels, crossing leader lines, hidden organisation dots, two-line
labels and codes. Labels still overlapping at the end are left out, and the caller says so.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import geo
from .geo import Box, Point, box_of, grown, in_box, overlap, union

REFERENCE_WIDTH = 328.0  # CSS px: a 360 px screen minus the 16 px margins of the page on each side
FONT_PX = 13.0  # the label's text at the reference width (the floor asked for is 12)
LINE_PX = 16.0  # line height of a two-line label
TARGET_PX = 24.0  # smallest side of a label's pill: the WCAG 2.2 minimum target size
PAD_PX = 6.0  # room on each side of the text inside the pill
GAP_PX = 3.0  # between two labels
MARGIN_PX = 2.0  # between a label and the edge of the view
# Advance widths of DejaVu Sans Book in thousandths of an em (digits of the count: Bold, 696), by
# character; letters with diacritics measure as their base letter; anything else as OTHER_EM.
_WIDTHS = {
    278: "ijlI", 295: "IJ", 318: " .,’\u00a0\u202f", 352: "f", 361: "-", 390: "()", 392: "t", 411: "r",
    521: "s", 525: "z", 550: "c", 557: "L", 575: "F", 579: "k", 592: "vxy", 603: "P", 611: "TY",
    612: "o", 613: "a", 615: "e", 632: "E", 634: "hnu", 635: "bdgpqS", 636: "0123456789", 656: "K",
    684: "AV", 685: "XZ", 686: "B", 695: "R", 698: "C", 732: "U", 748: "N", 752: "H", 770: "D",
    775: "G", 787: "OQ", 818: "w", 863: "M", 974: "m", 989: "W",
}
EM = {ch: width / 1000 for width, chars in _WIDTHS.items() for ch in chars}
OTHER_EM = 0.7
BOLD_DIGIT_EM = 0.696
ANGLES = 24  # directions tried around a country for a label with a leader line
FAR_PX = (130.0, 165.0, 200.0, 240.0)  # further distances, when nothing nearer is free
# Costs, in CSS px of leader line: what a reader loses with each flaw of a layout.
OVERLAP_COST = 2000.0  # two labels on each other (never kept)
THROUGH_COST = 800.0  # a leader line under another label (never kept)
CROSSING_COST = 60.0  # two leader lines crossing
DOT_COST = 12.0  # an organisation dot under a label
TWO_LINES_COST = 15.0
CODE_COST = 150.0
FAR_COST = 40.0  # a label beyond GAPS_PX
HARD = THROUGH_COST  # a pair cost at least this is a collision
ITERATIONS_PER_LABEL = 1500
MAX_ITERATIONS = 30000
GAPS_PX = (4.0, 10.0, 18.0, 28.0, 40.0, 55.0, 75.0, 100.0)  # distances tried between a country and its label
BREAK_AFTER = 9  # characters: longer names may go on two lines when one line finds no room



@dataclass(frozen=True)
class Wanted:
    """A label to place: `name` (the country in the reader's language) and `count` as text."""

    code: str
    name: str
    count: str
    anchor: Point  # a point well inside the country (data/prepare.py)
    room: float  # distance from the anchor to the country's nearest edge, in map units
    box: Box  # the country's bounding box, in map units


@dataclass(frozen=True)
class Placed:
    code: str
    lines: tuple[str, ...]  # the name's lines; the count follows the last one
    count: str
    centre: Point
    width: float
    height: float
    font: float  # font size in map units
    line: float  # line height in map units
    leader: Point | None  # the anchor a leader line starts from, or None when the label sits on its country

    @property
    def box(self) -> Box:
        return box_of(self.centre, self.width, self.height)


class _Option:
    """A candidate place of a label, with what pair costs need precomputed."""

    __slots__ = ("box", "close", "cost", "extent", "label", "leader")

    def __init__(self, label: Placed, cost: float, gap: float) -> None:
        self.label, self.cost = label, cost
        self.box = grown(label.box, gap)  # the pill and the gap kept around it
        self.leader = (label.leader, label.centre) if label.leader else None
        xs = [self.box[0], self.box[2]] + ([label.leader[0]] if label.leader else [])
        ys = [self.box[1], self.box[3]] + ([label.leader[1]] if label.leader else [])
        self.extent = (min(xs), min(ys), max(xs), max(ys))
        self.close: dict[_Option, float] = {}  # _pair_close with the options met so far (see _anneal)


def unit(view: Box) -> float:
    """Map units per CSS pixel when the view is drawn REFERENCE_WIDTH pixels wide."""
    return (view[2] - view[0]) / REFERENCE_WIDTH


#: Where layouts are kept between builds: a `content_model.cache.Cache`, set by the generator (None: not kept).
CACHE: list = [None]
# A new layout code (this file, or the geometry it calls) never reads an old layout.
_VERSION = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes()
                                   for name in ("labels.py", "geo.py"))).digest()
_MEMO: dict[bytes, list[Placed]] = {}


def layout(wanted: list[Wanted], view: Box, dots: list[Point] = ()) -> list[Placed]:
    """A placement for every label that finds room, in the order of `wanted`; the others are left
    out (with every country of a region counted, a region view finds room for all of its
    countries, which the tests check).

    The same labels on the same view give the same layout: it is computed once per build (a paginated list
    shows one map on every page) and kept in the build's cache by its inputs, so a rebuild lays out only the
    maps whose countries, names or counts changed."""
    if not wanted:
        return []
    key = hashlib.sha256(_VERSION + repr((wanted, view, tuple(dots))).encode()).digest()
    found = _MEMO.get(key)
    if found is None:
        cache = CACHE[0]
        record = cache.get_record("map-labels", key) if cache is not None else None
        if record is not None:
            found = [_placed(item) for item in json.loads(record)]
        else:
            found = _layout(wanted, view, dots)
            if cache is not None:
                cache.put_record("map-labels", key, json.dumps([_plain(p) for p in found]).encode())
        _MEMO[key] = found
    return found


def _plain(label: Placed) -> list:
    return [label.code, list(label.lines), label.count, list(label.centre), label.width, label.height, label.font,
            label.line, list(label.leader) if label.leader else None]


def _placed(item: list) -> Placed:
    code, lines, count, centre, width, height, font, line, leader = item
    return Placed(code, tuple(lines), count, tuple(centre), width, height, font, line,
                  tuple(leader) if leader else None)


def _layout(wanted: list[Wanted], view: Box, dots: list[Point]) -> list[Placed]:
    u = unit(view)
    frame = (view[0] + MARGIN_PX * u, view[1] + MARGIN_PX * u, view[2] - MARGIN_PX * u, view[3] - MARGIN_PX * u)
    anchors = {w.code: w.anchor for w in wanted}
    cx = sum(w.anchor[0] for w in wanted) / len(wanted)
    cy = sum(w.anchor[1] for w in wanted) / len(wanted)
    grid = _Grid(dots, 24 * u)
    others = _Grid(list(anchors.values()), 24 * u, tags=list(anchors))
    if len(wanted) == 1:  # nothing to share the map with: its cheapest place
        w = wanted[0]
        best = _cheapest(w, others, grid, frame, u, math.atan2(w.anchor[1] - cy, w.anchor[0] - cx))
        return [best.label] if best is not None else []
    options = {w.code: _options(w, others, grid, frame, u, math.atan2(w.anchor[1] - cy, w.anchor[0] - cx))
               for w in wanted}
    codes = sorted((w.code for w in wanted if options[w.code]),
                   key=lambda c: (next(w.room for w in wanted if w.code == c), c))
    state = _greedy(codes, options)
    state = _anneal(codes, options, state)
    kept = _without_collisions(codes, options, state)
    return [options[w.code][kept[w.code]].label for w in wanted if w.code in kept]


class _Grid:
    """Points in square cells, to find those in a box without looking at every organisation (or country) of
    the map. Points may come with tags: the country each anchor belongs to."""

    def __init__(self, points, cell: float, tags=None) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[Point, object]]] = {}
        for point, tag in zip(points, tags if tags is not None else [None] * len(points), strict=True):
            self.cells.setdefault((int(point[0] // cell), int(point[1] // cell)), []).append((point, tag))

    def _near(self, box: Box) -> list[tuple[Point, object]]:
        c, cells = self.cell, self.cells
        found: list[tuple[Point, object]] = []
        for i in range(int(box[0] // c), int(box[2] // c) + 1):
            for j in range(int(box[1] // c), int(box[3] // c) + 1):
                items = cells.get((i, j))
                if items:
                    found += items
        return found

    def count_in(self, box: Box) -> int:
        if not self.cells:
            return 0
        x0, y0, x1, y1 = box
        return sum(1 for (x, y), _ in self._near(box) if x0 <= x <= x1 and y0 <= y <= y1)

    def any_in(self, box: Box, but: object) -> bool:
        """Whether a point tagged otherwise than `but` lies in `box`."""
        x0, y0, x1, y1 = box
        return any(tag != but and x0 <= x <= x1 and y0 <= y <= y1 for (x, y), tag in self._near(box))


def _candidates(w: Wanted, frame: Box, u: float, outward: float):
    """Every candidate place of one label, with the part of its cost that needs no other point of the map (the
    organisation dots under it are added by `_costed`), in a fixed order."""
    names = _variants(w)
    for lines in names:
        label = _sized(w, lines, w.anchor, None, u)
        if _fits_inside(label, w, u):
            yield label, TWO_LINES_COST * (len(lines) - 1)
    for lines in [*names, (w.code,)]:
        extra = CODE_COST if lines == (w.code,) else TWO_LINES_COST * (len(lines) - 1)
        probe = _sized(w, lines, w.anchor, w.anchor, u)
        half_w, half_h = probe.width / 2, probe.height / 2
        for gap in (*GAPS_PX, *FAR_PX):
            for k in range(ANGLES):
                angle = 2 * math.pi * k / ANGLES
                dx, dy = math.cos(angle), math.sin(angle)
                # How far the centre must be for the pill's edge to be `gap` away in this direction.
                exit_ = min(half_w / abs(dx) if abs(dx) > 1e-9 else math.inf,
                            half_h / abs(dy) if abs(dy) > 1e-9 else math.inf)
                t = exit_ + gap * u
                centre = _clamped((w.anchor[0] + dx * t, w.anchor[1] + dy * t), probe, frame)
                label = Placed(w.code, lines, w.count, centre, probe.width, probe.height, probe.font, probe.line,
                               w.anchor)  # the probe's size: it does not depend on where the label goes
                if in_box(w.anchor, grown(label.box, 3 * u)):
                    continue
                # Leader length, a nudge away from the crowd, a penalty for going far.
                yield label, (extra + math.dist(w.anchor, centre) / u + 4 * _turn(angle, outward)
                              + (FAR_COST if gap > GAPS_PX[-1] else 0))


def _costed(label: Placed, cost: float, anchors: _Grid, dots: _Grid, frame: Box, u: float) -> float | None:
    """The whole cost of a candidate (its own plus the dots under it), None where it may not go."""
    if not _allowed(label, anchors, frame, u):
        return None
    return cost + DOT_COST * dots.count_in(grown(label.box, 3 * u))


def _ranked(costed, u: float) -> list[tuple[Placed, float]]:
    """The candidates that may go, cheapest first; of those on the same spot with the same lines, the cheapest
    (the first of equals). `costed`: (label, whole cost or None) in `_candidates` order."""
    found: dict[tuple, tuple[Placed, float]] = {}
    for label, cost in costed:
        if cost is None:
            continue
        key = (label.lines, round(label.centre[0] / u), round(label.centre[1] / u))
        if key not in found or cost < found[key][1]:
            found[key] = (label, cost)
    return sorted(found.values(), key=lambda o: (o[1], o[0].centre))


def _options(w: Wanted, anchors: _Grid, dots: _Grid, frame: Box, u: float, outward: float) -> list[_Option]:
    """Every candidate place of one label with its own cost, cheapest first."""
    ranked = _ranked(((label, _costed(label, cost, anchors, dots, frame, u))
                      for label, cost in _candidates(w, frame, u, outward)), u)
    return [_Option(label, cost, GAP_PX * u) for label, cost in ranked]


def _cheapest(w: Wanted, anchors: _Grid, dots: _Grid, frame: Box, u: float, outward: float) -> _Option | None:
    """The first of `_options`, without the whole cost of every candidate: a map with one label (a country's
    page) takes its cheapest place, and a candidate whose own cost is above the cheapest whole cost found so far
    cannot be it (the dots only add). The candidates looked at are then ranked as `_options` ranks them, in
    their first order: the same label, in a third of the time."""
    everything = list(_candidates(w, frame, u, outward))
    whole: dict[int, float | None] = {}
    best = math.inf
    for i in sorted(range(len(everything)), key=lambda i: everything[i][1]):
        label, cost = everything[i]
        if cost > best:
            break
        whole[i] = _costed(label, cost, anchors, dots, frame, u)
        if whole[i] is not None and whole[i] < best:
            best = whole[i]
    ranked = _ranked(((everything[i][0], whole[i]) for i in sorted(whole)), u)
    return _Option(ranked[0][0], ranked[0][1], GAP_PX * u) if ranked else None


def _allowed(label: Placed, anchors: _Grid, frame: Box, u: float) -> bool:
    box = label.box
    if box[0] < frame[0] - 1e-6 or box[1] < frame[1] - 1e-6 or box[2] > frame[2] + 1e-6 or box[3] > frame[3] + 1e-6:
        return False
    return not anchors.any_in(grown(box, 4 * u), label.code)


def _pair(a: _Option, b: _Option) -> float:
    """What two labels together cost: overlapping, a leader line under the other, crossing lines."""
    if not overlap(a.extent, b.extent):
        return 0.0
    return _pair_close(a, b)


def _pair_close(a: _Option, b: _Option) -> float:
    """_pair of two labels whose extents overlap."""
    if overlap(a.box, b.box):
        return OVERLAP_COST
    cost = 0.0
    if a.leader and geo.segment_meets_box(*a.leader, b.box):
        cost += THROUGH_COST
    if b.leader and geo.segment_meets_box(*b.leader, a.box):
        cost += THROUGH_COST
    if a.leader and b.leader and _segments_cross(*a.leader, *b.leader):
        cost += CROSSING_COST
    return cost


def _greedy(codes: list[str], options: dict) -> dict[str, int]:
    """Each label, most cramped first, on its cheapest candidate given those already placed."""
    state: dict[str, int] = {}
    for code in codes:
        best, best_cost = 0, math.inf
        placed = [options[c][j] for c, j in state.items()]
        for i, option in enumerate(options[code]):
            if option.cost >= best_cost:
                break  # candidates are sorted by their own cost: nothing further can be cheaper
            cost = option.cost + sum(_pair(option, other) for other in placed)
            if cost < best_cost:
                best, best_cost = i, cost
        state[code] = best
    return state


def _anneal(codes: list[str], options: dict, state: dict[str, int]) -> dict[str, int]:
    """Simulated annealing from `state`, with a seed made of the codes (same input, same layout)."""
    if len(codes) < 2:
        return state
    rng = random.Random(",".join(codes))
    state = dict(state)
    iterations = min(MAX_ITERATIONS, ITERATIONS_PER_LABEL * len(codes))
    # Two labels whose candidates can never touch cost nothing together: each label is compared with its
    # neighbours only (on the whole continent, a handful instead of 54). Same costs, same layout, faster.
    reach = {c: union(o.extent for o in options[c]) for c in codes}
    neighbours = {c: [o for o in codes if o != c and overlap(reach[c], reach[o])] for c in codes}
    placed = {c: options[c][state[c]] for c in codes}  # each label's option in `state`
    hot, cold = 300.0, 0.5
    for step in range(iterations):
        temperature = hot * (cold / hot) ** (step / iterations)
        code = codes[rng.randrange(len(codes))]
        choices = options[code]
        # Mostly cheap candidates, sometimes any: the list is sorted by own cost.
        if rng.random() < 0.8:
            index = min(int(rng.expovariate(1 / 25)), len(choices) - 1)
        else:
            index = rng.randrange(len(choices))
        current = state[code]
        if index == current:
            continue
        new, old = choices[index], choices[current]
        delta = new.cost - old.cost
        n, o = new.extent, old.extent
        new_close, old_close = new.close, old.close
        for other in neighbours[code]:
            option = placed[other]
            e = option.extent
            # _pair, with its first test inlined (most pairs are far apart) and the rest remembered on the option:
            # the same numbers added in the same order, so the same layout, several times faster.
            a = b = 0.0
            if n[0] < e[2] and e[0] < n[2] and n[1] < e[3] and e[1] < n[3]:
                a = new_close.get(option)
                if a is None:
                    a = new_close[option] = _pair_close(new, option)
            if o[0] < e[2] and e[0] < o[2] and o[1] < e[3] and e[1] < o[3]:
                b = old_close.get(option)
                if b is None:
                    b = old_close[option] = _pair_close(old, option)
            if a or b:
                delta += a - b
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            state[code] = index
            placed[code] = new
    return state


def _without_collisions(codes: list[str], options: dict, state: dict[str, int]) -> dict[str, int]:
    """Drop the label with most collisions until none is left: a missing label is listed by the
    caller, a label under another one helps nobody."""
    kept = dict(state)
    while True:
        clashes = {c: sum(_pair(options[c][kept[c]], options[o][kept[o]]) >= HARD
                          for o in kept if o != c) for c in kept}
        worst = max(sorted(clashes), key=lambda c: clashes[c], default=None)
        if worst is None or clashes[worst] == 0:
            return kept
        del kept[worst]


def _variants(w: Wanted) -> list[tuple[str, ...]]:
    """One line, then, for a long name with a space or hyphen, two balanced lines."""
    variants = [(w.name,)]
    if len(w.name) > BREAK_AFTER:
        cuts = [i for i, ch in enumerate(w.name) if ch in " -"]
        if cuts:
            i = min(cuts, key=lambda i: (abs(len(w.name) / 2 - i), i))
            head = w.name[: i + 1].rstrip() if w.name[i] == " " else w.name[: i + 1]
            variants.append((head, w.name[i + 1:].strip()))
    return variants


def text_width(text: str, u: float, *, bold_digits: bool = False) -> float:
    """The width of `text` at FONT_PX, in map units (u: map units per CSS px)."""
    ems = 0.0
    for ch in text:
        if bold_digits and ch.isdigit():
            ems += BOLD_DIGIT_EM
            continue
        base = unicodedata.normalize("NFD", ch)[:1]
        ems += EM.get(ch, EM.get(base, OTHER_EM))
    return ems * FONT_PX * u


def _sized(w: Wanted, lines: tuple[str, ...], centre: Point, leader: Point | None, u: float) -> Placed:
    widths = [text_width(line, u) for line in lines[:-1]]
    widths.append(text_width(f"{lines[-1]} ", u) + text_width(w.count, u, bold_digits=True))
    width = max(TARGET_PX * u, max(widths) + 2 * PAD_PX * u)
    height = max(TARGET_PX * u, (len(lines) * LINE_PX + PAD_PX) * u)
    return Placed(w.code, lines, w.count, centre, width, height, FONT_PX * u, LINE_PX * u, leader)


def _fits_inside(label: Placed, w: Wanted, u: float) -> bool:
    """On its own anchor only if the country is big enough for the pill to leave it visible."""
    x0, y0, x1, y1 = w.box
    return label.height / 2 <= w.room * 1.3 and label.width <= (x1 - x0) * 1.1 and label.height <= (y1 - y0)


def _clamped(centre: Point, probe: Placed, frame: Box) -> Point:
    """The centre moved just enough for the pill to stay inside the frame."""
    half_w, half_h = probe.width / 2, probe.height / 2
    x = min(max(centre[0], frame[0] + half_w), frame[2] - half_w)
    y = min(max(centre[1], frame[1] + half_h), frame[3] - half_h)
    return x, y


def _turn(a: float, b: float) -> float:
    """The angle between two directions, 0 to pi."""
    d = abs(a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0
