"""What every generator of a build shares: the validated content, the cache, the words, the digests.

Made once per build by whichever generator asks first (`of`), so the order of the generators and of PLUGINS
does not matter: the first one validates every file; a broken file stops the run before a byte is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from content_model import report as report_mod
from content_model.cache import Cache
from content_model.messages import report_language, use_catalogues
from content_model.registry import Entry, Registry
from content_model.schema import KINDS_BY_NAME

from . import clock, i18n, page_cache
from . import settings as settings_mod
from .checking import parse_ahead, validate
from .writer import LaboWriter, digest

KEY = "LABO_SITE"


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
#: Context values that only some pages show: left out of the site-wide digest, so that a new project does not
#: re-render every page; the pages that read them name them in their dependencies (`scoped_digest`).
SCOPED = frozenset({"HOME", "NETWORK_FIGURES", "ECONOMIC_MODEL", "CONTRIBUTE", "SEARCH_STATS", "registry",
                    KEY, "LABO_PAGES", "LABO_REUSED", "LABO_MANIFEST"})


class ContentError(SystemExit):
    """Raised after the validation report is printed. A SystemExit, so that Pelican does not log a
    traceback under the report: the report is the whole message. The exit status is 1."""

    def __init__(self, message: str) -> None:
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Timings:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._started: dict[str, float] = {}

    def start(self, name: str) -> None:
        self._started[name] = time.perf_counter()

    def stop(self, name: str) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - self._started.pop(name)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        self.start(name)
        try:
            yield
        finally:
            self.stop(name)


class Site:
    def __init__(self, context: dict, settings: dict, content: Path) -> None:
        settings_mod.check(settings)
        self.context = context
        self.settings = settings
        self.content = content
        self.languages: tuple[str, ...] = tuple(settings["LANGUAGES"])
        self.default_lang = self.languages[0]
        self.translations = Path(settings["THEME"]) / "translations"
        use_catalogues(self.translations)
        self.timings = Timings()
        self.cache = Cache(Path(settings["CACHE_PATH"])) if settings.get("LABO_CACHE", True) else None
        self.build_date = clock.build_date()
        self._digests: dict[tuple[str, int | str], bytes] = {}
        self.site_parts: dict[str, bytes] = {}
        self._env = None
        self._renderer = None  # content_model.sanitize.MarkdownRenderer, made for the first body not in the cache
        self._load()

    # -- reading -------------------------------------------------------------------------------------

    def _load(self) -> None:
        started = time.perf_counter()
        if self._parse_ahead():
            self.timings.seconds["parse ahead"] = time.perf_counter() - started
        report = validate(self.settings, self.content, cache=self.cache, ahead=False)
        if not report.ok:
            report_mod.print_report(report, sys.stderr, report_language())
            raise ContentError(f"{len(report.problems)} content error(s); nothing was written")
        for notice in report.notices:  # the build goes on: a notice is a remark, never a failure
            print(notice.render(report_language()), file=sys.stderr)
        self.registry: Registry = report.registry
        self.taxonomy = report.taxonomy
        self.summary = report_mod.summary(report)
        self.timings.seconds["validate"] = report.seconds
        with self.timings.phase("read"):
            self._read_bodies()
        self.context.update(registry=self.registry, taxonomy=self.taxonomy, BUILD_DATE=self.build_date)
        self.context.setdefault("SECTIONS", set())
        self.context.setdefault("HOME", {})

    def _read_bodies(self) -> None:
        """Every body's sanitised HTML, from the text validation kept (files are read once), rendered only when
        the cache has no HTML for that text and this renderer."""
        for kind in KINDS_BY_NAME.values():
            for entry in self.registry.kind(kind.name):
                for lang, text in entry.markdown.items():
                    entry.body.set_utf8(lang, self._body(text))
                entry.markdown.clear()  # read once, rendered once: the HTML is what the pages need
        if self.cache is not None:
            self.cache.save_records()

    def _parse_ahead(self) -> bool:
        """parse_ahead, with the bodies rendered too (what `_read_bodies` then finds in the cache)."""
        return parse_ahead(self.settings, self.content, self.cache, then=lambda fm: self._body(fm.body))

    def _body(self, text: str) -> bytes:
        """The sanitised HTML of a body, as UTF-8 (as the cache and `Entry.body` keep it). The renderer is imported
        and made for the first body the cache does not have: when the parse-ahead processes rendered every body, or
        a rebuild finds them all in the cache, the build's own process never imports markdown-it-py (1.5 MB that
        every rendering process, forked from it, would carry too)."""
        key = _RENDERER_DIGEST + hashlib.sha256(text.encode("utf-8")).digest()
        cached = self.cache.get_record("bodies", key) if self.cache is not None else None
        if cached is not None:
            return cached
        if self._renderer is None:
            from content_model.sanitize import MarkdownRenderer

            self._renderer = MarkdownRenderer()
        html = self._renderer.render(text).encode("utf-8")
        if self.cache is not None:
            self.cache.put_record("bodies", key, html)
        return html

    # -- what the pages show --------------------------------------------------------------------------

    def shared_env(self, env):
        """The first generator's Jinja environment, for every generator (plugins add their template functions
        at generator_init, to each generator's environment: the shared one gets them all)."""
        if self._env is None:
            self._env = env
            _read_dicts_by_key(env)
            if self.cache is not None:
                env.bytecode_cache = page_cache.CompiledTemplates(self.cache, env)
        else:
            self._env.globals.update(env.globals)
        return self._env

    def translate(self, lang: str, message: str) -> str:
        return i18n.translate(self.translations, lang, message)

    def navigation(self, context: dict) -> None:
        sections = context["SECTIONS"]
        context["NAV"] = [{"path": path, "label": label, "prefix": prefix}
                          for section, path, label, prefix in NAV_ITEMS if not section or section in sections]
        pages = {p.slug: p for p in self.registry.kind("page")}
        # A page's title may fall back to the original's language: the footer marks it (lang, and dir if it runs
        # the other way), as the page itself does.
        footer = [{"path": f"pages/{slug}.html",
                   "titles": {lang: pages[slug].text("title", lang)[0] for lang in self.languages},
                   "title_langs": {lang: pages[slug].text("title", lang)[1] for lang in self.languages}}
                  for slug in FOOTER_PAGES if slug in pages]
        own = {lang: lang for lang in self.languages}  # interface messages are in the page's language
        if "organisations" in sections:
            footer.insert(2, {"path": "membres.html", "title_langs": own,
                              "titles": {lang: self.translate(lang, "Members") for lang in self.languages}})
        if "contribute" in sections:
            footer.append({"path": "proposer.html", "title_langs": own,
                           "titles": {lang: self.translate(lang, "Propose an entry") for lang in self.languages}})
        if "open_data" in sections:
            footer.append({"path": "data/index.html", "title_langs": own,
                           "titles": {lang: self.translate(lang, "Open data") for lang in self.languages}})
        context["FOOTER_NAV"] = footer
        context["PAGE_PATHS_BY_SLUG"] = {slug: f"pages/{slug}.html" for slug in pages}
        context["HOME_BLOCKS"] = HOME_BLOCKS

    def source_url(self, entry: Entry | None) -> str:
        repo = self.settings.get("REPOSITORY_URL")
        if not repo or entry is None:
            return ""
        return f"{repo.rstrip('/')}/edit/{self.settings.get('REPOSITORY_BRANCH', 'main')}/content/{entry.source}"

    # -- digests: what a page's cache key is made of ---------------------------------------------------

    def meta(self, entry: Entry) -> bytes:
        """The entry's fields and its translations' (no body): what cards and lists show of it."""
        key = ("meta", id(entry))
        if key not in self._digests:
            translations = [(lang, repr(t.data)) for lang, t in sorted(entry.translations.items())]
            self._digests[key] = digest(entry.kind.name, entry.slug, entry.published, repr(entry.data),
                                        translations)
        return self._digests[key]

    def full(self, entry: Entry) -> bytes:
        """Everything about the entry: the bytes of its files (fields and bodies, every language)."""
        key = ("full", id(entry))
        if key not in self._digests:
            self._digests[key] = digest(self.meta(entry), sorted(entry.digests.items()))
        return self._digests[key]

    def near(self, entry: Entry) -> bytes:
        """The entry and what its page shows of others: links to the entries that refer to it and to those it
        refers to."""
        key = ("near", id(entry))
        if key not in self._digests:
            parts = [self.full(entry), self.card(entry)]
            for kind in sorted(entry.backlinks):
                parts += [self.link(other) for other in entry.backlinks[kind]]
            self._digests[key] = digest(parts)
        return self._digests[key]

    def link(self, entry: Entry) -> bytes:
        """The entry as a link to it shows it (views.entry_link, views.reference): its path, whether it is
        published and an example, its title in every language."""
        key = ("link", id(entry))
        if key not in self._digests:
            titles = [entry.text(entry.kind.title_field, lang) for lang in self.languages]
            self._digests[key] = digest(entry.kind.name, entry.slug, entry.published,
                                        bool(entry.data.get("example")), [list(t) for t in titles])
        return self._digests[key]

    def card(self, entry: Entry) -> bytes:
        """The entry as a card shows it: its fields (not its body) and links to the entries it refers to
        (a service's provider, a project's organisation)."""
        key = ("card", id(entry))
        if key not in self._digests:
            parts = [self.meta(entry)]
            for kind, slug in page_cache.references(entry.kind, entry.data):
                target = self.registry.get(kind, slug, published_only=False)
                parts.append(self.link(target) if target is not None else b"missing")
            self._digests[key] = digest(parts)
        return self._digests[key]

    def listing(self, entries: list[Entry]) -> bytes:
        """A list of entries as cards show them."""
        return digest([self.card(e) for e in entries])

    def add_site_part(self, name: str, part: bytes) -> None:
        """A digest every page's key includes (for what all pages may show, e.g. logos); from generate_context."""
        self.site_parts[name] = part

    def scoped_digest(self, *names: str) -> bytes:
        """The digest of context values left out of the site-wide digest (SCOPED), for the pages that show them.
        Asked for while pages are declared (generate_output), when the context is complete: each value is digested
        once per build (the form's rules, CONTRIBUTE, are named by four generators)."""
        return digest(*(self._scoped_value(name) for name in names))

    def _scoped_value(self, name: str) -> bytes:
        key = ("scoped", name)
        if key not in self._digests:
            h = hashlib.sha1(name.encode())
            page_cache.Fingerprint(self.registry).update(h, self.context.get(name))
            self._digests[key] = h.digest()
        return self._digests[key]


def of(context: dict, settings: dict, content: Path) -> Site:
    """The build's Site, made by the first generator that asks."""
    site = context.get(KEY)
    if site is None:
        site = context[KEY] = Site(context, settings, content)
    return site


def prepare_writer(writer: LaboWriter, generator) -> None:
    """Before the first page: give the writer the cache and the site-wide digest (every context value a template
    names, except SCOPED and per-page values; the templates, catalogues and code; the build date)."""
    if getattr(writer, "site_digest", b""):
        return
    site: Site = generator.site
    writer.cache = site.cache
    # The build date (not the time): pages whose state changes within a day (a call for tenders closing at
    # 17:00) name that state in their own dependencies.
    writer.site_digest = digest(page_cache.site_digest(generator, SCOPED), str(site.build_date),
                                sorted(site.site_parts.items()))


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _read_dicts_by_key(env) -> None:
    """Templates read views, which are dicts, as `card.name`. Jinja's `getattr` tries the attribute first and
    catches the AttributeError before it looks up the key: a tenth of the CPU time of a 10,000-organisation
    build. A dict has no attribute but those of its type, so for any other name the key is looked up at once:
    the same value or the same Undefined, without the exception."""
    generic = env.getattr

    def getattr_(obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return generic(obj, attribute)

    env.getattr = getattr_


def _renderer_digest() -> bytes:
    """The code that turns a body into HTML: a new version never reads an older one's cache."""
    import content_model

    here = Path(content_model.__file__).parent
    return hashlib.sha256((here / "sanitize.py").read_bytes()).digest()


_RENDERER_DIGEST = _renderer_digest()

__all__ = ["ContentError", "Site", "of", "prepare_writer", "dt"]
