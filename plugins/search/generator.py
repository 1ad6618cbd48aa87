"""Build the search index of every language and render the search page.

The documents are made from the registry, from the same entries as the pages, so search can never drift from
the site. A language's index is a group of files (`search/*.js` under its root) reused as a whole from the
cache while no indexed entry changed; otherwise it is built again, the languages in parallel.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from labo_site.generator import LaboGenerator
from labo_site.writer import digest

from . import views
from .index import search_files
from .text import STEMMER_NAMES

logger = logging.getLogger(__name__)


class SearchGenerator(LaboGenerator):
    section = "search"

    def generate_output(self, writer) -> None:
        kinds = views.indexed_kinds(self.context["SECTIONS"])
        entries = [entry for kind in kinds for entry in self.registry.kind(kind)]
        key = (kinds, [self.site.near(e) for e in entries])
        built: dict[str, dict[str, bytes]] = {}

        def produce(lang: str) -> dict[str, bytes]:
            if not built:  # every language that needs it, at once, on every core
                built.update(self._build(writer, key))
            return built[lang]

        for lang in self.languages:
            if lang not in STEMMER_NAMES:
                # info, not warning: the build runs with --fatal warnings, and this search still works
                logger.info("search: no stemmer for %r; its words are matched folded, not stemmed", lang)
            self.write_group(writer, self.lang_prefix(lang) + views.SEARCH_FOLDER, (key, lang),
                             lambda lang=lang: produce(lang))
            self.page(writer, lang, views.PAGE_PATH, "search.html", lambda lang=lang: {
                "page_title": self.translate(lang, views.N_("Search")),
                "SEARCH_URL_PREFIX": views.SEARCH_URL_PREFIX})

    def _build(self, writer, key) -> dict[str, dict[str, bytes]]:
        with self.site.timings.phase("search"):
            kinds = views.indexed_kinds(self.context["SECTIONS"])
            docs = views.documents(self.registry, kinds, self.languages, self.site.taxonomy, self.translate)
            processes = self.settings.get("LABO_RENDER_PROCESSES") or min(2, os.cpu_count() or 1)
            return build_indexes(docs, int(processes))


PARALLEL_THRESHOLD = 400  # documents, all languages together: below this a fork costs more than it saves
_JOBS: dict[str, list[dict]] = {}  # read by forked workers (copy-on-write, nothing pickled on the way in)


def _build(lang: str) -> dict[str, bytes]:
    return search_files(_JOBS[lang], lang, views.SEARCH_URL_PREFIX, allow_unstemmed=True)[0]


def build_indexes(docs: dict[str, list[dict]], processes: int) -> dict[str, dict[str, bytes]]:
    """Each language's index files ({lang: {name: bytes}}), the languages in parallel on up to `processes`
    forked processes when the site is big enough; an error in one is raised here."""
    workers = min(processes, len(docs))
    _JOBS.update(docs)
    try:
        if workers < 2 or sum(len(d) for d in docs.values()) < PARALLEL_THRESHOLD \
                or "fork" not in multiprocessing.get_all_start_methods():
            return {lang: _build(lang) for lang in docs}
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {lang: pool.submit(_build, lang) for lang in docs}
            return {lang: future.result() for lang, future in futures.items()}
    finally:
        _JOBS.clear()


__all__ = ["PARALLEL_THRESHOLD", "SearchGenerator", "build_indexes", "digest"]
