"""The directory index, every facet page with its count, the members page, and pagination."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml
from dirkit import SITE, build, page

#: Facet counts as a reader sees them in the filter control, per language (label -> count).
FACETS = {
    "fr": {
        "Pays": {"Burkina Faso": 3, "Ghana": 1, "Sénégal": 1},
        "Secteur": {"Agriculture et environnement": 1, "Commerce et distribution": 1, "Éducation et formation": 2,
                    "Finance, assurance et activités connexes": 1, "Production et distribution d’énergie": 1,
                    "Santé, services sociaux et emploi": 1},
        "Forme juridique": {"Association": 1, "Coopérative": 1, "Entreprise sociale": 1, "Groupement informel": 1,
                            "Mutuelle": 1, "Réseau": 1},
        "Statut d’adhésion": {"Membres": 3, "Partenaires": 1, "Observatrices": 1, "Candidates": 1},
        "Langue": {"Anglais": 1, "Dioula": 1, "Français": 2},
    },
    "en": {
        "Country": {"Burkina Faso": 3, "Ghana": 1, "Senegal": 1},
        "Sector": {"Agriculture and environment": 1, "Education and training": 2, "Energy production and "
                   "distribution": 1, "Finance, insurance and related activities": 1, "Health, social services "
                   "and employment": 1, "Trade and distribution": 1},
        "Legal form": {"Association": 1, "Cooperative": 1, "Informal group": 1, "Mutual": 1, "Network": 1,
                       "Social enterprise": 1},
        "Membership status": {"Members": 3, "Partners": 1, "Observers": 1, "Applicants": 1},
        "Language": {"Dyula": 1, "English": 1, "French": 2},
    },
}
FOLDERS = {"country": "pays", "sector": "secteur", "legal_form": "forme-juridique", "status": "statut",
           "language": "langue"}


def _front_matter() -> dict[str, dict]:
    """Published organisations of the fixture, read straight from the files (not through the plugins)."""
    out = {}
    for path in sorted((SITE / "content" / "organisations").glob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", path.name):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if not data.get("unpublished"):
            out[path.stem] = data
    return out


def _expected_facets() -> dict[tuple[str, str], set[str]]:
    """(facet folder, code as in the URL) -> slugs, from the front matter."""
    out: dict[tuple[str, str], set[str]] = {}
    for slug, data in _front_matter().items():
        values = {"country": [data.get("country")], "sector": data.get("sectors", []),
                  "legal_form": [data.get("legal_form")], "status": [data["membership"]["status"]],
                  "language": data.get("languages", [])}
        for facet, codes in values.items():
            for code in filter(None, codes):
                out.setdefault((FOLDERS[facet], code.lower().replace("_", "-")), set()).add(slug)
    return out


def _prefix(lang: str) -> str:
    return "" if lang == "fr" else "en/"


def _cards(doc) -> list[str]:
    return [a.attrs["href"].rsplit("/", 1)[-1].removesuffix(".html")
            for a in (card.find("h3").find("a") for card in doc.find_all("li", class_="card"))]


def _sidebar(doc) -> dict[str, dict[str, int]]:
    """{facet title: {value: count}} of the filter control (its first choice, "All …", has no count)."""
    groups = {}
    for details in doc.find("div", class_="filters").find_all("details"):
        values = {}
        for li in details.find_all("li"):
            if li.find_all("span", class_="n"):
                values[li.find("a").norm()] = int(li.find("span", class_="n").norm().strip("()"))
        groups[details.find("summary").find("span", class_="visually-hidden").norm().rstrip(" —")] = values
    return groups


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_index_lists_every_published_organisation_with_the_facet_counts(directory_site, lang: str) -> None:
    doc = page(directory_site, f"{_prefix(lang)}organisations/index.html")
    assert doc.find("p", class_="count").norm() == "6 organisations"
    assert sorted(_cards(doc)) == sorted(_front_matter())
    assert _sidebar(doc) == FACETS[lang]


def test_the_pinned_counts_agree_with_the_front_matter() -> None:
    expected = _expected_facets()
    by_folder = Counter()
    for (folder, _code), slugs in expected.items():
        by_folder[folder] += len(slugs)
    pinned = FACETS["fr"]
    assert by_folder["pays"] == sum(pinned["Pays"].values())
    assert by_folder["secteur"] == sum(pinned["Secteur"].values())
    assert by_folder["forme-juridique"] == sum(pinned["Forme juridique"].values())
    assert by_folder["statut"] == sum(pinned["Statut d’adhésion"].values())
    assert by_folder["langue"] == sum(pinned["Langue"].values())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_facet_page_lists_exactly_its_organisations(directory_site, lang: str) -> None:
    expected = _expected_facets()
    written = {(p.parent.name, p.stem) for p in (directory_site / _prefix(lang) / "organisations").glob("*/*.html")}
    assert written == set(expected)
    for (folder, code), slugs in sorted(expected.items()):
        doc = page(directory_site, f"{_prefix(lang)}organisations/{folder}/{code}.html")
        n = len(slugs)
        assert doc.find("p", class_="count").norm() == f"{n} organisation{'s' if n > 1 else ''}", (folder, code)
        assert sorted(_cards(doc)) == sorted(slugs), (folder, code)
        current = doc.find("div", class_="filters").find("a", aria_current="page")
        assert doc.find("main").find("h1").norm() == current.norm()
        details = current
        while details.tag != "details":
            details = details.parent
        summary = details.find("summary").find("span", class_="facet-current")
        assert summary.norm() == current.norm()  # the control shows what is chosen


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sidebar_links_lead_to_pages_whose_count_matches(directory_site, lang: str) -> None:
    index = f"{_prefix(lang)}organisations/index.html"
    doc = page(directory_site, index)
    for li in doc.find("div", class_="filters").find_all("li"):
        if not li.find_all("span", class_="n"):  # "All …": the index itself
            continue
        target = (directory_site / index).parent / li.find("a").attrs["href"]
        count = li.find("span", class_="n").norm().strip("()")
        facet_doc = page(directory_site, target.resolve().relative_to(directory_site.resolve()).as_posix())
        assert facet_doc.find("p", class_="count").norm().split()[0] == count


@pytest.mark.parametrize(("lang", "heading", "names"), [
    ("fr", "3 organisations membres, liste générée à partir de l’annuaire.",
     ["Association test de Bobo-Dioulasso", "Coopérative test des maraîchères de Koudougou",
      "Exemple test de Ouagadougou"]),
    ("en", "3 member organisations, generated from the directory.",
     ["Association test de Bobo-Dioulasso", "Exemple test de Ouagadougou",
      "Koudougou Women Market Gardeners' Test Cooperative"]),
])
def test_members_page_is_generated_from_the_directory(directory_site, lang: str, heading: str,
                                                       names: list[str]) -> None:
    main = page(directory_site, f"{_prefix(lang)}membres.html").find("main")
    assert main.find("p").norm() == heading
    sections = main.find_all("section")
    assert [s.find("h2").norm() for s in sections] == ["Burkina Faso"]
    assert [a.norm() for a in sections[0].find_all("a")] == names


@pytest.fixture(scope="module")
def paginated(tmp_path_factory):
    out = tmp_path_factory.mktemp("paginated") / "output"
    result = build(SITE / "content", out, DIRECTORY_PAGE_SIZE=2)
    assert result.returncode == 0, result.stderr
    return out


def test_pagination_splits_lists_and_keeps_every_organisation_once(paginated) -> None:
    pages = ["organisations/index.html", "organisations/index-p2.html", "organisations/index-p3.html"]
    assert not (paginated / "organisations" / "index-p4.html").exists()
    seen = []
    for number, rel in enumerate(pages, start=1):
        doc = page(paginated, rel)
        assert doc.find("p", class_="count").norm() == f"6 organisations — page {number} sur 3"
        seen += _cards(doc)
        nav = doc.find("nav", class_="pagination")
        assert [a.norm() for a in nav.find_all("a") if a.norm().isdigit()] == ["1", "2", "3"]
        assert nav.find("a", aria_current="page").norm() == str(number)
    assert sorted(seen) == sorted(_front_matter())
    assert len(seen) == len(set(seen))
    bf = [_cards(page(paginated, rel)) for rel in ("organisations/pays/bf.html", "organisations/pays/bf-p2.html")]
    assert sorted(bf[0] + bf[1]) == sorted(_expected_facets()[("pays", "bf")])
