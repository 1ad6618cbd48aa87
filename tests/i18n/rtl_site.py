"""A test build in the site's first language and Arabic: the shipped content, the theme with a test-only Arabic
skeleton catalogue (fixtures/ar/messages.po), and one organisation renamed in Arabic script so that the French pages
carry right-to-left user text too. Nothing of it is shipped: Arabic is not in pelicanconf.LANGUAGES.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from pelican.settings import read_settings
from tests.conftest import LANGUAGES, ROOT, build_site, keep_languages

FIXTURES = Path(__file__).parent / "fixtures"
#: What the Arabic pages say the site is called (SITE gives a text per language).
ARABIC_SITE = {"name": "مختبر ESS أفريقيا", "acronym": "LESSA",
               "tagline": "مختبر وخدمة دولية لدعم منظمات الاقتصاد الاجتماعي والتضامني"}
#: The organisation whose name and acronym the test content writes in Arabic script, and what it writes.
ARABIC_ORG = "cooperative-exemple-arganier-essaouira"
ARABIC_NAME = "تعاونية نساء الأركان بالصويرة"
ARABIC_ACRONYM = "ت.ن.أ"
#: An organisation with a Latin name and a Latin acronym, shown in Arabic pages.
LATIN_ORG = "kisumu-example-savings-cooperative"


def _arabic_content(tmp: Path) -> Path:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    keep_languages(content, [LANGUAGES[0]])  # the build is in the first language and Arabic
    source = content / "organisations" / f"{ARABIC_ORG}.md"
    text = source.read_text(encoding="utf-8")
    text, named = re.subn(r'(?m)^name: .*$', f'name: "{ARABIC_NAME}"\nacronym: "{ARABIC_ACRONYM}"', text, count=1)
    assert named == 1 and "\nacronym:" not in source.read_text(encoding="utf-8"), "the fixture organisation changed"
    source.write_text(text, encoding="utf-8")
    return content


def _arabic_theme(tmp: Path) -> Path:
    theme = tmp / "theme"
    shutil.copytree(ROOT / "themes" / "labo", theme)
    catalogues = theme / "translations" / "ar" / "LC_MESSAGES"
    catalogues.mkdir(parents=True)
    shutil.copy(FIXTURES / "ar" / "messages.po", catalogues / "messages.po")
    return theme


def arabic_settings(theme: Path) -> dict[str, str]:
    """Overrides: the site's first language (French, left to right, at the root) and Arabic, the shipped SITE plus
    its Arabic texts, the test theme. The other shipped languages would lay out as French does: left out, the build
    and the pages to read are half as many."""
    shipped = read_settings(str(ROOT / "pelicanconf.py"))
    site = {key: {**texts, "ar": ARABIC_SITE[key]} for key, texts in shipped["SITE"].items()}
    return {"LANGUAGES": json.dumps([LANGUAGES[0], "ar"]), "SITE": json.dumps(site),
            "THEME": json.dumps(str(theme))}


def build_arabic_site(tmp: Path) -> Path:
    """Build into tmp/out and return it; the build's stderr is in the assertion message if it fails."""
    out = tmp / "out"
    result = build_site(_arabic_content(tmp), out, extra=arabic_settings(_arabic_theme(tmp)))
    assert result.returncode == 0, result.stderr
    return out
