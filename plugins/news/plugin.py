from __future__ import annotations

from pelican import signals

from labo_site import clock
from labo_site.plugin import add_generator

from .generator import NewsGenerator


def date_empty_feed(context, feed) -> None:
    """A feed with no entry would be dated "now" by feedgenerator: date it by the build (SOURCE_DATE_EPOCH),
    so that the same content gives the same bytes."""
    if not feed.items:
        feed.latest_post_date = clock.build_datetime


def register() -> None:
    # The news (pages and feeds) render from the registry the site validates first; labo_site orders the
    # generators. Pelican's own article reading is off (ARTICLE_PATHS is empty): one reading, one source.
    add_generator("news", NewsGenerator)
    # feed_generated: sent by Pelican's writer before a feed is written.
    signals.feed_generated.connect(date_empty_feed)
