"""Hostile text in every field and body of every kind: built, scanned, and opened in Chromium.

Nothing a contributor writes may run: no script, no handler attribute, no javascript:/data: URL, no dialog,
and template syntax is printed, never evaluated.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tests.conftest import build_site, copy_content  # noqa: E402
from tests.support import browser as chromium  # noqa: E402
from tests.support.inject import scan_for_injected_script  # noqa: E402

from content_model import frontmatter  # noqa: E402
from content_model.schema import KINDS  # noqa: E402

#: Each fits on one line and under the 300-character limit of a text field.
PAYLOADS = [
    '<script>window.__pwned=1;alert(1)</script>',
    '"><img src=x onerror="window.__pwned=1">',
    "'><svg onload=alert(1)>",
    '<a href="javascript:window.__pwned=1">clic</a>',
    '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
    '&#106;avascript:alert(1) &lt;script&gt;alert(1)&lt;/script&gt;',
    '<svg><script>window.__pwned=1</script></svg>',
    '<div style="background:url(https://evil.example/x.png)">x</div>',
    '</title><script>alert(1)</script>',
    '{{ 7*7 }} {% if true %}TEMPLATE{% endif %} ${7*7}',
]
BODY = """
# Titre <script>window.__pwned=1</script>

<script>window.__pwned=1</script>
<img src="x" onerror="window.__pwned=1">
<a href="javascript:window.__pwned=1">javascript link</a>
[markdown js link](javascript:window.__pwned=1) [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
<a href="&#106;avascript:window.__pwned=1">encoded</a> <a href="JaVaScRiPt:window.__pwned=1">mixed case</a>
<a href="//evil.example/">protocol relative</a>
<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">
<svg><script>window.__pwned=1</script><a xlink:href="javascript:window.__pwned=1">svg</a></svg>
<p style="background:url(https://evil.example/)" onclick="window.__pwned=1">styled</p>
<form action="https://evil.example/"><input name="q"><button formaction="javascript:alert(1)">go</button></form>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">
{{ 7*7 }} {% raw %}x{% endraw %}
"""
TEXT_TYPES = {"text", "longtext"}


def _poison(fields, data, counter: list[int]) -> None:
    """Replace every text value of `data` (a front matter dict) with the next payload."""
    for field in fields:
        value = data.get(field.name)
        if value is None:
            continue
        if field.type in TEXT_TYPES:
            if field.many and isinstance(value, list):
                data[field.name] = [_next(counter) for _ in value]
            elif isinstance(value, str):
                data[field.name] = _next(counter)
        elif field.type == "object":
            items = value if (field.many and isinstance(value, list)) else [value]
            for item in items:
                if isinstance(item, dict):
                    _poison(field.fields, item, counter)


def _next(counter: list[int]) -> str:
    counter[0] += 1
    return PAYLOADS[counter[0] % len(PAYLOADS)]


def poison_site(content: Path) -> list[tuple[str, str]]:
    """Poison one entry (and its translation) of every kind; returns (kind output folder, slug)."""
    poisoned = []
    counter = [0]
    for kind in KINDS:
        folder = content / kind.folder
        originals = sorted(p for p in folder.glob("*.md") if p.name.count(".") == 1)
        if not originals:
            continue
        for path in [originals[0], *[p for p in folder.glob(f"{originals[0].stem}.*.md")]]:
            fm = frontmatter.parse(path.read_text(encoding="utf-8"))
            _poison(kind.fields, fm.data, counter)
            header = yaml.safe_dump(json.loads(json.dumps(fm.data, default=str)), allow_unicode=True,
                                    sort_keys=False, width=1000)
            path.write_text(f"---\n{header}---\n{BODY}", encoding="utf-8")
        poisoned.append((kind.output, originals[0].stem))
    return poisoned


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, list[tuple[str, str]]]:
    tmp = tmp_path_factory.mktemp("hostile")
    content = copy_content(tmp)
    poisoned = poison_site(content)
    out = tmp / "output"
    result = build_site(content, out)
    assert result.returncode == 0, result.stderr
    return out, poisoned


def test_hostile_text_builds_and_no_contributed_script_survives(hostile_site):
    out, poisoned = hostile_site
    assert len(poisoned) >= 5
    assert scan_for_injected_script(out) == []
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        # Printed as written, never evaluated: every TEMPLATE still follows its "{% if true %}".
        assert text.count("TEMPLATE") == text.count("%}TEMPLATE"), f"{html}: template syntax was evaluated"
        assert 'style="background:url(https://evil.example' not in text, f"{html}: a contributed style survived"


def test_payloads_are_shown_as_text(hostile_site):
    out, poisoned = hostile_site
    page = (out / "organisations" / f"{dict((k, s) for k, s in poisoned)['organisations']}.html")
    text = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text or "&lt;img" in text  # escaped, visible to the reader


_STIR = """() => {
  for (const element of document.querySelectorAll('body *')) {
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup',
                        'focus', 'focusin', 'animationstart', 'transitionend']) {
      const Event_ = type.startsWith('pointer') ? PointerEvent : type.startsWith('mouse') ? MouseEvent
        : type.startsWith('focus') ? FocusEvent : Event;
      element.dispatchEvent(new Event_(type, {bubbles: true}));
    }
  }
}"""


@pytest.mark.browser
def test_nothing_runs_in_chromium(hostile_site, chromium_instance):
    out, poisoned = hostile_site
    pages = []
    for folder, slug in poisoned:
        for prefix in ("", "en/"):
            candidate = out / f"{prefix}{folder}/{slug}.html"
            if candidate.is_file():
                pages.append(candidate)
        index = out / folder / "index.html"
        if index.is_file():
            pages.append(index)
    pages += [out / "index.html", out / "en" / "index.html"]
    assert len(pages) >= 10
    context = chromium_instance.new_context()
    context.add_init_script("window.alert = window.confirm = window.prompt = () => { window.__pwned = 1; };")
    watcher = chromium.Watcher(base_url="file:///")
    watcher.attach(context)
    page = context.new_page()
    for path in pages:
        watcher.current = str(path.relative_to(out))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        # Every pointer and focus event a reader's finger or mouse could send, on every element of the page at once
        # (an inline on*-handler that survived would run as it would under a real pointer).
        page.evaluate(_STIR)
        chromium.settle(page, watcher)  # and the page's own late requests (icons) end before the next page
        assert page.evaluate("window.__pwned === undefined"), f"{path}: contributed script ran"
    problems = [p for p in watcher.take() if "ERR_FILE_NOT_FOUND" not in p or "/x" not in p]
    context.close()
    assert problems == []
