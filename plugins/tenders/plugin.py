from __future__ import annotations

from pelican import signals

from .generator import TendersGenerator


def get_generators(pelican) -> type:
    return TendersGenerator


def register() -> None:
    # get_generators: the calls render from the registry that labo_site's generator builds first, and
    # fill HOME["tenders"] in generate_context, before the home page is written.
    signals.get_generators.connect(get_generators)
