"""An inline-SVG choropleth of Africa, drawn at build time from the committed africa.json.

Pure and deterministic (same arguments, same bytes): no Pelican import, no I/O besides reading
the data file once. The caller passes names already in the reader's language and the links to
its own pages; this module only draws. Colours come from the site stylesheet through the
classes ``map-land``, ``map-b0``…``map-b4``, ``map-context``, ``map-marker``, ``map-point``,
``map-label`` and ``map-legend``; the SVG holds no style, script, event handler or external
reference, so it works from file:// and without JavaScript.
"""

from __future__ import annotations

import functools
import json
import re
from html import escape
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from . import geo

DATA = Path(__file__).with_name("data") / "africa.json"
DEFAULT_BREAKS = (2, 5, 10)  # buckets: 0 | 1 | 2–4 | 5–9 | 10+
FONT_SIZE = 11  # viewBox units; data/prepare.py placed labels only where an 11-unit code fits
POINT_RADIUS = 3.5
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


def bucket_of(count: int, breaks: tuple[int, int, int] = DEFAULT_BREAKS) -> int:
    """Shade bucket 0–4 for a count: 0 is none, 1 is up to breaks[0]−1, 4 is breaks[2] and up."""
    if count < 0:
        raise ValueError(f"network_map: a count cannot be negative ({count})")
    if count == 0:
        return 0
    return 1 + sum(count >= b for b in breaks)


def bucket_labels(breaks: tuple[int, int, int] = DEFAULT_BREAKS) -> list[tuple[str, str]]:
    """(CSS class, range text) per bucket, e.g. ("map-b2", "2–4"); figures only, so they read
    the same in French and English, for the in-map legend or a caller's own."""
    _check_breaks(breaks)
    bounds = [1, *breaks]
    labels = [("map-b0", "0")]
    for i, (low, high) in enumerate(pairwise(bounds), start=1):
        labels.append((f"map-b{i}", str(low) if high - 1 == low else f"{low}–{high - 1}"))
    labels.append(("map-b4", f"{breaks[-1]}+"))
    return labels


def project_point(lat: float, lon: float) -> tuple[float, float]:
    """Latitude/longitude in degrees → (x, y) in the map's viewBox units."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"network_map: ({lat}, {lon}) is not a latitude/longitude pair")
    p = _data()["projection"]
    x, y = geo.project(lon, lat, p["lon0"], p["lat0"])
    return (x - p["x_offset"]) * p["scale"] + p["margin"], (p["y_top"] - y) * p["scale"] + p["margin"]


def render_map(
    counts: dict[str, int],
    *,
    href: dict[str, str],
    names: dict[str, str],
    title: str,
    desc: str,
    points: list[dict] | None = None,
    id_prefix: str = "map",
    legend_title: str = "",
    breaks: tuple[int, int, int] = DEFAULT_BREAKS,
    role: str = "img",
    tooltip: str = "{name}: {count}",
) -> str:
    """The map as one ``<svg>`` element to inline in a page.

    counts: organisations (or projects) per alpha-2 code; codes absent count 0, codes not on
    the map are an error. href: link per counted country (required for each). names: the
    reader-language name of every country of country_codes(), used in the tooltips "Name: N".
    points: dicts with lat, lon, label and optional href; points outside the frame are left out.
    id_prefix: keeps the title/desc/path ids unique when a page holds several maps.
    tooltip: format of each country's <title>, with {name} and {count}; French typography
    would pass "{name} : {count}".
    role: "img" (a picture; the caller's table carries the accessible links) or "group" (the
    links inside are exposed to assistive technology).
    """
    data = _data()
    _check_arguments(data, counts, href, names, id_prefix, breaks, role)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {data["width"]} {data["height"]}"'
        f' class="map" role="{role}" aria-labelledby="{id_prefix}-title {id_prefix}-desc"'
        f' fill-rule="evenodd" font-size="{FONT_SIZE}" text-anchor="middle" dominant-baseline="central">',
        f'<title id="{id_prefix}-title">{_text(title)}</title>',
        f'<desc id="{id_prefix}-desc">{_text(desc)}</desc>',
        f'<path class="map-context" d="{data["context"]}"/>',
    ]
    for code in sorted(data["countries"]):
        parts.append(
            _country(
                code, data["countries"][code], counts.get(code, 0), href, names, id_prefix, breaks, tooltip
            )
        )
    parts += _points(points or [], data)
    parts.append(_legend(data, legend_title, breaks))
    parts.append("</svg>")
    return "\n".join(parts)


def _country(
    code: str, shape: dict, count: int, href: dict, names: dict, prefix: str, breaks: tuple, tooltip: str
) -> str:
    shade = f"map-b{bucket_of(count, breaks)}"
    inner = [f"<title>{_text(tooltip.format(name=names[code], count=count))}</title>"]
    if "marker" in shape:
        cx, cy, r = shape["marker"]
        inner.append(f'<circle class="map-marker {shade}" cx="{cx:g}" cy="{cy:g}" r="{r:g}"/>')
    island = " map-island" if "marker" in shape else ""
    inner.append(f'<path id="{prefix}-{code}" class="map-land{island} {shade}" d="{shape["d"]}"/>')
    if count > 0 and "label" in shape:
        x, y = shape["label"]
        inner.append(f'<text class="map-label" x="{x:g}" y="{y:g}">{code}</text>')
    body = "".join(inner)
    if count > 0:
        return f'<a href="{_attr(href[code])}">{body}</a>'
    return f"<g>{body}</g>"


def _points(points: list[dict], data: dict) -> list[str]:
    out = []
    for point in points:
        missing = {"lat", "lon", "label"} - set(point)
        if missing:
            raise ValueError(f"network_map: point {point!r} lacks {', '.join(sorted(missing))}")
        x, y = project_point(float(point["lat"]), float(point["lon"]))
        if not (0 <= x <= data["width"] and 0 <= y <= data["height"]):
            continue
        body = (
            f"<title>{_text(point['label'])}</title>"
            f'<circle class="map-point" cx="{x:.1f}" cy="{y:.1f}" r="{POINT_RADIUS:g}"/>'
        )
        link = point.get("href")
        if link:
            _check_href(link)
            out.append(f'<a href="{_attr(link)}">{body}</a>')
        else:
            out.append(f"<g>{body}</g>")
    return out


def _legend(data: dict, legend_title: str, breaks: tuple) -> str:
    """Swatches in the South Atlantic, the empty lower-left corner of the frame."""
    x, row = 24, 22
    top = data["height"] - 24 - row * 5 - (row if legend_title else 0)
    parts = ['<g class="map-legend" text-anchor="start">']
    if legend_title:
        parts.append(f'<text x="{x}" y="{top + 8}">{_text(legend_title)}</text>')
        top += row
    for i, (shade, label) in enumerate(bucket_labels(breaks)):
        y = top + i * row
        parts.append(f'<rect class="map-land {shade}" x="{x}" y="{y}" width="16" height="16"/>')
        parts.append(f'<text x="{x + 24}" y="{y + 8}">{_text(label)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _check_arguments(
    data: dict, counts: dict, href: dict, names: dict, prefix: str, breaks: tuple, role: str
) -> None:
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
    if role not in ("img", "group"):
        problems.append(f"role must be 'img' or 'group', not {role!r}")
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


def _text(value: object) -> str:
    text = str(value)
    if _CONTROL.search(text):
        raise ValueError(f"network_map: control character in {text!r} (not allowed in XML)")
    return escape(text, quote=True)


def _attr(value: str) -> str:
    return _text(value)
