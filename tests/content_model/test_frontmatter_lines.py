"""The front-matter parser: line of every key, raw text of every scalar, YAML errors at the line to fix."""

from __future__ import annotations

import datetime as dt

import pytest
from cmkit import ROOT  # noqa: F401 - puts plugins/ on the path

from content_model import yamlerrors
from content_model.frontmatter import decode, parse
from content_model.messages import Message


def test_lines_of_nested_keys_and_list_items() -> None:
    fm = parse('---\nname: "A"\nfunding:\n  goal: 10\n  contributions:\n    - name: B\n      amount: 5\n'
               "sectors: [ict, trade]\n---\nBody line\n")
    assert fm.problems == []
    assert fm.lines[("name",)] == 2
    assert fm.lines[("funding", "goal")] == 4
    assert fm.lines[("funding", "contributions", 0)] == 6
    assert fm.lines[("funding", "contributions", 0, "amount")] == 7
    assert fm.lines[("sectors", 1)] == 8
    assert fm.line_of(("funding", "contributions", 0, "date")) == 6  # nearest ancestor that has a line
    assert fm.body == "Body line\n"


def test_raw_text_is_kept_for_messages() -> None:
    fm = parse("---\nacronym: 3.10\nphone: +22625300000\ncountry: NO\n---\n")
    assert fm.data == {"acronym": 3.1, "phone": 22625300000, "country": False}
    assert fm.raw[("acronym",)][1] == "3.10"
    assert fm.raw[("phone",)][1] == "+22625300000"
    assert fm.raw[("country",)][1] == "NO"


def test_an_impossible_date_stays_text_for_the_checks_to_report() -> None:
    # PyYAML would raise a bare ValueError without a line for 2027-02-30.
    fm = parse("---\nstart: 2027-02-30\nend: 2027-03-02\n---\n")
    assert fm.problems == []
    assert fm.data == {"start": "2027-02-30", "end": dt.date(2027, 3, 2)}


def test_keys_are_names_even_when_yaml_reads_them_as_numbers_or_booleans() -> None:
    fm = parse("---\n2020: x\nno: y\n---\n")
    assert set(fm.data) == {"2020", "no"}


@pytest.mark.parametrize("closing", ["---", "...", "---   ", "---\r"])
def test_closing_fence_forms(closing: str) -> None:
    fm = parse(f"---\nname: A\n{closing}\nbody\n")
    assert fm.problems == [] and fm.data == {"name": "A"} and fm.body == "body\n"


def test_a_dashes_line_inside_the_body_is_body() -> None:
    fm = parse("---\nname: A\n---\nIntro\n\n---\n\nMore\n")
    assert fm.data == {"name": "A"}
    assert fm.body == "Intro\n\n---\n\nMore\n"


@pytest.mark.parametrize(("header", "line", "message"), [
    ('name: "unclosed\ncity: x\n', 2,
     "invalid YAML: while scanning a quoted scalar, found unexpected end of stream (noticed on line 3)"),
    ("name: foo\nbar\ncity: x\n", 3,
     "invalid YAML: while scanning a simple key, could not find expected ':' (noticed on line 4)"),
    ("name: [a, b\ncity: x\n", 2,
     "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' (noticed on line 3)"),
    ("summary: >\n  ok\n bad\n", 4,
     "invalid YAML: did not find expected key (while parsing a block mapping started on line 2)"),
    ("city: Ouaga: centre\n", 2, "invalid YAML: mapping values are not allowed in this context"),
])
def test_yaml_errors_point_at_the_line_to_fix(header: str, line: int, message: str) -> None:
    fm = parse(f"---\n{header}---\n")
    (problem,) = fm.problems
    assert (problem.line, str(problem.message).split("; check")[0]) == (line, message)
    assert str(problem.message).endswith("; check the indentation, the colons and quote values that contain ': ' or "
                                         "start with a symbol")


@pytest.mark.parametrize("header", ["sectors:\n\t- ict\n", "membership:\n\tstatus: member\n"])
def test_a_tab_gets_its_own_message(header: str) -> None:
    (problem,) = parse(f"---\nname: A\n{header}---\n").problems
    assert (problem.line, str(problem.message)) == (4, "invalid YAML: a tab is used for indentation; indent with "
                                                       "spaces only")


def test_decode_locates_the_bad_byte_and_accepts_a_bom() -> None:
    assert decode("\ufeff---\nname: é\n".encode()) == ("---\nname: é\n", None)
    text, problem = decode(b"---\nname: ok\ncity: Bobo-Dioulass\xe9\n")
    assert text == ""
    assert (problem.line, str(problem.message)) == (
        3, "the file is not valid UTF-8 (byte 0xE9 at column 20); save it with the UTF-8 encoding")


def test_the_shipped_taxonomy_and_content_parse_without_problems() -> None:
    for path in sorted((ROOT / "content").rglob("*.md")):
        text, problem = decode(path.read_bytes())
        assert problem is None, path
        assert parse(text).problems == [], path


@pytest.mark.parametrize(("header", "french"), [
    ('name: "unclosed\ncity: x\n',
     "YAML invalide : en lisant un texte entre guillemets, fin du texte atteinte trop tôt (remarqué à la ligne 3)"),
    ("name: foo\nbar\ncity: x\n",
     "YAML invalide : en lisant un nom de champ, « : » attendu, non trouvé (remarqué à la ligne 4)"),
    ("name: [a, b\ncity: x\n",
     "YAML invalide : en lisant une liste entre crochets, « , » ou « ] » attendu, non trouvé (remarqué à la ligne 3)"),
    ("summary: >\n  ok\n bad\n",
     "YAML invalide : nom de champ attendu, non trouvé (en lisant une suite de champs depuis la ligne 2)"),
    ("city: Ouaga: centre\n", "YAML invalide : une paire « champ: valeur » n’est pas permise à cet endroit"),
    ("sectors:\n\t- ict\n",
     "YAML invalide : une tabulation sert à l’indentation ; indentez uniquement avec des espaces"),
])
def test_yaml_errors_are_said_in_french(header: str, french: str) -> None:
    (problem,) = parse(f"---\n{header}---\n").problems
    assert problem.message.render("fr").split(" ; vérifiez")[0] == french


@pytest.mark.parametrize("header", [
    'a: "abc', "a: [1, 2", "a: {b: 1", "a: b: c", "a:\n  b: 1\n c: 2", "- a\nb: 1", "a: @x", "a: !foo x",
    "a: &x 1\nb: *y", 'a: "\\q"', "a: >0\n x", 'a: "x\\u12"', "a: *", "a: &", "a: !<tag", "a: !e!x 1",
    "[a, b]: c\nd", "{a: 1}}", "x: - y", "a: >\n  x\n\tb", 'a: "x\n---\n"',
])
def test_every_error_libyaml_gives_here_is_in_the_catalogue(header: str) -> None:
    (problem,) = parse(f"---\n{header}\n---\n").problems
    french = problem.message.render("fr")
    assert french.startswith("YAML invalide : ") and french != problem.message.render("en")
    for english in ("found", "expected", "while ", "not allowed", "could not"):
        assert english not in french.split(" ; vérifiez")[0], french


def test_pyyaml_texts_are_translated_when_known_and_kept_when_not() -> None:
    # The pure-Python parser's words (a machine without libyaml) are in the catalogue too.
    for text in ("mapping values are not allowed here", "found character '@' that cannot start any token",
                 "expected <block end>, but found '<block mapping start>'", "found undefined alias 'y'",
                 "while scanning a double-quoted scalar", "found unexpected end of stream",
                 "could not find expected ':'"):
        assert isinstance(yamlerrors.translated(text), Message), text
    assert yamlerrors.translated("mapping values are not allowed here").render("fr") == (
        "une paire « champ: valeur » n’est pas permise ici")
    assert yamlerrors.translated("found character '@' that cannot start any token").render("fr") == (
        "le caractère '@' ne peut commencer aucun élément")
    assert yamlerrors.translated("a text no PyYAML version has said") == "a text no PyYAML version has said"
