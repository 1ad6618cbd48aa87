"""Build the offline search index: lunr scores, prefix shards, classic scripts.

Decision: lunr.js 2.3.9 queried over an index prebuilt by lunr.py 0.8.0,
split into prefix shards; not MiniSearch 7.2.0. Measured by
``benchmarks/search_bench.py`` (synthetic French entries: title, kind,
country, ~40-word summary; raw = what a reader loads from file://):

  docs    layout                          total raw / gzip     one query loads
  1,000   lunr, sharded (chosen)          656 KB / 238 KB      31 KB mean, 35 KB max
  1,000   lunr.py index, one file         1.3 MB / 291 KB      all of it
  1,000   MiniSearch, built in browser    773 KB / 133 KB      all of it (+ indexing)
  1,000   MiniSearch, serialised          757 KB / 157 KB      all of it
  10,000  lunr, sharded (chosen)          6.4 MB / 2.0 MB      42 KB mean, 62 KB max (0.7 %)
  10,000  lunr.py index, one file         13 MB / 3.2 MB       all of it
  10,000  MiniSearch, built in browser    7.7 MB / 1.3 MB      all of it (+ 0.7-6 s indexing)
  10,000  MiniSearch, serialised          8.0 MB / 1.8 MB      all of it
  10,000  MiniSearch, sharded (estimate)  -                    322 KB mean, 346 KB max

Build: 0.7 s CPU for 1,000 entries, 6 s for 10,000 (per language).

Why lunr:
- Chunking is what makes 10,000 entries usable, and lunr shards are
  self-contained: lunr bakes BM25 (global idf, field lengths, field boosts)
  into per-document field vectors at build time, so a shard of terms carries
  exact final scores (a test checks them against lunr.py's whole index).
  MiniSearch scores at query time from every document's field lengths: a
  sharded MiniSearch must load a 270 KB table of them for 10,000 entries
  before any query, hence 8x the bytes per query.
- Whole, either index is megabytes raw, and MiniSearch built in the browser
  loads every document and indexes it before the first result.
- The browser does no indexing; search.js builds a small lunr.Index over the
  shards a query needs (manifest 5 KB once, then a few KB per shard).

What lunr's own pipeline could not give, and is done here instead:
stemming. lunr-languages' ``lunr.fr.js`` disagrees with snowballstemmer
3.1.1 (``-aise``, ``-oux``, ``ï``) and lunr.py's English Porter stemmer
disagrees with lunr.js, so both sides run the same Snowball program
(``snowball_js.py`` translates it) through the rules in ``text.py``, and
lunr only sees finished terms.

Files written under ``out_dir`` (all ``LaboSearch.add({...})`` scripts, UTF-8,
sorted keys, no timestamps):
- ``manifest.js``: fields, kinds with their document ranges, countries, shard
  keys, document-store shard size;
- ``t-<key>.js``: the postings of the terms starting with ``key`` as
  ``[field, doc, score, doc-delta, score, ...]`` (scores in thousandths,
  lunr's own precision);
- ``d-<n>.js``: documents ``n * STORE_SIZE`` onwards: url, title, kind,
  country, snippet.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import logging
import math
import os
import pathlib
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Protocol

from .shards import file_stem, partition
from .text import FIELDS, STOP_WORDS, Analyser, stemmer_name

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
#: The analysis code (tokens, folding, stemming): cached terms of a document are used by the same code only.
ANALYSER_VERSION = hashlib.sha256(pathlib.Path(__file__).with_name("text.py").read_bytes()).hexdigest()[:16] + \
    f"-snowball-{importlib.metadata.version('snowballstemmer')}"
# Kinds in the order the site presents them; documents are numbered in this
# order so a type filter is a range test on the document number.
KIND_ORDER = ("organisation", "project", "event", "service", "tender", "news", "page")
STORE_SIZE = 12  # documents per store shard (~3.5 KB): the 10 results shown touch up to 10 shards
SHARD_BUDGET = 12_000  # bytes of postings per term shard before it splits
SNIPPET_CHARS = 180
MIN_PREFIX = 3  # shorter words are matched whole, not as prefixes
REQUIRED_KEYS = ("id", "url", "kind", "kind_label", "title", "country", "text", "extra")
_OWN_FILE = re.compile(r"(manifest|t-[a-z0-9-]+|d-\d+)\.js")


class SearchIndexError(ValueError):
    """A document given to the index builder is unusable."""


def build_search_index(
    docs: list[dict], lang: str, out_dir: pathlib.Path, url_prefix: str,
    *, allow_unstemmed: bool = False,
) -> dict:
    """Write the search files for one language and return their size figures.

    ``docs``: dicts with id, url (relative to the language root), kind,
    kind_label, title, country (localised name or ""), text (plain), extra.
    ``out_dir``: folder to write, e.g. ``output/fr/search``; files of ours
    left there by an earlier build are removed.
    ``url_prefix``: URL of ``out_dir`` relative to the language root, e.g.
    ``"search/"``; search.js loads ``LANG_ROOT + url_prefix + file``.
    ``allow_unstemmed``: index a language with no stemmer here (words folded,
    not stemmed) instead of raising ValueError.
    Returns ``{"lang", "docs", "terms", "files", "raw_bytes", "gzip_bytes",
    "index_files", "store_files", "manifest"}``.
    """
    files, stats = search_files(docs, lang, url_prefix, allow_unstemmed=allow_unstemmed)
    stats.update(_write(files, pathlib.Path(out_dir)))
    logger.info(
        "search: %s: %d documents, %d terms, %d files, %d bytes (%d gzip)",
        lang, stats["docs"], stats["terms"], stats["files"],
        stats["raw_bytes"], stats["gzip_bytes"],
    )
    return stats


def search_files(
    docs: list[dict], lang: str, url_prefix: str, *, allow_unstemmed: bool = False,
    terms: TermsCache | None = None,
) -> tuple[dict[str, bytes], dict]:
    """The files of one language's index, {file name: bytes}, and figures about them (no sizes). `terms`: where
    the analysed terms of a document are kept by its text (stemming is most of the work; a rebuild after one
    edit then analyses one document)."""
    ordered = _order(_checked(docs))
    encoded = {term: _encode_term(rows)
               for term, rows in _term_rows(_scored(ordered, Analyser(lang, allow_unstemmed), terms))}
    shards = partition(encoded, lambda t: len(t) + len(encoded[t]) + 6, SHARD_BUDGET)

    files: dict[str, object] = {}
    for key, shard_terms in shards.items():
        name = file_stem(key)
        files[name] = _terms_chunk(name, shard_terms, encoded)
    countries = sorted({d["country"] for d in ordered if d["country"]})
    for start in range(0, len(ordered), STORE_SIZE):
        name = f"d-{start // STORE_SIZE}"
        rows = [_store_row(d, countries) for d in ordered[start : start + STORE_SIZE]]
        files[name] = {"type": "docs", "name": name, "start": start, "docs": rows}
    files["manifest"] = _manifest(ordered, lang, url_prefix, countries, list(shards))
    stats = {"lang": lang, "docs": len(ordered), "terms": len(encoded), "index_files": len(shards),
             "store_files": -(-len(ordered) // STORE_SIZE), "manifest": url_prefix + "manifest.js"}
    return {f"{name}.js": data if isinstance(data, bytes) else render_chunk(data)
            for name, data in sorted(files.items())}, stats


def _checked(docs: Iterable[dict]) -> list[dict]:
    docs = list(docs)
    problems = []
    seen: set[str] = set()
    for n, doc in enumerate(docs):
        missing = [k for k in REQUIRED_KEYS if not isinstance(doc.get(k), str)]
        if missing:
            problems.append(f"document {n} ({doc.get('id')!r}): missing or not text: {', '.join(missing)}")
        elif doc["id"] in seen:
            problems.append(f"document {n}: duplicate id {doc['id']!r}")
        else:
            seen.add(doc["id"])
    if problems:
        raise SearchIndexError("search: " + "; ".join(problems))
    return docs


def _order(docs: list[dict]) -> list[dict]:
    rank = {kind: n for n, kind in enumerate(KIND_ORDER)}
    return sorted(
        docs,
        key=lambda d: (rank.get(d["kind"], len(rank)), d["kind"], d["title"].casefold(), d["id"]),
    )


class TermsCache(Protocol):
    def get(self, key: bytes) -> list[list[str]] | None: ...
    def put(self, key: bytes, value: list[list[str]]) -> None: ...


def _analysed(doc: dict, analyse: Analyser, terms: TermsCache | None) -> dict[str, list[str]]:
    extra = " ".join((doc["extra"], doc["country"], doc["kind_label"]))
    texts = (doc["title"], extra, doc["text"])
    key = None
    if terms is not None:
        key = hashlib.sha256(json.dumps([analyse.lang, ANALYSER_VERSION, *texts]).encode()).digest()
        found = terms.get(key)
        if found is not None:
            return dict(zip(("title", "extra", "text"), found, strict=True))
    fields = [analyse(text) for text in texts]
    if terms is not None:
        terms.put(key, fields)
    return dict(zip(("title", "extra", "text"), fields, strict=True))


#: lunr.Builder's BM25 parameters (lunr.js 2.3.9 and lunr.py 0.8.0 defaults).
K1, B = 1.2, 0.75


def _lunr_postings(docs: list[dict], analyse: Analyser, terms: TermsCache | None = None) -> dict[str, list[list]]:
    """Score every (term, field, document) as lunr.Builder does; return term -> rows.

    A row is ``[field id, doc, score, doc delta, score, ...]``: documents ascending and delta-encoded, scores in
    thousandths (lunr rounds to 3 places). The arithmetic is lunr's ``Builder._create_field_vectors`` operation for
    operation (see `_scored`), so the floats are the same bits (tests/search compares them with lunr's own
    vectors)."""
    return dict(_term_rows(_scored(docs, analyse, terms)))


def _scored(docs: list[dict], analyse: Analyser, terms: TermsCache | None = None) -> dict[tuple[str, int], array]:
    """(term, field id) -> the documents that hold it with their scores, as an array of document, score, document,
    score… (documents ascending; scores in thousandths).

    The arithmetic is lunr's ``Builder._create_field_vectors`` (idf as ``lunr.idf``, averages as
    ``_calculate_average_field_lengths``, BM25, field then document boost, rounded as it rounds). What is not kept is
    lunr's inverted index of one empty dict per posting: a count of the (field, document) pairs of each term is all
    the idf needs. Memory is what an index of 10,000 organisations is made of (millions of postings): each
    document's term counts are kept as its terms (interned: one string per word of the site) and an array of
    counts, and the scores as arrays of machine integers, about a sixth of the dicts and tuples they replace.
    """
    if not docs:
        return {}  # lunr divides by the document count
    names = [name for name, _boost in FIELDS]
    counts: list[list | None] = []  # per document, per field: (terms in first-seen order, their frequencies)
    with_term: Counter = Counter()  # term -> (field, document) pairs that hold it
    totals = [0] * len(names)
    intern = sys.intern
    for doc in docs:
        fields = _analysed(doc, analyse, terms)
        per_field = []
        for i, name in enumerate(names):
            frequencies = Counter(fields[name])
            with_term.update(frequencies.keys())
            totals[i] += len(fields[name])
            per_field.append((tuple(intern(term) for term in frequencies), array("l", frequencies.values())))
        counts.append(per_field)
    n = len(docs)
    averages = [total / n for total in totals]
    idfs = {term: math.log(1 + abs((n - found + 0.5) / (found + 0.5))) for term, found in with_term.items()}
    scores: dict[tuple[str, int], array] = {}
    for ref, per_field in enumerate(counts):
        for field_id, (field_terms, frequencies) in enumerate(per_field):
            field_length = sum(frequencies)
            average, field_boost = averages[field_id], FIELDS[field_id][1]
            for term, tf in zip(field_terms, frequencies, strict=True):
                score = idfs[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (field_length / average)) + tf)
                score *= field_boost
                score *= 1  # lunr's document boost, 1 for every document here
                found = scores.get((term, field_id))
                if found is None:
                    found = scores[(term, field_id)] = array("l")
                found.append(ref)
                found.append(round(round(score, 3) * 1000))
        counts[ref] = None  # this document's counts are no longer needed
    return scores


def _row(field_id: int, pairs: array) -> list:
    """A posting row from `_scored`'s array: ``[field id, doc, score, doc delta, score, ...]``."""
    row: list = [field_id]
    previous = 0
    for i in range(0, len(pairs), 2):
        doc = pairs[i]
        row += [doc - previous, pairs[i + 1]]
        previous = doc
    return row


def _term_rows(scores: dict[tuple[str, int], array]) -> Iterator[tuple[str, list[list]]]:
    """(term, its rows), term by term in order, from `_scored`'s arrays, each dropped once its rows are made: the rows
    of the whole index are never held at once by a caller that encodes them as they come."""
    for term, keys in groupby(sorted(scores), key=itemgetter(0)):
        yield term, [_row(field_id, scores.pop((term, field_id))) for _term, field_id in keys]


def _encode_term(rows: list[list]) -> str:
    return json.dumps(rows, separators=(",", ":"))


def _store_row(doc: dict, countries: list[str]) -> list:
    country = countries.index(doc["country"]) if doc["country"] else -1
    return [doc["url"], doc["title"], doc["kind"], country, _snippet(doc["text"])]


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > SNIPPET_CHARS // 2 else SNIPPET_CHARS].rstrip(" ,;:.") + "…"


def _manifest(docs, lang, url_prefix, countries, keys) -> dict:
    kinds = []
    for n, doc in enumerate(docs):
        if kinds and kinds[-1]["code"] == doc["kind"]:
            kinds[-1]["end"] = n + 1
        else:
            kinds.append({"code": doc["kind"], "label": doc["kind_label"], "start": n, "end": n + 1})
    return {
        "type": "manifest",
        "name": "manifest",
        "version": FORMAT_VERSION,
        "lang": lang,
        "urlPrefix": url_prefix,
        "fields": [name for name, _boost in FIELDS],
        "docCount": len(docs),
        "storeSize": STORE_SIZE,
        "minPrefix": MIN_PREFIX,
        "stemmer": stemmer_name(lang),
        "stopWords": sorted(STOP_WORDS.get(lang, ())),
        "kinds": kinds,
        "countries": countries,
        "shards": keys,
    }


def render_chunk(data: object) -> bytes:
    """One data file: a classic script, because fetch() fails from file://."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"LaboSearch.add({body});\n".encode()


def _terms_chunk(name: str, terms: Iterable[str], encoded: dict[str, str]) -> bytes:
    """render_chunk({"type": "terms", "name": name, "terms": {term: rows}}), byte for byte, from each term's rows
    already encoded: the rows are never decoded again."""
    pairs = ",".join(f"{json.dumps(term, ensure_ascii=False)}:{encoded[term]}" for term in sorted(terms))
    body = f'{{"name":{json.dumps(name, ensure_ascii=False)},"terms":{{{pairs}}},"type":"terms"}}'
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"LaboSearch.add({body});\n".encode()


def _write(files: dict[str, bytes], out_dir: pathlib.Path) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.iterdir():
        if old.is_file() and _OWN_FILE.fullmatch(old.name) and old.name not in files:
            old.unlink()
    raw = gz = 0
    for name, data in sorted(files.items()):
        path = out_dir / name
        if not path.exists() or path.read_bytes() != data:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)  # readers see the old file or the new, never half
        raw += len(data)
        gz += len(gzip.compress(data, compresslevel=9, mtime=0))
    return {"files": len(files), "raw_bytes": raw, "gzip_bytes": gz}
