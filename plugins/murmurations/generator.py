"""Write murmurations/<slug>.json, the Murmurations profile of every published organisation.

Only with an absolute SITEURL (the published build, publishconf.py): the schema wants `primary_url` and
`image` to start with http(s)://, and a profile is only of use at the address the index fetches it from.
A local build (relative URLs, examples shown) writes none rather than profiles that would not validate.
"""

from __future__ import annotations

import logging

from labo_site.generator import LaboGenerator
from labo_site.writer import digest
from open_data.meta import absolute_siteurl

from . import profile as profile_mod
from . import settings as settings_mod

logger = logging.getLogger(__name__)
DIRECTORY = "organisations"  # the directory's section: it writes the pages and logos profiles link to


class MurmurationsGenerator(LaboGenerator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = settings_mod.read(self.settings)  # checked before anything is written
        self.site_url = absolute_siteurl(self.settings)

    def generate_output(self, writer) -> None:
        if not self.site_url:
            logger.info("murmurations: SITEURL is relative; no profile written (invoke publish writes them)")
            return
        if DIRECTORY not in self.context["SECTIONS"]:
            logger.info("murmurations: the directory plugin is off; no profile written (no page to point to)")
            return
        network = profile_mod.Network(site_url=self.site_url, languages=self.languages,
                                      taxonomy=self.site.taxonomy, tags=self.options["tags"])
        for entry in sorted(self.registry.kind("organisation"), key=lambda e: e.slug):
            self.write_bytes(writer, profile_mod.profile_path(entry), self._key(entry),
                             lambda entry=entry: profile_mod.to_bytes(profile_mod.profile(entry, network)))

    def _key(self, entry) -> bytes:
        """The entry's files, and the taxonomy rows its tags and relationships come from (SITEURL, the setting
        and this code are in the writer's site-wide digest)."""
        taxonomy, data = self.site.taxonomy, entry.data
        rows = [("sectors", code, taxonomy.sectors.get(code)) for code in data.get("sectors", [])]
        if data.get("legal_form"):
            rows.append(("legal_forms", data["legal_form"], taxonomy.legal_forms.get(data["legal_form"])))
        return digest(self.site.full(entry), repr(rows))
