"""What a reader does in the browser: open pages, follow the navigation, go back."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from .browser import Watcher, load, settle
from .htmlscan import SiteIndex, is_external, resolve

NAV_TARGET_TEMPLATE = "directory"
FACET_TEMPLATE = "facet"


def check_pages_load(context, base_url: str, rels: list[str]) -> list[str]:
    """Open each page; every console error, failed or foreign request, as 'url: problem'."""
    watcher = Watcher(base_url)
    watcher.attach(context)
    page = context.new_page()
    try:
        for rel in rels:
            load(page, base_url + rel, watcher)
    finally:
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


def _pick(links: list[Link], index: SiteIndex, template: str) -> tuple[Link | None, bool]:
    """The first link to a page of `template`, else the first link at all (fallback=True)."""
    for link in links:
        if index.documents[link.target].template == template:
            return link, False
    return (links[0] if links else None), True


def click_through(context, base_url: str, index: SiteIndex, home: str = "index.html") -> tuple[list[str], list[str]]:
    """Home -> directory link in the nav -> a facet link -> back, by clicking like a reader.

    Returns (steps taken, problems).  If the site has no directory or facet template yet, the
    first nav link and the first link of that page are followed instead, and the steps say so.
    """
    watcher = Watcher(base_url)
    watcher.attach(context)
    page = context.new_page()
    steps: list[str] = []
    problems: list[str] = []
    try:
        load(page, base_url + home, watcher)
        steps.append(f"open {home}")
        nav_link, fallback = _pick(_links(index, home, in_nav=True), index, NAV_TARGET_TEMPLATE)
        if nav_link is None:
            return steps, [f"{home}: no link inside <nav> to another page"]
        problems += _click(page, nav_link, base_url, watcher)
        if problems:
            return steps, problems + watcher.take()
        steps.append(
            f"nav -> {nav_link.target}" + (f" (no {NAV_TARGET_TEMPLATE} page: first nav link)" if fallback else "")
        )
        second, fallback = _pick(_links(index, nav_link.target, in_nav=False), index, FACET_TEMPLATE)
        if second is None:
            return steps, problems + [f"{nav_link.target}: no link to another page"]
        problems += _click(page, second, base_url, watcher)
        if problems:
            return steps, problems + watcher.take()
        steps.append(f"link -> {second.target}" + (f" (no {FACET_TEMPLATE} link: first link)" if fallback else ""))
        page.go_back(wait_until="load")
        settle(page, watcher)
        if not _at(page, nav_link.target):
            problems.append(f"back from {second.target} led to {page.url}, expected {nav_link.target}")
        steps.append(f"back -> {nav_link.target}")
    finally:
        page.close()
    return steps, problems + watcher.take()


def _click(page, link: Link, base_url: str, watcher: Watcher) -> list[str]:
    locator = page.locator(f'a[href="{link.href}"]:visible').first
    if locator.count() == 0:
        return [f"{page.url}: no visible link {link.href!r} to {link.target}"]
    watcher.current = base_url + link.target
    with page.expect_navigation(wait_until="load"):
        locator.click()
    settle(page, watcher)
    if not _at(page, link.target):
        return [f"clicking {link.href!r} led to {page.url}, expected {link.target}"]
    return []


def _at(page, target: str) -> bool:
    """Whether the page shows the site file target (URL compared without fragment, decoded)."""
    return unquote(page.url.split("#")[0].split("?")[0]).endswith("/" + target)
