"""Content model plugin: the Markdown+YAML reader, the field schema and the validator."""

from .plugin import register

__all__ = ["register"]
