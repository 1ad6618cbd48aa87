"""The filtered maps that the directory's country pages and the project bank include with one line."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from jinja2 import Environment, FileSystemLoader
from tests.conftest import LANGUAGES, build_site
from tests.network_map.content_facts import BUILD_DAY, CONTENT, ROOT, entries

from content_model.validate import validate_site
from labo_site import i18n
from network_map.embeds import network_map_country, network_map_projects

THEME = ROOT / "themes" / "labo"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def registry():
    report = validate_site(CONTENT, languages=LANGUAGES, today=BUILD_DAY, include_examples=True)
    assert report.ok
    return report.registry


@pytest.fixture(scope="module")
def env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(THEME / "templates")), autoescape=True,
                      extensions=["jinja2.ext.i18n"])
    i18n.install(env, THEME / "translations", "fr")
    env.globals.update(network_map_country=network_map_country, network_map_projects=network_map_projects)
    return env


def page_context(registry, page_path: str, lang: str = "fr", **values) -> dict:
    depth = page_path.count("/")
    root = "/".join([".."] * depth) or "."
    return {"registry": registry, "lang": lang, "page_path": page_path, "THEME": str(THEME),
            "LANG_ROOT": root if lang == "fr" else f"{root}/{lang}", **values}


def svg_of(html: str) -> ET.Element:
    """The map's view (not its hidden shapes)."""
    return ET.fromstring(re.search(r'<svg[^>]* class="map"[^>]*>.*?</svg>', html, re.S).group(0))


def defs_of(html: str) -> ET.Element:
    return ET.fromstring(re.search(r'<svg[^>]* class="map-defs".*?</svg>', html, re.S).group(0))


def shaded(html: str) -> set[str]:
    return {e.get("id") for e in defs_of(html).iter(f"{SVG}path")
            if (e.get("class") or "").startswith("map-land") and "map-b0" not in e.get("class").split()}


def dots(root: ET.Element) -> list[tuple[float, float]]:
    return [(float(c.get("cx")), float(c.get("cy")))
            for g in root.iter(f"{SVG}g") if g.get("class") == "map-points" for c in g]


def test_country_page_map_shows_its_region_the_country_labelled_and_its_organisations(env, registry):
    organisations = entries("organisations")
    in_bf = {slug for slug, o in organisations.items() if o.get("country") == "BF"}
    located = {slug for slug in in_bf if organisations[slug].get("coordinates")}
    facet = {"title": "Pays", "label": "Burkina Faso", "path": "organisations/pays/bf.html"}
    html = env.get_template("partials/map_country.html").render(
        page_context(registry, "organisations/pays/bf.html", facet=facet))
    assert shaded(html) == {"map-country-BF"}
    root = svg_of(html)
    # Zoomed on West Africa, the other regions greyed.
    assert root.get("viewBox") != "0 0 1000 913"
    from network_map import africa, regions

    box = africa.region_box(regions.region_of("BF").codes)
    assert [float(v) for v in root.get("viewBox").split()] == pytest.approx(
        [box[0], box[1], box[2] - box[0], box[3] - box[1]], abs=0.1)
    expected = sorted((round(x, 1), round(y, 1)) for x, y in (
        africa.project_point(organisations[s]["coordinates"]["lat"], organisations[s]["coordinates"]["lon"])
        for s in located))
    assert sorted(dots(root)) == expected
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == "../../carte.html#afrique-ouest"
    assert " ".join("".join(link.find(f".//{SVG}text").itertext()).split()) == f"Burkina Faso {len(in_bf)}"
    assert f"{len(located)} de ses {len(in_bf)} organisations" in html
    assert 'href="../../carte.html#afrique-ouest"' in html


def test_country_map_is_empty_on_other_facet_pages(env, registry):
    facet = {"title": "Secteur", "label": "Agriculture", "path": "organisations/secteur/agriculture.html"}
    html = env.get_template("partials/map_country.html").render(
        page_context(registry, "organisations/secteur/agriculture.html", facet=facet))
    assert html.strip() == ""


def test_projects_map_counts_projects_per_country_and_links_where_told(env, registry):
    projects = entries("projects")
    counts = Counter(p["country"] for p in projects.values())
    html = env.get_template("partials/map_projects.html").render(page_context(registry, "projets/index.html"))
    root = svg_of(html)
    assert root.get("viewBox") == "0 0 1000 913"
    found = list(root.iter(f"{SVG}a"))
    assert len(found) == len(counts)
    titles = {a.find(f"{SVG}title").text for a in found}
    from labo_site.formatting import country_name

    assert titles == {f"{country_name(code, 'fr')} : {n}" for code, n in counts.items()}
    assert {a.get("href") for a in found} == {"../statistiques.html#chart-projects-country"}
    assert 'class="map-legend"' in html
    paths = {code: f"projets/pays/{code.lower()}.html" for code in counts}
    html = env.get_template("partials/map_projects.html").render(
        page_context(registry, "projets/index.html", project_country_paths=paths))
    assert all(f'href="pays/{code.lower()}.html"' in html for code in counts)


def test_filtered_maps_read_the_page_language(env, registry):
    facet = {"title": "Country", "label": "Burkina Faso", "path": "organisations/pays/bf.html"}
    html = env.get_template("partials/map_country.html").render(
        page_context(registry, "organisations/pays/bf.html", lang="en", facet=facet))
    assert "Burkina Faso on the map of Africa" in html
    assert 'href="../../carte.html#afrique-ouest"' in html  # from en/organisations/pays/ to en/carte.html


def test_partials_work_without_the_plugin(registry):
    """Included by other plugins' templates: no error and no output when network_map is not loaded."""
    env = Environment(loader=FileSystemLoader(str(THEME / "templates")), autoescape=True,
                      extensions=["jinja2.ext.i18n"])
    i18n.install(env, THEME / "translations", "fr")
    for name in ("partials/map_country.html", "partials/map_projects.html"):
        html = env.get_template(name).render(page_context(registry, "projets/index.html"))
        assert html.strip() == ""  # not even the stylesheet


INCLUDES = {  # the one line the lead adds to each template, after its <h1>
    "organisations.html": '{% include "partials/map_country.html" %}',
    "projects.html": '{% include "partials/map_projects.html" %}',
}


def test_the_one_line_includes_put_the_maps_on_the_directory_and_project_bank_pages(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    for name, line in INCLUDES.items():
        template = theme / "templates" / name
        text = template.read_text(encoding="utf-8")
        if line not in text:  # after the {% if facet %}…{% endif %} block of the page titles
            at = text.index("{% endif %}\n", text.index("<h1>")) + len("{% endif %}\n")
            template.write_text(text[:at] + line + "\n" + text[at:], encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(CONTENT, out, extra={"THEME": json.dumps(str(theme)),
                                             "CACHE_PATH": json.dumps(str(tmp_path / "cache"))})
    assert result.returncode == 0, result.stdout + result.stderr
    bf = (out / "organisations" / "pays" / "bf.html").read_text(encoding="utf-8")
    assert 'id="map-country-BF"' in bf and bf.count('class="map"') == 1
    assert bf.count('theme/css/map.css"') == 1
    for page in ("organisations/secteur/agriculture.html", "organisations/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert 'class="map"' not in html and "map.css" not in html, page
    bank = (out / "projets" / "index.html").read_text(encoding="utf-8")
    for code in Counter(p["country"] for p in entries("projects").values()):
        assert f'href="pays/{code.lower()}.html"' in bank
        assert (out / "projets" / "pays" / f"{code.lower()}.html").is_file()
    english = (out / "en" / "projets" / "index.html").read_text(encoding="utf-8")
    assert "Map of the projects by country" in english


def test_projects_map_follows_the_project_bank_facets(env, registry):
    projects = entries("projects")
    counts = Counter(p["country"] for p in projects.values())
    groups = [{"facet": "sector", "values": [{"code": "energy", "path": "projets/secteur/energy.html"}]},
              {"facet": "country", "values": [{"code": c, "path": f"projets/pays/{c.lower()}.html"} for c in counts]}]
    template = env.get_template("partials/map_projects.html")
    index = template.render(page_context(registry, "projets/index.html", facet_groups=groups, facet=None))
    assert all(f'href="pays/{code.lower()}.html"' in index for code in counts)
    code = sorted(counts)[0]
    country = template.render(page_context(registry, f"projets/pays/{code.lower()}.html", facet_groups=groups,
                                           facet={"path": f"projets/pays/{code.lower()}.html"}))
    assert shaded(country) == {f"map-projects-{code}"}
    assert svg_of(country).get("viewBox") != "0 0 1000 913"  # zoomed on the country's region
    assert 'class="map-legend"' not in country  # one country: no scale to explain
    sector = template.render(page_context(registry, "projets/secteur/energy.html", facet_groups=groups,
                                          facet={"path": "projets/secteur/energy.html"}))
    assert sector.strip() == ""
