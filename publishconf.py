"""Settings for the published site: absolute URL, feeds, no example entries."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://labo-ess-afrique.github.io/site")
LABO_INCLUDE_EXAMPLES = False
# -- News feeds: Atom only, and only here, where SITEURL is absolute (feed ids and links need it) ----------
# The news plugin writes them for every language (feeds/… in French, en/feeds/… in English) with Pelican's feed
# writer; Pelican's own FEED_ALL_ATOM stays off, its article reading being off too.
FEED_DOMAIN = SITEURL
NEWS_FEED_ATOM = "feeds/all.atom.xml"
NEWS_CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = 50  # the latest articles; older ones stay on the site
