"""Horizontal bar charts as inline SVG, drawn at build time: no chart library, no script.

Each bar takes two lines, the label above and the bar with its value beside it, so that long
labels (sector names run to fifty characters) stay readable when a phone shrinks the chart.
The SVG is a picture of the data table that always follows it (`aria-hidden`): screen readers read
the table, sighted readers the bars. Colours come from the stylesheet (classes `chart-label`,
`chart-bar`, `chart-bar-<series>`, `chart-value`); the SVG holds no style or script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

WIDTH = 400  # viewBox units; a 320 px phone shows text at 0.8 of FONT_SIZE
FONT_SIZE = 13
CHAR_WIDTH = 0.6 * FONT_SIZE  # a generous average advance for the system sans-serif fonts
LABEL_GAP = 4  # between the label's baseline area and its bar
BAR_HEIGHT = 14
ROW_GAP = 10
VALUE_GAP = 6
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # the length of the bar (a count or an amount)
    display: str  # the value as the reader reads it: "3", "12 000 000 F CFA"
    series: str = ""  # an extra class suffix: two series in one chart get two colours


def bar_chart(bars: list[Bar], *, max_value: float | None = None) -> str:
    """The chart as one `<svg>` element. `max_value` (default: the largest value) is the full width;
    pass the same one to several charts that the reader should compare."""
    if not bars:
        raise ValueError("charts: a chart needs at least one bar")
    if any(bar.value < 0 for bar in bars):
        raise ValueError("charts: bar values cannot be negative")
    top = max_value if max_value is not None else max(bar.value for bar in bars)
    value_room = max(len(bar.display) for bar in bars) * CHAR_WIDTH + VALUE_GAP
    span = WIDTH - value_room
    row = FONT_SIZE + LABEL_GAP + BAR_HEIGHT + ROW_GAP
    height = row * len(bars) - ROW_GAP
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}"'
             f' aria-hidden="true" focusable="false" font-size="{FONT_SIZE}">']
    for i, bar in enumerate(bars):
        y = i * row
        bar_y = y + FONT_SIZE + LABEL_GAP
        length = span * bar.value / top if top else 0.0
        series = f" chart-bar-{bar.series}" if bar.series else ""
        parts.append(f'<text class="chart-label" x="0" y="{_n(y + FONT_SIZE - 2)}">{_text(_fit(bar.label))}</text>')
        if length > 0:
            # A bar never vanishes below one unit: a small non-zero count must still show.
            parts.append(f'<rect class="chart-bar{series}" x="0" y="{_n(bar_y)}" width="{_n(max(length, 1))}"'
                         f' height="{BAR_HEIGHT}"/>')
        parts.append(f'<text class="chart-value" x="{_n(max(length, 1) + VALUE_GAP if length else 0)}"'
                     f' y="{_n(bar_y + BAR_HEIGHT - 3)}">{_text(bar.display)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _fit(label: str) -> str:
    """Shorten a label that would overflow the width; the data table keeps it whole."""
    room = int(WIDTH / CHAR_WIDTH)
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError(f"charts: control character in {value!r} (not allowed in XML)")
    return escape(value, quote=True)
