"""Parsing ahead on a cold cache: the files are parsed in several processes first, and the build is the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import FIXED_EPOCH, build_site, copy_content
from tests.content_model.cmkit import TODAY, org, write_site
from tests.support.reproducible import diff_trees

from content_model.cache import Cache
from content_model.limits import Limits
from content_model.validate import markdown_files, parse_uncached, parsed_share, validate_site


def test_good_files_are_kept_and_broken_hidden_or_linked_ones_left_to_validation(tmp_path: Path) -> None:
    content = write_site(tmp_path / "content", {
        "organisations/good.md": org("Good"),
        "organisations/sub/nested.md": org("Nested"),
        "organisations/broken.md": "---\nname: [unclosed\n---\n",
        "organisations/.hidden.md": org("Hidden"),
        "organisations/_drafts/draft.md": org("Draft"),
    })
    os.symlink(content / "organisations/good.md", content / "organisations/link.md")
    os.mkfifo(content / "organisations/pipe.md")  # would block a reader
    limits = Limits.from_settings(None)
    paths = markdown_files(content, limits)
    assert [p.relative_to(content).as_posix() for p in paths] == [
        "organisations/broken.md", "organisations/good.md", "organisations/sub/nested.md"]

    cache = Cache(tmp_path / "cache")
    assert parsed_share(paths, limits, cache) == 0
    parsed = list(parse_uncached(paths, limits, cache))
    assert sorted(fm.data["name"] for fm in parsed) == ["Good", "Nested"]  # the broken file is skipped
    cache.save_records()
    assert parsed_share(paths, limits, Cache(tmp_path / "cache")) == pytest.approx(2 / 3)
    assert list(parse_uncached(paths, limits, Cache(tmp_path / "cache"))) == []  # nothing new the second time

    # Validation finds the kept parses and still reports every problem, the broken file's too.
    report = validate_site(content, today=TODAY, cache=Cache(tmp_path / "cache"))
    assert any(p.path.endswith("broken.md") for p in report.problems)
    assert any(p.path.endswith("link.md") for p in report.problems)
    assert any(p.path.endswith("pipe.md") for p in report.problems)


@pytest.mark.slow
def test_a_build_that_parses_ahead_writes_the_shipped_site(tmp_path: Path, shipped_site: Path) -> None:
    content = copy_content(tmp_path)
    out = tmp_path / "out"
    done = build_site(content, out, epoch=FIXED_EPOCH, seeded=False,
                      extra={"LABO_PARSE_AHEAD_FILES": 1, "LABO_RENDER_PROCESSES": 2})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "parse ahead" in done.stderr  # it ran (the timings name it only then)
    differences = diff_trees(shipped_site, out)
    assert not differences, "\n".join(differences[:20])
