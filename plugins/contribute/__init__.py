"""Contribute plugin: the propose-an-entry form, file templates, field documentation, JSON Schemas and
CODEOWNERS, all derived from the content model (`content_model/schema.py`)."""

from .plugin import register

__all__ = ["register"]
