"""The FieldType registry: one entry per type of the model, the only place a type's rules are written."""

from __future__ import annotations

import datetime as dt

import pytest

from content_model import crossrules, fieldtypes, schema
from content_model.fieldtypes import LAST_YEAR, RULES, TYPES
from content_model.schema import KINDS, KINDS_BY_NAME, labels, phrases, plurals
from content_model.taxonomy import Taxonomy

TODAY = dt.date(2026, 11, 18)
NEWS = {"actualites": "General news", "plaidoyer": "Advocacy", "forums": "Forums and reports",
        "annonces": "Announcements"}


def _fields():
    def walk(fields):
        for f in fields:
            yield f
            yield from walk(f.fields)
    return [f for kind in KINDS for f in walk(kind.fields)]


def test_the_model_knows_the_types_of_the_registry_and_no_other() -> None:
    assert tuple(TYPES) == schema.TYPES
    assert {f.type for f in _fields()} <= set(TYPES)


@pytest.mark.parametrize("name", list(TYPES))
def test_each_type_is_stated_with_rules_of_the_vocabulary(name) -> None:
    t = TYPES[name]
    assert t.help in fieldtypes.MESSAGES
    assert all(s.rule in RULES for s in t.steps)
    if t.quoted:  # a text value: YAML must have read text, and typographic quotes come off
        assert [s.rule for s in t.steps[:2]] == ["text", "unquote"]


def test_a_bound_that_is_the_build_year_is_resolved_by_each_interpreter() -> None:
    year = TYPES["year"]
    f = KINDS_BY_NAME["organisation"].get("founded")
    assert year.browser(TODAY)["steps"][1]["max"] == 2026  # the form: the build's year
    assert year.form_control(f, TODAY)["attrs"] == {"step": 1, "min": 1800, "max": 2026, "inputmode": "numeric"}
    # The committed schema cannot know the date: it holds the widest bound, the validator the exact one.
    assert year.schema(f, Taxonomy())["maximum"] == LAST_YEAR


def test_the_schema_fragment_comes_from_the_steps() -> None:
    org = KINDS_BY_NAME["organisation"]
    assert TYPES["text"].schema(org.get("name"), Taxonomy()) == {"type": "string", "pattern": r"^[^\n]*$",
                                                                   "maxLength": 300}
    assert TYPES["handle"].schema(org.get("maintainers"), Taxonomy())["pattern"].startswith("^@?[A-Za-z0-9]")
    assert TYPES["email"].schema(org.get("email"), Taxonomy())["pattern"].startswith("^(mailto:)?[A-Za-z0-9_+-]")
    amount = KINDS_BY_NAME["service"].get("price").subfield("amount")
    assert TYPES["amount"].schema(amount, Taxonomy()) == {"type": "number", "minimum": 0,
                                                          "maximum": fieldtypes.MAX_AMOUNT}
    status = org.get("membership").subfield("status")
    assert TYPES["choice"].schema(status, Taxonomy())["enum"] == ["member", "partner", "observer", "applicant"]


def test_only_steps_the_browser_can_run_are_sent_to_it() -> None:
    data = fieldtypes.browser_data(TODAY)
    sent = {s["rule"] for t in data["types"].values() for s in t["steps"]}
    assert sent.isdisjoint({"text", "visible", "collapse", "file"})  # YAML typing, Unicode names, files on disk
    assert "one_of" not in {s["rule"] for s in data["types"]["country"]["steps"]}  # the form offers a list


def test_every_rule_between_fields_is_of_the_vocabulary() -> None:
    for items in crossrules.RULES.values():
        for rule in items:
            assert rule["rule"] in crossrules.KINDS
            assert rule["message"] in crossrules.MESSAGES


def test_choice_labels_are_stated_once_in_the_model() -> None:
    from agenda import views as agenda
    from directory import views as directory
    from news import views as news
    from projects import views as projects
    from search import views as search
    from services import views as services
    from tenders import views as tenders

    assert directory.STATUS_LABELS == labels(schema.MEMBERSHIP)
    assert directory.STATUS_PLURALS == plurals(schema.MEMBERSHIP)
    assert projects.NEED_LABELS == labels(schema.PROJECT_NEED)
    assert {k: v for k, v in projects.STATUS_LABELS.items() if k in schema.PROJECT_STATUSES} == labels(
        schema.PROJECT_STATUS)
    assert agenda.KIND_LABELS == search.EVENT_KINDS == labels(schema.EVENT_KIND)
    assert agenda.KIND_PLURALS == plurals(schema.EVENT_KIND)
    assert services.KIND_LABELS == search.SERVICE_KINDS == labels(schema.SERVICE_KIND)
    assert services.UNIT_PRICES == phrases(schema.PRICE_UNIT)
    assert tenders.KIND_LABELS == search.TENDER_KINDS == labels(schema.TENDER_KIND)
    assert news.CATEGORY_LABELS == search.NEWS_CATEGORIES == labels(schema.NEWS_CATEGORY) == NEWS


def test_every_choice_has_a_label_and_the_codes_are_the_fields_choices() -> None:
    for f in _fields():
        if f.type == "choice":
            assert f.codes and all(c.label for c in f.choices), f.name
    assert KINDS_BY_NAME["service"].get("price").subfield("unit").codes == schema.PRICE_UNITS
    assert all(c.phrase.count("%(price)s") == 1 for c in schema.PRICE_UNIT)
