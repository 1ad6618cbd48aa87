"""Accessibility checks in the browser: axe-core (vendored) and a keyboard walk with Tab."""

from __future__ import annotations

import hashlib

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


def run_axe(page, tags: list[str] = WCAG_TAGS) -> list[dict]:
    """axe-core violations of the page loaded in `page` (context needs bypass_csp=True)."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
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
    return `<${e.tagName.toLowerCase()}${href}> "${text}"`;
  });
}
"""
_FOCUS_STYLE = """
(e) => {
  if (!e) return null;
  const cs = getComputedStyle(e);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0
      ? [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.outlineOffset].join(' ') : 'none';
  return {id: e.getAttribute('data-gate-focus'), outline: outline, shadow: cs.boxShadow};
}
"""


def check_keyboard(page, where: str, max_extra_tabs: int = 10) -> list[str]:
    """Tab through the loaded page: every interactive element is reached and visibly focused.

    'Visibly' means its computed outline or box-shadow while focused differs from unfocused and
    is not none.
    """
    labels: list[str] = page.evaluate(_MARK_FOCUSABLES)
    focused: dict[str, dict] = {}
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(len(labels) + max_extra_tabs):
        page.keyboard.press("Tab")
        style = page.evaluate_handle("() => document.activeElement").evaluate(_FOCUS_STYLE)
        if style is None or style["id"] is None:
            continue
        if style["id"] in focused:
            break  # focus came round to the start again
        focused[style["id"]] = style
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    problems = []
    for i, label in enumerate(labels):
        key = str(i)
        if key not in focused:
            problems.append(f"{where}: {label} cannot be reached with Tab")
            continue
        rest = page.locator(f'[data-gate-focus="{key}"]').evaluate(_FOCUS_STYLE)
        style = focused[key]
        changed = (style["outline"], style["shadow"]) != (rest["outline"], rest["shadow"])
        visible = style["outline"] != "none" or style["shadow"] != "none"
        if not (changed and visible):
            problems.append(f"{where}: {label} shows no focus indicator (outline/box-shadow unchanged on focus)")
    return problems
