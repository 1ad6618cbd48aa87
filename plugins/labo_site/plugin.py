from __future__ import annotations

import sys
from pathlib import Path

from pelican import signals

from content_model.cache import CacheLocationError, check_location

from .generator import EntitiesGenerator, RenderGenerator
from .writer import LaboWriter

#: The site's generators, by capability, in the order they run (each plugin adds its own in `register()`).
#: Nothing depends on this order but the last step: RenderGenerator renders what all the others declared.
GENERATORS: dict[str, type] = {"core": EntitiesGenerator}
# The order the generators declare their pages in, and so the order of the batches the writer renders
# (LaboWriter.add). Search and the map come first: the search indexes and the map page (its labels laid out) are
# the longest files of a build, made alongside the directory's thousands of pages instead of alone at the end.
# The icons (offline) too: they are drawn in a process forked before the build's own process has grown.
ORDER = ("core", "offline", "search", "network_map", "directory", "projects", "services", "tenders", "agenda", "news",
         "open_data", "murmurations", "contribute")


def add_generator(name: str, generator: type) -> None:
    """Called by each capability plugin's `register()`; `name` is one of ORDER."""
    if name not in ORDER:
        raise ValueError(f"labo_site: unknown capability {name!r}; add it to labo_site.plugin.ORDER")
    GENERATORS[name] = generator


def get_generators(pelican) -> tuple[type, ...]:
    return (*(GENERATORS[name] for name in ORDER if name in GENERATORS), RenderGenerator)


def get_writer(pelican) -> type:
    return LaboWriter


def last_site():
    """The Site of the latest build, for `finalized` receivers (Pelican gives them no context)."""
    from .site import KEY

    return _LAST.get(KEY)


def print_summary(pelican) -> None:
    """One compact line per build instead of a wall of 'Writing …' lines."""
    site = last_site()
    if site is None:
        return
    context = site.context
    phases = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in site.timings.seconds.items())
    print(f"labo: {site.summary}; {context.get('LABO_PAGES', 0)} pages ({context.get('LABO_REUSED', 0)} reused "
          f"from the page cache); {phases}", file=sys.stderr)


_LAST: dict = {}


def remember_site(generator) -> None:
    from .site import KEY

    if KEY in generator.context:
        _LAST[KEY] = generator.context[KEY]


def check_cache(pelican) -> None:
    """Refuse a cache folder inside the checkout that Git tracks files in (see content_model/cache.py)."""
    try:
        check_location(Path(pelican.settings["CACHE_PATH"]), Path(pelican.settings["PATH"]).resolve().parent)
    except CacheLocationError as error:
        print(error, file=sys.stderr)
        raise SystemExit(1) from None  # a SystemExit: Pelican prints no traceback under the message


def register() -> None:
    # initialized: before any generator reads the cache, make sure a pull request cannot have written it.
    signals.initialized.connect(check_cache)
    # get_generators: the site's generators as one ordered tuple, whatever the order of PLUGINS.
    signals.get_generators.connect(get_generators)
    # get_writer: pages go through the site's Writer (parallel rendering, page cache, content_written).
    signals.get_writer.connect(get_writer)
    # generator_init: keep the build's site for the summary printed at `finalized`.
    signals.generator_init.connect(remember_site)
    # finalized: after every generator wrote, print the build summary once.
    signals.finalized.connect(print_summary)
