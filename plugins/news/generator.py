"""Render the news: the index and one page per category (paginated), article pages, other languages' feeds.

Pelican's ArticlesGenerator reads content/news/ and writes nothing but feeds (ARTICLE_SAVE_AS is empty):
every page here is rendered from the registry, in every language, like the rest of the site.
"""

from __future__ import annotations

import re
from collections import defaultdict

from markupsafe import Markup
from pelican.generators import Generator

from content_model.registry import Entry
from content_model.schema import NEWS_CATEGORIES
from labo_site.generator import LaboMixin
from labo_site.pagination import paginate

from . import feeds, views
from . import settings as settings_mod
from .views import N_

HOME_COUNT = 3  # articles on the home page
#: Identifiers an article cannot take: its page would overwrite the news index or one of its pages.
RESERVED = re.compile(r"^(index|index-p\d+)$")


class ReservedNameError(Exception):
    exitcode = 1


class NewsGenerator(LaboMixin, Generator):
    section = "news"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings_mod.check(self.settings)
        self._setup_labo()

    def generate_context(self) -> None:
        self.articles = views.newest_first(self.registry.kind("article"))
        reserved = [e for e in self.articles if RESERVED.match(e.slug)]
        if reserved:
            raise ReservedNameError("; ".join(
                f"news: {e.source}: \"{e.slug}\" is the name of one of the news index pages; rename the file"
                for e in reserved))
        sections = self.context["SECTIONS"]
        self.views = {lang: {e.slug: views.article_view(e, lang, self.translate, self.registry, sections)
                             for e in self.articles}
                      for lang in self.languages}
        self.by_category: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.articles:
            self.by_category[entry.data["category"]].append(entry)
        self.categories = [code for code in NEWS_CATEGORIES if self.by_category.get(code)]
        self.context["HOME"]["news"] = {
            lang: {"articles": [self.views[lang][e.slug] for e in self.articles[:HOME_COUNT]],
                   "count": len(self.articles)}
            for lang in self.languages
        }

    def generate_output(self, writer) -> None:
        for lang in self.languages:
            by_slug = self.views[lang]
            feed_paths = feeds.feed_paths(self.settings, self.lang_prefix(lang), self.categories)
            nav = [{"code": code, "label": self.translate(lang, views.CATEGORY_LABELS[code]),
                    "path": views.category_path(code), "count": len(self.by_category[code]),
                    "feed": feed_paths["categories"].get(code, "")}
                   for code in self.categories]
            common = {"categories": nav, "feeds": feed_paths}
            self._render_list(writer, lang, views.INDEX_PATH, [by_slug[e.slug] for e in self.articles],
                              page_title=self.translate(lang, N_("News")), category=None, category_feed="",
                              **common)
            for item in nav:
                self._render_list(writer, lang, item["path"], [by_slug[e.slug] for e in self.by_category[item["code"]]],
                                  page_title=f"{item['label']} · {self.translate(lang, N_('News'))}", category=item,
                                  category_feed=item["feed"], **common)
            for entry in self.articles:
                view = by_slug[entry.slug]
                body_lang = lang if lang in entry.body else entry.lang
                category_feed = feed_paths["categories"].get(view["category"]["code"], "")
                self.render(writer, lang, view["path"], "article.html", entry=entry, article=view,
                            page_title=view["title"], title_lang=view["title_lang"],
                            body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang,
                            feeds=feed_paths, category_feed=category_feed)
            if lang != self.default_lang and feed_paths["all"]:
                self._write_feeds(writer, lang, feed_paths)

    def _render_list(self, writer, lang: str, path: str, articles: list[dict], **values) -> None:
        """A list of articles, split into pages of NEWS_PAGE_SIZE so no page grows with the archive."""
        size = self.settings.get("NEWS_PAGE_SIZE", 20)
        for page_path, chunk, pagination in paginate(path, articles, size):
            title = self.numbered_title(lang, values["page_title"], pagination)
            self.render(writer, lang, page_path, "news.html", articles=chunk, total=len(articles),
                        pagination=pagination, **{**values, "page_title": title})

    def _write_feeds(self, writer, lang: str, paths: dict) -> None:
        siteurl = str(self.settings.get("SITEURL") or "")
        items: dict[str, feeds.FeedItem] = {}
        for entry in self.articles:
            body_lang = lang if lang in entry.body else entry.lang
            items[entry.slug] = feeds.FeedItem(entry, self.views[lang][entry.slug], entry.body.get(body_lang, ""))
        feeds.write_feeds(
            writer, self.context, lang_root_url=f"{siteurl}/{lang}", site_name=self.settings["SITE"]["name"][lang],
            paths=paths, items=list(items.values()),
            by_category={code: [items[e.slug] for e in self.by_category[code]] for code in self.categories},
            labels={code: self.translate(lang, views.CATEGORY_LABELS[code]) for code in self.categories})
