from __future__ import annotations

from labo_site.plugin import add_generator

from .generator import ServicesGenerator


def register() -> None:
    # The catalogue renders from the registry the site validates first; labo_site orders the generators.
    add_generator("services", ServicesGenerator)
