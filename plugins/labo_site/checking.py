"""Checking a content folder with the site's settings, on its own (`invoke validate`, the pull-request checks) and
as the first step of the build. Imports no Pelican: `invoke validate` starts faster without it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from content_model.cache import Cache, check_location
from content_model.limits import Limits
from content_model.validate import markdown_files, parse_uncached, parsed_share, validate_site

from . import clock
from .settings import processes

#: Markdown files: below this, forking to parse them costs more than it saves (setting LABO_PARSE_AHEAD_FILES).
PARSE_AHEAD_FILES = 400


def validate(settings: dict, content: Path | None = None, *, cache: Cache | None = None, ahead: bool = True):
    """`validate_site` with the site's settings (languages, examples, limits), the build date, and paths shown
    relative to the working folder: what `invoke validate`, the build and the pull-request checks run. `ahead`:
    on a cold cache, parse the files in several processes first (`parse_ahead`)."""
    content = Path(content or settings["PATH"])
    if ahead and cache is not None:
        parse_ahead(settings, content, cache)
    try:
        shown = os.path.relpath(content)
    except ValueError:  # another drive on Windows
        shown = str(content)
    return validate_site(content, languages=tuple(settings["LANGUAGES"]), today=clock.build_date(),
                         include_examples=settings.get("LABO_INCLUDE_EXAMPLES", True),
                         shown_root=shown if not shown.startswith("..") else str(content),
                         limits=settings.get("LABO_LIMITS"), cache=cache)


def parse_ahead(settings: dict, content: Path, cache: Cache | None, then: Callable | None = None) -> bool:
    """On a cold cache, parse the Markdown files on every core first, into the cache, where validation finds
    them instead of parsing them all in one process; `then(front_matter)` runs on each new parse in the process
    that made it (the build renders the body there). At 10,000 organisations this takes the 23 seconds spent
    before the first page down to 18. Only an optimisation: a process that fails changes nothing but the time,
    and every file is still read and checked by validate_site. Whether it ran."""
    workers = processes(settings)
    if cache is None or workers < 2 or not hasattr(os, "fork"):
        return False
    limits = Limits.from_settings(settings.get("LABO_LIMITS"))
    paths = markdown_files(content, limits)
    if len(paths) < settings.get("LABO_PARSE_AHEAD_FILES", PARSE_AHEAD_FILES) or \
            parsed_share(paths, limits, cache) > 0.5:
        return False

    def share(index: int) -> None:
        for fm in parse_uncached(paths[index::workers], limits, cache):
            if then is not None:
                then(fm)
        cache.save_records()

    # Every share is parsed in a child, the main process only waits: the parses it would make are garbage once in
    # the cache, and they would leave its heap (which holds the registry for the rest of the build) a third larger.
    children = []
    try:
        for index in range(workers):
            pid = os.fork()
            if pid == 0:
                status = 1
                try:
                    share(index)
                    status = 0
                finally:
                    os._exit(status)
            children.append(pid)
    finally:
        for pid in children:
            os.waitpid(pid, 0)
    return True


def cache_of(settings: dict) -> Cache | None:
    """The build's cache (None when LABO_CACHE is False), after checking that Git tracks nothing in it."""
    if not settings.get("LABO_CACHE", True):
        return None
    path = Path(settings["CACHE_PATH"])
    check_location(path, Path(settings["PATH"]).resolve().parent)
    return Cache(path)
