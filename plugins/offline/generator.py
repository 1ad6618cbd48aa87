"""Render the offline page (`hors-ligne.html`) of every language: what the service worker shows for a page
that was never read on this device while the network is down; write the site's icons (`favicon.py`); and give
the 404 page (core's, template in the theme) what it needs to find the site root from any address."""

from __future__ import annotations

from urllib.parse import urlsplit

from content_model.schema import KINDS
from labo_site.generator import LaboGenerator

from . import favicon
from . import settings as settings_mod
from .worker import OFFLINE_PAGE


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


TITLE = N_("You are offline")


def not_found_context(settings: dict) -> dict:
    """NOT_FOUND for templates/404.html. GitHub Pages answers every missing address with the root 404.html, at
    that address, so its relative links would resolve from the wrong folder; its script finds the site root:
    - `root_url`: the absolute SITEURL with a final "/" (publishconf.py), else "" (relative builds);
    - `root_path`: its path ("/site/"), which the script looks for at the start of the address;
    - `folders`: the site's top-level folders (language roots, kinds, theme); in a relative build the first of
      them in the address marks where the site root ends."""
    siteurl = str(settings.get("SITEURL") or "")
    parts = urlsplit(siteurl)
    absolute = parts.scheme in ("http", "https") and bool(parts.netloc)
    languages = list(settings.get("LANGUAGES") or ())[1:]
    folders = sorted({*languages, *(kind.output for kind in KINDS), str(settings.get("THEME_STATIC_DIR") or "theme")})
    return {"root_url": siteurl.rstrip("/") + "/" if absolute else "",
            "root_path": (parts.path.rstrip("/") + "/") if absolute else "",
            "folders": folders}


class OfflineGenerator(LaboGenerator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = settings_mod.read(self.settings)  # checked before anything is written
        self.context["NOT_FOUND"] = not_found_context(self.settings)
        self.context["SITE_ICONS"] = favicon.LINKS

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            self.page(writer, lang, OFFLINE_PAGE, "offline.html", {"page_title": self.translate(lang, TITLE)})
        # Drawn in a rendering process: Pillow's drawing and PNG encoding would add 2 MB to the build's own process,
        # which every later batch of pages is forked from (this generator declares in the first batch: ORDER).
        for name, produce in favicon.FILES.items():
            self.write_bytes(writer, name, ("favicon", favicon.VERSION), produce, defer=True)
