from __future__ import annotations

from pelican import signals

from .generator import ProjectsGenerator


def get_generators(pelican) -> type:
    return ProjectsGenerator


def register() -> None:
    # get_generators: the project bank renders from the registry that labo_site's generator builds first,
    # and fills HOME["projects"] in generate_context, before the home page is written.
    signals.get_generators.connect(get_generators)
