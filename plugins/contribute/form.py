"""Ready values for the propose-an-entry form: one control per field of the model, labelled per language.

The controls mirror `model.form_fields(kind)`; each is what the field's type describes (`fieldtypes.py`:
widget, input type, attributes from its steps, hint, where its options come from), labelled here per language.
Their `data-*` attributes tell `propose.js` which field and type the rules file holds for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from babel.core import get_global
from babel.numbers import get_territory_currencies

from content_model import codes
from content_model.fieldtypes import TYPES
from content_model.schema import Field, Kind
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import formatting_key

from .model import N_, describe, form_fields

Translate = Callable[[str, str], str]

#: Languages listed first in language lists: the working languages of the network.
FIRST_LANGUAGES = ("fr", "en", "pt", "ar", "sw")
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
    """The field's description, without the advice that only applies when writing YAML by hand (the type's
    control says which)."""
    text, cut = describe(f, lang), TYPES[f.type].control.label_cut
    if cut == "(":
        return _PAREN.sub("", text)
    return text.split(cut, 1)[0].strip() if cut and cut in text else text


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


def _options(source: str, f: Field, lang: str, taxonomy: Taxonomy, translate: Translate,
             today: dt.date) -> tuple[list[dict], list[dict]]:
    """(options, groups) of a control: where its allowed values come from, labelled in `lang`."""
    if source == "countries":
        return [], country_options(lang, translate)
    if source == "currencies":
        return [], currency_options(lang, translate, today)
    if source == "languages":
        return [], language_options(lang, translate)
    if source == "timezones":
        return [{"value": z, "label": z} for z in african_timezones()], []
    if source == "sdgs":
        return [{"value": str(n), "label": str(n)} for n in range(1, 18)], []
    if source == "sectors":
        return [{"value": c, "label": taxonomy.label("sectors", c, lang)} for c in taxonomy.sectors], []
    if source == "legal_forms":
        options = [{"value": c, "label": taxonomy.label("legal_forms", c, lang)} for c in taxonomy.legal_forms]
        return [], [{"label": "", "options": _sorted(options)}]
    if source == "choices":
        return [{"value": c.code, "label": translate(lang, c.label)} for c in f.choices], []
    return [], []  # "refs": the options come from the rules file, one copy of the directory for every form


def _control(path: str, f: Field, lang: str, taxonomy: Taxonomy, translate: Translate, today: dt.date,
             parent_required: bool) -> dict:
    described = TYPES[f.type].form_control(f, today)
    options, groups = _options(described["options"], f, lang, taxonomy, translate, today)
    if described["widget"] == "select" and options:  # a select shows groups: one group without a title
        options, groups = [], [{"label": "", "options": options}]
    return {
        "path": path, "id": "f-" + path.replace(".", "-").replace("_", "-"), "type": f.type, "many": f.many,
        "required": f.required, "label": form_label(f, lang), "widget": described["widget"],
        "input_type": described["input_type"], "attrs": described["attrs"],
        "hint": translate(lang, described["hint"]) if described["hint"] else "", "groups": groups,
        "options": options, "children": [], "ref": f.ref, "multiple": described["multiple"],
        # A required sub-field of an optional group is required only once the group is started.
        "required_now": f.required and parent_required,
    }


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
