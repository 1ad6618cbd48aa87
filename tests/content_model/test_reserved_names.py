"""An entry cannot take a name a section uses for its own pages (index, index-p2, archives…)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from tests.conftest import LANGUAGES, ROOT

from content_model.validate import validate_site


@pytest.mark.parametrize(("folder", "slug"), [("organisations", "index"), ("projects", "par-avancement"),
                                               ("news", "index-p2"), ("tenders", "archives"), ("events", "agenda")])
def test_reserved_names_are_refused(tmp_path, folder, slug):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = sorted(p for p in (content / folder).glob("*.md") if p.name.count(".") == 1)[0]
    shutil.copy(source, content / folder / f"{slug}.md")
    report = validate_site(content, languages=LANGUAGES, today=dt.date(2026, 11, 18))
    messages = [str(p) for p in report.problems]
    kind = {"organisations": "organisation", "projects": "project", "news": "article", "tenders": "tender",
            "events": "event"}[folder]
    assert messages == [f'content/{folder}/{slug}.md:1: "{slug}" is a name the site uses for its own pages; '
                        f'rename the file (e.g. "{slug}-{kind}.md")']
