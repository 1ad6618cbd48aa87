"""Render the propose-an-entry pages, the form's rules files and the downloadable file templates."""

from __future__ import annotations

import re
from pathlib import Path

from content_model.labels import label
from content_model.limits import Limits
from content_model.schema import KINDS, KINDS_BY_NAME
from labo_site.clock import build_date
from labo_site.generator import LaboGenerator
from labo_site.writer import digest

from . import docs, form, links, rules
from .filetemplate import file_template
from .model import FORM_KINDS, FORM_SKIPPED, KIND_SINGULAR, KIND_TITLES, N_, STEP_ANCHOR, STEPS, form_fields

PROPOSE_PATH = "proposer.html"
TEMPLATES_FOLDER = "modeles"
CONTRIBUTE_PAGE = "contribuer"
NEW_FILE_NAME = "nouvelle-entree.md"  # the contributor renames it in the host's editor
PROPOSE_TITLE = N_("Propose an entry")
PROPOSE_KIND = N_("Propose %(kind)s")
STEP_HEADINGS = {"organisation": N_("Your organisation"), "project": N_("Its first project")}
CODE_TABLES = (("sectors", N_("Sector codes")), ("legal_forms", N_("Legal form codes")))
#: The scripts of the form, as the theme ships them: every form page loads the first; the second (a logo, a zip of
#: several files, a second step) is loaded by the first when one of these is asked for (see `compact_script`).
SCRIPTS = ("propose.js", "propose-org.js")


def kind_path(kind_name: str) -> str:
    return f"proposer/{kind_name}.html"


def guide_url(repository: str, branch: str) -> str:
    """CONTRIBUTING.md on the Git host: absolute, so it works from a file opened in the host's editor."""
    return f"{repository.rstrip('/')}/blob/{branch}/CONTRIBUTING.md"


def prefilled_url(kind, taxonomy, repository: str, branch: str) -> str:
    """The host's new-file page for `kind`, prefilled with the compact template (or empty if too long)."""
    text = file_template(kind, "", taxonomy, help_url=guide_url(repository, branch))
    folder = f"content/{kind.folder}"
    return (links.new_file_url(repository, branch, folder, NEW_FILE_NAME, text)
            or links.new_file_url(repository, branch, folder, NEW_FILE_NAME, ""))


_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_END_COMMENT = re.compile(r"(?<=[;{},)])[ \t]+//\s.*$", re.MULTILINE)


def compact_script(text: str) -> str:
    """The theme's script without its comments and indentation: a quarter lighter once gzipped (14.3 to 11.7 KB
    for propose.js), for readers on paid data. Only what cannot be code goes: comments that start a line, line
    comments after a statement (a space after the //, so no URL or pattern is touched), leading spaces and blank
    lines. The scripts are written for it (no template literals, no line continued inside a string), and the
    tests run the compacted scripts under Node on every case the source passes."""
    text = _END_COMMENT.sub("", _BLOCK_COMMENT.sub("", text))
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def script_name(name: str) -> str:
    """The compacted copy of a theme script in the output, beside the source Pelican copies as it is."""
    return name.removesuffix(".js") + ".min.js"


class ContributeGenerator(LaboGenerator):
    """Pages: proposer.html and proposer/<kind>.html per language; files: modeles/<kind>.md, the rules and the
    form's scripts."""

    section = "contribute"  # not in the main navigation: linked from the home page and the footer

    def generate_context(self) -> None:
        taxonomy = self.context["taxonomy"]
        self.today = build_date()
        self.repository = self.settings.get("REPOSITORY_URL", "")
        self.branch = self.settings.get("REPOSITORY_BRANCH", "main")
        self.templates = {k.name: file_template(k, "", taxonomy) for k in KINDS}
        self.rules = rules.form_rules(registry=self.registry, today=self.today, repository=self.repository,
                                      branch=self.branch, email=self.settings.get("CONTACT_EMAIL", ""),
                                      languages=self.languages, translate=self.translate,
                                      limits=Limits.from_settings(self.settings.get("LABO_LIMITS")))
        self.context["CONTRIBUTE"] = {
            "templates": {lang: self._template_links(lang) for lang in self.languages},
            "pages": {lang: self._page_data(lang, taxonomy) for lang in self.languages},
        }

    def _template_links(self, lang: str) -> list[dict]:
        return [{"kind": k.name, "path": f"{TEMPLATES_FOLDER}/{k.name}.md", "filename": f"{k.name}.md",
                 "target": f"content/{k.folder}/<…>.md", "title": self.translate(lang, KIND_TITLES[k.name])}
                for k in KINDS]

    def _page_data(self, lang: str, taxonomy) -> dict:
        kinds = []
        for k in KINDS:
            new_url = prefilled_url(k, taxonomy, self.repository, self.branch) if self.repository else None
            kinds.append({"name": k.name, "folder": k.folder, "plural": label(k, lang),
                          "title": self.translate(lang, KIND_TITLES[k.name]),
                          "new_url": new_url,
                          "rows": docs.field_rows(k, lang, self.translate)})
        code_tables = [{"name": table, "title": self.translate(lang, title),
                        "rows": docs.code_rows(taxonomy, table, lang)} for table, title in CODE_TABLES]
        return {"kinds": kinds, "code_tables": code_tables}

    def generate_output(self, writer) -> None:
        for name, text in self.templates.items():
            self.write_bytes(writer, f"{TEMPLATES_FOLDER}/{name}.md", digest(text),
                             lambda text=text: text.encode("utf-8"))
        scripts = {}
        for name in SCRIPTS:
            text = compact_script((self.theme_static / "js" / name).read_text(encoding="utf-8"))
            scripts[name] = digest(text)
            self.write_bytes(writer, f"{rules.SCRIPT_FOLDER}/{script_name(name)}", scripts[name],
                             lambda text=text: text.encode("utf-8"))
        pages = {p.slug for p in self.registry.kind("page")}
        contribute_page = f"pages/{CONTRIBUTE_PAGE}.html" if CONTRIBUTE_PAGE in pages else ""
        for lang in self.languages:
            data = {}
            for kind in FORM_KINDS:
                text = rules.rules_script(rules.page_rules(self.rules, (kind.name,), lang))
                data[kind.name] = (rules.script_path(kind.name, lang), digest(text))
                self.write_bytes(writer, data[kind.name][0], data[kind.name][1], lambda text=text: text.encode("utf-8"))
            for first, second, field in STEPS:
                text = self._step_script(first, second, field, lang)
                data[f"{first}-{second}"] = (rules.script_path(f"{first}-{second}", lang), digest(text))
                self.write_bytes(writer, data[f"{first}-{second}"][0], data[f"{first}-{second}"][1],
                                 lambda text=text: text.encode("utf-8"))
            deps = (digest(sorted(data.values()), sorted(scripts.items())), self.site.scoped_digest("CONTRIBUTE"))
            self.page(writer, lang, PROPOSE_PATH, "propose.html", {
                "page_title": self.translate(lang, PROPOSE_TITLE),
                "kinds": [self._kind_view(k, lang) for k in FORM_KINDS],
                "step": {"path": f"{kind_path(STEPS[0][0])}#{STEP_ANCHOR}"} if STEPS else None,
                "contribute_page": contribute_page}, deps=deps)
            for kind in FORM_KINDS:
                self.page(writer, lang, kind_path(kind.name), "propose_form.html",
                          lambda kind=kind, lang=lang, data=data: self._form_page(kind, lang, data), deps=deps)

    @property
    def theme_static(self) -> Path:
        return Path(self.settings["THEME"]) / "static"

    def _part(self, kind, lang: str, prefix: str, fixed: str = "", heading: str = "") -> dict:
        controls = form.form_controls(kind, lang, self.site.taxonomy, self.translate, self.today, prefix=prefix)
        return {"kind": self._kind_view(kind, lang), "prefix": prefix, "heading": heading, "fixed": fixed,
                "form": [c for c in controls if c["path"] != fixed], "skipped": self._skipped(kind, lang)}

    def _form_page(self, kind, lang: str, data: dict) -> dict:
        step = next(((second, field) for first, second, field in STEPS if first == kind.name), None)
        leads_here = next((first for first, second, _ in STEPS if second == kind.name), None)
        heading = self.translate(lang, STEP_HEADINGS[kind.name]) if step else ""
        part = self._part(kind, lang, "f-", heading=heading)
        files = any(c["widget"] == "file" for c in _controls(part["form"]))
        return {"page_title": part["kind"]["title"], "parts": [part], "kind": part["kind"],
                "rules_script": data[kind.name][0], "script": script_name(SCRIPTS[0]),
                "more_script": script_name(SCRIPTS[1]) if files or step else "",
                "step": {"src": data[f"{kind.name}-{step[0]}"][0], "anchor": STEP_ANCHOR,
                         "title": self.translate(lang, KIND_SINGULAR[step[0]])} if step else None,
                "leads_here": {"path": f"{kind_path(leads_here)}#{STEP_ANCHOR}"} if leads_here else None}

    def _step_script(self, first: str, second: str, field: str, lang: str) -> str:
        """The second step of a form, loaded when asked for: its part of the page and its rules."""
        part = self._part(KINDS_BY_NAME[second], lang, "s-", fixed=field,
                          heading=self.translate(lang, STEP_HEADINGS[second]))
        html = self.env.get_template("propose_step.html").render(part=part, lang=lang)
        step_rules = rules.page_rules(self.rules, (second,), lang)
        return rules.rules_script({"html": html, "rules": step_rules}, name="LABO_PROPOSE_STEP")

    def _kind_view(self, kind, lang: str) -> dict:
        title_field = kind.get(kind.title_field)
        return {"name": kind.name, "folder": kind.folder, "path": kind_path(kind.name),
                "title": self.translate(lang, PROPOSE_KIND) % {"kind": self.translate(lang, KIND_SINGULAR[kind.name])},
                "title_label": form.form_label(title_field, lang).lower(),
                "template": {"path": f"{TEMPLATES_FOLDER}/{kind.name}.md", "filename": f"{kind.name}.md",
                             "target": f"content/{kind.folder}/<…>.md"}}

    def _skipped(self, kind, lang: str) -> list[dict]:
        offered = {path for path, _ in form_fields(kind)}
        return [{"path": path, "reason": self.translate(lang, reason)} for path, reason in FORM_SKIPPED.items()
                if path not in offered and _has_path(kind, path)]


def _controls(controls: list[dict]):
    for c in controls:
        yield c
        yield from _controls(c["children"])


def _has_path(kind, path: str) -> bool:
    fields = kind.fields
    f = None
    for part in path.split("."):
        f = next((x for x in fields if x.name == part), None)
        if f is None:
            return False
        fields = f.fields
    return True


__all__ = ["ContributeGenerator", "KINDS_BY_NAME"]
