from __future__ import annotations

from pelican import signals

from labo_site.plugin import add_generator

from .embeds import network_map_country, network_map_projects
from .generator import MapGenerator


def add_template_functions(generator) -> None:
    """The filtered maps, for the directory and project templates (partials/map_country.html…)."""
    generator.env.globals.update(network_map_country=network_map_country, network_map_projects=network_map_projects)


def register() -> None:
    # generator_init: every generator's Jinja environment gets the map functions before any template loads.
    signals.generator_init.connect(add_template_functions)
    add_generator("network_map", MapGenerator)
