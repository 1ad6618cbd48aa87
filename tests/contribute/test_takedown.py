"""Takedown: `unpublished: true` removes an entry's page and every link to it, and nothing breaks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from tests.conftest import build_site
from tests.support.htmlscan import is_external, load_site, resolve
from tests.support.links import check_links

ORG = "cooperative-exemple-maraicheres-koudougou"  # the most referred-to organisation of the shipped content
PROJECT = "projet-exemple-chambre-froide-kisumu"
PROJECT_OWNER = "kisumu-example-savings-cooperative"


def _unpublish(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    path.write_text("---\nunpublished: true\n" + text[4:], encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("takedown")
    from tests.conftest import copy_content

    content = copy_content(root)
    referring = [p for p in content.rglob("*.md") if ORG in p.read_text(encoding="utf-8") and p.stem != ORG]
    assert len(referring) >= 4, "the fixture organisation should be referred to by several entries"
    _unpublish(content / f"organisations/{ORG}.md")
    _unpublish(content / f"projects/{PROJECT}.md")
    result = build_site(content, root / "output")
    assert result.returncode == 0, result.stderr
    return root / "output"


def _links_to(site: Path, target_suffix: str) -> list[str]:
    found = []
    for rel, doc in load_site(site).documents.items():
        for ref in doc.refs:
            if is_external(ref.url) or not ref.url:
                continue
            target = resolve(rel, unquote(ref.url.partition("#")[0].partition("?")[0]))
            if target.endswith(target_suffix):
                found.append(f"{rel}:{ref.line}: {ref.describe()}")
    return found


def test_the_entry_has_no_page_in_any_language(site) -> None:
    assert not (site / f"organisations/{ORG}.html").exists()
    assert not (site / f"en/organisations/{ORG}.html").exists()
    assert not (site / f"projets/{PROJECT}.html").exists()
    assert (site / "organisations/index.html").is_file()


def test_no_page_links_to_it(site) -> None:
    assert _links_to(site, f"organisations/{ORG}.html") == []
    assert _links_to(site, f"projets/{PROJECT}.html") == []


def test_nothing_is_broken(site) -> None:
    assert check_links(site) == []


def test_the_owner_page_no_longer_lists_the_withdrawn_project(site) -> None:
    page = (site / f"organisations/{PROJECT_OWNER}.html").read_text(encoding="utf-8")
    assert PROJECT not in page


def test_its_identifier_is_in_no_page_script_or_index(site) -> None:
    """Pages, scripts, search index and map data never name the withdrawn entry's file.
    (The open-data exports in data/ keep references by identifier: see the contribute report.)"""
    leaks = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
             and not p.relative_to(site).as_posix().startswith("data/")
             and p.suffix in (".html", ".js", ".json", ".xml", ".ics", ".svg", ".txt", ".csv")
             and (ORG in p.read_text(encoding="utf-8", errors="replace")
                  or PROJECT in p.read_text(encoding="utf-8", errors="replace"))]
    assert leaks == []
