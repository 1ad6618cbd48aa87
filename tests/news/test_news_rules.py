"""Each rule about news articles, with the exact message a contributor reads."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from news_helpers import FIXTURES, ROOT
from tests.conftest import LANGUAGES

from content_model.validate import validate_site

F = "content/news/annonce.md"
CASES = {
    "sponsored-without-sponsor": [f"{F}:5: sponsored: a sponsored announcement must name its \"sponsor\""],
    "sponsor-without-sponsored": [f"{F}:5: sponsor: add \"sponsored: true\" to label the announcement as sponsored"],
}


def fixture_content(name: str, tmp: Path) -> Path:
    content = tmp / "content"
    shutil.copytree(FIXTURES / name, content, ignore=shutil.ignore_patterns("README.txt"))
    shutil.copy(ROOT / "content" / "taxonomy.yml", content / "taxonomy.yml")
    return content


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_message(name, tmp_path):
    report = validate_site(fixture_content(name, tmp_path), languages=LANGUAGES, today=dt.date(2026, 11, 18),
                           shown_root="content")
    assert [str(p) for p in report.problems] == CASES[name]


def test_related_entries_must_exist(tmp_path):
    content = fixture_content("sponsored-without-sponsor", tmp_path)
    (content / "news" / "annonce.md").write_text(
        "---\ntitle: \"Campagne\"\ndate: 2026-11-12\ncategory: plaidoyer\nrelated:\n  events: [forum-inconnu]\n---\n",
        encoding="utf-8")
    report = validate_site(content, languages=LANGUAGES, today=dt.date(2026, 11, 18), shown_root="content")
    assert [str(p) for p in report.problems] == [
        f"{F}:6: related.events[0]: \"forum-inconnu\" is not an event of content/events/"]


def test_an_article_cannot_take_the_name_of_the_news_index(tmp_path):
    from news_helpers import build_site, content_with_articles

    content = content_with_articles(tmp_path)
    (content / "news" / "annonce-payee.md").rename(content / "news" / "index.md")
    result = build_site(content, tmp_path / "out", extra={"CACHE_PATH": f'"{tmp_path / "cache"}"'})
    assert result.returncode != 0
    said = " ".join((result.stdout + result.stderr).split())
    assert ('news/index.md:1: "index" is a name the site uses for its own pages; rename the file '
            '(e.g. "index-article.md")') in said
