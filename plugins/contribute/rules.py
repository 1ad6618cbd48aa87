"""The web form's rules, generated from the content model into one JavaScript data file.

`propose.js` reads `window.LABO_PROPOSE` and interprets it: each field's type is the list of steps of
`content_model/fieldtypes.py` (patterns, ranges, choices, each with its message), each kind's rules between
fields are those of `content_model/crossrules.py`, and the messages come translated into every language of the
site. No rule is written in the script, so the form and the validator cannot drift apart; the validation of the
pull request stays the last word (it alone sees the files, the code lists and the whole site).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from babel.numbers import get_currency_precision

from content_model import checks, codes, crossrules, fieldtypes
from content_model.registry import Registry
from content_model.schema import Kind

from . import links
from .form import african_timezones
from .model import FORM_KINDS, N_, form_fields

Translate = Callable[[str, str], str]
SCRIPT_PATH = "theme/js/propose-rules.js"

#: The form's own messages (the rest come with the types and the rules between fields).
FORM_MESSAGES = {
    "required": N_("This field is required."),
    "group_required": N_("Fill in this field or leave the whole group empty."),
    "slug_taken": N_("An entry already has this identifier; choose another one."),
    "twice": checks.LISTED_TWICE,
}


def kind_rules(kind: Kind, taken: list[str]) -> dict:
    fields = []
    for path, f in form_fields(kind):
        item = {"path": path, "type": f.type, "required": f.required, "many": f.many}
        if f.choices:
            item["choices"] = list(f.codes)
        if f.ref:
            item["ref"] = f.ref
        fields.append(item)
    return {"folder": kind.folder, "titleField": kind.title_field, "taken": taken, "fields": fields,
            "cross": list(crossrules.RULES.get(kind.name, ()))}


def _msgids(value: Any, known: set[str]) -> set[str]:
    if isinstance(value, str):
        return {value} & known
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*(_msgids(v, known) for v in items))


def form_rules(*, registry: Registry, today: dt.date, repository: str, branch: str, email: str,
               languages: tuple[str, ...], translate: Translate) -> dict:
    """Everything the script needs, ready to serialise."""
    organisations = sorted(((e.slug, e.title) for e in registry.kind("organisation")),
                           key=lambda item: codes.fold(item[1]))
    kinds = {k.name: kind_rules(k, sorted(e.slug for e in registry.kind(k.name))) for k in FORM_KINDS}
    used = {f["type"] for k in kinds.values() for f in k["fields"]} | {"slug"}
    shared = fieldtypes.browser_data(today)
    rules = {
        "repository": repository.rstrip("/"), "branch": branch, "email": email,
        "host": links.host_of(repository),
        "maxUrl": links.MAX_URL_LENGTH, "maxMailto": links.MAX_MAILTO_LENGTH, "maxSlug": links.MAX_SLUG_LENGTH,
        "types": {name: data for name, data in shared["types"].items() if name in used},
        "numbers": shared["numbers"], "quotes": shared["quotes"],
        # The zones of Africa; the script adds the browser's own list (Intl) for the rest of the world, so the
        # page does not carry 600 names.
        "lists": {"timezones": list(african_timezones()) + ["UTC"]},
        # Decimal places of each currency whose amounts do not have the usual two.
        "currencyDigits": {c: n for c in sorted(codes.currencies()) if (n := get_currency_precision(c)) != 2},
        "today": today.isoformat(),
        "refs": {"organisation": [list(item) for item in organisations]},
        # Identifiers of published entries only: a withdrawn entry's name must not leak through the form (a
        # clash with its file is caught by the Git host and by the validation of the pull request).
        "kinds": kinds,
        "form": FORM_MESSAGES,
    }
    known = fieldtypes.MESSAGES | crossrules.MESSAGES | set(FORM_MESSAGES.values())
    used_msgids = _msgids(rules, known)
    # English is the msgids themselves: each language carries only what differs from them.
    rules["messages"] = {lang: {m: t for m in sorted(used_msgids) if (t := translate(lang, m)) != m}
                         for lang in languages}
    return rules


def rules_script(rules: dict) -> str:
    """The data file: one global, loaded by a classic <script> (works from file://, unlike fetch)."""
    data = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" cannot close a script element here, but keep the file safe to inline anyway.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return ("/* Generated at build time from plugins/content_model (schema.py, fieldtypes.py, crossrules.py) by "
            "plugins/contribute/rules.py. */\n"
            f"window.LABO_PROPOSE = {data};\n")
