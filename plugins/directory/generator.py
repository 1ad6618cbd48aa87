"""Render the directory: organisation pages, the index with facet counts, facet pages, the members page."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from labo_site.generator import LaboMixin
from labo_site.pagination import paginate

from . import views
from .logos import resized_logo


class DirectoryGenerator(LaboMixin, Generator):
    section = "organisations"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup_labo()

    def generate_context(self) -> None:
        self.organisations = self.registry.kind("organisation")
        self.facets: dict[str, dict[str, list]] = {facet: defaultdict(list) for facet, _ in views.FACETS}
        for entry in self.organisations:
            for facet, codes in views.facet_values(entry).items():
                for code in codes:
                    self.facets[facet][code].append(entry)
        self.context["HOME"]["organisations"] = {
            "count": len(self.organisations),
            "countries": len(self.facets["country"]),
            "members": len(self.facets["status"].get("member", [])),
        }

    def generate_output(self, writer) -> None:
        logos = self._write_logos()
        taxonomy = self.context["taxonomy"]
        for lang in self.languages:
            views_by_slug = {e.slug: views.organisation_view(e, lang, taxonomy, self.translate, logos.get(e.slug))
                             for e in self.organisations}
            everyone = views.sort_views(list(views_by_slug.values()))
            facet_groups = self._facet_groups(lang, taxonomy)
            self._render_list(writer, lang, "organisations/index.html", everyone,
                              page_title=self.translate(lang, "Directory of organisations"),
                              facet_groups=facet_groups, facet=None)
            for entry in self.organisations:
                view = views_by_slug[entry.slug]
                body_lang = lang if lang in entry.body else entry.lang
                self.render(writer, lang, view["path"], "organisation.html", entry=entry, org=view,
                            page_title=view["name"], title_lang=view["name_lang"],
                            body=Markup(entry.body.get(body_lang, "")), body_lang=body_lang,
                            backlinks=views.backlinks(entry, lang, self.translate))
            for group in facet_groups:
                for value in group["values"]:
                    members = views.sort_views([views_by_slug[e.slug] for e in
                                                self.facets[group["facet"]][value["code"]]])
                    self._render_list(writer, lang, value["path"], members,
                                      page_title=f"{value['label']} · {self.translate(lang, 'Directory')}",
                                      facet_groups=facet_groups,
                                      facet={"title": group["title"], "label": value["label"],
                                             "path": value["path"]})
            members = [views_by_slug[e.slug] for e in self.facets["status"].get("member", [])]
            by_country: dict[str, list] = defaultdict(list)
            for view in views.sort_views(members):
                by_country[view["country"]["label"] if view["country"] else ""].append(view)
            self.render(writer, lang, "membres.html", "members.html",
                        page_title=self.translate(lang, "Members of the network"),
                        members_by_country=sorted(by_country.items(), key=lambda kv: (kv[0] == "", kv[0])),
                        member_count=len(members))

    def _render_list(self, writer, lang: str, path: str, organisations: list[dict], **values) -> None:
        """A list of organisations, split into pages of DIRECTORY_PAGE_SIZE so no page grows with the network."""
        size = int(self.settings.get("DIRECTORY_PAGE_SIZE", 48))
        for page_path, chunk, pagination in paginate(path, organisations, size):
            title = self.numbered_title(lang, values["page_title"], pagination)
            self.render(writer, lang, page_path, "organisations.html", organisations=chunk,
                        total=len(organisations), pagination=pagination,
                        **{**values, "page_title": title})

    def _facet_groups(self, lang: str, taxonomy) -> list[dict]:
        groups = []
        for facet, _folder in views.FACETS:
            values = [{"code": code, "count": len(entries), "path": views.facet_path(facet, code),
                       "label": views.facet_label(facet, code, lang, taxonomy, self.translate)}
                      for code, entries in self.facets[facet].items()]
            if facet == "status":
                order = views.status_order()
                values.sort(key=lambda v: order.index(v["code"]))
            else:
                values.sort(key=lambda v: views.formatting_key(v["label"]))
            groups.append({"facet": facet, "title": self.translate(lang, views.FACET_TITLES[facet]),
                           "values": values})
        return groups

    def _write_logos(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        cache = Path(self.settings["CACHE_PATH"]) / "logos"
        for entry in self.organisations:
            logo = entry.data.get("logo")
            if not logo:
                continue
            data, width, height = resized_logo(Path(self.path) / logo, cache)
            rel = f"organisations/logos/{entry.slug}.webp"
            target = Path(self.output_path) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            out[entry.slug] = {"src": rel, "width": width, "height": height}
        return out
