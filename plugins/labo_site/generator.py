"""The site's generators: one base class, the core pages (home, pages, 404), and the step that renders.

Why one pass instead of the i18n_subsites plugin: i18n_subsites runs Pelican once per language, reading
and validating everything again and copying static files again; here files are read and checked once and
each page is rendered once per language, with the language chosen per page (see `i18n.py`).

How a build runs (Pelican's own order; nothing here depends on the order of PLUGINS):
1. every generator is created; the first one to ask for the site (`site.of`) validates all content and
   builds the registry, so a broken file stops the run before anything is read by Pelican or written;
2. `generate_context`: each generator computes what it shares (figures for the home page, facet counts);
3. `generate_output(writer)`: each generator declares its pages to the writer (`LaboWriter.add`);
   the writer renders them in batches, a few generators at a time, as they come (`LaboWriter.add`);
4. the last generator of `labo_site.plugin.GENERATORS`, `RenderGenerator`, asks the writer to render the pages
   declared last (`LaboWriter.render_pages`), then Pelican's StaticGenerator copies static files and
   `finalized` runs (sitemap, service worker).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from content_model.registry import Entry, Registry

from . import formatting, i18n
from . import site as site_mod
from .pagination import paginate
from .writer import LaboWriter, Page, Template

logger = logging.getLogger(__name__)


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


class LaboGenerator(Generator):
    """Shared by every generator of the site: the site, gettext per page, relative links, declared pages."""

    section = ""  # name added to SECTIONS so the navigation shows only what exists

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.site = site_mod.of(self.context, self.settings, Path(self.path))
        # One Jinja environment for the whole site: each template is compiled once, not once per generator.
        self.env = self.site.shared_env(self.env)
        self.languages: tuple[str, ...] = self.site.languages
        self.default_lang: str = self.site.default_lang
        i18n.install(self.env, self.site.translations, self.default_lang)
        i18n.install_directions(self.env, self.settings.get("RTL_LANGUAGES", ()))
        self.env.globals.update(country_name=formatting.country_name, language_name=formatting.language_name)
        if self.section:
            self.context["SECTIONS"].add(self.section)
        self._views: dict[tuple[str, str], dict] = {}
        self._templates: dict[str, object] = {}

    def generate_context(self) -> None:
        return None

    # -- shared helpers ---------------------------------------------------------------------------------

    @property
    def registry(self) -> Registry:
        return self.site.registry

    def translate(self, lang: str, message: str) -> str:
        return self.site.translate(lang, message)

    def numbered_title(self, lang: str, title: str, pagination: dict | None) -> str:
        """The list's title, with "(page N)" from the second page on."""
        if pagination is None or pagination["number"] == 1:
            return title
        return f"{title} ({self.translate(lang, 'page')} {pagination['number']})"

    def lang_prefix(self, lang: str) -> str:
        return "" if lang == self.default_lang else f"{lang}/"

    def view(self, entry: Entry, lang: str) -> dict:
        """The entry's ready values in `lang`, built once per process on first use (`make_view`)."""
        key = (entry.slug, lang)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self.make_view(entry, lang)
        return view

    def make_view(self, entry: Entry, lang: str) -> dict:
        raise NotImplementedError(f"{type(self).__name__} shows no entries")

    def forget_views(self) -> None:
        """Drop the memoised views (the writer calls it once this generator's pages are rendered)."""
        self._views.clear()

    # -- declaring pages -------------------------------------------------------------------------------

    def page(self, writer: LaboWriter, lang: str, path: str, template: str, values: Callable[[], dict] | dict,
             *, deps: Iterable = (), entry: Entry | None = None, cached: bool = True, large: bool = False) -> None:
        """Declare the page `path` (under the language root) in `lang`. `values` (or a function building them,
        called only if the page is rendered) go to the template; `deps` are digests of what they are made from
        (see writer.Page); `large`: the page grows with the network (writer.Page.large). Per-page values (links,
        the language switch) are added here."""
        site_mod.prepare_writer(writer, self)
        out = self.lang_prefix(lang) + path
        named = self._templates.get(template)
        if named is None:  # one per template: Jinja's own lookup checks its cache key and loader each time
            named = self._templates[template] = Template(self.env, template)
        # A site declares tens of thousands of pages and holds every declaration until the last is rendered: what
        # builds a page's values is a partial of a method, not nested closures (a third of the memory per page).
        writer.add(Page(out=out, template=named, context=self.context, values=partial(self.page_values, values),
                        deps=(lang, tuple(deps)), cached=cached, owner=self, lang=lang, path=path, entry=entry,
                        large=large))

    def page_values(self, values: Callable[[], dict] | dict, page: Page) -> dict:
        """What the template of `page` gets: the per-page links, then the page's own `values`."""
        own = values() if callable(values) else values
        return {**self.links(page.lang, page.path, page.out, page.entry), "template_name": page.template.page_name,
                **own}

    def write_bytes(self, writer: LaboWriter, out: str, key: object, produce: Callable[[], bytes | Iterable[bytes]],
                    *, defer: bool = False) -> None:
        """A file that is not a page (see LaboWriter.write_bytes); `out` is under the output folder."""
        site_mod.prepare_writer(writer, self)
        writer.write_bytes(out, key, produce, defer=defer)

    def write_group(self, writer: LaboWriter, folder: str, key: object,
                    produce: Callable[[], Iterable[tuple[str, bytes]]], *, defer: bool = False) -> None:
        """Files made together (see LaboWriter.write_group); `folder` is under the output folder."""
        site_mod.prepare_writer(writer, self)
        writer.write_group(folder, key, produce, defer=defer)

    def entry_page(self, writer: LaboWriter, entry: Entry, lang: str, template: str, name: str,
                   extra: Callable[[], dict] | None = None, deps: Iterable = ()) -> None:
        """An entry's own page: its view under `name`, its body in `lang` (or its original language)."""
        self.page(writer, lang, f"{entry.kind.output}/{entry.slug}.html", template,
                  partial(self.entry_values, entry, lang, name, extra), deps=(self.site.near(entry), *deps),
                  entry=entry)

    def entry_values(self, entry: Entry, lang: str, name: str, extra: Callable[[], dict] | None) -> dict:
        view = self.view(entry, lang)
        title, title_lang = entry.text(entry.kind.title_field, lang)
        body_lang = lang if lang in entry.body else entry.lang
        return {"entry": entry, name: view, "page_title": title or entry.slug, "title_lang": title_lang,
                "body": Markup(entry.body.get(body_lang, "")), "body_lang": body_lang, **(extra() if extra else {})}

    def listing(self, writer: LaboWriter, lang: str, path: str, template: str, *, items: str,
                entries: list[Entry], title: str, size: int, values: Callable[[], dict] | dict | None = None,
                deps: Iterable = (), first_only: Callable[[], dict] | None = None,
                cards: Callable[[list[Entry]], object] | None = None) -> None:
        """A list of entries in pages of `size` (`x.html`, `x-p2.html`…) so that no page grows with the
        network. Cards (`view`, or `cards(chunk)`) are built only for the pages rendered; every page of the list
        depends on every entry of it (counts and maps show them all). `first_only` adds values to the first
        page only."""
        everything = (self.site.listing(entries), *deps)
        extra = values if callable(values) else (lambda: values or {})
        for page_path, chunk, pagination in paginate(path, entries, size):
            def page_values(chunk=chunk, pagination=pagination) -> dict:
                first = pagination is None or pagination["number"] == 1
                shown = cards(chunk) if cards else [self.view(e, lang) for e in chunk]
                return {items: shown, "total": len(entries),
                        "pagination": pagination, "page_title": self.numbered_title(lang, title, pagination),
                        **extra(), **(first_only() if first and first_only else {})}
            self.page(writer, lang, page_path, template, page_values, deps=everything)

    def links(self, lang: str, path: str, out: str, entry: Entry | None) -> dict:
        siteurl = path_to_url(get_relative_path(out))
        lang_root = siteurl if lang == self.default_lang else f"{siteurl}/{lang}"
        alternates = [{"lang": other, "name": formatting.language_name(other, other),
                       "href": f"{siteurl}/{self.lang_prefix(other)}{path}"} for other in self.languages]
        return {"SITEURL": siteurl, "localsiteurl": siteurl, "output_file": out, "lang": lang,
                "LANG_ROOT": lang_root, "page_path": path, "alternates": alternates,
                "source_url": self.site.source_url(entry)}


class EntitiesGenerator(LaboGenerator):
    """The home page, the pages of content/pages/ and the 404 page, in every language."""

    def make_view(self, entry: Entry, lang: str) -> dict:
        return {}

    def generate_context(self) -> None:
        self.site.navigation(self.context)

    def generate_output(self, writer) -> None:
        pages = self.registry.kind("page")
        home_deps = self.site.scoped_digest("HOME", "NETWORK_FIGURES", "ECONOMIC_MODEL")
        page_deps = self.site.scoped_digest("ECONOMIC_MODEL", "CONTRIBUTE")
        for lang in self.languages:
            self.page(writer, lang, "index.html", "home.html", {"page_title": ""}, deps=(home_deps,))
            self.page(writer, lang, "404.html", "404.html",
                      {"page_title": self.translate(lang, "Page not found")})
            for page in pages:
                self.entry_page(writer, page, lang, "page.html", "page_view",
                                extra=lambda page=page, lang=lang: {"summary": page.text("summary", lang)[0]},
                                deps=(page_deps,))


class RenderGenerator(LaboGenerator):
    """The last generator of the site: every page is declared, so the writer renders the last ones."""

    def generate_output(self, writer) -> None:
        site_mod.prepare_writer(writer, self)
        writer.render_pages(last=True)
        self.site.timings.seconds["render"] = writer.seconds
        self.context["LABO_PAGES"] = writer.reused + writer.rendered
        self.context["LABO_REUSED"] = writer.reused
        self.context["LABO_MANIFEST"] = writer.manifest
        if self.site.cache is not None:  # every record this build needs was read or written: drop the others
            self.site.cache.prune_records()
