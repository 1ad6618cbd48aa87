"""Every gate is seen to fail: each checker runs over fixtures/broken (one page per break, see its
README) and must report exactly the breaks planted there, and nothing on fixtures/good.

These need no site build; the browser ones share the session's Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.support import browser as chromium
from tests.support import sweep
from tests.support.a11y import check_keyboard, format_violations, run_axe
from tests.support.ci import skip_or_fail
from tests.support.external import find_external_requests
from tests.support.htmlscan import load_site
from tests.support.inject import scan_for_injected_script
from tests.support.links import check_links
from tests.support.pagechecks import check_pages_load, click_through
from tests.support.reproducible import diff_trees
from tests.support.sampling import path_shape, sample_pages
from tests.support.vnu import VnuUnavailable, validate_html
from tests.support.weight import check_fonts, check_images, check_page_budget, page_weights

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"
GOOD = FIXTURES / "good"


def test_links_checker_reports_every_planted_break() -> None:
    assert check_links(BROKEN) == [
        'console.html:13: <img src="images/absent.png">: missing file images/absent.png',
        'facet.html:13: <img src="images/absent.png">: missing file images/absent.png',
        'links.html:12: <a href="missing.html">: missing file missing.html',
        'links.html:13: <a href="sub/">: names a folder, not a file (link to its index.html)',
        'links.html:14: <a href="sub">: names a folder, not a file (link to its index.html)',
        "links.html:15: <a href=\"sub/index.html#nope\">: no element with id 'nope' in sub/index.html",
        "links.html:16: <a href=\"#nowhere\">: no element with id 'nowhere' in links.html",
        'links.html:17: <a href="/index.html">: root-absolute URL (breaks from file://; use a relative link)',
        'links.html:18: <a href="../outside.html">: points outside the site',
        'links.html:19: <img src="images/absent.png">: missing file images/absent.png',
        'links.html:20: <img srcset="images/absent-2x.png">: missing file images/absent-2x.png',
    ]


def test_external_request_scan_reports_every_planted_break() -> None:
    found = find_external_requests(BROKEN)
    assert found == [
        'console.html:14: <img src="https://img.example.com/remote.png"> requests another host',
        'external.html:6: <link href="https://cdn.example.com/framework.css"> requests another host',
        'external.html:8: <link href="https://fonts.example.com"> requests another host',
        'external.html:11: <script src="//cdn.example.com/lib.js"> requests another host',
        'external.html:19: <img srcset="https://img.example.com/dot-2x.png"> requests another host',
        'external.html:21: <video poster="https://img.example.com/poster.jpg"> requests another host',
        'external.html:22: <a ping="https://tracker.example.com/ping"> requests another host',
        "external.html:13: url(http://img.example.com/paper.jpg) requests another host",
        "external.html:20: url(https://img.example.com/inline.png) requests another host",
        'inject.html:19: <script src="https://evil.example.com/x.js"> requests another host',
        "theme/css/remote.css:4: url(https://cdn.example.com/bg.png) requests another host",
        "theme/css/remote.css:2: @import (chains a request; inline it)",
        "theme/css/remote.css:3: @font-face (no web fonts)",
        "theme/fonts/remote.woff2: font file (no web fonts: use the system font stack)",
    ]
    # Navigation, non-fetching <link> relations and form targets are allowed.
    assert not [f for f in found if "example.org" in f]


def test_injection_scan_reports_every_planted_break() -> None:
    assert scan_for_injected_script(BROKEN) == [
        'external.html:11: <script src="//cdn.example.com/lib.js"> outside the theme',
        "images/evil.svg:1: inline <script> without the theme marker",
        "images/evil.svg:1: <svg onload=...> event handler attribute",
        "inject.html:16: inline <script> without the theme marker",
        'inject.html:17: <script src="images/evil.js"> outside the theme (theme/)',
        'inject.html:18: <script src="theme/../images/evil.js"> outside the theme (theme/)',
        'inject.html:19: <script src="https://evil.example.com/x.js"> outside the theme',
        "inject.html:20: <img onerror=...> event handler attribute",
        "inject.html:21: <a href=\"javascript:alert('href')\"> javascript: URL",
        "inject.html:22: <a href=\"javascript:alert('entity')\"> javascript: URL",
        "inject.html:23: <a href=\"JaVa\tScRiPt:alert('mixed')\"> javascript: URL",
        'inject.html:24: <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="> data: URL',
        "inject.html:25: <form action=\"javascript:alert('action')\"> javascript: URL",
        "inject.html:25: <button formaction=\"javascript:alert('formaction')\"> javascript: URL",
        "inject.html:26: <iframe> element",
        "inject.html:27: <object> element",
        "inject.html:28: <embed> element",
        "inject.html:29: inline <script> without the theme marker",
        "inject.html:29: <a xlink:href=\"javascript:alert('xlink')\"> javascript: URL",
        "inject.html:29: <set to=\"javascript:alert('set')\"> javascript: URL",
        "inject.html:30: <div onmouseover=...> event handler attribute",
    ]


def test_injection_scan_accepts_theme_scripts_of_a_language_subsite(tmp_path: Path) -> None:
    (tmp_path / "en" / "theme" / "js").mkdir(parents=True)
    (tmp_path / "en" / "theme" / "js" / "site.js").write_text("", encoding="utf-8")
    page = '<!DOCTYPE html><html lang="en"><title>x</title><script src="theme/js/site.js"></script>'
    (tmp_path / "en" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "en" / "other.html").write_text(page.replace("theme/js", "js"), encoding="utf-8")
    assert scan_for_injected_script(tmp_path) == [
        'en/other.html:1: <script src="js/site.js"> outside the theme (en/theme/)'
    ]


@pytest.fixture(scope="module")
def fixture_html_errors() -> list:
    """vnu over both fixture sites in one JVM run; paths start with good/ or broken/."""
    try:
        return validate_html(FIXTURES)
    except VnuUnavailable as exc:
        skip_or_fail(str(exc))


def test_vnu_reports_invalid_html(fixture_html_errors: list) -> None:
    invalid = [f"{e.line}: {e.message}" for e in fixture_html_errors if e.file == "broken/invalid.html"]
    assert "11: Duplicate ID “twice”." in invalid
    assert any(line.startswith("12: An “img” element must have an “alt” attribute") for line in invalid)
    assert "13: Unclosed element “b”." in invalid
    assert not [e for e in fixture_html_errors if e.file in ("broken/index.html", "broken/links.html")]


def test_weight_checks_report_heavy_page_big_image_and_font(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(BROKEN, site)
    (site / "images" / "huge.jpg").write_bytes(b"\xff" * (201 * 1024))
    assert check_page_budget(site) == [
        "heavy.html: 35.9 KB gz (HTML 0.2; theme/css/main.css 0.1, theme/js/heavy.js 35.5) > budget 30 KB"
    ]
    assert check_images(site) == ["images/huge.jpg: image of 201 KB > 200 KB"]
    assert check_fonts(site) == ["theme/fonts/remote.woff2: font file"]


def test_tree_diff_reports_changed_missing_and_extra_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(GOOD, first)
    shutil.copytree(GOOD, second)
    page = second / "pages" / "a-propos.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</footer>", "<p>Built at 11:06</p></footer>"))
    (second / "theme" / "js" / "main.js").unlink()
    (second / "build-time.txt").write_text("now")
    differences = diff_trees(first, second)
    assert differences[:2] == ["theme/js/main.js: only in first build", "build-time.txt: only in second build"]
    assert len(differences) == 3
    assert differences[2].startswith("pages/a-propos.html: differs at line 30: '")
    assert "Built at 11:06" in differences[2]


def test_good_fixture_passes_every_static_gate(tmp_path: Path) -> None:
    assert check_links(GOOD) == []
    assert find_external_requests(GOOD) == []
    assert scan_for_injected_script(GOOD) == []
    assert check_page_budget(GOOD) == check_images(GOOD) == check_fonts(GOOD) == []
    assert page_weights(GOOD)[0].rel == "organisations/index.html"
    shutil.copytree(GOOD, tmp_path / "copy")
    assert diff_trees(GOOD, tmp_path / "copy") == []


def test_good_fixture_is_valid_html(fixture_html_errors: list) -> None:
    assert [str(e) for e in fixture_html_errors if e.file.startswith("good/")] == []


def test_sampler_takes_one_page_per_template_and_language() -> None:
    assert sample_pages(GOOD) == {
        "en:directory:organisations/index.html": "en/organisations/index.html",
        "en:facet:organisations/*/*/index.html": "en/organisations/pays/bf/index.html",
        "en:home:index.html": "en/index.html",
        "en:organisation:organisations/*": "en/organisations/yam-pukri.html",
        "en:page:pages/*": "en/pages/about.html",
        "fr:directory:organisations/index.html": "organisations/index.html",
        "fr:facet:organisations/*/*/index.html": "organisations/pays/bf/index.html",
        "fr:home:index.html": "index.html",
        "fr:organisation:organisations/*": "organisations/yam-pukri.html",
        "fr:page:pages/*": "pages/a-propos.html",
    }
    assert path_shape("organisations/pays/bf/index.html") == "organisations/*/*/index.html"
    assert path_shape("organisations/coop.html") == "organisations/*"
    assert path_shape("404.html") == "404.html"


# --- browser gates -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_http():
    with chromium.serve(BROKEN) as url:
        yield url


@pytest.fixture(scope="module")
def good_http():
    with chromium.serve(GOOD) as url:
        yield url


def _bases(http_url: str, root: Path) -> list[str]:
    return [http_url, chromium.file_base_url(root)]


@pytest.mark.browser
def test_browser_gate_reports_errors_failed_and_foreign_requests(browser, broken_http: str) -> None:
    for base in _bases(broken_http, BROKEN):
        context = browser.new_context()
        problems = check_pages_load(context, base, ["console.html", "inject.html"])
        context.close()
        url = base + "console.html"
        assert f"{url}: request to another host: https://img.example.com/remote.png" in problems
        assert f"{url}: console error: deliberate console error" in problems
        assert f"{url}: uncaught exception: undefinedFunctionOfTheFixture is not defined" in problems
        missing = base + "images/absent.png"
        assert any(p.startswith(url) and missing in p for p in problems if "404" in p or "ERR_FILE_NOT_FOUND" in p)
        # The injected script runs in a browser: the dialog trap sees it.
        assert any(p.startswith(base + "inject.html: a dialog opened (alert: inline)") for p in problems)


@pytest.mark.browser
def test_click_through_reports_a_broken_facet_page(browser, broken_http: str) -> None:
    index = load_site(BROKEN)
    for base in _bases(broken_http, BROKEN):
        context = browser.new_context()
        steps, problems = click_through(context, base, index)
        context.close()
        assert steps == ["open index.html", "nav -> directory.html", "link -> facet.html", "back -> directory.html"]
        assert f"{base}facet.html: console error: deliberate console error" in problems


@pytest.mark.browser
def test_axe_and_keyboard_checks_report_planted_breaks(browser, broken_http: str) -> None:
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    page.goto(broken_http + "a11y.html")
    rules = sorted({line.split(" ")[1] for line in format_violations("a11y.html", run_axe(page))})
    page.goto(broken_http + "focus.html")
    keyboard = check_keyboard(page, "focus.html")
    context.close()
    assert rules == ["color-contrast", "html-has-lang", "image-alt", "label"]
    no_ring = "shows no focus indicator (its look does not change on focus)"
    assert keyboard == [
        f'focus.html: <a href="index.html"> "focus ring removed" {no_ring}',
        'focus.html: <a href="links.html"> "not reachable with Tab" cannot be reached with Tab',
    ]


@pytest.mark.browser
def test_the_sweeps_report_what_the_phone_browser_and_axe_gates_check(browser, broken_http: str) -> None:
    """The visits the site gates read (tests/support/sweep.py), over the broken site: the phone visit measures each
    page and watches its console and requests, the wide one audits it."""
    pages = {"phone.html", "console.html", "a11y.html", "focus.html", "index.html"}  # one of each break, and none
    index = load_site(BROKEN, only=pages.__contains__)
    phone = sweep.phone(browser, chromium.file_base_url(BROKEN), index)
    measured = {visit.rel: visit.measure.problems() for visit in phone.visits}
    assert sorted(measured) == sorted(pages)
    where = "phone 360×740 phone.html"
    assert [line.split(":", 2)[1].split("(")[0].strip() for line in measured["phone.html"]] == [
        "the page scrolls sideways", "header 300 px tall, more than 148 px", "tap target under 24×24 px"]
    assert all(line.startswith(where) for line in measured["phone.html"])
    assert [rel for rel, lines in measured.items() if any("sideways" in line for line in lines)] == ["phone.html"]
    assert f"{chromium.file_base_url(BROKEN)}console.html: console error: deliberate console error" in \
        phone.load_problems
    wide_sweep = sweep.wide(browser, broken_http, index)
    assert f"{broken_http}console.html: console error: deliberate console error" in wide_sweep.load_problems
    wide = {visit.rel: visit for visit in wide_sweep.visits}
    assert sorted({line.split(" ")[2] for line in wide["a11y.html"].violations}) == [
        "color-contrast", "html-has-lang", "image-alt", "label"]
    assert any("cannot be reached with Tab" in line for line in wide["focus.html"].keyboard)
    assert [line.split(":")[0] for line in wide["phone.html"].measure.problems()] == ["wide 1280×800 phone.html"] * 2


@pytest.mark.browser
def test_good_fixture_passes_every_browser_gate(browser, good_http: str) -> None:
    index = load_site(GOOD)
    samples = sample_pages(GOOD, index)
    phone = sweep.phone(browser, chromium.file_base_url(GOOD), index)
    wide = sweep.wide(browser, good_http, index)
    for visits in (phone.visits, wide.visits):
        assert sorted(visit.key for visit in visits) == sorted(samples)
        assert [line for visit in visits for line in visit.measure.problems()] == []
    assert phone.load_problems == wide.load_problems == []
    assert [line for visit in wide.visits for line in (*visit.violations, *visit.keyboard)] == []
    for base in _bases(good_http, GOOD):
        context = browser.new_context()
        steps, problems = click_through(context, base, index)
        context.close()
        assert problems == []
        assert steps[1:3] == ["nav -> organisations/index.html", "link -> organisations/pays/bf/index.html"]
