"""Site core: validation before anything else, the entity registry, per-language rendering, home and pages."""

from .plugin import register

__all__ = ["register"]
