"""Write one sheet (a header row, then rows of cells) as XLSX, ODS or CSV.

Cells keep their types where the format has them: numbers are numbers, dates are date cells shown day first
(05/03/2021), text is text — a text that starts with "=" is stored as text, never as a formula. The CSV is
UTF-8 with a byte-order mark (so Excel reads its accents), ";" between cells and a decimal comma in French
(what a French Excel expects), "," and a decimal point in English; a text cell that a spreadsheet would run
as a formula gets a leading apostrophe (`open_data.export.neutralise`, OWASP's rule), which import removes.
The file appears whole or not at all: written under a temporary name, then renamed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Sequence
from pathlib import Path

from content_model.messages import N_, message
from open_data.export import neutralise

from .entryfile import scalar
from .reader import EXTENSIONS, SheetError

Row = Sequence[object]
DATE_FORMAT, DATETIME_FORMAT = "DD/MM/YYYY", "DD/MM/YYYY HH:MM"
MAX_WIDTH = 50


class WriteError(SheetError):
    """The spreadsheet cannot be written."""


def check_name(path: Path) -> None:
    """WriteError unless `path` names a format this tool writes (the formats it reads, reader.EXTENSIONS)."""
    if path.suffix.lower() not in EXTENSIONS:
        raise WriteError(message(N_("{name} is not a spreadsheet this tool writes; name it .xlsx, .ods or .csv"),
                                 name=path.name))


def write(path: Path, title: str, header: Row, rows: list[Row], lang: str) -> None:
    check_name(path)
    ext = path.suffix.lower()
    if ext == ".csv":
        data = csv_bytes(header, rows, lang)
    elif ext == ".ods":
        data = ods_bytes(title, header, rows)
    else:
        data = xlsx_bytes(title, header, rows)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise WriteError(message(N_("{path} cannot be written ({reason})"), path=str(path),
                                 reason=exc.strerror or type(exc).__name__)) from None


def xlsx_bytes(title: str, header: Row, rows: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append([None] * len(values))
        for cell, value in zip(sheet[sheet.max_row], values, strict=True):
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would store "=…" as a formula
                if "\n" in value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.columns:
        width = max(len(_shown(c.value).split("\n")[0]) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width, 8), MAX_WIDTH) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def ods_bytes(title: str, header: Row, rows: list[Row]) -> bytes:
    from odf import teletype
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    bold = Style(name="header", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    table = Table(name=title)
    for number, values in enumerate([header, *rows]):
        row = TableRow()
        for value in values:
            if value is None:
                cell = TableCell()
            elif isinstance(value, bool) or isinstance(value, str):
                cell = TableCell(valuetype="string")
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=repr(value))
            elif isinstance(value, dt.datetime):
                cell = TableCell(valuetype="date", datevalue=value.strftime("%Y-%m-%dT%H:%M:%S"))
            else:
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            if number == 0:
                cell.setAttribute("stylename", bold)
            if value is not None:
                for line in _shown(value).split("\n"):
                    paragraph = P()
                    teletype.addTextToElement(paragraph, line)
                    cell.addElement(paragraph)
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def csv_bytes(header: Row, rows: list[Row], lang: str) -> bytes:
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
    out.writerow([_csv_cell(v, lang) for v in header])
    for values in rows:
        out.writerow([_csv_cell(v, lang) for v in values])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not isinstance(value, bool):
        return scalar(value).replace(".", ",") if lang == "fr" else scalar(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return neutralise(str(value))
