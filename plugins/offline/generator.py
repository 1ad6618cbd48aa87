"""Render the offline page (`hors-ligne.html`) of every language: what the service worker shows for a page
that was never read on this device while the network is down."""

from __future__ import annotations

from labo_site.generator import LaboGenerator

from . import settings as settings_mod
from .worker import OFFLINE_PAGE


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


TITLE = N_("You are offline")


class OfflineGenerator(LaboGenerator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = settings_mod.read(self.settings)  # checked before anything is written

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            self.page(writer, lang, OFFLINE_PAGE, "offline.html", {"page_title": self.translate(lang, TITLE)})
