"""The data page: every download with its count and size, the licence from the settings, every column explained."""

from __future__ import annotations

import json
import re

import pytest
from pelican.settings import read_settings
from tests.conftest import build_site
from tests.network_map.content_facts import ROOT, entries

from content_model.schema import ENTITY_KINDS
from open_data import export, settings


@pytest.fixture(scope="module")
def page(shipped_site) -> str:
    return (shipped_site / "data" / "index.html").read_text(encoding="utf-8")


def test_lists_every_download_with_its_count_and_a_working_link(shipped_site, page):
    for kind in ENTITY_KINDS:
        row = re.search(rf'<a href="#dataset-{kind.folder}">.*?</tr>', page, re.S).group(0)
        assert re.search(rf"<td[^>]*>{len(entries(kind.folder))}</td>", row)
        for fmt in ("json", "csv"):
            assert f'href="../data/{kind.folder}.{fmt}"' in row
            assert (shipped_site / "data" / f"{kind.folder}.{fmt}").is_file()
    assert 'href="../data/all.json"' in page and 'href="../data/taxonomy.json"' in page
    if (shipped_site / "agenda" / "agenda.ics").is_file():  # the agenda plugin writes the calendar feed
        assert 'href="../agenda/agenda.ics" type="text/calendar"' in page


def test_shows_the_licence_of_the_setting(page):
    licence = read_settings(str(ROOT / "pelicanconf.py"))["DATA_LICENSE"]
    assert f'<a href="{licence["url"]}" rel="license">{licence["name"]}</a>' in page


def test_every_csv_column_is_explained_from_the_content_model(page):
    for kind in ENTITY_KINDS:
        section = re.search(rf'<section id="dataset-{kind.folder}".*?</section>', page, re.S).group(0)
        for column in export.columns(kind, ("fr", "en")):
            assert f"<code>{column.header}</code>" in section, (kind.name, column.header)
    assert "Pays du siège (code ISO 3166-1 alpha-2, ex. BF)" in page  # the French description from schema.py


def test_english_data_page_uses_the_english_descriptions(shipped_site):
    english = (shipped_site / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert "Country of the head office (ISO 3166-1 alpha-2 code, e.g. BF)" in english
    assert 'href="../../data/organisations.csv"' in english


def test_map_and_statistics_pages_link_to_the_data_page(shipped_site):
    for page in ("carte.html", "statistiques.html"):
        assert 'href="./data/index.html"' in (shipped_site / page).read_text(encoding="utf-8")


def test_licence_setting_is_checked_with_every_problem_named():
    with pytest.raises(settings.SettingsError) as error:
        settings.check({"DATA_LICENSE": {"name": "", "url": "ftp://example.org", "year": 2026}})
    assert str(error.value) == ("open_data: DATA_LICENSE has unknown keys: year (allowed: name, url, spdx); "
                                "open_data: DATA_LICENSE['name'] must be a non-empty text; "
                                "open_data: DATA_LICENSE['url'] must be an http(s) URL")
    with pytest.raises(settings.SettingsError, match=r"^open_data: DATA_LICENSE must be a dict"):
        settings.check({})


def test_a_bad_licence_stops_the_build_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    result = build_site(ROOT / "content", out, extra={"DATA_LICENSE": json.dumps({"name": "CC0"}),
                                                      "CACHE_PATH": json.dumps(str(tmp_path / "cache"))})
    assert result.returncode == 1
    assert "DATA_LICENSE['url'] must be an http(s) URL" in " ".join((result.stdout + result.stderr).split())
    assert not (out / "index.html").exists()
