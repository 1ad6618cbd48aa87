"""Offline plugin: the offline page, the service worker (sw.js) and the zip for USB sticks (`invoke bundle`)."""

from .plugin import register

__all__ = ["register"]
