from __future__ import annotations

import sys

from pelican import signals

from content_model.cache import CacheLocationError, check_location

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


def check_cache(pelican) -> None:
    """Refuse a cache folder inside the checkout that Git tracks files in (see content_model/cache.py)."""
    from pathlib import Path

    try:
        check_location(Path(pelican.settings["CACHE_PATH"]), Path(pelican.settings["PATH"]).resolve().parent)
    except CacheLocationError as error:
        print(error, file=sys.stderr)
        raise SystemExit(1) from None  # a SystemExit: Pelican prints no traceback under the message


def register() -> None:
    # initialized: before any generator reads the cache, make sure a pull request cannot have written it.
    signals.initialized.connect(check_cache)
    # get_generators: labo_site must come first in PLUGINS so that its generator validates and fills the
    # registry before the capability plugins' generators read it.
    signals.get_generators.connect(get_generators)
    # finalized: after every generator wrote, print the build summary once.
    signals.finalized.connect(print_summary)
