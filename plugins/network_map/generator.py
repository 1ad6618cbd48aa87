"""Render the map page (carte.html) and the statistics page (statistiques.html) in every language."""

from __future__ import annotations

from pelican.generators import Generator

from labo_site import clock, formatting
from labo_site.generator import LaboMixin

from . import stats, views


class MapGenerator(LaboMixin, Generator):
    section = "map"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        # Counted once here; every language then only labels the same numbers.
        self.figures = stats.collect(self.registry, today=clock.build_date())
        self.context["NETWORK_FIGURES"] = self.figures

    def generate_output(self, writer) -> None:
        taxonomy = self.context["taxonomy"]
        organisations = self.registry.kind("organisation")
        # The open_data plugin announces its page in generate_context; without it, no link to a missing page.
        data_path = views.DATA_PATH if self.context.get("OPEN_DATA") else ""
        for lang in self.languages:
            self.render(writer, lang, views.MAP_PATH, "map.html",
                        page_title=self.translate(lang, "Map of the network"),
                        map_svg=views.organisation_map(self.figures, organisations, lang, self.translate,
                                                       views.MAP_PATH),
                        country_rows=views.country_rows(self.figures, lang),
                        not_stated=self.figures.org_country.get(stats.NOT_STATED, 0),
                        figures=views.headline(self.figures), stats_path=views.STATS_PATH,
                        data_path=data_path)
            self.render(writer, lang, views.STATS_PATH, "stats.html",
                        page_title=self.translate(lang, "The network in figures"),
                        sections=views.stats_sections(self.figures, lang, taxonomy, self.translate),
                        figures=views.headline(self.figures), map_path=views.MAP_PATH,
                        data_path=data_path, as_of=formatting.date(clock.build_date(), lang))
