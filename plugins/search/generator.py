"""Build the search index of every language and render the search page.

The documents are computed once in generate_context (from the registry, after labo_site has read every
body); generate_output writes each language's index under `<language root>/search/` and queues
`recherche.html`. The index is written at build time from the same registry as the pages, so search can
never drift from the site.
"""

from __future__ import annotations

import logging
import time
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
        for lang in self.languages:
            if lang not in STEMMER_NAMES:
                # info, not warning: the build runs with --fatal warnings, and this search still works
                logger.info("search: no stemmer for %r; its words are matched folded, not stemmed", lang)
            folder = Path(self.output_path) / self.lang_prefix(lang) / views.SEARCH_FOLDER
            self.context["SEARCH_STATS"][lang] = build_search_index(
                self.documents[lang], lang, folder, views.SEARCH_URL_PREFIX, allow_unstemmed=True)
            self.render(writer, lang, views.PAGE_PATH, "search.html",
                        page_title=self.translate(lang, views.N_("Search")),
                        SEARCH_URL_PREFIX=views.SEARCH_URL_PREFIX)
        self.context["LABO_TIMINGS"]["search"] += time.perf_counter() - started
