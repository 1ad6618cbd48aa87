"""The languages' indexes built in parallel: the same bytes as one after another, and errors still raised."""

from __future__ import annotations

import sys

import pytest
from search_helpers import HERE

sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parents[1] / "plugins"))

from benchmarks.search_corpus import synthetic_docs  # noqa: E402

from search.generator import PARALLEL_THRESHOLD, build_indexes  # noqa: E402
from search.index import SearchIndexError  # noqa: E402


def test_parallel_languages_make_the_same_bytes_as_serial() -> None:
    docs = {"fr": synthetic_docs(PARALLEL_THRESHOLD // 2 + 50, seed=3),
            "en": synthetic_docs(PARALLEL_THRESHOLD // 2 + 50, seed=4, lang="en")}
    serial = build_indexes(docs, 1)
    parallel = build_indexes(docs, 2)
    assert serial == parallel
    assert set(serial) == {"fr", "en"}
    assert len(serial["fr"]) > 50 and "manifest.js" in serial["en"]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_bad_document_fails_the_build_from_a_worker_too(processes: int) -> None:
    good = synthetic_docs(PARALLEL_THRESHOLD, seed=5)
    bad = [dict(d) for d in good]
    del bad[7]["title"]
    with pytest.raises(SearchIndexError, match=r"document 7 \('organisation-00007'\): missing or not text: title"):
        build_indexes({"fr": good, "en": bad}, processes)
