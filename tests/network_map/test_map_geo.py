"""The geometry the map data is derived with, on shapes small enough to check by hand."""

from __future__ import annotations

import math

import pytest

from network_map import geo


def test_decode_arcs_undoes_delta_encoding():
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [2, 0], [0, 2], [-2, -2]]],
    }
    assert geo.decode_arcs(topology) == [[(0, 0), (2, 0), (2, 2), (0, 0)]]


def test_decode_arcs_rejects_unquantized_topology():
    with pytest.raises(ValueError, match="quantized"):
        geo.decode_arcs({"arcs": []})


def test_to_lonlat_applies_the_transform():
    transform = {"scale": [0.5, 0.25], "translate": [-180, -90]}
    assert geo.to_lonlat((4, 8), transform) == (-178.0, -88.0)


def test_ring_arcs_reverses_negative_references_and_joins_once():
    arcs = [[(0, 0), (1, 0)], [(0, 1), (1, 0)]]
    assert geo.ring_arcs([0, ~1], arcs) == [(0, 0), (1, 0), (0, 1)]


def test_merge_dissolves_the_shared_border():
    # Two unit squares side by side; arc 1 is their common edge, walked once each way.
    arcs = [
        [(1, 0), (0, 0), (0, 1), (1, 1)],  # left square, west part
        [(1, 1), (1, 0)],  # shared edge, downward
        [(1, 1), (2, 1), (2, 0), (1, 0)],  # right square, east part
    ]
    rings = geo.merge_polygons([[[0, 1]], [[2, ~1]]], arcs)
    assert len(rings) == 1
    ring = rings[0]
    assert ring[0] == ring[-1]
    assert abs(geo.ring_area(ring[:-1])) == 2
    assert (1, 0) in ring and len(ring) == 7  # the shared edge's end points stay as corners


def test_projection_is_centred_and_equal_area():
    assert geo.project(geo.CENTRE_LON, geo.CENTRE_LAT) == pytest.approx((0.0, 0.0))

    def cell_area(lon: float, lat: float) -> float:
        corners = [geo.project(lon + dx, lat + dy) for dx, dy in ((0, 0), (0.1, 0), (0.1, 0.1), (0, 0.1))]
        return abs(geo.ring_area(corners))

    # On the sphere a 0.1° cell shrinks with cos(latitude); an equal-area map keeps that ratio.
    ratio = cell_area(30.0, -30.0) / cell_area(16.0, 1.0)
    assert ratio == pytest.approx(math.cos(math.radians(-29.95)) / math.cos(math.radians(1.05)), rel=1e-3)


def test_projection_refuses_the_antipode():
    with pytest.raises(ValueError, match="antipode"):
        geo.project(geo.CENTRE_LON - 180, -geo.CENTRE_LAT)


def test_simplify_drops_near_collinear_points_and_keeps_ends():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 0), (3, 5)]
    assert geo.simplify(line, 0.5) == [(0, 0), (3, 0), (3, 5)]
    assert geo.simplify(line, 0.05) == line


def test_simplify_keeps_an_island_a_triangle_at_least():
    island = [(0, 0), (0.1, 0.05), (0.2, 0), (0.1, -0.05), (0, 0)]
    simplified = geo.simplify(island, 10)
    assert simplified[0] == simplified[-1]
    assert len(set(simplified)) >= 3


def test_clip_ring_cuts_to_the_box():
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    clipped = geo.clip_ring(square, (0, 0, 10, 10))
    assert abs(geo.ring_area(clipped)) == 25
    assert geo.clip_ring([(20, 20), (21, 20), (21, 21)], (0, 0, 10, 10)) == []


def test_point_in_rings_treats_holes_as_outside():
    outer = [(0, 0), (10, 0), (10, 10), (0, 10)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6)]
    assert geo.point_in_rings((2, 2), [outer, hole])
    assert not geo.point_in_rings((5, 5), [outer, hole])


def test_label_point_finds_room_inside_a_crescent():
    # A U shape: its bounding-box centre (5, 5) is in the notch, outside the shape.
    u_shape = [(0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)]
    point, room = geo.label_point([u_shape])
    assert geo.point_in_rings(point, [u_shape])
    assert room > 1.2


def test_box_fits_only_where_the_box_is_clear_of_edges():
    square = [(0, 0), (20, 0), (20, 12), (0, 12)]
    assert geo.box_fits((10, 6), 18, 11, [square])
    assert not geo.box_fits((10, 6), 22, 11, [square])
    assert not geo.box_fits((30, 6), 2, 2, [square])
