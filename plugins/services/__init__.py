"""Services plugin: the catalogue of service offers and the revenue split of the economic model."""

from .plugin import register

__all__ = ["register"]
