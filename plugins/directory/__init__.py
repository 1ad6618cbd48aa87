"""Directory plugin: a page per organisation, the index, facet pages and the members page."""

from .plugin import register

__all__ = ["register"]
