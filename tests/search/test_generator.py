"""The languages' indexes built in parallel: the same bytes as one after another, and errors still raised."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from search_helpers import HERE

sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parents[1] / "plugins"))

from benchmarks.search_corpus import synthetic_docs  # noqa: E402

from search.generator import PARALLEL_THRESHOLD, build_indexes  # noqa: E402
from search.index import SearchIndexError  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_parallel_languages_write_the_same_bytes_as_serial(tmp_path: Path) -> None:
    docs = {"fr": synthetic_docs(PARALLEL_THRESHOLD // 2 + 50, seed=3),
            "en": synthetic_docs(PARALLEL_THRESHOLD // 2 + 50, seed=4, lang="en")}
    serial = build_indexes({lang: (d, tmp_path / "serial" / lang) for lang, d in docs.items()}, 1)
    parallel = build_indexes({lang: (d, tmp_path / "parallel" / lang) for lang, d in docs.items()}, 2)
    assert serial == parallel
    assert serial["fr"]["docs"] == len(docs["fr"]) and serial["en"]["lang"] == "en"
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")
    assert len(_files(tmp_path / "serial")) > 50


@pytest.mark.parametrize("processes", [1, 2])
def test_a_bad_document_fails_the_build_from_a_worker_too(tmp_path: Path, processes: int) -> None:
    good = synthetic_docs(PARALLEL_THRESHOLD, seed=5)
    bad = [dict(d) for d in good]
    del bad[7]["title"]
    jobs = {"fr": (good, tmp_path / "fr"), "en": (bad, tmp_path / "en")}
    with pytest.raises(SearchIndexError, match=r"document 7 \('organisation-00007'\): missing or not text: title"):
        build_indexes(jobs, processes)
