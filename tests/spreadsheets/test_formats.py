"""ODS and CSV in and out, on small inputs; the shipped content through every format and back unchanged; an
update rewrites only the changed lines of a file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from tests.spreadsheets import messy
from tests.spreadsheets.test_import import ORGANISATION, do_import, snapshot

from content_model.schema import ENTITY_KINDS
from spreadsheets.commands import run_export, run_import


def write_ods(path: Path, rows: list[list[object]], spans: dict[tuple[int, int], int] | None = None) -> Path:
    """rows of cells (None empty; a date is a date cell, a number a float cell, a bool a boolean cell); spans:
    (row, column) -> columns merged from there (the covered cells follow, as LibreOffice writes them)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    spans = spans or {}
    document = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for r, values in enumerate(rows):
        row = TableRow()
        c = 0
        while c < len(values):
            value = values[c]
            if value is None:
                cell = TableCell()
            elif isinstance(value, bool):
                cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=str(value))
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            else:
                cell = TableCell(valuetype="string")
            if value is not None:
                cell.addElement(P(text=str(value)))
            span = spans.get((r, c), 1)
            if span > 1:
                cell.setAttribute("numbercolumnsspanned", str(span))
            row.addElement(cell)
            for _ in range(span - 1):
                row.addElement(CoveredTableCell())
            c += span
        row.addElement(TableCell(numbercolumnsrepeated="1000"))  # LibreOffice's trailing empty cells
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated="1048000"))  # and its trailing empty rows
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


ODS_ROWS = [
    ["Name", "Pays", "Membership of the network", None, "Founded", "Téléphone", "Unpublished"],
    [None, None, "Status", "Since", None, None, None],
    ["Coopérative du Sahel", "Niger", "Partner", dt.date(2021, 3, 5), 2001, 22720000000, False],
    ["Réseau des tisserandes", "Côte d’Ivoire", "observer", 44260, "2015", "+225 27 00 00 00", "oui"],
    [None, None, None, None, None, None, None],
]


def test_ods_with_a_merged_group_header(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = write_ods(tmp_path / "membres.ods", ODS_ROWS, spans={(0, 2): 2})
    code, lines = do_import(sheet, content, lang="en")
    assert code == 0, lines
    sahel = (content / "organisations" / "cooperative-du-sahel.md").read_text()
    assert 'country: "NE"' in sahel and "founded: 2001" in sahel and 'phone: "+22720000000"' in sahel
    assert 'membership:\n  status: "partner"\n  since: 2021-03-05\n' in sahel
    assert "unpublished: false" in sahel
    weavers = (content / "organisations" / "reseau-des-tisserandes.md").read_text()
    assert 'country: "CI"' in weavers and "since: 2021-03-05" in weavers and "unpublished: true" in weavers
    assert lines[-1] == "2 created, 0 updated, 0 unchanged."


def test_ods_errors_are_located(tmp_path):
    content = messy.content_folder(tmp_path)
    rows = [list(r) for r in ODS_ROWS]
    rows[2][1], rows[3][3] = "Atlantide", "13/13/2021"
    code, lines = do_import(write_ods(tmp_path / "membres.ods", rows, spans={(0, 2): 2}), content, lang="en")
    assert code == 1
    assert lines[:2] == [
        'membres.ods:3:B: Pays: "Atlantide" is not the name or ISO code of a country; did you mean "Albania" (AL)?',
        'membres.ods:4:D: Membership of the network – Since: "13/13/2021" is not a real date (day first: 05/03/2021 '
        "is 5 March 2021)"]
    assert list((content / "organisations").iterdir()) == [content / "organisations" / "yam-pukri.md"]


CSV_TEXT = (
    "Nom;Pays;Secteurs;Adhésion au réseau - Statut;membership.since;E-mail;Tél.;Langues\n"
    "Coopérative de Kaya;Burkina Faso;Agriculture et environnement, Commerce et distribution;Membre;05/03/2021;"
    "kaya@example.org;70 00 00 01;français, anglais\n"
    'Mutuelle de Thiès;Sénégal;health_social;candidate;2020;;+221 33 000 00 00;"fr; wo"\n'
    ";;;;;;;\n")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_csv_in_every_encoding_excel_writes(tmp_path, encoding):
    content = messy.content_folder(tmp_path)
    text = CSV_TEXT
    sheet = tmp_path / "membres.csv"
    sheet.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    code, lines = do_import(sheet, content, lang="en")
    assert code == 0, lines
    kaya = (content / "organisations" / "cooperative-de-kaya.md").read_text()
    assert 'sectors: ["agriculture", "trade"]' in kaya and "since: 2021-03-05" in kaya
    thies = (content / "organisations" / "mutuelle-de-thies.md").read_text()
    assert 'country: "SN"' in thies and 'status: "applicant"' in thies and "since: 2020" in thies
    assert 'languages: ["fr", "wo"]' in thies and 'phone: "+221 33 000 00 00"' in thies


def test_csv_with_commas_and_a_bad_byte(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = tmp_path / "members.csv"
    sheet.write_bytes(b'Name,Country,Founded,Status\r\n"Kaya, cooperative",Burkina Faso,1890s,member\r\n')
    code, lines = do_import(sheet, content, lang="en")
    assert lines[0] == 'members.csv:2:C: Founded: "1890s" is not a year; write it with four digits, e.g. 2004'
    sheet.write_bytes(b"Nom;Pays\r\nCoop\x81;BF\r\n")
    code, lines = do_import(sheet, content)
    assert code == 1
    assert lines[0] == ("members.csv:2:-: le fichier n’est ni du texte UTF-8 ni du Windows-1252 (octet 0x81 à la "
                        "ligne 2) ; enregistrez-le au format « CSV UTF-8 »")


def test_unknown_and_duplicate_columns_are_named(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = tmp_path / "members.csv"
    sheet.write_text("Nom;Pays;Contry;Couleur préférée;Country;Statut\nKaya;BF;BF;bleu;BF;membre\n", encoding="utf-8")
    code, lines = do_import(sheet, content, lang="en")
    assert code == 1
    assert lines[:-1] == [
        'members.csv:1:C: Contry: unknown column "Contry"; did you mean "country"?',
        'members.csv:1:D: Couleur préférée: unknown column "Couleur préférée"; use the column names of an export '
        "(invoke export --kind organisations), or delete the column",
        'members.csv:1:E: Country: this column and column B both hold "country"; keep one of them']


def test_csv_export_neutralises_formulas_and_import_reads_them_back(tmp_path):
    content = messy.content_folder(tmp_path)
    (content / "organisations" / "formule.md").write_text(
        '---\nname: "=HYPERLINK(\\"https://evil.example\\")"\nmembership:\n  status: member\n'
        'phone: "+226 70 00 00 00"\n---\n', encoding="utf-8")
    for name in ("out.csv", "out.xlsx"):
        code, lines = run_export(ORGANISATION, content, tmp_path / name, messy.SETTINGS, messy.TODAY, "fr")
        assert code == 0, lines
    assert "'=HYPERLINK" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(tmp_path / "out.xlsx").active.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)  # text, never a formula
    before = snapshot(content)
    for name in ("out.csv", "out.xlsx"):
        assert do_import(tmp_path / name, content)[0] == 0
    assert snapshot(content) == before


def test_an_update_rewrites_only_the_changed_lines(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = tmp_path / "membres.csv"
    sheet.write_text("Identifiant;Statut\nyam-pukri;Partenaire\n", encoding="utf-8")
    code, lines = do_import(sheet, content)
    assert code == 0, lines
    assert lines == ["mise à jour : content/organisations/yam-pukri.md (ligne 2) : membership.status",
                     "créées : 0, mises à jour : 1, inchangées : 0."]
    assert (content / "organisations" / "yam-pukri.md").read_text() == messy.YAM_PUKRI.replace(
        "  status: member", '  status: "partner"')


def test_two_rows_for_one_entry_are_refused(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = tmp_path / "membres.csv"
    sheet.write_text("Nom;Statut\nYam Pukri;Membre\nYAM PUKRI;Partenaire\n", encoding="utf-8")
    code, lines = do_import(sheet, content, lang="en")
    assert code == 1
    assert lines[0] == "membres.csv:3:A: Nom: this row and row 2 describe the same entry (yam-pukri); merge them"


def test_a_missing_required_column_is_reported_once(tmp_path):
    content = messy.content_folder(tmp_path)
    sheet = tmp_path / "membres.csv"
    sheet.write_text("Nom;Pays\nKaya;BF\nTenkodogo;BF\nYam Pukri;BF\n", encoding="utf-8")
    code, lines = do_import(sheet, content, lang="en")
    assert lines == ['membres.csv:1:-: the column "Adhésion au réseau – Statut" is missing; new entries need it',
                     "1 problem in membres.csv; nothing was written. Fix the cells above and import again."]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shipped") / "content"
    shutil.copytree(messy.ROOT / "content", folder)
    return folder


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda k: k.folder)
@pytest.mark.parametrize("name,lang", [("export.xlsx", "fr"), ("export.ods", "en"), ("export.csv", "fr"),
                                       ("export.csv", "en")])
def test_the_shipped_content_round_trips_unchanged(shipped, tmp_path, kind, name, lang):
    before = snapshot(shipped)
    code, lines = run_export(kind, shipped, tmp_path / name, messy.SETTINGS, messy.TODAY, lang)
    assert code == 0, lines
    code, lines = run_import(tmp_path / name, kind, shipped, messy.SETTINGS, messy.TODAY, lang)
    assert code == 0, lines
    assert lines[-1].startswith(("créées : 0, mises à jour : 0,", "0 created, 0 updated,")), lines
    assert snapshot(shipped) == before
