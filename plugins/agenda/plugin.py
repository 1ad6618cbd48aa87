from __future__ import annotations

from pelican import signals

from .generator import AgendaGenerator


def get_generators(pelican) -> type:
    return AgendaGenerator


def register() -> None:
    # get_generators: the agenda renders from the registry that labo_site's generator builds first.
    signals.get_generators.connect(get_generators)
