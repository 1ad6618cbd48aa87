"""schema.org JSON-LD on every entity page: it parses, has the right @type, and says what the page says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from tests.conftest import build_site
from tests.network_map.content_facts import CONTENT, entries, front_matter

from content_model.schema import ENTITY_KINDS

TYPES = {"organisation": "Organization", "project": "Project", "event": "Event", "service": "Service",
         "tender": "Offer"}
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(page: Path) -> list[dict]:
    return [json.loads(text) for text in SCRIPT.findall(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda k: k.name)
def test_every_entity_page_describes_its_entry(shipped_site, kind):
    found = entries(kind.folder)
    assert found, kind.name
    for slug, data in found.items():
        for lang_root in ("", "en/"):
            page = shipped_site / f"{lang_root}{kind.output}/{slug}.html"
            items = jsonld(page)
            assert len(items) == 1, page
            item = items[0]
            assert item["@context"] == "https://schema.org"
            assert item["@type"] == TYPES[kind.name]
            expected_name = data[kind.title_field]
            en_file = CONTENT / kind.folder / f"{slug}.en.md"
            if lang_root and en_file.is_file() and kind.title_field in front_matter(en_file):
                expected_name = front_matter(en_file)[kind.title_field]
            # Compared word by word: the site sets French spaces before ":" as no-break spaces.
            assert item["name"].split() == expected_name.split(), page
            # The URL is the page itself, relative to it in a local build.
            assert urljoin(page.as_uri(), item["url"]) == page.as_uri()


def test_references_point_to_pages_that_exist(shipped_site):
    for kind, key in (("projects", "parentOrganization"), ("services", "provider"), ("tenders", "offeredBy")):
        for page in sorted((shipped_site / kind).glob("*.html")):
            items = jsonld(page)
            if not items or items[0].get("@type") not in TYPES.values():
                continue
            ref = items[0][key]
            if "url" in ref:
                assert (page.parent / ref["url"]).resolve().is_file(), (page, ref)


def test_event_times_carry_their_zone_offset(shipped_site):
    for slug, data in entries("events").items():
        item = jsonld(shipped_site / "agenda" / f"{slug}.html")[0]
        start = str(data["start"])
        if " " in start:  # a time: the offset of the event's zone is written
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d", item["startDate"]), item["startDate"]
        else:
            assert item["startDate"] == start
        assert item["eventAttendanceMode"].startswith("https://schema.org/")


def test_project_seeks_its_funding_goal(shipped_site):
    for slug, data in entries("projects").items():
        seeks = jsonld(shipped_site / "projets" / f"{slug}.html")[0]["seeks"]["priceSpecification"]
        assert (seeks["price"], seeks["priceCurrency"]) == (data["funding"]["goal"], data["funding"]["currency"])


def test_home_page_describes_the_site(shipped_site):
    item = jsonld(shipped_site / "index.html")[0]
    assert item["@type"] == "WebSite" and item["name"] == "Labo ESS Afrique" and item["inLanguage"] == "fr"
    assert jsonld(shipped_site / "en" / "index.html")[0]["inLanguage"] == "en"


def test_contributed_text_cannot_close_the_script(content_copy, tmp_path):
    path = content_copy / "organisations" / "raess.md"
    hostile = "Fin </script><script>alert(1)</script> & <!-- fin"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'summary: "', f'summary: "{hostile} ', 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(content_copy, out, extra={"CACHE_PATH": json.dumps(str(tmp_path / "cache"))})
    assert result.returncode == 0, result.stderr
    html = (out / "organisations" / "raess.html").read_text(encoding="utf-8")
    script = SCRIPT.search(html).group(1)
    assert "</script" not in script and "<!--" not in script
    assert json.loads(script)["description"].startswith(hostile)
    assert "<script>alert(1)</script>" not in html
