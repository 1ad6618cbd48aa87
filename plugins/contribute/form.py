"""Ready values for the propose-an-entry form: one control per field of the model, labelled per language.

The controls mirror `model.form_fields(kind)`; their `data-*` attributes tell `propose.js` how to read a
value and which rule of `rules.py` applies, so nothing about a field is written twice.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from babel.core import get_global
from babel.numbers import get_territory_currencies

from content_model import checks, codes
from content_model.schema import Field, Kind
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import formatting_key

from .model import CHOICE_LABELS, N_, describe, form_fields

Translate = Callable[[str, str], str]

#: Languages listed first in language lists: the working languages of the network.
FIRST_LANGUAGES = ("fr", "en", "pt", "ar", "sw")
HINTS = {
    "handle": N_("Account names separated by commas, e.g. awa-ouedraogo, kofi-mensah"),
    "text_many": N_("Separate the values with commas."),
    "date_or_year": N_("A year (2019) or a date (2019-05-01)."),
    "url": N_("Starts with https://"),
    "phone": N_("With the country code, e.g. +226 25 30 00 00"),
    "longtext": N_("Plain text; line breaks are kept."),
    "timezone": N_("Start typing: Africa/…"),
    "select_many": N_("Hold Ctrl (or Cmd) to choose several."),
}
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")


@functools.cache
def african_countries() -> tuple[str, ...]:
    """The countries drawn on the site's map of Africa; empty (no grouping) if the map plugin is absent."""
    try:
        from network_map.africa import country_codes
    except Exception:  # noqa: BLE001 - grouping is a convenience; the full list is always offered
        return ()
    return tuple(country_codes())


def form_label(f: Field, lang: str) -> str:
    """The field's description, without the advice that only applies when writing YAML by hand."""
    text = describe(f, lang)
    if f.type in ("choice", "datetime") and ":" in text:
        return text.split(":", 1)[0].strip()
    if f.type == "phone":
        return text.split(",", 1)[0].strip()
    if f.type in ("country", "currency", "language", "sector", "legal_form", "ref", "sdg"):
        return _PAREN.sub("", text)
    return text


def _sorted(options: list[dict]) -> list[dict]:
    return sorted(options, key=lambda o: formatting_key(o["label"]))


def _groups(first_label: str, first: list[dict], other_label: str, rest: list[dict]) -> list[dict]:
    if not first:
        return [{"label": "", "options": _sorted(rest)}]
    return [{"label": first_label, "options": _sorted(first)}, {"label": other_label, "options": _sorted(rest)}]


def country_options(lang: str, translate: Translate) -> list[dict]:
    africa = set(african_countries())
    options = [{"value": c, "label": formatting.country_name(c, lang)} for c in codes.countries()]
    return _groups(translate(lang, N_("Africa")), [o for o in options if o["value"] in africa],
                   translate(lang, N_("Other countries")), [o for o in options if o["value"] not in africa])


def currency_options(lang: str, translate: Translate, today: dt.date) -> list[dict]:
    african = {cur for c in african_countries() for cur in get_territory_currencies(c, today)} | {"EUR", "USD"}
    options = [{"value": c, "label": f"{formatting.currency_name(c, lang)} ({c})"} for c in codes.currencies()]
    return _groups(translate(lang, N_("Currencies used in Africa, euro and dollar")),
                   [o for o in options if o["value"] in african],
                   translate(lang, N_("Other currencies")), [o for o in options if o["value"] not in african])


def language_options(lang: str, translate: Translate) -> list[dict]:
    options = [{"value": c, "label": formatting.language_name(c, lang)} for c in codes.languages()]
    first = [o for o in options if o["value"] in FIRST_LANGUAGES]
    first.sort(key=lambda o: FIRST_LANGUAGES.index(o["value"]))
    rest = [o for o in options if o["value"] not in FIRST_LANGUAGES]
    groups = _groups("", [], translate(lang, N_("Other languages")), rest)
    return [{"label": translate(lang, N_("Working languages of the network")), "options": first}, *groups]


@functools.cache
def african_timezones() -> tuple[str, ...]:
    zones = get_global("territory_zones")
    found = {z for c in african_countries() for z in zones.get(c, ())}
    return tuple(sorted(z for z in found if z in codes.timezones()))


def _control(path: str, f: Field, lang: str, taxonomy: Taxonomy, translate: Translate, today: dt.date,
             parent_required: bool) -> dict:
    control = {
        "path": path, "id": "f-" + path.replace(".", "-").replace("_", "-"), "type": f.type, "many": f.many,
        "required": f.required, "label": form_label(f, lang), "hint": "", "widget": "input", "input_type": "text",
        "attrs": {}, "groups": [], "options": [], "children": [], "ref": f.ref,
        # A required sub-field of an optional group is required only once the group is started.
        "required_now": f.required and parent_required,
    }
    t = f.type
    if t == "object":
        control["widget"] = "group"
    elif t == "longtext":
        control.update(widget="textarea", hint=translate(lang, HINTS["longtext"]))
        control["attrs"] = {"maxlength": checks.MAX_LONGTEXT, "rows": 3}
    elif t == "bool":
        control["widget"] = "checkbox"
    elif t in ("integer", "year", "amount", "percent", "latitude", "longitude"):
        control["input_type"] = "number"
        control["attrs"] = {
            "integer": {"step": 1}, "year": {"step": 1, "min": checks.FIRST_YEAR, "max": today.year},
            "amount": {"step": "any", "min": 0}, "percent": {"step": "any", "min": 0, "max": 100},
            "latitude": {"step": "any", "min": -90, "max": 90}, "longitude": {"step": "any", "min": -180, "max": 180},
        }[t]
        control["attrs"]["inputmode"] = "decimal" if control["attrs"]["step"] == "any" else "numeric"
    elif t == "sdg":
        control.update(widget="checkboxes", options=[{"value": str(n), "label": str(n)} for n in range(1, 18)])
    elif t == "date":
        control["input_type"] = "date"
    elif t == "datetime":
        control["widget"] = "datetime"
    elif t == "date_or_year":
        control.update(hint=translate(lang, HINTS["date_or_year"]))
        control["attrs"] = {"inputmode": "numeric", "placeholder": "2019"}
    elif t == "timezone":
        control.update(widget="timezone", hint=translate(lang, HINTS["timezone"]))
        control["options"] = [{"value": z, "label": z} for z in african_timezones()]
        control["attrs"] = {"autocomplete": "off", "spellcheck": "false"}
    elif t == "country":
        control.update(widget="select", groups=country_options(lang, translate))
    elif t == "currency":
        control.update(widget="select", groups=currency_options(lang, translate, today))
    elif t == "language":
        control.update(widget="select", groups=language_options(lang, translate))
    elif t == "sector":
        control.update(widget="checkboxes", options=[{"value": c, "label": taxonomy.label("sectors", c, lang)}
                                                     for c in taxonomy.sectors])
    elif t == "legal_form":
        control.update(widget="select", groups=[{"label": "", "options": _sorted(
            [{"value": c, "label": taxonomy.label("legal_forms", c, lang)} for c in taxonomy.legal_forms])}])
    elif t == "choice":
        options = [{"value": c, "label": translate(lang, CHOICE_LABELS[c])} for c in f.choices]
        if f.many:
            control.update(widget="checkboxes", options=options)
        else:
            control.update(widget="select", groups=[{"label": "", "options": options}])
    elif t == "ref":
        control["widget"] = "ref"  # options come from the rules file: one copy of the directory for every form
    elif t == "url":
        control.update(input_type="url", hint=translate(lang, HINTS["url"]))
        control["attrs"] = {"placeholder": "https://"}
    elif t == "email":
        control["input_type"] = "email"
        control["attrs"] = {"autocomplete": "email"}
    elif t == "phone":
        control.update(input_type="tel", hint=translate(lang, HINTS["phone"]))
        control["attrs"] = {"autocomplete": "tel"}
    elif t == "handle":
        control.update(hint=translate(lang, HINTS["handle"]))
        control["attrs"] = {"autocapitalize": "none", "spellcheck": "false"}
    elif t == "text":
        control["attrs"] = {"maxlength": checks.MAX_TEXT}
        if f.many:
            control["hint"] = translate(lang, HINTS["text_many"])
    if f.many and control["widget"] in ("select", "ref"):
        control["multiple"] = True
        control["hint"] = translate(lang, HINTS["select_many"])
    return control


def form_controls(kind: Kind, lang: str, taxonomy: Taxonomy, translate: Translate, today: dt.date) -> list[dict]:
    """The form's controls for `kind` in `lang`, nested like the front matter (groups hold children)."""
    roots: list[dict] = []
    by_path: dict[str, dict] = {}
    for path, f in form_fields(kind):
        parent_path = path.rsplit(".", 1)[0] if "." in path else ""
        parent = by_path.get(parent_path)
        parent_required = parent is None or parent["required_now"]
        control = _control(path, f, lang, taxonomy, translate, today, parent_required)
        by_path[path] = control
        (parent["children"] if parent else roots).append(control)
    return roots
