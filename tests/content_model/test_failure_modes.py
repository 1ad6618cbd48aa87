# ruff: noqa: E501 - each pinned message stays on one line, as printed, so that it can be searched for
"""One fixture folder per failure mode: the exact lines the validator and the real build print for it.

Each `fixtures/<mode>/` holds a tiny content folder (`content/`: the shipped taxonomy and the fewest entries
that show the mistake) and a README.txt saying what must happen, with the same lines as EXPECTED below.
"""

from __future__ import annotations

import re

import pytest
from cmkit import FIXTURES, ROOT, build, field_key, fixture_content, lines, validate

from content_model.messages import Message

# Exact output of the validator for each failure mode, sorted as it prints them: `path:line: field: message`.
EXPECTED = {
    'amount-negative': [
        'content/projects/forage.md:8: funding.goal: "-500000" must not be negative',
        'content/services/formation.md:6: price.amount: "-10" must not be negative',
    ],
    'country-code': [
        'content/organisations/enda.md:5: country: "SEN" is not an ISO 3166 country code; did you mean "SN"?',
        'content/organisations/ired.md:5: country: "Côte d\'Ivoire" is not an ISO 3166 country code; did you mean "CI"?',
        'content/organisations/yam-pukri.md:5: country: "Burkina" is not an ISO 3166 country code; did you mean "BF"?',
    ],
    'currency-code': [
        'content/projects/forage.md:7: funding.currency: "euros" is not an ISO 4217 currency code; did you mean "EUR"?',
        'content/services/formation.md:7: price.currency: "FCFA" is not an ISO 4217 currency code; did you mean "XOF"?',
    ],
    'date-impossible': [
        'content/events/atelier.md:4: start: "2027-03-10 25:00" is not a real date or time (hour must be in 0..23)',
        'content/events/forum.md:4: start: "2027-02-30" is not a real date or time (day is out of range for month)',
    ],
    'date-out-of-range': [
        'content/events/atelier.md:5: end: "2227-03-12" lies outside the possible range (1800–2100)',
        'content/events/forum.md:4: start: "1750-03-10" lies outside the possible range (1800–2100)',
        'content/organisations/yam-pukri.md:5: founded: 2030 is not a possible year (between 1800 and 2026)',
    ],
    'date-unparseable': [
        'content/events/forum.md:4: start: "10 mars 2027" is not a date; write YYYY-MM-DD or "YYYY-MM-DD HH:MM", e.g. 2027-03-10',
    ],
    'duplicate-key': [
        'content/organisations/yam-pukri.md:4: name: duplicate field: already given on line 2; keep only one',
        'content/organisations/yam-pukri.md:7: membership.status: duplicate field: already given on line 6; keep only one',
    ],
    'email-invalid': [
        'content/organisations/yam-pukri.md:5: email: "contact(at)yampukri.org" is not an e-mail address (name@example.org)',
        'content/projects/forage.md:8: contact.email: "awa@" is not an e-mail address (name@example.org)',
    ],
    'end-before-start': [
        'content/events/forum.md:5: end: 2027-03-08 is before the start (2027-03-10); fix one of them',
    ],
    'file-name-invalid': [
        'content/organisations/Yam Pukri Ouagadougou.md:1: the file name is not a valid identifier; rename it to "yam-pukri-ouagadougou.md" (lowercase letters, digits and hyphens)',
        'content/organisations/coopérative.md:1: the file name is not a valid identifier; rename it to "cooperative.md" (lowercase letters, digits and hyphens)',
    ],
    'front-matter-empty': [
        'content/organisations/yam-pukri.md:1: the front matter is empty',
    ],
    'front-matter-missing': [
        "content/organisations/yam-pukri.md:1: missing front matter: the file must start with a line '---', then the fields ('name: value'), then a line '---'",
    ],
    'front-matter-not-a-mapping': [
        "content/organisations/yam-pukri.md:2: the front matter must be a list of 'field: value' lines",
    ],
    'front-matter-unclosed': [
        "content/organisations/yam-pukri.md:1: the front matter is not closed: add a line '---' after the last field",
    ],
    'image-missing': [
        'content/organisations/yam-pukri.md:5: logo: "images/logos/yam-pukri.png" does not exist under content/; add the file or fix the path',
    ],
    'image-outside-content': [
        'content/organisations/enda.md:5: logo: "/etc/passwd" must be an image (.png, .jpg, .jpeg, .webp, .gif)',
        'content/organisations/ired.md:5: logo: "../../../../../../../../etc/hosts.png" must be a path inside content/ (e.g. images/logos/name.png)',
        'content/organisations/yam-pukri.md:5: logo: "../../etc/passwd" must be a path inside content/ (e.g. images/logos/name.png)',
    ],
    'image-unreadable': [
        'content/images/logos/yam-pukri.png:1: the name ends in ".png" (type PNG image) but the content is some text; save it again as a real ".png" file',
        'content/organisations/yam-pukri.md:5: logo: "images/logos/yam-pukri.png" cannot be used: the file itself is refused (see its own line in this report)',
    ],
    'language-code': [
        'content/organisations/yam-pukri.md:5: languages[0]: "français" is not an ISO 639 language code (two letters, or three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "fr"?',
        'content/organisations/yam-pukri.md:5: languages[1]: "English" is not an ISO 639 language code (two letters, or three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "en"?',
    ],
    'legal-form-code': [
        'content/organisations/ired.md:5: legal_form: "Association" is not a legal form code of content/taxonomy.yml; did you mean "association"?',
        'content/organisations/yam-pukri.md:5: legal_form: "coopérative" is not a legal form code of content/taxonomy.yml; did you mean "cooperative"?',
    ],
    'list-item-repeated': [
        'content/organisations/yam-pukri.md:8: sectors[2]: "ict" is listed twice; keep it once',
    ],
    'many-errors': [
        'content/events/forum.md:5: end: 2027-03-08 is before the start (2027-03-10); fix one of them',
        'content/organisations/ired.md:4: membership.status: "membre" is not one of: member, partner, observer, applicant; did you mean "member"?',
        'content/organisations/ired.md:5: languages[0]: "français" is not an ISO 639 language code (two letters, or three for a language that has no two-letter code, e.g. mos for Mossi); did you mean "fr"?',
        'content/organisations/yam-pukri.md:5: country: "Burkina" is not an ISO 3166 country code; did you mean "BF"?',
        'content/organisations/yam-pukri.md:6: fonded: unknown field; did you mean "founded"?',
        'content/organisations/yam-pukri.md:7: website: "www.yampukri.org" is not allowed: a link without http:// or https:// is refused; give an address starting with https://',
        'content/projects/forage.md:3: organisation: "yam-pukry" is not an organisation of content/organisations/; did you mean "yam-pukri"?',
        'content/projects/forage.md:8: funding.goal: "-1" must not be negative',
    ],
    'not-utf8': [
        'content/organisations/yam-pukri.md:4: the file is not valid UTF-8 (byte 0xE9 at column 15); save it with the UTF-8 encoding',
    ],
    'phone-unquoted': [
        'content/organisations/ired.md:5: phone: 025300000 was read as a number (5603328); put the text in quotes: "025300000"',
        'content/organisations/yam-pukri.md:5: phone: +22625300000 was read as a number (22625300000); put the text in quotes: "+22625300000"',
    ],
    'reference-missing': [
        'content/projects/forage.md:3: organisation: "yam-pukry" is not an organisation of content/organisations/; did you mean "yam-pukri"?',
        'content/projects/forage.md:6: partners[0]: "ired" is not an organisation of content/organisations/',
    ],
    'required-field-empty': [
        'content/organisations/ired.md:2: name: is empty; give a value (full name of the organisation)',
        'content/organisations/yam-pukri.md:2: name: is empty; give a value (full name of the organisation)',
        'content/organisations/yam-pukri.md:4: membership.status: is empty; give a value (status: member, partner, observer or applicant)',
    ],
    'required-field-missing': [
        'content/organisations/yam-pukri.md:1: name: missing required field; add "name: …" (full name of the organisation)',
        'content/organisations/yam-pukri.md:3: membership.status: missing required field under "membership"; add "status: …" (status: member, partner, observer or applicant)',
    ],
    'revenue-split-not-100': [
        'content/services/formation.md:5: revenue_split: the parts add up to 110, not 100; adjust them',
    ],
    'sector-code': [
        'content/organisations/yam-pukri.md:6: sectors[0]: "agricuture" is not a sector code of content/taxonomy.yml; did you mean "agriculture"?',
        'content/organisations/yam-pukri.md:7: sectors[1]: "Commerce et distribution" is not a sector code of content/taxonomy.yml; did you mean "trade"?',
    ],
    'slug-duplicate': [
        'content/organisations/archives/yam-pukri.md:1: two files have the identifier "yam-pukri": this one and content/organisations/yam-pukri.md; rename one of them',
    ],
    'slug-mismatch': [
        'content/organisations/yampukri.md:5: slug: "yam-pukri" does not match the file name; rename the file to yam-pukri.md or remove the slug line',
    ],
    'stray-files': [
        'content/blog/premier-billet.md:1: "blog/" is not a content folder; use one of: organisations/, projects/, events/, services/, tenders/, news/, pages/',
        'content/notes.txt:1: this file is in no content folder; move it into one of: organisations/, projects/, events/, services/, tenders/, news/, pages/',
        'content/organisations/logo.jpg:1: only Markdown files (.md) go in content folders; rename it or move it to images/ or documents/',
    ],
    'time-without-timezone': [
        'content/events/forum.md:4: start: has a time but the event has no "timezone"; add e.g. "timezone: Africa/Ouagadougou"',
    ],
    'translation-language-not-configured': [
        'content/organisations/yam-pukri.de.md:1: "de" is not a language of the site (fr, en, pt); rename the file or add the language to the settings',
    ],
    'translation-same-language': [
        'content/organisations/yam-pukri.fr.md:1: the original content/organisations/yam-pukri.md is already in "fr"',
    ],
    'translation-structured-field': [
        'content/organisations/yam-pukri.en.md:3: country: a translation carries text only (name, summary); remove "country": it comes from content/organisations/yam-pukri.md',
        'content/organisations/yam-pukri.en.md:4: membership: a translation carries text only (name, summary); remove "membership": it comes from content/organisations/yam-pukri.md',
    ],
    'translation-without-original': [
        'content/organisations/yam-pukri.en.md:1: this translation has no original: add content/organisations/yam-pukri.md or rename the file',
    ],
    'unknown-field': [
        'content/organisations/yam-pukri.md:5: fonded: unknown field; did you mean "founded"?',
        'content/organisations/yam-pukri.md:6: web_site: unknown field; did you mean "website"?',
        'content/organisations/yam-pukri.md:7: favourite_colour: unknown field; known fields are: name, acronym, legal_form, sectors, country, city, coordinates, founded, membership, website, email, phone, contact_page_only, logo, languages, maintainers, summary, slug, example, unpublished',
    ],
    'url-invalid': [
        'content/organisations/enda.md:5: website: "https://enda.example.org/a propos" is not a URL: it contains spaces; encode them as %20',
        'content/organisations/ired.md:5: website: "https://localhost/ired" is not a valid web address (https://example.org/…)',
        'content/organisations/yam-pukri.md:5: website: "www.yampukri.org" is not allowed: a link without http:// or https:// is refused; give an address starting with https://',
    ],
    'url-scheme': [
        'content/organisations/enda.md:5: website: "ftp://enda.example.org/" is not allowed: "ftp:" links are refused; give an address starting with https://',
        'content/organisations/ired.md:5: website: "data:text/html,<script>alert(1)</script>" is not allowed: "data:" links are refused; give an address starting with https://',
        'content/organisations/raess.md:5: website: "&#106;avascript:alert(1)" is not allowed: a link without http:// or https:// is refused; give an address starting with https://',
        'content/organisations/yam-pukri.md:5: website: "javascript:alert(document.cookie)" is not allowed: "javascript:" links are refused; give an address starting with https://',
    ],
    'wrong-type': [
        'content/organisations/yam-pukri.md:3: membership: must be a group of sub-fields: status, since',
        'content/organisations/yam-pukri.md:4: sectors: must be a list: write ["ict"] or one \'- value\' line per value',
        'content/organisations/yam-pukri.md:5: website: must be a single value, not a list',
        'content/organisations/yam-pukri.md:6: founded: "2004" must be a whole number',
        'content/organisations/yam-pukri.md:7: example: "oui" must be true or false',
    ],
    'yaml-aliases': [
        'content/organisations/ired.md:4: coordinates: merge keys (<<) are not allowed',
        'content/organisations/yam-pukri.md:3: acronym: anchors and aliases (& and *) are not allowed; write the value out',
    ],
    'yaml-syntax-error': [
        "content/organisations/ired.md:3: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' (noticed on line 4); check the indentation, the colons and quote values that contain ': ' or start with a symbol",
        "content/organisations/yam-pukri.md:5: invalid YAML: mapping values are not allowed in this context; check the indentation, the colons and quote values that contain ': ' or start with a symbol",
    ],
    'yaml-tab-indentation': [
        'content/organisations/yam-pukri.md:4: invalid YAML: a tab is used for indentation; indent with spaces only',
    ],
    'yaml11-float': [
        'content/organisations/yam-pukri.md:5: acronym: 3.10 was read as a number (3.1); put the text in quotes: "3.10"',
    ],
    'yaml11-yes-no': [
        'content/organisations/yam-pukri.md:5: country: NO was read as a yes/no value (false); put the text in quotes: "NO"',
        'content/organisations/yam-pukri.md:6: acronym: yes was read as a yes/no value (true); put the text in quotes: "yes"',
        'content/organisations/yam-pukri.md:7: city: on was read as a yes/no value (true); put the text in quotes: "on"',
        'content/organisations/yam-pukri.md:8: languages[1]: no was read as a yes/no value (false); put the text in quotes: "no"',
    ],
}

#: Problems that name no field (the file as a whole, or YAML that cannot be read): the line they give and
#: a piece of that line, so the number is checked against the file and not only against itself.
UNNAMED_LINES = {
    ("yaml-syntax-error", "organisations/ired.md"): (3, "languages: [fr, en"),
    ("yaml-syntax-error", "organisations/yam-pukri.md"): (5, "city: Ouagadougou: secteur 4"),
    ("yaml-tab-indentation", "organisations/yam-pukri.md"): (4, "\tstatus: member"),
    ("front-matter-not-a-mapping", "organisations/yam-pukri.md"): (2, '- name: "Yam Pukri"'),
}


def _located(line: str) -> tuple[str, int, str, str]:
    path, number, rest = line.split(":", 2)
    field, _, message = rest.strip().partition(": ") if re.match(r" [\w.\[\]]+: ", rest) else ("", "", rest.strip())
    return path, int(number), field, message


def test_every_fixture_folder_is_a_pinned_failure_mode() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == set(EXPECTED)


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_validator_prints_exactly_these_lines(mode: str) -> None:
    report = validate(fixture_content(mode))
    assert lines(report) == EXPECTED[mode]
    assert not report.ok


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_every_line_reaches_a_french_contributor_in_french(mode: str) -> None:
    """Each problem is a catalogue message, never a plain English string (the catalogue test checks that each
    message has its French): the stray files of a contribution were reported in English until 2026-12-07."""
    report = validate(fixture_content(mode))
    assert [str(p) for p in report.problems if not isinstance(p.message, Message)] == []


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_readme_states_what_must_happen(mode: str) -> None:
    readme = (FIXTURES / mode / "README.txt").read_text(encoding="utf-8")
    assert "must stop" in readme
    for line in EXPECTED[mode]:
        assert line in readme.splitlines(), f"README.txt of {mode} does not state: {line}"


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_each_line_number_points_at_the_offending_key(mode: str) -> None:
    content = fixture_content(mode)
    for expected in EXPECTED[mode]:
        rel, number, field, message = _located(expected)
        source = (content.parent / rel).read_bytes().decode("utf-8", "replace").split("\n")
        assert 1 <= number <= len(source), expected
        text = source[number - 1]
        if not field:
            if (mode, rel.removeprefix("content/")) in UNNAMED_LINES:
                want_line, want_text = UNNAMED_LINES[(mode, rel.removeprefix("content/"))]
                assert (number, text) == (want_line, want_text), expected
            continue
        key = field_key(field)
        if message.startswith("missing required field"):
            # Nothing to point at: the group that lacks it, or line 1 for a top-level field.
            parent = field.rpartition(".")[0]
            assert (number == 1 and not parent) or re.match(rf"\s*{field_key(parent)}\s*:", text), expected
        elif message.startswith("merge keys"):
            assert text.strip().startswith("<<:"), expected
        elif field.endswith("]"):  # a list item: its own '- value' line, or the key line of a [flow, list]
            assert text.lstrip().startswith("- ") or re.match(rf"\s*{key}\s*:\s*\[", text), expected
        else:
            assert re.match(rf"\s*{key}\s*:", text), expected


def test_the_bad_byte_is_where_the_message_says() -> None:
    raw = (fixture_content("not-utf8") / "organisations" / "yam-pukri.md").read_bytes()
    (line,) = EXPECTED["not-utf8"]
    m = re.search(r"\.md:(\d+): .*byte 0x([0-9A-F]{2}) at column (\d+)", line)
    number, byte, column = int(m[1]), int(m[2], 16), int(m[3])
    assert raw.split(b"\n")[number - 1][column - 1] == byte


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_the_real_build_stops_with_these_lines_and_writes_nothing(mode: str, tmp_path) -> None:
    output = tmp_path / "output"
    result = build(fixture_content(mode), output)
    assert result.returncode == 1, result.stderr
    assert not output.exists(), "the build wrote files although the content is invalid"
    shown = fixture_content(mode).relative_to(ROOT).as_posix() + "/"
    printed = result.stderr.replace(shown, "content/")
    got = [line for line in printed.splitlines() if line.startswith("content/")]
    assert got == EXPECTED[mode], result.stderr[-3000:]
    n = len(EXPECTED[mode])
    assert f"{n} error{'s' if n != 1 else ''} in the content; nothing was built." in printed
