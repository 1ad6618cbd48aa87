"""Murmurations plugin: every published organisation as a profile for the global SSE maps (murmurations/<slug>.json),
and `invoke murmurations-register` to send the changed ones to the Murmurations index after a deploy."""

from .plugin import register

__all__ = ["register"]
