"""The bar chart renderer: bars in proportion, every value written, nothing that could run or break the page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from network_map import charts
from network_map.charts import Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def widths(root: ET.Element) -> list[float]:
    return [float(r.get("width")) for r in root.iter(f"{SVG}rect")]


def test_bars_are_in_proportion_and_the_largest_fills_the_room_left_for_values():
    root = parse(bar_chart([Bar("A", 10, "10"), Bar("B", 5, "5"), Bar("C", 1, "1")]))
    w = widths(root)
    assert w[0] == pytest.approx(2 * w[1], rel=0.01) and w[0] == pytest.approx(10 * w[2], rel=0.01)
    assert w[0] + charts.VALUE_GAP + 2 * charts.CHAR_WIDTH <= charts.WIDTH + 0.1


def test_every_bar_has_its_label_and_value_as_text_in_order():
    root = parse(bar_chart([Bar("Burkina Faso", 3, "3"), Bar("Sénégal", 1, "1")]))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-label"]
    values = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-value"]
    assert labels == ["Burkina Faso", "Sénégal"] and values == ["3", "1"]


def test_a_zero_gets_no_bar_but_keeps_its_value():
    root = parse(bar_chart([Bar("A", 4, "4"), Bar("B", 0, "0")]))
    assert len(widths(root)) == 1
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-value"] == ["4", "0"]


def test_all_zero_chart_draws_no_bar():
    root = parse(bar_chart([Bar("A", 0, "0")]))
    assert widths(root) == []


def test_a_shared_maximum_makes_two_charts_comparable():
    half = parse(bar_chart([Bar("A", 5, "05")], max_value=10))  # same room for the value text
    full = parse(bar_chart([Bar("A", 10, "10")], max_value=10))
    assert widths(half)[0] == pytest.approx(widths(full)[0] / 2, abs=0.5)


def test_series_become_classes_for_the_stylesheet():
    root = parse(bar_chart([Bar("Goal", 10, "10", "goal"), Bar("Raised", 4, "4", "raised")]))
    classes = [r.get("class") for r in root.iter(f"{SVG}rect")]
    assert classes == ["chart-bar chart-bar-goal", "chart-bar chart-bar-raised"]


def test_hidden_from_screen_readers_because_a_table_follows():
    root = parse(bar_chart([Bar("A", 1, "1")]))
    assert root.get("aria-hidden") == "true" and root.get("focusable") == "false"


def test_long_labels_are_shortened_in_the_picture_only():
    label = "Recyclage, déchets, eau et restauration écologique — et bien d’autres choses encore"
    text = next(t.text for t in parse(bar_chart([Bar(label, 1, "1")])).iter(f"{SVG}text"))
    assert text.endswith("…") and len(text) * charts.CHAR_WIDTH <= charts.WIDTH


def test_hostile_labels_stay_text():
    svg = bar_chart([Bar('<script>alert(1)</script>" onload="x', 1, "1")])
    assert "<script>" not in svg and 'onload="x' not in svg
    assert next(parse(svg).iter(f"{SVG}text")).text.startswith("<script>")


def test_rejects_what_cannot_be_drawn():
    with pytest.raises(ValueError, match="charts: a chart needs at least one bar"):
        bar_chart([])
    with pytest.raises(ValueError, match="charts: bar values cannot be negative"):
        bar_chart([Bar("A", -1, "-1")])
    with pytest.raises(ValueError, match="control character"):
        bar_chart([Bar("A\x07", 1, "1")])


def test_same_bars_same_bytes():
    bars = [Bar("A", 3, "3"), Bar("B", 2, "2")]
    assert bar_chart(bars) == bar_chart(list(bars))
