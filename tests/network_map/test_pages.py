"""The map page and the statistics page of the shipped site, checked against the content files."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from tests.conftest import LANGUAGES
from tests.network_map.content_facts import BUILD_DAY, CONTENT, ROOT, entries, start_day

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


def map_views(html: str) -> dict[str, ET.Element]:
    """The views of the map page by id, and the shapes (defs) under "defs"."""
    found = {slug: ET.fromstring(svg) for slug, svg in re.findall(
        r'<div id="([a-z-]+)" class="map-view[^"]*">.*?(<svg[^>]* class="map".*?</svg>)', html, re.S)}
    found["defs"] = ET.fromstring(re.search(r'<svg[^>]* class="map-defs".*?</svg>', html, re.S).group(0))
    return found


class MapList(HTMLParser):
    """The list under the map: {country name: (href, count text, [(organisation, href, on the map)])}."""

    def __init__(self) -> None:
        super().__init__()
        self.countries: dict[str, dict] = {}
        self._in_list = False
        self._where = ""
        self._current: dict | None = None
        self._text: list[str] | None = None
        self._href = ""
        self._dot = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "map-list":
            self._in_list = True
        if not self._in_list:
            return
        if tag == "span" and attrs.get("class") == "map-country":
            self._where = "country"
        elif tag == "ul" and attrs.get("class") == "map-orgs":
            self._where = "orgs"
        elif tag == "span" and attrs.get("class") == "map-dot":
            self._dot = True
        elif tag == "a" and self._where in ("country", "orgs"):
            self._text, self._href = [], posixpath.normpath(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "section":
            self._in_list = False
        if tag == "a" and self._text is not None:
            text = " ".join("".join(self._text).split())
            if self._where == "country":
                self._current = self.countries[text] = {"href": self._href, "count": "", "orgs": []}
            else:
                self._current["orgs"].append((text, self._href, self._dot))
                self._dot = False
            self._text = None
        elif tag == "span" and self._where == "country" and self._current is not None and self._text is None:
            self._where = "count"
        elif tag == "ul" and self._where == "orgs":
            self._where = ""

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)
        elif self._where == "country" and self._current is not None and data.strip():
            self._current["count"] += data.strip()


def map_list(html: str) -> dict[str, dict]:
    parser = MapList()
    parser.feed(html)
    return parser.countries


def test_map_shades_each_country_by_its_organisations_and_labels_and_links_each_counted_one(
        shipped_site, map_fr, organisations):
    expected = Counter(o["country"] for o in organisations.values() if o.get("country"))
    views = map_views(map_fr)
    for code in africa.country_codes():
        path = next(e for e in views["defs"].iter(f"{SVG}path") if e.get("id") == f"map-orgs-{code}")
        assert f"map-b{africa.bucket_of(expected.get(code, 0))}" in path.get("class").split(), code
    whole = views["afrique"]
    found = {a.get("href"): a for a in whole.iter(f"{SVG}a")}
    assert set(found) == {f"organisations/pays/{c.lower()}.html" for c in expected if c in africa.country_codes()}
    for href, link in found.items():
        code = href.rsplit("/", 1)[-1].removesuffix(".html").upper()
        assert (shipped_site / href).is_file()
        assert link.find(f"{SVG}title").text.endswith(f" : {expected[code]}")  # French typography
        label = " ".join("".join(link.find(f".//{SVG}text").itertext()).split())
        from labo_site.formatting import country_name

        assert label == f"{country_name(code, 'fr')} {expected[code]}"


def test_the_list_under_the_map_gives_the_same_countries_counts_and_links(shipped_site, map_fr, organisations):
    from labo_site.formatting import country_name

    expected = Counter(o["country"] for o in organisations.values() if o.get("country"))
    listed = map_list(map_fr)
    assert {name: number(c["count"]) for name, c in listed.items()} == {
        country_name(c, "fr"): n for c, n in expected.items()}
    for name, country in listed.items():
        assert (shipped_site / country["href"]).is_file(), name
    unstated = sum(1 for o in organisations.values() if not o.get("country"))
    assert f"{unstated} organisations n’indiquent pas leur pays." in map_fr


def test_dots_and_list_stay_in_step(shipped_site, map_fr, organisations):
    """The dots are exactly the listed organisations that have coordinates, each listed under its
    country and marked as on the map; the list names every organisation of each country."""
    from labo_site.formatting import country_name

    listed = map_list(map_fr)
    by_name = {country_name(o["country"], "fr"): [] for o in organisations.values() if o.get("country")}
    for slug, o in organisations.items():
        if o.get("country"):
            by_name[country_name(o["country"], "fr")].append(slug)
    on_map = set()
    for name, country in listed.items():
        hrefs = {href for _title, href, _dot in country["orgs"]}
        assert hrefs == {f"organisations/{slug}.html" for slug in by_name[name]}, name
        assert len(country["orgs"]) == number(country["count"])
        for _title, href, dot in country["orgs"]:
            slug = href.removeprefix("organisations/").removesuffix(".html")
            assert dot == bool(organisations[slug].get("coordinates")), slug
            if dot:
                on_map.add(slug)
    whole = map_views(map_fr)["afrique"]
    dots = sorted((float(c.get("cx")), float(c.get("cy")))
                  for g in whole.iter(f"{SVG}g") if g.get("class") == "map-points" for c in g)
    expected = sorted((round(x, 1), round(y, 1)) for x, y in (
        africa.project_point(organisations[s]["coordinates"]["lat"], organisations[s]["coordinates"]["lon"])
        for s in on_map))
    assert dots == expected and len(dots) == len(on_map) > 0


def test_english_map_page_is_english_and_links_stay_in_english(shipped_site):
    html = (shipped_site / "en" / "carte.html").read_text(encoding="utf-8")
    assert "<h1>Map of the network</h1>" in html
    assert 'href="organisations/pays/bf.html"' in html  # relative to en/carte.html: stays under en/
    assert (shipped_site / "en" / "organisations" / "pays" / "bf.html").is_file()
    assert "<title>Burkina Faso: 3</title>" in html
    assert ">West Africa <span" in html


def chart_cells(section_html: str, cell: str) -> list[str]:
    return [" ".join(m.split()) for m in re.findall(rf'<span class="chart-{cell}">(.*?)</span>', section_html, re.S)]


def chart_values(section_html: str) -> list[str]:
    return chart_cells(section_html, "value")


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
        # The chart shows the table's labels and numbers, bar for bar, most first, "not stated" last.
        assert chart_values(html) == [row[1] for row in rows], section_id
        assert chart_cells(html, "label") == [row[0] for row in rows], section_id
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
    """Screen readers get the table; the chart, hidden from them, shows the same rows, labels whole."""
    for section_id in re.findall(r'<section class="stats-section" id="([^"]+)"', stats_fr):
        html = section(stats_fr, section_id)
        parser = Tables()
        parser.feed(html)
        assert [t["class"] for t in parser.tables] == ["visually-hidden"], section_id
        assert re.findall(r'<div class="chart" aria-hidden="true">', html)
        values_per_row = 2 if section_id == "chart-funding" else 1
        assert len(chart_values(html)) == values_per_row * (len(parser.tables[0]["rows"]) - 1)
        assert "…" not in "".join(chart_cells(html, "label"))


def test_every_section_of_the_statistics_page_has_data_and_is_in_its_table_of_contents(stats_fr):
    ids = re.findall(r'<section class="stats-section" id="([^"]+)"', stats_fr)
    assert len(ids) == 9  # the shipped content, examples included, has something in every section
    for section_id in ids:
        assert f'href="#{section_id}"' in stats_fr
    assert "Rien à compter" not in stats_fr


def test_without_examples_the_statistics_page_leaves_out_what_has_no_data():
    """The published site (no example entries) has organisations but no project or event yet: their
    sections are left out, not shown empty. Checked on the values the page is made from, without a build."""
    from content_model.validate import validate_site
    from labo_site import i18n
    from network_map import stats, views

    report = validate_site(CONTENT, languages=LANGUAGES, today=BUILD_DAY, include_examples=False)
    assert report.ok
    figures = stats.collect(report.registry, today=BUILD_DAY)
    assert figures.projects == 0 and figures.upcoming_events == 0 and figures.organisations > 0
    translations = ROOT / "themes" / "labo" / "translations"
    sections = views.stats_sections(figures, "fr", report.taxonomy,
                                    lambda lang, message: i18n.translate(translations, lang, message))
    assert [s["id"] for s in sections] == ["chart-orgs-country", "chart-orgs-sector", "chart-orgs-legal-form",
                                           "chart-orgs-status"]
    assert all(s["total"] and s["charts"] for s in sections)
