# ruff: noqa: E501 - each pinned message stays on one line, as printed, so that it can be searched for
"""`invoke validate` speaks the contributor's language: French by default, English with `--lang en`."""

from __future__ import annotations

import re

import pytest
from cmkit import copy_repository, invoke

#: Ten different mistakes in one organisation file.
TEN_MISTAKES = """---
name: "Coopérative Naam"
legal_form: coopérative
sectors: [agricuture]
country: Burkina
fonded: 2004
coordinates:
  lat: 95
  lon: -1.5
membership:
  status: membre
website: www.naam.org
email: contact(at)naam.org
phone: 22625300000
languages: [français]
---

Description.
"""
F = "content/organisations/zz-naam.md"
FRENCH = [
    f'{F}:3: legal_form: "coopérative" n’est pas un code de forme juridique de content/taxonomy.yml ; vouliez-vous dire "cooperative" ?',
    f'{F}:4: sectors[0]: "agricuture" n’est pas un code de secteur de content/taxonomy.yml ; vouliez-vous dire "agriculture" ?',
    f'{F}:5: country: "Burkina" n’est pas un code pays ISO 3166 ; vouliez-vous dire "BF" ?',
    f'{F}:6: fonded: champ inconnu ; vouliez-vous dire "founded" ?',
    f'{F}:8: coordinates.lat: "95" doit être compris entre -90 et 90',
    f'{F}:11: membership.status: "membre" n’est pas l’une des valeurs : member, partner, observer, applicant ; vouliez-vous dire "member" ?',
    f'{F}:12: website: "www.naam.org" n’est pas permis : un lien sans http:// ni https:// est refusé ; donnez une adresse commençant par https://',
    f'{F}:13: email: "contact(at)naam.org" n’est pas une adresse e-mail (nom@exemple.org)',
    f'{F}:14: phone: 22625300000 a été lu comme un nombre (22625300000) ; mettez le texte entre guillemets droits : "22625300000"',
    f'{F}:15: languages[0]: "français" n’est pas un code langue ISO 639 (deux lettres, ou trois pour une langue qui n’a pas de code à deux lettres, par ex. mos pour le mooré) ; vouliez-vous dire "fr" ?',
]
ENGLISH = [
    f'{F}:3: legal_form: "coopérative" is not a legal form code of content/taxonomy.yml; did you mean "cooperative"?',
    f'{F}:4: sectors[0]: "agricuture" is not a sector code of content/taxonomy.yml; did you mean "agriculture"?',
    f'{F}:5: country: "Burkina" is not an ISO 3166 country code; did you mean "BF"?',
    f'{F}:6: fonded: unknown field; did you mean "founded"?',
    f'{F}:8: coordinates.lat: "95" must be between -90 and 90',
    f'{F}:11: membership.status: "membre" is not one of: member, partner, observer, applicant; did you mean "member"?',
    f'{F}:12: website: "www.naam.org" is not allowed: a link without http:// or https:// is refused; give an address starting with https://',
    f'{F}:13: email: "contact(at)naam.org" is not an e-mail address (name@example.org)',
    f'{F}:14: phone: 22625300000 was read as a number (22625300000); put the text in quotes: "22625300000"',
    f'{F}:15: languages[0]: "français" is not an ISO 639 language code (two letters, or three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "fr"?',
]
#: No language asked for and a locale the validator does not speak: the site's first language.
NO_LANGUAGE = {"LABO_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("langs") / "site")


@pytest.fixture
def ten_mistakes(repo):
    path = repo / F
    path.write_text(TEN_MISTAKES, encoding="utf-8")
    yield repo
    path.unlink()


def _printed(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("content/")]


def test_ten_mistakes_are_ten_french_lines_by_default(ten_mistakes) -> None:
    result = invoke(ten_mistakes, "validate", env=NO_LANGUAGE)
    assert result.returncode == 1, result.stderr
    assert _printed(result) == FRENCH
    assert ("10 erreurs dans le contenu ; rien n’a été construit. Corrigez les lignes ci-dessus et relancez la "
            "construction.") in result.stderr


def test_the_same_mistakes_in_english_with_lang_en(ten_mistakes) -> None:
    result = invoke(ten_mistakes, "validate", "--lang", "en", env=NO_LANGUAGE)
    assert result.returncode == 1, result.stderr
    assert _printed(result) == ENGLISH
    assert "10 errors in the content; nothing was built. Fix the lines above and run the build again." in result.stderr


def test_a_file_with_notices_only_does_not_fail(repo) -> None:
    # Quotes a phone typed around values and an amount written the French way: understood, never a failure.
    path = repo / "content/projects/zz-forage.md"
    path.write_text('---\ntitle: "Forage"\norganisation: yam-pukri\ncountry: “BF”\nstatus: seeking_funding\n'
                    'funding:\n  currency: XOF\n  goal: "1 500 000,50"\n---\n', encoding="utf-8")
    try:
        result = invoke(repo, "validate", env=NO_LANGUAGE)
    finally:
        path.unlink()
    assert result.returncode == 0, result.stderr
    printed = _printed(result)
    assert len(printed) == 2 and all(": remarque : " in line for line in printed), printed
    assert printed[0].startswith("content/projects/zz-forage.md:4: country: remarque : “BF” est lu comme \"BF\"")
    assert "erreur" not in result.stderr
    assert re.search(r"fichiers? vérifiés? en \d+\.\d\d s", result.stderr), result.stderr


def test_an_unknown_report_language_is_refused(repo) -> None:
    result = invoke(repo, "validate", "--lang", "de")
    assert result.returncode != 0
    assert "unknown report language 'de'; use one of: fr, en" in result.stderr
