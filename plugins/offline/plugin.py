from __future__ import annotations

from pathlib import Path

from pelican import signals

from labo_site.plugin import add_generator, last_site

from . import settings as settings_mod
from .generator import OfflineGenerator
from .worker import write_service_worker


def write_worker(pelican) -> None:
    """Write sw.js once every file of the build exists, so that its cache name covers all of them."""
    settings = pelican.settings
    site = last_site()
    known = site.context.get("LABO_MANIFEST") if site is not None else None
    write_service_worker(Path(pelican.output_path), tuple(settings["LANGUAGES"]), settings_mod.read(settings), known)


def register() -> None:
    # The offline page is rendered like every other page of the site (navigation, languages).
    add_generator("offline", OfflineGenerator)
    # finalized: sent after every generator, the static files included, has written; sw.js hashes them all.
    signals.finalized.connect(write_worker)
