"""Importing the messy member list (tests/spreadsheets/messy.py): with wrong rows nothing is written and every
wrong cell is listed by row and column; fixed, the entries are written, valid, and survive an export and an
import unchanged; an existing entry is updated, never duplicated; a dry run writes nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import LANGUAGES
from tests.spreadsheets import messy

from content_model.schema import KINDS_BY_NAME
from content_model.validate import validate_site
from spreadsheets.commands import run_export, run_import

ORGANISATION = KINDS_BY_NAME["organisation"]


def snapshot(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def do_import(sheet: Path, content: Path, lang: str = "fr", dry_run: bool = False) -> tuple[int, list[str]]:
    return run_import(sheet, ORGANISATION, content, messy.SETTINGS, messy.TODAY, lang, dry_run=dry_run)


@pytest.fixture
def content(tmp_path) -> Path:
    return messy.content_folder(tmp_path)


@pytest.fixture
def wrong_sheet(tmp_path) -> Path:
    return messy.write_xlsx(tmp_path / "membres.xlsx", messy.rows())


@pytest.fixture
def fixed_sheet(tmp_path) -> Path:
    return messy.write_xlsx(tmp_path / "membres.xlsx", messy.fixed_rows())


def test_wrong_rows_write_nothing_and_each_is_listed_with_row_and_column(content, wrong_sheet):
    before = snapshot(content)
    code, lines = do_import(wrong_sheet, content)
    assert code == 1
    assert snapshot(content) == before
    letters = {header: chr(65 + i) for i, header in enumerate(messy.HEADERS) if header}
    letters.update({"Statut": "G", "Depuis": "H"})
    located = {tuple(line.split(":")[1:3]) for line in lines[:-1]}
    assert located == {(str(row), letters[header]) for row, header in messy.WRONG}
    assert lines[-1] == ("10 problèmes dans membres.xlsx ; rien n’a été écrit. Corrigez les cellules ci-dessus et "
                         "importez de nouveau.")


def test_the_french_report_names_the_cell_and_what_to_write(content, wrong_sheet):
    _code, lines = do_import(wrong_sheet, content)
    for expected in [
        'membres.xlsx:10:C: Country: "Wakanda" n’est ni un nom ni un code ISO de pays ; vouliez-vous dire "Rwanda" '
        "(RW) ?",
        "membres.xlsx:20:A: NOM: est vide ; cette colonne est obligatoire (nom complet de l’organisation)",
        'membres.xlsx:25:H: Adhésion au réseau – Depuis: "31/02/2021" n’est pas une date qui existe (le jour '
        "d’abord : 05/03/2021 est le 5 mars 2021)",
        'membres.xlsx:30:K: Téléphone: "70123456" était enregistré comme un nombre, ce qui fait perdre un 0 ou un + '
        "initial ; mettez la colonne au format texte et retapez le numéro, par ex. +226 25 30 00 00",
        'membres.xlsx:35:E: Secteurs d\'activité: "Pêche artisanale" n’est pas un secteur de content/taxonomy.yml ; '
        "écrivez l’un de ses libellés ou codes",
        'membres.xlsx:40:G: Adhésion au réseau – Statut: "Membre d\'honneur" n’est pas l’une des valeurs : Membre, '
        "Partenaire, Observatrice, Candidate",
        'membres.xlsx:51:H: Adhésion au réseau – Depuis: "03/25/2021" n’est pas une date qui existe (le jour '
        "d’abord : 05/03/2021 est le 5 mars 2021)",
    ]:
        assert expected in lines
    # The validator's own checks, in its own words (e-mail, year in the future, link without https).
    assert any(line.startswith('membres.xlsx:15:J: E-mail: "contact@@cooperative.example.org" ') for line in lines)
    assert any(line.startswith("membres.xlsx:45:I: Année de création: 2030 ") for line in lines)
    assert any(line.startswith('membres.xlsx:48:L: Site web: "www.cooperative-exemple.org" ') for line in lines)


def test_the_english_report(content, wrong_sheet):
    _code, lines = do_import(wrong_sheet, content, lang="en")
    assert 'membres.xlsx:10:C: Country: "Wakanda" is not the name or ISO code of a country; did you mean "Rwanda" ' \
           "(RW)?" in lines
    assert "membres.xlsx:20:A: NOM: is empty; this column is required (full name of the organisation)" in lines
    assert 'membres.xlsx:51:H: Adhésion au réseau – Depuis: "03/25/2021" is not a real date (day first: 05/03/2021 ' \
           "is 5 March 2021)" in lines
    assert lines[-1] == "10 problems in membres.xlsx; nothing was written. Fix the cells above and import again."


def test_fixed_sheet_writes_entries_the_validator_accepts(content, fixed_sheet):
    code, lines = do_import(fixed_sheet, content)
    assert code == 0, lines
    assert lines[-1] == "créées : 49, mises à jour : 1, inchangées : 0."
    report = validate_site(content, languages=LANGUAGES, today=messy.TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert len(report.registry.kind("organisation", published_only=False)) == 50
    koudougou = (content / "organisations" / "cooperative-des-maraicheres-de-koudougou.md").read_text()
    assert koudougou.startswith('---\nname: "Coopérative des maraîchères de Koudougou"\nacronym: "ORG1"\n'
                                'legal_form: "cooperative"\nsectors: ["agriculture"]\ncountry: "BF"\n')
    assert "membership:\n  status: \"member\"\n  since: 2021-03-05\n" in koudougou  # serial 44260
    assert 'phone: "+22625300000"' in koudougou  # a number of 11 digits: its "+" restored, with a note
    assert any(line.startswith("membres.xlsx:4:K: Téléphone: remarque : le numéro de téléphone 22625300000") for
               line in lines)


def test_messy_cells_become_codes(content, fixed_sheet):
    do_import(fixed_sheet, content)
    data = {p.stem: p.read_text() for p in (content / "organisations").glob("*.md")}
    assert 'country: "CI"' in data["mutuelle-de-sante-de-abidjan"]  # Côte d'Ivoire
    assert 'country: "CI"' in data["union-des-producteurs-de-bouake"]  # Cote d'Ivoire
    assert 'country: "CD"' in data["reseau-des-jeunes-entrepreneurs-de-kinshasa"]  # RDC
    assert 'country: "SN"' in data["groupement-des-artisanes-de-thies"]  # Sénégal
    assert 'sectors: ["health_social", "education"]' in data["mutuelle-de-sante-de-abidjan"]  # labels with commas
    assert "since: 2021-03-05" in data["cooperative-des-maraicheres-de-ouagadougou"]  # "05/03/2021", day first
    assert "since: 2022-06-01" in data["association-des-femmes-transformatrices-de-bobo-dioulasso"]  # a date cell
    assert 'languages: ["wo", "fr"]' in data["union-des-producteurs-de-bouake"]  # "Wolof, français"
    assert "founded: 1998" in data["association-des-femmes-transformatrices-de-bobo-dioulasso"]  # "1998" as text
    assert 'status: "observer"' in data["union-des-producteurs-de-bouake"]  # "observateur"
    assert "unpublished: false" in data["union-des-producteurs-de-bouake"]  # "Non"


def test_an_existing_entry_is_updated_not_duplicated(content, fixed_sheet):
    _code, lines = do_import(fixed_sheet, content)
    assert [p.name for p in (content / "organisations").glob("yam*")] == ["yam-pukri.md"]
    text = (content / "organisations" / "yam-pukri.md").read_text()
    assert text.startswith("---\n# L'association qui anime le site.\nname: \"Yam Pukri\"\n")  # comment, name kept
    assert 'country: "BF"\ncity: "Ouagadougou"\n' in text
    assert "summary: \"Yam Pukri assure l'animation et la gestion technique du site.\"\n" in text  # no column: kept
    assert text.endswith("---\n\nYam Pukri fait partie des organisations qui font vivre l'initiative au quotidien.\n")
    assert any(line.startswith("mise à jour : content/organisations/yam-pukri.md (ligne 53) : country, city,")
               for line in lines)


def test_export_then_import_changes_no_file(content, fixed_sheet, tmp_path):
    do_import(fixed_sheet, content)
    written = snapshot(content)
    for name, lang in (("export.xlsx", "fr"), ("export.ods", "en"), ("export.csv", "fr"), ("export-en.csv", "en")):
        code, lines = run_export(ORGANISATION, content, tmp_path / name, messy.SETTINGS, messy.TODAY, lang)
        assert code == 0, lines
        code, lines = do_import(tmp_path / name, content, lang=lang)
        assert code == 0, lines
        assert lines[-1] in ("créées : 0, mises à jour : 0, inchangées : 50.", "0 created, 0 updated, 50 unchanged.")
        assert snapshot(content) == written, name


def test_export_headers_are_french_by_default(content, fixed_sheet, tmp_path):
    from openpyxl import load_workbook

    do_import(fixed_sheet, content)
    run_export(ORGANISATION, content, tmp_path / "fr.xlsx", messy.SETTINGS, messy.TODAY, "fr")
    run_export(ORGANISATION, content, tmp_path / "en.xlsx", messy.SETTINGS, messy.TODAY, "en")
    fr = [c.value for c in load_workbook(tmp_path / "fr.xlsx").active[1]]
    en = [c.value for c in load_workbook(tmp_path / "en.xlsx").active[1]]
    assert fr[:7] == ["Identifiant", "Nom", "Sigle", "Forme juridique", "Secteurs d’activité", "Pays du siège", "Ville"]
    assert "Adhésion au réseau – Statut" in fr and "Membership of the network – Status" in en
    by_name = {row[1].value: [c.value for c in row] for row in load_workbook(tmp_path / "fr.xlsx").active.iter_rows()}
    abidjan = by_name["Mutuelle de santé de Abidjan"]
    assert abidjan[3:6] == ["Mutuelle", "Santé, services sociaux et emploi; Éducation et formation", "Côte d’Ivoire"]
    assert abidjan[10:12] == ["Partenaire", dt.datetime(2021, 3, 5)]  # labels, not codes; a date cell
    by_name = {row[1].value: [c.value for c in row] for row in load_workbook(tmp_path / "en.xlsx").active.iter_rows()}
    abidjan = by_name["Mutuelle de santé de Abidjan"]
    assert abidjan[3:6] == ["Mutual", "Health, social services and employment; Education and training", "Côte d’Ivoire"]
    assert abidjan[10] == "Partner"


def test_dry_run_writes_nothing_and_says_what_would_change(content, fixed_sheet):
    before = snapshot(content)
    code, lines = do_import(fixed_sheet, content, dry_run=True)
    assert code == 0
    assert snapshot(content) == before
    assert "serait créée : content/organisations/cooperative-des-maraicheres-de-koudougou.md (ligne 4)" in lines
    assert any(line.startswith("serait mise à jour : content/organisations/yam-pukri.md (ligne 53) : ")
               for line in lines)
    assert lines[-1] == "Simulation, rien n’est écrit : à créer : 49, à mettre à jour : 1, inchangées : 0."
    do_import(fixed_sheet, content)
    _code, lines = do_import(fixed_sheet, content, dry_run=True)
    assert "inchangée : content/organisations/yam-pukri.md (ligne 53)" in lines
    assert lines[-1] == "Simulation, rien n’est écrit : à créer : 0, à mettre à jour : 0, inchangées : 50."


def test_invoke_import_and_export(content, wrong_sheet, tmp_path):
    """The tasks as staff run them (French by default, --lang en), through the root tasks.py."""
    env = {k: v for k, v in os.environ.items() if k not in ("LABO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    invoke = [sys.executable, "-m", "invoke", "-r", str(messy.ROOT)]
    run = subprocess.run([*invoke, "import", str(wrong_sheet), "--kind", "organisations", "--content", str(content)],
                         capture_output=True, text=True, env=env, cwd=messy.ROOT, check=False)
    assert run.returncode == 1
    assert "membres.xlsx:20:A: NOM: est vide ; cette colonne est obligatoire" in run.stderr
    run = subprocess.run([*invoke, "import", str(wrong_sheet), "--lang", "en", "--dry-run", "--content", str(content)],
                         capture_output=True, text=True, env=env, cwd=messy.ROOT, check=False)
    assert run.returncode == 1 and "10 problems in membres.xlsx; nothing was written." in run.stderr
    target = tmp_path / "out.ods"
    run = subprocess.run([*invoke, "export", "--kind", "organisations", str(target), "--content", str(content)],
                         capture_output=True, text=True, env=env, cwd=messy.ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"{target} : 1 fiche écrite"


def test_an_export_to_a_name_or_folder_it_cannot_write_says_so(content, tmp_path):
    """A staff member types `invoke export annuaire.xls`, or a folder that does not exist: one line saying what to
    do, in French unless asked otherwise, exit status 1, no traceback and no partial file."""
    fr = run_export(ORGANISATION, content, tmp_path / "annuaire.xls", messy.SETTINGS, messy.TODAY, "fr")
    assert fr == (1, ["annuaire.xls n’est pas un tableur que cet outil sait écrire ; nommez-le en .xlsx, .ods ou "
                      ".csv"])
    en = run_export(ORGANISATION, content, tmp_path / "annuaire.xls", messy.SETTINGS, messy.TODAY, "en")
    assert en == (1, ["annuaire.xls is not a spreadsheet this tool writes; name it .xlsx, .ods or .csv"])
    missing = tmp_path / "no-such-folder" / "annuaire.xlsx"
    code, lines = run_export(ORGANISATION, content, missing, messy.SETTINGS, messy.TODAY, "fr")
    assert code == 1 and lines == [f"impossible d’écrire {missing} (No such file or directory)"]
    assert not (tmp_path / "annuaire.xls").exists() and not list(tmp_path.rglob("*.partial"))
