"""Nothing is skipped silently: the shipped content gives one page per entry, per kind, in every language.

Expected numbers come from the source files themselves (front matter read with PyYAML, not through the
plugins); pages are recognised by the template that rendered them (<body data-template="...">).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from labokit import ROOT
from tests.conftest import LANGUAGES

from content_model.schema import KINDS

PAGE_OF = re.compile(r'<body data-template="([a-z_]+)"')
#: The template of each kind's entry page.
TEMPLATES = {"organisation": "organisation", "project": "project", "event": "event", "service": "service",
             "tender": "tender", "article": "article", "page": "page"}


def _sources(kind, examples: bool = True) -> dict[str, str]:
    """slug -> output path of every entry of `kind` the build shows (the published build has no examples)."""
    out = {}
    for path in sorted((ROOT / "content" / kind.folder).rglob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", path.name):
            continue  # a translation: same page, other language
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n"))
        if not data.get("unpublished") and (examples or not data.get("example")):
            out[path.stem] = f"{kind.output}/{path.stem}.html"
    return out


def _rendered(site: Path) -> dict[str, set[str]]:
    """template -> pages (relative paths) it rendered."""
    out: dict[str, set[str]] = {}
    for html in site.rglob("*.html"):
        m = PAGE_OF.search(html.read_text(encoding="utf-8"))
        if m:
            out.setdefault(m[1], set()).add(html.relative_to(site).as_posix())
    return out


@pytest.fixture(scope="module")
def rendered(shipped_site: Path) -> dict[str, set[str]]:
    return _rendered(shipped_site)


@pytest.fixture(scope="module")
def published(published_shipped_site: Path) -> dict[str, set[str]]:
    return _rendered(published_shipped_site)


def test_every_kind_of_the_model_has_pages() -> None:
    assert {k.name for k in KINDS} == set(TEMPLATES)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_one_page_per_source_file_in_every_language(kind, rendered) -> None:
    sources = _sources(kind)
    assert sources, f"no {kind.name} in content/{kind.folder}"
    expected = {f"{'' if lang == 'fr' else lang + '/'}{path}" for path in sources.values() for lang in LANGUAGES}
    assert rendered.get(TEMPLATES[kind.name], set()) == expected


def test_the_counts_per_kind_and_language(rendered) -> None:
    counts = Counter()
    for template, pages in rendered.items():
        for rel in pages:
            first = rel.split("/", 1)[0]
            counts[(template, first if first in LANGUAGES else "fr")] += 1
    for kind in KINDS:
        n = len(_sources(kind))
        assert [counts[(TEMPLATES[kind.name], lang)] for lang in LANGUAGES] == [n] * len(LANGUAGES), kind.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_the_published_build_has_the_same_pages_minus_the_examples(kind, published) -> None:
    sources = _sources(kind, examples=False)
    expected = {f"{'' if lang == 'fr' else lang + '/'}{path}" for path in sources.values() for lang in LANGUAGES}
    assert published.get(TEMPLATES[kind.name], set()) == expected
