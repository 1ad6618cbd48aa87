"""The search plugin in a real build: an index per language built from the registry, and the search page."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from search_helpers import HERE, chunk, root_conftest, run_js, stored_documents

ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from tests.conftest import LANGUAGES  # noqa: E402

from content_model.validate import validate_site  # noqa: E402
from search.views import plain_text  # noqa: E402

_conftest = root_conftest()
build_site, copy_content = _conftest.build_site, _conftest.copy_content

#: Kinds in the index and the content folder each comes from.
FOLDERS = {"organisation": "organisations", "project": "projects", "event": "events", "service": "services",
           "tender": "tenders", "news": "news", "page": "pages"}


def _index(site: Path, lang: str) -> Path:
    return site / ("" if lang == "fr" else f"{lang}/") / "search"


@functools.cache
def _registry():
    return validate_site(ROOT / "content", languages=LANGUAGES, today=dt.date(2026, 11, 18)).registry


def _published(kind_folder: str) -> set[str]:
    """Slugs of the shipped entries of a folder that the site shows (published, examples included)."""
    kind = {"news": "article", "pages": "page"}.get(kind_folder, kind_folder.rstrip("s"))
    return {e.slug for e in _registry().kind(kind)}


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, dict[str, str]] = {}
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.h1 = ""
        self._in_h1 = False
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "form" and "data-labo-search" in a:
            self.attrs["form"] = a
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        self._in_h1 = tag == "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_published_entry_is_in_the_index_of_each_language(shipped_site: Path, lang: str) -> None:
    docs = stored_documents(_index(shipped_site, lang))
    by_kind: dict[str, set[str]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], set()).add(Path(doc["url"]).stem)
    assert set(by_kind) == set(FOLDERS)
    for kind, folder in FOLDERS.items():
        assert by_kind[kind] == _published(folder), kind


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_result_links_to_a_page_of_the_same_language(shipped_site: Path, lang: str) -> None:
    root = shipped_site if lang == "fr" else shipped_site / lang
    docs = stored_documents(_index(shipped_site, lang))
    assert len(docs) >= 30
    missing = [d["url"] for d in docs if not (root / d["url"]).is_file()]
    assert missing == []
    expected = {"organisation": "organisations/", "project": "projets/", "event": "agenda/",
                "service": "services/", "tender": "appels-d-offres/", "news": "actualites/", "page": "pages/"}
    assert all(d["url"].startswith(expected[d["kind"]]) and d["url"].endswith(".html") for d in docs)


def test_titles_kinds_and_countries_are_in_the_page_language(shipped_site: Path) -> None:
    fr = {d["url"]: d for d in stored_documents(_index(shipped_site, "fr"))}
    en = {d["url"]: d for d in stored_documents(_index(shipped_site, "en"))}
    url = "organisations/cooperative-exemple-maraicheres-koudougou.html"
    assert fr[url]["title"] == "Coopérative exemple des maraîchères de Koudougou"
    assert en[url]["title"] == "Koudougou Women Market Gardeners’ Example Cooperative"
    assert fr[url]["snippet"].startswith("Fiche d’exemple fictive : une coopérative de maraîchères")
    assert en[url]["snippet"].startswith("Fictitious example entry: a cooperative of women market gardeners")
    argan = "organisations/cooperative-exemple-arganier-essaouira.html"
    assert (fr[argan]["country"], en[argan]["country"]) == ("Maroc", "Morocco")
    # an untranslated entry is indexed in English with its original text
    untranslated = next(p for p in sorted((ROOT / "content" / "organisations").glob("*.md"))
                        if p.name.count(".") == 1 and not p.with_suffix(".en.md").exists())
    path = f"organisations/{untranslated.stem}.html"
    assert en[path]["title"] == fr[path]["title"] == _front_matter(untranslated)["name"]
    labels = {lang: {k["code"]: k["label"] for k in chunk(_index(shipped_site, lang) / "manifest.js")["kinds"]}
              for lang in ("fr", "en")}
    assert labels["fr"] == {"organisation": "Organisation", "project": "Projet", "event": "Événement",
                            "service": "Service", "tender": "Appel d’offres", "news": "Actualité", "page": "Page"}
    assert labels["en"] == {"organisation": "Organisation", "project": "Project", "event": "Event",
                            "service": "Service", "tender": "Call for tenders", "news": "News item", "page": "Page"}


def test_snippets_are_plain_text(shipped_site: Path) -> None:
    for lang in ("fr", "en"):
        for doc in stored_documents(_index(shipped_site, lang)):
            assert not re.search(r"<[a-z/!]|&[a-z]+;|&#", doc["snippet"]), doc


@pytest.mark.parametrize("lang, typed", [("fr", "irrigation"), ("fr", "agroecologiques"),
                                         ("en", "gardeners"), ("en", "irrigation")])
def test_a_word_of_a_description_finds_its_organisation(shipped_site: Path, tmp_path: Path, lang: str,
                                                         typed: str) -> None:
    """Words of the body (not of the title or summary) of the Koudougou cooperative, as search.js runs them."""
    body = (ROOT / "content" / "organisations" /
            f"cooperative-exemple-maraicheres-koudougou{'' if lang == 'fr' else '.en'}.md").read_text(encoding="utf-8")
    assert typed[:8] in body.split("---\n", 2)[2].replace("é", "e")
    result = run_js(_index(shipped_site, lang), tmp_path, queries=[{"q": typed, "kinds": ["organisation"]}])
    assert "organisations/cooperative-exemple-maraicheres-koudougou.html" in result["queries"][0]["urls"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_page_renders_in_each_language(shipped_site: Path, lang: str) -> None:
    path = shipped_site / ("recherche.html" if lang == "fr" else "en/recherche.html")
    page = _page(path)
    assert page.lang == lang
    assert page.h1 == {"fr": "Recherche", "en": "Search"}[lang]
    form = page.attrs["form"]
    assert form["data-lang"] == lang
    base = (path.parent / form["data-search-base"]).resolve()
    assert base == _index(shipped_site, lang).resolve()
    assert chunk(base / "manifest.js")["lang"] == lang
    vendor = path.parent / form["data-vendor-base"]
    assert (vendor / "lunr" / "lunr.min.js").is_file() and (vendor / "snowball" / "snowball.js").is_file()
    assert any((path.parent / src).resolve() == (shipped_site / "theme/js/search.js").resolve()
               for src in page.scripts)
    messages = {"fr": ("{n} résultat", "{n} résultats", "Aucun résultat."),
                "en": ("{n} result", "{n} results", "No results.")}[lang]
    assert form["data-msg-one"] == messages[0] and form["data-msg-other"] == messages[1]
    assert form["data-msg-none"].startswith(messages[2])
    # without JavaScript: the browse links, each to a built page of the same language
    for section in ("organisations/index.html", "projets/index.html", "agenda/index.html"):
        assert any(href.endswith(section) and (path.parent / href).is_file() for href in page.links), section


def test_the_search_page_is_linked_from_the_header_of_every_page(shipped_site: Path) -> None:
    """base.html's header links the search page (an icon and a label; the field itself is on the page)."""
    for path, href in [("index.html", "./recherche.html"), ("en/organisations/index.html", "../../en/recherche.html")]:
        page = _page(shipped_site / path)
        assert href in page.links, path
        assert (shipped_site / path).parent.joinpath(href).resolve().is_file()


def test_plain_text_keeps_words_apart_and_decodes_entities() -> None:
    html = ("<h2>Qui sommes-nous ?</h2><p>La coop&eacute;rative <strong>r&eacute;unit</strong> des "
            "maraîch<em>ères</em>.</p><ul><li>oignons</li><li>tomates</li></ul><!-- note --><p>A&amp;B</p>")
    assert plain_text(html) == "Qui sommes-nous ? La coopérative réunit des maraîchères. oignons tomates A&B"
    assert plain_text("<p>un<br>deux</p><script>alert(1)</script>") == "un deux"


@pytest.mark.slow
def test_unpublished_entries_unbuilt_sections_and_a_third_language(tmp_path: Path) -> None:
    """One build, three cases: an entry taken down is not indexed; a kind whose plugin is not loaded is not
    indexed (no result may link to a missing page); a third language without a stemmer gets a working index. The
    indexes are made by `search.worker` (SEARCH["worker_from"] 0), as a large site's are: the other test builds
    make theirs in the rendering process (tests/search/test_index.py shows both give the same files)."""
    content = copy_content(tmp_path)
    org = content / "organisations" / "cooperative-exemple-maraicheres-koudougou.md"
    org.write_text(org.read_text(encoding="utf-8").replace("\nexample: true\n", "\nexample: true\nunpublished: true\n"),
                   encoding="utf-8")
    for translation in content.rglob("*.pt.md"):  # the shipped Portuguese pages: Swahili is the third language here
        translation.unlink()
    plugins = [p for p in _settings_plugins() if p != "tenders"]
    languages = ["fr", "en", "sw"]
    site = {key: {lang: "Labo ESS Afrique" for lang in languages} for key in ("name", "acronym", "tagline")}
    result = build_site(content, tmp_path / "out", extra={
        "PLUGINS": json.dumps(plugins), "LANGUAGES": json.dumps(languages), "SITE": json.dumps(site),
        "CACHE_PATH": json.dumps(str(tmp_path / "cache")), "SEARCH": json.dumps({"worker_from": 0})})
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for lang in languages:
        docs = stored_documents(_index(out, lang))
        urls = {d["url"] for d in docs}
        assert "organisations/cooperative-exemple-maraicheres-koudougou.html" not in urls
        assert not any(d["kind"] == "tender" for d in docs)
        assert all((out / ("" if lang == "fr" else lang) / d["url"]).is_file() for d in docs)
    manifest = chunk(_index(out, "sw") / "manifest.js")
    assert (manifest["stemmer"], manifest["stopWords"]) == ("none", [])
    found = run_js(_index(out, "sw"), tmp_path, queries=[{"q": "ESSAOUIRA"}])["queries"][0]
    assert "organisations/cooperative-exemple-arganier-essaouira.html" in found["urls"]
    assert (out / "sw" / "recherche.html").is_file()


def _settings_plugins() -> list[str]:
    from pelican.settings import read_settings

    return list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])


def test_every_page_header_links_to_the_search_page_of_its_language(shipped_site: Path) -> None:
    """The header's search link (base.html) leads to recherche.html of the page's own language, and marks it
    as the current page there."""
    for page, target in (("organisations/index.html", "recherche.html"), ("en/organisations/index.html",
                                                                          "en/recherche.html"),
                         ("index.html", "recherche.html"), ("en/index.html", "en/recherche.html")):
        html = (shipped_site / page).read_text(encoding="utf-8")
        link = re.search(r'<a class="header-search" href="([^"]+)"', html)
        assert link, page
        found = ((shipped_site / page).parent / link.group(1)).resolve()
        assert found == (shipped_site / target).resolve() and found.is_file(), (page, link.group(1))
    own = (shipped_site / "recherche.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="header-search" href="[^"]+" aria-current="page"', own)


def test_search_figures_of_the_built_site(shipped_site: Path) -> None:
    from search.measure import site_figures

    figures = site_figures(shipped_site)
    assert set(figures) == {"engine, loaded once on first focus", "fr index", "fr typical query", "en index",
                            "en typical query", "pt index", "pt typical query"}
    count = len(stored_documents(_index(shipped_site, "fr")))
    assert figures["fr index"].startswith(f"{count} documents, ")
    query = r"[\d.,]+ KB mean, [\d.,]+ KB max \([\d.]+ % of the index\) over 8 queries"
    assert re.match(query, figures["fr typical query"]), figures
