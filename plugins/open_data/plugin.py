from __future__ import annotations

from pelican import signals

from labo_site.generator import TEMPLATE_GLOBALS

from .generator import OpenDataGenerator, write_sitemap
from .meta import page_meta


def get_generators(pelican) -> type:
    return OpenDataGenerator


def register() -> None:
    # Offered before any generator exists: each generator copies TEMPLATE_GLOBALS into its Jinja environment,
    # so partials/head_meta.html can describe every page, whichever plugin renders it.
    TEMPLATE_GLOBALS.update(page_meta=page_meta)
    # get_generators: the downloads and the data page are made from the registry labo_site builds first.
    signals.get_generators.connect(get_generators)
    # finalized: the sitemap lists the pages written, so it is made once every page is on disk.
    signals.finalized.connect(write_sitemap)
