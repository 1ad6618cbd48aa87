"""Render the propose-an-entry pages, the form's rules file and the downloadable file templates."""

from __future__ import annotations

from content_model.schema import KINDS, KINDS_BY_NAME
from labo_site.clock import build_date
from labo_site.generator import LaboGenerator
from labo_site.writer import digest

from . import docs, form, links, rules
from .filetemplate import file_template
from .model import FORM_KINDS, FORM_SKIPPED, KIND_SINGULAR, KIND_TITLES, N_, form_fields

PROPOSE_PATH = "proposer.html"
TEMPLATES_FOLDER = "modeles"
CONTRIBUTE_PAGE = "contribuer"
NEW_FILE_NAME = "nouvelle-entree.md"  # the contributor renames it in the host's editor
PROPOSE_TITLE = N_("Propose an entry")
PROPOSE_KIND = N_("Propose %(kind)s")
CODE_TABLES = (("sectors", N_("Sector codes")), ("legal_forms", N_("Legal form codes")))


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


class ContributeGenerator(LaboGenerator):
    """Pages: proposer.html and proposer/<kind>.html per language; files: modeles/<kind>.md and the rules."""

    section = "contribute"  # not in the main navigation: linked from the home page and the footer

    def generate_context(self) -> None:
        taxonomy = self.context["taxonomy"]
        self.today = build_date()
        self.repository = self.settings.get("REPOSITORY_URL", "")
        self.branch = self.settings.get("REPOSITORY_BRANCH", "main")
        self.templates = {k.name: file_template(k, "", taxonomy) for k in KINDS}
        self.rules = rules.form_rules(registry=self.registry, today=self.today, repository=self.repository,
                                      branch=self.branch, email=self.settings.get("CONTACT_EMAIL", ""),
                                      languages=self.languages, translate=self.translate)
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
            kinds.append({"name": k.name, "folder": k.folder, "plural": k.fr if lang == "fr" else k.en,
                          "title": self.translate(lang, KIND_TITLES[k.name]),
                          "new_url": new_url,
                          "rows": docs.field_rows(k, lang, self.translate)})
        code_tables = [{"name": table, "title": self.translate(lang, title),
                        "rows": docs.code_rows(taxonomy, table, lang)} for table, title in CODE_TABLES]
        return {"kinds": kinds, "code_tables": code_tables}

    def generate_output(self, writer) -> None:
        rules_text = rules.rules_script(self.rules)
        self.write_bytes(writer, rules.SCRIPT_PATH, digest(rules_text), lambda: rules_text.encode("utf-8"))
        for name, text in self.templates.items():
            self.write_bytes(writer, f"{TEMPLATES_FOLDER}/{name}.md", digest(text),
                             lambda text=text: text.encode("utf-8"))
        taxonomy = self.site.taxonomy
        pages = {p.slug for p in self.registry.kind("page")}
        contribute_page = f"pages/{CONTRIBUTE_PAGE}.html" if CONTRIBUTE_PAGE in pages else ""
        deps = (digest(rules_text), self.site.scoped_digest("CONTRIBUTE"))
        for lang in self.languages:
            kinds = [self._kind_view(k, lang) for k in FORM_KINDS]
            self.page(writer, lang, PROPOSE_PATH, "propose.html", {
                "page_title": self.translate(lang, PROPOSE_TITLE), "kinds": kinds,
                "contribute_page": contribute_page}, deps=deps)
            for kind, view in zip(FORM_KINDS, kinds, strict=True):
                self.page(writer, lang, view["path"], "propose_form.html", lambda kind=kind, view=view, lang=lang: {
                    "page_title": view["title"], "kind": view,
                    "form": form.form_controls(kind, lang, taxonomy, self.translate, self.today),
                    "skipped": self._skipped(kind, lang)}, deps=deps)

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
