"""Render the directory: organisation pages, the index with facet counts, facet pages, the members page."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from pathlib import Path

from content_model.registry import Entry
from labo_site.facets import Facet, Facets
from labo_site.generator import LaboGenerator
from labo_site.views import formatting_key
from labo_site.writer import digest
from open_data.meta import absolute_siteurl

from . import printable, views

LOGO_PATH = "organisations/logos/{slug}.webp"


class DirectoryGenerator(LaboGenerator):
    section = "organisations"

    def generate_context(self) -> None:
        self.organisations = self.registry.kind("organisation")
        taxonomy, translate = self.site.taxonomy, self.translate

        self.offered = offered = views.offered_languages(self.organisations)
        self._shared: dict = {}  # see views.organisation_view

        def facet(name: str, folder: str, order=None, keep_empty_group: bool = True) -> Facet:
            return Facet(name, folder, views.FACET_TITLES[name], lambda e: views.facet_values(e, offered)[name],
                         lambda code, lang: views.facet_label(name, code, lang, taxonomy, translate), order,
                         keep_empty_group, all=views.FACET_ALL[name])

        statuses = views.status_order()
        folders = dict(views.FACETS)
        self.facets = Facets("organisations", (
            facet("country", folders["country"]), facet("sector", folders["sector"]),
            facet("legal_form", folders["legal_form"]),
            facet("status", folders["status"], order=lambda v: statuses.index(v["code"])),
            # A network where no organisation names its languages shows no empty language choice.
            facet("language", folders["language"], order=views.language_order, keep_empty_group=False)),
            self.organisations)
        self.logos = self._logos()
        # Cards and pages of other sections show logos (with their size): a new logo re-renders every page.
        self.site.add_site_part("logos", digest(sorted((slug, logo["digest"]) for slug, logo in self.logos.items())))
        # What other sections show of a logo (a project page shows its organisation's), by organisation slug.
        self.context["LOGOS"] = {slug: {k: logo[k] for k in ("src", "width", "height")}
                                 for slug, logo in self.logos.items()}
        self.context["HOME"]["organisations"] = {
            "count": len(self.organisations),
            "countries": len(self.facets.by_code["country"]),
            "members": len(self.facets.entries("status", "member")),
        }

    def make_view(self, entry: Entry, lang: str) -> dict:
        logo = self.logos.get(entry.slug)
        logo = {k: logo[k] for k in ("src", "width", "height")} if logo else None
        return views.organisation_view(entry, lang, self.site.taxonomy, self.translate, logo, self.offered,
                                       self._shared)

    def sorted_by_name(self, entries: list[Entry], lang: str) -> list[Entry]:
        return sorted(entries, key=lambda e: formatting_key(e.text("name", lang)[0] or e.slug))

    def generate_output(self, writer) -> None:
        self._write_logos(writer)
        size = int(self.settings.get("DIRECTORY_PAGE_SIZE", 48))
        groups = {lang: self.facets.groups(lang, self.translate) for lang in self.languages}
        groups_digest = digest(repr(groups))
        for lang in self.languages:
            facet_groups = groups[lang]
            self.listing(writer, lang, views.INDEX_PATH, "organisations.html", items="organisations",
                         entries=self.sorted_by_name(self.organisations, lang), size=size,
                         title=self.translate(lang, "Directory of organisations"),
                         values={"facet_groups": facet_groups, "facet": None, "list_path": views.INDEX_PATH,
                                 "print_path": printable.PRINT_PATH},
                         deps=(groups_digest,))
            for entry in self.organisations:
                # Its languages link to their facet pages where the facet offers them one by one.
                offered = digest([code in self.offered for code in entry.data.get("languages", ())])
                self.entry_page(writer, entry, lang, "organisation.html", "org",
                                extra=partial(self._backlinks, entry, lang), deps=(offered,))
            for group in facet_groups:
                for value in group["values"]:
                    facet = {"title": group["title"], "label": value["label"], "path": value["path"]}
                    self.listing(writer, lang, value["path"], "organisations.html", items="organisations",
                                 entries=self.sorted_by_name(self.facets.entries(group["facet"], value["code"]), lang),
                                 size=size, title=f"{value['label']} · {self.translate(lang, 'Directory')}",
                                 values={"facet_groups": facet_groups, "facet": facet, "list_path": views.INDEX_PATH,
                                         "print_path": printable.PRINT_PATH},
                                 deps=(groups_digest,))
            # Every organisation as its card shows it (the printed fields are among them), the country, sector and
            # status labels (groups), and the build date and settings (in every page's key).
            self.page(writer, lang, printable.PRINT_PATH, "directory_print.html",
                      lambda lang=lang: printable.page_values(
                          self.organisations, lang, lambda e, lang=lang: self.view(e, lang), self.translate,
                          self.site.build_date, self._site_url(lang)),
                      deps=(self.site.listing(self.organisations), groups_digest), large=True)
            members = self.sorted_by_name(self.facets.entries("status", "member"), lang)
            self.page(writer, lang, "membres.html", "members.html",
                      lambda lang=lang, members=members: self._members(lang, members),
                      deps=(self.site.listing(members),), large=True)

    def _backlinks(self, entry: Entry, lang: str) -> dict:
        return {"backlinks": views.backlinks(entry, lang, self.translate)}

    def _members(self, lang: str, members: list[Entry]) -> dict:
        by_country: dict[str, list] = defaultdict(list)
        for entry in members:
            view = self.view(entry, lang)
            by_country[view["country"]["label"] if view["country"] else ""].append(view)
        return {"page_title": self.translate(lang, "Members of the network"),
                "members_by_country": sorted(by_country.items(), key=lambda kv: (kv[0] == "", kv[0])),
                "member_count": len(members)}

    def _site_url(self, lang: str) -> str:
        """The site's address in `lang` when SITEURL is absolute (the published build), else ""."""
        url = absolute_siteurl(self.settings)
        return f"{url}/{self.lang_prefix(lang)}" if url else ""

    def _logos(self) -> dict[str, dict]:
        """Every logo resized once (cached by its bytes) to WebP: {slug: src, width, height, digest, and its bytes
        until `_write_logos` has written them}."""
        from .logos import resized_logo  # Pillow only when there are logos

        logos = {}
        for entry in self.organisations:
            logo = entry.data.get("logo")
            if logo:
                data, width, height = resized_logo(Path(self.path) / logo, self.site.cache)
                logos[entry.slug] = {"src": LOGO_PATH.format(slug=entry.slug), "width": width, "height": height,
                                     "digest": digest(data), "bytes": data}
        return logos

    def _write_logos(self, writer) -> None:
        for logo in self.logos.values():
            self.write_bytes(writer, logo["src"], logo["digest"], lambda logo=logo: logo["bytes"])
        for logo in self.logos.values():  # written (these files are never deferred): the pages need only the sizes
            del logo["bytes"]
