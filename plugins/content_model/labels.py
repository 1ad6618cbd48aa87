"""The labels of the content model's fields and kinds, in every language of the site.

The schema states each label in French and English (`schema.py`: `F(name, type, fr, en)`, `Kind(…, fr, en)`), and
stays their one source. Another language keeps its labels in its `fields.po` catalogue, whose msgids are the
English labels in the context `CONTEXT` (so that a label never takes the translation of an interface message that
happens to be written the same). `label()` is the one lookup; a label without a translation reads in English.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import catalogues, messages
from .schema import KINDS, Field, Kind

#: The catalogue file (domain) of the labels in a language other than French and English.
DOMAIN = "fields"
#: The msgctxt of every label in that file.
CONTEXT = "content model"


def label(item: Field | Kind, lang: str) -> str:
    """`item`'s label in `lang`: the schema's French or English, else the language's `fields.po`, else English."""
    if lang == "fr":
        return item.fr
    if lang == "en":
        return item.en
    return catalogues.catalogue(str(messages.translations_dir()), lang).pgettext(CONTEXT, item.en)


def _fields(fields: tuple[Field, ...], prefix: str) -> Iterator[tuple[str, Field]]:
    for f in fields:
        yield prefix + f.name, f
        yield from _fields(f.fields, f"{prefix}{f.name}.")


def msgids() -> dict[str, str]:
    """Every English label of the schema -> where it is first used ("organisation", "project.funding.goal"):
    what a language's `fields.po` must translate, and nothing else."""
    found: dict[str, str] = {}
    for kind in KINDS:
        found.setdefault(kind.en, kind.name)
        for path, f in _fields(kind.fields, f"{kind.name}."):
            found.setdefault(f.en, path)
    return found
