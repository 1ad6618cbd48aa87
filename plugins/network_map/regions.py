"""The five regions a reader can zoom to, and the frame (viewBox) of each view of the map.

Regions of the African Union (AU Handbook; Executive Council decisions on the geographical
distribution of seats), not the UN M49 sub-regions, because:
- they are how the continent's own institutions, and the regional economic communities the
  network's members deal with, group the countries (ECOWAS is exactly the AU's West; Mauritania,
  a member of the Arab Maghreb Union, is in the North);
- they make compact views to zoom into: M49's "Eastern Africa" runs from Eritrea to Zimbabwe and
  Mauritius, and its "Southern Africa" has five countries only;
- every country of the map is in exactly one of them, Western Sahara included (in the North, where
  the AU seats the Sahrawi Republic; the map names the territory, not the state).
"""

from __future__ import annotations

from dataclasses import dataclass

from .geo import Box, union


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


@dataclass(frozen=True)
class Region:
    slug: str  # the fragment of the view on the map page (carte.html#afrique-ouest) and its CSS hook
    name: str  # English msgid; French in network_map.po
    codes: frozenset[str]


REGIONS = (
    Region("afrique-nord", N_("North Africa"), frozenset("DZ EG EH LY MA MR TN".split())),
    Region("afrique-ouest", N_("West Africa"),
           frozenset("BF BJ CI CV GH GM GN GW LR ML NE NG SL SN TG".split())),
    Region("afrique-centrale", N_("Central Africa"), frozenset("BI CD CF CG CM GA GQ ST TD".split())),
    Region("afrique-est", N_("East Africa"),
           frozenset("DJ ER ET KE KM MG MU RW SC SD SO SS TZ UG".split())),
    Region("afrique-australe", N_("Southern Africa"), frozenset("AO BW LS MW MZ NA SZ ZA ZM ZW".split())),
)
WHOLE = "afrique"  # the fragment of the whole continent's view
WHOLE_NAME = N_("All of Africa")
PADDING = 0.06  # sea kept around a region, as a share of its larger side, so labels fit at its edges
# Height over width of a region's view, kept between these: a long strip (North Africa) would leave a
# phone too little height for its labels, a tall view (East Africa) would not fit a laptop's screen.
MIN_ASPECT, MAX_ASPECT = 0.75, 1.25



def region_of(code: str) -> Region:
    """The region of a country of the map; KeyError for a code that is not on it."""
    for region in REGIONS:
        if code in region.codes:
            return region
    raise KeyError(code)


def view_box(boxes: list[Box], frame: Box) -> Box:
    """The union of `boxes` with some sea around it, kept inside the map's `frame`."""
    x0, y0, x1, y1 = union(boxes)
    pad = PADDING * max(x1 - x0, y1 - y0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    width, height = x1 - x0, y1 - y0
    if height < MIN_ASPECT * width:
        y0, y1 = _widened(y0, y1, MIN_ASPECT * width, frame[1], frame[3])
    elif height > MAX_ASPECT * width:
        x0, x1 = _widened(x0, x1, height / MAX_ASPECT, frame[0], frame[2])
    return max(frame[0], x0), max(frame[1], y0), min(frame[2], x1), min(frame[3], y1)


def _widened(low: float, high: float, size: float, floor: float, ceiling: float) -> tuple[float, float]:
    """The interval [low, high] grown to `size` around its middle, shifted back inside [floor, ceiling]."""
    middle = (low + high) / 2
    low, high = middle - size / 2, middle + size / 2
    if low < floor:
        low, high = floor, min(ceiling, floor + size)
    elif high > ceiling:
        low, high = max(floor, ceiling - size), ceiling
    return low, high
