"""Shared by the news tests: the shipped content plus fixture articles, built once per settings."""

from __future__ import annotations

import atexit
import functools
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path


def _root_conftest():
    """tests/conftest.py under a name of its own: `import conftest` gives whichever conftest.py pytest loaded
    last (tests/gates has one too), so it cannot be relied on from a test module collected after tests/gates."""
    name = "labo_tests_root_conftest"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[1] / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_conftest = _root_conftest()
ROOT, build_site, copy_content = _conftest.ROOT, _conftest.build_site, _conftest.copy_content

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
