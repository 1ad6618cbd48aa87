"""Write /data/ (JSON and CSV per kind, all-in-one JSON, taxonomy), the data page, and the sitemap."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from content_model.schema import ENTITY_KINDS
from labo_site import clock
from labo_site.generator import LaboGenerator
from labo_site.views import entry_path
from labo_site.writer import digest, write_atomically

from . import export, meta, sitemap, views
from . import settings as settings_mod

logger = logging.getLogger(__name__)

DATA_DIR = "data"
DATA_PAGE = "data/index.html"
ALL_FILE = "all.json"
TAXONOMY_FILE = "taxonomy.json"
CALENDAR_FEED = "agenda/agenda.ics"  # written by the agenda plugin in each language (section "events")


class OpenDataGenerator(LaboGenerator):
    section = "open_data"  # not in the main navigation; the footer links the data page

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.licence = settings_mod.check(self.settings)
        # Set before any page is written: head_meta reads them on every page, and the map page links here.
        self.context["ABSOLUTE_SITEURL"] = meta.absolute_siteurl(self.settings)
        self.context["OPEN_DATA"] = {"path": DATA_PAGE}

    def generate_context(self) -> None:
        self.entries = {kind.name: sorted(self.registry.kind(kind.name), key=lambda e: e.slug) for kind in ENTITY_KINDS}

    def records(self, kind: str) -> export.Records:
        """The records of a kind, each made as a download's encoder reaches it and dropped once written: the
        records of every entry, with its bodies, are never held at once (36 MB at 10,000 organisations)."""
        absolute = self.context["ABSOLUTE_SITEURL"]
        return export.Records(self.entries[kind], lambda e: export.record(
            e, f"{absolute}/{entry_path(e)}" if absolute else entry_path(e)))

    def generate_output(self, writer) -> None:
        files = self._write_files(writer)
        counts = {name: len(entries) for name, entries in self.entries.items()}
        deps = (digest(sorted((name, f["bytes"], f["key"]) for name, f in files.items())),)
        for lang in self.languages:
            self.page(writer, lang, DATA_PAGE, "data.html", lambda lang=lang: {
                "page_title": self.translate(lang, "Open data"),
                "page_description": self.translate(lang, "Download the directory, the project bank, the calendar, the "
                                                         "services and the calls for tenders as JSON and CSV."),
                "datasets": views.datasets(counts, files, lang, self.languages, self.translate),
                "all_file": views.download(files, ALL_FILE, "JSON", lang, self.translate),
                "taxonomy_file": views.download(files, TAXONOMY_FILE, "JSON", lang, self.translate),
                "licence": self.licence,
                "calendar_path": CALENDAR_FEED if "events" in self.context["SECTIONS"] else "",
                "as_of": views.as_of(lang)}, deps=deps)

    def _envelope(self, **values) -> dict:
        return {"publisher": self.context["SITE"]["name"][self.default_lang],
                "source": self.context["ABSOLUTE_SITEURL"] or None,
                "license": self.licence, "generated": clock.build_date().isoformat(), **values}

    def _write_files(self, writer) -> dict[str, dict]:
        """Every download, reused from the cache when its entries did not change; with its size for the data
        page: {file name: {"path", "bytes", "key"}}."""
        taxonomy = self.site.taxonomy
        taxonomy_values = {"sectors": taxonomy.sectors, "legal_forms": taxonomy.legal_forms}
        producers = {}
        keys = {}
        for kind in ENTITY_KINDS:
            # Records carry the bodies: each kind's files depend on every entry of it, body included.
            key = digest([self.site.full(e) for e in self.entries[kind.name]])
            keys[kind.name] = key
            producers[f"{kind.folder}.json"] = (key, lambda kind=kind: export.json_chunks(self._envelope(
                dataset=kind.folder, count=len(self.entries[kind.name]), items=self.records(kind.name))))
            producers[f"{kind.folder}.csv"] = (key, lambda kind=kind: export.csv_text(
                self.records(kind.name), export.columns(kind, self.languages)).encode("utf-8"))
        producers[ALL_FILE] = (digest(sorted(keys.items()), repr(taxonomy_values)), lambda: export.json_chunks(
            self._envelope(taxonomy=taxonomy_values,
                           **{kind.folder: self.records(kind.name) for kind in ENTITY_KINDS})))
        producers[TAXONOMY_FILE] = (repr(taxonomy_values),
                                    lambda: export.json_chunks(self._envelope(**taxonomy_values)))
        out = {}
        for name, (key, produce) in producers.items():
            rel = f"{DATA_DIR}/{name}"
            self.write_bytes(writer, rel, (key, clock.build_date().isoformat()), produce)
            out[name] = {"path": rel, "bytes": os.path.getsize(Path(self.output_path) / rel),
                         "key": writer.manifest[rel]}
        return out


#: The pages the writer reported (content_written), by output folder: {output: {page path: {lang: file}}}.
_PAGES: dict[str, dict[str, dict[str, str]]] = {}


def collect_page(path: str, context: dict | None = None) -> None:
    """content_written receiver: remember the page for the sitemap."""
    context = context or {}
    output_file, lang = context.get("output_file"), context.get("lang")
    if not output_file or not lang or not output_file.endswith(".html"):
        return
    output = path[: -len(output_file)].rstrip("/") if path.endswith(output_file) else str(Path(path).parent)
    _PAGES.setdefault(output, {}).setdefault(context.get("page_path") or output_file, {})[lang] = output_file


def write_sitemap(pelican) -> None:
    """sitemap.xml and robots.txt, only with an absolute SITEURL (connected to `finalized`)."""
    output = Path(pelican.output_path)
    pages = _PAGES.pop(str(output).rstrip("/"), {})
    siteurl = meta.absolute_siteurl(pelican.settings)
    if not siteurl:
        return
    languages = tuple(pelican.settings["LANGUAGES"])
    write_atomically(output / "sitemap.xml", sitemap.sitemap_xml(pages, siteurl, languages[0], languages).encode())
    write_atomically(output / "robots.txt", sitemap.robots_txt(siteurl).encode("utf-8"))
    logger.debug("open_data: sitemap of %d pages", len(pages))
