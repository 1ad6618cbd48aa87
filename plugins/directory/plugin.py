from __future__ import annotations

from pelican import signals

from .generator import DirectoryGenerator


def get_generators(pelican) -> type:
    return DirectoryGenerator


def register() -> None:
    # get_generators: the directory renders from the registry that labo_site's generator builds first.
    signals.get_generators.connect(get_generators)
