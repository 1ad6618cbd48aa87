from __future__ import annotations

from pathlib import Path

from pelican import signals

from . import settings as settings_mod
from .generator import OfflineGenerator
from .worker import write_service_worker


def get_generators(pelican) -> type:
    return OfflineGenerator


def write_worker(pelican) -> None:
    """Write sw.js once every file of the build exists, so that its cache name covers all of them."""
    settings = pelican.settings
    write_service_worker(Path(pelican.output_path), tuple(settings["LANGUAGES"]), settings_mod.read(settings))


def register() -> None:
    # get_generators: the offline page is rendered like every other page of the site (navigation, languages).
    signals.get_generators.connect(get_generators)
    # finalized: sent after every generator, the static files included, has written; sw.js hashes them all.
    signals.finalized.connect(write_worker)
