"""One profile from one entry, without a build: the rules of profile.py, the privacy option, the limits of the
library's fields, the plain text of a body."""

from __future__ import annotations

import pytest
from tests.murmurations.conftest import ROOT

from content_model.registry import Entry, Translation
from content_model.schema import ORGANISATION
from content_model.taxonomy import load
from murmurations import library
from murmurations.profile import Network, profile, to_bytes
from murmurations.text import plain_text

SITE = "https://example.org/labo"


@pytest.fixture(scope="module")
def network() -> Network:
    taxonomy, problems = load(ROOT / "content" / "taxonomy.yml")
    assert not problems
    return Network(site_url=SITE, languages=("fr", "en"), taxonomy=taxonomy, tags=("économie sociale et solidaire",))


def organisation(slug: str = "org", body: str = "", **data) -> Entry:
    fields = {"name": "Mutuelle de santé de Thiès", "membership": {"status": "partner"}, **data}
    return Entry(ORGANISATION, slug, f"organisations/{slug}.md", fields, "fr", body={"fr": body} if body else {})


def test_a_minimal_entry_gives_a_minimal_profile(network):
    assert profile(organisation(), network) == {
        "linked_schemas": ["organizations_schema-v1.0.0"], "name": "Mutuelle de santé de Thiès",
        "primary_url": f"{SITE}/organisations/org.html", "tags": ["économie sociale et solidaire"],
        "unique_id": "org"}


def test_contact_page_only_keeps_email_and_phone_out(network):
    """Issue 16, point 5: the e-mail and phone stay on the organisation's page, out of the profile."""
    contact = {"email": "contact@mutuelle.example.org", "phone": "+221 00 00 00 00"}
    shared = profile(organisation(**contact), network)
    assert shared["contact_details"] == {"email": "contact@mutuelle.example.org"}
    assert shared["telephone"] == "+221 00 00 00 00"
    private = profile(organisation(**contact, contact_page_only=True), network)
    assert "contact_details" not in private and "telephone" not in private
    assert "mutuelle.example.org" not in to_bytes(private).decode()
    assert profile(organisation(**contact, contact_page_only=False), network)["telephone"]


def test_description_is_french_when_translated_and_the_original_otherwise(network):
    entry = organisation(summary="Original summary.", body="<p>Original body.</p>")
    entry.lang = "en"
    assert profile(entry, network)["description"] == "Original summary.\n\nOriginal body."
    entry.translations["fr"] = Translation("fr", "organisations/org.fr.md", {"summary": "Résumé."})
    entry.body["fr"] = "<p>Corps.</p>"
    assert profile(entry, network)["description"] == "Résumé.\n\nCorps."


def test_tags_are_unique_and_within_the_field_limits(network):
    network.taxonomy.legal_forms["long"] = {"fr": "x" * 101, "en": "Association"}
    try:
        item = profile(organisation(legal_form="long", sectors=["education", "education"]), network)
    finally:
        del network.taxonomy.legal_forms["long"]
    assert item["tags"] == ["Éducation et formation", "Education and training", "Association",
                            "économie sociale et solidaire"]


def test_a_legal_form_with_an_essglobal_concept_is_an_additional_type(network):
    concept = "https://example.org/essglobal/organisational-structure/cooperative"
    network.taxonomy.legal_forms["cooperative"]["essglobal"] = concept
    try:
        item = profile(organisation(legal_form="cooperative"), network)
    finally:
        del network.taxonomy.legal_forms["cooperative"]["essglobal"]
    assert item["relationships"] == [{"predicate_url": "https://schema.org/additionalType", "object_url": concept}]


def test_a_long_name_is_cut_at_a_word_within_200_characters(network):
    name = ("Union des coopératives " * 14).strip()  # 321 characters; the content model allows 300
    item = profile(organisation(name=name[:300]), network)
    kept = item["name"].removesuffix("…")
    assert len(item["name"]) <= 200 and item["name"] == kept + "…"
    assert name.startswith(kept + " ")  # cut between two words


def test_a_year_is_the_first_of_january_at_midnight_utc(network):
    assert profile(organisation(founded=1960), network)["starts_at"] == -315619200
    assert profile(organisation(founded=2012), network)["starts_at"] == 1325376000


def test_values_the_library_limits_are_left_out_when_too_long(network):
    item = profile(organisation(city="V" * 101, country="SN", website="https://" + "a" * 2000 + ".org"), network)
    assert "locality" not in item and "urls" not in item
    assert item["full_address"].endswith(", Sénégal")


def test_unit_profiles_validate(network, library_folder):
    full = organisation(
        acronym="MST", legal_form="mutual", sectors=["health_social"], country="SN", city="Thiès",
        coordinates={"lat": 14.79, "lon": -16.93}, founded=1998, website="https://mst.example.org",
        email="a@mst.example.org", phone="+221 00", logo="images/logos/x.png", summary="Résumé.",
        membership={"status": "member"}, body="<h2>Titre</h2><ul><li>un</li><li>deux</li></ul>")
    for entry in (organisation(), full):
        assert library.errors(library_folder, profile(entry, network)) == []


def test_plain_text_keeps_blocks_and_list_items():
    html = ("<h2>Qui sommes-nous&nbsp;?</h2><p>Une <strong>coopérative</strong><br>de femmes.</p>"
            "<ul><li>un</li><li>deux <a href='x'>lien</a></li></ul><!-- note --><p>Fin &amp; suite.</p>")
    assert plain_text(html) == ("Qui sommes-nous\xa0?\n\nUne coopérative de femmes.\n\n- un\n- deux lien\n\n"
                                "Fin & suite.")
