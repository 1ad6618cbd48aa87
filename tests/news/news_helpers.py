"""Shared by the news tests: the shipped content plus fixture articles, built once per settings."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, build_site, copy_content, shared_build  # noqa: E402, F401 - shared helpers

FIXTURES = Path(__file__).parent / "fixtures"


def content_with_articles(tmp: Path) -> Path:
    content = copy_content(tmp)
    for source in (FIXTURES / "site-articles" / "news").glob("*.md"):
        shutil.copy(source, content / "news" / source.name)
    return content


@functools.cache
def built(settings: str = "pelicanconf.py", **extra: str) -> Path:
    """Build once per test run and (settings, extra settings); extra values are JSON, as `pelican -e` wants them."""

    def make(folder: Path) -> Path:
        result = build_site(content_with_articles(folder), folder / "output", settings=settings, extra=extra)
        assert result.returncode == 0, result.stderr
        return folder / "output"

    key = json.dumps(extra, sort_keys=True)
    return shared_build(f"news-{Path(settings).stem}-{hashlib.sha256(key.encode()).hexdigest()[:12]}", make)


def main_html(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main"):html.index("</main>")]


def article_links(html: str) -> list[str]:
    """Article slugs in the order of the news cards."""
    return re.findall(r'<li class="card news-card[^"]*">.*?<h3><a href="[^"]*/actualites/([a-z0-9-]+)\.html"',
                      html, flags=re.S)


def text(html: str) -> str:
    plain = re.sub(r"<[^>]+>", " ", html)
    plain = plain.replace("\u202f", " ").replace("\xa0", " ").replace("&#39;", "'")
    return " ".join(plain.split())


__all__ = ["ROOT", "build_site", "FIXTURES", "built", "main_html", "article_links", "text", "content_with_articles"]
