"""Accessibility checks in the browser: axe-core (vendored) and a keyboard walk with Tab."""

from __future__ import annotations

import hashlib
import weakref

from .build import REPO_ROOT

AXE_VERSION = "4.14.1"
AXE_JS = REPO_ROOT / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    """The vendored axe.min.js, checked against its pinned hash so an edit cannot slip in."""
    data = AXE_JS.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        raise RuntimeError(f"{AXE_JS} is not axe-core {AXE_VERSION} (sha256 {digest})")
    return data.decode("utf-8")


#: Where pages load axe from: the browser context answers it from memory (`_serve_axe`), no server is asked. Loaded
#: by URL rather than as inline text, Chromium compiles it once and reuses the code on the next pages (65 ms a page).
AXE_URL = "http://127.0.0.1/__gate/axe.min.js"
_serving: weakref.WeakSet = weakref.WeakSet()


def _serve_axe(context) -> None:
    if context in _serving:
        return
    source = axe_source()
    context.route(AXE_URL, lambda route: route.fulfill(body=source, content_type="text/javascript",
                                                       headers={"Cache-Control": "max-age=3600"}))
    _serving.add(context)


#: The rules that judge colours (of text against its background, of a link against the text around it): what they
#: read comes from the stylesheet and the template, not from the words, and they take three fifths of axe's time on a
#: page.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def run_axe(page, tags: list[str] = WCAG_TAGS, skip: tuple[str, ...] = ()) -> list[dict]:
    """axe-core violations of the page loaded in `page`, without the rules in `skip`. Its context needs
    bypass_csp=True, and service_workers="block": a request made by the site's service worker (once it controls the
    page, a moment after the first load) escapes Playwright's routes, so axe would be fetched from 127.0.0.1:80 and
    fail."""
    _serve_axe(page.context)
    page.add_script_tag(url=AXE_URL)
    result = page.evaluate(
        """async ([tags, skip]) => await axe.run(document, {runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(skip.map((id) => [id, {enabled: false}])), resultTypes: ['violations']})""",
        [tags, list(skip)],
    )
    return result["violations"]


def format_violations(where: str, violations: list[dict]) -> list[str]:
    """One readable line per failing element: 'page: rule (impact): help | selector | summary'."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"{where}: {v['id']} ({v.get('impact')}): {v['help']} | {target} | {summary[:200]}")
    return lines


_MARK_FOCUSABLES = """
() => {
  const native = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, '
      + '[contenteditable=""], [contenteditable=true]';
  const all = [...document.querySelectorAll(native + ', [tabindex]')];
  const els = all.filter(e => !e.disabled && !e.closest('[inert]')
      && e.checkVisibility({checkOpacity: false, checkVisibilityCSS: true})
      && (e.matches(native) || e.tabIndex >= 0));
  return els.map((e, i) => {
    e.setAttribute('data-gate-focus', String(i));
    const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
    const href = e.getAttribute('href') ? ` href="${e.getAttribute('href')}"` : '';
    // A radio group is one Tab stop (arrow keys move inside it): reaching one radio reaches all.
    const group = e.type === 'radio' && e.name ? `radio:${e.form ? e.form.id : ''}:${e.name}` : String(i);
    return {label: `<${e.tagName.toLowerCase()}${href}> "${text}"`, group: group};
  });
}
"""
# What can show focus: the element's outline, shadow, border, colours, underline, and (for SVG
# links such as a map) the stroke and fill of its shapes.
_STYLE_OF = """
  // Only what is drawn: an outline or border with style none or width 0 draws nothing,
  // whatever its colour or offset.
  const line = (style, width, rest) => (style === 'none' || parseFloat(width) === 0)
      ? 'none' : [style, width, ...rest].join(' ');
  const look = (e, shape) => {
    const cs = getComputedStyle(e);
    const parts = [line(cs.outlineStyle, cs.outlineWidth, [cs.outlineColor, cs.outlineOffset]),
                   cs.stroke, cs.strokeWidth, cs.fill];
    if (!shape) {
      parts.push(cs.boxShadow, cs.backgroundColor, cs.color, cs.textDecorationLine,
                 ...['Top', 'Right', 'Bottom', 'Left'].map(side => line(cs[`border${side}Style`],
                     cs[`border${side}Width`], [cs[`border${side}Color`]])));
    }
    return parts.join('|');
  };
  const styleOf = (e) => ({
    id: e.getAttribute('data-gate-focus'),
    look: [look(e, false), ...[...e.querySelectorAll('*')].slice(0, 20).map(c => look(c, true))].join(';'),
  });
"""
# Records the computed style of each element as focus lands on it, so the Tab walk needs one
# browser round trip per key press and one at the end.
_RECORD_FOCUS = (
    "() => {"
    + _STYLE_OF
    + """
  window.__gateFocus = [];
  window.__gateCycled = false;
  const seen = new Set();
  document.addEventListener('focusin', (ev) => {
    if (!(ev.target instanceof Element) || !ev.target.hasAttribute('data-gate-focus')) return;
    const style = styleOf(ev.target);
    if (seen.has(style.id)) window.__gateCycled = true;
    seen.add(style.id);
    window.__gateFocus.push(style);
  }, true);
  if (document.activeElement) document.activeElement.blur();
}"""
)
_UNFOCUSED_STYLES = (
    "() => {"
    + _STYLE_OF
    + """
  if (document.activeElement) document.activeElement.blur();
  return {focused: window.__gateFocus,
          rest: [...document.querySelectorAll('[data-gate-focus]')].map(styleOf)};
}"""
)


def check_keyboard(page, where: str, batch: int = 10) -> list[str]:
    """Tab through the loaded page: every interactive element is reached and visibly focused.

    Tab is pressed until focus comes round to an element a second time (scrollable boxes and
    radio groups make the number of stops differ from the number of controls).  'Visibly' means
    that some computed style that draws focus (outline, box-shadow, border, colours, underline,
    SVG stroke/fill of the element or its shapes) differs from unfocused.
    """
    controls: list[dict] = page.evaluate(_MARK_FOCUSABLES)
    page.evaluate(_RECORD_FOCUS)
    for _ in range(0, 3 * len(controls) + 5 * batch, batch):
        for _ in range(batch):
            page.keyboard.press("Tab")
        if page.evaluate("() => window.__gateCycled"):
            break
    styles = page.evaluate(_UNFOCUSED_STYLES)
    focused: dict[str, dict] = {}
    for style in styles["focused"]:
        focused.setdefault(style["id"], style)
    rest = {style["id"]: style for style in styles["rest"]}
    reached_groups = {controls[int(key)]["group"] for key in focused}
    problems = []
    for i, control in enumerate(controls):
        key = str(i)
        if key not in focused:
            if control["group"] not in reached_groups:
                problems.append(f"{where}: {control['label']} cannot be reached with Tab")
            continue
        if focused[key]["look"] == rest[key]["look"]:
            problems.append(f"{where}: {control['label']} shows no focus indicator (its look does not change on focus)")
    return problems
