"""Profiles as a build writes them: which organisations get one, where, with which values, and that each one
validates against the pinned organizations_schema-v1.0.0 (the issue's "Done when")."""

from __future__ import annotations

import json
import statistics

from tests.murmurations.conftest import NETWORK_SIZE, PUBLISHED_URL, ROOT, profiles_of

from murmurations import library

SHIPPED = ROOT / "content" / "organisations"


def _shipped(**wanted) -> set[str]:
    """Slugs of the shipped organisations whose front matter has every `key: value` of `wanted`."""
    import yaml

    found = set()
    for path in SHIPPED.glob("*.md"):
        if path.name.count(".") > 1:  # a translation
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if all(bool(data.get(key)) == value for key, value in wanted.items()):
            found.add(path.stem)
    return found


def test_a_relative_build_writes_no_profile(shipped_site):
    """The local build has relative URLs, which the schema refuses for primary_url: no profile, rather than
    profiles that would not validate (invoke publish writes them)."""
    assert (shipped_site / "organisations" / "index.html").is_file()
    assert not (shipped_site / "murmurations").exists()


def test_every_published_organisation_has_a_profile_and_no_other(published_site):
    published = _shipped(example=False, unpublished=False) | {"cooperative-test-bobo"}
    assert set(profiles_of(published_site)) == published
    assert _shipped(example=True)  # the shipped examples exist, and none of them has a profile
    assert not (published_site / "murmurations" / "association-test-retiree.json").exists()


def test_shipped_profiles_validate_against_the_schema(published_site, library_folder):
    profiles = profiles_of(published_site)
    assert len(profiles) >= 6
    problems = {slug: library.errors(library_folder, item) for slug, item in profiles.items()}
    assert {slug: found for slug, found in problems.items() if found} == {}


def test_profile_of_an_organisation_with_coordinates_logo_and_sectors(published_site):
    item = profiles_of(published_site)["cooperative-test-bobo"]
    assert item["linked_schemas"] == ["organizations_schema-v1.0.0"]
    assert item["name"] == "Coopérative test des producteurs de karité de Bobo-Dioulasso"
    assert item["nickname"] == "COOP-KB"
    assert item["primary_url"] == f"{PUBLISHED_URL}/organisations/cooperative-test-bobo.html"
    assert item["country_iso_3166"] == "BF"
    assert item["geolocation"] == {"lat": 11.1771, "lon": -4.2979}
    assert item["locality"] == "Bobo-Dioulasso"
    assert item["full_address"] == "Bobo-Dioulasso, Burkina Faso"
    assert item["image"] == f"{PUBLISHED_URL}/organisations/logos/cooperative-test-bobo.webp"
    assert item["tags"] == ["Agriculture et environnement", "Finance, assurance et activités connexes", "Coopérative",
                            "Agriculture and environment", "Finance, insurance and related activities",
                            "Cooperative", "Agricultura e ambiente", "Finanças, seguros e atividades conexas",
                            "Cooperativa", "économie sociale et solidaire", "social and solidarity economy"]
    assert item["relationships"] == [
        {"predicate_url": "https://schema.org/knowsAbout",
         "object_url": "http://purl.org/essglobal/standard/activities/a01"},
        {"predicate_url": "https://schema.org/knowsAbout",
         "object_url": "http://purl.org/essglobal/standard/activities/a11"},
        {"predicate_url": "https://schema.org/memberOf", "object_url": f"{PUBLISHED_URL}/"}]
    assert item["urls"] == [{"name": "Site web", "url": "https://karite-bobo.example.org"}]
    assert item["starts_at"] == 1230768000  # 2009-01-01T00:00:00Z
    assert item["contact_details"] == {"email": "contact@karite-bobo.example.org"}
    assert item["telephone"] == "+226 00 00 00 09"
    assert item["unique_id"] == "cooperative-test-bobo"
    assert item["description"] == (
        "Une coopérative de productrices de karité qui transforme et vend le beurre ensemble.\n\n"
        "Les productrices collectent les amandes, les transforment en beurre et le vendent ensemble.\n\n"
        "Nos activités\n\n"
        "- collecte et transformation des amandes ;\n- vente groupée du beurre de karité.")


def test_profile_links_resolve_in_the_output(published_site):
    """The page and the logo a profile points to are files of the same build."""
    for item in profiles_of(published_site).values():
        for url in (item["primary_url"], item.get("image")):
            if url:
                assert (published_site / url.removeprefix(PUBLISHED_URL + "/")).is_file(), url


def test_profile_files_are_utf8_json_with_the_schema_order(published_site):
    raw = (published_site / "murmurations" / "cooperative-test-bobo.json").read_bytes()
    assert raw.endswith(b"}\n") and "karité".encode() in raw  # not \u-escaped: smaller, and readable
    assert list(json.loads(raw))[:4] == ["linked_schemas", "name", "nickname", "primary_url"]


def test_a_generated_network_validates(library_folder, network_site):
    profiles = profiles_of(network_site)
    assert len(profiles) == NETWORK_SIZE
    problems = {slug: library.errors(library_folder, item) for slug, item in profiles.items()}
    assert {slug: found for slug, found in problems.items() if found} == {}


def test_network_profiles_carry_what_the_entries_have(network_site):
    profiles = profiles_of(network_site).values()
    assert all(p["primary_url"].startswith(PUBLISHED_URL + "/organisations/") for p in profiles)
    assert all(p.get("country_iso_3166") and p.get("tags") and p.get("description") for p in profiles)
    assert sum("geolocation" in p for p in profiles) > NETWORK_SIZE // 2
    assert sum("image" in p for p in profiles) == len(list((network_site / "organisations" / "logos").glob("*")))


def test_profile_size(network_site, published_site):
    """The figure of the issue's closing note: a profile is a few KB (printed with -s)."""
    sizes = [p.stat().st_size for site in (network_site, published_site) for p in (site / "murmurations").glob("*")]
    print(f"\nmurmurations profile: median {statistics.median(sizes):.0f} B, largest {max(sizes)} B, "
          f"{len(sizes)} profiles")
    assert max(sizes) < 16_000
