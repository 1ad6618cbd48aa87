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

    def add(self, out: str, template: Template, context: dict) -> None:
        if out in self._paths:
            raise DuplicatePageError(f"labo_site: two pages would be written to {out}")
        self._paths.add(out)
        self.jobs.append((out, template, context))

    def __len__(self) -> int:
        return len(self.jobs)

    def flush(self) -> None:
        jobs, self.jobs = self.jobs, []
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
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(html)
