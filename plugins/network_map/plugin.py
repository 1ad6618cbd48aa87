from __future__ import annotations

from pelican import signals

from labo_site.generator import TEMPLATE_GLOBALS

from .embeds import network_map_country, network_map_projects
from .generator import MapGenerator


def get_generators(pelican) -> type:
    return MapGenerator


def register() -> None:
    # Offered before any generator exists: each generator copies TEMPLATE_GLOBALS into its Jinja environment
    # when it is set up, so the directory and project templates can include the filtered maps.
    TEMPLATE_GLOBALS.update(network_map_country=network_map_country, network_map_projects=network_map_projects)
    # get_generators: the pages render from the registry that labo_site's generator builds first.
    signals.get_generators.connect(get_generators)
