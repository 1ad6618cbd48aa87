"""The site's generators: validation first, then one pass that renders every language.

Why one pass instead of the i18n_subsites plugin: i18n_subsites runs Pelican once per language, reading
and validating everything again and copying static files again; here files are read and checked once and
each page is rendered once per language, with the language chosen per page (see `i18n.py`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from content_model import report as report_mod
from content_model.cache import Cache
from content_model.registry import Registry
from content_model.schema import ENTITY_KINDS, KINDS_BY_NAME
from content_model.validate import validate_site

from . import clock, formatting, i18n
from . import settings as settings_mod
from .page_cache import PageCache
from .pages import PageQueue

logger = logging.getLogger(__name__)
_LAST: dict = {}


def last_context() -> dict:
    """The context of the latest run, for the summary printed at `finalized`."""
    return _LAST.get("context", {})


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Main navigation: (section that must exist, path under the language root, label, active-prefix).
NAV_ITEMS = (
    ("", "index.html", N_("Home"), ""),
    ("organisations", "organisations/index.html", N_("Directory"), "organisations/"),
    ("projects", "projets/index.html", N_("Projects"), "projets/"),
    ("events", "agenda/index.html", N_("Events"), "agenda/"),
    ("services", "services/index.html", N_("Services"), "services/"),
    ("tenders", "appels-d-offres/index.html", N_("Calls for tenders"), "appels-d-offres/"),
    ("news", "actualites/index.html", N_("News"), "actualites/"),
    ("map", "carte.html", N_("Map and figures"), ""),
    ("search", "recherche.html", N_("Search"), ""),
)
#: Footer links to pages, in this order, when the page exists.
FOOTER_PAGES = ("a-propos", "gouvernance", "mediateur", "adherer", "feuille-de-route", "modele-economique",
                "contribuer")
#: Home page blocks, each a partial `partials/home_<name>.html` fed by its plugin through HOME[<name>].
HOME_BLOCKS = ("projects", "tenders", "events", "news")


#: Functions a plugin offers to every template (e.g. JSON-LD for an entry); filled in plugins' register().
TEMPLATE_GLOBALS: dict[str, object] = {}


class ContentError(SystemExit):
    """Raised after the validation report is printed. A SystemExit, so that Pelican does not log a
    traceback under the report: the report is the whole message. The exit status is 1."""

    def __init__(self, message: str) -> None:
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


class EntityBody:
    """What the reader gives for one file: sanitised HTML. Small, so the content cache stays small."""

    def __init__(self, content: str, metadata=None, settings=None, source_path=None, context=None) -> None:
        self.content = content
        self.source_path = source_path


class LaboMixin:
    """Shared by every generator of the site: gettext per page, relative links, language alternates."""

    section = ""  # name added to SECTIONS so the navigation shows only what exists

    def __init_subclass__(cls, **kwargs) -> None:
        # Each generator's generate_output only queues pages; the last one to finish renders the queue.
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("generate_output")
        if own is not None:
            def generate_output(self, writer, _own=own) -> None:
                _own(self, writer)
                self._output_done()
            cls.generate_output = generate_output

    def _output_done(self) -> None:
        self.context["LABO_PENDING"] -= 1
        if self.context["LABO_PENDING"] == 0:
            started = time.perf_counter()
            self.context["LABO_QUEUE"].flush()
            self.context["LABO_TIMINGS"]["render"] = time.perf_counter() - started

    def _setup_labo(self) -> None:
        if "LABO_CACHE" not in self.context:
            use = self.settings.get("LABO_CACHE", True)
            self.context["LABO_CACHE"] = Cache(Path(self.settings["CACHE_PATH"])) if use else None
        if "LABO_QUEUE" not in self.context:
            processes = self.settings.get("LABO_RENDER_PROCESSES") or min(2, os.cpu_count() or 1)
            self.context["LABO_QUEUE"] = PageQueue(self.output_path, int(processes))
            self.context["LABO_PENDING"] = 0
        if hasattr(type(self), "generate_output"):
            self.context["LABO_PENDING"] += 1
        self.languages: tuple[str, ...] = tuple(self.settings["LANGUAGES"])
        self.default_lang: str = self.languages[0]
        i18n.install(self.env, Path(self.settings["THEME"]) / "translations", self.default_lang)
        self.env.globals.update(country_name=formatting.country_name, language_name=formatting.language_name)
        self.env.globals.update(TEMPLATE_GLOBALS)
        self.context.setdefault("SECTIONS", set())
        self.context.setdefault("HOME", {})
        if self.section:
            self.context["SECTIONS"].add(self.section)

    @property
    def cache(self) -> Cache | None:
        """The build's cache (content_model/cache.py), or None when LABO_CACHE is False."""
        return self.context["LABO_CACHE"]

    @property
    def registry(self) -> Registry:
        return self.context["registry"]

    def translate(self, lang: str, message: str) -> str:
        return i18n.translate(Path(self.settings["THEME"]) / "translations", lang, message)

    def numbered_title(self, lang: str, title: str, pagination: dict | None) -> str:
        """The list's title, with "(page N)" from the second page on."""
        if pagination is None or pagination["number"] == 1:
            return title
        return f"{title} ({self.translate(lang, 'page')} {pagination['number']})"

    def lang_prefix(self, lang: str) -> str:
        return "" if lang == self.default_lang else f"{lang}/"

    def render(self, writer, lang: str, path: str, template: str, **values) -> None:
        """Write `path` (relative to the language root) in `lang` with `template`."""
        out = self.lang_prefix(lang) + path
        self.context["LABO_PAGES"] = self.context.get("LABO_PAGES", 0) + 1
        siteurl = path_to_url(get_relative_path(out))
        lang_root = siteurl if lang == self.default_lang else f"{siteurl}/{lang}"
        alternates = [
            {"lang": other, "name": formatting.language_name(other, other),
             "href": f"{siteurl}/{self.lang_prefix(other)}{path}"}
            for other in self.languages
        ]
        context = dict(self.context)
        context.update(
            SITEURL=siteurl, localsiteurl=siteurl, output_file=out,
            lang=lang, LANG_ROOT=lang_root, page_path=path, alternates=alternates,
            template_name=template.removesuffix(".html").replace("/", "-"),
            source_url=_source_url(self.settings, values.get("entry")),
            **values,
        )
        queue = self.context["LABO_QUEUE"]
        if self.cache is not None and self.settings.get("LABO_PAGE_CACHE", True):
            if queue.cache is None:
                queue.cache = PageCache(self, self.cache)
            queue.cache.key(out, lang, template, values)
        queue.add(out, self.env.get_template(template), context)


def _reader_digest() -> bytes:
    """The code that turns a file into a body's HTML: a new version never reads an older one's cache."""
    import content_model

    here = Path(content_model.__file__).parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in ("reader.py", "frontmatter.py",
                                                                          "sanitize.py"))).digest()


_READER_DIGEST = _reader_digest()


def _source_url(settings: dict, entry) -> str:
    repo = settings.get("REPOSITORY_URL")
    if not repo or entry is None:
        return ""
    return f"{repo.rstrip('/')}/edit/{settings.get('REPOSITORY_BRANCH', 'main')}/content/{entry.source}"


class EntitiesGenerator(LaboMixin, Generator):
    """Validates all content, reads every entry's body (cached by the file's bytes), builds the
    registry shared by the other generators, and renders the home page, the pages and the 404 page."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        settings_mod.check(self.settings)
        self._setup_labo()
        # Validation runs here, in __init__, because Pelican builds every generator before any of them reads:
        # a broken file stops the run before Pelican's own generators read (and skip) it, and before a byte
        # is written.
        content = Path(self.path)
        try:
            shown = os.path.relpath(content)
        except ValueError:  # another drive on Windows
            shown = str(content)
        report = validate_site(content, languages=self.languages, today=clock.build_date(),
                               include_examples=self.settings.get("LABO_INCLUDE_EXAMPLES", True),
                               shown_root=shown if not shown.startswith("..") else str(content))
        if not report.ok:
            report_mod.print_report(report, sys.stderr)
            raise ContentError(f"{len(report.problems)} content error(s); nothing was written")
        self.context["registry"] = report.registry
        self.context["taxonomy"] = report.taxonomy
        self.context["BUILD_DATE"] = clock.build_date()
        self.context["LABO_TIMINGS"] = {"validate": report.seconds}
        self.context["LABO_SUMMARY"] = report_mod.summary(report)
        self.context["LABO_PAGES"] = 0
        _LAST["context"] = self.context

    def generate_context(self) -> None:
        started = time.perf_counter()
        for kind in ENTITY_KINDS + (KINDS_BY_NAME["page"], KINDS_BY_NAME["article"]):
            for entry in self.registry.kind(kind.name):
                entry.body[entry.lang] = self._read_body(entry.source)
                for lang, translation in entry.translations.items():
                    entry.body[lang] = self._read_body(translation.source)
        self._navigation()
        self.context["LABO_TIMINGS"]["read"] = time.perf_counter() - started

    def _navigation(self) -> None:
        sections = self.context["SECTIONS"]
        self.context["NAV"] = [{"path": path, "label": label, "prefix": prefix}
                               for section, path, label, prefix in NAV_ITEMS if not section or section in sections]
        pages = {p.slug: p for p in self.registry.kind("page")}
        footer = [{"path": f"pages/{slug}.html",
                   "titles": {lang: pages[slug].text("title", lang)[0] for lang in self.languages}}
                  for slug in FOOTER_PAGES if slug in pages]
        if "organisations" in sections:
            footer.insert(2, {"path": "membres.html",
                              "titles": {lang: self.translate(lang, "Members") for lang in self.languages}})
        if "contribute" in sections:
            footer.append({"path": "proposer.html",
                           "titles": {lang: self.translate(lang, "Propose an entry") for lang in self.languages}})
        if "open_data" in sections:
            footer.append({"path": "data/index.html",
                           "titles": {lang: self.translate(lang, "Open data") for lang in self.languages}})
        self.context["FOOTER_NAV"] = footer
        self.context["PAGE_PATHS_BY_SLUG"] = {slug: f"pages/{slug}.html" for slug in pages}
        self.context["HOME_BLOCKS"] = HOME_BLOCKS

    def _read_body(self, source: str) -> str:
        """The sanitised HTML of a file's body, from the cache when the file's bytes and the reader's code are
        the same as when it was stored."""
        key = _READER_DIGEST + hashlib.sha256((Path(self.path) / source).read_bytes()).digest()
        cached = self.cache.get("bodies", key) if self.cache is not None else None
        if cached is not None:
            return cached.decode("utf-8")
        body = self.readers.read_file(base_path=self.path, path=source, content_class=EntityBody,
                                      context=self.context).content
        if self.cache is not None:
            self.cache.put("bodies", key, body.encode("utf-8"))
        return body

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        pages = self.registry.kind("page")
        for lang in self.languages:
            self.render(writer, lang, "index.html", "home.html", page_title="")
            self.render(writer, lang, "404.html", "404.html", page_title=self.translate(lang, "Page not found"))
            for page in pages:
                title, title_lang = page.text("title", lang)
                body_lang = lang if lang in page.body else page.lang
                self.render(writer, lang, f"pages/{page.slug}.html", "page.html", entry=page,
                            page_title=title, title_lang=title_lang, body=Markup(page.body[body_lang]),
                            body_lang=body_lang, summary=page.text("summary", lang)[0])
        self.context["LABO_TIMINGS"]["queue"] = time.perf_counter() - started
