"""The web form's generated rules against the content model, and the form's checks against the validator."""

from __future__ import annotations

import ast
import hashlib
import inspect
import re
import textwrap
from pathlib import Path

import pytest
from tests.contribute.helpers import ROOT, TODAY, problems, run_js

from content_model import checks
from content_model.schema import KINDS, KINDS_BY_NAME
from content_model.validate import validate_site
from contribute import rules as rules_mod
from contribute.model import CHOICE_LABELS, FORM_KINDS, FORM_SKIPPED, form_fields, walk
from labo_site import i18n

TRANSLATIONS = ROOT / "themes/labo/translations"
#: ast fingerprint of checks._RULES. When it changes, review rules.CROSS_RULES and propose.js's CROSS
#: (a rule added or changed in the validator must be added or changed in the form), then update it here.
RULES_FINGERPRINT = "e6dea7baf487811f"


def _fingerprint() -> str:
    dumps = [ast.dump(ast.parse(textwrap.dedent(inspect.getsource(checks._RULES[k])))) for k in sorted(checks._RULES)]
    return hashlib.sha256("\n".join(dumps).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def rules() -> dict:
    report = validate_site(ROOT / "content", today=TODAY)
    return rules_mod.form_rules(registry=report.registry, today=TODAY, repository="https://github.com/o/r",
                                branch="main", email="contact@example.org", languages=("fr", "en"),
                                translate=lambda lang, msgid: i18n.translate(TRANSLATIONS, lang, msgid))


@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.name)
def test_form_rules_state_each_field_as_the_model_does(kind, rules) -> None:
    generated = rules["kinds"][kind.name]["fields"]
    assert [f["path"] for f in generated] == [path for path, _ in form_fields(kind)]
    model = dict(walk(kind.fields))
    for item in generated:
        f = model[item["path"]]
        assert (item["type"], item["required"], item["many"]) == (f.type, f.required, f.many), item["path"]
        assert item.get("choices", []) == list(f.choices)
        assert item.get("ref", "") == f.ref


@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.name)
def test_every_field_is_in_the_form_or_left_out_for_a_reason(kind) -> None:
    offered = {path for path, _ in form_fields(kind)}
    for path, _f in walk(kind.fields):
        left_out = [skip for skip in FORM_SKIPPED if path == skip or path.startswith(skip + ".")]
        assert (path in offered) != bool(left_out), path


def test_skipped_fields_exist_in_the_model() -> None:
    every = {path for kind in FORM_KINDS for path, _ in walk(kind.fields)}
    assert set(FORM_SKIPPED) <= every


def test_patterns_and_limits_are_the_validators(rules) -> None:
    assert rules["patterns"] == {"slug": checks.SLUG_RE.pattern, "email": checks._EMAIL_RE.pattern,
                                 "phone": checks._PHONE_RE.pattern, "handle": checks._HANDLE_RE.pattern,
                                 "datetime": checks._DATETIME_RE.pattern}
    assert rules["limits"] == {"text": checks.MAX_TEXT, "longtext": checks.MAX_LONGTEXT,
                               "firstYear": checks.FIRST_YEAR, "lastYear": checks.LAST_YEAR, "thisYear": TODAY.year}
    assert "Africa/Ouagadougou" in rules["timezones"]
    assert rules["currencyDigits"]["XOF"] == 0 and "EUR" not in rules["currencyDigits"]  # two places: default


def test_taken_identifiers_and_organisations_come_from_the_content(rules) -> None:
    assert "yam-pukri" in rules["kinds"]["organisation"]["taken"]
    assert ["yam-pukri", "Yam Pukri"] in rules["refs"]["organisation"]


def test_cross_field_rules_follow_the_validator(rules) -> None:
    assert _fingerprint() == RULES_FINGERPRINT, (
        "checks._RULES changed: mirror the change in plugins/contribute/rules.py (CROSS_RULES) and "
        "themes/labo/static/js/propose.js (CROSS), add a case below, then update RULES_FINGERPRINT")
    assert set(checks._RULES) & {k.name for k in FORM_KINDS} <= set(rules_mod.CROSS_RULES)
    implemented = run_js([["crossRules"]])[0]
    for kind, items in rules_mod.CROSS_RULES.items():
        paths = {p for p, _ in form_fields(KINDS_BY_NAME[kind])}
        for rule in items:
            assert rule["rule"] in implemented, rule
            assert rule.get("message", "x") in rules_mod.MESSAGES or rule["rule"] in ("end_after_start",
                                                                                       "timezone_with_time")
            named = [v for k, v in rule.items() if k not in ("rule", "message", "total", "value")]
            for value in named:
                for path in value if isinstance(value, list) else [value]:
                    assert path in paths, (kind, rule)


def test_every_message_and_choice_label_has_a_french_translation() -> None:
    po = (TRANSLATIONS / "fr/LC_MESSAGES/contribute.po").read_text(encoding="utf-8")
    for msgid in list(rules_mod.MESSAGES.values()) + list(CHOICE_LABELS.values()):
        assert i18n.translate(TRANSLATIONS, "fr", msgid) != msgid or f'msgid "{msgid}"' in po, msgid
    every_choice = {c for kind in KINDS for _, f in walk(kind.fields) for c in f.choices}
    assert every_choice <= set(CHOICE_LABELS)


# -- the form's checks and the validator agree -------------------------------------------------------------

ORG = {"name": "Coopérative « Naam » : no", "membership.status": "member"}
EVENT = {"title": "Forum", "kind": "forum", "start": "2027-03-10", "online": "https://meet.example.org/f"}
PROJECT = {"title": "Forage", "organisation": "raess", "country": "BF", "status": "in_progress"}
SERVICE = {"title": "Conseil", "kind": "consulting", "provider": "yam-pukri"}
TENDER = {"title": "Étude", "kind": "study", "deadline": "2027-01-15", "issuer_name": "Ministère"}

#: (kind, form values, fields the form flags, fields the validator flags): [] means valid on both sides.
CASES = [
    ("organisation", {**ORG, "summary": "Ligne 1\n\n  Ligne 3 : « ok »\n---\nfin", "country": "NO",
                      "languages": ["no", "fr"], "phone": "+47 22 00 00 00", "maintainers": "@awa-ndiaye, kofi",
                      "founded": "2004", "membership.since": "2019-05-01", "website": "https://example.org/a?b=c&d",
                      "coordinates.lat": "12.25", "coordinates.lon": "-1.5", "sectors": ["agriculture", "energy"],
                      "legal_form": "cooperative", "acronym": "3.10"}, [], []),
    ("organisation", {**ORG, "coordinates.lat": "12.25"}, ["coordinates.lon"], ["coordinates.lon"]),
    ("organisation", {**ORG, "membership.status": ""}, ["membership.status"], ["membership"]),
    ("organisation", {**ORG, "founded": "2999"}, ["founded"], ["founded"]),
    ("organisation", {**ORG, "email": "contact@@example"}, ["email"], ["email"]),
    ("organisation", {**ORG, "website": "javascript:alert(1)"}, ["website"], ["website"]),
    ("organisation", {**ORG, "phone": "appelez-nous"}, ["phone"], ["phone"]),
    ("organisation", {**ORG, "maintainers": "awa ndiaye!"}, ["maintainers"], ["maintainers"]),
    ("event", {**EVENT, "end": "2027-03-09"}, ["end"], ["end"]),
    ("event", {**EVENT, "start": "2027-03-10 09:00", "end": "2027-03-11"}, ["end", "timezone"], ["end", "start"]),
    ("event", {**EVENT, "start": "2027-03-10 09:00"}, ["timezone"], ["start"]),
    ("event", {**EVENT, "start": "2027-03-10 09:00", "timezone": "Africa/Ouagadougou",
               "end": "2027-03-10 17:30", "free": True, "registration.deadline": "2027-03-01",
               "languages": ["fr", "en"]}, [], []),
    ("event", {**EVENT, "timezone": "Afrique/Ouaga"}, ["timezone"], ["timezone"]),
    ("event", {**EVENT, "start": "2027-03-10 09:00", "timezone": "Europe/Lisbon"}, [], []),  # outside Africa
    ("event", {**EVENT, "free": True, "price.amount": "5000", "price.currency": "XOF"}, ["free"], ["free"]),
    ("event", {**EVENT, "registration.deadline": "2027-03-11"}, ["registration.deadline"], ["registration.deadline"]),
    ("event", {**EVENT, "online": ""}, ["location"], ["location"]),
    ("event", {**EVENT, "online": "", "location.city": "Ouagadougou", "location.country": "BF"}, [], []),
    ("event", {**EVENT, "start": "2027-02-30"}, ["start"], ["start"]),
    ("project", {**PROJECT, "funding.currency": "XOF", "funding.goal": "0"}, ["funding.goal"], ["funding.goal"]),
    ("project", {**PROJECT, "funding.currency": "XOF", "funding.goal": "100", "funding.optimum": "50"},
     ["funding.optimum"], ["funding.optimum"]),
    ("project", {**PROJECT, "funding.goal": "100"}, ["funding.currency"], ["funding.currency"]),
    ("project", {**PROJECT, "status": "seeking_funding"}, ["funding"], ["status"]),
    ("project", {**PROJECT, "status": "seeking_funding", "funding.currency": "XOF", "funding.goal": "12000000",
                 "funding.deadline": "2027-06-30", "sdgs": ["2", "6"], "needs": ["funding", "equipment"],
                 "partners": ["ired", "raess"], "support": "Mobile money : +226 00 00 00 01\nMerci"}, [], []),
    ("project", {**PROJECT, "funding.currency": "XOF", "funding.goal": "-5"}, ["funding.goal"], ["funding.goal"]),
    ("service", {**SERVICE, "revenue_split.consultant": "50", "revenue_split.platform": "30",
                 "revenue_split.ess_fund": "30"}, ["revenue_split"], ["revenue_split"]),
    ("service", {**SERVICE, "revenue_split.consultant": "70"},
     ["revenue_split.platform", "revenue_split.ess_fund"], ["revenue_split.platform", "revenue_split.ess_fund"]),
    ("service", {**SERVICE, "revenue_split.consultant": "70.5", "revenue_split.platform": "14.5",
                 "revenue_split.ess_fund": "15", "price.amount": "150000", "price.currency": "XOF",
                 "price.unit": "day", "countries": ["BF", "SN"]}, [], []),
    ("service", {**SERVICE, "price.amount": "1500.5", "price.currency": "XOF", "price.unit": "day"},
     ["price.amount"], ["price.amount"]),
    ("tender", {**TENDER, "issuer": "raess"}, ["issuer"], ["issuer"]),
    ("tender", {**TENDER, "issuer_name": ""}, ["issuer"], ["title"]),
    ("tender", {**TENDER, "published": "2027-02-01"}, ["deadline"], ["deadline"]),
    ("tender", {**TENDER, "deadline": "2027-01-15 17:00"}, ["timezone"], ["deadline"]),
    ("tender", {**TENDER, "deadline": "2027-01-15 25:00"}, ["deadline"], ["deadline"]),
]


@pytest.fixture(scope="module")
def form_outcomes(rules) -> list[dict]:
    return run_js([["checkAndBuild", kind, values, "Une description.\n\n## Titre"] for kind, values, _, _ in CASES],
                  rules)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_form_and_validator_flag_the_same_problems(index, form_outcomes, content_copy) -> None:
    kind, _values, form_flags, validator_flags = CASES[index]
    outcome = form_outcomes[index]
    assert sorted({e["path"] for e in outcome["errors"]}) == sorted(form_flags), outcome["errors"]
    # The file the form writes from what it accepted: the validator finds exactly the expected problems.
    target = content_copy / KINDS_BY_NAME[kind].folder / "proposition-du-formulaire.md"
    target.write_text(outcome["file"], encoding="utf-8")
    found = [p for p in problems(content_copy) if "proposition-du-formulaire" in p]
    flagged = sorted({re.match(r"[^:]+:\d+: ([^:]+): ", p)[1] for p in found})
    if form_flags:  # a value the form refused is left out of the file: the validator may see it as missing
        assert set(flagged) <= set(validator_flags) | set(form_flags), found
    else:
        assert flagged == sorted(validator_flags), found


def test_a_valid_file_keeps_every_value(form_outcomes, content_copy) -> None:
    outcome = form_outcomes[0]
    target = content_copy / "organisations/proposition-du-formulaire.md"
    target.write_text(outcome["file"], encoding="utf-8")
    report = validate_site(content_copy, today=TODAY)
    assert report.ok, report.problems
    data = report.registry.get("organisation", "proposition-du-formulaire").data
    assert data["name"] == "Coopérative « Naam » : no"
    assert data["summary"] == "Ligne 1\n\n  Ligne 3 : « ok »\n---\nfin"
    assert data["country"] == "NO" and data["languages"] == ["no", "fr"] and data["acronym"] == "3.10"
    assert data["maintainers"] == ["awa-ndiaye", "kofi"] and data["founded"] == 2004
    assert str(data["membership"]["since"]) == "2019-05-01"
    assert data["coordinates"] == {"lat": 12.25, "lon": -1.5}
    assert outcome["file"].endswith("---\n\nUne description.\n\n## Titre\n")


def test_the_identifier_rules_match(rules) -> None:
    assert re.fullmatch(rules["patterns"]["slug"], "cooperative-naam-2")
    assert not re.fullmatch(rules["patterns"]["slug"], "Coopérative")


def test_fixture_content_is_untouched() -> None:
    assert not (ROOT / "content/organisations/proposition-du-formulaire.md").exists()
    assert Path(ROOT / "content").is_dir()
