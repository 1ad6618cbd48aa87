"""The project bank as a reader sees it in the shipped site, built on 2026-11-18 (SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pagetext import build_site, read, squash
from tests.conftest import ROOT, copy_content, keep_languages

FORAGE = "projets/projet-exemple-forage-solaire-koudougou.html"
CARD = re.compile(r'<li class="card project-card">\s*<h3><a href="[^"]*?projets/([a-z0-9-]+)\.html"')


def cards(page: Path) -> list[str]:
    return CARD.findall(page.read_text(encoding="utf-8"))


def shipped_projects() -> dict[str, dict]:
    out = {}
    for path in sorted((ROOT / "content" / "projects").glob("*.md")):
        if path.name.count(".") == 1:
            out[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    return out


def test_project_page_shows_progress_amounts_and_days_left_in_french(shipped_site):
    page = read(shipped_site / FORAGE)
    summary = page.text.split("Soutenir ce projet")[0]
    assert "4 350 000 F CFA collectés sur 12 000 000 F CFA" in summary
    assert "36 % de l’objectif minimal" in summary
    assert "4 contributions" in summary
    assert "224 jours restants jusqu’au 30 juin 2027" in summary
    assert "15 000 000 F CFA (29 % atteint)" in page.text  # the optimum goal, with the details
    assert "Chiffres au 18 novembre 2026" in page.text
    assert [(b["value"], b["max"]) for b in page.progress] == [("36", "100")]
    assert page.labelled[page.progress[0]["aria-labelledby"]].startswith("4 350 000 F CFA collectés")


def test_project_page_reads_in_the_order_a_funder_reads(shipped_site):
    """Title, organisation, then one summary block with the button; the story below; goal, raised and the
    deadline said once."""
    page = read(shipped_site / FORAGE)
    text = page.text
    order = [text.index(s) for s in ("Exemple : un forage solaire", "Porté par Coopérative exemple des maraîchères",
                                      "4 350 000 F CFA collectés", "Soutenir ce projet", "Le besoin")]
    assert order == sorted(order), order
    html = (shipped_site / FORAGE).read_text(encoding="utf-8")
    shown = re.sub(r'<span data-when="[a-z ]+" hidden>.*?</span>', "", html)  # the other states, for the script
    shown = squash(re.sub(r"<[^>]+>", " ", shown[shown.index("<main"):]))
    assert shown.count("12 000 000 F CFA") == 1 and shown.count("30 juin 2027") == 1
    assert html.count(">Le projet</h2>") == 1  # the story has its own headings: the page adds none
    assert 'organisations/logos/cooperative-exemple-maraicheres-koudougou.webp' in html  # the organisation's logo


def test_project_page_lists_the_news_about_it(shipped_site):
    page = read(shipped_site / FORAGE)
    news = page.text.split("Actualités du projet")[1].split("Soutenir ce projet")[0]
    assert "Exemple : les maraîchères de Koudougou lancent une collecte pour leur forage solaire" in news
    assert "../actualites/exemple-maraicheres-koudougou-collecte.html" in page.links


def test_project_page_in_english_uses_english_formats_and_goal_names(shipped_site):
    page = read(shipped_site / "en" / FORAGE)
    assert "F CFA 4,350,000 raised of F CFA 12,000,000" in page.text
    assert "36% of the minimum goal" in page.text
    assert "224 days left until June 30, 2027" in page.text
    assert "SDG 7: Affordable and clean energy" in page.text
    assert "Support this project" in page.text


def test_project_page_facts_link_to_organisations_and_facets(shipped_site):
    page = read(shipped_site / FORAGE)
    assert "../organisations/cooperative-exemple-maraicheres-koudougou.html" in page.links
    assert "../organisations/accra-example-solar-social-enterprise.html" in page.links  # partner
    assert "../projets/odd/7.html" in page.links and "ODD 7 : Énergie propre et d’un coût abordable" in page.text
    assert "../projets/besoin/equipment.html" in page.links and "Équipement" in page.text
    assert "../projets/statut/seeking-funding.html" in page.links


def test_contributions_list_names_amounts_dates_and_anonymous_donors(shipped_site):
    html = (shipped_site / FORAGE).read_text(encoding="utf-8")
    table = html.split('<table class="contributions')[1].split(">", 1)[1].split("</table>")[0]
    table = squash(re.sub(r"<[^>]+>", " ", table))
    assert "Fonds exemple de solidarité villageoise 2 500 000 F CFA 12 mars 2026" in table
    assert table.count("Anonyme") == 2
    assert "2026-03-12" in html  # machine-readable <time datetime>


def test_support_block_says_how_to_contribute_and_takes_no_payment(shipped_site):
    page = read(shipped_site / FORAGE)
    support = page.text.split("Soutenir ce projet")[-1]
    assert "Ce projet recherche : Financement Équipement Expertise" in support
    assert "Virement sur le compte fictif" in support
    assert "projets@maraicheres-koudougou.example.org" in support
    assert "La plateforme ne collecte aucun fonds" in support
    html = (shipped_site / FORAGE).read_text(encoding="utf-8")
    # No payment form (the header's search form is not one).
    assert "<form" not in html[html.index("<main"):html.index("</main>")]
    assert "#support-title" in page.links  # the button near the progress bar jumps to the block


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory) -> Path:
    """The shipped content with two edits that touch different projects, built once: the cold room of Kisumu no
    longer states what it raised, the sorting centre of Lomé gives the day it was put online."""
    tmp = tmp_path_factory.mktemp("edited-projects")
    content = copy_content(tmp)
    for name, old, new in (("projet-exemple-chambre-froide-kisumu.md", "  raised: 1800000\n", ""),
                           ("projet-exemple-centre-tri-lome.md", "status: completed\n",
                            "status: completed\npublished: 2026-11-01\n")):
        path = content / "projects" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build_site(content, tmp / "out")
    assert result.returncode == 0, result.stderr
    return tmp / "out"


def test_a_project_without_stated_raised_shows_the_goal_and_no_bar(edited_site):
    page = read(edited_site / "projets" / "projet-exemple-chambre-froide-kisumu.html")
    assert "Objectif minimal : 2 500 000 KES. Le montant collecté n’est pas indiqué." in page.text
    assert page.progress == []


def test_index_is_sorted_by_nearest_deadline_and_the_second_list_by_progress(shipped_site):
    assert cards(shipped_site / "projets" / "index.html") == [
        "projet-exemple-forage-solaire-koudougou",  # open, closes 2027-06-30
        "projet-exemple-chambre-froide-kisumu",  # no deadline
        "projet-exemple-atelier-argan-essaouira",  # ended 2026-09-30
        "projet-exemple-centre-tri-lome",  # ended 2025-12-31
    ]
    assert cards(shipped_site / "projets" / "par-avancement.html") == [
        "projet-exemple-atelier-argan-essaouira",  # 103 %
        "projet-exemple-centre-tri-lome",  # 100 %
        "projet-exemple-chambre-froide-kisumu",  # 72 %
        "projet-exemple-forage-solaire-koudougou",  # 36 %
    ]
    index = read(shipped_site / "projets" / "index.html")
    assert "../projets/par-avancement.html" in index.links and "4 projets" in index.text


def test_totals_are_given_per_currency(shipped_site):
    page = read(shipped_site / "projets" / "index.html")
    totals = page.text.split("Financement par devise")[1]
    assert "franc CFA (BCEAO) (XOF) 2 20 000 000 F CFA 12 350 000 F CFA" in totals
    assert "shilling kényan (KES) 1 2 500 000 KES 1 800 000 KES" in totals
    assert "dirham marocain (MAD) 1 350 000 MAD 362 000 MAD" in totals
    assert "jamais convertis" in totals


@pytest.mark.parametrize("facet, folder, key", [("country", "pays", "country"), ("sector", "secteur", "sectors"),
                                                ("status", "statut", "status"), ("sdg", "odd", "sdgs"),
                                                ("need", "besoin", "needs")])
def test_every_facet_value_has_a_page_listing_exactly_its_projects_with_the_count(shipped_site, facet, folder,
                                                                                     key):
    projects = shipped_projects()
    expected: dict[str, set] = {}
    for slug, data in projects.items():
        values = data.get(key, [])
        for value in values if isinstance(values, list) else [values]:
            expected.setdefault(str(value).lower().replace("_", "-"), set()).add(slug)
    index = (shipped_site / "projets" / "index.html").read_text(encoding="utf-8")
    written = sorted(p.stem for p in (shipped_site / "projets" / folder).glob("*.html"))
    assert written == sorted(expected)
    for code, slugs in expected.items():
        assert set(cards(shipped_site / "projets" / folder / f"{code}.html")) == slugs
        count = re.search(rf'href="\.\./projets/{folder}/{code}\.html"[^>]*>[^<]*</a> <span class="n">\((\d+)\)', index)
        assert count and int(count.group(1)) == len(slugs), f"{folder}/{code}"


def test_facet_page_in_english_has_translated_labels(shipped_site):
    page = read(shipped_site / "en" / "projets" / "odd" / "5.html")
    assert page.headings[0] == (1, "SDG 5: Gender equality")
    assert "2 projects" in page.text
    assert read(shipped_site / "projets" / "odd" / "5.html").headings[0] == (1, "ODD 5 : Égalité entre les sexes")


def test_home_shows_latest_projects_and_counts(shipped_site):
    home = shipped_site / "index.html"
    text = read(home).text
    assert "Derniers projets" in text
    assert "4 projets dans la banque de projets · 1 en recherche de financement" in text
    assert len(cards(home)) == 3


def test_latest_projects_on_home_follow_the_published_date(shipped_site, edited_site):
    assert cards(shipped_site / "index.html")[0] != "projet-exemple-centre-tri-lome"
    assert cards(edited_site / "index.html")[0] == "projet-exemple-centre-tri-lome"
    assert "En ligne depuis le 1 novembre 2026" in read(edited_site / "projets" /
                                                       "projet-exemple-centre-tri-lome.html").text


def test_every_project_is_on_the_organisation_page(shipped_site):
    for slug, data in shipped_projects().items():
        org = (shipped_site / "organisations" / f"{data['organisation']}.html").read_text(encoding="utf-8")
        assert f"../projets/{slug}.html" in org


def test_lists_are_paginated_when_long(content_copy, tmp_path):
    # A page size in the settings renders every page again: only French, the language read here, is built.
    result = build_site(content_copy, tmp_path / "out",
                        extra={"PROJECTS_PAGE_SIZE": 3, **keep_languages(content_copy, ["fr"])})
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "projets"
    assert len(cards(out / "index.html")) == 3 and len(cards(out / "index-p2.html")) == 1
    second = read(out / "index-p2.html")
    assert "4 projets — page 2 sur 2" in second.text
    assert "../projets/index.html" in second.links
    both = Counter(cards(out / "par-avancement.html") + cards(out / "par-avancement-p2.html"))
    assert set(both.values()) == {1} and len(both) == 4
