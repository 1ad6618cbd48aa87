"""A rebuild that reuses cached pages writes exactly what a clean build writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import ROOT, build_site, keep_languages

ORG = "content/organisations/cooperative-exemple-maraicheres-koudougou.md"


#: The page cache does not depend on how many languages a site has: these builds make two, French at the root and
#: English in its folder (the shipped Portuguese translations are left out of the copy), a third fewer pages to
#: render seven times over.
LANGUAGES = ["fr", "en"]


def _build(content: Path, out: Path, cache: Path) -> subprocess.CompletedProcess:
    return build_site(content, out, extra={"CACHE_PATH": json.dumps(str(cache)), "LANGUAGES": LANGUAGES}, seeded=False)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _reused(result) -> int:
    match = re.search(r"\((\d+) reused from the page cache\)", result.stderr)
    return int(match[1]) if match else 0


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """The shipped content built once with an empty cache: each edit starts from a copy of its content and
    cache, as a contributor's next build would."""
    base = tmp_path_factory.mktemp("page-cache")
    keep_languages(shutil.copytree(ROOT / "content", base / "content"), LANGUAGES)
    first = _build(base / "content", base / "a", base / "cache")
    assert first.returncode == 0, first.stderr
    assert _reused(first) == 0
    return base


@pytest.mark.slow
@pytest.mark.parametrize("edit", ["summary", "name", "country"])
def test_incremental_build_equals_clean_build(tmp_path, first_build, edit):
    content = shutil.copytree(first_build / "content", tmp_path / "content")
    cache = shutil.copytree(first_build / "cache", tmp_path / "cache")

    path = tmp_path / ORG
    text = path.read_text(encoding="utf-8")
    if edit == "summary":
        text = re.sub(r"^summary: .*$", "summary: Un résumé modifié pour le test.", text, count=1, flags=re.M)
    elif edit == "name":
        text = re.sub(r"^name: .*$", "name: Coopérative renommée de Koudougou", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^country: BF$", "country: NE", text, count=1, flags=re.M)
        text = re.sub(r"^coordinates:\n(  .*\n)+", "", text, flags=re.M)
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")

    incremental = _build(content, tmp_path / "b", cache)
    assert incremental.returncode == 0, incremental.stderr
    clean = _build(content, tmp_path / "c", tmp_path / "fresh-cache")
    assert clean.returncode == 0, clean.stderr
    if edit == "summary":  # a text only its own pages and lists show: most pages are reused
        assert _reused(incremental) > 200
    b, c = _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert sorted(b) == sorted(c)
    differing = [name for name in c if b[name] != c[name]]
    assert differing == [], f"stale pages after a cached rebuild: {differing[:10]}"
