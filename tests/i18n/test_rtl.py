"""Arabic ready: the theme lays out right to left, proven on one test build with an Arabic skeleton catalogue.

One build for the module (tests/i18n/rtl_site.py): the shipped content in French and Arabic, one organisation renamed
in Arabic script. Then, for one page of every template in /ar/, on a 360×740 phone and a 1280 px screen:
`<html dir="rtl" lang="ar">`, nothing scrolls sideways or is cut off at either edge, the header starts on the right,
text starts on the right, the map keeps its geography and chart bars grow from the right; and on every page of every
language, a contributed name is isolated from the text around it (an Arabic name on a French page, a Latin one on
an Arabic page keep the punctuation and numbers beside them in place).

Screenshots go to RTL_SCREENSHOTS=DIR when it is set (look at them when a template or a stylesheet changes).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel import Locale
from tests.i18n.rtl_site import ARABIC_ACRONYM, ARABIC_NAME, ARABIC_ORG, LATIN_ORG, build_arabic_site
from tests.support import browser as chromium
from tests.support.htmlscan import SiteIndex, load_site
from tests.support.phone import VIEWPORTS, measure, screenshot, screenshot_name
from tests.support.sampling import sample_pages


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_arabic_site(tmp_path_factory.mktemp("rtl"))


@pytest.fixture(scope="module")
def rtl_index(rtl_site: Path) -> SiteIndex:
    return load_site(rtl_site)


@pytest.fixture(scope="module")
def rtl_http(rtl_site: Path):
    with chromium.serve(rtl_site) as url:
        yield url


# -- the HTML: direction attributes ------------------------------------------------------------------------------

class _Root(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = self.dir = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            a = dict(attrs)
            self.lang, self.dir = a.get("lang"), a.get("dir")


def _root(path: Path) -> _Root:
    parser = _Root()
    parser.feed(path.read_text(encoding="utf-8").split("<head", 1)[0])
    return parser


@pytest.mark.slow
def test_arabic_pages_are_right_to_left_and_the_others_left_to_right(rtl_site: Path, rtl_index: SiteIndex):
    wrong = []
    for doc in rtl_index.pages:
        root = _root(rtl_site / doc.rel)
        arabic = doc.rel.startswith("ar/")
        if arabic and (root.lang, root.dir) != ("ar", "rtl") or not arabic and (root.dir != "ltr" or root.lang == "ar"):
            wrong.append(f"{doc.rel}: <html lang={root.lang!r} dir={root.dir!r}>")
    assert not wrong, "\n".join(wrong[:20])
    home = (rtl_site / "ar" / "index.html").read_text(encoding="utf-8")
    assert ">الدليل<" in home and ">Annuaire<" not in home  # the skeleton catalogue is read: navigation in Arabic
    org = (rtl_site / "ar" / "organisations" / "ipd-aos.html").read_text(encoding="utf-8")
    assert Locale("ar").territories["BF"] in org  # country names from Babel, in Arabic
    # The language switch names each language in its own direction.
    assert 'lang="ar" dir="rtl"' in (rtl_site / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr" dir="ltr"' in home


class _Names(HTMLParser):
    """Text nodes that are exactly a contributed name, with the element around them."""

    SKIP = {"script", "style", "title", "template", "textarea", "noscript"}

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self.stack: list[tuple[str, dict]] = []
        self.found: list[tuple[str, str, dict]] = []  # (name, parent tag, parent attributes)

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = data.strip()
        if text in self.names and self.stack and not any(t in self.SKIP for t, _ in self.stack):
            self.found.append((text, *self.stack[-1]))


def _organisation_names(content: Path) -> set[str]:
    names = set()
    for path in (content / "organisations").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        names.add(front["name"])
    return names


@pytest.mark.slow
def test_every_organisation_name_is_isolated_from_the_text_around_it(rtl_site: Path, rtl_index: SiteIndex):
    """Wherever a template puts an organisation's name (a card, a list, a heading, "Led by …"), its element is a
    <bdi> or carries dir: an Arabic name on a French page, or a Latin one on an Arabic page, is laid out on its own
    and the punctuation and numbers around it stay in place."""
    names = _organisation_names(rtl_site.parent / "content")
    assert ARABIC_NAME in names and len(names) > 5
    escaped = {name: name.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") for name in names}
    loose, seen = [], 0
    for doc in rtl_index.pages:
        html = (rtl_site / doc.rel).read_text(encoding="utf-8")
        if not any(e in html for e in escaped.values()):
            continue
        parser = _Names(names)
        parser.feed(html)
        for name, tag, attrs in parser.found:
            seen += 1
            if tag != "bdi" and "dir" not in attrs:
                loose.append(f"{doc.rel}: <{tag}> holds {name!r} without <bdi> or dir")
    assert seen > 100, f"only {seen} names found: the test no longer sees the pages"
    assert not loose, f"{len(loose)} names not isolated:\n" + "\n".join(sorted(set(loose))[:20])


# -- the browser: layout at 360 and 1280 px ---------------------------------------------------------------------

_RTL = """
() => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const rect = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; };
  const textRect = (e) => { const range = document.createRange(); range.selectNodeContents(e); return rect(range); };
  const contentRight = (e) => {
    const style = getComputedStyle(e);
    return e.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
  };
  // The site name's words, and the right edge of the header row's content they should start from.
  const brand = document.querySelector('.brand-name');
  const row = document.querySelector('.header-row');
  const menu = document.querySelector('.menu > summary');
  // The first block of the main column in the page's own direction: its first line must end on its right edge.
  let aligned = null;
  for (const e of document.querySelectorAll('main h1, main h2, main p')) {
    const style = getComputedStyle(e);
    if (style.direction !== 'rtl' || !e.textContent.trim() || !e.checkVisibility()) continue;
    const range = document.createRange();
    range.selectNodeContents(e);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    if (!lines.length) continue;
    aligned = {tag: e.tagName.toLowerCase(), text: e.textContent.trim().slice(0, 40), textAlign: style.textAlign,
               gap: contentRight(e) - Math.max(...lines.map((r) => r.right))};
    break;
  }
  const maps = [...document.querySelectorAll('svg.map')].filter((e) => e.checkVisibility()).map((e) =>
      ({...rect(e), transform: getComputedStyle(e).transform, shapes: e.querySelectorAll('path').length}));
  const bars = [...document.querySelectorAll('.chart-row')].slice(0, 5).map((row) => {
    const bar = row.querySelector('.chart-bar rect');
    return bar ? {row: rect(row), bar: rect(bar)} : null;
  }).filter(Boolean);
  return {dir: doc.dir, lang: doc.lang, direction: getComputedStyle(document.body).direction, width: width,
          brand: brand && textRect(brand), rowRight: row && contentRight(row),
          menu: menu && menu.checkVisibility() ? rect(menu) : null,
          aligned: aligned, maps: maps, bars: bars};
}
"""


def _rtl_problems(rel: str, viewport: tuple[str, int, int], m: dict) -> list[str]:
    name, width, _height = viewport
    where = f"{name} {rel}"
    found = []
    if (m["dir"], m["lang"], m["direction"]) != ("rtl", "ar", "rtl"):
        found.append(f"{where}: <html dir={m['dir']!r} lang={m['lang']!r}>, body direction {m['direction']}")
    brand = m["brand"]
    if brand is None or brand["left"] + brand["width"] / 2 < width / 2 or abs(brand["right"] - m["rowRight"]) > 1:
        found.append(f"{where}: the site name does not start at the right of the header: {brand}, "
                     f"the header's content ends at {m['rowRight']}")
    if m["menu"] and m["menu"]["right"] > brand["left"]:
        found.append(f"{where}: the menu button is not to the left of the site name: {m['menu']} vs {brand}")
    aligned = m["aligned"]  # None on a page whose text all falls back to a left-to-right language
    if aligned is not None and abs(aligned["gap"]) > 2:
        found.append(f"{where}: <{aligned['tag']}> “{aligned['text']}” does not start on the right "
                     f"(text-align {aligned['textAlign']}, first line ends {aligned['gap']:.0f} px from the right)")
    for svg in m["maps"]:
        if svg["width"] < 200 or not svg["shapes"] or svg["transform"] != "none":
            found.append(f"{where}: the map is not drawn as it is west to east: {svg}")
    for bar in m["bars"]:
        if abs(bar["bar"]["right"] - bar["row"]["right"]) > 1:
            found.append(f"{where}: a chart bar does not grow from the right of its row: {bar}")
    return found


@dataclass
class _Layout:
    """What the Arabic sample showed on one screen size."""

    problems: list[str] = field(default_factory=list)
    maps: int = 0
    bars: int = 0
    aligned: int = 0


@pytest.fixture(scope="module")
def rtl_layouts(chromium_instance, rtl_http: str, rtl_index: SiteIndex) -> tuple[dict[str, _Layout], int]:
    """One page of every Arabic template, each loaded once and measured on both screens: at the size the tab has
    (the last page's second), then resized to the other. Nothing in the theme lays out by script, so a resized page
    is laid out as a page opened at that size. Returns ({viewport name: layout}, number of pages)."""
    # The layout is proven by the measures below; pictures only for a person who asks for them (RTL_SCREENSHOTS=DIR).
    shots = Path(os.environ["RTL_SCREENSHOTS"]) if os.environ.get("RTL_SCREENSHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    sample = {key: rel for key, rel in sample_pages(rtl_index.root, rtl_index).items() if key.startswith("ar:")}
    assert len(sample) > 20 and any(":map:" in k for k in sample) and any(":stats:" in k for k in sample)
    layouts = {viewport[0]: _Layout() for viewport in VIEWPORTS}
    sizes = list(VIEWPORTS)
    context = chromium_instance.new_context(viewport={"width": sizes[0][1], "height": sizes[0][2]})
    try:
        page = context.new_page()
        for key, rel in sample.items():
            page.goto(rtl_http + rel, wait_until="load")
            for i, viewport in enumerate(sizes):
                name, width, height = viewport
                if i:
                    page.set_viewport_size({"width": width, "height": height})
                layout = layouts[name]
                layout.problems += measure(page, rel, viewport).problems()
                m = page.evaluate(_RTL)
                layout.problems += _rtl_problems(rel, viewport, m)
                layout.maps, layout.bars = layout.maps + len(m["maps"]), layout.bars + len(m["bars"])
                layout.aligned += bool(m["aligned"])
                if shots:
                    screenshot(page, shots / screenshot_name(name, key))
            sizes.reverse()  # the next page opens at this size
    finally:
        context.close()
    return layouts, len(sample)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=[v[0] for v in VIEWPORTS])
def test_every_arabic_template_lays_out_right_to_left(rtl_layouts: tuple[dict[str, _Layout], int], viewport: tuple):
    name, width, height = viewport
    layouts, pages = rtl_layouts
    seen = layouts[name]
    assert seen.maps and seen.bars, f"{seen.maps} maps and {seen.bars} chart bars seen: the map and statistics " \
        "pages draw nothing"
    assert seen.aligned > pages * 3 // 4, f"only {seen.aligned} of {pages} pages have text in Arabic in <main>"
    assert not seen.problems, f"{len(seen.problems)} problems at {width}×{height}:\n" + "\n".join(seen.problems)


_ORDER = """
([name, acronym]) => {
  // The last line box of the name and the first of its acronym, in every heading that shows both.
  const lines = (e) => { const r = document.createRange(); r.selectNodeContents(e);
                         return [...r.getClientRects()].filter((b) => b.width > 0).map((b) => b.toJSON()); };
  const found = [];
  for (const e of document.querySelectorAll('main h1 *, main h3 *')) {
    if (e.textContent.trim() !== name || e.children.length) continue;
    const heading = e.closest('h1, h3');
    const acr = [...heading.querySelectorAll('*')].find((a) => !a.children.length
        && a.textContent.trim().replace(/^[(]|[)]$/g, '') === acronym);
    if (acr) found.push({tag: heading.tagName, name: lines(e).at(-1), acronym: lines(acr)[0]});
  }
  return found;
}
"""


def _reads_after(pair: dict, direction: str) -> bool:
    """The acronym comes after the name in reading order: on a later line, or further along the same line."""
    name, acronym = pair["name"], pair["acronym"]
    if acronym["top"] >= name["bottom"] - 2:
        return True
    return acronym["left"] >= name["right"] - 1 if direction == "ltr" else acronym["right"] <= name["left"] + 1


@pytest.mark.slow
@pytest.mark.browser
def test_a_name_in_another_script_keeps_its_acronym_after_it(chromium_instance, rtl_http: str, rtl_site: Path):
    """A name and its acronym read in the page's order: on a French page the Arabic name is on the left of
    “(ت.ن.أ)”, on an Arabic page the Latin name is on the right of “(EX-SACCO)”. Without isolation the Arabic name
    and acronym would merge into one right-to-left run and swap (the last check shows the test sees that)."""
    latin = yaml.safe_load((rtl_site.parent / "content" / "organisations" / f"{LATIN_ORG}.md")
                           .read_text(encoding="utf-8").split("---", 2)[1])
    cases = [("organisations/index.html", ARABIC_NAME, ARABIC_ACRONYM, "ltr"),
             (f"organisations/{ARABIC_ORG}.html", ARABIC_NAME, ARABIC_ACRONYM, "ltr"),
             ("ar/organisations/index.html", latin["name"], latin["acronym"], "rtl"),
             (f"ar/organisations/{LATIN_ORG}.html", latin["name"], latin["acronym"], "rtl")]
    context = chromium_instance.new_context(viewport={"width": 1280, "height": 800})
    problems = []
    try:
        page = context.new_page()
        for rel, name, acronym, direction in cases:
            page.goto(rtl_http + rel, wait_until="load")
            found = page.evaluate(_ORDER, [name, acronym])
            if not found:
                problems.append(f"{rel}: no heading with {name!r} and ({acronym})")
            problems += [f"{rel}: in <{pair['tag']}> the acronym reads before the name: {pair}"
                         for pair in found if not _reads_after(pair, direction)]
        # The same French card with its name's isolation taken away: the acronym jumps before the name.
        page.goto(rtl_http + "organisations/index.html", wait_until="load")
        page.evaluate("""() => {
          for (const e of document.querySelectorAll('main h3 [dir]')) e.removeAttribute('dir');
          for (const e of document.querySelectorAll('main h3 bdi')) e.replaceWith(...e.childNodes);
        }""")
        swapped = page.evaluate(_ORDER, [ARABIC_NAME, ARABIC_ACRONYM])
        assert swapped and not any(_reads_after(pair, "ltr") for pair in swapped), swapped
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.slow
@pytest.mark.browser
def test_the_layout_check_sees_a_page_cut_off_on_either_side(chromium_instance, rtl_http: str):
    """In a right-to-left page a box too wide sticks out on the left (the page scrolls that way); one pushed past the
    right edge is cut off with no scrolling at all: the measure reports both."""
    context = chromium_instance.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(rtl_http + "ar/index.html", wait_until="load")
        assert not measure(page, "ar/index.html", VIEWPORTS[0]).problems()
        page.evaluate("document.querySelector('main h1').style.width = '500px'")
        assert any("scrolls sideways" in p for p in measure(page, "ar/index.html", VIEWPORTS[0]).problems())
        page.reload(wait_until="load")
        page.evaluate("document.querySelector('main h1').style.marginRight = '-200px'")
        assert any("cut off" in p for p in measure(page, "ar/index.html", VIEWPORTS[0]).problems())
    finally:
        context.close()


def test_the_arabic_catalogue_covers_the_navigation():
    """The skeleton translates every main navigation label and the page headings the test looks at."""
    from babel.messages.pofile import read_po
    from tests.i18n.rtl_site import FIXTURES

    from labo_site.site import NAV_ITEMS

    with (FIXTURES / "ar" / "messages.po").open("rb") as f:
        catalogue = {m.id: m.string for m in read_po(f, locale="ar") if m.id}
    missing = [label for _s, _p, label, _x in NAV_ITEMS if not catalogue.get(label)]
    assert not missing, missing
    assert all(re.search("[\u0600-\u06ff]", s if isinstance(s, str) else s[0]) for s in catalogue.values())
