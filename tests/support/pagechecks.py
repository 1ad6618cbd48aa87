"""What a reader does in the browser: open pages, follow the navigation, go back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from .browser import Watcher, load, open_in, settle
from .htmlscan import SiteIndex, is_external, resolve

# data-template values of the directory's index, tried in order; a facet is a link from there to
# another page of the directory's own template (or of a "facet" template).
DIRECTORY_TEMPLATES = ("directory", "organisations")
FACET_TEMPLATES = ("facet",)


def check_pages_load(context, base_url: str, rels: list[str], tabs: int = 6,
                     each: Callable[[object, str], None] | None = None) -> list[str]:
    """Open each page; every console error, failed or foreign request, as 'url: problem'.

    Pages are opened `tabs` at a time, each in its own tab, and the group is then left to settle together: the
    quiet time that lets a late request or error show is waited once per group instead of once per page.
    `each(page, rel)`, if given, is then called for each page of the group, so that another check reads the same
    load (the phone gate measures the page there)."""
    watcher = Watcher(base_url)
    watcher.attach(context)
    pages = [context.new_page() for _ in range(max(1, min(tabs, len(rels))))]
    try:
        for start in range(0, len(rels), len(pages)):
            group = list(zip(pages, rels[start:start + len(pages)], strict=False))
            for page, rel in group:
                open_in(page, base_url + rel, watcher)
            settle(pages[0], watcher)
            for page, rel in group if each is not None else ():
                each(page, rel)
    finally:
        for page in pages:
            page.close()
    return watcher.take()


@dataclass(frozen=True)
class Link:
    href: str
    target: str  # site-relative path of the target file


def _links(index: SiteIndex, rel: str, *, in_nav: bool) -> list[Link]:
    """Links of a page to other site pages (nav links only if in_nav), in document order."""
    doc = index.documents[rel]
    hrefs = doc.nav_hrefs if in_nav else [r.url for r in doc.refs if r.tag == "a" and r.attr == "href"]
    found = []
    for href in hrefs:
        path = href.partition("#")[0].partition("?")[0]
        if not path or is_external(href):
            continue
        target = resolve(rel, unquote(path))
        if target in index.documents and target != rel:
            found.append(Link(href, target))
    return found


def _below(links: list[Link], page: str) -> list[Link]:
    """Links to pages in the folder of `page` or under it (a facet, not the language switch)."""
    folder = page.rpartition("/")[0]
    return [link for link in links if not folder or link.target.startswith(folder + "/")]


def _candidates(links: list[Link], index: SiteIndex, templates: tuple[str | None, ...]) -> tuple[list[Link], bool]:
    """Links to pages of the given templates, in template order; else all links (fallback=True)."""
    preferred = [
        link
        for template in templates
        if template
        for link in links
        if index.documents[link.target].template == template
    ]
    return (list(dict.fromkeys(preferred)), False) if preferred else (links, True)


def click_through(context, base_url: str, index: SiteIndex, home: str = "index.html") -> tuple[list[str], list[str]]:
    """Home -> directory link in the nav -> a facet link -> back, by clicking like a reader.

    Returns (steps taken, problems).  If the site has no directory or facet page yet, the first
    visible nav link and the first visible link below that page are followed instead, and the
    steps say so.
    """
    watcher = Watcher(base_url)
    watcher.attach(context)
    page = context.new_page()
    steps: list[str] = []
    try:
        load(page, base_url + home, watcher)
        steps.append(f"open {home}")
        nav_links, fallback = _candidates(_links(index, home, in_nav=True), index, DIRECTORY_TEMPLATES)
        directory, problems = _click_first_visible(page, nav_links, base_url, watcher, f"{home} <nav>")
        if directory is None:
            return steps, problems + watcher.take()
        steps.append(f"nav -> {directory.target}" + (" (no directory page: first nav link)" if fallback else ""))
        facet_templates = (*FACET_TEMPLATES, index.documents[directory.target].template)
        below = _below(_links(index, directory.target, in_nav=False), directory.target)
        facet_links, fallback = _candidates(below, index, facet_templates)
        facet, problems = _click_first_visible(page, facet_links, base_url, watcher, directory.target)
        if facet is None:
            return steps, problems + watcher.take()
        steps.append(f"link -> {facet.target}" + (" (no facet link: first link)" if fallback else ""))
        page.go_back(wait_until="load")
        settle(page, watcher)
        if not _at(page, directory.target):
            problems.append(f"back from {facet.target} led to {page.url}, expected {directory.target}")
        steps.append(f"back -> {directory.target}")
    finally:
        page.close()
    return steps, problems + watcher.take()


def _click_first_visible(
    page, links: list[Link], base_url: str, watcher: Watcher, where: str
) -> tuple[Link | None, list[str]]:
    """Click the first of `links` that a reader can see, opening a closed <details> around it as a
    reader would (facets are often folded); (None, problems) if none can be followed."""
    for link in links:
        locator = page.locator(f'a[href="{link.href}"]').first
        if locator.count() == 0:
            continue
        if not locator.is_visible():
            summary = locator.locator("xpath=ancestor::details[not(@open)][1]/summary")
            if summary.count() == 0 or not summary.first.is_visible():
                continue
            summary.first.click()
            if not locator.is_visible():
                continue
        watcher.current = watcher.opened[page] = base_url + link.target
        before = page.url.split("#")[0].split("?")[0]
        with page.expect_navigation(wait_until="load"):
            locator.click()
        settle(page, watcher)
        if not _at(page, link.target):
            if _filtered_in_place(page, before):
                return Link(link.href, f"{link.target} (filtered in place: {page.url.rpartition('/')[2]})"), []
            return None, [f"clicking {link.href!r} led to {page.url}, expected {link.target}"]
        return link, []
    return None, [f"{where}: no visible link to another page of the site"]


def _filtered_in_place(page, before: str) -> bool:
    """Whether a script answered the click by filtering the page's own list and naming the filter in the address
    (the directory's filter.js: organisations/index.html?pays=BF), as the static page would have shown it."""
    path, _, query = page.url.split("#")[0].partition("?")
    return path == before and bool(query)


def _at(page, target: str) -> bool:
    """Whether the page shows the site file target (URL compared without fragment, decoded)."""
    return unquote(page.url.split("#")[0].split("?")[0]).endswith("/" + target)
