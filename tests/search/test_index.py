"""The index files: deterministic, chunked so a query loads little, scored as lunr scores."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from search_helpers import HERE, doc, run_js

sys.path.insert(0, str(HERE.parents[1]))

from benchmarks.search_corpus import synthetic_docs  # noqa: E402
from lunr.builder import Builder  # noqa: E402

from search.index import (  # noqa: E402
    FIELDS,
    STORE_SIZE,
    SearchIndexError,
    _lunr_postings,
    _order,
    build_search_index,
)
from search.shards import file_stem, partition, shard_for_term, shards_for_prefix  # noqa: E402
from search.text import Analyser  # noqa: E402


class _AnalysedBuilder(Builder):
    """lunr.py's own Builder fed with finished terms (the site's analysis), to compare with lunr itself."""

    def add_terms(self, ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[ref] = {}
        self.document_count += 1
        index = self.inverted_index
        for field_name in self._fields:
            terms = fields[field_name]
            field_ref = f"{field_name}/{ref}"
            frequencies = Counter(terms)
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(terms)
            for term in frequencies:
                posting = index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    index[term] = posting
                posting[field_name][ref] = {}


def _chunk(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("LaboSearch.add(") and text.endswith(");\n")
    return json.loads(text[len("LaboSearch.add(") : -3])


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, dict, list[dict]]:
    docs = synthetic_docs(3000, seed=11)
    out = tmp_path_factory.mktemp("big") / "search"
    return out, build_search_index(docs, "fr", out, "search/"), docs


def test_output_is_byte_identical_whatever_the_input_order(tmp_path: Path) -> None:
    docs = synthetic_docs(300, seed=3)
    first, second = tmp_path / "a", tmp_path / "b"
    stats_a = build_search_index(docs, "fr", first, "search/")
    stats_b = build_search_index(list(reversed(docs)), "fr", second, "search/")
    files_a = sorted(p.name for p in first.iterdir())
    assert files_a == sorted(p.name for p in second.iterdir())
    for name in files_a:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert stats_a == stats_b
    assert stats_a["files"] == len(files_a)


def test_a_rebuild_removes_its_stale_files_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "search"
    build_search_index(synthetic_docs(300), "fr", out, "search/")
    (out / "keep-me.txt").write_text("not ours")
    stats = build_search_index(synthetic_docs(20), "fr", out, "search/")
    names = {p.name for p in out.iterdir()}
    assert "keep-me.txt" in names
    assert len(names) == stats["files"] + 1
    manifest = _chunk(out / "manifest.js")
    assert manifest["docCount"] == 20 and manifest["urlPrefix"] == "search/"


def test_a_language_without_documents_gets_an_empty_working_index(tmp_path: Path) -> None:
    stats = build_search_index([], "en", tmp_path / "search", "search/")
    assert stats["files"] == 1 and stats["docs"] == 0
    result = run_js(tmp_path / "search", tmp_path, queries=[{"q": "cooperative"}])["queries"][0]
    assert result["total"] == 0 and result["loaded"] == []


def test_documents_are_checked_and_every_problem_reported(tmp_path: Path) -> None:
    good = doc("a", "organisation", "A", "text")
    no_title = dict(good, id="b", title=None)
    with pytest.raises(SearchIndexError) as err:
        build_search_index([good, no_title, dict(good)], "fr", tmp_path, "search/")
    message = str(err.value)
    assert "document 1 ('b'): missing or not text: title" in message
    assert "document 2: duplicate id 'a'" in message


def test_every_term_lives_in_exactly_the_shard_the_browser_will_ask_for(big) -> None:
    out, _stats, _docs = big
    manifest = _chunk(out / "manifest.js")
    keys = manifest["shards"]
    seen: set[str] = set()
    for key in keys:
        terms = _chunk(out / f"{file_stem(key)}.js")["terms"]
        for term in terms:
            assert shard_for_term(keys, term) == key, term
            assert key in shards_for_prefix(keys, term[:3]), term
        assert not seen & set(terms)
        seen |= set(terms)
    assert len(seen) > 1000


def test_partition_splits_a_crowded_prefix_and_keeps_a_rare_one_whole() -> None:
    terms = [f"co{c}{i}" for c in "abcdef" for i in range(50)] + ["zebre", "zinc", "co"]
    shards = partition(terms, lambda t: 100, budget=2000)
    assert shards["z"] == ["zebre", "zinc"]
    assert shards["co"] == ["co"]
    assert all(len(v) * 100 <= 2000 or len(k) == 6 for k, v in shards.items())
    assert sorted(t for v in shards.values() for t in v) == sorted(terms)
    keys = list(shards)
    assert shards_for_prefix(keys, "coa") == [k for k in shards if k.startswith("coa")]
    assert shards_for_prefix(keys, "zeb") == ["z"]
    assert shard_for_term(keys, "coa7x") == "coa7" and shard_for_term(keys, "cox") is None


def test_odd_shard_keys_get_safe_distinct_file_names() -> None:
    assert file_stem("co") == "t-co"
    assert file_stem("ã") == "t-u-c3a3"
    assert file_stem("u") != file_stem("u-")


def test_a_query_loads_only_its_shards_and_the_store_of_the_results_shown(big, tmp_path: Path) -> None:
    out, stats, _docs = big
    keys = _chunk(out / "manifest.js")["shards"]
    analyse = Analyser("fr")
    queries = [{"q": "coopérative karité", "show": 10}, {"q": "microfin", "show": 10}]
    results = run_js(out, tmp_path, queries=queries)["queries"]
    # whole words: the shard of each term; the word being typed also as a prefix
    expected_terms = [
        {file_stem(shard_for_term(keys, t)) for t in analyse("coopérative karité") if shard_for_term(keys, t)}
        | {file_stem(k) for p in ["karite", *analyse("karité")] for k in shards_for_prefix(keys, p)},
        {file_stem(k) for p in ["microfin", *analyse("microfin")] for k in shards_for_prefix(keys, p)},
    ]
    total = sum(p.stat().st_size for p in out.iterdir())
    for result, terms in zip(results, expected_terms, strict=True):
        assert result["total"] > 0
        stores = {f"d-{ref // STORE_SIZE}" for ref in result["refs"][:10]}
        assert set(result["loaded"]) == terms | stores  # the manifest came once, before
        assert result["loadedBytes"] < 0.06 * total, (result["loadedBytes"], total)
    assert stats["raw_bytes"] == total


def test_sharded_scores_equal_lunr_py_scores_over_the_whole_index(big, tmp_path: Path) -> None:
    """lunr.py's own index of every document, queried in Python, ranks as the shards do in JS."""
    out, _stats, docs = big
    analyse = Analyser("fr")
    builder = _AnalysedBuilder()
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for n, d in enumerate(_order(docs)):
        extra = " ".join((d["extra"], d["country"], d["kind_label"]))
        builder.add_terms(str(n), {"title": analyse(d["title"]), "extra": analyse(extra), "text": analyse(d["text"])})
    whole = builder.build()
    query = whole.create_query()
    for term in analyse("épargne"):
        query.term(term, use_pipeline=False, boost=10)
    expected = [(int(r["ref"]), round(r["score"], 6)) for r in whole.query(query)]
    got = run_js(out, tmp_path, queries=[{"q": "épargne ", "show": 0}])["queries"][0]  # space: no prefix
    assert len(expected) > 20
    assert list(zip(got["refs"], [round(s, 6) for s in got["scores"]], strict=True)) == expected


def test_type_filter_keeps_only_the_chosen_kinds(big, tmp_path: Path) -> None:
    out, _stats, docs = big
    manifest = _chunk(out / "manifest.js")
    projects = next(k for k in manifest["kinds"] if k["code"] == "project")
    result = run_js(out, tmp_path, queries=[{"q": "formation", "kinds": ["project"]}])["queries"][0]
    assert result["total"] == result["counts"]["project"] > 0
    assert all(projects["start"] <= ref < projects["end"] for ref in result["refs"])
    assert all(d["kind"] == "project" and d["kindLabel"] == "Projet" for d in result["docs"])


def test_fast_scores_are_the_bits_of_lunr_own_field_vectors() -> None:
    """`_lunr_postings` replaces lunr's Builder and its Vectors: every score must be the same float."""
    analyse = Analyser("fr")
    docs = _order(synthetic_docs(400, seed=5))
    builder = _AnalysedBuilder()
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for n, d in enumerate(docs):
        extra = " ".join((d["extra"], d["country"], d["kind_label"]))
        builder.add_terms(str(n), {"title": analyse(d["title"]), "extra": analyse(extra), "text": analyse(d["text"])})
    builder._calculate_average_field_lengths()
    builder._create_field_vectors()
    terms = {posting["_index"]: term for term, posting in builder.inverted_index.items()}
    field_ids = {name: i for i, (name, _boost) in enumerate(FIELDS)}
    lunr_own = {(terms[vector.elements[i]], field_ids[ref.split("/")[0]], int(ref.split("/")[1])):
                round(vector.elements[i + 1] * 1000)
                for ref, vector in builder.field_vectors.items() for i in range(0, len(vector.elements), 2)}
    fast = {}
    for term, rows in _lunr_postings(docs, Analyser("fr")).items():
        for row in rows:
            field_id, doc = row[0], 0
            for i in range(1, len(row), 2):
                doc += row[i]
                fast[(term, field_id, doc)] = row[i + 1]
    assert len(fast) > 15_000
    assert fast == lunr_own


def test_the_index_made_in_the_build_process_equals_the_worker_s(tmp_path: Path) -> None:
    """A language with fewer documents than SEARCH["worker_from"] has its index made in the rendering process, a
    larger one by `search.worker` in a new interpreter: the same files, byte for byte, and the same analysed terms
    kept in the build's cache for the next build."""
    import subprocess

    from content_model.cache import Cache
    from search.generator import _index_here, _send
    from search.worker import read_files

    docs = synthetic_docs(120, seed=5)
    here_cache, worker_cache = Cache(tmp_path / "here"), Cache(tmp_path / "worker")
    job = {"lang": "fr", "url_prefix": "search/", "cache": str(worker_cache.root), "build": worker_cache.build}
    here = list(_index_here(job, iter(docs), here_cache))
    here_cache.save_records()
    worker = subprocess.Popen([sys.executable, "-m", "search.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=HERE.parents[1] / "plugins")
    _send(worker.stdin, job, iter(docs))
    from_worker = list(read_files(worker.stdout))
    worker.stdout.close()
    assert worker.wait() == 0
    assert [name for name, _ in here] == [name for name, _ in from_worker]
    assert here == from_worker
    assert len(here) > 10
    kept = [sorted(value for (value,) in cache._records().execute("SELECT value FROM records"))
            for cache in (here_cache, worker_cache)]  # the analysed terms of each document, for the next build
    assert len(kept[0]) >= len(docs) and kept[0] == kept[1]
