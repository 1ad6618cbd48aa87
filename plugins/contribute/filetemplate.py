"""File templates: a new entry's Markdown file with every field, empty, and its help as YAML comments.

Used by `invoke new`, served as downloads on the site (`modeles/<kind>.md`) and prefilled in the Git
host's editor from the contribute page. Empty values are ignored by the validator (an optional group whose
values are all empty counts as absent), so a new file validates as soon as its required fields are filled.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from content_model.fieldtypes import TYPES
from content_model.schema import Field, Kind
from content_model.taxonomy import Taxonomy

from .links import slugify, unique_slug
from .yamltext import yaml_string

WIDTH = 100


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False)]


def _values_hint(f: Field, taxonomy: Taxonomy | None) -> str:
    values = TYPES[f.type].values
    if values == "choices":
        return "valeurs · values: " + ", ".join(f.codes)
    if values in ("sectors", "legal_forms") and taxonomy is not None:
        return "codes: " + ", ".join(getattr(taxonomy, values))
    if f.example is not None:
        return f"ex. {f.example}"
    return ""


def _empty(f: Field) -> str:
    if f.many:
        return " []"
    return ' ""' if TYPES[f.type].quoted else ""


def _help(f: Field, indent: str, taxonomy: Taxonomy | None, in_optional_group: bool) -> list[str]:
    if f.required:
        required = (" (obligatoire si le groupe est rempli · required if the group is filled)" if in_optional_group
                    else " (obligatoire · required)")
    else:
        required = ""
    out = _comment(f"{f.fr}{required}", indent)
    if f.en != f.fr:
        out += _comment(f.en, indent)
    hint = _values_hint(f, taxonomy)
    if hint and hint.removeprefix("ex. ") not in f.fr:
        out += _comment(hint, indent)
    return out


def _lines(fields: tuple[Field, ...], indent: str, taxonomy: Taxonomy | None, title: tuple[str, str] | None,
           compact: bool = False, optional_group: bool = False) -> list[str]:
    out: list[str] = []
    for f in fields:
        mark = "  # obligatoire · required" if compact and f.required and not optional_group else ""
        if not compact:
            out += _help(f, indent, taxonomy, optional_group)
        if f.type == "object" and f.many:
            if not compact:
                out += _comment("une entrée par élément · one item per element:", indent)
            example = _lines(f.fields, "", taxonomy, None)
            item = [line for line in example if not line.lstrip().startswith("#")]
            if not compact:
                out += [f"{indent}#   {'- ' if i == 0 else '  '}{line}" for i, line in enumerate(item)]
            out.append(f"{indent}{f.name}: []")
        elif f.type == "object":
            out.append(f"{indent}{f.name}:{mark}")
            out += _lines(f.fields, indent + "  ", taxonomy, None, compact, optional_group or not f.required)
        elif title is not None and f.name == title[0]:
            out.append(f"{indent}{f.name}: {yaml_string(title[1])}{mark}")
        else:
            out.append(f"{indent}{f.name}:{_empty(f)}{mark}")
    return out


def file_template(kind: Kind, title: str = "", taxonomy: Taxonomy | None = None, *, help_url: str = "") -> str:
    """The text of a new `kind` file, its title field set to `title`.

    With `help_url`, the compact variant for prefilled links (URLs have a length limit): the fields without
    their help, and one comment line pointing at the field reference instead.
    """
    label = kind.fr if kind.fr == kind.en else f"{kind.fr} · {kind.en}"
    head = ["---", f"# {label}: content/{kind.folder}/<identifiant · identifier>.md",
            "# Remplissez les valeurs après les deux-points ; laissez vide ce que vous ne savez pas.",
            "# Fill in the values after the colons; leave empty what you do not know."]
    head.append(f"# Aide · help: {help_url}" if help_url else
                "# Guide : CONTRIBUTING.md — vérification · check: invoke validate")
    fields = tuple(f for f in kind.fields if f.name != "lang")
    body = ("<!-- Description en Markdown sous cette ligne (ce commentaire n'est pas publié). "
            "Markdown description below this line (this comment is not published). -->")
    lines = _lines(fields, "", taxonomy, (kind.title_field, title), compact=bool(help_url))
    return "\n".join(head + lines + ["---", "", body, ""])


def new_entry(content: Path, kind: Kind, name: str, taxonomy: Taxonomy | None) -> Path:
    """Write `content/<folder>/<slug>.md` from the template, the slug made from `name` and kept unique."""
    base = slugify(name)
    if not base:
        raise ValueError("the name has no letters or digits to make a file name from")
    folder = content / kind.folder
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.name.split(".", 1)[0] for p in folder.glob("*.md")}
    path = folder / f"{unique_slug(base, taken)}.md"
    path.write_text(file_template(kind, name, taxonomy), encoding="utf-8")
    return path
