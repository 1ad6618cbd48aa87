"""Pick one page of every template, in every language, by walking the built output.

Templates mark their pages with <body data-template="...">.  Pages of one template are further
split by the shape of their path, because one template often renders several kinds of page (the
directory's index and its facet pages); a page without the attribute is grouped by path shape
alone.  A new template or page kind is sampled the day it appears, without editing a list.
"""

from __future__ import annotations

from pathlib import Path

from .htmlscan import Document, SiteIndex, load_site


def path_shape(rel: str) -> str:
    """Fallback template key: first folder kept, deeper folders and file names generalised.

    organisations/coop.html -> organisations/*, organisations/pays/bf/index.html ->
    organisations/*/*/index.html, index.html -> index.html.
    """
    parts = rel.split("/")
    if len(parts) == 1:
        return rel
    last = parts[-1] if parts[-1] == "index.html" else "*"
    return "/".join([parts[0], *["*"] * (len(parts) - 2), last])


def language_prefix(rel: str, index: SiteIndex) -> str:
    """'en/' for pages of a language subsite (a top folder with its own index.html), else ''."""
    first = rel.split("/", 1)[0]
    if "/" in rel and f"{first}/index.html" in index.files and len(first) in (2, 3, 5):
        home = index.documents.get(f"{first}/index.html")
        root_home = index.documents.get("index.html")
        if home and home.lang and (root_home is None or home.lang != root_home.lang):
            return first + "/"
    return ""


def template_key(doc: Document, index: SiteIndex) -> str:
    """'<lang>:<template>:<path shape>' for one page, the unit of browser and accessibility sampling."""
    prefix = language_prefix(doc.rel, index)
    lang = (doc.lang or prefix.rstrip("/") or "?").lower()
    shape = path_shape(doc.rel.removeprefix(prefix))
    return f"{lang}:{doc.template}:{shape}" if doc.template else f"{lang}:{shape}"


def sample_pages(site: Path, index: SiteIndex | None = None) -> dict[str, str]:
    """{template key: relative path} with the shallowest, then alphabetically first, page of each."""
    index = index or load_site(site)
    chosen: dict[str, str] = {}
    for doc in sorted(index.pages, key=lambda d: (d.rel.count("/"), d.rel)):
        chosen.setdefault(template_key(doc, index), doc.rel)
    return dict(sorted(chosen.items()))


def pages_with_template(index: SiteIndex, template: str) -> list[str]:
    return [d.rel for d in index.pages if d.template == template]
