"""The messy member list of the import tests, written with openpyxl as staff keep theirs: a title row, a
two-row header (a merged group cell above its parts, single columns merged down), French and English
headers, an empty column, trailing empty rows, serial and typed dates, phone numbers as numbers, country
names in several spellings, sector labels with commas, yes/no words; and a small content folder to import
into."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 6)
from tests.conftest import LANGUAGES as SITE_LANGUAGES  # noqa: E402 - the shipped content has their translations

SETTINGS = {"LANGUAGES": SITE_LANGUAGES, "LABO_INCLUDE_EXAMPLES": True}

PLACES = ["Koudougou", "Bobo-Dioulasso", "Abidjan", "Bouaké", "Kinshasa", "Thiès", "Ouagadougou", "Ségou", "Niamey",
          "Porto-Novo", "Lomé", "Douala", "Essaouira", "Tamale", "Kisumu", "Maputo", "Bissau", "Praia"]
KINDS = ["Coopérative des maraîchères de", "Association des femmes transformatrices de", "Mutuelle de santé de",
         "Union des producteurs de", "Réseau des jeunes entrepreneurs de", "Groupement des artisanes de"]
COUNTRIES = ["Burkina Faso", "Burkina Faso", "Côte d'Ivoire", "Cote d'Ivoire", "RDC", "Sénégal", "BF", "mali", "Niger",
             "Bénin", "Togo", "Cameroun", "Maroc", "Ghana", "Kenya", "Mozambique", "Guinée-Bissau", "Cap-Vert"]
SECTORS = ["Agriculture et environnement", "agriculture; trade", "Santé, services sociaux et emploi, Éducation et "
           "formation", "Finance, insurance and related activities", "Commerce et distribution ; Artisanat et "
           "industrie manufacturière", "education"]
FORMS = ["Coopérative", "association", "Mutuelle", "Union ou fédération", "Network", "cooperative",
         "Groupement d’intérêt économique (GIE)", "Entreprise sociale"]
STATUSES = ["Membre", "member", "Partenaire", "observateur", "Candidate", "MEMBRE"]
SINCE = [44260, dt.datetime(2022, 6, 1), "05/03/2021", 2019, None, "2020-11-15"]
FOUNDED = [2004, "1998", 2010.0, None]
LANGUAGES = ["français; anglais", "French, English", "fr", "Wolof, français", None, "portugais"]
UNPUBLISHED = ["non", "no", None, "Non", "faux", "NO"]

#: The wrong cells: (row of the sheet, header of the column) -> the wrong value; FIXES holds a right one.
WRONG = {
    (10, "Country"): "Wakanda",
    (15, "E-mail"): "contact@@cooperative.example.org",
    (20, "NOM"): None,
    (25, "Depuis"): "31/02/2021",
    (30, "Téléphone"): 70123456,
    (35, "Secteurs d'activité"): "Pêche artisanale",
    (40, "Statut"): "Membre d'honneur",
    (45, "Année de création"): 2030,
    (48, "Site web"): "www.cooperative-exemple.org",
    (51, "Depuis"): "03/25/2021",
}
FIXES = {
    (10, "Country"): "Togo",
    (15, "E-mail"): "contact@cooperative.example.org",
    (20, "NOM"): "Coopérative des maraîchères de Koupéla",
    (25, "Depuis"): "28/02/2021",
    (30, "Téléphone"): "70 12 34 56",
    (35, "Secteurs d'activité"): "Agriculture et environnement",
    (40, "Statut"): "Membre",
    (45, "Année de création"): 2020,
    (48, "Site web"): "https://www.cooperative-exemple.org",
    (51, "Depuis"): "25/03/2021",
}
HEADERS = ["NOM", "sigle", "Country", "Ville", "Secteurs d'activité", "Forme Juridique", "Statut", "Depuis",
           "Année de création", "E-mail", "Téléphone", "Site web", "Languages", None, "Retirer l'entrée du site"]
FIRST_ROW = 4
EXISTING_ROW = 53  # "yam pukri": the existing entry content/organisations/yam-pukri.md

YAM_PUKRI = """---
# L'association qui anime le site.
name: "Yam Pukri"
membership:
  status: member
summary: "Yam Pukri assure l'animation et la gestion technique du site."
---

Yam Pukri fait partie des organisations qui font vivre l'initiative au quotidien.
"""


def rows() -> list[dict]:
    """The 50 data rows, by header, with the wrong cells."""
    out = []
    for i in range(50):
        place = PLACES[i % len(PLACES)]
        name = f"{KINDS[i % len(KINDS)]} {place}" + (f" {i // len(PLACES) + 1}" if i >= len(PLACES) else "")
        host = f"org{i + 1}.example.org"
        row = {"NOM": name, "sigle": f"ORG{i + 1}" if i % 3 == 0 else None, "Country": COUNTRIES[i % len(COUNTRIES)],
               "Ville": place, "Secteurs d'activité": SECTORS[i % len(SECTORS)],
               "Forme Juridique": FORMS[i % len(FORMS)],
               "Statut": STATUSES[i % len(STATUSES)], "Depuis": SINCE[i % len(SINCE)],
               "Année de création": FOUNDED[i % len(FOUNDED)],
               "E-mail": f"contact@{host}" if i % 5 else None,
               "Téléphone": [22625300000 + i, f"+221 33 800 00 {i:02d}", f"70 12 34 {i:02d}", None][i % 4],
               "Site web": f"https://{host}" if i % 2 else None, "Languages": LANGUAGES[i % len(LANGUAGES)],
               "Retirer l'entrée du site": UNPUBLISHED[i % len(UNPUBLISHED)]}
        out.append(row)
    out[EXISTING_ROW - FIRST_ROW].update({"NOM": "yam pukri", "Country": "Burkina Faso", "Ville": "Ouagadougou",
                                          "Statut": "Membre", "sigle": None})
    for (row, header), value in WRONG.items():
        out[row - FIRST_ROW][header] = value
    return out


def fixed_rows() -> list[dict]:
    out = rows()
    for (row, header), value in FIXES.items():
        out[row - FIRST_ROW][header] = value
    return out


def write_xlsx(path: Path, data: list[dict]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Membres"
    sheet["A1"] = "Membres du réseau — décembre 2026"
    sheet.merge_cells("A1:O1")
    for column, header in enumerate(HEADERS, 1):
        if header in ("Statut", "Depuis"):
            sheet.cell(3, column, header)
        elif header is not None:
            sheet.cell(2, column, header)
            if header != "Ville":  # merged down over the second header row, except one
                sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet["G2"] = "Adhésion au réseau"
    sheet.merge_cells("G2:H2")
    for number, row in enumerate(data, FIRST_ROW):
        for column, header in enumerate(HEADERS, 1):
            if header is not None and row.get(header) is not None:
                sheet.cell(number, column, row[header])
    sheet.cell(60, 1, "   ")  # trailing rows: blank text, then formatting only
    sheet.cell(75, 3).font = Font(bold=True)
    workbook.save(path)
    return path


def content_folder(tmp: Path) -> Path:
    """A content folder with the taxonomy and one existing organisation."""
    content = tmp / "content"
    (content / "organisations").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "taxonomy.yml", content / "taxonomy.yml")
    (content / "organisations" / "yam-pukri.md").write_text(YAM_PUKRI, encoding="utf-8")
    return content
