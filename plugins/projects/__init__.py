"""Project bank plugin: a page per project with its funding progress, sorted lists and facet pages."""

from .plugin import register

__all__ = ["register"]
