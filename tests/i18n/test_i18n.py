"""French, English and Portuguese everywhere; adding a language is a setting plus a catalogue."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from pelican.settings import read_settings
from tests.conftest import ROOT

from labo_site import i18n_sources

TRANSLATIONS = ROOT / "themes" / "labo" / "translations"
LANGUAGES = tuple(read_settings(str(ROOT / "pelicanconf.py"))["LANGUAGES"])


def ui_messages() -> set:
    """Every message of the code and templates, as `invoke i18n-extract` finds them (babel.cfg)."""
    return set(i18n_sources.extract())


def french_catalogue() -> dict:
    merged = {}
    for po in sorted((TRANSLATIONS / "fr" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as f:
            for m in read_po(f, locale="fr"):
                if m.id and not m.fuzzy:
                    merged[m.id] = m.string
    return merged


def test_every_ui_string_has_a_french_translation():
    catalogue = french_catalogue()
    missing = []
    for message in sorted(ui_messages(), key=str):
        key = message if isinstance(message, str) else message
        string = catalogue.get(key)
        if isinstance(message, tuple):
            string = catalogue.get(message) or next((v for k, v in catalogue.items()
                                                     if isinstance(k, tuple) and k[0] == message[0]), None)
        if not string or (isinstance(string, tuple) and not all(string)):
            missing.append(message)
    assert not missing, "UI strings without a French translation (add them to a fr .po file):\n" + "\n".join(
        map(str, missing))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: list[tuple[str, str]] = []
        self.switch: list[str] = []
        self.html_lang = ""
        self.html_dir = ""
        self._in_switch = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang, self.html_dir = a.get("lang", ""), a.get("dir", "")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates.append((a["hreflang"], a["href"]))
        if tag == "nav" and "lang-switch" in (a.get("class") or ""):
            self._in_switch = 1
        if tag == "a" and self._in_switch:
            self.switch.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switch = 0


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_links_to_its_other_language_version(shipped_site):
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        links = parse(page)
        first = page.relative_to(shipped_site).parts[0]
        expected = first if first in LANGUAGES else LANGUAGES[0]
        assert links.html_lang == expected, page
        assert {lang for lang, _ in links.alternates} == set(LANGUAGES), page
        for href in [h for _, h in links.alternates] + links.switch:
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page}: language link {href} does not resolve"


def test_english_pages_show_english_interface(shipped_site):
    home = (shipped_site / "en" / "index.html").read_text(encoding="utf-8")
    assert ">Directory<" in home and ">Annuaire<" not in home
    assert 'lang="en"' in home
    fr_home = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert ">Annuaire<" in fr_home and ">Directory<" not in fr_home


def test_untranslated_entry_appears_in_french_with_a_badge(shipped_site):
    untranslated = [p for p in (ROOT / "content" / "organisations").glob("*.md")
                    if not p.name.count(".") > 1 and not p.with_suffix(".en.md").exists()]
    assert untranslated, "the shipped content should have an untranslated organisation"
    slug = untranslated[0].stem
    page = (shipped_site / "en" / "organisations" / f"{slug}.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 lang="fr">', page)
    assert "in French" in page


def _site_for(languages: list[str]) -> str:
    names = {lang: "Labo ESS Afrique" for lang in languages}
    return json.dumps({"name": names, "acronym": {lang: "LESSA" for lang in languages},
                       "tagline": {lang: f"Tagline {lang}" for lang in languages}})


def test_a_third_language_is_a_setting_plus_a_catalogue(shipped_site):
    """Portuguese, the third language, is a line of pelicanconf.py and the catalogues of translations/pt."""
    assert LANGUAGES == ("fr", "en", "pt")
    home = parse(shipped_site / "pt" / "index.html")
    assert home.html_lang == "pt" and home.html_dir == "ltr"
    assert {lang for lang, _ in home.alternates} == {"fr", "en", "pt"}
    org = (shipped_site / "pt" / "organisations" / "ipd-aos.html").read_text(encoding="utf-8")
    assert Locale("pt", "PT").territories["BF"] in org  # country names from Babel, in African/European Portuguese
    assert ">Diretório<" in org and ">Directory<" not in org
    assert (shipped_site / "pt" / "organisations" / "pays" / "bf.html").is_file()
