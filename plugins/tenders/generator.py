"""Render the calls for tenders: open ones first by nearest deadline, closed ones in the archive; every
call keeps its page (and URL) once closed."""

from __future__ import annotations

from pathlib import Path

from content_model.registry import Entry
from labo_site import clock
from labo_site.generator import LaboGenerator

from . import views
from .deadlines import closing_instant


class TendersGenerator(LaboGenerator):
    section = "tenders"

    def generate_context(self) -> None:
        self.now = clock.build_datetime()
        self.default_tz = self.settings["TIMEZONE"]
        tenders = self.registry.kind("tender")
        closing = {e.slug: closing_instant(e.data["deadline"], e.data.get("timezone", self.default_tz))
                   for e in tenders}
        by_closing = sorted(tenders, key=lambda e: (closing[e.slug], e.slug))
        self.tenders = tenders
        self.open = [e for e in by_closing if self.now < closing[e.slug]]
        self.closed = [e for e in reversed(by_closing) if self.now >= closing[e.slug]]
        self.open_slugs = {e.slug for e in self.open}
        self.context["HOME"]["tenders"] = {
            lang: {"tenders": [self.view(e, lang) for e in self.open[:views.HOME_COUNT]], "count": len(self.open)}
            for lang in self.languages}

    def make_view(self, entry: Entry, lang: str) -> dict:
        return views.tender_view(entry, lang, self.now, self.default_tz, self.registry, Path(self.path),
                                 self.translate)

    def generate_output(self, writer) -> None:
        size = int(self.settings.get("TENDERS_PAGE_SIZE", views.PAGE_SIZE))
        # Open or closed changes within a day (a deadline at 17:00): the lists name which calls are open.
        state = ([e.slug for e in self.open], [e.slug for e in self.closed])
        counts = {"open_count": len(self.open), "closed_count": len(self.closed)}
        for lang in self.languages:
            lists = (("open", views.INDEX_PATH, self.open, views.N_("Calls for tenders")),
                     ("closed", views.ARCHIVE_PATH, self.closed, views.N_("Closed calls for tenders")))
            for code, path, entries, title in lists:
                self.listing(writer, lang, path, "tenders.html", items="tenders", entries=entries, size=size,
                             title=self.translate(lang, title), values={"listing": code, **counts},
                             deps=(repr(state),))
            for entry in self.tenders:
                self.entry_page(writer, entry, lang, "tender.html", "tender", deps=self._own_deps(entry))

    def _own_deps(self, entry: Entry) -> tuple:
        """Open or closed, and the sizes of its documents (a file replaced under the same name)."""
        sizes = [(Path(self.path) / d["file"]).stat().st_size for d in entry.data.get("documents", [])]
        return (entry.slug in self.open_slugs, sizes)
