"""Agenda plugin: event pages, upcoming and past events, facet pages and iCalendar files.

Named `agenda`, not `calendar`: a `calendar` package on the plugin path would be shadowed by (and shadow)
Python's standard `calendar` module, which Pelican imports first.
"""

from .plugin import register

__all__ = ["register"]
