from __future__ import annotations

import hashlib
from pathlib import Path

from pelican import signals

from .reader import YamlMarkdownReader

#: The modules whose code decides what the reader returns (and so what Pelican's cache holds).
_READER_MODULES = ("reader.py", "frontmatter.py", "sanitize.py")


def add_reader(readers) -> None:
    readers.reader_classes["md"] = YamlMarkdownReader


def version_cache(pelican) -> None:
    """Pelican keys its cache on the content file only: a cache written by an older sanitiser would keep
    serving old HTML. Each version of the reader's code gets its own cache folder."""
    here = Path(__file__).parent
    digest = hashlib.sha256(b"".join((here / name).read_bytes() for name in _READER_MODULES)).hexdigest()[:12]
    pelican.settings["CACHE_PATH"] = str(Path(pelican.settings["CACHE_PATH"]) / f"reader-{digest}")


def register() -> None:
    # readers_init: replace Pelican's Markdown reader (which reads "Key: value" headers) for every .md file.
    signals.readers_init.connect(add_reader)
    # initialized: before any generator opens its cache.
    signals.initialized.connect(version_cache)
