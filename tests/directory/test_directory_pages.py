"""An organisation page shows every fact of its front matter, in French and in English."""

from __future__ import annotations

import hashlib

import pytest
from dirkit import SITE, facts, page
from PIL import Image

FULL = "organisations/cooperative-test-koudougou.html"
EXPECTED = {
    "fr": {
        "h1": "Coopérative test des maraîchères de Koudougou (CTMK)",
        "lead": "Une coopérative de maraîchères qui vend ensemble ses légumes.",
        "status": "Membre",
        "facts": {
            "Forme juridique": "Coopérative",
            "Secteurs": ["Agriculture et environnement", "Commerce et distribution"],
            "Localisation": "Koudougou, Burkina Faso",
            "Création": "2012",
            "Adhésion": "Membre — depuis 1 mars 2025",
            "Langues": ["Français", "Anglais"],
            "Site web": "https://ctmk.example.org",
            "Courriel": "contact@ctmk.example.org",
            "Téléphone": "+226 25 44 00 01",
        },
        "body": ["Texte de présentation de la coopérative.", "Nos activités", "vente collective sur les marchés."],
        "maintainers": "Cette fiche est tenue à jour par l’organisation elle-même",
    },
    "en": {
        "h1": "Koudougou Women Market Gardeners' Test Cooperative (CTMK)",
        "lead": "A cooperative of women market gardeners who sell their vegetables together.",
        "status": "Member",
        "facts": {
            "Legal form": "Cooperative",
            "Sectors": ["Agriculture and environment", "Trade and distribution"],
            "Location": "Koudougou, Burkina Faso",
            "Founded": "2012",
            "Membership": "Member — since March 1, 2025",
            "Languages": ["French", "English"],
            "Website": "https://ctmk.example.org",
            "E-mail": "contact@ctmk.example.org",
            "Phone": "+226 25 44 00 01",
        },
        "body": ["Presentation text of the cooperative.", "What we do", "selling together at markets."],
        "maintainers": "This entry is kept up to date by the organisation itself",
    },
}


def _rel(lang: str, path: str) -> str:
    return path if lang == "fr" else f"en/{path}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_fact_of_the_front_matter_is_on_the_page(directory_site, lang: str) -> None:
    want = EXPECTED[lang]
    doc = page(directory_site, _rel(lang, FULL))
    main = doc.find("main")
    assert main.find("h1").norm() == want["h1"]
    assert "lang" not in main.find("h1").attrs  # translated: no language switch, no badge
    assert not main.find_all(class_="badge-lang")
    assert main.find("p", class_="lead").norm() == want["lead"]
    assert main.find("a", class_="badge-status").norm() == want["status"]
    shown = {term: [li.norm() for li in dd.find_all("li")] or dd.norm() for term, dd in facts(doc).items()}
    assert shown == want["facts"]
    prose = main.find("section", class_="prose").norm()
    for text in want["body"]:
        assert text in prose
    assert want["maintainers"] in main.norm()
    assert "ctmk-admin" not in main.norm()  # a Git account is not a name a reader knows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_facts_link_to_their_facet_pages_and_contacts_work(directory_site, lang: str) -> None:
    doc = page(directory_site, _rel(lang, FULL))
    dd = facts(doc)
    prefix = "../" if lang == "fr" else "../../en/"
    key = {"fr": ("Forme juridique", "Secteurs", "Localisation", "Site web", "Courriel", "Téléphone", "Langues"),
           "en": ("Legal form", "Sectors", "Location", "Website", "E-mail", "Phone", "Languages")}[lang]
    hrefs = {k: [a.attrs["href"] for a in dd[k].find_all("a")] for k in key}
    assert hrefs[key[0]] == [f"{prefix}organisations/forme-juridique/cooperative.html"]
    assert hrefs[key[1]] == [f"{prefix}organisations/secteur/agriculture.html",
                             f"{prefix}organisations/secteur/trade.html"]
    assert hrefs[key[2]] == [f"{prefix}organisations/pays/bf.html"]
    assert hrefs[key[3]] == ["https://ctmk.example.org"]
    assert hrefs[key[4]] == ["mailto:contact@ctmk.example.org"]
    assert hrefs[key[5]] == ["tel:+22625440001"]
    assert hrefs[key[6]] == [f"{prefix}organisations/langue/fr.html", f"{prefix}organisations/langue/en.html"]
    assert dd[key[3]].find("a").attrs["rel"] == "noopener noreferrer ugc"


@pytest.mark.parametrize(("lang", "name"), [("fr", "Sénégal"), ("en", "Senegal")])
def test_country_names_are_in_the_readers_language(directory_site, lang: str, name: str) -> None:
    doc = page(directory_site, _rel(lang, "organisations/reseau-test-dakar.html"))
    location = facts(doc)["Localisation" if lang == "fr" else "Location"]
    assert location.norm() == f"Dakar, {name}"
    assert doc.find("nav", class_="breadcrumb").norm().endswith(name)


@pytest.mark.parametrize(("lang", "since"), [("fr", "Membre — depuis 2019"), ("en", "Member — since 2019")])
def test_membership_since_a_year(directory_site, lang: str, since: str) -> None:
    doc = page(directory_site, _rel(lang, "organisations/association-test-bobo.html"))
    assert facts(doc)["Adhésion" if lang == "fr" else "Membership"].norm() == since


def test_missing_facts_are_left_out_not_invented(directory_site) -> None:
    doc = page(directory_site, "organisations/groupe-test-sans-pays.html")
    assert set(facts(doc)) == {"Forme juridique", "Adhésion"}
    assert facts(doc)["Adhésion"].norm() == "Candidate"
    assert doc.find("nav", class_="breadcrumb").norm() == "Annuaire"
    assert not doc.find("main").find_all("img")


def test_untranslated_entry_in_english_is_marked_french(directory_site) -> None:
    doc = page(directory_site, "en/organisations/association-test-bobo.html")
    main = doc.find("main")
    h1 = main.find("h1")
    assert (h1.norm(), h1.attrs.get("lang")) == ("Association test de Bobo-Dioulasso", "fr")
    assert [b.norm() for b in main.find_all(class_="badge-lang")] == ["in French"]
    assert main.find("p", class_="lead").attrs.get("lang") == "fr"
    about = main.find("section", class_="prose")  # its heading is in English, the text it introduces in French
    assert "lang" not in about.attrs and about.find("div").attrs.get("lang") == "fr"
    assert facts(doc)["Legal form"].norm() == "Association"  # labels are still in English
    french = page(directory_site, "organisations/association-test-bobo.html").find("main")
    assert not french.find_all(class_="badge-lang") and "lang" not in french.find("h1").attrs


def test_the_logo_is_resized_never_the_original(directory_site) -> None:
    original = (SITE / "content" / "images" / "logos" / "cooperative-test-koudougou.png").read_bytes()
    for lang in ("fr", "en"):
        img = page(directory_site, _rel(lang, FULL)).find("main").find("img", class_="logo")
        src = (directory_site / _rel(lang, FULL)).parent / img.attrs["src"]
        with Image.open(src) as logo:
            assert logo.width <= 160 and logo.height <= 160
            assert logo.size == (160, 107)  # 480x320 fitted, proportions kept
            assert (int(img.attrs["width"]), int(img.attrs["height"])) == (80, 54)  # shown at half: sharp on 2x
        assert src.read_bytes() != original
        assert img.attrs["alt"]
    digest = hashlib.sha256(original).hexdigest()
    copies = [p for p in directory_site.rglob("*") if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest()
              == digest]
    assert copies == [], "the full-size logo was copied into the output"


def test_example_entries_are_labelled(directory_site) -> None:
    main = page(directory_site, "organisations/exemple-test-ouaga.html").find("main")
    assert [b.norm() for b in main.find_all(class_="badge-example")] == ["Exemple"]
    assert not page(directory_site, FULL).find("main").find_all(class_="badge-example")


def test_an_unpublished_organisation_appears_nowhere(directory_site) -> None:
    assert not list(directory_site.rglob("retiree-test*"))
    assert not (directory_site / "organisations" / "pays" / "ne.html").exists()
    for html in directory_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "retiree-test" not in text and "Organisation test retirée" not in text, html
