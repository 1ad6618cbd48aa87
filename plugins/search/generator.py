"""Build the search index of every language and render the search page.

The documents are computed once in generate_context (from the registry, after labo_site has read every
body); generate_output writes each language's index under `<language root>/search/` and queues
`recherche.html`. The index is written at build time from the same registry as the pages, so search can
never drift from the site.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pelican.generators import Generator

from labo_site.generator import LaboMixin

from . import views
from .index import build_search_index
from .text import STEMMER_NAMES

logger = logging.getLogger(__name__)


class SearchGenerator(LaboMixin, Generator):
    section = "search"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        started = time.perf_counter()
        kinds = views.indexed_kinds(self.context["SECTIONS"])
        taxonomy = self.context["taxonomy"]
        self.documents = views.documents(self.registry, kinds, self.languages, taxonomy, self.translate)
        self.context["SEARCH_STATS"] = {}
        self.context["LABO_TIMINGS"]["search"] = time.perf_counter() - started

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        jobs = {}
        for lang in self.languages:
            if lang not in STEMMER_NAMES:
                # info, not warning: the build runs with --fatal warnings, and this search still works
                logger.info("search: no stemmer for %r; its words are matched folded, not stemmed", lang)
            folder = Path(self.output_path) / self.lang_prefix(lang) / views.SEARCH_FOLDER
            jobs[lang] = (self.documents[lang], folder)
        processes = self.settings.get("LABO_RENDER_PROCESSES") or min(2, os.cpu_count() or 1)
        self.context["SEARCH_STATS"].update(build_indexes(jobs, int(processes)))
        for lang in self.languages:
            self.render(writer, lang, views.PAGE_PATH, "search.html",
                        page_title=self.translate(lang, views.N_("Search")),
                        SEARCH_URL_PREFIX=views.SEARCH_URL_PREFIX)
        self.context["LABO_TIMINGS"]["search"] += time.perf_counter() - started


PARALLEL_THRESHOLD = 400  # documents, all languages together: below this a fork costs more than it saves
_JOBS: dict[str, tuple[list[dict], Path]] = {}  # read by forked workers (copy-on-write, nothing pickled)


def _build(lang: str) -> dict:
    docs, folder = _JOBS[lang]
    return build_search_index(docs, lang, folder, views.SEARCH_URL_PREFIX, allow_unstemmed=True)


def build_indexes(jobs: dict[str, tuple[list[dict], Path]], processes: int) -> dict[str, dict]:
    """Write each language's index (documents, folder); the languages in parallel on up to `processes`
    forked processes when the site is big enough. Returns the figures of each, by language."""
    workers = min(processes, len(jobs))
    if workers < 2 or sum(len(docs) for docs, _ in jobs.values()) < PARALLEL_THRESHOLD \
            or "fork" not in multiprocessing.get_all_start_methods():
        _JOBS.update(jobs)
        try:
            return {lang: _build(lang) for lang in jobs}
        finally:
            _JOBS.clear()
    _JOBS.update(jobs)
    try:
        # The workers fork at the first submit, after _JOBS is filled; an error in one is raised here.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {lang: pool.submit(_build, lang) for lang in jobs}
            return {lang: future.result() for lang, future in futures.items()}
    finally:
        _JOBS.clear()
