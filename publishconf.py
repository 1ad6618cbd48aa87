"""Settings for the published site: absolute URL, feeds, no example entries."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://labo-ess-afrique.github.io/site")
LABO_INCLUDE_EXAMPLES = False
# -- News feeds: Atom only, and only here, where SITEURL is absolute (feed ids and links need it) ----------
# Pelican writes the default language's feeds; the news plugin writes the same paths under en/ in English.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = 50  # the latest articles; older ones stay on the site
