"""French and English everywhere; adding a language is a setting plus a catalogue."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from tests.conftest import ROOT, build_site

TRANSLATIONS = ROOT / "themes" / "labo" / "translations"
METHODS = [("plugins/**.py", "python"), ("themes/labo/templates/**.html", "jinja2")]
OPTIONS = {"themes/labo/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                                              "lstrip_blocks": "true"}}


def ui_messages() -> set:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), METHODS, OPTIONS,
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "plural": (1, 2)}):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


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
        expected = "en" if page.relative_to(shipped_site).parts[0] == "en" else "fr"
        assert links.html_lang == expected, page
        assert {lang for lang, _ in links.alternates} == {"fr", "en"}, page
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


@pytest.mark.slow
def test_a_third_language_is_a_setting_plus_a_catalogue(tmp_path):
    out = tmp_path / "out"
    result = build_site(ROOT / "content", out, extra={"LANGUAGES": json.dumps(["fr", "en", "pt"]),
                                                       "SITE": _site_for(["fr", "en", "pt"])})
    assert result.returncode == 0, result.stderr
    home = parse(out / "pt" / "index.html")
    assert home.html_lang == "pt" and home.html_dir == "ltr"
    assert {lang for lang, _ in home.alternates} == {"fr", "en", "pt"}
    org = (out / "pt" / "organisations" / "ipd-aos.html").read_text(encoding="utf-8")
    assert Locale("pt").territories["BF"] in org  # country names come from Babel in Portuguese too
    assert (out / "pt" / "organisations" / "pays" / "bf.html").is_file()


@pytest.mark.slow
def test_arabic_pages_are_right_to_left(tmp_path):
    out = tmp_path / "out"
    result = build_site(ROOT / "content", out, extra={"LANGUAGES": json.dumps(["fr", "en", "ar"]),
                                                       "SITE": _site_for(["fr", "en", "ar"])})
    assert result.returncode == 0, result.stderr
    home = parse(out / "ar" / "index.html")
    assert home.html_lang == "ar" and home.html_dir == "rtl"
    page = (out / "ar" / "organisations" / "ipd-aos.html").read_text(encoding="utf-8")
    assert Locale("ar").territories["BF"] in page
