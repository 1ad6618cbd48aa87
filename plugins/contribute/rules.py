"""The web form's rules, generated from the content model: one small JavaScript data file per form page and
language.

`propose.js` reads `window.LABO_PROPOSE` and interprets it: each field's type is the list of steps of
`content_model/fieldtypes.py` (patterns, ranges, choices, each with its message), each kind's rules between
fields are those of `content_model/crossrules.py`, the image types and sizes a logo may have are those of
`content_model/filetypes.py` and `LABO_LIMITS`. No rule is written in the script, so the form and the validator
cannot drift apart; the validation of the pull request stays the last word (it alone sees the files, the code
lists and the whole site).

`form_rules` states everything once, with its messages in every language (the tests run it through the script
under Node). A page then loads only its own part (`page_rules`): the kinds it proposes, the types and lists those
use, and its messages already in its language. An event page in French weighs a third of the whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from babel.numbers import get_currency_precision

from content_model import checks, codes, crossrules, fieldtypes, filetypes
from content_model.limits import DEFAULT, Limits
from content_model.registry import Registry
from content_model.schema import KINDS_BY_NAME, Kind

from . import form, links
from .model import DISTINCT_KINDS, FORM_KINDS, LOGO_FOLDER, N_, form_fields

Translate = Callable[[str, str], str]
SCRIPT_FOLDER = "theme/js"

#: The form's own messages (the rest come with the types and the rules between fields).
FORM_MESSAGES = {
    "required": N_("This field is required."),
    "group_required": N_("Fill in this field or leave the whole group empty."),
    "slug_taken": N_("An entry already has this identifier; choose another one."),
    "twice": checks.LISTED_TWICE,
    "exists": N_("{name} is already in the directory: a second entry would split its projects and events."),
    "number_read": N_("{value} is understood as {number}."),
    "logo_type": N_("This file is not an image of a type the site takes ({types}); choose another one, or send "
                    "the logo with your e-mail."),
    "logo_bytes": N_("This image weighs {size}, more than the {limit} allowed; choose a lighter one."),
    "logo_pixels": N_("This image is {width} × {height} pixels, more than the {limit} million allowed; choose a "
                      "smaller one."),
    "logo_unreadable": N_("This image cannot be read; save it again as PNG or JPEG."),
    "megabytes": N_("{number} MB"),
}


def script_path(page: str, lang: str) -> str:
    """The data file of one form page in one language, under the output folder."""
    return f"{SCRIPT_FOLDER}/propose-{page}.{lang}.js"


def kind_rules(kind: Kind, taken: list[str], repository: str, branch: str) -> dict:
    fields = []
    for path, f in form_fields(kind):
        item = {"path": path, "type": f.type, "required": f.required, "many": f.many}
        if f.choices:
            item["choices"] = list(f.codes)
        if f.ref:
            item["ref"] = f.ref
        fields.append(item)
    out = {"folder": kind.folder, "titleField": kind.title_field, "taken": taken, "fields": fields,
           "cross": list(crossrules.RULES.get(kind.name, ()))}
    if kind.name in DISTINCT_KINDS:
        # Where the entry that already has a name is shown, and edited: {slug} is replaced by the script.
        out["distinct"] = {"page": f"{kind.output}/{{slug}}.html",
                           "edit": f"{repository.rstrip('/')}/edit/{branch}/content/{kind.folder}/{{slug}}.md"
                           if repository else ""}
    return out


def _msgids(value: Any, known: set[str]) -> set[str]:
    if isinstance(value, str):
        return {value} & known
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*(_msgids(v, known) for v in items))


def known_msgids() -> set[str]:
    return fieldtypes.MESSAGES | crossrules.MESSAGES | set(FORM_MESSAGES.values())


def form_rules(*, registry: Registry, today: dt.date, repository: str, branch: str, email: str,
               languages: tuple[str, ...], translate: Translate, limits: Limits = DEFAULT) -> dict:
    """Everything every page of the form needs, ready to serialise (`page_rules` takes each page's part)."""
    entries = {name: sorted(((e.slug, e.title) for e in registry.kind(name)), key=lambda item: codes.fold(item[1]))
               for name in {*DISTINCT_KINDS, *(f.ref for k in FORM_KINDS for _, f in form_fields(k) if f.ref)}}
    kinds = {k.name: kind_rules(k, sorted(e.slug for e in registry.kind(k.name)), repository, branch)
             for k in FORM_KINDS}
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
        "lists": {"timezones": list(form.african_timezones()) + ["UTC"]},
        # The codes of long lists the page does not label (form.py): the browser names them (Intl.DisplayNames).
        "more": {source: {"type": kind, "code": with_code, "codes": " ".join(form.more_codes(source, today))}
                 for source, (kind, with_code) in form.DISPLAY_NAMES.items()},
        # Decimal places of each currency whose amounts do not have the usual two.
        "currencyDigits": {c: n for c in sorted(codes.currencies()) if (n := get_currency_precision(c)) != 2},
        "today": today.isoformat(),
        # Identifiers and names of published entries only: a withdrawn entry's name must not leak through the
        # form (a clash with its file is caught by the Git host and by the validation of the pull request).
        "refs": {name: [list(item) for item in items] for name, items in sorted(entries.items())},
        "kinds": kinds,
        # A logo checked in the browser as the validator checks it (filetypes.py, LABO_LIMITS): the same types,
        # recognised by their first bytes, and the same limits; animations' frames are left to the validator.
        "logo": {"types": filetypes.image_types(), "bytes": limits.image_bytes, "pixels": limits.image_pixels,
                 "folder": LOGO_FOLDER},
        "form": FORM_MESSAGES,
    }
    used_msgids = _msgids(rules, known_msgids())
    # English is the msgids themselves: each language carries only what differs from them.
    rules["messages"] = {lang: {m: t for m in sorted(used_msgids) if (t := translate(lang, m)) != m}
                         for lang in languages}
    return rules


# -- one page's part ----------------------------------------------------------------------------------------

def _translated(value: Any, table: dict[str, str]) -> Any:
    if isinstance(value, str):
        return table.get(value, value)
    if isinstance(value, dict):
        return {k: _translated(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_translated(v, table) for v in value]
    return value


def _needed(message: str, types: set[str], kinds: dict) -> bool:
    """Whether a page proposing `kinds` can say the form's `message`: a logo's only where there is one, a name
    already listed only where names are distinct."""
    if message.startswith("logo_") or message == "megabytes":
        return any(fieldtypes.TYPES[t].first("file") for t in types)
    return message != "exists" or any("distinct" in k for k in kinds.values())


def page_rules(rules: dict, kind_names: Iterable[str], lang: str) -> dict:
    """What a page proposing `kind_names` needs, its messages already in `lang` (the script then shows a message
    as it comes: no table, no English)."""
    names = list(kind_names)
    kinds = {name: rules["kinds"][name] for name in names}
    fields = [f for k in kinds.values() for f in k["fields"]]
    types = {f["type"] for f in fields} | {"slug"}
    sources = {fieldtypes.TYPES[t].values for t in types}
    refs = {f["ref"] for f in fields if "ref" in f} | {n for n in names if "distinct" in kinds[n]}
    cross = {r["rule"] for k in kinds.values() for r in k["cross"]}
    table = rules["messages"].get(lang, {})
    out = {key: rules[key] for key in ("repository", "branch", "email", "host", "maxUrl", "maxMailto", "maxSlug",
                                       "numbers", "quotes", "today")}
    out.update({
        "lang": lang,
        "types": _translated({t: d for t, d in rules["types"].items() if t in types}, table),
        "kinds": {name: {**k, "cross": _translated(k["cross"], table)} for name, k in kinds.items()},
        "form": _translated({key: text for key, text in rules["form"].items() if _needed(key, types, kinds)}, table),
        "lists": {name: codes_ for name, codes_ in rules["lists"].items() if name in sources},
        "more": {source: data for source, data in rules["more"].items() if source in sources and data["codes"]},
        "refs": {name: rules["refs"][name] for name in sorted(refs)},
    })
    if "precision" in cross:
        out["currencyDigits"] = rules["currencyDigits"]
    if any(fieldtypes.TYPES[t].first("file") for t in types):
        out["logo"] = rules["logo"]
    return out


def rules_script(rules: dict, name: str = "LABO_PROPOSE") -> str:
    """The data file: one global, loaded by a classic <script> (works from file://, unlike fetch)."""
    data = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" cannot close a script element here, but keep the file safe to inline anyway.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name}={data};\n"


__all__ = ["FORM_MESSAGES", "KINDS_BY_NAME", "form_rules", "page_rules", "rules_script", "script_path"]
