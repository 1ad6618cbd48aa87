"""Render the services catalogue: a page per offer, the index by kind; feed the economic-model page."""

from __future__ import annotations

from markupsafe import Markup
from pelican.generators import Generator

from labo_site.generator import LaboMixin
from labo_site.views import formatting_key

from . import views


class ServicesGenerator(LaboMixin, Generator):
    section = "services"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        setting = self.settings["REVENUE_SPLIT"]  # checked to add up to 100 by labo_site.settings
        self.services = sorted(self.registry.kind("service"), key=lambda e: formatting_key(e.title))
        self.views = {lang: {e.slug: views.service_view(e, lang, self.registry, setting, self.translate)
                             for e in self.services} for lang in self.languages}
        price, currency = views.EXAMPLE_PRICE
        # Read by partials/page_modele-economique.html: the page states the rule the build applies.
        self.context["ECONOMIC_MODEL"] = {
            lang: {"percents": views.percents_view(setting, lang, self.translate),
                   "example": views.split_view(price, currency, setting, lang, self.translate),
                   "own_splits": [self.views[lang][e.slug] for e in self.services
                                  if self.views[lang][e.slug]["own_split"]]}
            for lang in self.languages}

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            by_slug = self.views[lang]
            groups = []
            for kind in views.kind_order():
                items = [by_slug[e.slug] for e in self.services if e.data["kind"] == kind]
                if items:
                    groups.append({"code": kind, "title": self.translate(lang, views.KIND_PLURALS[kind]),
                                   "services": items})
            self.render(writer, lang, f"{views.SECTION}/index.html", "services.html",
                        page_title=self.translate(lang, "Services"), groups=groups, total=len(self.services),
                        model=self.context["ECONOMIC_MODEL"][lang])
            for entry in self.services:
                view = by_slug[entry.slug]
                body_lang = lang if lang in entry.body else entry.lang
                self.render(writer, lang, view["path"], "service.html", entry=entry, service=view,
                            page_title=view["title"], title_lang=view["title_lang"],
                            body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang)
