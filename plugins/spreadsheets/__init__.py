"""Spreadsheets in and out (staff tool): `invoke import` turns a member list (XLSX, ODS or CSV, one row per
entry) into entry files of content/, `invoke export` writes the same layout back.

Not a Pelican plugin (nothing here runs during a build): `tasks.py` is collected by the root tasks.py. The
modules, in the order data flows: `reader` (a file to rows of cell values), `headers` (header cells to fields
of the content model), `values` (a cell to a front-matter value and back), `entryfile` (the text of an entry
file, new or updated), `importer` (match, merge, validate with the real validator, write), `exporter` and
`writer` (entries to rows, rows to a file).
"""
