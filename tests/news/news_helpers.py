"""Shared by the news tests: the shipped content plus fixture articles, built once per settings."""

from __future__ import annotations

import atexit
import functools
import json
import re
import shutil
import tempfile
from pathlib import Path

from tests.conftest import ROOT, build_site, copy_content  # noqa: E402, F401 - shared helpers

FIXTURES = Path(__file__).parent / "fixtures"


def content_with_articles(tmp: Path) -> Path:
    content = copy_content(tmp)
    for source in (FIXTURES / "site-articles" / "news").glob("*.md"):
        shutil.copy(source, content / "news" / source.name)
    return content


@functools.cache
def built(settings: str = "pelicanconf.py", **extra: str) -> Path:
    """Build once per (settings, extra settings); extra values are JSON, as `pelican -e` wants them."""
    tmp = Path(tempfile.mkdtemp(prefix="news-site-"))
    atexit.register(shutil.rmtree, tmp, True)
    content = content_with_articles(tmp)
    # A cache of its own: the repository's cache is shared with other builds running at the same time.
    extra = {"CACHE_PATH": json.dumps(str(tmp / "cache")), **extra}
    result = build_site(content, tmp / "output", settings=settings, extra=extra)
    assert result.returncode == 0, result.stderr
    return tmp / "output"


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
