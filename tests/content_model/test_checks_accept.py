"""What the checks must accept, and the rules that sit between files (no cascades, nothing skipped unseen).

The failure modes are pinned in test_failure_modes.py; here, valid input that a too strict or too naive
check would refuse, and the problems that must be reported once, not twice.
"""

from __future__ import annotations

import os

import pytest
from cmkit import ROOT, lines, org, validate, write_site

PROJECT = ('---\ntitle: "Forage"\norganisation: yam-pukri\ncountry: BF\nstatus: in_progress\n{extra}---\n')
SERVICE = '---\ntitle: "Formation"\nkind: training\nprovider: yam-pukri\n{extra}---\n'


def test_the_shipped_content_is_valid() -> None:
    report = validate(ROOT / "content")
    assert lines(report) == []
    assert report.files > 0 and report.registry.kind("organisation")


@pytest.mark.parametrize("parts", [(70, 15, 15), (0.1, 65.1, 34.8), (33.3, 33.3, 33.4), (12.5, 12.5, 75)])
def test_a_revenue_split_of_decimals_that_adds_up_to_100_is_accepted(tmp_path, parts) -> None:
    # 0.1 + 65.1 + 34.8 is 99.99999999999999 in floating point: the check must not say "110, not 100" style
    # nonsense like "adds up to 100, not 100".
    consultant, platform, fund = parts
    extra = f"revenue_split:\n  consultant: {consultant}\n  platform: {platform}\n  ess_fund: {fund}\n"
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(),
                                               "services/formation.md": SERVICE.format(extra=extra)})
    assert lines(validate(content)) == []


def test_raised_equal_to_the_sum_of_decimal_contributions_is_accepted(tmp_path) -> None:
    extra = ("funding:\n  currency: EUR\n  goal: 1000\n  raised: 0.3\n  contributions:\n"
             "    - {name: Awa, amount: 0.1, date: 2026-01-05}\n    - {name: Issa, amount: 0.2, date: 2026-02-01}\n")
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(),
                                               "projects/forage.md": PROJECT.format(extra=extra)})
    assert lines(validate(content)) == []


@pytest.mark.parametrize("logo", ["images/logos/yp.png", "/images/logos/yp.png", "{static}/images/logos/yp.png"])
def test_logo_paths_written_three_usual_ways_are_accepted(tmp_path, logo) -> None:
    png = (ROOT / "content" / "images" / "logos").glob("*.png")
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra=f"logo: \"{logo}\"\n"),
                                               "images/logos/yp.png": next(png).read_bytes()})
    report = validate(content)
    assert lines(report) == []
    assert report.registry.get("organisation", "yam-pukri").data["logo"] == "images/logos/yp.png"


def test_a_symlink_that_leaves_content_is_refused(tmp_path) -> None:
    # The link itself is refused by the walk of content/, and the field that names it is not followed.
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not inside content")
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra="logo: images/x.png\n")})
    (content / "images").mkdir()
    os.symlink("../../secret.png", content / "images" / "x.png")
    assert lines(validate(content)) == [
        'content/images/x.png:1: is a symbolic link (to "../../secret.png"); links are refused anywhere in '
        "content/, since they can point at any file of the machine that builds the site: add the file itself",
        'content/organisations/yam-pukri.md:5: logo: "images/x.png" cannot be used: the file itself is refused '
        "(see its own line in this report)"]


def test_usual_contact_forms_are_accepted_and_normalised(tmp_path) -> None:
    extra = ('email: "mailto:contact@yampukri.org"\nphone: "+226 25 30 00 00"\n'
             'website: "https://www.yampukri.org/a-propos?lang=fr#equipe"\ncountry: "BF"\n'
             "languages: [fr, mos, dyu, wol, bam, hau, swa]\n")
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra=extra)})
    report = validate(content)
    assert lines(report) == []
    data = report.registry.get("organisation", "yam-pukri").data
    assert data["email"] == "contact@yampukri.org"
    # Local languages by their ISO 639-3 code (Mossi, Dioula have no other); one code per language is kept:
    # the two-letter one where it exists.
    assert data["languages"] == ["fr", "mos", "dyu", "wo", "bm", "ha", "sw"]


def test_a_code_that_is_no_language_is_refused_with_the_nearest_one(tmp_path) -> None:
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra="languages: [fr, frx]\n")})
    assert lines(validate(content)) == [
        'content/organisations/yam-pukri.md:5: languages[1]: "frx" is not an ISO 639 language code (two letters, or '
        'three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "fr"?']


def test_crlf_and_bom_files_validate_with_the_same_lines(tmp_path) -> None:
    text = org(extra="country: Burkina\n").replace("\n", "\r\n")
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": "\ufeff" + text})
    assert lines(validate(content)) == [
        'content/organisations/yam-pukri.md:5: country: "Burkina" is not an ISO 3166 country code; did you mean "BF"?']


def test_a_file_that_cannot_be_read_is_reported_once_not_in_every_file_that_refers_to_it(tmp_path) -> None:
    # The organisation's YAML is broken: its project, its translation and its event must not add
    # "not an organisation" / "has no original" errors that go away by themselves once the YAML is fixed.
    content = write_site(tmp_path / "content", {
        "organisations/yam-pukri.md": '---\nname: "Yam Pukri\nmembership:\n  status: member\n---\n',
        "organisations/yam-pukri.en.md": '---\nname: "Yam Pukri"\n---\n',
        "projects/forage.md": PROJECT.format(extra=""),
        "organisations/ired.md": b'---\nname: "IR\xe9D"\nmembership:\n  status: member\n---\n',
        "services/formation.md": SERVICE.replace("yam-pukri", "ired").format(extra=""),
        "projects/puits.md": PROJECT.replace("yam-pukri", "yam-pukry").format(extra=""),
    })
    assert lines(validate(content)) == [
        "content/organisations/ired.md:2: the file is not valid UTF-8 (byte 0xE9 at column 10); save it with the "
        "UTF-8 encoding",
        "content/organisations/yam-pukri.md:2: invalid YAML: while scanning a quoted scalar, found unexpected end "
        "of stream (noticed on line 4); check the indentation, the colons and quote values that contain ': ' or "
        "start with a symbol",
        'content/projects/puits.md:3: organisation: "yam-pukry" is not an organisation of content/organisations/',
    ]


def test_a_translation_without_original_is_quiet_when_a_sibling_translation_is_broken(tmp_path) -> None:
    # Translations are checked one at a time, in name order: `x.en.md` comes before its broken sibling `x.pt.md`,
    # and must still not report a missing original that may be the broken file's own name (fixing it fixes both).
    # A translation alone without its original is reported.
    content = write_site(tmp_path / "content", {
        "organisations/yam-pukri.en.md": '---\nname: "Yam Pukri"\n---\n',
        "organisations/yam-pukri.pt.md": '---\nname: "Yam Pukri\n---\n',
        "organisations/ired.en.md": '---\nname: "IRED"\n---\n',
    })
    found = lines(validate(content))
    assert [line.split(":", 2)[0] + ":" + line.split(":", 2)[1] for line in found] == [
        "content/organisations/ired.en.md:1", "content/organisations/yam-pukri.pt.md:2"], found
    assert "no original: add content/organisations/ired.md" in found[0]
    assert "invalid YAML" in found[1]


def test_hidden_markdown_in_a_content_folder_is_reported_not_skipped(tmp_path) -> None:
    # Pelican reads news/_brouillons/x.md and news/.x.md as articles: the validator must not skip them
    # silently. Editor leftovers that Pelican ignores (.#lock, .swp, .DS_Store) stay silent.
    article = '---\ntitle: "Brouillon"\ndate: 2026-01-01\ncategory: inconnue\n---\n'
    content = write_site(tmp_path / "content", {
        "news/_brouillons/billet.md": article, "news/.billet.md": article, "organisations/_old/yam-pukri.md": org(),
        "news/.#billet.md": "x", "news/.billet.md.swp": "x", "organisations/.DS_Store": "x",
        "_notes/idees.md": "x",
    })
    message = ('names starting with "." or "_" are not allowed in content folders; to keep an entry off the '
               'site, use "unpublished: true"')
    assert lines(validate(content)) == [
        f"content/news/.billet.md:1: {message}",
        f"content/news/_brouillons/billet.md:1: {message}",
        f"content/organisations/_old/yam-pukri.md:1: {message}",
    ]


def test_a_blank_optional_text_is_treated_as_absent(tmp_path) -> None:
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra='acronym: "  "\ncity:\n')})
    report = validate(content)
    assert lines(report) == []
    assert "acronym" not in report.registry.get("organisation", "yam-pukri").data


def test_examples_and_unpublished_entries_are_kept_out_when_asked(tmp_path) -> None:
    content = write_site(tmp_path / "content", {
        "organisations/yam-pukri.md": org(),
        "organisations/exemple.md": org("Exemple", extra="example: true\n"),
        "organisations/retiree.md": org("Retirée", extra="unpublished: true\n"),
    })
    shown = {e.slug for e in validate(content).registry.kind("organisation")}
    published = {e.slug for e in validate(content, include_examples=False).registry.kind("organisation")}
    assert shown == {"yam-pukri", "exemple"}
    assert published == {"yam-pukri"}
