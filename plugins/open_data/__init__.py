"""Open data plugin: /data/ downloads (JSON, CSV), the data page, schema.org/OpenGraph meta, sitemap and robots."""

from .plugin import register

__all__ = ["register"]
