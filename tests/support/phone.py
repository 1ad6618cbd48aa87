"""What a reader on a 360 px phone (and on a wide screen) sees: overflow, header height, tap targets.

Measured in Chromium on the loaded page, one browser round trip per page, so that the whole sample (every
template in every language, at two sizes) stays within a few seconds of screenshots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .htmlscan import SiteIndex, is_external, resolve

#: (name, width, height): the phone the product is measured on, and a laptop.
VIEWPORTS = (("phone", 360, 740), ("wide", 1280, 800))
#: The header may take at most this share of the screen's height (PRODUCT.md, "Phones").
HEADER_SHARE = 0.20
#: Smallest tap target, CSS pixels (WCAG 2.2 "Target Size (Minimum)").
MIN_TARGET = 24

_MEASURE = """
(minTarget) => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const describe = (e) => {
    let text = e.tagName.toLowerCase();
    if (e.id) text += '#' + e.id;
    if (e.classList.length) text += '.' + [...e.classList].join('.');
    const words = (e.innerText || e.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return words ? `${text} "${words}"` : text;
  };
  // Elements whose box reaches past either edge, outside any box that scrolls or clips them. Past the end edge the
  // page scrolls sideways (scrollWidth counts it; the end is the left in a right-to-left page); past the other edge
  // nothing scrolls to it: it is cut off, and only this list tells.
  const clipped = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > width + 1 || r.left < -1) && e.checkVisibility() && !clipped(e)) {
      wide.push(`${describe(e)} (from ${Math.round(r.left)} to ${Math.round(r.right)} px)`);
      if (wide.length >= 5) break;
    }
  }
  const header = document.querySelector('body > header, .site-header');
  // Tap targets in the header and in every navigation; a small one passes when a larger target with the
  // same address is on the page (PRODUCT.md: "or repeated as a larger link on the page").
  const sel = 'a[href], button, summary, input:not([type=hidden]), select, textarea';
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return {w: r.width, h: r.height};
  };
  const visible = (e) => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
      && box(e).w > 0 && box(e).h > 0;
  const big = new Set();
  for (const e of document.querySelectorAll(sel)) {
    const b = box(e);
    if (visible(e) && b.w >= minTarget && b.h >= minTarget && e.getAttribute('href')) big.add(e.getAttribute('href'));
  }
  const small = [];
  for (const e of document.querySelectorAll(sel)) {
    if (!e.closest('header, nav') || !visible(e)) continue;
    const b = box(e);
    if ((b.w < minTarget || b.h < minTarget) && !big.has(e.getAttribute('href'))) {
      small.push(`${describe(e)} is ${Math.round(b.w)}×${Math.round(b.h)} px`);
    }
  }
  return {scrollWidth: doc.scrollWidth, width: width, wide: wide,
          header: header ? header.getBoundingClientRect().height : null, small: small};
}
"""


@dataclass(frozen=True)
class Measure:
    rel: str
    viewport: str
    width: int
    height: int
    scroll_width: int
    wide: tuple[str, ...]
    header: float | None
    small_targets: tuple[str, ...]

    def problems(self) -> list[str]:
        where = f"{self.viewport} {self.width}×{self.height} {self.rel}"
        found = []
        if self.scroll_width > self.width:
            culprits = "; ".join(self.wide) or "no single element found"
            found.append(f"{where}: the page scrolls sideways ({self.scroll_width} px wide): {culprits}")
        elif self.wide:
            found.append(f"{where}: cut off at the edge of the screen: {'; '.join(self.wide)}")
        limit = HEADER_SHARE * self.height
        if self.header is None:
            found.append(f"{where}: no site header")
        elif self.header > limit:
            found.append(f"{where}: header {self.header:.0f} px tall, more than {limit:.0f} px "
                         f"({HEADER_SHARE:.0%} of the screen)")
        found += [f"{where}: tap target under {MIN_TARGET}×{MIN_TARGET} px: {t}" for t in self.small_targets]
        return found


def measure(page, rel: str, viewport: tuple[str, int, int]) -> Measure:
    """Measure the page loaded in `page` (whose viewport is `viewport`)."""
    name, width, height = viewport
    m = page.evaluate(_MEASURE, MIN_TARGET)
    return Measure(rel, name, width, height, m["scrollWidth"], tuple(m["wide"]), m["header"], tuple(m["small"]))


def screenshot_name(viewport: str, key: str) -> str:
    """'phone-fr-home-index.html.png' from the sample key 'fr:home:index.html' ('*' of a path shape: 'x')."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", key.replace(":", "-").replace("*", "x")).strip("-")
    return f"{viewport}-{name}.png"


def screenshot(page, path: Path, full_page: bool = False) -> None:
    """Photograph the page into `path`. Chromium sometimes answers "Unable to capture screenshot" when the machine
    is busy (a compositor frame not ready): one more try after a short wait, then the error stands."""
    from playwright.sync_api import Error

    try:
        page.screenshot(path=str(path), full_page=full_page)
    except Error as error:
        if "Unable to capture screenshot" not in str(error):
            raise
        page.wait_for_timeout(250)
        page.screenshot(path=str(path), full_page=full_page)


def favicon_problems(index: SiteIndex, rels: list[str]) -> list[str]:
    """Pages whose <head> names no icon (`<link rel="icon">`), or whose icon file is not in the output."""
    problems = []
    for rel in rels:
        icons = [ref for ref in index.documents[rel].refs if ref.tag == "link" and "icon" in ref.rel]
        if not icons:
            problems.append(f"{rel}: no <link rel=\"icon\"> in the head (every page would log a 404 for /favicon.ico)")
            continue
        for ref in icons:
            if is_external(ref.url):
                problems.append(f"{rel}: the icon {ref.url} is on another host")
                continue
            target = resolve(rel, unquote(ref.url.partition("#")[0].partition("?")[0]))
            if target not in index.files:
                problems.append(f"{rel}: the icon {ref.url} is not in the output ({target})")
    return problems
