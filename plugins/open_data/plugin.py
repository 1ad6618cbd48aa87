from __future__ import annotations

from pelican import signals

from labo_site.plugin import add_generator

from .generator import OpenDataGenerator, collect_page, write_sitemap
from .meta import page_meta


def add_template_functions(generator) -> None:
    """page_meta, so that partials/head_meta.html describes every page, whichever plugin renders it."""
    generator.env.globals.update(page_meta=page_meta)


def register() -> None:
    # generator_init: every generator's Jinja environment gets page_meta before any template loads.
    signals.generator_init.connect(add_template_functions)
    add_generator("open_data", OpenDataGenerator)
    # content_written: the sitemap lists the pages the writer reports, in every language.
    signals.content_written.connect(collect_page)
    # finalized: once every page is written, the sitemap and robots.txt.
    signals.finalized.connect(write_sitemap)
