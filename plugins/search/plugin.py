from __future__ import annotations

from labo_site.plugin import add_generator


def register() -> None:
    # Imported here, not at module level, so that `search.index` (used by benchmarks and tests without
    # Pelican's plugin path) can be imported without labo_site.
    from .generator import SearchGenerator

    # The index is made from the registry the site validates first, for the sections the other generators
    # announce when they are created (before any of them computes anything).
    add_generator("search", SearchGenerator)
