"""The map page and the statistics page of the shipped site, checked against the content files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from tests.network_map.content_facts import BUILD_DAY, CONTENT, entries, start_day

from network_map import africa

SVG = "{http://www.w3.org/2000/svg}"


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", html, re.S)]


class Tables(HTMLParser):
    """Every table of a page as {"caption", "rows": [[cell text…]]}."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._in_caption = False
        self._wrapper = ""  # class of the last <div> opened: tables are hidden through a wrapper

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            self._wrapper = dict(attrs).get("class", "")
        elif tag == "table":
            self.tables.append({"caption": "", "rows": [], "class": self._wrapper})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._in_caption:
            self.tables[-1]["caption"] += data
        elif self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return {t["caption"].strip(): t["rows"][1:] for t in parser.tables}


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@pytest.fixture(scope="module")
def organisations() -> dict[str, dict]:
    return entries("organisations")


@pytest.fixture(scope="module")
def map_fr(shipped_site: Path) -> str:
    return (shipped_site / "carte.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def stats_fr(shipped_site: Path) -> str:
    return (shipped_site / "statistiques.html").read_text(encoding="utf-8")


def test_map_shades_each_country_by_its_organisations_and_links_to_its_directory_page(
        shipped_site, map_fr, organisations):
    expected = Counter(o["country"] for o in organisations.values() if o.get("country"))
    root = svgs(map_fr)[0]
    parents = {child: parent for parent in root.iter() for child in parent}
    assert root.get("role") == "group"
    for code in africa.country_codes():
        path = next(e for e in root.iter(f"{SVG}path") if e.get("id") == f"map-orgs-{code}")
        assert f"map-b{africa.bucket_of(expected.get(code, 0))}" in path.get("class").split(), code
        link = parents[path]
        if expected.get(code):
            href = link.get("href")
            assert href == f"organisations/pays/{code.lower()}.html"
            assert (shipped_site / href).is_file()
            assert link.find(f"{SVG}title").text.endswith(f" : {expected[code]}")  # French typography
        else:
            assert link.tag == f"{SVG}g"


def test_map_table_gives_the_same_counts_with_links(shipped_site, map_fr, organisations):
    expected = Counter(o["country"] for o in organisations.values() if o.get("country"))
    rows = tables(map_fr)["Organisations par pays"]
    from labo_site.formatting import country_name

    assert {row[0]: number(row[1]) for row in rows} == {country_name(c, "fr"): n for c, n in expected.items()}
    counts = [number(row[1]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    unstated = sum(1 for o in organisations.values() if not o.get("country"))
    assert f"{unstated} organisations n’indiquent pas leur pays." in map_fr


def test_map_points_are_the_located_organisations_linked_to_their_pages(shipped_site, map_fr, organisations):
    located = {slug for slug, o in organisations.items() if o.get("coordinates")}
    root = svgs(map_fr)[0]
    parents = {child: parent for parent in root.iter() for child in parent}
    linked = {parents[c].get("href") for c in root.iter(f"{SVG}circle") if c.get("class") == "map-point"}
    assert linked == {f"organisations/{slug}.html" for slug in located}
    assert all((shipped_site / href).is_file() for href in linked)


def test_english_map_page_is_english_and_links_stay_in_english(shipped_site):
    html = (shipped_site / "en" / "carte.html").read_text(encoding="utf-8")
    assert "<h1>Map of the network</h1>" in html
    assert 'href="organisations/pays/bf.html"' in html  # relative to en/carte.html: stays under en/
    assert (shipped_site / "en" / "organisations" / "pays" / "bf.html").is_file()
    assert "Burkina Faso: 3" in html


def chart_values(section_html: str) -> list[str]:
    return [" ".join(t.text.split()) for svg in svgs(section_html) for t in svg.iter(f"{SVG}text")
            if t.get("class") == "chart-value"]


def section(html: str, section_id: str) -> str:
    match = re.search(rf'<section class="stats-section" id="{section_id}".*?</section>', html, re.S)
    assert match, section_id
    return match.group(0)


def test_organisation_charts_match_the_content(stats_fr, organisations):
    from labo_site.formatting import country_name

    taxonomy = yaml.safe_load((CONTENT / "taxonomy.yml").read_text(encoding="utf-8"))
    unstated = "Non indiqué"
    expected = {
        ("chart-orgs-country", "Organisations par pays"):
            Counter(country_name(o["country"], "fr") if o.get("country") else unstated for o in organisations.values()),
        ("chart-orgs-sector", "Organisations par secteur"):
            Counter(taxonomy["sectors"][s]["fr"] for o in organisations.values() for s in o.get("sectors", []))
            + Counter(unstated for o in organisations.values() if not o.get("sectors")),
        ("chart-orgs-legal-form", "Organisations par forme juridique"):
            Counter(taxonomy["legal_forms"][o["legal_form"]]["fr"] if o.get("legal_form") else unstated
                    for o in organisations.values()),
    }
    for (section_id, caption), counts in expected.items():
        html = section(stats_fr, section_id)
        rows = tables(html)[caption]
        assert {row[0]: number(row[1]) for row in rows} == dict(counts), section_id
        # The chart shows the table's numbers, bar for bar, most first, "not stated" last.
        assert chart_values(html) == [row[1] for row in rows], section_id
        assert rows[-1][0] == unstated or unstated not in counts
    status_rows = tables(section(stats_fr, "chart-orgs-status"))["Organisations par statut d’adhésion"]
    status = Counter(o["membership"]["status"] for o in organisations.values())
    assert [row[0] for row in status_rows] == ["Membres", "Partenaires", "Observatrices", "Candidates"]
    assert [number(r[1]) for r in status_rows] == [status[s] for s in ("member", "partner", "observer", "applicant")]


def test_project_charts_match_the_content(stats_fr):
    projects = entries("projects")
    status_rows = tables(section(stats_fr, "chart-projects-status"))["Projets par statut"]
    by_status = Counter(p["status"] for p in projects.values())
    assert [number(r[1]) for r in status_rows] == [by_status[s] for s in
                                                   ("seeking_funding", "funded", "in_progress", "completed")]
    sdg_rows = tables(section(stats_fr, "chart-projects-sdg"))["Projets par objectif de développement durable"]
    by_sdg = Counter(g for p in projects.values() for g in p.get("sdgs", []))
    assert {int(r[0].split(".")[0]): number(r[1]) for r in sdg_rows} == dict(by_sdg)
    assert [int(r[0].split(".")[0]) for r in sdg_rows] == sorted(by_sdg)
    if 6 in by_sdg:
        assert "6. Eau propre et assainissement" in [r[0] for r in sdg_rows]


def test_funding_is_summed_per_currency_and_never_converted(stats_fr):
    projects = entries("projects")
    goal, raised, count = Counter(), Counter(), Counter()
    for p in projects.values():
        if p.get("funding"):
            currency = p["funding"]["currency"]
            goal[currency] += Decimal(str(p["funding"]["goal"]))
            raised[currency] += Decimal(str(p["funding"].get("raised", 0)))
            count[currency] += 1
    html = section(stats_fr, "chart-funding")
    rows = tables(html)["Financements recherchés et collectés, par devise"]
    assert [r[0][-4:-1] for r in rows] == sorted(goal)  # "franc CFA (BCEAO) (XOF)" -> XOF
    for row in rows:
        code = row[0][-4:-1]
        assert number(row[1]) == count[code]
        assert number(row[2]) == int(goal[code]) and number(row[3]) == int(raised[code]), row
    # One chart per currency, two bars each, labelled with the table's amounts.
    assert chart_values(html) == [cell for row in rows for cell in row[2:4]]


def test_upcoming_events_are_counted_by_month_of_their_start(stats_fr):
    events = entries("events")
    months = Counter((d.year, d.month) for d in (start_day(e["start"]) for e in events.values()) if d >= BUILD_DAY)
    rows = tables(section(stats_fr, "chart-events-month"))["Événements à venir par mois"]
    from network_map.views import month_label

    expected = [(month_label(y, m, "fr"), n) for (y, m), n in sorted(months.items())]
    assert [(r[0], number(r[1])) for r in rows] == expected
    headline = re.search(r"<strong>(\d+)</strong> événements? à venir", stats_fr)
    assert int(headline.group(1)) == sum(months.values())


def test_charts_are_pictures_of_their_tables(stats_fr):
    """Screen readers get the table; the SVG, hidden from them, draws the same rows."""
    for section_id in re.findall(r'<section class="stats-section" id="([^"]+)"', stats_fr):
        html = section(stats_fr, section_id)
        parser = Tables()
        parser.feed(html)
        if "Rien à compter pour l’instant." in html:
            assert not parser.tables and not svgs(html)
            continue
        assert [t["class"] for t in parser.tables] == ["visually-hidden"], section_id
        assert svgs(html) and all(svg.get("aria-hidden") == "true" for svg in svgs(html))
        values_per_row = 2 if section_id == "chart-funding" else 1
        assert len(chart_values(html)) == values_per_row * (len(parser.tables[0]["rows"]) - 1)


def test_every_section_of_the_statistics_page_is_in_its_table_of_contents(stats_fr):
    ids = re.findall(r'<section class="stats-section" id="([^"]+)"', stats_fr)
    assert len(ids) == 9
    for section_id in ids:
        assert f'href="#{section_id}"' in stats_fr
