"""Write /data/ (JSON and CSV per kind, all-in-one JSON, taxonomy), the data page, and the sitemap."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.generators import Generator

from content_model.schema import ENTITY_KINDS
from labo_site import clock
from labo_site.generator import LaboMixin
from labo_site.views import entry_path

from . import export, meta, sitemap, views
from . import settings as settings_mod

logger = logging.getLogger(__name__)

DATA_DIR = "data"
DATA_PAGE = "data/index.html"
ALL_FILE = "all.json"
TAXONOMY_FILE = "taxonomy.json"
CALENDAR_FEED = "agenda/agenda.ics"  # written by the agenda plugin in each language (section "events")


class OpenDataGenerator(LaboMixin, Generator):
    section = "open_data"  # not in the main navigation; the footer links the data page
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()
        self.licence = settings_mod.check(self.settings)
        # Set before any page is written: head_meta reads them on every page, and the map page links here.
        self.context["ABSOLUTE_SITEURL"] = meta.absolute_siteurl(self.settings)
        self.context["OPEN_DATA"] = {"path": DATA_PAGE}

    def generate_context(self) -> None:
        absolute = self.context["ABSOLUTE_SITEURL"]
        self.datasets: dict[str, list[dict]] = {}
        for kind in ENTITY_KINDS:
            entries = sorted(self.registry.kind(kind.name), key=lambda e: e.slug)
            self.datasets[kind.name] = [
                export.record(e, f"{absolute}/{entry_path(e)}" if absolute else entry_path(e)) for e in entries]

    def generate_output(self, writer) -> None:
        files = self._write_files()
        for lang in self.languages:
            self.render(writer, lang, DATA_PAGE, "data.html", page_title=self.translate(lang, "Open data"),
                        page_description=self.translate(lang, "Download the directory, the project bank, the "
                                                              "calendar, the services and the calls for tenders "
                                                              "as JSON and CSV."),
                        datasets=views.datasets(self.datasets, files, lang, self.languages, self.translate),
                        all_file=views.download(files, ALL_FILE, "JSON", lang, self.translate),
                        taxonomy_file=views.download(files, TAXONOMY_FILE, "JSON", lang, self.translate),
                        licence=self.licence,
                        calendar_path=CALENDAR_FEED if "events" in self.context["SECTIONS"] else "",
                        as_of=views.as_of(lang))

    def _envelope(self, **values) -> dict:
        return {"publisher": self.context["SITE"]["name"][self.default_lang],
                "source": self.context["ABSOLUTE_SITEURL"] or None,
                "license": self.licence, "generated": clock.build_date().isoformat(), **values}

    def _write_files(self) -> dict[str, dict]:
        """Every download, with its size for the data page: {file name: {"path", "bytes"}}."""
        taxonomy = self.context["taxonomy"]
        texts: dict[str, str] = {}
        everything = self._envelope(taxonomy={"sectors": taxonomy.sectors, "legal_forms": taxonomy.legal_forms})
        for kind in ENTITY_KINDS:
            items = self.datasets[kind.name]
            texts[f"{kind.folder}.json"] = export.json_text(self._envelope(dataset=kind.folder, count=len(items),
                                                                           items=items))
            texts[f"{kind.folder}.csv"] = export.csv_text(items, export.columns(kind, self.languages))
            everything[kind.folder] = items
        texts[ALL_FILE] = export.json_text(everything)
        texts[TAXONOMY_FILE] = export.json_text(self._envelope(sectors=taxonomy.sectors,
                                                               legal_forms=taxonomy.legal_forms))
        out = {}
        for name, text in texts.items():
            data = text.encode("utf-8")
            _write_atomically(Path(self.output_path) / DATA_DIR / name, data)
            out[name] = {"path": f"{DATA_DIR}/{name}", "bytes": len(data)}
        return out


def _write_atomically(target: Path, data: bytes) -> None:
    """A reader (or a crawler) sees the old file or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def write_sitemap(pelican) -> None:
    """sitemap.xml and robots.txt, only with an absolute SITEURL (connected to `finalized`)."""
    siteurl = meta.absolute_siteurl(pelican.settings)
    if not siteurl:
        return
    languages = tuple(pelican.settings["LANGUAGES"])
    output = Path(pelican.output_path)
    _write_atomically(output / "sitemap.xml",
                      sitemap.sitemap_xml(str(output), siteurl, languages[0], languages).encode("utf-8"))
    _write_atomically(output / "robots.txt", sitemap.robots_txt(siteurl).encode("utf-8"))
    logger.debug("open_data: sitemap of %d pages", len(sitemap.pages(str(output), languages)))
