"""The bar chart rows: bars in proportion, every label and value kept whole as text, nothing that could
run or break the page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup, escape

from network_map.charts import Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def widths(rows: list[dict]) -> list[float]:
    out = []
    for row in rows:
        rect = ET.fromstring(str(row["bar"])).find(f"{SVG}rect")
        out.append(float(rect.get("width")) if rect is not None else 0.0)
    return out


def test_bars_are_in_proportion_and_the_largest_fills_the_row():
    w = widths(bar_chart([Bar("A", 10, "10"), Bar("B", 5, "5"), Bar("C", 1, "1")]))
    assert w == [100.0, 50.0, 10.0]


def test_every_bar_keeps_its_label_and_value_whole_as_text():
    label = "Recyclage, déchets, eau et restauration écologique — et bien d’autres choses encore"
    rows = bar_chart([Bar(label, 1, "1"), Bar("Sénégal", 12_000_000, "12 000 000 F CFA")])
    assert [r["label"] for r in rows] == [label, "Sénégal"]  # never shortened: HTML wraps it
    assert [r["display"] for r in rows] == ["1", "12 000 000 F CFA"]


def test_a_zero_gets_no_bar_but_keeps_its_value_and_a_small_value_still_shows():
    rows = bar_chart([Bar("A", 1000, "1000"), Bar("B", 0, "0"), Bar("C", 1, "1")])
    assert widths(rows) == [100.0, 0.0, 0.5]
    assert rows[1]["display"] == "0"


def test_all_zero_chart_draws_no_bar():
    assert widths(bar_chart([Bar("A", 0, "0")])) == [0.0]


def test_a_shared_maximum_makes_two_charts_comparable():
    assert widths(bar_chart([Bar("A", 5, "5")], max_value=10)) == [50.0]


def test_series_become_classes_for_the_stylesheet():
    rows = bar_chart([Bar("Goal", 10, "10", "goal"), Bar("Raised", 4, "4", "raised")])
    assert [ET.fromstring(str(r["bar"])).get("class") for r in rows] == ["chart-bar chart-bar-goal",
                                                                           "chart-bar chart-bar-raised"]


def test_the_bar_is_a_stretched_picture_hidden_from_screen_readers_with_no_style():
    svg = ET.fromstring(str(bar_chart([Bar("A", 1, "1")])[0]["bar"]))
    assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false"
    assert svg.get("viewBox") == "0 0 100 1" and svg.get("preserveAspectRatio") == "none"
    assert "style" not in str(bar_chart([Bar("A", 1, "1")])[0]["bar"])


def test_hostile_labels_stay_text():
    """Labels reach the template as plain strings, which Jinja escapes; only the bar is markup."""
    rows = bar_chart([Bar('<script>alert(1)</script>" onload="x', 1, "1")])
    assert not isinstance(rows[0]["label"], Markup)
    assert "<script>" not in str(escape(rows[0]["label"]))
    assert isinstance(rows[0]["bar"], Markup) and "script" not in rows[0]["bar"]


def test_rejects_what_cannot_be_drawn():
    with pytest.raises(ValueError, match="charts: a chart needs at least one bar"):
        bar_chart([])
    with pytest.raises(ValueError, match="charts: bar values cannot be negative"):
        bar_chart([Bar("A", -1, "-1")])


def test_same_bars_same_output():
    bars = [Bar("A", 3, "3"), Bar("B", 2, "2")]
    assert bar_chart(bars) == bar_chart(list(bars))
