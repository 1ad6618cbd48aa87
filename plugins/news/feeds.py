"""Atom feeds: Pelican writes the default language's feeds; this writes the same feeds for other languages.

Pelican knows only the originals (translations `<slug>.<lang>.md` are paired by content_model, not by
Pelican), so its feeds are French. Readers of the English site get `en/feeds/…` with English titles,
summaries and bodies (the original's body when an article is not translated), written through Pelican's
own feed writer so both follow the same settings (FEED_DOMAIN, FEED_MAX_ITEMS, TIMEZONE).
Feeds are written only when FEED_ALL_ATOM is set, i.e. in publishconf.py, with an absolute SITEURL.
"""

from __future__ import annotations

import datetime as dt

from pelican.utils import SafeDatetime

from content_model.registry import Entry

from .views import published_at


class FeedItem:
    """What Pelican's `Writer.write_feed` reads from an article, for one language."""

    def __init__(self, entry: Entry, view: dict, body: str) -> None:
        self.title = view["title"]
        self.url = view["path"]
        self.summary = view["summary"]
        self.category = view["category"]["label"]
        authors = entry.data.get("authors") or []
        if authors:
            self.author = authors[0]
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
    all_feed = settings.get("FEED_ALL_ATOM")
    category_feed = settings.get("CATEGORY_FEED_ATOM")
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
