"""Write `sw.js` at the site root: the shell to precache, the offline pages, the search indexes, and a cache name
per build.

The cache name is a hash of every file of the output (path and bytes, in sorted order): the same build gives
the same sw.js byte for byte, and any change anywhere gives a new cache, so a reader never keeps a stale
stylesheet or page after a deploy (the browser installs the new worker, which drops the old caches).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

SW_NAME = "sw.js"
OFFLINE_PAGE = "hors-ligne.html"
#: The search plugin's index folder under each language root (search.views.SEARCH_FOLDER; a test checks they agree).
SEARCH_FOLDER = "search/"
#: Pages of every language kept from the first visit: home, search and the offline page itself.
SHELL_PAGES = ("index.html", "recherche.html", OFFLINE_PAGE)
TEMPLATE = Path(__file__).with_name("sw_template.js")


def build_version(output: Path, known: dict[str, bytes] | None = None) -> str:
    """A short hash of every file under `output` except sw.js, independent of where the folder is.

    `known`: {path: digest of what made it} for the files the site's Writer wrote (it knows them without
    reading them back: a page's cache key changes whenever its bytes can); the other files are read."""
    root = os.fspath(output)
    known = known or {}
    digest = hashlib.sha256()
    for rel in _files(output):
        if rel == SW_NAME:
            continue
        content = known.get(rel)
        if content is None:
            with open(os.path.join(root, rel), "rb") as f:  # os.path, not Path: ~40,000 files on a big site
                # SHA-1 as the writer names the files it made by their bytes (a search index file written in
                # this build is read back here, the same file linked from the cache next build is known by
                # its SHA-1): either way the version is the same.
                content = hashlib.file_digest(f, "sha1").digest()
        digest.update(rel.encode("utf-8") + b"\0" + content)
    return digest.hexdigest()[:16]


def shell_files(output: Path, prefixes: list[str], extra_globs: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The shell pages of each language prefix that exist, the local stylesheets, scripts and images they
    load, and the files matching `extra_globs`: sorted paths relative to `output`."""
    found: set[str] = set()
    for prefix in prefixes:
        for name in SHELL_PAGES:
            rel = prefix + name
            if (output / rel).is_file():
                found.add(rel)
                found.update(_subresources(output, rel))
    for pattern in extra_globs:
        found.update(p.relative_to(output).as_posix() for p in output.glob(pattern) if p.is_file())
    found.discard(SW_NAME)
    return sorted(found)


def search_indexes(output: Path, prefixes: list[str]) -> list[dict]:
    """{folder, files, bytes} of each language's search index: what "save for offline use" downloads (bytes as
    stored; a server that compresses sends about a third of it)."""
    found = []
    for prefix in prefixes:
        folder = output / prefix / SEARCH_FOLDER
        if (folder / "manifest.js").is_file():
            sizes = [entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".js")]
            found.append({"folder": prefix + SEARCH_FOLDER, "files": len(sizes), "bytes": sum(sizes)})
    return found


def render(version: str, precache: list[str], offline: list[dict[str, str]], max_entries: int,
           search: list[dict] | tuple = ()) -> str:
    """The text of sw.js; `offline` lists {prefix, path}, language folders first and the root last; `search` the
    index folders (search_indexes)."""
    config = {"version": version, "precache": [quote(p) for p in precache], "offline": offline,
              "maxEntries": max_entries, "search": [{**index, "folder": quote(index["folder"])} for index in search]}
    return TEMPLATE.read_text(encoding="utf-8").replace("/*CONFIG*/", json.dumps(config, indent=2, sort_keys=True))


def write_service_worker(output: Path, languages: tuple[str, ...], options: dict,
                         known: dict[str, bytes] | None = None) -> Path:
    """Write output/sw.js for a site whose first language is at the root and the others in `<lang>/`."""
    output = Path(output)
    prefixes = [""] + [f"{lang}/" for lang in languages[1:]]
    offline = [{"prefix": p, "path": p + OFFLINE_PAGE} for p in reversed(prefixes)
               if (output / p / OFFLINE_PAGE).is_file()]
    text = render(build_version(output, known), shell_files(output, prefixes, options["precache"]), offline,
                  options["max_entries"], search_indexes(output, prefixes))
    target = output / SW_NAME
    target.write_text(text, encoding="utf-8", newline="\n")
    return target


def _files(root: Path) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        out.extend(name if rel_dir == "." else f"{rel_dir}/{name}" for name in filenames)
    return sorted(out)


class _Subresources(HTMLParser):
    """Collects what a page loads by itself: stylesheets, icons, scripts, images."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and {"stylesheet", "icon", "preload", "manifest"} & set((values.get("rel") or "").split()):
            self.urls.append(values.get("href") or "")
        elif tag in ("script", "img") and values.get("src"):
            self.urls.append(values["src"] or "")


def _subresources(output: Path, page: str) -> set[str]:
    parser = _Subresources()
    parser.feed((output / page).read_text(encoding="utf-8"))
    found: set[str] = set()
    base = posixpath.dirname(page)
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        rel = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if not rel.startswith("../") and (output / rel).is_file():
            found.add(rel)
    return found
