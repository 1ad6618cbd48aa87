from __future__ import annotations

from labo_site.plugin import add_generator

from .generator import ContributeGenerator


def register() -> None:
    # The propose pages need the registry (organisations offered in the forms, identifiers taken).
    add_generator("contribute", ContributeGenerator)
