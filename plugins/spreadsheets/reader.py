"""Read the first sheet of an XLSX, ODS or CSV file into rows of cell values, with the merged cells.

Well-kept readers only: openpyxl for XLSX (it parses the XML with defusedxml when that is installed, which
odfpy requires), odfpy for ODS (the reader pandas uses; pure Python, one dependency), the csv module for CSV.
A value is None (empty), str, int, float, bool, datetime.date or datetime.datetime; nothing is interpreted
here beyond the file's own types (a date cell is a date, a number a number): `values.py` does the rest.

CSV files come from many programs: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), UTF-16
with its mark (Excel's "Unicode text"), else Windows-1252 (Excel's plain "CSV" on a French Windows). A file
that is none of these is refused with the line of the first bad byte, never read with replaced characters.
The separator is the one of ";", "," and tab that splits most of the first lines into the same, largest number
of cells (";" first on a tie: it is what a French Excel writes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from content_model.messages import N_, Message, message
from open_data.export import FORMULA_TRIGGERS

#: Serial day 0 of the 1900 date system (Excel and LibreOffice on Windows and Linux; openpyxl's default).
EPOCH_1900 = dt.datetime(1899, 12, 30)
#: A sheet formatted down to its last row (1,048,576) repeats an empty row that many times: never expand it.
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
EXTENSIONS = (".xlsx", ".xlsm", ".ods", ".csv")
_SEPARATORS = (";", ",", "\t")


class SheetError(Exception):
    """A spreadsheet cannot be read or written; the message says why and what to do (and the line, if any)."""

    def __init__(self, message: Message, line: int = 0) -> None:
        super().__init__(str(message))
        self.message = message
        self.line = line


class ReadError(SheetError):
    """The file cannot be read as a spreadsheet."""


@dataclass
class Sheet:
    """Non-empty rows by their number as the spreadsheet shows it (1-based); in each, values by column (0 = A)."""

    name: str
    rows: dict[int, list[object]] = field(default_factory=dict)
    #: Merged ranges as (first row, first column, last row, last column), rows 1-based, columns 0-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    epoch: dt.datetime = EPOCH_1900  # serial day 0 (the 1904 system of old Mac files has another)

    def add(self, number: int, values: list[object]) -> None:
        while values and values[-1] is None:
            values.pop()
        if values:
            self.rows[number] = values


def read(path: Path) -> Sheet:
    """The first sheet of `path`; ReadError when it is not a spreadsheet this tool reads."""
    ext = path.suffix.lower()
    if ext not in EXTENSIONS:
        raise ReadError(message(N_("{name} is not a spreadsheet this tool reads; save it as .xlsx, .ods or .csv"),
                                name=path.name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(message(N_("the file cannot be read ({reason})"),
                                reason=exc.strerror or type(exc).__name__)) from None
    if ext == ".csv":
        return read_csv(data, path.name)
    try:
        return read_ods(data, path.name) if ext == ".ods" else read_xlsx(data, path.name)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file raises whatever its parser meets; say it once
        raise ReadError(message(N_("the file is not a readable {format} spreadsheet ({reason}); open it in a "
                                   "spreadsheet program and save it again"),
                                format=ext[1:].upper(), reason=type(exc).__name__)) from None


def clean(value: object) -> object:
    """One cell's value: blank text is empty, Windows line breaks are "\n", a whole float is an int."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


# -- XLSX ------------------------------------------------------------------------------------------------

def read_xlsx(data: bytes, name: str) -> Sheet:
    import openpyxl

    # Not read_only: merged ranges are only known in the full mode. data_only: a formula's last computed value.
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheet = workbook.worksheets[0]
    out = Sheet(name, epoch=workbook.epoch)
    for number, row in enumerate(sheet.iter_rows(max_col=min(sheet.max_column, MAX_COLUMNS), values_only=True), 1):
        if number > MAX_ROWS:
            break
        out.add(number, [clean(v) for v in row])
    for cells in sheet.merged_cells.ranges:
        out.merged.append((cells.min_row, cells.min_col - 1, cells.max_row, cells.max_col - 1))
    return out


# -- ODS -------------------------------------------------------------------------------------------------

def read_ods(data: bytes, name: str) -> Sheet:
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableRow

    document = load(io.BytesIO(data))
    tables = document.spreadsheet.getElementsByType(Table)
    out = Sheet(name)
    if not tables:
        return out
    number = 1
    for row in tables[0].getElementsByType(TableRow):
        repeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), "1"))
        values = _ods_row(row, number, out)
        if any(v is not None for v in values):
            for i in range(min(repeat, MAX_ROWS - number + 1)):
                out.add(number + i, list(values))
        number += repeat
        if number > MAX_ROWS:
            break
    return out


def _ods_row(row, number: int, out: Sheet) -> list[object]:
    from odf.namespaces import TABLENS

    values: list[object] = []
    for cell in row.childNodes:
        if cell.qname[0] != TABLENS or cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1"))
        value = _ods_value(cell) if cell.qname[1] == "table-cell" else None
        if value is None and len(values) + repeat > MAX_COLUMNS:
            break  # the usual empty cell repeated to the last column
        columns = int(cell.attributes.get((TABLENS, "number-columns-spanned"), "1"))
        rows = int(cell.attributes.get((TABLENS, "number-rows-spanned"), "1"))
        if columns > 1 or rows > 1:
            first = len(values)
            out.merged.append((number, first, number + rows - 1, first + columns - 1))
        values.extend([value] * min(repeat, MAX_COLUMNS))
    return values[:MAX_COLUMNS]


def _ods_value(cell) -> object:
    from odf import teletype
    from odf.namespaces import OFFICENS, TEXTNS

    kind = cell.attributes.get((OFFICENS, "value-type"), "")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.attributes[(OFFICENS, "value")])
        return clean(number)
    if kind == "date":
        text = cell.attributes[(OFFICENS, "date-value")]
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    if kind == "boolean":
        return cell.attributes.get((OFFICENS, "boolean-value"), "") == "true"
    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname == (TEXTNS, "p")]
    return clean("\n".join(paragraphs))


# -- CSV -------------------------------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """The text of a CSV file (see the module's docstring for the encodings tried)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(message(N_("the file is neither UTF-8 nor Windows-1252 text (byte 0x{byte} on line "
                                   "{line}); save it as \"CSV UTF-8\""),
                                byte=data[exc.start:exc.start + 1].hex().upper(), line=line), line) from None


def separator(text: str) -> str:
    """The separator that cuts most of the first lines into the same, largest number of cells."""
    best, best_width = _SEPARATORS[0], 0
    sample = text[:20_000]
    for candidate in _SEPARATORS:
        rows = csv.reader(io.StringIO(sample), delimiter=candidate)
        lines = [len(row) for row in rows if any(c.strip() for c in row)][:20]
        if not lines:
            continue
        width = max(set(lines), key=lambda w: (lines.count(w), w))
        if width > best_width and lines.count(width) * 2 >= len(lines):
            best, best_width = candidate, width
    return best


def unguard(text: str) -> str:
    """Undo `open_data.export.neutralise`: the apostrophe an export put before a text a spreadsheet would run."""
    rest = text[1:]
    while rest.startswith("'"):
        rest = rest[1:]
    return text[1:] if text.startswith("'") and rest.startswith(FORMULA_TRIGGERS) else text


def read_csv(data: bytes, name: str) -> Sheet:
    text = decode(data)
    out = Sheet(name)
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=separator(text)), 1):
            if number > MAX_ROWS:
                break
            out.add(number, [clean(unguard(v)) for v in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise ReadError(message(N_("the CSV file is malformed ({reason})"), reason=str(exc))) from None
    return out
