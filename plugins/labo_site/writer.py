"""The site's Writer: every page goes through it, rendered in parallel, reused when its inputs did not change.

Pelican hands one Writer to every generator's `generate_output` (the `get_writer` signal lets a plugin give
its own). This one keeps Pelican's `write_file`/`write_feed` and adds what a site of tens of thousands of
pages needs:

- `add(page)`: a generator declares a page as a small `Page` (path, template, what it depends on, and a
  function that builds its values). Nothing is rendered yet, so nothing big is held.
- `render_pages()`: renders what is declared. Once a generator has declared its pages, they are rendered
  when the next generator declares its first page (if a batch of STREAM_PAGES is waiting), the last ones when
  the last generator of the site (`labo_site.plugin.GENERATORS` ends with it) calls it: the site is written
  as a stream, a few generators at a time, and no process ever holds the declarations of the whole site.
  (Every value a page shows is in the context before the first page is declared: `generate_context` makes it,
  and the site-wide digest of the page keys, taken then, covers it.) Each page gets a key from what it depends
  on; a page whose key is in the cache is hard-linked from there (no render, no new inode); the others are
  rendered by forked processes (copy-on-write, nothing pickled) that take them a chunk at a time as they
  become free, build their values, render and write them one at a time, so memory does not grow with the
  number of pages. Same content, same bytes, whatever the number of processes.
- `content_written` is sent for every page, in the main process, in the order pages were added, so that
  Pelican plugins listening to it (sitemap, image-process…) see the whole site.
- `write_bytes(out, key, produce)`: the same reuse for files that are not pages (calendars, downloads,
  search shards): `produce()` runs only when the key is not cached.

The `manifest` maps every file written here to a digest of what made it; the offline plugin hashes it into
the service worker's version instead of reading every file back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from .settings import processes

logger = logging.getLogger(__name__)
PARALLEL_THRESHOLD = 200  # pages to render: below this a fork costs more than it saves
# Declared pages are rendered once a generator has finished declaring and this many are waiting: the declarations
# held at once stay a few megabytes, and small generators share a batch, so that the processes seldom wait for one
# another at the end of one (each batch is forked anew, from the build's process as it is then). 1,000 rather
# than 2,000: 1 MB less at the peak of a 1,000-organisation build, and no slower; 500 saves nothing more.
STREAM_PAGES = 1000
PAGES_AREA, FILES_AREA, GROUPS_AREA = "pages", "files", "groups"


class DuplicatePageError(Exception):
    exitcode = 1


class Template:
    """A template of the theme, named when a page is declared and compiled only when a page that uses it is
    rendered: a rebuild that reuses every page of a template never compiles it (0.3 s of a one-edit rebuild)."""

    __slots__ = ("_compiled", "env", "name", "page_name")

    def __init__(self, env, name: str) -> None:
        self.env, self.name = env, name
        self.page_name = name.removesuffix(".html").replace("/", "-")  # `template_name` in the page's values
        self._compiled = None

    def load(self):
        if self._compiled is None:
            self._compiled = self.env.get_template(self.name)
        return self._compiled

    def render(self, values: dict) -> str:
        return self.load().render(values)

    def pieces(self, values: dict) -> Iterator[str]:
        """The page in the pieces Jinja makes it of, to write as they come (`Page.large`)."""
        return self.load().generate(values)


@dataclass(eq=False, slots=True)
class Page:
    """One HTML page of one language, declared now and rendered later.

    `deps` names everything the page shows that can change from one build to the next (digests of entries,
    counts, labels); with the site-wide digest (templates, catalogues, code, settings, build date) it makes
    the page's cache key. `values(page)` builds the template's values only when the page is rendered.
    """

    out: str  # path under the output folder, language prefix included
    template: Template
    context: dict  # the values every page of the site shares (Pelican's context, per-page links)
    values: Callable[[Page], dict]  # called with this page when it is rendered
    deps: tuple = ()
    cached: bool = True  # False: always rendered (a page whose inputs cannot be listed)
    owner: Any = None  # the generator that declared it (its memoised views are dropped once its pages are done)
    # What content_written receivers get besides the path (a dict is made for each only when it is sent: a site
    # declares tens of thousands of pages, and every byte of a declaration is held until the last is rendered).
    lang: str = ""
    path: str = ""  # under the language root
    entry: Any = None
    # A page that grows with the network (every organisation on one page): written piece by piece as Jinja makes
    # it, instead of joined into one string first (the printable directory of 10,000 organisations is 6 MB, and
    # its pieces and their join took 30 MB). Smaller pages are rendered whole: piece by piece costs more time.
    large: bool = False


def digest(*parts: object) -> bytes:
    """A stable digest of small values: bytes, str, numbers, None, and tuples or lists of them."""
    h = hashlib.sha1()
    _feed(h, parts)
    return h.digest()


def _fast(value: object) -> bytes | None:
    """The encoding _feed gives a flat sequence of bytes (most dependencies), without the recursion."""
    if type(value) in (tuple, list) and all(type(item) is bytes for item in value):
        return b"[%d:" % len(value) + b"".join(b"b%d:" % len(item) + item for item in value) + b"]"
    return None


def _feed(h, value: object) -> None:
    if isinstance(value, bytes):
        h.update(b"b%d:" % len(value) + value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        h.update(b"s%d:" % len(data) + data)
    elif value is None or isinstance(value, (bool, int, float)):
        h.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, (tuple, list)):
        flat = _fast(value)
        if flat is not None:
            h.update(flat)
            return
        h.update(b"[%d:" % len(value))
        for item in value:
            _feed(h, item)
        h.update(b"]")
    elif isinstance(value, dict):
        h.update(b"{%d:" % len(value))
        for key in sorted(value):
            _feed(h, key)
            _feed(h, value[key])
        h.update(b"}")
    else:
        raise TypeError(f"labo_site: cannot digest a {type(value).__name__} (give digests, text or numbers)")


class LaboWriter(Writer):
    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        self.pages: list[Page] = []
        self.jobs: list[Callable[[], None]] = []  # files made alongside the pages (write_bytes(defer=True))
        self._paths: set[str] = set()
        self._folders: set[str] = set()
        self.manifest: dict[str, bytes] = {}
        self.cache = None  # content_model.cache.Cache, set by labo_site before the first page
        self.site_digest = b""
        self.processes = processes(settings or {})
        self.reused = 0
        self.rendered = 0
        self.seconds = 0.0  # spent rendering and linking pages (the build summary's "render")
        self._page_names: set[str] = set()  # the cache names of every page key of this build (keep_only)

    # -- declaring -----------------------------------------------------------------------------------

    def add(self, page: Page) -> None:
        if len(self.pages) >= STREAM_PAGES and page.owner is not self.pages[-1].owner:
            self.render_pages()  # the previous generators have declared all their pages: enough to render
        self._claim(page.out)
        self.pages.append(page)

    def _claim(self, out: str) -> None:
        if out in self._paths:
            raise DuplicatePageError(f"labo_site: two files would be written to {out}")
        self._paths.add(out)

    def key(self, page: Page) -> bytes | None:
        if not page.cached or self.cache is None:
            return None
        return digest(self.site_digest, page.out, page.template.name, page.deps)

    # -- files that are not pages ----------------------------------------------------------------------

    def write_bytes(self, out: str, key: object, produce: Callable[[], bytes | Iterable[bytes]], *,
                    defer: bool = False) -> None:
        """Write `out` (under the output folder) with `produce()`, or link it from the cache when `key` (digests
        of what the bytes are made from) was seen by an earlier build. `produce()` gives the bytes, or pieces of
        them written as they come (a large export is never held whole). `defer`: produce it with the pages, in
        the rendering processes (for files nobody reads during the build, such as calendars)."""
        self._claim(out)
        target = sanitised_join(self.output_path, out)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        name = digest(self.site_digest, out, key) if self.cache is not None and key is not None else None
        if name is not None and self._link_from_cache(FILES_AREA, name, target):
            self.manifest[out] = name
            return

        def job() -> None:
            data = produce()
            _unlink(target)
            with open(target, "wb") as f:
                if isinstance(data, bytes):
                    f.write(data)
                else:
                    f.writelines(data)
            if name is not None:
                self._link_into_cache(FILES_AREA, name, target)

        if defer and name is not None:
            self.manifest[out] = name
            self.jobs.append(job)
        else:
            job()
            self.manifest[out] = name or hashlib.sha1(Path(target).read_bytes()).digest()

    def write_group(self, folder: str, key: object, produce: Callable[[], Iterable[tuple[str, bytes]]], *,
                    defer: bool = False) -> None:
        """Files made together (a search index): `produce()` gives the (name, bytes) pairs of `folder`, written as
        they come; it runs only when `key` was not seen by an earlier build, otherwise every file is linked from the
        cache. `defer`: make them in a rendering process, alongside the pages (their names are then not known here:
        the service worker's version reads them back)."""
        group = digest(self.site_digest, folder, key) if self.cache is not None and key is not None else None
        listing = self.cache.get(GROUPS_AREA, group) if group is not None else None
        if listing is not None:
            names = json.loads(listing)
            targets = {name: sanitised_join(self.output_path, f"{folder}/{name}") for name in names}
            if all(os.path.isfile(self.cache.file(FILES_AREA, bytes.fromhex(blob))) for blob in names.values()):
                for name, blob in names.items():
                    self._claim(f"{folder}/{name}")
                    self._link_from_cache(FILES_AREA, bytes.fromhex(blob), targets[name])
                    self.manifest[f"{folder}/{name}"] = bytes.fromhex(blob)
                return
        def job() -> None:
            self._write_group_files(folder, group, produce(), record=not defer)

        if defer:
            self.jobs.append(job)
        else:
            job()

    def _write_group_files(self, folder: str, group: bytes | None, files: Iterable[tuple[str, bytes]],
                           record: bool) -> None:
        names = {}
        for name, data in files:
            out = f"{folder}/{name}"
            if record:
                self._claim(out)
            target = sanitised_join(self.output_path, out)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            _unlink(target)
            with open(target, "wb") as f:
                f.write(data)
            blob = hashlib.sha1(data).digest()  # stored by content: a file equal to the last build's is shared
            if self.cache is not None:
                self._link_into_cache(FILES_AREA, blob, target)
            if record:
                self.manifest[out] = blob
            names[name] = blob.hex()
        if group is not None:
            self.cache.put(GROUPS_AREA, group, json.dumps(names, sort_keys=True).encode())

    # -- pages --------------------------------------------------------------------------------------

    def render_pages(self, *, last: bool = False) -> None:
        """Link the pages declared so far whose key is cached, render the others on every core, then tell the
        listeners. `last`: no page will be declared after these; the cache then keeps the pages of this build
        only."""
        started = time.perf_counter()
        self._render_declared()
        if last and self.cache is not None:  # every page key of this build is known: drop the others
            self.cache.keep_only(PAGES_AREA, self._page_names)
        self.seconds += time.perf_counter() - started

    def _render_declared(self) -> None:
        pages, self.pages = self.pages, []
        jobs, self.jobs = self.jobs, []
        todo: list = list(jobs)  # first, so that the longest (search indexes) start at once, one per process
        for page in pages:
            key = self.key(page)
            target = sanitised_join(self.output_path, page.out)
            if key is not None and self._link_from_cache(PAGES_AREA, key, target):
                self.manifest[page.out] = key
                self.reused += 1
            else:
                todo.append((page, key))
        for item in todo:
            if not callable(item):
                item[0].template.load()  # here, once, rather than in each rendering process
        self._render_all(todo)
        for item in todo[len(jobs):]:
            page, key = item
            if key is not None:  # a page without a key is left out: the service worker's version reads it back
                self.manifest[page.out] = key
        self.rendered += len(todo) - len(jobs)
        if self.cache is not None:  # the manifest holds the key of every page that has one (linked or rendered)
            self._page_names.update(self.cache.name(PAGES_AREA, self.manifest[p.out]) for p in pages
                                    if p.out in self.manifest)
        for page in pages:
            signals.content_written.send(sanitised_join(self.output_path, page.out),
                                         context={"lang": page.lang, "page_path": page.path, "entry": page.entry,
                                                  "output_file": page.out})

    def _render_all(self, todo: list) -> None:
        """Render `todo` in forked processes that take its chunks in order as they become free (see `_chunks`).
        With two or more, the main process only waits: it keeps the memory it has (the registry, the views of
        the home page) instead of growing with every view it renders, so the peak of the build is one worker's,
        not the main process's plus its share."""
        jobs = sum(1 for item in todo if callable(item))
        worth = len(todo) >= PARALLEL_THRESHOLD or jobs >= 2  # jobs are long (a language's search index)
        workers = self.processes if (worth and self.processes > 1 and hasattr(os, "fork")) else 0
        chunks = _chunks(todo)
        if workers == 0:
            self._render_chunks(iter(chunks))
            return
        # The workers take the chunks' numbers from a pipe, each the next one when it is free. A read of 4 bytes
        # takes exactly one number, since only whole numbers are written to it.
        read_end, write_end = os.pipe()
        children = []
        for _index in range(workers):
            pid = os.fork()
            if pid == 0:  # child: render chunks until none is left, report failure through the exit status
                status = 0
                try:
                    os.close(write_end)  # else the pipe would never read as empty
                    self._render_chunks(chunks[i] for i in _numbers(read_end))
                    if self.cache is not None:
                        self.cache.save_records()  # what the jobs of this process cached (search terms)
                except BaseException:  # noqa: BLE001 - anything must reach the parent as a status
                    traceback.print_exc()
                    status = 1
                finally:
                    sys.stderr.flush()
                    os._exit(status)
            children.append(pid)
        os.close(read_end)
        try:
            _write_all(write_end, b"".join(struct.pack("<I", i) for i in range(len(chunks))))
        except BrokenPipeError:
            pass  # every worker has stopped: their exit statuses say why
        finally:
            os.close(write_end)
        failed = False
        for pid in children:
            _, status = os.waitpid(pid, 0)
            failed = failed or status != 0
        if failed:
            raise RuntimeError("labo_site: a rendering process failed (see the traceback above)")

    def _render_chunks(self, chunks: Iterable[list]) -> None:
        owner = lang = None
        for chunk in chunks:
            for item in chunk:
                if callable(item):  # a file made alongside the pages
                    item()
                    continue
                page, key = item
                if page.owner is not owner or page.lang != lang:
                    # Pages come by generator and, within one, by language (each generator declares one language
                    # after the other): the views made so far are no longer needed.
                    if owner is not None:
                        owner.forget_views()
                    owner, lang = page.owner, page.lang
                values = {**page.context, **page.values(page)}
                html = page.template.pieces(values) if page.large else (page.template.render(values),)
                target = sanitised_join(self.output_path, page.out)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _unlink(target)  # the old file may be a hard link into the cache (pelican -o output, livereload)
                with open(target, "w", encoding="utf-8", newline="\n") as f:
                    f.writelines(html)
                if key is not None:
                    self._link_into_cache(PAGES_AREA, key, target)
        if owner is not None:  # rendered in the build's own process: what the next batches do not need
            owner.forget_views()

    # -- the cache ------------------------------------------------------------------------------------

    def _link_from_cache(self, area: str, key: bytes, target: str) -> bool:
        cached = self.cache.file(area, key)
        self._mkdirs(os.path.dirname(target))
        try:  # a hard link makes no copy and no new inode (a new file costs ~0.5 ms on some disks)
            os.link(cached, target)
        except FileNotFoundError:  # not in the cache
            return False
        except FileExistsError:  # an earlier build's file (pelican -o output): never write through it
            _unlink(target)
            return self._link_from_cache(area, key, target)
        except OSError:  # another file system, or links not supported
            return self._copy(cached, target)
        return True

    @staticmethod
    def _copy(cached: str, target: str) -> bool:
        if not os.path.isfile(cached):
            return False
        _unlink(target)
        shutil.copyfile(cached, target)
        return True

    def _mkdirs(self, folder: str) -> None:
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)

    def _link_into_cache(self, area: str, key: bytes, target: str) -> None:
        cached = self.cache.file(area, key)
        folder, name = os.path.split(cached)
        os.makedirs(folder, exist_ok=True)
        tmp = os.path.join(folder, f".{name}.{os.getpid()}")
        _unlink(tmp)
        try:
            os.link(target, tmp)
        except OSError:
            shutil.copyfile(target, tmp)
        os.replace(tmp, cached)


#: Pages rendered by one worker in a row: pages of one generator and template (the pages of a list, its facets)
#: share views and maps, which a worker builds once for all the pages of its chunk.
CHUNK = 24


def _chunks(todo: list) -> list[list]:
    """`todo` cut, in order, into runs of at most CHUNK pages of the same generator and template; each file job
    is a chunk of its own, so that the long ones (the search indexes, first in `todo`) start at once, one per
    worker."""
    chunks: list[list] = []
    last = None
    for item in todo:
        group = None if callable(item) else (id(item[0].owner), item[0].template.name)
        if group is None or group != last or len(chunks[-1]) >= CHUNK:
            chunks.append([])
        chunks[-1].append(item)
        last = group
    return chunks


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _numbers(fd: int):
    """The chunk numbers read from the pipe until it is empty and closed by the parent."""
    while record := os.read(fd, 4):
        yield struct.unpack("<I", record)[0]


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_atomically(target: Path, data: bytes) -> None:
    """A file outside the writer's bookkeeping (sitemap, sw.js): a reader sees the old bytes or the new ones."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


__all__ = ["DuplicatePageError", "LaboWriter", "Page", "Template", "digest", "processes", "write_atomically",
           "Iterable"]
