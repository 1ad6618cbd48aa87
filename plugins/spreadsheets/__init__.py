"""Spreadsheets in and out (staff tool): `invoke import` turns a member list (XLSX, ODS or CSV, one row per
entry) into entry files of content/, `invoke export` writes the same layout back.

Not a Pelican plugin (nothing here runs during a build): `tasks.py` is collected by the root tasks.py and
calls `commands.py`. The modules, in the order data flows: `reader` (a file to rows of cell values),
`headers` (header cells to fields of the content model), `values` (a cell to a front-matter value and back),
`importer` (match rows to entries, merge), `entryfile` (the text of an entry file, new or updated),
`checking` (the real validator on a copy of content/, its problems put back on cells), `problems` (what an
import reports); `exporter` and `writer` (entries to rows, rows to a file).
"""
