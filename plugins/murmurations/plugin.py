from __future__ import annotations

from labo_site.plugin import add_generator

from .generator import MurmurationsGenerator


def register() -> None:
    # One file per organisation, written by the site's Writer like every other file (cache, manifest, sw.js).
    add_generator("murmurations", MurmurationsGenerator)
