from __future__ import annotations

from labo_site.plugin import add_generator

from .generator import AgendaGenerator


def register() -> None:
    # The agenda renders from the registry the site validates first; labo_site orders the generators.
    add_generator("agenda", AgendaGenerator)
