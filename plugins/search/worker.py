"""Build one language's search index in a process of its own: `python -m search.worker` (plugins on sys.path).

Why a new interpreter rather than a forked one: a fork carries the whole build (registry, bodies, views: about
100 MB for 1,000 organisations) and the index adds its own tens of megabytes on top, which made it the peak of
the build's memory. This process holds only lunr, the stemmers and the documents.

Reads JSON on stdin: {"lang", "url_prefix", "docs": [...], "cache": path or null}; writes JSON on stdout:
{file name: text}. The analysed terms of each document are kept in the build's cache (content_model.cache,
area "search-terms"), so a rebuild after one edit analyses one document.
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

    from .index import search_files

    job = json.load(sys.stdin)
    cache = Cache(Path(job["cache"])) if job.get("cache") else None
    cache_build = job.get("build")
    if cache is not None and cache_build is not None:
        cache.build = cache_build  # the records it uses count as used by the build that asked
    files, _stats = search_files(job["docs"], job["lang"], job["url_prefix"], allow_unstemmed=True,
                                 terms=_Terms(cache) if cache is not None else None)
    if cache is not None:
        cache.save_records()
    json.dump({name: data.decode("utf-8") for name, data in files.items()}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
