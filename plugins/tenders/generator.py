"""Render the calls for tenders: open ones first by nearest deadline, closed ones in the archive; every
call keeps its page (and URL) once closed."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from labo_site import clock
from labo_site.generator import LaboMixin
from labo_site.pagination import paginate

from . import views
from .deadlines import closing_instant


class TendersGenerator(LaboMixin, Generator):
    section = "tenders"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        now = clock.build_datetime()
        default_tz = self.settings["TIMEZONE"]
        tenders = self.registry.kind("tender")
        closing = {e.slug: closing_instant(e.data["deadline"], e.data.get("timezone", default_tz)) for e in tenders}
        by_closing = sorted(tenders, key=lambda e: (closing[e.slug], e.slug))
        self.tenders = tenders
        self.open = [e.slug for e in by_closing if now < closing[e.slug]]
        self.closed = [e.slug for e in reversed(by_closing) if now >= closing[e.slug]]
        self.views = {lang: {e.slug: views.tender_view(e, lang, now, default_tz, self.registry, Path(self.path),
                                                       self.translate) for e in tenders}
                      for lang in self.languages}
        self.context["HOME"]["tenders"] = {
            lang: {"tenders": [self.views[lang][s] for s in self.open[:views.HOME_COUNT]], "count": len(self.open)}
            for lang in self.languages}

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            by_slug = self.views[lang]
            lists = (("open", views.INDEX_PATH, self.open, views.N_("Calls for tenders")),
                     ("closed", views.ARCHIVE_PATH, self.closed, views.N_("Closed calls for tenders")))
            for code, path, slugs, title in lists:
                self._render_list(writer, lang, path, [by_slug[s] for s in slugs], listing=code,
                                  page_title=self.translate(lang, title), open_count=len(self.open),
                                  closed_count=len(self.closed))
            for entry in self.tenders:
                view = by_slug[entry.slug]
                body_lang = lang if lang in entry.body else entry.lang
                self.render(writer, lang, view["path"], "tender.html", entry=entry, tender=view,
                            page_title=view["title"], title_lang=view["title_lang"],
                            body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang)

    def _render_list(self, writer, lang: str, path: str, tenders: list[dict], **values) -> None:
        """A list of calls in pages of TENDERS_PAGE_SIZE (x.html, x-p2.html…): the archive only grows."""
        size = int(self.settings.get("TENDERS_PAGE_SIZE", views.PAGE_SIZE))
        for page_path, chunk, pagination in paginate(path, tenders, size):
            title = self.numbered_title(lang, values["page_title"], pagination)
            self.render(writer, lang, page_path, "tenders.html", tenders=chunk, total=len(tenders),
                        pagination=pagination, **{**values, "page_title": title})
