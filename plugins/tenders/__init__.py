"""Calls for tenders plugin: a page per call, open calls by nearest deadline, closed calls archived."""

from .plugin import register

__all__ = ["register"]
