"""Render the agenda: upcoming events by month, past events by year, facet pages, event pages, iCalendar.

Upcoming and past are decided by the build date (SOURCE_DATE_EPOCH when set), so a rebuild of the same
content on the same date gives the same pages; an event still running on the build date is upcoming.
"""

from __future__ import annotations

from collections import defaultdict

from content_model.registry import Entry
from content_model.schema import EVENT_KINDS
from labo_site import clock
from labo_site.facets import Facet, Facets
from labo_site.generator import LaboGenerator
from labo_site.views import formatting_key
from labo_site.writer import digest

from . import ics, views
from . import settings as settings_mod
from .views import N_
from .when import event_when, month_text

HOME_COUNT = 3  # events on the home page
RECENT_PAST = 10  # past events on a facet page; the others are in the yearly archives


class AgendaGenerator(LaboGenerator):
    section = "events"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings_mod.check(self.settings)

    # -- context: every value computed once --------------------------------------------------------------

    def generate_context(self) -> None:
        self.today = self.site.build_date
        events = self.registry.kind("event")  # validation refuses the names of the agenda's own pages
        self.when = {e.slug: event_when(e) for e in events}
        self.events = sorted(events, key=lambda e: (self.when[e.slug].sort_key(), e.slug))
        self.upcoming = [e for e in self.events if not self.when[e.slug].is_past(self.today)]
        self.past = [e for e in reversed(self.events) if self.when[e.slug].is_past(self.today)]
        translate = self.translate
        kinds = {code: i for i, code in enumerate(EVENT_KINDS)}
        self.facets = Facets("agenda", (
            Facet("kind", "type", views.FACET_TITLES["kind"], lambda e: [e.data["kind"]],
                  lambda code, lang: translate(lang, views.KIND_PLURALS[code]), lambda v: kinds[v["code"]],
                  path=views.kind_path, all=views.FACET_ALL["kind"]),
            Facet("place", "pays", views.FACET_TITLES["place"], views.places,
                  lambda code, lang: views.place_label(code, lang, translate),
                  lambda v: (v["code"] == views.ONLINE, formatting_key(v["label"])), path=views.place_path,
                  all=views.FACET_ALL["place"]),
        ), self.events)
        self.years: dict[int, list[Entry]] = defaultdict(list)
        for entry in self.past:
            self.years[self.when[entry.slug].first_day.year].append(entry)
        self.context["HOME"]["events"] = {
            lang: {"events": [self.view(e, lang) for e in self.upcoming[:HOME_COUNT]],
                   "count": len(self.upcoming), "feed": views.FEED_PATH}
            for lang in self.languages
        }

    def make_view(self, entry: Entry, lang: str) -> dict:
        return views.event_view(entry, lang, self.translate, self.today, self.registry, self.context["SECTIONS"])

    # -- output ---------------------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        size = self.settings.get("AGENDA_PAGE_SIZE", 30)
        groups = {lang: self.facets.groups(lang, self.translate) for lang in self.languages}
        years = [{"year": year, "count": len(entries), "path": views.year_path(year)}
                 for year, entries in sorted(self.years.items(), reverse=True)]
        common_deps = (digest(repr(groups), repr(years)),)
        for lang in self.languages:
            common = {"facet_groups": groups[lang], "years": years, "feed": views.FEED_PATH,
                      "list_path": views.INDEX_PATH}
            self.listing(writer, lang, views.INDEX_PATH, "agenda.html", items="groups", entries=self.upcoming,
                         size=size, title=self.translate(lang, N_("Events")),
                         values={"facet": None, "upcoming_count": len(self.upcoming), "past": [], "past_count": 0,
                                 **common},
                         cards=lambda chunk, lang=lang: self._groups(lang, chunk), deps=common_deps)
            for group in groups[lang]:
                for value in group["values"]:
                    members = {e.slug for e in self.facets.entries(group["facet"], value["code"])}
                    upcoming = [e for e in self.upcoming if e.slug in members]
                    past = [e for e in self.past if e.slug in members]
                    facet = {"title": group["title"], "label": value["label"], "path": value["path"]}
                    self.listing(writer, lang, value["path"], "agenda.html", items="groups", entries=upcoming,
                                 size=size, title=f"{value['label']} · {self.translate(lang, N_('Events'))}",
                                 values={"facet": facet, "upcoming_count": len(upcoming), "past": [],
                                         "past_count": len(past), **common},
                                 first_only=lambda past=past, lang=lang: {
                                     "past": [self.view(e, lang) for e in past[:RECENT_PAST]]},
                                 cards=lambda chunk, lang=lang: self._groups(lang, chunk),
                                 deps=(*common_deps, self.site.listing(past)))
            for year in years:
                title = self.translate(lang, N_("Past events in %(year)s")) % {"year": year["year"]}
                self.listing(writer, lang, year["path"], "agenda_archive.html", items="events",
                             entries=self.years[year["year"]], size=size, title=title,
                             values={"heading": title, "year": year["year"], **common}, deps=common_deps)
            for entry in self.events:
                self._event_page(writer, lang, entry)
            self._write_feed(writer, lang)

    def _event_page(self, writer, lang: str, entry: Entry) -> None:
        sections = self.context["SECTIONS"]
        self.entry_page(writer, entry, lang, "event.html", "event",
                        extra=lambda: {"news": views.news_links(entry, lang) if "news" in sections else []})
        # DTSTAMP is the build's instant (see ics.py): a calendar is reused only within one instant.
        self.write_bytes(writer, self.lang_prefix(lang) + views.ics_path(entry),
                         (self.site.near(entry), lang, str(clock.build_datetime())),
                         lambda: self._calendar([entry], lang), defer=True)

    def _write_feed(self, writer, lang: str) -> None:
        name = f"{self.settings['SITE']['name'][lang]} · {self.translate(lang, N_('Upcoming events'))}"
        self.write_bytes(writer, self.lang_prefix(lang) + views.FEED_PATH,
                         (self.site.listing(self.upcoming), lang, name, str(clock.build_datetime())),
                         lambda: self._calendar(self.upcoming, lang, name=name), defer=True)

    # -- helpers ------------------------------------------------------------------------------------

    def _groups(self, lang: str, upcoming: list[Entry]) -> list[dict]:
        """Upcoming events under headings: those running on the build date first, then one per month."""
        groups: list[dict] = []
        ongoing = [self.view(e, lang) for e in upcoming if self.when[e.slug].is_ongoing(self.today)]
        if ongoing:
            groups.append({"id": "now", "title": self.translate(lang, N_("Happening now")), "events": ongoing})
        for entry in upcoming:
            when = self.when[entry.slug]
            if when.is_ongoing(self.today):
                continue
            key = f"{when.first_day:%Y-%m}"
            if not groups or groups[-1]["id"] != key:
                groups.append({"id": key, "title": month_text(when.first_day, lang), "events": []})
            groups[-1]["events"].append(self.view(entry, lang))
        return groups

    def _calendar(self, entries: list[Entry], lang: str, name: str = "") -> bytes:
        site = self.settings["SITE"]["name"][lang]
        items = [self._ics_event(entry, lang) for entry in entries]
        return ics.calendar_bytes(items, prodid=f"-//{site}//Agenda//{lang.upper()}",
                                  stamp=clock.build_datetime(), name=name)

    def _ics_event(self, entry: Entry, lang: str) -> ics.IcsEvent:
        view = self.view(entry, lang)
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
