from __future__ import annotations

from pelican import signals

from .generator import ContributeGenerator


def get_generators(pelican) -> type:
    return ContributeGenerator


def register() -> None:
    # get_generators: the propose pages need the registry (organisations offered in the forms, identifiers
    # already taken) that labo_site's generator builds before any capability plugin reads it.
    signals.get_generators.connect(get_generators)
