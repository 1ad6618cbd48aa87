"""Every link the build generates resolves to a file of the site (a small walker; the full gate is
tests/gates). From file:// a link to a folder opens a listing and a root-absolute link leaves the site."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from dirkit import local_links, page, resolve


def test_every_internal_link_names_an_existing_file(directory_site) -> None:
    links = local_links(directory_site)
    assert len(links) > 500  # the walker really read the pages
    broken = []
    for source, tag, url in links:
        path = urlsplit(url).path
        if path.startswith("/"):
            broken.append(f"{source}: <{tag}> {url}: root-absolute")
            continue
        target = resolve(directory_site, source, url)
        if target is None:
            broken.append(f"{source}: <{tag}> {url}: leaves the site")
        elif path and (path.endswith("/") or target.is_dir()):
            broken.append(f"{source}: <{tag}> {url}: names a folder")
        elif not target.is_file():
            broken.append(f"{source}: <{tag}> {url}: no such file")
    assert broken == []


def test_every_fragment_names_an_element(directory_site) -> None:
    missing = []
    for source, _tag, url in local_links(directory_site):
        fragment = unquote(urlsplit(url).fragment)
        if not fragment:
            continue
        target = resolve(directory_site, source, url)
        rel = target.relative_to(directory_site.resolve()).as_posix() if target else None
        if rel is None or not rel.endswith(".html") or not any(
                n.attrs.get("id") == fragment for n in page(directory_site, rel).iter()):
            missing.append(f"{source}: {url}")
    assert missing == []


def test_every_organisation_and_facet_page_is_reachable_from_the_index(directory_site) -> None:
    # Nothing orphaned: walking links from the French and English home pages reaches every directory page.
    seen, queue = set(), ["index.html", "en/index.html"]
    while queue:
        rel = queue.pop()
        if rel in seen or not rel.endswith(".html"):
            continue
        seen.add(rel)
        for node in page(directory_site, rel).iter():
            url = node.attrs.get("href") if node.tag == "a" else None
            if not url or urlsplit(url).scheme or url.startswith("#"):
                continue
            target = resolve(directory_site, rel, url)
            if target is not None and target.is_file():
                queue.append(target.relative_to(directory_site.resolve()).as_posix())
    directory_pages = {p.relative_to(directory_site).as_posix() for p in directory_site.rglob("*.html")
                       if "organisations/" in p.as_posix() or p.name == "membres.html"}
    assert directory_pages - seen == set()
