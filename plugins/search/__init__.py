"""Search plugin: an offline index of every kind of content per language, and the search page."""

from .plugin import register

__all__ = ["register"]
