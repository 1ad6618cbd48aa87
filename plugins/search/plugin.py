from __future__ import annotations

from pelican import signals


def get_generators(pelican) -> type:
    # Imported here, not at module level, so that `search.index` (used by benchmarks and tests without
    # Pelican's plugin path) can be imported without labo_site.
    from .generator import SearchGenerator

    return SearchGenerator


def register() -> None:
    # get_generators: the index is built from the registry that labo_site's generator fills first, and it
    # lists only the kinds whose sections the other generators announce in their __init__.
    signals.get_generators.connect(get_generators)
