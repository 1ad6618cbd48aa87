from __future__ import annotations

from labo_site.plugin import add_generator

from .generator import TendersGenerator


def register() -> None:
    # The calls for tenders render from the registry the site validates first; labo_site orders the generators.
    add_generator("tenders", TendersGenerator)
