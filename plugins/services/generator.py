"""Render the services catalogue: a page per offer, the index by kind; feed the economic-model page."""

from __future__ import annotations

from content_model.registry import Entry
from labo_site.generator import LaboGenerator
from labo_site.views import formatting_key

from . import views
from .split import effective_split


class ServicesGenerator(LaboGenerator):
    section = "services"

    def generate_context(self) -> None:
        self.split = self.settings["REVENUE_SPLIT"]  # checked to add up to 100 by labo_site.settings
        self.services = sorted(self.registry.kind("service"), key=lambda e: formatting_key(e.title))
        price, currency = views.EXAMPLE_PRICE
        # The services with a split of their own (the view of each is built here only for them: at 3,000 services,
        # building every view in the main process took 1 s of a rebuild).
        own = [e for e in self.services if effective_split(e.data.get("revenue_split"), self.split)[1]]
        # Read by partials/page_modele-economique.html: the page states the rule the build applies.
        self.context["ECONOMIC_MODEL"] = {
            lang: {"percents": views.percents_view(self.split, lang, self.translate),
                   "example": views.split_view(price, currency, self.split, lang, self.translate),
                   "own_splits": [self.view(e, lang) for e in own]}
            for lang in self.languages}

    def make_view(self, entry: Entry, lang: str) -> dict:
        return views.service_view(entry, lang, self.registry, self.split, self.translate)

    def generate_output(self, writer) -> None:
        model = self.site.scoped_digest("ECONOMIC_MODEL")
        for lang in self.languages:
            self.page(writer, lang, f"{views.SECTION}/index.html", "services.html",
                      lambda lang=lang: self._index(lang), deps=(self.site.listing(self.services), model))
            for entry in self.services:
                self.entry_page(writer, entry, lang, "service.html", "service")

    def _index(self, lang: str) -> dict:
        groups = []
        for kind in views.kind_order():
            items = [self.view(e, lang) for e in self.services if e.data["kind"] == kind]
            if items:
                groups.append({"code": kind, "title": self.translate(lang, views.KIND_PLURALS[kind]),
                               "services": items})
        return {"page_title": self.translate(lang, "Services"), "groups": groups, "total": len(self.services),
                "model": self.context["ECONOMIC_MODEL"][lang]}
