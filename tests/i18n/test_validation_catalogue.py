"""The validator's French catalogue (validation.po): complete, with the same values, in French typography.

Every message of `plugins/content_model` reaches a contributor (in the terminal, in a pull request, in the web
form); `invoke validate` speaks French by default, so none may be left in English.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from tests.conftest import ROOT

from content_model.fieldtypes import SELECT_MANY, TYPES

CATALOGUE = ROOT / "themes/labo/translations/fr/LC_MESSAGES/validation.po"
MODULES = ROOT / "plugins/content_model"
#: schema.py holds the labels the pages show (translated with the site's words), report.py the frame of the report
#: (translated with the build's words, build.po).
ELSEWHERE = {"schema.py", "report.py"}
#: What a type shows in the field reference and beside a form control: contributor documentation, kept in
#: contribute.po with the site's other words about contributing.
DOCUMENTATION = ({t.help for t in TYPES.values()} | {t.control.hint for t in TYPES.values()}
                 | {t.control.many_hint for t in TYPES.values()} | {SELECT_MANY}) - {""}


def _msgids() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(MODULES.glob("*.py")):
        if path.name in ELSEWHERE:
            continue
        for _line, msgid, _comments, _context in extract_from_file("python", str(path), keywords={"N_": None}):
            if msgid not in DOCUMENTATION:
                found.setdefault(msgid, path.name)
    return found


def _catalogue() -> dict[str, str]:
    with CATALOGUE.open("rb") as f:
        return {m.id: m.string for m in read_po(f, locale="fr") if m.id and not m.fuzzy}


def test_every_message_of_the_validator_has_a_french_translation() -> None:
    catalogue, msgids = _catalogue(), _msgids()
    assert len(msgids) > 250
    missing = sorted(f"{module}: {msgid}" for msgid, module in msgids.items() if not catalogue.get(msgid))
    assert missing == [], "messages without a French translation in validation.po:\n" + "\n".join(missing)


@pytest.mark.parametrize("msgid", sorted(_catalogue()))
def test_a_translation_keeps_every_value_of_its_message(msgid: str) -> None:
    french = _catalogue()[msgid]
    for pattern in (r"\{\w+\}", r"%\(\w+\)s"):
        assert sorted(re.findall(pattern, french)) == sorted(re.findall(pattern, msgid)), french


def _prose(msgid: str, french: str) -> str:
    """The French words, without what is quoted from a file or typed into one: values, code, addresses, times."""
    text = french
    for literal in re.findall(r'"[^"]*"', msgid):  # straight quotes of the English kept: text to type as it is
        text = text.replace(literal, "")
    text = re.sub(r"\{\w+\}|%\(\w+\)s", "", text)
    text = re.sub(r"«[^»]*»", "«»", text)  # what the guillemets quote is code: field names, YAML to type
    # Addresses, times, settings and a YAML sign named in brackets: "(!)" is a character, not a sentence's end.
    return re.sub(r"https?://\S*|\bHH:MM\b|\d{2}:\d{2}|\[[^\]]*\]|\([^\w\s]\)", "", text)


@pytest.mark.parametrize("msgid", sorted(_catalogue()))
def test_french_typography(msgid: str) -> None:
    french = _catalogue()[msgid]
    prose = _prose(msgid, french)
    assert "'" not in prose, f"apostrophe ’, not ': {french}"
    assert not re.search(r'"[^"]*"', prose), f"« guillemets » around words, not straight quotes: {french}"
    for mark in re.finditer(r"[;:?!]", prose):
        before = prose[mark.start() - 1] if mark.start() else ""
        assert before in (" ", "\u202f", "\u00a0"), f"a space before « {mark[0]} »: {french}"
