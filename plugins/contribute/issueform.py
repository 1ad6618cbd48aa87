"""The "new organisation" issue form (`.github/ISSUE_TEMPLATE/new-organisation.yml`), from the model.

For people who prefer to describe their organisation in words: one question per field of the content
model, in French and English. A maintainer labels an accepted issue and the IssueOps workflow opens the pull
request with the file (`issueops.py`), so nobody retypes anything; the form's introduction says so.
"""

from __future__ import annotations

import yaml

from content_model.fieldtypes import TYPES
from content_model.schema import KINDS_BY_NAME, Field
from content_model.taxonomy import Taxonomy

from .form import form_label
from .model import walk

PATH = ".github/ISSUE_TEMPLATE/new-organisation.yml"
#: The label a maintainer adds to turn the issue into a pull request (`.github/workflows/issueops.yml`).
ACCEPTED = "acceptée"
SKIPPED = {"slug", "example", "unpublished"}


def _picture(f: Field) -> bool:
    """A field the web form asks as a file (an image): the issue carries the picture itself."""
    return TYPES[f.type].control.widget == "file"


def _both(f: Field) -> str:
    fr, en = form_label(f, "fr"), form_label(f, "en")
    return fr if fr == en else f"{fr} · {en}"


def _label(f: Field, parent: Field | None) -> str:
    text = _both(f) if parent is None else f"{_both(parent)} — {_both(f)}"
    if len(text) > 100 and parent is not None:
        text = _both(f)
    return text if len(text) <= 100 else text[:99].rsplit(" ", 1)[0] + "…"  # GitHub refuses long labels


def _item(path: str, f: Field, parent: Field | None, taxonomy: Taxonomy, translate) -> dict:
    ident = path.replace(".", "-").replace("_", "-")
    required = f.required and (parent is None or parent.required)
    attributes: dict = {"label": _label(f, parent)}
    values = TYPES[f.type].values
    if values in ("choices", "sectors", "legal_forms"):
        if values == "choices":
            options = [f"{c.code} — {translate('fr', c.label)} · {c.label}" for c in f.choices]
        else:
            table = getattr(taxonomy, values)
            options = [f"{code} — {labels['fr']} · {labels['en']}" for code, labels in table.items()]
        attributes["options"] = options
        if f.many:
            attributes["multiple"] = True
        kind = "dropdown"
    elif TYPES[f.type].multiline or f.many or _picture(f):
        kind = "textarea"
        if _picture(f):
            attributes["description"] = "Joignez l'image ici (glisser-déposer) · Attach the image here (drag and drop)"
        elif f.many:
            attributes["description"] = "Une valeur par ligne · One value per line"
    else:
        kind = "input"
        if f.example is not None:
            attributes["placeholder"] = str(f.example)
    item = {"type": kind, "id": ident, "attributes": attributes}
    if required:
        item["validations"] = {"required": True}
    return item


def issue_form(taxonomy: Taxonomy, translate) -> str:
    """The YAML of the issue form; `translate(lang, msgid)` gives the French labels of choices."""
    kind = KINDS_BY_NAME["organisation"]
    body: list[dict] = [{"type": "markdown", "attributes": {"value": (
        "Décrivez votre organisation ; laissez vide ce que vous ne savez pas. Un mainteneur relit votre demande "
        f"et ajoutera l'étiquette « {ACCEPTED} » : la fiche sera alors proposée automatiquement, sans que "
        "personne ne recopie rien. Vous pouvez aussi utiliser le formulaire de proposition du site, qui prépare "
        "la fiche et son logo.\n\n"
        "Describe your organisation; leave empty what you do not know. A maintainer reads your request and will "
        f"add the label “{ACCEPTED}” (accepted): the entry is then proposed automatically, nobody retypes "
        "anything. You can also use the site's propose form, which prepares the entry and its logo.\n")}}]
    parents: dict[str, Field] = {}
    for path, f in walk(kind.fields):
        if f.name in SKIPPED:
            continue
        parent = parents.get(path.rsplit(".", 1)[0]) if "." in path else None
        if f.type == "object":
            parents[path] = f
            continue
        body.append(_item(path, f, parent, taxonomy, translate))
    body.append({"type": "textarea", "id": "description", "attributes": {
        "label": "Présentation de l'organisation · Description of the organisation",
        "description": "Le texte de sa page · The text of its page"}})
    body.append({"type": "checkboxes", "id": "consent", "attributes": {
        "label": "Accord · Consent",
        "options": [{"label": "Je représente cette organisation ou elle est d'accord pour figurer sur le site · "
                              "I represent this organisation or it agrees to appear on the site",
                     "required": True}]}})
    form = {"name": "Nouvelle organisation · New organisation",
            "description": "Ajouter une organisation à l'annuaire, sans écrire le fichier · "
                           "Add an organisation to the directory without writing the file",
            "title": "Nouvelle organisation · New organisation: ",
            "labels": ["contenu", "nouvelle organisation"],
            "body": body}
    header = ("# Generated by `invoke schemas` from plugins/content_model/schema.py: do not edit.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=110)
