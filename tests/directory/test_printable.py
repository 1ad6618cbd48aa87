"""The printable directory: every published organisation by country, in each language, with its public contact."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from dirkit import SITE, build, page

from content_model.registry import Entry
from content_model.schema import KINDS_BY_NAME
from directory import views
from directory.printable import PRINT_PATH, shown_url

#: What a reader sees, country by country, in the fixture (example entry shown: a local build).
SECTIONS = {
    "fr": [("Burkina Faso (3)", [
        ("Association test de Bobo-Dioulasso", "Bobo-Dioulasso · Membre · Éducation et formation", ""),
        ("Coopérative test des maraîchères de Koudougou (CTMK)",
         "Koudougou · Membre · Agriculture et environnement, Commerce et distribution",
         "ctmk.example.org · contact@ctmk.example.org · +226 25 44 00 01"),
        ("Exemple test de Ouagadougou Exemple", "Ouagadougou · Membre · Production et distribution d’énergie", "")]),
        ("Ghana (1)", [("Mutuelle test d'Accra", "Observatrice · Santé, services sociaux et emploi", "")]),
        ("Sénégal (1)", [("Réseau test des acteurs de Dakar",
                          "Dakar · Partenaire · Éducation et formation, Finance, assurance et activités connexes",
                          "")]),
        ("Pays non renseigné (1)", [("Groupe test sans pays", "Candidate", "")])],
    "en": [("Burkina Faso (3)", [
        ("Association test de Bobo-Dioulasso", "Bobo-Dioulasso · Member · Education and training", ""),
        ("Exemple test de Ouagadougou Example", "Ouagadougou · Member · Energy production and distribution", ""),
        ("Koudougou Women Market Gardeners' Test Cooperative (CTMK)",
         "Koudougou · Member · Agriculture and environment, Trade and distribution",
         "ctmk.example.org · contact@ctmk.example.org · +226 25 44 00 01")]),
        ("Ghana (1)", [("Mutuelle test d'Accra", "Observer · Health, social services and employment", "")]),
        ("Senegal (1)", [("Réseau test des acteurs de Dakar",
                          "Dakar · Partner · Education and training, Finance, insurance and related activities", "")]),
        ("Country not given (1)", [("Groupe test sans pays", "Applicant", "")])],
}


def _prefix(lang: str) -> str:
    return "" if lang == "fr" else "en/"


def _sections(doc) -> list[tuple[str, list[tuple[str, str, str]]]]:
    out = []
    for section in doc.find("main").find_all("section", class_="print-country"):
        entries = []
        for li in section.find("ul", class_="print-orgs").find_all("li"):
            paragraphs = li.find_all("p")
            contact = li.find_all("p", class_="print-contact")
            entries.append((li.find("h3").norm(), paragraphs[0].norm(), contact[0].norm() if contact else ""))
        out.append((section.find("h2").norm(), entries))
    return out


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture built as the published site is: examples left out, an absolute SITEURL."""
    out = tmp_path_factory.mktemp("published") / "output"
    result = build(SITE / "content", out, LABO_INCLUDE_EXAMPLES=False, SITEURL="https://example.org/site")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_published_organisation_by_country_with_its_facts(directory_site, lang: str) -> None:
    doc = page(directory_site, _prefix(lang) + PRINT_PATH)
    assert _sections(doc) == SECTIONS[lang]
    toc = doc.find("nav", class_="print-toc")
    assert [li.norm() for li in toc.find_all("li")] == [title for title, _ in SECTIONS[lang]]
    assert [a.attrs["href"] for a in toc.find_all("a")] == ["#pays-bf", "#pays-gh", "#pays-sn", "#sans-pays"]
    for section in doc.find("main").find_all("section", class_="print-country"):
        assert f"#{section.attrs['id']}" in [a.attrs["href"] for a in toc.find_all("a")]


@pytest.mark.parametrize(("lang", "meta"), [("fr", "6 organisations · 3 pays · à jour au 18 novembre 2026"),
                                            ("en", "6 organisations · 3 countries · as of November 18, 2026")])
def test_the_page_says_what_it_is_and_when_it_was_built(directory_site, lang: str, meta: str) -> None:
    doc = page(directory_site, _prefix(lang) + PRINT_PATH)
    assert doc.find("p", class_="print-meta").norm() == meta  # the build date (SOURCE_DATE_EPOCH), not today
    assert doc.find("body").attrs["data-template"] == "directory_print"
    assert doc.find("p", class_="print-site").norm() == "Labo ESS Afrique"  # no address to print in a local copy
    links = [link.attrs["href"] for link in doc.find_all("link", rel="stylesheet")]
    assert links[-1].endswith("theme/css/print.css")


def test_names_link_to_the_organisation_pages(directory_site) -> None:
    doc = page(directory_site, "en/" + PRINT_PATH)
    hrefs = [li.find("h3").find("a").attrs["href"] for li in doc.find("ul", class_="print-orgs").find_all("li")]
    assert hrefs == ["association-test-bobo.html", "exemple-test-ouaga.html", "cooperative-test-koudougou.html"]
    assert (directory_site / "en" / "organisations" / hrefs[0]).is_file()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_contact_kept_on_the_organisations_page_is_not_printed(directory_site, lang: str) -> None:
    printed = (directory_site / _prefix(lang) / PRINT_PATH).read_text(encoding="utf-8")
    own_page = (directory_site / _prefix(lang) / "organisations" / "reseau-test-dakar.html").read_text(encoding="utf-8")
    for contact in ("secretariat@reseau-dakar.example.org", "+221 33 800 00 00"):
        assert contact in own_page
        assert contact not in printed
    assert "contact@ctmk.example.org" in printed and 'href="tel:+22625440001"' in printed


def test_public_contact_follows_contact_page_only() -> None:
    kind = KINDS_BY_NAME["organisation"]
    both = {"email": "a@b.example.org", "phone": "+221 1", "website": "https://b.example.org/"}
    entry = lambda data: Entry(kind, "x", "organisations/x.md", data, "fr")  # noqa: E731
    assert entry(both).public_contact() == {"email": "a@b.example.org", "phone": "+221 1"}
    assert entry({**both, "contact_page_only": True}).public_contact() == {"email": None, "phone": None}
    assert entry({}).public_contact() == {"email": None, "phone": None}
    assert shown_url("https://b.example.org/") == "b.example.org"
    assert shown_url("http://b.example.org/a/") == "b.example.org/a"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unpublished_entries_are_never_printed(directory_site, published, lang: str) -> None:
    for site in (directory_site, published):
        text = (site / _prefix(lang) / PRINT_PATH).read_text(encoding="utf-8")
        assert "retir" not in text.lower() and "Niger" not in text


def test_the_published_directory_leaves_examples_out_and_prints_the_sites_address(published) -> None:
    for lang, address in (("fr", "example.org/site"), ("en", "example.org/site/en")):
        doc = page(published, _prefix(lang) + PRINT_PATH)
        names = [name for _title, entries in _sections(doc) for name, _meta, _contact in entries]
        assert "Exemple test de Ouagadougou" not in " ".join(names) and len(names) == 5
        assert doc.find("p", class_="print-site").norm() == f"Labo ESS Afrique — {address}"
        assert doc.find("section", id="pays-bf").find("h2").norm() == "Burkina Faso (2)"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Annuaire imprimable : toutes les organisations par pays, à imprimer ou à enregistrer en PDF"),
    ("en", "Printable directory: every organisation by country, to print or save as PDF")])
def test_the_directory_links_to_it(directory_site, lang: str, text: str) -> None:
    for rel in ("organisations/index.html", "organisations/pays/bf.html"):
        doc = page(directory_site, _prefix(lang) + rel)
        link = next(a for a in doc.find("main").find_all("a") if a.norm() == text)
        target = (directory_site / _prefix(lang) / rel).parent / link.attrs["href"]
        assert target.resolve() == (directory_site / _prefix(lang) / PRINT_PATH).resolve()


def test_the_weight_gate_gives_the_document_an_allowance_per_organisation(directory_site) -> None:
    from tests.support.htmlscan import load_site
    from tests.support.weight import GROWING_TEMPLATES, PAGE_BUDGET_BYTES, page_weights

    weights = {w.rel: w for w in page_weights(directory_site, load_site(directory_site))}
    assert weights[PRINT_PATH].budget == PAGE_BUDGET_BYTES + 6 * GROWING_TEMPLATES["directory_print"]
    assert weights["organisations/index.html"].budget == PAGE_BUDGET_BYTES


# -- the language facet ------------------------------------------------------------------------------------------

def _org(*languages: str) -> SimpleNamespace:
    return SimpleNamespace(data={"languages": list(languages)})


def test_the_language_facet_offers_the_most_declared_languages_and_gathers_the_others(monkeypatch) -> None:
    entries = [_org("fr", "mos"), _org("fr", "dyu"), _org("fr", "mos", "ff"), _org("en")]
    monkeypatch.setattr(views, "LANGUAGE_CHOICES", 2)
    offered = views.offered_languages(entries)
    assert offered == {"fr", "mos"}
    assert [views.language_codes(e, offered) for e in entries] == [
        ["fr", "mos"], ["fr", "autres"], ["fr", "mos", "autres"], ["autres"]]
    assert views.language_codes(_org(), offered) == []
    assert views.language_codes(entries[1], None) == ["fr", "dyu"]  # every language offered
    monkeypatch.setattr(views, "LANGUAGE_CHOICES", 3)
    assert views.offered_languages(entries) == {"fr", "mos", "dyu"}  # a tie (dyu, en, ff) goes by code


@pytest.mark.parametrize(("lang", "labels"), [("fr", ["Dioula", "Moré", "Autres langues"]),
                                              ("en", ["Dyula", "Mossi", "Other languages"])])
def test_language_choices_are_named_in_the_readers_language_other_languages_last(lang: str, labels) -> None:
    from tests.conftest import ROOT

    from labo_site.i18n import translate

    def tr(lang: str, message: str) -> str:
        return translate(ROOT / "themes" / "labo" / "translations", lang, message)

    values = [{"code": code, "label": views.facet_label("language", code, lang, None, tr)}
              for code in ("autres", "mos", "dyu")]
    assert [v["label"] for v in sorted(values, key=views.language_order)] == labels
    assert views.facet_path("language", "autres") == "organisations/langue/autres.html"
