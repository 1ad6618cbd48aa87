"""The web form's client-side rules, generated from the content model into one JavaScript data file.

`propose.js` reads `window.LABO_PROPOSE` and checks each field like `checks.py` does (same patterns,
limits and choices, taken from that module), plus the cross-field rules of `checks._RULES` listed in
CROSS_RULES. The pull request's validation stays the last word; the form only spares a round trip.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from babel.numbers import get_currency_precision

from content_model import checks, codes
from content_model.registry import Registry
from content_model.schema import Kind

from . import links
from .form import african_timezones
from .model import FORM_KINDS, N_, form_fields

Translate = Callable[[str, str], str]
SCRIPT_PATH = "theme/js/propose-rules.js"

#: Cross-field rules of `checks._RULES`, as data the script interprets. These rules are code, not data, so
#: they are mirrored here: tests/contribute/test_rules.py runs both on the same cases and holds a fingerprint
#: of `checks._RULES` that fails when a rule changes, so that this table is reviewed with it.
CROSS_RULES: dict[str, list[dict]] = {
    "event": [
        {"rule": "end_after_start", "start": "start", "end": "end"},
        {"rule": "timezone_with_time", "times": ["start", "end"], "timezone": "timezone"},
        {"rule": "not_both", "a": "free", "b": "price", "message": "free_and_price"},
        {"rule": "one_given", "paths": ["location", "online"], "message": "where"},
        {"rule": "date_not_after", "date": "registration.deadline", "limit": "start",
         "message": "registration_after_start"},
    ],
    "project": [
        {"rule": "group_if", "field": "status", "value": "seeking_funding", "group": "funding",
         "message": "funding_needed"},
        {"rule": "positive", "field": "funding.goal", "message": "goal_positive"},
        {"rule": "not_below", "field": "funding.optimum", "limit": "funding.goal", "message": "optimum_below_goal"},
    ],
    "service": [
        {"rule": "sums_to", "group": "revenue_split", "total": 100, "message": "split_sum"},
        {"rule": "currency_precision", "amount": "price.amount", "currency": "price.currency",
         "message": "precision"},
    ],
    "tender": [
        {"rule": "exactly_one", "a": "issuer", "b": "issuer_name", "message": "issuer_one"},
        {"rule": "date_not_before", "date": "deadline", "limit": "published", "message": "deadline_before_published"},
        {"rule": "timezone_with_time", "times": ["deadline"], "timezone": "timezone"},
    ],
}

#: Messages of the script, English msgids translated per language into the data file.
MESSAGES = {
    "required": N_("This field is required."),
    "group_required": N_("Fill in this field or leave the whole group empty."),
    "one_line": N_("Write this on one line."),
    "too_long": N_("At most %(num)s characters."),
    "number": N_("Write a number with digits only, e.g. 15000."),
    "whole": N_("Write a whole number."),
    "negative": N_("Must not be negative."),
    "range": N_("Must be between %(min)s and %(max)s."),
    "date": N_("Give a real date as YYYY-MM-DD, between the years %(min)s and %(max)s."),
    "time": N_("Give a time as HH:MM."),
    "year_or_date": N_("Give a year (2019) or a date (2019-05-01)."),
    "timezone": N_("Not a known time zone; pick one from the list, e.g. Africa/Abidjan."),
    "url": N_("Give a web address starting with https://"),
    "email": N_("Not an e-mail address (name@example.org)."),
    "phone": N_("Digits, spaces and an optional leading +, e.g. +226 25 30 00 00."),
    "handle": N_("Account names are letters, digits and hyphens, separated by commas."),
    "slug": N_("Lowercase letters without accents, digits and hyphens only."),
    "slug_taken": N_("An entry already has this identifier; choose another one."),
    "choose": N_("Choose a value from the list."),
    "twice": N_("Each value may appear only once."),
    "end_before_start": N_("The end is before the start."),
    "same_form": N_("Give a time for both the start and the end, or for neither."),
    "timezone_needed": N_("A time is given: choose the time zone."),
    "free_and_price": N_("An event cannot be free and have a price: clear one of them."),
    "registration_after_start": N_("The registration deadline is after the start."),
    "goal_positive": N_("The goal must be more than 0."),
    "optimum_below_goal": N_("The optimum must not be below the minimum goal."),
    "split_sum": N_("The three parts must add up to 100 (now %(num)s)."),
    "issuer_one": N_("Choose an issuing organisation or give the issuer's name: exactly one of them."),
    "deadline_before_published": N_("The deadline is before the publication date."),
    "where": N_("Say where the event takes place: give a venue, an online link, or both."),
    "funding_needed": N_("A project seeking funding needs its funding: at least the currency and the goal."),
    "precision": N_("Amounts in %(currency)s have at most %(num)s decimal places; round it."),
}


def kind_rules(kind: Kind, taken: list[str]) -> dict:
    fields = []
    for path, f in form_fields(kind):
        item = {"path": path, "type": f.type, "required": f.required, "many": f.many}
        if f.choices:
            item["choices"] = list(f.choices)
        if f.ref:
            item["ref"] = f.ref
        fields.append(item)
    return {"folder": kind.folder, "titleField": kind.title_field, "taken": taken, "fields": fields,
            "cross": CROSS_RULES.get(kind.name, [])}


def form_rules(*, registry: Registry, today: dt.date, repository: str, branch: str, email: str,
               languages: tuple[str, ...], translate: Translate) -> dict:
    """Everything the script needs, ready to serialise."""
    organisations = sorted(((e.slug, e.title) for e in registry.kind("organisation")),
                           key=lambda item: codes.fold(item[1]))
    return {
        "repository": repository.rstrip("/"), "branch": branch, "email": email,
        "host": links.host_of(repository),
        "maxUrl": links.MAX_URL_LENGTH, "maxMailto": links.MAX_MAILTO_LENGTH, "maxSlug": links.MAX_SLUG_LENGTH,
        "patterns": {"slug": checks.SLUG_RE.pattern, "email": checks._EMAIL_RE.pattern,
                     "phone": checks._PHONE_RE.pattern, "handle": checks._HANDLE_RE.pattern,
                     "datetime": checks._DATETIME_RE.pattern},
        "limits": {"text": checks.MAX_TEXT, "longtext": checks.MAX_LONGTEXT, "firstYear": checks.FIRST_YEAR,
                   "lastYear": checks.LAST_YEAR, "thisYear": today.year},
        # The zones of Africa; the script adds the browser's own list (Intl) for the rest of the world, so the
        # page does not carry 600 names.
        "timezones": list(african_timezones()) + ["UTC"],
        # Decimal places of each currency whose amounts do not have the usual two.
        "currencyDigits": {c: n for c in sorted(codes.currencies()) if (n := get_currency_precision(c)) != 2},
        "refs": {"organisation": [list(item) for item in organisations]},
        # Identifiers of published entries only: a withdrawn entry's name must not leak through the form (a
        # clash with its file is caught by the Git host and by the validation of the pull request).
        "kinds": {k.name: kind_rules(k, sorted(e.slug for e in registry.kind(k.name))) for k in FORM_KINDS},
        "messages": {lang: {key: translate(lang, msgid) for key, msgid in MESSAGES.items()} for lang in languages},
    }


def rules_script(rules: dict) -> str:
    """The data file: one global, loaded by a classic <script> (works from file://, unlike fetch)."""
    data = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" cannot close a script element here, but keep the file safe to inline anyway.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return ("/* Generated at build time from plugins/content_model/schema.py by plugins/contribute/rules.py. */\n"
            f"window.LABO_PROPOSE = {data};\n")
