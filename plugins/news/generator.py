"""Render the news: the index and one page per category (paginated), article pages, and the Atom feeds of
every language, all from the registry (Pelican's own article reading is off: ARTICLE_PATHS is empty)."""

from __future__ import annotations

from content_model.registry import Entry
from content_model.schema import NEWS_CATEGORIES
from labo_site.facets import Facet, Facets
from labo_site.generator import LaboGenerator
from labo_site.writer import digest

from . import feeds, views
from . import settings as settings_mod
from .views import N_

HOME_COUNT = 3  # articles on the home page


class NewsGenerator(LaboGenerator):
    section = "news"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings_mod.check(self.settings)

    def generate_context(self) -> None:
        # Validation refuses the names of the section's own pages (index, index-p2…): no check here.
        self.articles = views.newest_first(self.registry.kind("article"))
        order = {code: i for i, code in enumerate(NEWS_CATEGORIES)}
        self.facets = Facets("actualites", (
            Facet("category", "rubriques", N_("Categories"), lambda e: [e.data["category"]],
                  lambda code, lang: self.translate(lang, views.CATEGORY_LABELS[code]), lambda v: order[v["code"]],
                  path=views.category_path),), self.articles)
        self.context["HOME"]["news"] = {
            lang: {"articles": [self.view(e, lang) for e in self.articles[:HOME_COUNT]], "count": len(self.articles)}
            for lang in self.languages
        }

    def make_view(self, entry: Entry, lang: str) -> dict:
        return views.article_view(entry, lang, self.translate, self.registry, self.context["SECTIONS"])

    def generate_output(self, writer) -> None:
        size = self.settings.get("NEWS_PAGE_SIZE", 20)
        categories = [v["code"] for v in self.facets.groups(self.default_lang, self.translate)[0]["values"]]
        for lang in self.languages:
            feed_paths = feeds.feed_paths(self.settings, self.lang_prefix(lang), categories)
            nav = [{"code": value["code"], "label": value["label"], "path": value["path"], "count": value["count"],
                    "feed": feed_paths["categories"].get(value["code"], "")}
                   for value in self.facets.groups(lang, self.translate)[0]["values"]]
            common = {"categories": nav, "feeds": feed_paths}
            nav_digest = digest(repr(nav))
            self.listing(writer, lang, views.INDEX_PATH, "news.html", items="articles", entries=self.articles,
                         size=size, title=self.translate(lang, N_("News")),
                         values={"category": None, "category_feed": "", **common}, deps=(nav_digest,))
            for item in nav:
                self.listing(writer, lang, item["path"], "news.html", items="articles",
                             entries=self.facets.entries("category", item["code"]), size=size,
                             title=f"{item['label']} · {self.translate(lang, N_('News'))}",
                             values={"category": item, "category_feed": item["feed"], **common}, deps=(nav_digest,))
            for entry in self.articles:
                category_feed = feed_paths["categories"].get(entry.data["category"], "")
                self.entry_page(writer, entry, lang, "article.html", "article",
                                extra=lambda feed_paths=feed_paths, category_feed=category_feed: {
                                    "feeds": feed_paths, "category_feed": category_feed}, deps=(nav_digest,))
            if feed_paths["all"]:
                self._write_feeds(writer, lang, feed_paths, nav)

    def _write_feeds(self, writer, lang: str, paths: dict, nav: list[dict]) -> None:
        siteurl = str(self.settings.get("SITEURL") or "")
        root = siteurl if lang == self.default_lang else f"{siteurl}/{lang}"
        items: dict[str, feeds.FeedItem] = {}
        default_author = self.settings.get("AUTHOR", "")
        for entry in self.articles:
            body_lang = lang if lang in entry.body else entry.lang
            items[entry.slug] = feeds.FeedItem(entry, self.view(entry, lang), entry.body.get(body_lang, ""),
                                               default_author)
        feeds.write_feeds(
            writer, self.context, lang_root_url=root, site_name=self.settings["SITE"]["name"][lang],
            paths=paths, items=list(items.values()),
            by_category={item["code"]: [items[e.slug] for e in self.facets.entries("category", item["code"])]
                         for item in nav},
            labels={item["code"]: item["label"] for item in nav})
