"""Atom feeds of every language from the registry, written by Pelican's own feed writer.

Readers of the French site get `feeds/…`, readers of the English site `en/feeds/…` with English titles,
summaries and bodies (the original's body when an article is not translated). Pelican's `Writer.write_feed`
writes them, so they follow its settings (FEED_DOMAIN, FEED_MAX_ITEMS, TIMEZONE).
Feeds are written only when NEWS_FEED_ATOM is set, i.e. in publishconf.py, with an absolute SITEURL.
"""

from __future__ import annotations

import datetime as dt

from pelican.utils import SafeDatetime

from content_model.registry import Entry

from .views import published_at


class FeedItem:
    """What Pelican's `Writer.write_feed` reads from an article, for one language."""

    def __init__(self, entry: Entry, view: dict, body: str, default_author: str = "") -> None:
        self.title = view["title"]
        self.url = view["path"]
        self.summary = view["summary"]
        self.category = view["category"]["label"]
        authors = entry.data.get("authors") or []
        if authors or default_author:  # Pelican's articles fall back on the AUTHOR setting likewise
            self.author = authors[0] if authors else default_author
        self.date = _safe(published_at(entry))
        modified = entry.data.get("modified")
        if modified:
            self.modified = _safe(modified if isinstance(modified, dt.datetime)
                                  else dt.datetime(modified.year, modified.month, modified.day))
        self._body = body

    def get_content(self, siteurl: str) -> str:
        return self._body


def _safe(value: dt.datetime) -> SafeDatetime:
    return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute)


def feed_paths(settings: dict, prefix: str, categories: list[str]) -> dict:
    """{'all': path, 'categories': {code: path}} under the language prefix; empty when feeds are off."""
    all_feed = settings.get("NEWS_FEED_ATOM")
    category_feed = settings.get("NEWS_CATEGORY_FEED_ATOM")
    return {
        "all": f"{prefix}{all_feed}" if all_feed else "",
        "categories": {code: f"{prefix}{str(category_feed).format(slug=code)}" for code in categories}
        if category_feed else {},
    }


def write_feeds(writer, context: dict, *, lang_root_url: str, site_name: str, paths: dict,
                items: list[FeedItem], by_category: dict[str, list[FeedItem]], labels: dict[str, str]) -> None:
    """Write one language's feeds (items newest first) with Pelican's writer."""
    local = dict(context, SITEURL=lang_root_url, SITENAME=site_name)
    if paths["all"]:
        writer.write_feed(items, local, paths["all"], paths["all"])
    for code, path in paths["categories"].items():
        writer.write_feed(by_category.get(code, []), local, path, path, feed_title=labels[code])
