"""Shared by the agenda tests: the shipped content plus the fixture events, built once per session."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, build_site, copy_content, shared_build  # noqa: E402, F401 - shared helpers

FIXTURES = Path(__file__).parent / "fixtures"
SITE_EVENTS = FIXTURES / "site-events" / "events"


def content_with_site_events(tmp: Path) -> Path:
    content = copy_content(tmp)
    for source in SITE_EVENTS.glob("*.md"):
        shutil.copy(source, content / "events" / source.name)
    return content


@functools.cache
def built(settings: str = "pelicanconf.py", include_examples: bool = True) -> Path:
    """The content with the fixture events, built with the fixed build date 2026-11-18, once per test run."""

    def make(folder: Path) -> Path:
        content = content_with_site_events(folder)
        extra = {} if include_examples else {"LABO_INCLUDE_EXAMPLES": "false"}
        result = build_site(content, folder / "output", settings=settings, extra=extra)
        assert result.returncode == 0, result.stderr
        return folder / "output"

    return shared_build(f"agenda-{Path(settings).stem}-{'examples' if include_examples else 'published'}", make)


def main_html(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main"):html.index("</main>")]


def card_links(html: str) -> list[str]:
    """Event slugs in the order of the cards of a list page."""
    return re.findall(r'<li class="card event-card[^"]*"[^>]*>\s*<h3><a href="[^"]*/agenda/([a-z0-9-]+)\.html"', html)


def text(html: str) -> str:
    """Visible text, tags removed and spaces (also narrow/no-break ones) normalised."""
    plain = re.sub(r"<[^>]+>", " ", html)
    plain = plain.replace("\u202f", " ").replace("\xa0", " ").replace("&#39;", "'")
    return " ".join(plain.split())


__all__ = ["ROOT", "build_site", "FIXTURES", "built", "main_html", "card_links", "text",
           "content_with_site_events"]
