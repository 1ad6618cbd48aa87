"""/data/ downloads: the same entries and values as the content, CSV and JSON agreeing cell for cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pelican.settings import read_settings
from tests.conftest import LANGUAGES
from tests.network_map.content_facts import CONTENT, ROOT, entries

from content_model.schema import ENTITY_KINDS
from open_data import export

KINDS = {kind.folder: kind for kind in ENTITY_KINDS}


def load(site: Path, name: str) -> dict:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_each_download_holds_every_published_entry_once(shipped_site, folder):
    document = load(shipped_site, f"{folder}.json")
    expected = entries(folder)
    assert document["count"] == len(expected) == len(document["items"])
    assert [item["slug"] for item in document["items"]] == sorted(expected)
    csv_text = (shipped_site / "data" / f"{folder}.csv").read_text(encoding="utf-8")
    assert len(csv_text.splitlines()) == 1 + len(expected)


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_csv_reads_back_into_the_json_values(shipped_site, folder):
    kind = KINDS[folder]
    columns = export.columns(kind, LANGUAGES)
    raw = (shipped_site / "data" / f"{folder}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without byte-order mark"
    assert b"\r\n" in raw, "RFC 4180 line ends"
    rows = export.read_csv(raw.decode("utf-8"), columns)
    items = load(shipped_site, f"{folder}.json")["items"]
    expected = [{c.header: export.value_at(item, c) for c in columns if export.value_at(item, c) is not None}
                for item in items]
    assert rows == expected


def test_values_are_the_content_codes_and_figures(shipped_site):
    organisations = {row["Identifier"]: row for row in export.read_csv(
        (shipped_site / "data" / "organisations.csv").read_text(encoding="utf-8"),
        export.columns(KINDS["organisations"], LANGUAGES))}
    for slug, data in entries("organisations").items():
        row = organisations[slug]
        assert row.get("Country ID") == data.get("country")
        assert row.get("Activities") == data.get("sectors")
        assert row.get("Organisational Structure") == data.get("legal_form")
        assert row.get("membership.status") == data["membership"]["status"]
        if data.get("coordinates"):
            assert (row["Latitude"], row["Longitude"]) == (data["coordinates"]["lat"], data["coordinates"]["lon"])
    projects = {item["slug"]: item for item in load(shipped_site, "projects.json")["items"]}
    for slug, data in entries("projects").items():
        assert projects[slug]["funding"]["goal"] == data["funding"]["goal"]
        assert projects[slug]["funding"]["currency"] == data["funding"]["currency"]
        assert projects[slug]["sdgs"] == data.get("sdgs")
    events = {item["slug"]: item for item in load(shipped_site, "events.json")["items"]}
    for slug, data in entries("events").items():
        assert events[slug]["start"] == str(data["start"]).replace(" ", "T")


def test_organisation_columns_use_the_solidarity_economy_standard_names(shipped_site):
    header = (shipped_site / "data" / "organisations.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:2] == ["Identifier", "Name"]
    for name in ("Description", "Organisational Structure", "Activities", "Locality", "Country ID", "Website",
                 "Phone", "Email", "Latitude", "Longitude", "Name@en", "Description@en", "url"):
        assert name in header
    assert "name" not in header and "country" not in header


def test_translations_travel_with_their_entry(shipped_site):
    items = {i["slug"]: i for i in load(shipped_site, "organisations.json")["items"]}
    for path in sorted((CONTENT / "organisations").glob("*.en.md")):
        slug = path.name.removesuffix(".en.md")
        assert "en" in items[slug]["translations"], slug
        assert items[slug]["body"]["en"].strip()


def test_personal_contact_details_stay_out_of_the_downloads(shipped_site):
    for name in ["all.json"] + [f"{folder}.json" for folder in KINDS]:
        text = (shipped_site / "data" / name).read_text(encoding="utf-8")
        assert '"contact"' not in text and '"maintainers"' not in text, name
    for folder in KINDS:
        header = (shipped_site / "data" / f"{folder}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert "contact." not in header and "maintainers" not in header


def test_all_in_one_file_and_licence(shipped_site):
    licence = read_settings(str(ROOT / "pelicanconf.py"))["DATA_LICENSE"]
    everything = load(shipped_site, "all.json")
    assert everything["license"] == licence
    for folder in KINDS:
        document = load(shipped_site, f"{folder}.json")
        assert document["license"] == licence and document["generated"] == "2026-11-18"
        assert everything[folder] == document["items"]
    used = {s for o in entries("organisations").values() for s in o.get("sectors", [])}
    assert used <= set(load(shipped_site, "taxonomy.json")["sectors"])


def test_published_downloads_leave_examples_out_and_link_absolutely(published_site):
    from tests.open_data.conftest import PUBLISHED_URL

    for folder in KINDS:
        items = load(published_site, f"{folder}.json")["items"]
        assert [i["slug"] for i in items] == sorted(entries(folder, include_examples=False))
        for item in items:
            assert item["url"] == f"{PUBLISHED_URL}/{KINDS[folder].output}/{item['slug']}.html"
            assert (published_site / item["url"].removeprefix(PUBLISHED_URL + "/")).is_file()


def test_a_download_written_in_pieces_is_the_json_of_the_whole(shipped_site):
    """The exports are written as they are encoded: cut often (here after every 7 or more
    characters), the pieces make the file a reader downloads: indented JSON ending with a newline."""
    shipped = (shipped_site / "data" / "organisations.json").read_bytes()
    document = json.loads(shipped)
    pieces = list(export.json_chunks(document, size=7))
    assert len(pieces) > 100
    assert b"".join(pieces) == shipped == (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


def test_records_are_made_one_at_a_time_as_the_download_is_written(shipped_site):
    """The downloads' records are made as the encoder reaches them (export.Records): the file is the same as from
    a list held whole, and no record is made before the file is written."""
    shipped = (shipped_site / "data" / "organisations.json").read_bytes()
    document = json.loads(shipped)
    items = document["items"]
    made = []

    def make(item: dict) -> dict:
        made.append(item)
        return item

    lazy = export.Records(items, make)
    assert made == [] and len(lazy) == len(items) and bool(lazy)
    assert b"".join(export.json_chunks({**document, "items": lazy})) == shipped
    assert len(made) == len(items)
    cols = export.columns(next(k for k in ENTITY_KINDS if k.name == "organisation"), list(LANGUAGES))
    assert export.csv_text(export.Records(items, dict), cols) == export.csv_text(items, cols)
    assert b"".join(export.json_chunks({"items": export.Records([], make)})) == b'{\n "items": []\n}\n'
