"""Atom feeds: only in the published build, with absolute addresses, only what the site shows, per language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from news_helpers import built

ATOM = "{http://www.w3.org/2005/Atom}"
SITEURL = "https://labo-ess-afrique.github.io/site"


def entries(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    return [{"title": e.findtext(f"{ATOM}title"), "link": e.find(f"{ATOM}link").get("href"),
             "id": e.findtext(f"{ATOM}id")} for e in root.iter(f"{ATOM}entry")]


def feed_title(path: Path) -> str:
    return ET.parse(path).getroot().findtext(f"{ATOM}title")


def test_published_feeds_carry_only_published_articles_with_absolute_links():
    site = built("publishconf.py")
    items = entries(site / "feeds/all.atom.xml")
    assert [i["link"] for i in items] == [f"{SITEURL}/actualites/annonce-payee.html",
                                          f"{SITEURL}/actualites/appel-a-candidatures.html"]
    assert all(i["id"].startswith("tag:labo-ess-afrique.github.io,2026-11-") for i in items)
    every_feed = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.atom.xml"))
    assert "exemple" not in every_feed  # examples are left out of the published site
    assert "article-retire" not in every_feed and "Article retiré" not in every_feed  # unpublished: true
    for link in items:
        assert (site / link["link"].removeprefix(SITEURL + "/")).is_file()


def test_english_feed_has_english_titles_and_english_pages():
    site = built("publishconf.py")
    items = entries(site / "en/feeds/all.atom.xml")
    assert [i["title"] for i in items] == ["Des formations en comptabilité coopérative",  # not translated
                                           "Call for applications to the SSE incubator"]
    assert items[1]["link"] == f"{SITEURL}/en/actualites/appel-a-candidatures.html"
    assert (site / "en/actualites/appel-a-candidatures.html").is_file()


def test_category_feeds_are_titled_with_the_category_label():
    site = built("publishconf.py")
    assert feed_title(site / "feeds/annonces.atom.xml") == "Labo ESS Afrique - Annonces"
    assert feed_title(site / "en/feeds/annonces.atom.xml") == "Labo ESS Afrique - Announcements"
    assert len(entries(site / "feeds/annonces.atom.xml")) == 2
    assert not (site / "feeds/plaidoyer.atom.xml").exists()  # only an example there: left out


def test_with_examples_every_category_has_its_feed():
    site = built("publishconf.py", LABO_INCLUDE_EXAMPLES="true")
    assert len(entries(site / "feeds/all.atom.xml")) == 6
    assert [i["title"] for i in entries(site / "en/feeds/plaidoyer.atom.xml")] == [
        "Example campaign: fair access to funding for SSE organisations"]
    assert feed_title(site / "feeds/forums.atom.xml") == "Labo ESS Afrique - Forums et comptes rendus"


def test_pages_point_to_their_feeds_with_relative_links():
    site = built("publishconf.py")
    index = (site / "actualites/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Labo ESS Afrique · Actualités" ' \
           'href="../feeds/all.atom.xml">' in index
    category = (site / "en/actualites/rubriques/annonces.html").read_text(encoding="utf-8")
    assert 'href="../../../en/feeds/annonces.atom.xml"' in category
    assert (site / "en/feeds/annonces.atom.xml").is_file()


def test_feeds_without_an_absolute_siteurl_stop_the_build(tmp_path):
    from news_helpers import build_site, content_with_articles

    content = content_with_articles(tmp_path)
    result = build_site(content, tmp_path / "out", extra={"NEWS_FEED_ATOM": '"feeds/all.atom.xml"',
                                                          "CACHE_PATH": f'"{tmp_path / "cache"}"'})
    assert result.returncode != 0
    said = " ".join((result.stdout + result.stderr).split())  # Pelican prints the error wrapped to the terminal
    # Pelican's own warning stops a --fatal warnings build first; the plugin's check stops any other build.
    assert ("Feeds generated without SITEURL" in said
            or "news: NEWS_FEED_ATOM need an absolute SITEURL (https://…); set feeds in publishconf.py only" in said)
    assert not (tmp_path / "out" / "index.html").exists()


def test_the_settings_check_names_each_problem():
    import pytest

    from news.settings import SettingsError, check

    with pytest.raises(SettingsError) as caught:
        check({"NEWS_FEED_ATOM": "feeds/all.atom.xml", "NEWS_CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
               "SITEURL": "", "NEWS_PAGE_SIZE": 0})
    assert str(caught.value) == (
        "news: NEWS_PAGE_SIZE must be a whole number of articles per page, at least 1 (not 0); "
        "news: NEWS_FEED_ATOM and NEWS_CATEGORY_FEED_ATOM need an absolute SITEURL (https://…); set feeds in "
        "publishconf.py only")
    check({"NEWS_FEED_ATOM": "feeds/all.atom.xml", "SITEURL": "https://example.org/site"})  # no error
