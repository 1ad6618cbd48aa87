"""Horizontal bar charts for the statistics page, drawn at build time: no chart library, no script.

Each bar is a row of HTML: its label and its value as text on one line, the bar under them. Text is
HTML so that it wraps at the width of the screen and keeps the page's text size (an SVG chart
shrinks its text with the picture, and SVG text does not wrap: long sector names were cut). Only
the bar itself is a tiny SVG stretched to the row's width (a rectangle whose width is the value's
share of the largest), so no style attribute is needed. The chart is a picture of the data table
that always follows it (`aria-hidden` in the template): screen readers read the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # the length of the bar (a count or an amount)
    display: str  # the value as the reader reads it: "3", "12 000 000 F CFA"
    series: str = ""  # an extra class suffix: two series in one chart get two colours


def bar_chart(bars: list[Bar], *, max_value: float | None = None) -> list[dict]:
    """The chart's rows: label, display and the bar's SVG. `max_value` (default: the largest value)
    is the full width; pass the same one to several charts that the reader should compare."""
    if not bars:
        raise ValueError("charts: a chart needs at least one bar")
    if any(bar.value < 0 for bar in bars):
        raise ValueError("charts: bar values cannot be negative")
    top = max_value if max_value is not None else max(bar.value for bar in bars)
    return [{"label": bar.label, "display": bar.display, "series": bar.series,
             "bar": Markup(_bar(100 * bar.value / top if top else 0.0, bar.series))} for bar in bars]


def _bar(percent: float, series: str) -> str:
    classes = f"chart-bar chart-bar-{series}" if series else "chart-bar"
    # A bar never vanishes below half a percent: a small non-zero count must still show.
    rect = f'<rect width="{_n(max(percent, 0.5))}" height="1"/>' if percent > 0 else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" viewBox="0 0 100 1"'
            f' preserveAspectRatio="none" aria-hidden="true" focusable="false">{rect}</svg>')


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
