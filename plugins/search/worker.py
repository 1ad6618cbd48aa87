"""Build one language's search index in a process of its own: `python -m search.worker` (plugins on sys.path).

Why a new interpreter rather than a forked one: a fork carries the whole build (registry, bodies, views: about
100 MB for 1,000 organisations) and the index adds its own tens of megabytes on top, which made it the peak of
the build's memory. This process holds only lunr, the stemmers and the documents.

A language of fewer than SEARCH["worker_from"] documents has its index made in the rendering process instead
(`search.generator._index_here`), by the same `index_files`: for a small site, starting this interpreter was most of
the work.

Reads JSON lines on stdin: first {"lang", "url_prefix", "cache": path or null, "build"}, then one document per line;
writes each file on stdout as a line "NAME SIZE" followed by its SIZE bytes, in name order. Both ends handle one
document or one file at a time: neither the build nor this process holds the documents as one text, nor the
index as one text (at 10,000 organisations, about 40 MB each way). The analysed terms of each document are kept in
the build's cache (content_model.cache, area "search-terms"), so a rebuild after one edit analyses one document.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


class _Terms:
    """search.index.TermsCache over the build's cache."""

    def __init__(self, cache) -> None:
        self.cache = cache

    def get(self, key: bytes) -> list[list[str]] | None:
        record = self.cache.get_record("search-terms", key)
        return json.loads(record) if record is not None else None

    def put(self, key: bytes, value: list[list[str]]) -> None:
        self.cache.put_record("search-terms", key, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def main() -> int:
    from content_model.cache import Cache

    stdin = sys.stdin.buffer
    job = json.loads(stdin.readline())
    docs = [json.loads(line) for line in stdin]
    cache = Cache(Path(job["cache"])) if job.get("cache") else None
    cache_build = job.get("build")
    if cache is not None and cache_build is not None:
        cache.build = cache_build  # the records it uses count as used by the build that asked
    files = index_files(job, docs, cache)
    del docs
    if cache is not None:
        cache.save_records()
    out = sys.stdout.buffer
    for name in sorted(files):
        data = files.pop(name)
        out.write(b"%s %d\n" % (name.encode("ascii"), len(data)))
        out.write(data)
    out.flush()
    return 0


def index_files(job: dict, docs: list[dict], cache) -> dict[str, bytes]:
    """The files of the index of `job` (its "lang" and "url_prefix"), by name; the documents' analysed terms are
    read from and kept in `cache` (a `content_model.cache.Cache`, or None)."""
    from .index import search_files

    files, _stats = search_files(docs, job["lang"], job["url_prefix"], allow_unstemmed=True,
                                 terms=_Terms(cache) if cache is not None else None)
    return files


def read_files(stream):
    """The (name, bytes) pairs `main` writes, one at a time, from the binary `stream`. ValueError if it is cut."""
    while header := stream.readline():
        name, _, length = header.rstrip(b"\n").rpartition(b" ")
        data = stream.read(int(length))
        if not name or len(data) != int(length):
            raise ValueError("search: the index worker's output is cut short")
        yield name.decode("ascii"), data


if __name__ == "__main__":
    sys.exit(main())
