"""The map and the charts in Debian's Chromium, on a 360 × 740 phone and a 1280 × 800 laptop, from
file://: every tap target of the map at least 24 × 24 CSS px, label text at least 12 px, labels that
do not overlap, no sideways scrolling, region zoom without JavaScript, chart labels whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from network_map import regions

pytestmark = pytest.mark.browser

VIEWS = [regions.WHOLE, *(r.slug for r in regions.REGIONS)]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}

# What a reader meets in one view of a map: its tap targets (each part of a link that takes a tap: the
# label's pill, the country's shape, a zoom link), its label text sizes in CSS px, its pills' boxes.
MEASURE = """
(id) => {
  const view = id ? document.getElementById(id) : document.querySelector('.map-figure');
  const svg = view.querySelector('svg.map');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const size = (e) => { const b = e.getBoundingClientRect(); return [Math.round(b.width * 100) / 100,
                                                                      Math.round(b.height * 100) / 100]; };
  const targets = [];
  for (const a of view.querySelectorAll('a[href]')) {
    if (!a.checkVisibility()) continue;
    const parts = a.closest('svg') ? a.querySelectorAll(':scope > use.map-hit, :scope > g.map-pill') : [a];
    for (const part of parts) targets.push([a.getAttribute('href'), part.getAttribute('class') || 'a', ...size(part)]);
  }
  // Text size on screen: the font size in map units, times the map's scale, times any CSS scale of the pill.
  const fonts = [...svg.querySelectorAll('text')].map(t => {
    const pill = t.closest('g.map-pill');
    const css = pill ? pill.getBoundingClientRect().height / (pill.getBBox().height * scale) : 1;
    return [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale * css];
  });
  const pills = [...svg.querySelectorAll('g.map-pill rect')].map(r => {
    const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; });
  const legend = [...document.querySelectorAll('.map-legend li')].map(li => parseFloat(getComputedStyle(li).fontSize));
  const shown = [...document.querySelectorAll('.map-view')].filter(v => v.checkVisibility()).map(v => v.id);
  return {targets, fonts, pills, legend, shown, mapWidth: box.width, mapRight: box.right,
          scrollWidth: document.documentElement.scrollWidth};
}
"""


def url(site: Path, page: str, fragment: str = "") -> str:
    return (site / page).as_uri() + (f"#{fragment}" if fragment else "")


@pytest.fixture(scope="module")
def phone(chromium_instance):
    context = chromium_instance.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def laptop(chromium_instance):
    context = chromium_instance.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


def overlapping(pills: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(pills) for j, b in enumerate(pills[i + 1:], i + 1)
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]


def check_view(found: dict, where: str, width: int) -> None:
    small = [t for t in found["targets"] if t[2] < 24 or t[3] < 24]
    assert not small, f"{where}: tap targets under 24 × 24 CSS px: {small}"
    tiny = [f for f in found["fonts"] if f[1] < 12]
    assert not tiny, f"{where}: label text under 12 px: {tiny}"
    assert not overlapping(found["pills"]), f"{where}: labels overlap"
    assert found["legend"] == [] or min(found["legend"]) >= 12, where
    assert found["scrollWidth"] <= width and found["mapRight"] <= width, f"{where}: wider than the screen"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_of_the_map_page_on_a_phone(shipped_site, phone, lang, view):
    page = "carte.html" if lang == "fr" else "en/carte.html"
    phone.goto(url(shipped_site, page, view))
    found = phone.evaluate(MEASURE, view)
    assert found["shown"] == [view]
    assert 327 <= found["mapWidth"] <= 329  # the width labels.py lays labels out for
    check_view(found, f"{page}#{view}", PHONE["width"])
    if view in (regions.WHOLE, "afrique-ouest"):  # where the shipped content has organisations
        assert sum(t[1] == "map-pill" for t in found["targets"]) >= 2


@pytest.mark.parametrize("view", [regions.WHOLE, "afrique-ouest"])
def test_the_map_page_on_a_laptop(shipped_site, laptop, view):
    laptop.goto(url(shipped_site, "carte.html", view))
    found = laptop.evaluate(MEASURE, view)
    assert found["shown"] == [view]
    check_view(found, f"carte.html#{view}", LAPTOP["width"])
    # Labels shrink on a wide map, but stay at least as readable as on a phone.
    assert max(f[1] for f in found["fonts"]) < 17


@pytest.mark.parametrize("screen", ["phone", "laptop"])
@pytest.mark.parametrize("page", ["organisations/pays/bf.html", "en/organisations/pays/tg.html",
                                  "projets/index.html", "en/projets/pays/ke.html"])
def test_the_embedded_maps(shipped_site, request, screen, page):
    """On a laptop the directory and the project bank may set the map in a narrower column."""
    browser_page = request.getfixturevalue(screen)
    width = (PHONE if screen == "phone" else LAPTOP)["width"]
    browser_page.goto(url(shipped_site, page))
    found = browser_page.evaluate(MEASURE, "")
    assert found["targets"], page
    small = [t for t in found["targets"] if t[2] < 24 or t[3] < 24]
    assert not small, f"{page}: {small}"
    assert min(f[1] for f in found["fonts"]) >= 12
    assert not overlapping(found["pills"])
    assert found["mapRight"] <= width


def test_zooming_to_a_region_works_without_javascript_from_file(shipped_site, chromium_instance):
    context = chromium_instance.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(shipped_site, "carte.html"))
        shown = "() => [...document.querySelectorAll('.map-view')].filter(v => v.checkVisibility()).map(v => v.id)"
        assert page.evaluate(shown) == [regions.WHOLE]
        page.locator(f"#{regions.WHOLE} .map-zoom a[href='#afrique-ouest']").click()
        assert page.evaluate(shown) == ["afrique-ouest"]
        assert page.locator("#afrique-ouest .map-zoom a[aria-current]").inner_text().startswith("Afrique de l’Ouest")
        page.locator("#afrique-ouest .map-zoom a[href='#afrique-est']").click()
        assert page.evaluate(shown) == ["afrique-est"]
        page.go_back()
        assert page.evaluate(shown) == ["afrique-ouest"]
        page.locator(f"#afrique-ouest .map-zoom a[href='#{regions.WHOLE}']").click()
        assert page.evaluate(shown) == [regions.WHOLE]
    finally:
        context.close()


CHART_LABELS = """
() => [...document.querySelectorAll('.chart-label')].map(e => ({
  text: e.textContent, clipped: e.scrollWidth > e.clientWidth + 1, right: e.getBoundingClientRect().right,
  lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))}))
"""


@pytest.mark.parametrize("page", ["statistiques.html", "en/statistiques.html"])
def test_chart_labels_wrap_whole_on_a_phone(shipped_site, phone, page):
    phone.goto(url(shipped_site, page))
    found = phone.evaluate(CHART_LABELS)
    assert found
    assert not [f for f in found if f["clipped"] or f["right"] > PHONE["width"] or "…" in f["text"]]
    assert max(f["lines"] for f in found) >= 2  # the long sector names take two lines rather than being cut
    # Bar for row, the chart's labels are the table's (funding draws two bars per currency row).
    pairs = phone.evaluate("""() => [...document.querySelectorAll('.stats-section:not(#chart-funding)')].map(s => [
        [...s.querySelectorAll('.chart-label')].map(e => e.textContent),
        [...s.querySelectorAll('.visually-hidden table tbody th')].map(e => e.textContent)])""")
    assert pairs and all(labels == headers for labels, headers in pairs)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
