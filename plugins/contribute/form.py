"""Ready values for the propose-an-entry form: one control per field of the model, labelled per language.

The controls mirror `model.form_fields(kind)`; each is what the field's type describes (`fieldtypes.py`:
widget, input type, attributes from its steps, hint, where its options come from), labelled here per language.
Their `data-*` attributes tell `propose.js` which field and type the rules file holds for them.

Three readings of the type are the form's own, each for a person typing on a phone:
- a type whose steps read a number as people write it ("1 500,50") gets a text input with a decimal keypad:
  an `<input type="number">` hands the script an empty string for "1 500,50", so the number step never sees it;
- a type whose value is an image file under content/ gets a file input: the form carries the picture itself;
- a long list of codes (countries, currencies, languages) lists its first group here, labelled by the build,
  and leaves the rest to the script, which names those codes in the reader's language with the browser's own
  `Intl.DisplayNames` (200 names fewer per list in every page; without it the codes themselves are shown).
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
#: The share of a country's people (per cent, CLDR) from which a language of Africa is listed by the form.
MAIN_LANGUAGE_SHARE = 10
#: Types whose value means something only to people who use the Git host (account names): the form folds
#: their controls away with the file name, under "Technical details".
TECHNICAL_TYPES = ("handle",)
#: What the browser calls each list of codes (`Intl.DisplayNames` types), and whether a label shows its code.
DISPLAY_NAMES = {"countries": ("region", False), "currencies": ("currency", True), "languages": ("language", False)}
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


def _groups(first_label: str, first: list[dict], other_label: str, rest: list[dict], source: str) -> list[dict]:
    """The first group labelled here; the rest named by the script (`more`), or everything here when the list
    has no first group."""
    if not first:
        return [{"label": "", "options": _sorted(rest)}]
    return [{"label": first_label, "options": _sorted(first)}, {"label": other_label, "options": [], "more": source}]


def first_codes(source: str, today: dt.date) -> set[str]:
    """The codes a long list shows first, labelled by the build: Africa's countries and currencies (with the euro
    and the dollar); for languages, the working languages of the network and the languages of Africa."""
    if source == "countries":
        return set(african_countries())
    if source == "currencies":
        return {cur for c in african_countries() for cur in get_territory_currencies(c, today)} | {"EUR", "USD"}
    return set(FIRST_LANGUAGES) | set(african_languages())


@functools.cache
def african_languages() -> tuple[str, ...]:
    """The languages the validator knows that CLDR lists as official, or spoken by at least a tenth of the people,
    in a country of the map of Africa (Mossi and Dioula in Burkina Faso, Wolof in Senegal, Hausa in Niger…):
    82 languages. All 219 that CLDR lists there would weigh 2 KB more in every form that asks for languages; the
    others stay welcome in a file, the validator takes them."""
    known = codes.languages()
    spoken = get_global("territory_languages")
    found = {code.split("_")[0] for c in african_countries() for code, info in spoken.get(c, {}).items()
             if info.get("official_status") or info.get("population_percent", 0) >= MAIN_LANGUAGE_SHARE}
    return tuple(sorted(c for c in found if c in known and c not in FIRST_LANGUAGES))


def more_codes(source: str, today: dt.date) -> list[str]:
    """The codes of a long list that the script names in the reader's language (none if there is no first
    group). For languages, the other two-letter codes: a three-letter code of a language of another continent
    is for the file itself (the validator takes it)."""
    every = {"countries": codes.countries, "currencies": codes.currencies, "languages": codes.languages}[source]()
    first = first_codes(source, today)
    if source != "languages" and not first:
        return []
    return sorted(c for c in every if c not in first and (source != "languages" or len(c) == 2))


def country_options(lang: str, translate: Translate, today: dt.date) -> list[dict]:
    africa = first_codes("countries", today)
    options = [{"value": c, "label": formatting.country_name(c, lang)} for c in codes.countries()]
    return _groups(translate(lang, N_("Africa")), [o for o in options if o["value"] in africa],
                   translate(lang, N_("Other countries")), [o for o in options if o["value"] not in africa],
                   "countries")


def currency_options(lang: str, translate: Translate, today: dt.date) -> list[dict]:
    african = first_codes("currencies", today)
    options = [{"value": c, "label": f"{formatting.currency_name(c, lang)} ({c})"} for c in codes.currencies()
               if c in african]
    return _groups(translate(lang, N_("Currencies used in Africa, euro and dollar")), options,
                   translate(lang, N_("Other currencies")), [], "currencies")


def language_options(lang: str, translate: Translate) -> list[dict]:
    first = [{"value": c, "label": formatting.language_name(c, lang)} for c in FIRST_LANGUAGES]
    africa = [{"value": c, "label": formatting.language_name(c, lang)} for c in african_languages()]
    groups = [{"label": translate(lang, N_("Working languages of the network")), "options": first}]
    if africa:
        groups.append({"label": translate(lang, N_("Languages of Africa")), "options": _sorted(africa)})
    return [*groups, {"label": translate(lang, N_("Other languages")), "options": [], "more": "languages"}]


@functools.cache
def african_timezones() -> tuple[str, ...]:
    zones = get_global("territory_zones")
    found = {z for c in african_countries() for z in zones.get(c, ())}
    return tuple(sorted(z for z in found if z in codes.timezones()))


def _options(source: str, f: Field, lang: str, taxonomy: Taxonomy, translate: Translate,
             today: dt.date) -> tuple[list[dict], list[dict]]:
    """(options, groups) of a control: where its allowed values come from, labelled in `lang`."""
    if source == "countries":
        return [], country_options(lang, translate, today)
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
             parent_required: bool, prefix: str) -> dict:
    described = TYPES[f.type].form_control(f, today)
    label = form_label(f, lang)
    hint = translate(lang, described["hint"]) if described["hint"] else ""
    if described["hint_values"]:
        hint %= described["hint_values"]
    options, groups = _options(described["options"], f, lang, taxonomy, translate, today)
    if described["widget"] == "select" and options:  # a select shows groups: one group without a title
        options, groups = [], [{"label": "", "options": options}]
    return {
        "path": path, "id": prefix + path.replace(".", "-").replace("_", "-"), "type": f.type, "many": f.many,
        "required": f.required, "label": label, "widget": described["widget"],
        "input_type": described["input_type"], "attrs": described["attrs"],
        "hint": hint, "groups": groups,
        "options": options, "children": [], "ref": f.ref, "multiple": described["multiple"],
        "technical": f.type in TECHNICAL_TYPES,
        # A required sub-field of an optional group is required only once the group is started.
        "required_now": f.required and parent_required,
    }


def form_controls(kind: Kind, lang: str, taxonomy: Taxonomy, translate: Translate, today: dt.date,
                  prefix: str = "f-") -> list[dict]:
    """The form's controls for `kind` in `lang`, nested like the front matter (groups hold children); every id
    starts with `prefix` (a page proposing two entries gives each its own)."""
    roots: list[dict] = []
    by_path: dict[str, dict] = {}
    for path, f in form_fields(kind):
        parent_path = path.rsplit(".", 1)[0] if "." in path else ""
        parent = by_path.get(parent_path)
        parent_required = parent is None or parent["required_now"]
        control = _control(path, f, lang, taxonomy, translate, today, parent_required, prefix)
        by_path[path] = control
        (parent["children"] if parent else roots).append(control)
    return roots
