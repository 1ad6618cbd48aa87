"""OpenGraph and Twitter card tags on every page; sitemap.xml and robots.txt in the published build only."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.network_map.content_facts import entries
from tests.open_data.conftest import PUBLISHED_URL

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def metas(page: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">',
                                 page.read_text(encoding="utf-8")):
        found.setdefault(key, []).append(html.unescape(value))
    return found


def test_every_page_has_opengraph_and_twitter_tags(shipped_site):
    for page in sorted(shipped_site.rglob("*.html")):
        tags = metas(page)
        for key in ("og:type", "og:title", "og:description", "og:site_name", "og:locale", "twitter:card"):
            assert tags.get(key), (page, key)
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8")).group(1)
        assert html.unescape(title).startswith(tags["og:title"][0]), page
        assert "og:url" not in tags, "og:url must be absolute: only in the published build"


def test_entity_pages_share_their_summary(shipped_site):
    for slug, data in entries("organisations").items():
        tags = metas(shipped_site / "organisations" / f"{slug}.html")
        assert tags["og:description"][0].split() == data["summary"].split()
        assert tags["og:locale"] == ["fr_FR"] and tags["og:locale:alternate"] == ["en_US", "pt_PT"]


def test_published_pages_give_their_absolute_address_and_logo(published_site):
    page = published_site / "organisations" / "ipd-aos.html"
    assert metas(page)["og:url"] == [f"{PUBLISHED_URL}/organisations/ipd-aos.html"]
    assert metas(published_site / "en" / "carte.html")["og:url"] == [f"{PUBLISHED_URL}/en/carte.html"]
    for page in sorted((published_site / "organisations").glob("*.html")):
        for image in metas(page).get("og:image", []):
            assert image.startswith(PUBLISHED_URL + "/")
            assert (published_site / image.removeprefix(PUBLISHED_URL + "/")).is_file(), image


def test_sitemap_lists_every_page_with_its_language_versions(published_site):
    root = ET.parse(published_site / "sitemap.xml").getroot()
    locs = [u.find(f"{SITEMAP}loc").text for u in root.iter(f"{SITEMAP}url")]
    pages = {p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")}
    expected = {f"{PUBLISHED_URL}/{p}" for p in pages if not p.endswith("404.html")}
    assert sorted(locs) == locs and set(locs) == expected and len(locs) == len(expected)
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        assert set(links) == {"fr", "en", "pt", "x-default"}, loc
        assert loc in links.values() and links["x-default"] == links["fr"]
        assert links["en"].startswith(f"{PUBLISHED_URL}/en/") and links["pt"].startswith(f"{PUBLISHED_URL}/pt/")
        assert all(href in expected for href in links.values())


def test_robots_points_to_the_sitemap(published_site):
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[0] == "User-agent: *"
    assert f"Sitemap: {PUBLISHED_URL}/sitemap.xml" in robots.splitlines()


def test_local_build_has_no_sitemap_or_robots(shipped_site):
    """Relative URLs cannot go in a sitemap; a local or USB copy is not for crawlers."""
    assert not (shipped_site / "sitemap.xml").exists() and not (shipped_site / "robots.txt").exists()
