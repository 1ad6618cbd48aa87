"""The prefilled-link builder and the YAML quoting, in Python and in the form's JavaScript, on the same cases."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from tests.contribute.helpers import run_js

from contribute import links
from contribute.yamltext import yaml_string

REPO = "https://github.com/labo-ess-afrique/site"
ACCENTS = ("---\nname: \"Coopérative d’épargne « Naam » de Thiès — Œuvre\"\n"
           "summary: \"Ça coûte 15 000 F CFA & +\"\n---\n")
NEWLINES = "ligne 1\r\nligne 2\rligne 3\n\n\n"
SPECIALS = "100% #1 a+b=c?d&e=f 'x' (y) *z* ~w! 😀 \t tab"
LONG = "é" * 2000 + "\n"  # 2,000 characters, 12,000 once percent-encoded
TEXTS = [ACCENTS, NEWLINES, SPECIALS, LONG, "", "no", "3.10", "\x00\x07\x7f\x85\u2028\u2029", "a\"b\\c"]


def test_python_and_javascript_build_the_same_links() -> None:
    calls, expected = [], []
    for text in TEXTS:
        calls.append(["newFileUrl", REPO, "main", "content/organisations", "x.md", text, links.MAX_URL_LENGTH])
        expected.append(links.new_file_url(REPO, "main", "content/organisations", "x.md", text))
        calls.append(["mailtoUrl", "contact@labo-ess-afrique.org", "Sujet : é", text, links.MAX_MAILTO_LENGTH])
        expected.append(links.mailto_url("contact@labo-ess-afrique.org", "Sujet : é", text))
        calls.append(["yamlString", text])
        expected.append(yaml_string(text))
    assert run_js(calls) == expected


@pytest.mark.parametrize("name, slug", [
    ("Coopérative d’épargne « Naam » de Thiès", "cooperative-d-epargne-naam-de-thies"),
    ("Œuvre Sociale — Straße 12", "oeuvre-sociale-strasse-12"),
    ("  ---Ünïcödé---  ", "unicode"),
    ("Association des femmes productrices de karité de la région des Hauts-Bassins au Burkina Faso",
     "association-des-femmes-productrices-de-karite-de-la-region"),
    ("مؤسسة", ""),
    ("IPD-AOS", "ipd-aos"),
])
def test_slugs_are_the_same_in_python_and_javascript(name: str, slug: str) -> None:
    assert links.slugify(name) == slug
    assert run_js([["slugify", name, links.MAX_SLUG_LENGTH]]) == [slug]


def test_unique_slug_adds_a_number() -> None:
    taken = ["raess", "raess-2"]
    assert links.unique_slug("raess", set(taken)) == "raess-3"
    assert links.unique_slug("ired", set(taken)) == "ired"
    assert run_js([["uniqueSlug", "raess", taken], ["uniqueSlug", "ired", taken]]) == ["raess-3", "ired"]


def test_prefilled_link_carries_the_text_exactly() -> None:
    url = links.new_file_url(REPO, "main", "content/organisations", "cooperative.md", ACCENTS)
    parts = urlsplit(url)
    assert parts.path == "/labo-ess-afrique/site/new/main"  # the folder is in filename=, not in the path
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["filename"] == ["content/organisations/cooperative.md"]
    assert query["value"] == [ACCENTS]  # accents, quotes, « », & and + survive the round trip


def test_the_new_file_link_keeps_the_folder_in_the_filename_parameter() -> None:
    """GitHub's prefilled new-file page in the form that keeps folders: new/BRANCH?filename=FOLDER/NAME&value=…,
    the slashes of the path left as they are (an encoded %2F is not a folder to GitHub)."""
    url = links.new_file_url(REPO, "main", "content/organisations", "yam-pukri-bobo.md", "é")
    assert url == ("https://github.com/labo-ess-afrique/site/new/main"
                   "?filename=content/organisations/yam-pukri-bobo.md&value=%C3%A9%0A")
    js = run_js([["newFileUrl", REPO + "/", "main", "/content/organisations/", "yam-pukri-bobo.md", "é", 8000]])
    assert js == [url]
    odd = links.new_file_url(REPO, "release 2", "content/images/logos", "a b#.md", "x")
    assert odd.startswith(REPO + "/new/release%202?filename=content/images/logos/a%20b%23.md&value=")


def test_newlines_are_unix_and_the_file_ends_with_one() -> None:
    url = links.new_file_url(REPO, "main", "content/projects", "p.md", NEWLINES)
    assert parse_qs(urlsplit(url).query)["value"] == ["ligne 1\nligne 2\nligne 3\n"]
    assert "%0D" not in url
    mail = links.mailto_url("a@example.org", "s", "l1\nl2")
    assert mail.endswith("&body=l1%0D%0Al2%0D%0A")  # RFC 6068 asks for CRLF in a mailto body


def test_long_content_falls_back_to_download() -> None:
    assert links.new_file_url(REPO, "main", "content/organisations", "x.md", LONG) is None
    assert links.mailto_url("a@example.org", "s", LONG) is None
    assert run_js([["newFileUrl", REPO, "main", "content/organisations", "x.md", LONG, links.MAX_URL_LENGTH]]) == [None]


def test_the_limit_is_inclusive_and_the_same_on_both_sides() -> None:
    base = links.new_file_url(REPO, "main", "content/organisations", "x.md", "", max_length=10**6)
    fits = "a" * (links.MAX_URL_LENGTH - len(base))  # one character of "a" is one URL character
    assert len(links.new_file_url(REPO, "main", "content/organisations", "x.md", fits)) == links.MAX_URL_LENGTH
    assert links.new_file_url(REPO, "main", "content/organisations", "x.md", fits + "a") is None
    assert run_js([["newFileUrl", REPO, "main", "content/organisations", "x.md", fits, links.MAX_URL_LENGTH],
                   ["newFileUrl", REPO, "main", "content/organisations", "x.md", fits + "a", links.MAX_URL_LENGTH]]
                  )[1] is None


def test_gitlab_repositories_get_their_own_new_file_page() -> None:
    url = links.new_file_url("https://gitlab.com/labo/site/", "main", "content/events", "e.md", "é")
    assert url == "https://gitlab.com/labo/site/-/new/main/content/events?file_name=e.md&content=%C3%A9%0A"
    js = run_js([["newFileUrl", "https://gitlab.com/labo/site/", "main", "content/events", "e.md", "é", 8000]])
    assert js == [url]


@pytest.mark.parametrize("text", TEXTS)
def test_yaml_strings_read_back_exactly(text: str) -> None:
    loaded = yaml.load("k: " + yaml_string(text), Loader=yaml.CSafeLoader)["k"]  # the validator's loader
    assert loaded == text
