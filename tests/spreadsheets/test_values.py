"""Cells to values and back, header names to fields: the rules stated in values.py and headers.py."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.spreadsheets import messy

from content_model import codes
from content_model.schema import ENTITY_KINDS, KINDS_BY_NAME
from content_model.taxonomy import load
from spreadsheets import headers, values

ORG = KINDS_BY_NAME["organisation"]
TAXONOMY, _ = load(messy.ROOT / "content" / "taxonomy.yml")
CTX = values.Context(TAXONOMY)


def field(path: str):
    return headers.index(ORG).targets[path].field


def convert(path: str, value):
    return values.from_cell(field(path), value, values.Context(TAXONOMY))


def refused(path: str, value, lang: str = "en") -> str:
    with pytest.raises(values.Bad) as bad:
        convert(path, value)
    return bad.value.message.render(lang)


@pytest.mark.parametrize("cell,code", [("Burkina Faso", "BF"), ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"),
                                       ("CÔTE D’IVOIRE", "CI"), ("RDC", "CD"), ("R.D. Congo", "CD"), ("Sénégal", "SN"),
                                       ("senegal", "SN"), ("bf", "BF"), ("BFA", "BF"), ("Moçambique", "MZ"),
                                       ("Cap-Vert", "CV"), ("Centrafrique", "CF"), ("Ivory Coast", "CI")])
def test_country_names_in_french_english_and_portuguese(cell, code):
    assert convert("country", cell) == code


def test_a_country_is_never_guessed():
    assert refused("country", "Burkina") == '"Burkina" is not the name or ISO code of a country; did you mean ' \
                                            '"Burkina Faso" (BF)?'


@pytest.mark.parametrize("cell,expected", [
    (44260, dt.date(2021, 3, 5)),  # a serial number: days since 1899-12-30
    (44260.0, dt.date(2021, 3, 5)),
    (dt.datetime(2021, 3, 5), dt.date(2021, 3, 5)),  # a date cell
    ("05/03/2021", dt.date(2021, 3, 5)),  # day first
    ("5/3/2021", dt.date(2021, 3, 5)),
    ("05.03.2021", dt.date(2021, 3, 5)),
    ("05-03-2021", dt.date(2021, 3, 5)),
    ("2021-03-05", dt.date(2021, 3, 5)),
    (2019, 2019),  # a "date or year" column takes a year
    ("2019", 2019),
])
def test_dates(cell, expected):
    assert convert("membership.since", cell) == expected


def test_dates_are_day_first_and_never_swapped():
    assert refused("membership.since", "03/25/2021") == '"03/25/2021" is not a real date (day first: 05/03/2021 ' \
                                                       "is 5 March 2021)"
    assert refused("membership.since", "05/03/21") == '"05/03/21" has a two-digit year; write the year in full, ' \
                                                      "e.g. 05/03/2021"
    assert refused("membership.since", "mars 2021").startswith('"mars 2021" is not a date; write it as 05/03/2021')


def test_a_year_in_a_date_column_and_a_time_in_a_datetime_column():
    deadline = headers.index(KINDS_BY_NAME["project"]).targets["funding.deadline"].field
    with pytest.raises(values.Bad) as bad:
        values.from_cell(deadline, 2027, CTX)
    assert bad.value.message.render("fr") == "2027 est une année ; cette colonne contient une date complète, par " \
                                             "ex. 05/03/2027"
    start = headers.index(KINDS_BY_NAME["event"]).targets["start"].field
    assert values.from_cell(start, "10/03/2027 9h00", CTX) == dt.datetime(2027, 3, 10, 9, 0)
    assert values.from_cell(start, 46456.375, CTX) == dt.datetime(2027, 3, 10, 9, 0)  # a serial with a time
    assert values.from_cell(start, dt.datetime(2027, 3, 10, 8, 59, 59, 999000), CTX) == dt.datetime(2027, 3, 10, 9)


def test_phone_numbers_stored_as_numbers():
    ctx = values.Context(TAXONOMY)
    assert values.from_cell(field("phone"), 22625300000, ctx) == "+22625300000"
    assert ctx.notes[0].render("en") == 'the phone number 22625300000 was stored as a number, which drops the ' \
                                        'leading "+": written as "+22625300000"; check it'
    assert refused("phone", 70123456).startswith('"70123456" was stored as a number, which drops a leading 0 or +')
    assert convert("phone", "+226 25 30 00 00") == "+226 25 30 00 00"  # text cells are kept as typed


@pytest.mark.parametrize("cell,expected", [("oui", True), ("Non", False), ("yes", True), ("NO", False), ("x", True),
                                           ("X", True), ("vrai", True), ("faux", False), (True, True), (0, False)])
def test_yes_and_no(cell, expected):
    assert convert("unpublished", cell) is expected


def test_yes_no_refuses_other_words():
    assert refused("unpublished", "peut-être", "fr") == '"peut-être" n’est ni oui ni non ; écrivez oui, non, yes, ' \
                                                        "no ou x"


def test_lists_and_labels_with_commas():
    assert convert("sectors", "Santé, services sociaux et emploi, Éducation et formation") == [
        "health_social", "education"]
    assert convert("sectors", "agriculture;trade") == ["agriculture", "trade"]
    assert convert("sectors", "Agriculture et environnement\nCommerce et distribution") == ["agriculture", "trade"]
    assert convert("languages", "French, English") == ["fr", "en"]
    assert convert("maintainers", "awa-traore, kofi") == ["awa-traore", "kofi"]


def test_choices_by_code_and_label_in_either_language():
    for cell in ("member", "Membre", "MEMBER", "adhérent"):
        assert convert("membership.status", cell) == "member"
    assert refused("membership.status", "honoraire", "fr") == '"honoraire" n’est pas l’une des valeurs : Membre, ' \
                                                               "Partenaire, Observatrice, Candidate"


def test_numbers_with_a_decimal_comma_and_spaces():
    assert convert("coordinates.lat", "12,2526") == 12.2526
    assert convert("coordinates.lat", "-12.5") == -12.5
    price = headers.index(KINDS_BY_NAME["service"]).targets["price.amount"].field
    assert values.from_cell(price, "15 000 000", CTX) == 15000000
    assert values.from_cell(price, "1 500,50", CTX) == 1500.5


@pytest.mark.parametrize("kind", ["country", "language"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_exported_name_reads_back_as_its_code(kind, lang):
    f = field("country") if kind == "country" else field("languages")
    # Languages: the codes the site keeps (one per language; "aar" is kept as "aa", see codes.canonical_language).
    valid = codes.countries() if kind == "country" else {codes.canonical_language(c) for c in codes.languages()}
    for code in sorted(valid):
        assert values.from_cell(f, values.to_cell(f, [code] if f.many else code, lang, CTX), CTX) == \
            ([code] if f.many else code)


def test_every_taxonomy_and_choice_label_reads_back():
    for path in ("sectors", "legal_form", "membership.status"):
        f = field(path)
        codes_ = list(TAXONOMY.sectors if path == "sectors" else TAXONOMY.legal_forms if path == "legal_form"
                      else values.choice_labels(f))
        for lang in ("fr", "en"):
            for code in codes_:
                value = [code] if f.many else code
                assert values.from_cell(f, values.to_cell(f, value, lang, CTX), CTX) == value


@pytest.mark.parametrize("header,path", [
    ("Nom", "name"), ("NOM", "name"), ("name", "name"), ("Nom complet de l'organisation", "name"),
    ("Forme juridique", "legal_form"), ("legal_form", "legal_form"), ("LEGAL FORM", "legal_form"),
    ("Forme juridique (code de content/taxonomy.yml)", "legal_form"), ("Pays du siège", "country"),
    ("pays du siege", "country"), ("Country", "country"), ("Statut", "membership.status"),
    ("membership.status", "membership.status"), ("Adhésion au réseau – Statut", "membership.status"),
    ("Adhésion au réseau : statut", "membership.status"), ("Membership of the network - Status", "membership.status"),
    ("Latitude", "coordinates.lat"), ("Courriel", "email"), ("Tél.", "phone"), ("Identifiant", "slug"),
])
def test_header_names(header, path):
    assert headers.index(ORG).resolve(header) == path


def test_every_export_header_reads_back_as_its_field():
    for kind in ENTITY_KINDS:
        idx = headers.index(kind)
        for target in idx.targets.values():
            for lang in ("fr", "en"):
                assert idx.resolve(headers.export_header(idx, target, lang)) == target.path


def test_column_letters():
    assert [headers.letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
