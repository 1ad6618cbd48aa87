"""The loader of the pinned schema: every reference resolves to a pinned local file, nothing else is read."""

from __future__ import annotations

import json
import shutil

import pytest
from referencing.exceptions import NoSuchResource, Unresolvable

from murmurations import library


def _refs(value) -> set[str]:
    if isinstance(value, dict):
        found = {value["$ref"]} if isinstance(value.get("$ref"), str) else set()
        return found.union(*(_refs(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_refs(v) for v in value))
    return set()


def test_sums_pin_every_file_the_schema_reaches(library_folder):
    """Each `$ref` of the schema, and of the fields it reaches, names a file listed in SHA256SUMS."""
    pinned, seen, todo = library.pinned(), set(), [library.SCHEMA_FILE]
    while todo:
        name = todo.pop()
        seen.add(name)
        for ref in _refs(json.loads((library_folder / name).read_bytes())):
            target = "fields/" + ref.removeprefix("../fields/")
            assert ref.startswith("../fields/") and target in pinned, ref
            if target not in seen:
                todo.append(target)
    assert seen == {name for name in pinned if name.endswith(".json")} - {"fields/locality.json"}


def test_a_valid_and_an_invalid_profile(library_folder):
    good = {"linked_schemas": ["organizations_schema-v1.0.0"], "name": "RAESS", "geolocation": {"lat": 12, "lon": 1}}
    assert library.errors(library_folder, good) == []
    bad = {**good, "geolocation": {"lat": 91}, "primary_url": "organisations/raess.html", "city": "Ouagadougou"}
    assert library.errors(library_folder, bad) == [
        "city: is neither in the schema nor a pinned field of the library",
        "geolocation: 'lon' is a required property",
        "geolocation/lat: 91 is greater than the maximum of 90",
        "primary_url: 'organisations/raess.html' does not match '^https?://.*'"]


def test_a_changed_file_is_refused(library_folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(library_folder, copy)
    field = copy / "fields" / "name.json"
    field.write_text(field.read_text().replace('"maxLength": 200', '"maxLength": 20000'))
    with pytest.raises(Unresolvable):
        library.validator(copy).validate({"linked_schemas": ["organizations_schema-v1.0.0"], "name": "x"})


def test_a_reference_outside_the_library_is_never_fetched(library_folder):
    retrieve = library._retriever(library_folder, "https://test-library.murmurations.network/v2/")
    assert retrieve("https://test-library.murmurations.network/v2/fields/name.json").contents["maxLength"] == 200
    for uri in ("https://example.org/nickname.json", "https://test-library.murmurations.network/v2/../../etc/x",
                "https://test-library.murmurations.network/v2/fields/region.json"):  # region: not pinned
        with pytest.raises(NoSuchResource):
            retrieve(uri)
