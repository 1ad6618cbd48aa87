"""The A–Z index (search/az.py): every published name, by kind and initial, on the search page or, for a large kind,
on pages of its own within the page weight budget."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from search_helpers import HERE, root_conftest

ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from tests.conftest import LANGUAGES  # noqa: E402

from content_model.schema import KINDS_BY_NAME  # noqa: E402
from search import az  # noqa: E402
from search import settings as settings_mod  # noqa: E402

_conftest = root_conftest()


@dataclass
class _Entry:
    """What az.names reads of an Entry: kind, slug, data, text()."""

    title: str
    slug: str
    kind: object = field(default_factory=lambda: KINDS_BY_NAME["organisation"])
    data: dict = field(default_factory=dict)
    lang: str = "fr"
    english: str | None = None

    def text(self, name: str, lang: str):
        if lang == "en" and self.english:
            return self.english, "en"
        return self.title, self.lang


def _entries(titles: list[str]) -> list[_Entry]:
    return [_Entry(t, f"e{n}") for n, t in enumerate(titles)]


@pytest.mark.parametrize(("title", "initial"), [
    ("Énergie solidaire", "E"), ("« L’Union » des femmes", "L"), ("œuvre commune", "O"), ("2iE Ouagadougou", "0–9"),
    ("تعاونية الأمل", "#"), ("…", "#"), ("zèbre", "Z"), ("Ñandú", "N")])
def test_the_initial_of_a_name(title: str, initial: str) -> None:
    assert az.initial(title) == initial


def test_names_sort_without_accents_or_case_digits_first_other_scripts_last() -> None:
    titles = ["Ferme", "énergie", "Eau", "2iE", "تعاونية", "ESS", "abeilles", "Église"]
    listed = [n.title for n in az.names(_entries(titles), "fr")]
    assert listed == ["2iE", "abeilles", "Eau", "Église", "énergie", "ESS", "Ferme", "تعاونية"]


def test_an_untranslated_name_says_its_language() -> None:
    entries = [_Entry("Coopérative", "coop"), _Entry("Réseau", "reseau", english="Network")]
    names = {n.path: (n.title, n.lang) for n in az.names(entries, "en")}
    assert names == {"organisations/coop.html": ("Coopérative", "fr"), "organisations/reseau.html": ("Network", "en")}


def test_a_small_kind_is_listed_on_the_search_page_a_large_one_gets_pages() -> None:
    small = _entries([f"Projet {n}" for n in range(3)])
    for entry in small:
        entry.kind = KINDS_BY_NAME["project"]
    large = _entries([f"{letter}{n:02d}" for letter in "ABC" for n in range(30)])  # 90 names, 30 per initial
    index = az.index({"organisation": large, "project": small, "event": []},
                     {"organisation": "organisations", "project": "projets", "event": "agenda"}, "fr",
                     inline=10, page_size=40)
    assert [k.code for k in index] == ["organisation", "project"], "a kind with no entry is left out"
    organisations, projects = index
    assert projects.inline and projects.pages() == []
    assert [path for path, _chunk, _p in organisations.pages()] == [
        "a-z/organisations.html", "a-z/organisations-p2.html", "a-z/organisations-p3.html"]
    # Each initial links to the page and heading where it starts.
    assert organisations.initials() == [
        {"initial": "A", "href": "a-z/organisations.html#az-a"},
        {"initial": "B", "href": "a-z/organisations.html#az-b"},
        {"initial": "C", "href": "a-z/organisations-p2.html#az-c"}]
    assert organisations.ranges() == [
        {"path": "a-z/organisations.html", "first": "A00", "last": "B09"},
        {"path": "a-z/organisations-p2.html", "first": "B10", "last": "C19"},
        {"path": "a-z/organisations-p3.html", "first": "C20", "last": "C29"}]
    _path, chunk, _pagination = organisations.pages()[1]
    groups = az.groups(chunk, continued_from="B")
    assert [(g["initial"], g["id"], g["continued"], len(g["names"])) for g in groups] == [
        ("B", "az-b", True, 20), ("C", "az-c", False, 20)]
    hub = organisations.hub(lambda message: message.upper(), "fr")
    assert (hub["label"], hub["count"], hub["names"]) == ("ORGANISATIONS", "90", [])
    assert projects.hub(str, "fr")["names"] == projects.names


@pytest.mark.parametrize(("given", "message"), [
    ({"az_page_size": 5}, "search: SEARCH['az_page_size'] must be a whole number of at least 10"),
    ({"az_inline": True}, "search: SEARCH['az_inline'] must be a whole number of at least 0"),
    ({"worker_from": -1}, "search: SEARCH['worker_from'] must be a whole number of at least 0"),
    ({"az_pages": 5}, "search: SEARCH['az_pages'] is not a setting; known keys: az_inline, az_page_size, worker_from"),
])
def test_bad_settings_are_reported(given: dict, message: str) -> None:
    with pytest.raises(settings_mod.SettingsError) as caught:
        settings_mod.read({"SEARCH": given})
    assert str(caught.value) == message


def test_settings_default() -> None:
    assert settings_mod.read({}) == {"az_inline": az.INLINE, "az_page_size": az.PAGE_SIZE, "worker_from": 300}


# -- in a built site ----------------------------------------------------------------------------------------------

class _Links(HTMLParser):
    """Links of the A–Z lists of a page ([{href, text, lang}]) and its ids."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[dict] = []
        self.initials: list[str] = []
        self.ids: set[str] = set()
        self._list = ""
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("ul", "nav") and a.get("class") in ("az-names", "az-initials"):
            self._list = a["class"]
        elif tag == "a" and self._list:
            self._link = {"href": a["href"], "lang": a.get("lang", ""), "text": "", "list": self._list}

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            (self.names if self._link["list"] == "az-names" else self.initials).append(self._link)
            self._link = None
        elif tag in ("ul", "nav") and self._list and tag == ("ul" if self._list == "az-names" else "nav"):
            self._list = ""


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _published_titles(lang: str) -> dict[str, str]:
    """path -> title of every published entry of the shipped content, as the index shows it in `lang`."""
    import datetime as dt

    from content_model.validate import validate_site
    from labo_site.views import entry_link

    registry = validate_site(ROOT / "content", languages=LANGUAGES, today=dt.date(2026, 11, 18)).registry
    return {link.path: str(link.title) for kind in az.KIND_LABELS for link in
            (entry_link(e, lang) for e in registry.kind(kind))}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_page_lists_every_published_entry_once(shipped_site: Path, lang: str) -> None:
    """The shipped site: every kind is small, so the whole index is on the search page."""
    root = shipped_site if lang == "fr" else shipped_site / lang
    page = _parse(root / "recherche.html")
    found = {}
    for link in page.names:
        target = (root / link["href"]).resolve()
        assert target.is_file(), link
        found[target.relative_to(root.resolve()).as_posix()] = link["text"]
    assert len(found) == len(page.names), "each entry once"
    assert found == _published_titles(lang)
    if lang == "en":  # an entry without an English translation keeps its French name, marked as French
        untranslated = [link for link in page.names if link["lang"] == "fr"]
        assert untranslated and all(link["text"] == found[link["href"].removeprefix("../en/")] for link in untranslated)
    assert not (root / "a-z").exists(), "no kind needs pages of its own"


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    """A generated network of 30 organisations (9 projects, 6 events…) built with small A–Z settings, so that
    organisations take three pages, projects one page of their own, and the smaller kinds stay on the search page.
    In French and English, the languages the generated entries are written in."""
    import subprocess

    where = tmp_path_factory.mktemp("az")
    content = where / "content"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "-n", "30", "-o", str(content)],
                   check=True, capture_output=True, env={"SOURCE_DATE_EPOCH": _conftest.FIXED_EPOCH,
                                                         "PATH": "/usr/bin:/bin"})
    result = _conftest.build_site(content, where / "out", extra={
        "SEARCH": json.dumps({"az_inline": 8, "az_page_size": 12}), "LANGUAGES": json.dumps(["fr", "en"])})
    assert result.returncode == 0, result.stderr
    return where / "out"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_large_kind_has_pages_whose_initials_and_names_all_link(large_site: Path, lang: str) -> None:
    from tests.support.htmlscan import load_site
    from tests.support.links import check_links
    from tests.support.weight import PAGE_BUDGET_BYTES, page_weights

    root = large_site if lang == "fr" else large_site / lang
    pages = sorted((root / "a-z").glob("organisations*.html"))
    assert [p.name for p in pages] == ["organisations-p2.html", "organisations-p3.html", "organisations.html"]
    names = [link for page in pages for link in _parse(page).names]
    assert len(names) == 30 and len({n["href"] for n in names}) == 30, "every organisation once"
    hub = _parse(root / "recherche.html")
    initials = hub.initials
    assert initials, "the search page links the organisations' initials"
    for link in initials:  # each to an existing page and heading
        path, _, anchor = link["href"].partition("#")
        target = root / path
        assert target.is_file() and anchor in _parse(target).ids, link
        assert re.fullmatch(r"az-[a-z0]|az-other", anchor)
    assert (root / "a-z" / "projets.html").is_file() and not (root / "a-z" / "agenda.html").exists()
    html = (root / "a-z" / "organisations-p2.html").read_text(encoding="utf-8")
    assert 'aria-current="page"' in html, "the list of pages marks this one"
    index = load_site(large_site, only=lambda rel: "a-z/" in rel or rel.endswith("recherche.html"))
    assert len(index.pages) == 2 * 5, "the A–Z pages and the search page of each language"  # fr, en
    assert check_links(large_site, index) == []
    heavy = [w.describe() for w in page_weights(large_site, index) if w.total > PAGE_BUDGET_BYTES]
    assert heavy == []


def test_the_ligatures_fold_as_search_folds_them() -> None:
    from search.text import FOLD_MAP

    assert {k: k.translate(az._LIGATURES) for k in FOLD_MAP} == FOLD_MAP
