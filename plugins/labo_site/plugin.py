from __future__ import annotations

import sys

from pelican import signals

from .cache_guard import drop_unreadable_caches
from .generator import EntitiesGenerator, last_context


def get_generators(pelican) -> type:
    return EntitiesGenerator


def print_summary(pelican) -> None:
    """One compact line per build instead of a wall of 'Writing …' lines."""
    context = last_context()
    if not context:
        return
    timings = context.get("LABO_TIMINGS", {})
    phases = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items())
    cache = getattr(context.get("LABO_QUEUE"), "cache", None)
    reused = f" ({cache.hits} reused from the page cache)" if cache is not None else ""
    print(f"labo: {context.get('LABO_SUMMARY', '')}; {context.get('LABO_PAGES', 0)} pages{reused}; {phases}",
          file=sys.stderr)


def check_caches(pelican) -> None:
    drop_unreadable_caches(pelican.settings)


def register() -> None:
    # initialized: before any generator loads Pelican's cache, drop files an interrupted build truncated.
    signals.initialized.connect(check_caches)
    # get_generators: labo_site must come first in PLUGINS so that its generator validates and fills the
    # registry before the capability plugins' generators read it.
    signals.get_generators.connect(get_generators)
    # finalized: after every generator wrote, print the build summary once.
    signals.finalized.connect(print_summary)
