"""The web form's generated rules against the content model, and the form's checks against the validator.

The form states no rule of its own: `propose.js` interprets the steps of `content_model/fieldtypes.py` and the
rules of `content_model/crossrules.py`, read from the generated `propose-rules.js`. The tests below check that
the data is the model's, that the script holds no type rule, and run the same inputs through Python and through
propose.js under Node: same values, same messages in English and in French.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.conftest import LANGUAGES
from tests.contribute.helpers import ROOT, TODAY, problems, run_js

from content_model import crossrules, fieldtypes
from content_model.frontmatter import FrontMatter
from content_model.messages import Message
from content_model.schema import KINDS, KINDS_BY_NAME
from content_model.taxonomy import load
from content_model.validate import validate_site
from contribute import rules as rules_mod
from contribute.model import FORM_KINDS, FORM_SKIPPED, form_fields, walk
from labo_site import i18n

TRANSLATIONS = ROOT / "themes/labo/translations"
SCRIPT = ROOT / "themes/labo/static/js/propose.js"


@pytest.fixture(scope="module")
def rules() -> dict:
    report = validate_site(ROOT / "content", languages=LANGUAGES, today=TODAY)
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
        assert item.get("choices", []) == list(f.codes)
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


# -- one registry: the script reads every rule from the generated data ----------------------------------------

def test_each_type_of_the_form_is_its_registry_entry(rules) -> None:
    used = {f["type"] for k in rules["kinds"].values() for f in k["fields"]} - {"object"} | {"slug"}
    assert set(rules["types"]) == used
    for name in used:
        assert rules["types"][name] == fieldtypes.TYPES[name].browser(TODAY), name
    year = rules["types"]["year"]["steps"][1]
    assert (year["min"], year["max"]) == (fieldtypes.FIRST_YEAR, TODAY.year)  # the build's year, resolved
    assert rules["numbers"] == [list(form) for form in fieldtypes.NUMBER_FORMS]
    assert "Africa/Ouagadougou" in rules["lists"]["timezones"]
    assert rules["currencyDigits"]["XOF"] == 0 and "EUR" not in rules["currencyDigits"]  # two places: default


def test_each_kind_carries_its_rules_between_fields(rules) -> None:
    for kind in FORM_KINDS:
        assert rules["kinds"][kind.name]["cross"] == list(crossrules.RULES.get(kind.name, ()))


def test_the_script_interprets_every_rule_of_the_vocabulary() -> None:
    implemented = run_js([["vocabulary"]])[0]
    sent = {s.rule for t in fieldtypes.TYPES.values() for s in t.steps if not s.server}
    assert set(implemented["steps"]) == sent
    assert set(implemented["rules"]) == set(crossrules.KINDS)


def test_the_script_writes_no_type_rule() -> None:
    """No type's name, pattern or bound in propose.js: what it knows of a type comes from propose-rules.js."""
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", SCRIPT.read_text(encoding="utf-8"), flags=re.DOTALL)
    literals = set(re.findall(r"\"([a-z_]+)\"", code))
    # "object" is the structure (a group of sub-fields), "slug" the file name the form asks for apart.
    assert literals & set(fieldtypes.TYPES) <= {"object", "slug"}
    for pattern in (fieldtypes.SLUG_RE, fieldtypes.EMAIL_RE, fieldtypes.PHONE_RE, fieldtypes.HANDLE_RE,
                    fieldtypes.DATETIME_RE):
        assert pattern.pattern.strip("^$") not in code
    for bound in (fieldtypes.FIRST_YEAR, fieldtypes.LAST_YEAR, fieldtypes.MAX_TEXT, fieldtypes.MAX_LONGTEXT, 17):
        assert not re.search(rf"\b{bound}\b", code), bound


def test_every_rule_names_fields_of_its_kind() -> None:
    for kind_name, items in crossrules.RULES.items():
        paths = {path for path, _ in walk(KINDS_BY_NAME[kind_name].fields)}
        for rule in items:
            base = rule.get("each", "")
            for key in ("early", "late", "times", "zone", "a", "b", "paths", "if", "then", "field", "items", "group",
                        "amount", "currency", "at", "form_at"):
                named = rule.get(key)
                for rel in named if isinstance(named, list) else [named] if named is not None else []:
                    path = f"{base}.{rel}" if base and key not in ("items", "form_at") and rel else rel or base
                    assert path in paths, (kind_name, key, rel)


def test_every_message_of_the_form_is_translated_into_french(rules) -> None:
    known = fieldtypes.MESSAGES | crossrules.MESSAGES | set(rules_mod.FORM_MESSAGES.values())
    used = rules_mod._msgids({k: v for k, v in rules.items() if k != "messages"}, known)
    assert len(used) > 60
    assert set(rules["messages"]["fr"]) == used
    assert rules["messages"]["en"] == {}  # English is the msgids themselves


def test_taken_identifiers_and_organisations_come_from_the_content(rules) -> None:
    assert "yam-pukri" in rules["kinds"]["organisation"]["taken"]
    assert ["yam-pukri", "Yam Pukri"] in rules["refs"]["organisation"]


# -- the same values through Python and through propose.js ----------------------------------------------------

class _Context:
    """What the validator gives a type's steps, for one value (checks._Value without a file)."""

    def __init__(self, raw: str) -> None:
        self.today = TODAY
        self.taxonomy = load(ROOT / "content/taxonomy.yml")[0]
        self.inventory = None
        self._raw = raw
        self.notices: list[Message] = []
        self.references: list[tuple[str, str]] = []

    def raw(self) -> str:
        return self._raw

    def notice(self, msg: Message) -> None:
        self.notices.append(msg)

    def refer(self, kind: str, slug: str) -> None:
        self.references.append((kind, slug))


def _field(kind: str, path: str):
    return dict(walk(KINDS_BY_NAME[kind].fields))[path]


def _python(kind: str, path: str, typed) -> dict:
    f = _field(kind, path)
    try:
        value = fieldtypes.TYPES[f.type].check(typed, f, _Context(str(typed)))
    except fieldtypes.Invalid as bad:
        return {"error": {"en": bad.message.render("en"), "fr": bad.message.render("fr")}}
    return {"value": fieldtypes.value_text(value)}


#: (kind, field, what the form's control gives, what YAML reads from the file the form writes (or a contributor
#: wrote), the English message or the value both sides must produce).
VALUES = [
    ("organisation", "name", "Ligne 1\nLigne 2", "Ligne 1\nLigne 2", "must fit on one line"),
    ("organisation", "name", "x" * 301, "x" * 301, "is 301 characters long; keep it under 300"),
    ("organisation", "city", "“Ségou”", "“Ségou”", "=Ségou"),
    ("organisation", "city", "« Ségou »", "« Ségou »", "=Ségou"),
    ("organisation", "founded", "2999", 2999, "2999 is not a possible year (between 1800 and 2026)"),
    ("organisation", "founded", "20.5", 20.5, "\"20.5\" must be a whole number"),
    ("organisation", "founded", "2004", 2004, "=2004"),
    ("organisation", "membership.since", "2999", 2999, "2999 is not a possible year (between 1800 and 2026)"),
    ("organisation", "membership.since", "mai 2019", "mai 2019",
     "\"mai 2019\" is not a date; write YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", e.g. 2027-03-10"),
    ("organisation", "membership.since", "2019-05-01", dt.date(2019, 5, 1), "=2019-05-01"),
    ("organisation", "coordinates.lat", "-91", -91, "\"-91\" must be between -90 and 90"),
    ("organisation", "coordinates.lat", "12,5", "12,5", "=12.5"),
    ("organisation", "website", "www.example.org", "www.example.org",
     "\"www.example.org\" is not allowed: a link without http:// or https:// is refused; give an address starting "
     "with https://"),
    ("organisation", "website", "javascript:alert(1)", "javascript:alert(1)",
     "\"javascript:alert(1)\" is not allowed: \"javascript:\" links are refused; give an address starting with "
     "https://"),
    ("organisation", "website", "https://localhost/x", "https://localhost/x",
     "\"https://localhost/x\" is not a valid web address (https://example.org/…)"),
    ("organisation", "website", "https://exa mple.org", "https://exa mple.org",
     "\"https://exa mple.org\" is not a URL: it contains spaces; encode them as %20"),
    ("organisation", "email", "contact@@example", "contact@@example",
     "\"contact@@example\" is not an e-mail address (name@example.org)"),
    ("organisation", "email", "a?b@example.org", "a?b@example.org",
     "\"a?b@example.org\" is not an e-mail address: U+003F QUESTION MARK has no place in one; write the address "
     "alone, e.g. name@example.org"),
    ("organisation", "email", "mailto:contact@example.org", "mailto:contact@example.org", "=contact@example.org"),
    ("organisation", "phone", "appelez-nous", "appelez-nous",
     "\"appelez-nous\" is not a phone number: digits, spaces and an optional leading +, e.g. \"+226 25 30 00 00\""),
    ("organisation", "maintainers", "@awa-ndiaye", "@awa-ndiaye", "=awa-ndiaye"),
    ("organisation", "maintainers", "awa ndiaye!", "awa ndiaye!",
     "\"awa ndiaye!\" is not a Git host account name (letters, digits and hyphens)"),
    ("organisation", "membership.status", "membre", "membre",
     "\"membre\" is not one of: member, partner, observer, applicant"),
    ("project", "funding.goal", "-5", -5, "\"-5\" must not be negative"),
    ("project", "funding.goal", "1 500,50", "1 500,50", "=1500.5"),
    ("project", "funding.goal", "1500,5", "1500,5", "=1500.5"),
    ("project", "funding.goal", "1.500.000", "1.500.000", "=1500000"),
    ("project", "funding.goal", "1,500", "1,500",
     "\"1,500\" can be read two ways: write 1500 if it means thousands, or 1.5 if the separator marks the decimals"),
    ("project", "funding.goal", "beaucoup", "beaucoup",
     "\"beaucoup\" must be an amount, written with digits, e.g. 15000000 or 1500.50"),
    ("project", "funding.goal", "10000000000000000", 10**16,
     "\"10000000000000000\" must be between 0 and 1000000000000000"),
    ("project", "sdgs", "18", 18, "\"18\" is not a Sustainable Development Goal: use a number from 1 to 17"),
    ("service", "revenue_split.platform", "150", 150, "\"150\" must be between 0 and 100"),
    ("event", "start", "2027-02-30", "2027-02-30",
     "\"2027-02-30\" is not a real date or time (day is out of range for month)"),
    ("event", "start", "2027-13-01", "2027-13-01",
     "\"2027-13-01\" is not a real date or time (month must be in 1..12)"),
    ("event", "start", "2027-03-10 25:00", "2027-03-10 25:00",
     "\"2027-03-10 25:00\" is not a real date or time (hour must be in 0..23)"),
    ("event", "start", "1750-03-10", dt.date(1750, 3, 10),
     "\"1750-03-10\" lies outside the possible range (1800–2100)"),
    ("event", "start", "2027-03-10 9:00", "2027-03-10 9:00", "=2027-03-10 09:00:00"),
    ("event", "registration.deadline", "2027-03-10 09:00", "2027-03-10 09:00",
     "\"2027-03-10 09:00\" must be a date without a time: YYYY-MM-DD"),
    ("event", "timezone", "Mars/Olympus", "Mars/Olympus", "\"Mars/Olympus\" is not an IANA time zone"),
    ("event", "free", True, True, "=true"),
]


@pytest.fixture(scope="module")
def js_values(rules) -> list[dict]:
    calls = []
    for kind, path, form, _typed, _expected in VALUES:
        f = _field(kind, path)
        field = {"path": path, "type": f.type, "choices": list(f.codes), "ref": f.ref}
        calls.append(["checkValue", field, form])
    return run_js(calls, rules)


def _same(python: str, script: str, lang: str) -> bool:
    """The validator may add what only it can compute: a suggestion from the code lists."""
    guess = "; did you mean " if lang == "en" else " ; vouliez-vous dire "
    return python == script or python.startswith(script + guess)


@pytest.mark.parametrize("index", range(len(VALUES)), ids=[f"{v[0]}.{v[1]}-{i}" for i, v in enumerate(VALUES)])
def test_a_value_reads_the_same_in_the_form_and_in_the_validator(index, js_values) -> None:
    kind, path, _form, typed, expected = VALUES[index]
    python, script = _python(kind, path, typed), js_values[index]
    if expected.startswith("="):  # accepted: the same normalised value on both sides
        assert python == {"value": expected[1:]}
        assert script.get("text") == expected[1:], script
        return
    assert python["error"]["en"] == expected or python["error"]["en"].startswith(expected + "; did you mean")
    for lang in ("en", "fr"):
        assert _same(python["error"][lang], script["error"][lang], lang), (python, script)
    assert python["error"]["fr"] != python["error"]["en"]


# -- the same rules between fields through Python and through propose.js ----------------------------------------

def _typed(value):
    """Dates as YAML reads them; the form keeps them as text."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", value):
        return dt.datetime.fromisoformat(value)
    return value


#: (kind, checked values as the form holds them, the validator's lines: "path: English message").
RULES_CASES = [
    ("event", {"start": "2027-03-10", "end": "2027-03-08", "online": "https://x.org"},
     ["end: 2027-03-08 is before the start (2027-03-10); fix one of them"]),
    ("event", {"start": "2027-03-10 17:00", "end": "2027-03-10 09:00", "timezone": "Africa/Lome", "online": "h"},
     ["end: 2027-03-10 09:00:00 is before the start (2027-03-10 17:00:00); fix one of them"]),
    ("event", {"start": "2027-03-10", "end": "2027-03-11 09:00", "timezone": "Africa/Lome", "online": "h"},
     ["end: use the same form as \"start\": both dates, or both dates with times"]),
    ("event", {"start": "2027-03-10 09:00", "online": "h"},
     ["start: has a time but the event has no \"timezone\"; add e.g. \"timezone: Africa/Ouagadougou\""]),
    ("event", {"start": "2027-03-10", "free": True, "price": {"amount": 5, "currency": "XOF"}, "online": "h"},
     ["free: an event cannot be free and have a price; remove one of them"]),
    ("event", {"start": "2027-03-10", "free": False},
     ["location: say where the event takes place: give a \"location\" (venue, city, country) or an \"online\" "
      "link, or both"]),
    ("event", {"start": "2027-03-10 09:00", "timezone": "UTC", "online": "h",
               "registration": {"deadline": "2027-03-11"}},
     ["registration.deadline: the registration deadline is after the start"]),
    ("event", {"start": "2027-03-10 09:00", "timezone": "UTC", "online": "h",
               "registration": {"deadline": "2027-03-10"}}, []),
    ("project", {"status": "seeking_funding"},
     ["status: a project \"seeking_funding\" needs a \"funding\" group (currency and goal); add it or change the "
      "status"]),
    ("project", {"status": "funded", "funding": {"currency": "XOF", "goal": 0}}, ["funding.goal: must be more than 0"]),
    ("project", {"status": "funded", "funding": {"currency": "XOF", "goal": 100, "optimum": 50}},
     ["funding.optimum: 50 is below the minimum goal (100)"]),
    ("project", {"status": "funded", "funding": {"currency": "XOF", "goal": 100, "raised": 10, "contributions": [
        {"name": "Awa", "anonymous": True, "amount": 5}, {"amount": 3, "date": "2027-01-01"}]}},
     ["funding.contributions[0]: give either \"name\" or \"anonymous: true\", not both or neither",
      "funding.contributions[1]: give either \"name\" or \"anonymous: true\", not both or neither",
      "funding.contributions[1].date: 2027-01-01 is after the build date (2026-11-18); list a contribution once it "
      "is received",
      "funding.raised: 10 differs from the sum of the contributions (8); fix one of them or remove \"raised\" (it is "
      "then computed)"]),
    ("service", {"revenue_split": {"consultant": 50, "platform": 30, "ess_fund": 30}},
     ["revenue_split: the parts add up to 110, not 100; adjust them"]),
    ("service", {"revenue_split": {"consultant": 0.1, "platform": 65.1, "ess_fund": 34.8}}, []),
    ("service", {"price": {"amount": 1500.5, "currency": "XOF", "unit": "day"}},
     ["price.amount: 1500.5 is finer than the currency allows: XOF amounts are whole numbers; round it"]),
    ("service", {"price": {"amount": 10.125, "currency": "EUR", "unit": "day"}},
     ["price.amount: 10.125 is finer than the currency allows: EUR amounts are given to 2 decimal places at most; "
      "round it"]),
    ("tender", {"title": "Étude", "issuer": "raess", "issuer_name": "Ministère", "deadline": "2027-01-15"},
     ["issuer: give either \"issuer\" (an organisation of the directory) or \"issuer_name\", exactly one"]),
    ("tender", {"title": "Étude", "deadline": "2027-01-15"},
     ["title: give either \"issuer\" (an organisation of the directory) or \"issuer_name\", exactly one"]),
    ("tender", {"title": "Étude", "issuer_name": "M", "deadline": "2027-01-15 17:00", "published": "2027-02-01",
                "timezone": "UTC"},
     ["deadline: the deadline is before the publication date (2027-02-01)"]),
    ("tender", {"title": "Étude", "issuer_name": "M", "deadline": "2027-01-15", "documents": [
        {"title": "Plan", "file": "images/site/plan.png"}]},
     ["documents[0].file: \"images/site/plan.png\" is not under content/documents/, the folder published with the "
      "site; move the file there"]),
    ("article", {"sponsored": True}, ["sponsored: a sponsored announcement must name its \"sponsor\""]),
    ("article", {"sponsor": "Banque", "sponsored": False},
     ["sponsor: add \"sponsored: true\" to label the announcement as sponsored"]),
]


@pytest.fixture(scope="module")
def js_rules(rules) -> list[list[dict]]:
    # Every rule's French, news included (the form's data file carries only the form kinds' words).
    french = {m: i18n.translate(TRANSLATIONS, "fr", m) for m in crossrules.MESSAGES}
    return run_js([["applyRules", list(crossrules.RULES[kind]), data, data] for kind, data, _ in RULES_CASES],
                  {**rules, "messages": {"fr": french, "en": {}}})


@pytest.mark.parametrize("index", range(len(RULES_CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(RULES_CASES)])
def test_a_rule_between_fields_says_the_same_in_the_form_and_in_the_validator(index, js_rules) -> None:
    kind, data, expected = RULES_CASES[index]
    fm = FrontMatter(_typed(data), "")
    found = crossrules.apply(kind, _typed(data), fm, TODAY)
    assert sorted(f"{p.field}: {p.message}" for p in found) == sorted(expected)
    script = js_rules[index]
    assert sorted(f"{p['path']}: {p['en']}" for p in script) == sorted(expected)
    assert sorted(f"{p.field}: {p.message.render('fr')}" for p in found) == sorted(
        f"{p['path']}: {p['fr']}" for p in script)


# -- the form's checks and the validator agree on whole files ------------------------------------------------

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
    ("organisation", {**ORG, "maintainers": "awa, kofi, awa"}, ["maintainers"], ["maintainers"]),
    ("organisation", {**ORG, "city": "“Ségou”"}, [], []),
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
    ("project", {**PROJECT, "funding.currency": "XOF", "funding.goal": "1 500 000"}, [], []),
    ("project", {**PROJECT, "organisation": "inconnue"}, ["organisation"], ["organisation"]),
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
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY)
    assert report.ok, report.problems
    data = report.registry.get("organisation", "proposition-du-formulaire").data
    assert data["name"] == "Coopérative « Naam » : no"
    assert data["summary"] == "Ligne 1\n\n  Ligne 3 : « ok »\n---\nfin"
    assert data["country"] == "NO" and data["languages"] == ["no", "fr"] and data["acronym"] == "3.10"
    assert data["maintainers"] == ["awa-ndiaye", "kofi"] and data["founded"] == 2004
    assert str(data["membership"]["since"]) == "2019-05-01"
    assert data["coordinates"] == {"lat": 12.25, "lon": -1.5}
    assert outcome["file"].endswith("---\n\nUne description.\n\n## Titre\n")


def test_the_form_writes_values_without_typographic_quotes_or_spaces_in_numbers(form_outcomes) -> None:
    quoted = next(o for (kind, values, _, _), o in zip(CASES, form_outcomes, strict=True)
                  if values.get("city") == "“Ségou”")
    assert 'city: "Ségou"\n' in quoted["file"]
    grouped = next(o for (kind, values, _, _), o in zip(CASES, form_outcomes, strict=True)
                   if values.get("funding.goal") == "1 500 000")
    assert "  goal: 1500000\n" in grouped["file"]


def test_the_form_says_what_is_wrong_in_the_pages_language(form_outcomes) -> None:
    founded = next(o for (kind, values, _, _), o in zip(CASES, form_outcomes, strict=True)
                   if values.get("founded") == "2999")
    assert founded["errors"] == [{"path": "founded", "en": "2999 is not a possible year (between 1800 and 2026)",
                                  "fr": "2999 n’est pas une année possible (entre 1800 et 2026)"}]
    unknown = next(o for (kind, values, _, _), o in zip(CASES, form_outcomes, strict=True)
                   if values.get("organisation") == "inconnue")
    assert unknown["errors"] == [{"path": "organisation",
                                  "en": "\"inconnue\" is not an organisation of content/organisations/",
                                  "fr": "\"inconnue\" n’est pas une organisation de content/organisations/"}]
    split = next(o for (kind, values, _, _), o in zip(CASES, form_outcomes, strict=True)
                 if values.get("revenue_split.ess_fund") == "30")
    assert split["errors"] == [{"path": "revenue_split", "en": "The three parts must add up to 100 (now 110).",
                                "fr": "Les trois parts doivent totaliser 100 (actuellement 110)."}]


def test_the_identifier_is_checked_by_the_slug_type(rules) -> None:
    ok, bad = run_js([["checkValue", {"type": "slug"}, "cooperative-naam-2"],
                      ["checkValue", {"type": "slug"}, "Coopérative"]], rules)
    assert ok["value"] == "cooperative-naam-2"
    assert bad["error"]["en"] == "\"Coopérative\" is not an identifier: use lowercase letters, digits and hyphens"


def test_fixture_content_is_untouched() -> None:
    assert not (ROOT / "content/organisations/proposition-du-formulaire.md").exists()
    assert Path(ROOT / "content").is_dir()


def test_every_kind_of_the_model_has_its_rules_stated_once() -> None:
    assert set(crossrules.RULES) <= {k.name for k in KINDS}


# -- numbers written the French way: understood, with the validator's notice ------------------------------------

@pytest.mark.parametrize("typed, number", [("1 500,50", "1500.5"), ("1\u202f500\u202f000", "1500000"),
                                           ("12,5", "12.5")])
def test_a_number_written_the_french_way_is_understood_with_the_validators_notice(typed, number, rules) -> None:
    f = _field("project", "funding.goal")
    ctx = _Context(typed)
    assert fieldtypes.value_text(fieldtypes.TYPES[f.type].check(typed, f, ctx)) == number
    [script] = run_js([["checkValue", {"path": "funding.goal", "type": f.type}, typed]], rules)
    assert script["text"] == number
    assert [n["en"] for n in script["notices"]] == [n.render("en") for n in ctx.notices]
    assert [n["fr"] for n in script["notices"]] == [n.render("fr") for n in ctx.notices]
    assert script["notices"][0]["en"].startswith(f'"{typed}" is read as {number}; write {number}')


def test_a_number_written_as_in_the_file_needs_no_notice(rules) -> None:
    [script] = run_js([["checkValue", {"path": "funding.goal", "type": "amount"}, "1500.5"]], rules)
    assert script["text"] == "1500.5" and script["notices"] == []


def test_the_form_words_the_notice_for_itself(rules) -> None:
    """On the page the notice is the form's own sentence, with the validator's values."""
    args = {"value": '"1 500,50"', "number": "1500.5"}
    message = {"msg": rules["form"]["number_read"], "args": args}
    assert run_js([["render", message, {}], ["render", message, rules["messages"]["fr"]]], rules) == [
        '"1 500,50" is understood as 1500.5.', '"1 500,50" est compris comme 1500.5.']


# -- one rules file per page and language --------------------------------------------------------------------

@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.name)
def test_a_page_carries_its_kind_only_with_its_messages_in_its_language(kind, rules) -> None:
    page = rules_mod.page_rules(rules, (kind.name,), "fr")
    assert set(page["kinds"]) == {kind.name} and page["lang"] == "fr" and "messages" not in page
    used = {f["type"] for f in rules["kinds"][kind.name]["fields"]} | {"slug"}
    assert set(page["types"]) == used - {"object"}
    french = rules["messages"]["fr"]
    for name in page["types"]:
        assert page["types"][name] == rules_mod._translated(rules["types"][name], french)
    assert page["kinds"][kind.name]["cross"] == rules_mod._translated(rules["kinds"][kind.name]["cross"], french)
    assert ("logo" in page) == (kind.name == "organisation")
    assert set(page["refs"]) == {f.ref for _, f in form_fields(kind) if f.ref} | (
        {"organisation"} if kind.name == "organisation" else set())
    english = rules_mod.page_rules(rules, (kind.name,), "en")
    assert english["types"] == {name: rules["types"][name] for name in english["types"]}  # msgids are English


def test_a_page_file_says_in_french_what_the_full_rules_say_with_their_table(rules) -> None:
    values = {"title": "Forage", "organisation": "inconnue", "country": "BF", "status": "in_progress",
              "funding.currency": "XOF", "funding.goal": "-5"}
    full = run_js([["checkAndBuild", "project", values, ""]], rules)[0]
    page = run_js([["checkAndBuild", "project", values, ""]], rules_mod.page_rules(rules, ("project",), "fr"))[0]
    assert [e["en"] for e in page["errors"]] == [e["fr"] for e in full["errors"]]
    assert len(page["errors"]) == 2 and page["file"] == full["file"]


def test_the_organisation_page_knows_the_directory_and_the_logo_limits(rules) -> None:
    from content_model import filetypes
    from content_model.limits import DEFAULT

    page = rules_mod.page_rules(rules, ("organisation",), "fr")
    assert ["yam-pukri", "Yam Pukri"] in page["refs"]["organisation"]
    assert page["kinds"]["organisation"]["distinct"] == {
        "page": "organisations/{slug}.html",
        "edit": "https://github.com/o/r/edit/main/content/organisations/{slug}.md"}
    logo = page["logo"]
    assert (logo["bytes"], logo["pixels"]) == (DEFAULT.image_bytes, DEFAULT.image_pixels)
    assert logo["folder"] == "images/logos"
    images = [t.extensions[0] for t in filetypes.TABLE if t.family == filetypes.IMAGE]
    assert [t["ext"] for t in logo["types"]] == images
    assert {t["mime"] for t in logo["types"]} == {"image/png", "image/jpeg", "image/webp", "image/gif"}
    assert "exists" in page["form"] and "logo_bytes" in page["form"]
    event = rules_mod.page_rules(rules, ("event",), "fr")
    assert "logo" not in event and "exists" not in event["form"] and "logo_bytes" not in event["form"]


def test_long_lists_leave_to_the_browser_only_what_the_page_does_not_label(rules) -> None:
    from contribute import form

    more = rules["more"]
    assert more["countries"]["type"] == "region" and "FR" in more["countries"]["codes"].split()
    assert "BF" not in more["countries"]["codes"].split()  # Africa is labelled in the page
    assert not set(more["currencies"]["codes"].split()) & {"XOF", "EUR", "USD"}
    languages = more["languages"]["codes"].split()
    assert all(len(code) == 2 for code in languages) and not set(languages) & set(form.FIRST_LANGUAGES)
    assert not set(languages) & set(form.african_languages())


# -- the scripts the site serves, compacted at build time, do what their sources do -------------------------------

def test_the_compacted_scripts_give_the_same_results(rules, tmp_path) -> None:
    from contribute.generator import compact_script

    scripts = {}
    for key, name in (("core", "propose.js"), ("org", "propose-org.js")):
        source = ROOT / "themes/labo/static/js" / name
        compacted = compact_script(source.read_text(encoding="utf-8"))
        assert len(compacted) < 0.9 * source.stat().st_size
        scripts[key] = str(tmp_path / name)
        (tmp_path / name).write_text(compacted, encoding="utf-8")
    calls = [["checkValue", {"path": path, "type": _field(kind, path).type, "choices": list(_field(kind, path).codes),
                             "ref": _field(kind, path).ref}, form] for kind, path, form, _, _ in VALUES]
    calls += [["checkAndBuild", kind, values, "Une description.\n\n## Titre"] for kind, values, _, _ in CASES]
    calls += [["zipFiles", [["a.md", "é"], ["b.png", [137, 80, 78, 71]]], [2026, 12, 6, 10, 20, 30]],
              ["slugify", "Coopérative d’épargne « Naam »", 60], ["vocabulary"]]
    assert run_js(calls, rules, scripts) == run_js(calls, rules)
