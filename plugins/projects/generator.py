"""Render the project bank: a page per project, the list sorted by deadline and by progress, facet pages."""

from __future__ import annotations

from content_model.registry import Entry
from labo_site.facets import Facet, Facets
from labo_site.generator import LaboGenerator
from labo_site.views import formatting_key
from labo_site.writer import digest

from . import funding as funding_mod
from . import views


class ProjectsGenerator(LaboGenerator):
    section = "projects"

    def generate_context(self) -> None:
        today = self.site.build_date
        taxonomy, translate = self.site.taxonomy, self.translate
        self.projects = sorted(self.registry.kind("project"), key=lambda e: formatting_key(e.title))
        self.fundings = {e.slug: funding_mod.Funding.of(e.data) for e in self.projects}
        self.statuses = {e.slug: funding_mod.effective_status(e.data["status"], self.fundings[e.slug], today)
                         for e in self.projects}
        self.labels: dict = {}  # facet labels shared by the views of every project

        def facet(name: str, folder: str) -> Facet:
            return Facet(name, folder, views.FACET_TITLES[name],
                         lambda e: views.facet_values(e, self.statuses[e.slug])[name],
                         lambda code, lang: views.facet_label(name, code, lang, taxonomy, translate),
                         lambda value: views.facet_sort_key(name, value), keep_empty_group=False,
                         all=views.FACET_ALL[name])

        self.facets = Facets(views.SECTION, tuple(facet(name, folder) for name, folder in views.FACETS),
                             self.projects)
        by_deadline = sorted(self.projects, key=lambda e: funding_mod.deadline_key(self.fundings[e.slug], today))
        by_progress = sorted(by_deadline, key=lambda e: funding_mod.progress_key(self.fundings[e.slug]))
        self.sorted_entries = {"deadline": by_deadline, "progress": by_progress}
        latest = sorted(by_deadline, key=lambda e: -(e.data["published"].toordinal() if e.data.get("published")
                                                      else 0))
        open_count = sum(1 for s in self.statuses.values() if s == "seeking_funding")
        self.context["HOME"]["projects"] = {
            lang: {"projects": [self.view(e, lang) for e in latest[:views.HOME_COUNT]],
                   "count": len(self.projects), "seeking": open_count}
            for lang in self.languages}

    def make_view(self, entry: Entry, lang: str) -> dict:
        return views.project_view(entry, self.statuses[entry.slug], lang, self.site.build_date, self.registry,
                                  self.site.taxonomy, self.translate, self.labels)

    def _totals(self, entries: list[Entry], lang: str) -> list[dict]:
        fundings = [self.fundings[e.slug] for e in entries if self.fundings[e.slug] is not None]
        return views.totals_view(funding_mod.totals_by_currency(fundings), lang)

    def generate_output(self, writer) -> None:
        size = int(self.settings.get("PROJECTS_PAGE_SIZE", views.PAGE_SIZE))
        groups = {lang: self.facets.groups(lang, self.translate) for lang in self.languages}
        # The statuses depend on the build date (a campaign ends); the map counts every project by country.
        common = (digest(repr(groups), sorted(self.statuses.items())), self.site.listing(self.projects))
        order = {e.slug: i for i, e in enumerate(self.sorted_entries["deadline"])}
        for lang in self.languages:
            facet_groups = groups[lang]
            sorts = [{"code": code, "path": path, "label": self.translate(lang, label)}
                     for code, path, label in views.SORTS]
            title = self.translate(lang, "Project bank")
            for code, path, _label in views.SORTS:
                entries = self.sorted_entries[code]
                self.listing(writer, lang, path, "projects.html", items="projects", entries=entries, size=size,
                             title=title, values={"facet_groups": facet_groups, "facet": None, "sorts": sorts,
                                                  "sort": code, "list_path": views.SORTS[0][1]},
                             first_only=lambda entries=entries, lang=lang: {"totals": self._totals(entries, lang)},
                             deps=common)
            for group in facet_groups:
                for value in group["values"]:
                    entries = sorted(self.facets.entries(group["facet"], value["code"]), key=lambda e: order[e.slug])
                    facet = {"title": group["title"], "label": value["label"], "path": value["path"]}
                    self.listing(writer, lang, value["path"], "projects.html", items="projects", entries=entries,
                                 size=size, title=f"{value['label']} · {title}",
                                 values={"facet_groups": facet_groups, "sorts": sorts, "sort": "", "facet": facet,
                                         "list_path": views.SORTS[0][1]},
                                 first_only=lambda entries=entries, lang=lang: {"totals": self._totals(entries, lang)},
                                 deps=common)
            for entry in self.projects:
                news = entry.referrers("article") if "news" in self.context["SECTIONS"] else []
                self.entry_page(writer, entry, lang, "project.html", "project",
                                extra=lambda entry=entry, lang=lang, news=news: {
                                    "logo": self._logo(entry), "news": views.news_links(news, lang)},
                                deps=(self.statuses[entry.slug], [self.site.card(a) for a in news]))

    def _logo(self, entry: Entry) -> dict | None:
        """The lead organisation's logo (the directory resizes them; no project has an image of its own). The
        logos are part of every page's key (the directory's `site part`)."""
        return self.context.get("LOGOS", {}).get(entry.data["organisation"])
