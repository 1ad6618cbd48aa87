"""Build the search index of every language and render the search page and the A–Z index (`az.py`).

The documents are made from the registry, from the same entries as the pages, so search can never drift from
the site. A language's index is a group of files (`search/*.js` under its root) reused as a whole from the
cache while no indexed entry changed; otherwise it is built again by one of the rendering processes, alongside
the pages (so the languages and the pages are made at the same time, on every core).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from content_model.schema import KINDS_BY_NAME
from labo_site import formatting
from labo_site.generator import LaboGenerator
from labo_site.writer import digest

from . import az, views
from . import settings as settings_mod

logger = logging.getLogger(__name__)


class SearchGenerator(LaboGenerator):
    section = "search"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = settings_mod.read(self.settings)  # checked before anything is written

    def generate_output(self, writer) -> None:
        kinds = views.indexed_kinds(self.context["SECTIONS"])
        by_kind = {kind: self.registry.kind(kind) for kind in kinds}
        entries = [entry for kind in kinds for entry in by_kind[kind]]
        key = (kinds, [self.site.near(e) for e in entries])
        # The A–Z index shows each entry as a link does: its path and its title in every language.
        links = {kind: digest([self.site.link(e) for e in by_kind[kind]]) for kind in kinds}
        outputs = {kind: KINDS_BY_NAME[kind].output for kind in kinds}
        if self._here(kinds):  # the rendering processes make the indexes: import lunr and the stemmers once, here
            from . import index  # noqa: F401
        for lang in self.languages:
            self.write_group(writer, self.lang_prefix(lang) + views.SEARCH_FOLDER, (key, lang),
                             lambda lang=lang: self._index(kinds, lang), defer=True)
            index = az.index(by_kind, outputs, lang, inline=self.options["az_inline"],
                             page_size=self.options["az_page_size"])
            self.page(writer, lang, views.PAGE_PATH, "search.html", lambda lang=lang, index=index: {
                "page_title": self.translate(lang, views.N_("Search")),
                "SEARCH_URL_PREFIX": views.SEARCH_URL_PREFIX,
                "az": [kind.hub(lambda message, lang=lang: self.translate(lang, message), lang) for kind in index]},
                deps=(kinds, [links[kind] for kind in kinds]))
            for kind in index:
                self._az_pages(writer, lang, kind, deps=(links[kind.code],))

    def _here(self, kinds: list[str]) -> bool:
        """Whether the indexes are made in the rendering processes rather than by `search.worker` (see
        `_index_here`): fewer documents than SEARCH["worker_from"] in a language."""
        return sum(len(self.registry.kind(kind)) for kind in kinds) < self.options["worker_from"]

    def _az_pages(self, writer, lang: str, kind: az.KindIndex, deps: tuple) -> None:
        """The pages of one kind's A–Z index (none for a kind listed on the search page)."""
        label = self.translate(lang, kind.label)
        title = self.translate(lang, views.N_("A–Z index: {kind}")).format(kind=label)
        previous_initial = None
        for path, chunk, pagination in kind.pages():
            def values(chunk=chunk, pagination=pagination, continued=previous_initial) -> dict:
                return {"page_title": self.numbered_title(lang, title, pagination), "kind_label": label,
                        "groups": az.groups(chunk, continued), "initials": kind.initials(), "ranges": kind.ranges(),
                        "count": formatting.number(len(kind.names), lang), "pagination": pagination,
                        "SEARCH_URL_PREFIX": views.SEARCH_URL_PREFIX}
            self.page(writer, lang, path, "az.html", values, deps=deps)
            previous_initial = chunk[-1].initial if chunk else None

    def _index(self, kinds: list[str], lang: str):
        """The index files of `lang`, built by `search.worker` in a new interpreter (see its docstring): the
        documents are sent one at a time as they are made, the files come back one at a time as (name, bytes)."""
        from .text import STEMMER_NAMES
        from .worker import read_files

        if lang not in STEMMER_NAMES:
            # info, not warning: the build runs with --fatal warnings, and this search still works
            logger.info("search: no stemmer for %r; its words are matched folded, not stemmed", lang)
        cache = self.site.cache
        text_of = _plain_text(cache) if cache is not None else None
        job = {"lang": lang, "url_prefix": views.SEARCH_URL_PREFIX,
               "cache": str(cache.root) if cache is not None else None,
               "build": cache.build if cache is not None else None}
        docs = views.document_stream(self.registry, kinds, lang, self.site.taxonomy, self.translate, text_of)
        if self._here(kinds):
            yield from _index_here(job, docs, cache)
            return
        plugins = str(Path(__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))}
        with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a talkative worker never blocks on it
            worker = subprocess.Popen([sys.executable, "-m", "search.worker"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=errors, env=env)
            try:
                _send(worker.stdin, job, docs)
                if cache is not None:
                    cache.save_records()
                yield from read_files(worker.stdout)
            finally:
                worker.stdout.close()
                status = worker.wait()
            if status != 0:
                errors.seek(0)
                raise RuntimeError(f"search: the index of {lang!r} could not be built:\n"
                                   f"{errors.read().decode('utf-8', 'replace')[-3000:]}")


def _index_here(job: dict, docs, cache):
    """The files `search.worker` would write for `job` and `docs`, made in this process: a new interpreter costs
    0.3 s of CPU before its first document (Python, lunr and the stemmers), which is most of the work for a site
    of a few hundred entries, and what it saves (memory) matters only for large ones. The documents go through
    the same JSON as to the worker, so that both read the same values."""
    from .worker import index_files

    files = index_files(job, [json.loads(json.dumps(doc, ensure_ascii=False)) for doc in docs], cache)
    for name in sorted(files):
        yield name, files.pop(name)


def _send(stdin, job: dict, docs) -> None:
    """The job, then each document, as JSON lines; the worker reads them all before it writes anything."""
    try:
        stdin.write(json.dumps(job).encode("utf-8") + b"\n")
        for doc in docs:
            stdin.write(json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n")
    except BrokenPipeError:
        pass  # the worker stopped: its status and its errors say why
    finally:
        try:
            stdin.close()
        except BrokenPipeError:
            pass


def _plain_text(cache):
    """views.plain_text of a body's HTML, kept in the build's cache by the HTML's digest."""
    version = hashlib.sha256(Path(views.__file__).read_bytes()).digest()

    def text_of(html: str) -> str:
        key = version + hashlib.sha256(html.encode("utf-8")).digest()
        record = cache.get_record("search-text", key)
        if record is not None:
            return record.decode("utf-8")
        text = views.plain_text(html)
        cache.put_record("search-text", key, text.encode("utf-8"))
        return text

    return text_of
