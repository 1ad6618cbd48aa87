"""Queue every page of a run, then render them all at once, on every core when that pays.

Pelican renders one page after another; pages here do not depend on each other, so once every generator has
queued its pages the queue is split between forked processes (copy-on-write: nothing is pickled). Same
content, same bytes, whatever the number of processes.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback

from jinja2 import Template
from pelican.utils import sanitised_join

logger = logging.getLogger(__name__)
PARALLEL_THRESHOLD = 400  # below this many pages a fork costs more than it saves


class DuplicatePageError(Exception):
    exitcode = 1


class PageQueue:
    def __init__(self, output_path: str, processes: int) -> None:
        self.output_path = output_path
        self.processes = max(1, processes)
        self.jobs: list[tuple[str, Template, dict]] = []
        self._paths: set[str] = set()
        self.cache = None  # a page_cache.PageCache when the content cache is on

    def add(self, out: str, template: Template, context: dict) -> None:
        if out in self._paths:
            raise DuplicatePageError(f"labo_site: two pages would be written to {out}")
        self._paths.add(out)
        self.jobs.append((out, template, context))

    def __len__(self) -> int:
        return len(self.jobs)

    def flush(self) -> None:
        jobs, self.jobs = self.jobs, []
        if self.cache is not None:
            jobs = self._reuse(jobs)
        self._render(jobs)
        if self.cache is not None:
            self._store(jobs)
            self.cache.prune()

    def _reuse(self, jobs: list) -> list:
        """Copy the pages whose key is cached; return those left to render."""
        misses = []
        for job in jobs:
            cached = self.cache.path(job[0])
            if cached.is_file():
                target = sanitised_join(self.output_path, job[0])
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _unlink(target)  # never write through a link into the cache
                try:  # a hard link costs no copy; cached files are replaced, never written in place
                    os.link(cached, target)
                except OSError:  # another file system, or links not supported
                    with open(target, "wb") as f:
                        f.write(cached.read_bytes())
                self.cache.hits += 1
            else:
                misses.append(job)
        return misses

    def _store(self, jobs: list) -> None:
        for out, _template, _context in jobs:
            with open(sanitised_join(self.output_path, out), "rb") as f:
                self.cache.store(out, f.read())

    def _render(self, jobs: list) -> None:
        workers = self.processes if (len(jobs) >= PARALLEL_THRESHOLD and hasattr(os, "fork")) else 1
        children = []
        for index in range(1, workers):
            pid = os.fork()
            if pid == 0:  # child: render its share, report failure through the exit status
                status = 0
                try:
                    self._write_all(jobs[index::workers])
                except BaseException:  # noqa: BLE001 - anything must reach the parent as a status
                    traceback.print_exc()
                    status = 1
                finally:
                    sys.stderr.flush()
                    os._exit(status)
            children.append(pid)
        failed = False
        try:
            self._write_all(jobs[0::workers])
        finally:
            for pid in children:
                _, status = os.waitpid(pid, 0)
                failed = failed or status != 0
        if failed:
            raise RuntimeError("labo_site: a rendering process failed (see the traceback above)")

    def _write_all(self, jobs: list[tuple[str, Template, dict]]) -> None:
        for out, template, context in jobs:
            html = template.render(context)
            path = sanitised_join(self.output_path, out)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _unlink(path)  # the old file may be a hard link to a cached page (pelican -o output, livereload)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(html)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
