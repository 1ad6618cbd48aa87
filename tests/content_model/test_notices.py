# ruff: noqa: E501 - each pinned message stays on one line, as printed, so that it can be searched for
"""What phones type: typographic quotes around a value, numbers with spaces and a decimal comma.

A value understood after a harmless change is kept without the change's traces and reported as a notice
(`report.notices`, printed `field: notice: …`), which never makes the report fail; a value that cannot be
understood without guessing is refused with a message that shows the fix.
"""

from __future__ import annotations

import pytest
from cmkit import lines, org, validate, write_site

from content_model.fieldtypes import read_number, unquote, with_guess
from content_model.messages import message

F = "content/organisations/yam-pukri.md"
PROJECT = '---\ntitle: "Forage"\norganisation: yam-pukri\ncountry: BF\nstatus: seeking_funding\nfunding:\n  currency: XOF\n  goal: {goal}\n---\n'


def _site(tmp_path, extra: str = "", project_goal: str | None = None):
    files = {"organisations/yam-pukri.md": org(extra=extra)}
    if project_goal is not None:
        files["projects/forage.md"] = PROJECT.format(goal=project_goal)
    return validate(write_site(tmp_path / "content", files))


@pytest.mark.parametrize(("typed", "english", "french"), [
    ("“Ségou”", 'city: notice: “Ségou” is read as "Ségou": the quotes around it are not part of the value; remove them',
     'city: remarque : “Ségou” est lu comme "Ségou" : les guillemets qui l’entourent ne font pas partie de la valeur ; supprimez-les'),
    ("« Ségou »", 'city: notice: « Ségou » is read as "Ségou": the quotes around it are not part of the value; remove them',
     'city: remarque : « Ségou » est lu comme "Ségou" : les guillemets qui l’entourent ne font pas partie de la valeur ; supprimez-les'),
    ("«\u202fSégou\u202f»", 'city: notice: «\u202fSégou\u202f» is read as "Ségou": the quotes around it are not part of the value; remove them',
     'city: remarque : «\u202fSégou\u202f» est lu comme "Ségou" : les guillemets qui l’entourent ne font pas partie de la valeur ; supprimez-les'),
    ("‘Ségou’", 'city: notice: ‘Ségou’ is read as "Ségou": the quotes around it are not part of the value; remove them',
     'city: remarque : ‘Ségou’ est lu comme "Ségou" : les guillemets qui l’entourent ne font pas partie de la valeur ; supprimez-les'),
])
def test_quotes_around_a_whole_value_are_removed_with_a_notice(tmp_path, typed, english, french) -> None:
    report = _site(tmp_path, extra=f"city: {typed}\n")
    assert report.ok and lines(report) == []
    assert report.registry.get("organisation", "yam-pukri").data["city"] == "Ségou"  # never published with quotes
    assert [str(n) for n in report.notices] == [f"{F}:5: {english}"]
    assert [n.render("fr") for n in report.notices] == [f"{F}:5: {french}"]


def test_a_quoted_code_is_accepted_and_never_suggests_what_was_typed(tmp_path) -> None:
    report = _site(tmp_path, extra="country: “ML”\n")
    assert lines(report) == []  # not '"ML" is not an ISO 3166 country code; did you mean "ML"?'
    assert report.registry.get("organisation", "yam-pukri").data["country"] == "ML"
    assert [str(n) for n in report.notices] == [
        f'{F}:5: country: notice: “ML” is read as "ML": the quotes around it are not part of the value; remove them']


def test_a_quoted_wrong_code_is_an_error_about_the_value_inside_the_quotes(tmp_path) -> None:
    report = _site(tmp_path, extra="country: “Mali”\n")
    assert lines(report) == [f'{F}:5: country: "Mali" is not an ISO 3166 country code; did you mean "ML"?']
    assert report.notices == []  # the error says it all; the notice would come once the code is right


def test_quotes_inside_a_value_are_kept(tmp_path) -> None:
    report = _site(tmp_path, extra='acronym: "“Naam” et “Song”"\nsummary: "La coopérative « Naam »"\n')
    data = report.registry.get("organisation", "yam-pukri").data
    assert (data["acronym"], data["summary"]) == ("“Naam” et “Song”", "La coopérative « Naam »")
    assert report.notices == []


def test_a_suggestion_never_repeats_what_was_typed() -> None:
    problem = message("{value} is not an ISO 3166 country code", value='"ML"')
    assert with_guess(problem, "ML", "ML") is problem
    assert str(with_guess(problem, "ML", "ml")) == '"ML" is not an ISO 3166 country code; did you mean "ML"?'


@pytest.mark.parametrize(("typed", "number", "english", "french"), [
    ('"1 500 000,50"', 1500000.5,
     'funding.goal: notice: "1 500 000,50" is read as 1500000.5; write 1500000.5: digits, a point before the decimals, no spaces and no quotes',
     'funding.goal: remarque : "1 500 000,50" est lu comme 1500000.5 ; écrivez 1500000.5 : des chiffres, un point avant les décimales, ni espaces ni guillemets'),
    ("1500,5", 1500.5,
     'funding.goal: notice: "1500,5" is read as 1500.5; write 1500.5: digits, a point before the decimals, no spaces and no quotes',
     'funding.goal: remarque : "1500,5" est lu comme 1500.5 ; écrivez 1500.5 : des chiffres, un point avant les décimales, ni espaces ni guillemets'),
    ("15 000 000", 15000000,
     'funding.goal: notice: "15 000 000" is read as 15000000; write 15000000: digits, a point before the decimals, no spaces and no quotes',
     'funding.goal: remarque : "15 000 000" est lu comme 15000000 ; écrivez 15000000 : des chiffres, un point avant les décimales, ni espaces ni guillemets'),
])
def test_numbers_written_the_french_way_are_understood_with_a_notice(tmp_path, typed, number, english, french) -> None:
    report = _site(tmp_path, project_goal=typed)
    assert report.ok and lines(report) == []
    assert report.registry.get("project", "forage").data["funding"]["goal"] == number
    assert [str(n) for n in report.notices] == [f"content/projects/forage.md:8: {english}"]
    assert [n.render("fr") for n in report.notices] == [f"content/projects/forage.md:8: {french}"]


def test_an_ambiguous_number_is_refused_with_both_readings(tmp_path) -> None:
    report = _site(tmp_path, project_goal='"1,500"')
    assert lines(report) == ['content/projects/forage.md:8: funding.goal: "1,500" can be read two ways: write 1500 if it means thousands, or 1.5 if the separator marks the decimals']
    assert [p.render("fr") for p in report.problems] == ['content/projects/forage.md:8: funding.goal: "1,500" peut se lire de deux façons : écrivez 1500 s’il s’agit de milliers, ou 1.5 si le séparateur marque les décimales']


@pytest.mark.parametrize(("text", "inner"), [
    ("“Ségou”", "Ségou"), ("« Ségou »", "Ségou"), ("„Ségou“", "Ségou"), ("‹x›", "x"), ("’x’", "x"), ("“”", ""),
    ("Ségou", None), ("“Naam” et “Song”", None), ("« Naam", None), ('"x"', None),
])
def test_which_quotes_are_around_a_whole_value(text, inner) -> None:
    assert unquote(text) == inner


@pytest.mark.parametrize(("text", "number"), [
    ("1500", 1500), ("1500.5", 1500.5), ("1500,5", 1500.5), ("1 500", 1500), ("1\u202f500,25", 1500.25),
    ("1.500.000", 1500000), ("1,500,000", 1500000), ("1.500,5", 1500.5), ("1,500.5", 1500.5), ("-12,25", -12.25),
    ("quinze", None), ("1 50", None), ("1..5", None),
])
def test_how_a_number_written_by_hand_is_read(text, number) -> None:
    assert read_number(text, "{value}") == number
