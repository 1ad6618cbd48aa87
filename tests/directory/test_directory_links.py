"""Every link the build generates resolves to a file of the site, and every directory page is reachable from the
home pages. What "resolves" means (no root-absolute link, which leaves the site from file://, nor a link to a
folder, which opens a listing; the element a fragment names exists) is the site gate's own check,
tests/support/links.py, run here on the directory's fixture site."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from tests.support.htmlscan import load_site, resolve
from tests.support.links import check_links


def test_every_internal_link_and_fragment_resolves(directory_site) -> None:
    index = load_site(directory_site)
    assert sum(len(doc.refs) for doc in index.pages) > 500  # the checker really read the pages
    assert check_links(directory_site, index) == []


def test_every_organisation_and_facet_page_is_reachable_from_the_index(directory_site) -> None:
    # Nothing orphaned: walking links from the French and English home pages reaches every directory page.
    index = load_site(directory_site)
    seen, queue = set(), ["index.html", "en/index.html"]
    while queue:
        rel = queue.pop()
        if rel in seen or rel not in index.documents:
            continue
        seen.add(rel)
        for ref in index.documents[rel].refs:
            parts = urlsplit(ref.url)
            if ref.tag != "a" or ref.attr != "href" or parts.scheme or parts.netloc or not parts.path:
                continue
            target = resolve(rel, unquote(parts.path))
            if target in index.files and target.endswith(".html"):
                queue.append(target)
    directory_pages = {p.rel for p in index.pages if "organisations/" in p.rel or p.rel.endswith("membres.html")}
    assert directory_pages - seen == set()
