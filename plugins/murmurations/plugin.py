from __future__ import annotations

import sys

from labo_site import plugin as labo

from .generator import MurmurationsGenerator

NAME = "murmurations"


def register() -> None:
    # Until labo_site.plugin.ORDER names this capability, say so and write nothing, rather than stop every build
    # of the site (add_generator refuses an unknown name). Remove this guard once ORDER has the name.
    if NAME not in labo.ORDER:
        print(f"murmurations: {NAME!r} is not in labo_site.plugin.ORDER; no Murmurations profile is written",
              file=sys.stderr)
        return
    # One file per organisation, written by the site's Writer like every other file (cache, manifest, sw.js).
    labo.add_generator(NAME, MurmurationsGenerator)
