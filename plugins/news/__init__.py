"""News plugin: articles, category pages, sponsored labels, advocacy campaigns, feeds per language."""

from .plugin import register

__all__ = ["register"]
