"""Pelican settings for the Labo ESS Afrique site (local build; `publishconf.py` extends them)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(ROOT / "plugins"))

from content_model.cache import default_path as default_cache_path  # noqa: E402 - needs the path above

# -- Identity: the founding text plans to rename the platform, so the name lives here only ------------------
SITE = {
    "name": {"fr": "Labo ESS Afrique", "en": "Labo ESS Afrique", "pt": "Labo ESS Afrique"},
    "acronym": {"fr": "LESSA", "en": "LESSA", "pt": "LESSA"},
    "tagline": {
        "fr": "Laboratoire et service international d’appui aux organisations d’économie sociale et solidaire",
        "en": "International lab and support service for social and solidarity economy organisations",
        "pt": "Laboratório e serviço internacional de apoio às organizações da economia social e solidária",
    },
}
SITENAME = SITE["name"]["fr"]
AUTHOR = "Labo ESS Afrique"
SITEURL = ""
RELATIVE_URLS = True

# -- Languages: French first; adding one is a line here and a catalogue in the theme ---------------------
DEFAULT_LANG = "fr"
LANGUAGES = ("fr", "en", "pt")
RTL_LANGUAGES = ("ar",)
TIMEZONE = "Africa/Ouagadougou"

# -- Economic model: shares of a priced service, in percent (validated to add up to 100) -------------------
REVENUE_SPLIT = {"consultant": 70, "platform": 15, "ess_fund": 15}

# -- Contribution workflow ------------------------------------------------------------------------------
REPOSITORY_URL = "https://github.com/labo-ess-afrique/site"
REPOSITORY_BRANCH = "main"
# The site maintainers (a GitHub team with write access): default owners of every path outside content/ in
# .github/CODEOWNERS, and the reviewers who may approve any entry (see docs/github-setup.en.md).
CODEOWNERS_DEFAULT = ("labo-ess-afrique/maintainers",)
MEDIATOR_EMAIL = "mediation@labo-ess-afrique.org"
CONTACT_EMAIL = "contact@labo-ess-afrique.org"
LABO_INCLUDE_EXAMPLES = True  # example entries are shown locally and left out of the published site

# -- Open data: the licence of the /data/ downloads (shown on the data page and written in every file) ---------
DATA_LICENSE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "spdx": "CC-BY-4.0",
}

# -- Murmurations: each organisation as a profile (murmurations/<slug>.json) for the global SSE maps -----------
# Profiles are written only when SITEURL is absolute (invoke publish). Registration with the index is off ("");
# to turn it on, set "index_url" in publishconf.py to the index's nodes endpoint — the test index first,
# https://test-index.murmurations.network/v2/nodes, then https://index.murmurations.network/v2/nodes — and
# run `invoke murmurations-register` after each deploy (plugins/murmurations/README.md).
MURMURATIONS = {
    "index_url": "",
    "tags": ("économie sociale et solidaire", "social and solidarity economy"),  # on every profile
}

# -- Content ----------------------------------------------------------------------------------------------
PATH = "content"
THEME = str(ROOT / "themes" / "labo")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "content_model", "labo_site", "directory", "contribute", "network_map", "open_data", "agenda",
    "news", "projects", "services", "tenders", "search", "offline", "murmurations",
]
# Service worker (http(s) only): besides the shell, keep the search engine so search works offline after a visit.
# The section stylesheets too (map, search, form: 2–6 KB each), so that a page first opened offline is styled.
OFFLINE = {"precache": ["theme/vendor/lunr/*.js", "theme/vendor/snowball/*.js", "search/manifest.js",
                        "*/search/manifest.js", "theme/css/*.css"]}
ARTICLE_PATHS: list[str] = []  # news are read with the other entries (labo_site), feeds written by the news plugin
PAGE_PATHS: list[str] = []  # pages are read and rendered with the entities, in every language
STATIC_PATHS = ["images/site", "documents", "extra"]
IGNORE_FILES = [".#*", "*.??.md"]  # translations are paired with their original by labo_site
FORMATTED_FIELDS: list[str] = []
SLUGIFY_SOURCE = "basename"
MARKDOWN = {"extensions": [], "output_format": "html5"}

# Pelican's own pages are not written: every page is rendered per language by the site's generators.
ARTICLE_URL = "actualites/{slug}.html"
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
PAGE_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DIRECT_TEMPLATES: list[str] = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# -- Limits: what a contributed file may weigh; checked by the validator, reasons in content_model/limits.py ---
LABO_LIMITS = {
    "markdown_bytes": 512 * 1024,  # a whole .md file; the longest shipped page is 8.8 KB
    "front_matter_bytes": 128 * 1024,  # the fields between the two '---' lines
    "front_matter_depth": 20,  # lists and groups inside each other; the model needs 4
    "image_bytes": 5 * 1024 * 1024,
    "image_pixels": 25_000_000,  # all frames together, read from the header before decoding
    "image_frames": 1000,
    "document_bytes": 20 * 1024 * 1024,  # PDF, office files, CSV, text
    "archive_members": 1000,  # files inside an office document (a zip)
    "archive_bytes": 200 * 1024 * 1024,  # what an office document declares it unpacks to
    "name_length": 100,  # characters of a file or folder name
}

# -- Rendering --------------------------------------------------------------------------------------------
JINJA_ENVIRONMENT = {
    "autoescape": True,  # every contributed field is escaped; sanitised Markdown is passed as Markup
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,  # templates never change during a run: no os.stat per page and per include
}
THEME_STATIC_DIR = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # tasks.py builds into a fresh folder and swaps it in atomically

# -- Cache: outside the checkout (see content_model/cache.py: nothing a pull request adds is read back as a
# cache), one folder per checkout; LABO_CACHE_DIR overrides it. Pelican's own content cache is off: it pickles.
CACHE_PATH = str(default_cache_path(ROOT))
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
