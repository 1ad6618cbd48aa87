from __future__ import annotations

from pelican import signals

from .generator import ServicesGenerator


def get_generators(pelican) -> type:
    return ServicesGenerator


def register() -> None:
    # get_generators: the catalogue renders from the registry that labo_site's generator builds first, and
    # puts the current split in the context (ECONOMIC_MODEL) before the economic-model page is written.
    signals.get_generators.connect(get_generators)
