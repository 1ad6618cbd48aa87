"""One visit of every sampled page per screen size, read by several site gates.

The browser gate (loads over HTTP and from disk), the phone gate and the accessibility gate each used to open every
sampled page (about a hundred) themselves: seven loads of each page. Now a page is loaded twice, and each load is
watched (console, failed and foreign requests) and measured (tests/gates/test_gate_sampled_pages.py): once from
disk on a phone, as a reader of a downloaded or USB copy opens it, and once over HTTP on a wide screen, where it is
also audited. (Over HTTP, axe-core reads the stylesheets with XMLHttpRequest, which Chromium refuses to file://
pages; the service worker's own behaviour is tested by tests/offline.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .a11y import COLOUR_RULES, check_keyboard, format_violations, run_axe
from .htmlscan import SiteIndex
from .pagechecks import check_pages_load
from .phone import VIEWPORTS, Measure, measure, screenshot, screenshot_name
from .sampling import sample_pages


@dataclass(frozen=True)
class Visit:
    """What one sampled page showed on one screen."""

    key: str  # template key (sampling.template_key)
    rel: str
    measure: Measure
    violations: tuple[str, ...] = ()  # axe-core, formatted (wide screen only)
    keyboard: tuple[str, ...] = ()  # keyboard walk problems (wide screen only, once per template and shape)


@dataclass
class Sweep:
    viewport: tuple[str, int, int]
    visits: list[Visit]
    load_problems: list[str] = field(default_factory=list)  # console, failed and foreign requests


def _photograph(page, folder: Path | None, viewport: str, key: str) -> None:
    if folder is not None:
        full_page = os.environ.get("GATES_FULL_SCREENSHOTS") == "1"
        screenshot(page, folder / screenshot_name(viewport, key), full_page=full_page)


def phone(browser, base: str, index: SiteIndex, screenshots: Path | None = None) -> Sweep:
    """Every sampled page from `base` (the gates: the site's folder as a file:// URL) on a 360×740 phone: its
    console, its requests and its measures."""
    return _visit(browser, base, index, VIEWPORTS[0], screenshots)


def wide(browser, http_base: str, index: SiteIndex, screenshots: Path | None = None) -> Sweep:
    """Every sampled page over HTTP on a 1280×800 screen: its console and requests, its measures, axe-core's
    violations and, once per template and page shape (in the first language of the sample that has it), the
    keyboard walk and axe's colour rules: the controls, their order, their focus styles and the colours of text and
    links come from the template and the stylesheet, not from the words. axe's other rules, which read the words
    (lang attributes, names of links, buttons and fields, alternative texts), run in every language.

    bypass_csp: axe is injected as a script, which a Content Security Policy could block. service_workers: the
    site's worker, once it controls a page, would fetch axe itself and miss the route that serves it (see
    a11y.run_axe)."""
    walked: set[str] = set()

    def audit(page, key: str, rel: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        shape = key.split(":", 1)[1]
        first = shape not in walked
        keyboard = check_keyboard(page, f"{key} {rel}") if first else []
        walked.add(shape)
        violations = run_axe(page, skip=() if first else COLOUR_RULES)
        return tuple(format_violations(f"{key} {rel}", violations)), tuple(keyboard)

    return _visit(browser, http_base, index, VIEWPORTS[1], screenshots, audit=audit,
                  bypass_csp=True, service_workers="block")


def _visit(browser, base: str, index: SiteIndex, viewport: tuple[str, int, int], screenshots: Path | None,
           audit=None, **options) -> Sweep:
    """Every sampled page from `base` at `viewport`, six tabs at a time as check_pages_load opens them: measured,
    photographed if asked, and audited by `audit(page, key, rel) -> (violations, keyboard problems)` if given."""
    keys = {rel: key for key, rel in sample_pages(index.root, index).items()}
    visits = []

    def look(page, rel: str) -> None:
        key = keys[rel]
        seen = measure(page, rel, viewport)
        _photograph(page, screenshots, viewport[0], key)
        visits.append(Visit(key, rel, seen, *(audit(page, key, rel) if audit else ())))

    context = browser.new_context(viewport={"width": viewport[1], "height": viewport[2]}, **options)
    try:
        problems = check_pages_load(context, base, list(keys), each=look)
    finally:
        context.close()
    return Sweep(viewport, visits, problems)
