"""Network map plugin: the map of Africa page, the statistics page and the filtered maps for other pages."""

from .plugin import register

__all__ = ["register"]
