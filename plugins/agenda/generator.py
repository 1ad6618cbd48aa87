"""Render the agenda: upcoming events by month, past events by year, facet pages, event pages, iCalendar.

Upcoming and past are decided by the build date (SOURCE_DATE_EPOCH when set), so a rebuild of the same
content on the same date gives the same pages; an event still running on the build date is upcoming.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import sanitised_join

from content_model.registry import Entry
from content_model.schema import EVENT_KINDS
from labo_site import clock
from labo_site.generator import LaboMixin
from labo_site.pagination import paginate
from labo_site.views import formatting_key

from . import ics, views
from . import settings as settings_mod
from .views import N_
from .when import event_when, month_text

HOME_COUNT = 3  # events on the home page
RECENT_PAST = 10  # past events on a facet page; the others are in the yearly archives
#: Identifiers an event cannot take: its page or calendar would overwrite the agenda's own files.
RESERVED = re.compile(r"^(index|agenda|index-p\d+)$")


class DuplicateFileError(Exception):
    exitcode = 1


class ReservedNameError(Exception):
    exitcode = 1


class AgendaGenerator(LaboMixin, Generator):
    section = "events"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings_mod.check(self.settings)
        self._setup_labo()
        self._written: set[str] = set()

    # -- context: every value computed once --------------------------------------------------------------

    def generate_context(self) -> None:
        self.today = clock.build_date()
        events = self.registry.kind("event")
        reserved = [e for e in events if RESERVED.match(e.slug)]
        if reserved:
            raise ReservedNameError("; ".join(
                f"agenda: {e.source}: \"{e.slug}\" is the name of one of the agenda's own pages; rename the file"
                for e in reserved))
        self.when = {e.slug: event_when(e) for e in events}
        self.events = sorted(events, key=lambda e: (self.when[e.slug].sort_key(), e.slug))
        self.upcoming = [e for e in self.events if not self.when[e.slug].is_past(self.today)]
        self.past = [e for e in reversed(self.events) if self.when[e.slug].is_past(self.today)]
        sections = self.context["SECTIONS"]
        self.views = {lang: {e.slug: views.event_view(e, lang, self.translate, self.today, self.registry, sections)
                             for e in self.events}
                      for lang in self.languages}
        self.facets: dict[str, dict[str, list[Entry]]] = {"kind": defaultdict(list), "place": defaultdict(list)}
        for entry in self.events:
            self.facets["kind"][entry.data["kind"]].append(entry)
            for code in views.places(entry):
                self.facets["place"][code].append(entry)
        self.years: dict[int, list[Entry]] = defaultdict(list)
        for entry in self.past:
            self.years[self.when[entry.slug].first_day.year].append(entry)
        self.context["HOME"]["events"] = {
            lang: {"events": [self.views[lang][e.slug] for e in self.upcoming[:HOME_COUNT]],
                   "count": len(self.upcoming), "feed": views.FEED_PATH}
            for lang in self.languages
        }

    # -- output ---------------------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            by_slug = self.views[lang]
            facet_groups = self._facet_groups(lang)
            years = [{"year": year, "count": len(entries), "path": views.year_path(year)}
                     for year, entries in sorted(self.years.items(), reverse=True)]
            common = {"facet_groups": facet_groups, "years": years, "feed": views.FEED_PATH}
            title = self.translate(lang, N_("Events"))
            for path, chunk, pagination in self._pages(views.INDEX_PATH, self.upcoming):
                self.render(writer, lang, path, "agenda.html", page_title=self.numbered_title(lang, title, pagination),
                            facet=None, groups=self._groups(lang, chunk), upcoming_count=len(self.upcoming),
                            past=[], past_count=0, pagination=pagination, **common)
            for group in facet_groups:
                for value in group["values"]:
                    members = {e.slug for e in self.facets[group["facet"]][value["code"]]}
                    upcoming = [e for e in self.upcoming if e.slug in members]
                    past = [by_slug[e.slug] for e in self.past if e.slug in members]
                    title = f"{value['label']} · {self.translate(lang, N_('Events'))}"
                    facet = {"title": group["title"], "label": value["label"], "path": value["path"]}
                    for path, chunk, pagination in self._pages(value["path"], upcoming):
                        first = pagination is None or pagination["number"] == 1
                        self.render(writer, lang, path, "agenda.html",
                                    page_title=self.numbered_title(lang, title, pagination), facet=facet,
                                    groups=self._groups(lang, chunk), upcoming_count=len(upcoming),
                                    past=past[:RECENT_PAST] if first else [], past_count=len(past),
                                    pagination=pagination, **common)
            for year in years:
                title = self.translate(lang, N_("Past events in %(year)s")) % {"year": year["year"]}
                events = [by_slug[e.slug] for e in self.years[year["year"]]]
                for path, chunk, pagination in self._pages(year["path"], events):
                    self.render(writer, lang, path, "agenda_archive.html",
                                page_title=self.numbered_title(lang, title, pagination), heading=title,
                                year=year["year"], events=chunk, total=len(events), pagination=pagination,
                                **common)
            for entry in self.events:
                self._event_page(writer, lang, entry, by_slug[entry.slug])
            self._write_feed(lang)

    def _event_page(self, writer, lang: str, entry: Entry, view: dict) -> None:
        body_lang = lang if lang in entry.body else entry.lang
        news = views.news_links(entry, lang) if "news" in self.context["SECTIONS"] else []
        self.render(writer, lang, view["path"], "event.html", entry=entry, event=view,
                    page_title=view["title"], title_lang=view["title_lang"],
                    body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang, news=news)
        self._write_bytes(lang, view["ics"], self._calendar([entry], lang))

    def _write_feed(self, lang: str) -> None:
        name = f"{self.settings['SITE']['name'][lang]} · {self.translate(lang, N_('Upcoming events'))}"
        self._write_bytes(lang, views.FEED_PATH, self._calendar(self.upcoming, lang, name=name))

    # -- helpers ------------------------------------------------------------------------------------

    def _pages(self, path: str, items: list) -> list[tuple[str, list, dict | None]]:
        """Split a list into pages of AGENDA_PAGE_SIZE (`x.html`, `x-p2.html`…) so no page grows with the
        archive; the pagination dict is None when everything fits on one page."""
        return paginate(path, items, self.settings.get("AGENDA_PAGE_SIZE", 30))

    def _groups(self, lang: str, upcoming: list[Entry]) -> list[dict]:
        """Upcoming events under headings: those running on the build date first, then one per month."""
        groups: list[dict] = []
        ongoing = [self.views[lang][e.slug] for e in upcoming if self.when[e.slug].is_ongoing(self.today)]
        if ongoing:
            groups.append({"id": "now", "title": self.translate(lang, N_("Happening now")), "events": ongoing})
        for entry in upcoming:
            when = self.when[entry.slug]
            if when.is_ongoing(self.today):
                continue
            key = f"{when.first_day:%Y-%m}"
            if not groups or groups[-1]["id"] != key:
                groups.append({"id": key, "title": month_text(when.first_day, lang), "events": []})
            groups[-1]["events"].append(self.views[lang][entry.slug])
        return groups

    def _facet_groups(self, lang: str) -> list[dict]:
        kinds = [{"code": code, "count": len(self.facets["kind"][code]), "path": views.kind_path(code),
                  "label": self.translate(lang, views.KIND_PLURALS[code])}
                 for code in EVENT_KINDS if self.facets["kind"].get(code)]
        places = [{"code": code, "count": len(entries), "path": views.place_path(code),
                   "label": views.place_label(code, lang, self.translate)}
                  for code, entries in self.facets["place"].items()]
        places.sort(key=lambda v: (v["code"] == views.ONLINE, formatting_key(v["label"])))
        return [{"facet": "kind", "title": self.translate(lang, views.FACET_TITLES["kind"]), "values": kinds},
                {"facet": "place", "title": self.translate(lang, views.FACET_TITLES["place"]), "values": places}]

    def _calendar(self, entries: list[Entry], lang: str, name: str = "") -> bytes:
        site = self.settings["SITE"]["name"][lang]
        items = [self._ics_event(entry, lang) for entry in entries]
        return ics.calendar_bytes(items, prodid=f"-//{site}//Agenda//{lang.upper()}",
                                  stamp=clock.build_datetime(), name=name)

    def _ics_event(self, entry: Entry, lang: str) -> ics.IcsEvent:
        view = self.views[lang][entry.slug]
        siteurl = str(self.settings.get("SITEURL") or "")
        url = f"{siteurl}/{self.lang_prefix(lang)}{view['path']}" if siteurl.startswith(("http://", "https://")) \
            else ""
        place = [view["venue"], view["city"], view["country"]["label"] if view["country"] else ""]
        location = ", ".join(part for part in place if part) or view["online"]
        lines = [view["summary"]]
        if view["online"]:
            lines.append(f"{self.translate(lang, N_('Online'))}: {view['online']}")
        registration = view["registration"]
        if registration and registration["url"] and not registration["closed"]:
            lines.append(f"{self.translate(lang, N_('Registration'))}: {registration['url']}")
        if url:
            lines.append(url)
        return ics.IcsEvent(uid=f"{entry.slug}@{ics.uid_domain(self.settings)}", when=self.when[entry.slug],
                            summary=view["title"], description="\n\n".join(line for line in lines if line),
                            location=location, url=url, categories=(view["kind"]["label"],))

    def _write_bytes(self, lang: str, path: str, data: bytes) -> None:
        """Write a file that is not a page (the queue renders pages); two writes to one path are an error."""
        out = self.lang_prefix(lang) + path
        if out in self._written:
            raise DuplicateFileError(f"agenda: two files would be written to {out}")
        self._written.add(out)
        target = sanitised_join(self.output_path, out)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
