"""Render the map page (carte.html) and the statistics page (statistiques.html) in every language."""

from __future__ import annotations

from labo_site import formatting
from labo_site.generator import LaboGenerator

from . import labels, mapviews, stats, views


class MapGenerator(LaboGenerator):
    section = "map"

    def generate_context(self) -> None:
        # Label layouts are kept in the build's cache (every map of every plugin goes through labels.layout).
        labels.CACHE[0] = self.site.cache
        # Counted once here; every language then only labels the same numbers.
        self.figures = stats.collect(self.registry, today=self.site.build_date)
        self.context["NETWORK_FIGURES"] = self.figures

    def generate_output(self, writer) -> None:
        taxonomy = self.site.taxonomy
        organisations = self.registry.kind("organisation")
        # The open_data plugin announces its page in generate_context; without it, no link to a missing page.
        data_path = views.DATA_PATH if self.context.get("OPEN_DATA") else ""
        # The map page names and places organisations (their cards' fields: name, country, coordinates).
        deps = (self.site.scoped_digest("NETWORK_FIGURES"), self.site.listing(organisations))
        for lang in self.languages:
            self.page(writer, lang, mapviews.MAP_PATH, "map.html", lambda lang=lang: {
                "page_title": self.translate(lang, "Map of the network"),
                "map": mapviews.organisation_map(organisations, lang, self.translate, mapviews.MAP_PATH),
                "not_stated": self.figures.org_country.get(stats.NOT_STATED, 0),
                "figures": views.headline(self.figures), "stats_path": views.STATS_PATH, "data_path": data_path},
                deps=deps)
            self.page(writer, lang, views.STATS_PATH, "stats.html", lambda lang=lang: {
                "page_title": self.translate(lang, "The network in figures"),
                "sections": views.stats_sections(self.figures, lang, taxonomy, self.translate),
                "figures": views.headline(self.figures), "map_path": mapviews.MAP_PATH, "data_path": data_path,
                "as_of": formatting.date(self.site.build_date, lang)}, deps=deps)
