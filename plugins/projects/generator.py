"""Render the project bank: a page per project, the list sorted by deadline and by progress, facet pages."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup
from pelican.generators import Generator

from labo_site import clock
from labo_site.generator import LaboMixin
from labo_site.pagination import paginate
from labo_site.views import formatting_key

from . import funding as funding_mod
from . import views


class ProjectsGenerator(LaboMixin, Generator):
    section = "projects"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        today = clock.build_date()
        taxonomy = self.context["taxonomy"]
        self.projects = sorted(self.registry.kind("project"), key=lambda e: formatting_key(e.title))
        fundings = {e.slug: funding_mod.Funding.of(e.data) for e in self.projects}
        statuses = {e.slug: funding_mod.effective_status(e.data["status"], fundings[e.slug], today)
                    for e in self.projects}
        self.facets: dict[str, dict[str, list]] = {facet: defaultdict(list) for facet, _ in views.FACETS}
        for entry in self.projects:
            for facet, codes in views.facet_values(entry, statuses[entry.slug]).items():
                for code in codes:
                    self.facets[facet][code].append(entry)
        by_deadline = sorted(self.projects, key=lambda e: funding_mod.deadline_key(fundings[e.slug], today))
        by_progress = sorted(by_deadline, key=lambda e: funding_mod.progress_key(fundings[e.slug]))
        self.sorted_slugs = {"deadline": [e.slug for e in by_deadline], "progress": [e.slug for e in by_progress]}
        self.fundings = fundings
        # Ready values once per language; the pages below only pick from them.
        labels: dict = {}
        self.views = {lang: {e.slug: views.project_view(e, statuses[e.slug], lang, today, self.registry, taxonomy,
                                                        self.translate, labels) for e in self.projects}
                      for lang in self.languages}
        self.facet_groups = {lang: self._facet_groups(lang, taxonomy) for lang in self.languages}
        latest = sorted(by_deadline, key=lambda e: -(e.data["published"].toordinal() if e.data.get("published")
                                                      else 0))
        open_count = sum(1 for s in statuses.values() if s == "seeking_funding")
        self.context["HOME"]["projects"] = {
            lang: {"projects": [self.views[lang][e.slug] for e in latest[:views.HOME_COUNT]],
                   "count": len(self.projects), "seeking": open_count}
            for lang in self.languages}

    def _facet_groups(self, lang: str, taxonomy) -> list[dict]:
        groups = []
        for facet, _folder in views.FACETS:
            values = [{"code": code, "count": len(entries), "path": views.facet_path(facet, code),
                       "label": views.facet_label(facet, code, lang, taxonomy, self.translate)}
                      for code, entries in self.facets[facet].items()]
            values.sort(key=lambda v, facet=facet: views.facet_sort_key(facet, v))
            if values:
                groups.append({"facet": facet, "title": self.translate(lang, views.FACET_TITLES[facet]),
                               "values": values})
        return groups

    def _render_list(self, writer, lang: str, path: str, projects: list[dict], totals: list[dict],
                     **values) -> None:
        """A list of projects in pages of PROJECTS_PAGE_SIZE (x.html, x-p2.html…), so no page grows with the
        bank; the totals cover the whole list and are shown on its first page."""
        size = int(self.settings.get("PROJECTS_PAGE_SIZE", views.PAGE_SIZE))
        for page_path, chunk, pagination in paginate(path, projects, size):
            number = pagination["number"] if pagination else 1
            title = self.numbered_title(lang, values["page_title"], pagination)
            self.render(writer, lang, page_path, "projects.html", projects=chunk, total=len(projects),
                        pagination=pagination, totals=totals if number == 1 else [],
                        **{**values, "page_title": title})

    def _totals(self, slugs: list[str], lang: str) -> list[dict]:
        fundings = [self.fundings[s] for s in slugs if self.fundings[s] is not None]
        return views.totals_view(funding_mod.totals_by_currency(fundings), lang)

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            by_slug = self.views[lang]
            groups = self.facet_groups[lang]
            sorts = [{"code": code, "path": path, "label": self.translate(lang, label)}
                     for code, path, label in views.SORTS]
            for code, path, _label in views.SORTS:
                slugs = self.sorted_slugs[code]
                self._render_list(writer, lang, path, [by_slug[s] for s in slugs], self._totals(slugs, lang),
                                  page_title=self.translate(lang, "Project bank"), facet_groups=groups,
                                  facet=None, sorts=sorts, sort=code)
            order = {slug: i for i, slug in enumerate(self.sorted_slugs["deadline"])}
            for group in groups:
                for value in group["values"]:
                    slugs = sorted((e.slug for e in self.facets[group["facet"]][value["code"]]), key=order.__getitem__)
                    self._render_list(writer, lang, value["path"], [by_slug[s] for s in slugs],
                                      self._totals(slugs, lang),
                                      page_title=f"{value['label']} · {self.translate(lang, 'Project bank')}",
                                      facet_groups=groups, sorts=sorts, sort="",
                                      facet={"title": group["title"], "label": value["label"],
                                             "path": value["path"]})
            for entry in self.projects:
                view = by_slug[entry.slug]
                body_lang = lang if lang in entry.body else entry.lang
                self.render(writer, lang, view["path"], "project.html", entry=entry, project=view,
                            page_title=view["title"], title_lang=view["title_lang"],
                            body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang)
