"""Every UI string of the contribute plugin (Python markers and templates) has a French translation."""

from __future__ import annotations

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from tests.contribute.helpers import ROOT

TEMPLATES = ROOT / "themes/labo/templates"
CATALOGUE = ROOT / "themes/labo/translations/fr/LC_MESSAGES/contribute.po"


def _msgids() -> set[str]:
    found: set[str] = set()
    for path in sorted((ROOT / "plugins/contribute").glob("*.py")):
        found |= {m[1] for m in extract_from_file("python", str(path), keywords={"N_": None})}
    templates = [*TEMPLATES.glob("propose*.html"), *TEMPLATES.glob("partials/contribute_*.html"),
                 TEMPLATES / "partials/page_contribuer.html"]
    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
    for path in templates:
        for _line, msgid, _comments, _context in extract_from_file("jinja2", str(path), options=options):
            found.add(msgid if isinstance(msgid, str) else msgid[0])
    return found


def test_every_string_has_a_french_translation() -> None:
    with CATALOGUE.open("rb") as f:
        catalogue = read_po(f, locale="fr")
    translated = {m.id for m in catalogue if m.id and m.string}
    used = _msgids()
    assert len(used) > 90  # the words of field types and rules live with them in content_model (validation.po)
    assert sorted(used - translated) == []
