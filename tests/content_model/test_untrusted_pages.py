"""Untrusted content is inert in the built site: HTML in every text field of an organisation, in its
translation, in a taxonomy label, in a page title and in Markdown bodies comes out as text.

The site is built for real; every page (and every generated script and data file) is then scanned for
anything a browser would run.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cmkit import TAXONOMY, build, write_site

NAME = '<script>alert("name")</script>Coop'
ACRONYM = '"><img src=x onerror=alert(11)>'
CITY = "<b onmouseover=alert(12)>Ouaga</b>"
SUMMARY = "</p><script>alert(13)</script><p>"
EN_NAME = "<iframe src=javascript:alert(14)></iframe>Coop EN"
EN_SUMMARY = "</script><script>alert(15)</script>"
SECTOR_FR = "<script>alert(16)</script>Secteur piégé"
SECTOR_EN = "<img src=x onerror=alert(17)>Trapped sector"
PAGE_TITLE = "<script>alert(18)</script>À propos"
BODY = """\
Texte <script>alert(21)</script> avec du HTML.

<img src=x onerror="alert(22)">
<a href="javascript:alert(23)">lien</a> [md](javascript:alert(24)) [data](data:text/html,<script>alert(25)</script>)
<svg><script>alert(26)</script></svg> <iframe src="https://evil.example"></iframe>
<p style="background:url(javascript:alert(27))">style</p>
<a href="//evil.example/x">proto</a> <a href="\\\\evil.example/x">backslash</a>
<a href="&#106;avascript:alert(28)">encoded</a> <math><mi xlink:href="javascript:alert(29)">m</mi></math>
<form action="https://evil.example"><input name="pin"></form>
"""
ORGANISATION = f"""---
name: {json.dumps(NAME)}
acronym: {json.dumps(ACRONYM)}
legal_form: cooperative
sectors: [piege]
country: BF
city: {json.dumps(CITY)}
membership:
  status: member
summary: {json.dumps(SUMMARY)}
---

{BODY}"""
TRANSLATION = f"""---
name: {json.dumps(EN_NAME)}
summary: {json.dumps(EN_SUMMARY)}
---

{BODY}"""
PAGE = f"""---
title: {json.dumps(PAGE_TITLE)}
summary: "<script>alert(19)</script>"
---

{BODY}"""

#: What each field must read as, once escaped, where the page shows it.
VISIBLE = {
    "fr": [NAME, f"({ACRONYM})", SUMMARY, "<b onmouseover=alert(12)>Ouaga</b>", SECTOR_FR],
    "en": [EN_NAME, f"({ACRONYM})", EN_SUMMARY, SECTOR_EN],
}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _Scan(HTMLParser):
    """Everything executable in one page: scripts with a payload, event handlers, script URLs, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False
        self.script_type = ""
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "frame", "object", "embed", "base"):
            self.problems.append(f"<{tag}> element")
        if tag == "form" and "://" in dict(attrs).get("action", ""):
            self.problems.append("<form> posting to another host")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRS and value:
                url = re.sub(r"[\x00-\x20]", "", value).lower()
                scripted = url.startswith(("javascript:", "vbscript:", "data:text/html"))
                if scripted or url.replace("\\", "/").startswith("//"):
                    self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and "javascript" in (value or ""):
                self.problems.append(f"<{tag} style=…javascript…>")
        self.in_script = tag == "script"
        self.script_type = dict(attrs).get("type", "") if tag == "script" else ""

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and self.script_type == "application/ld+json":
            # Data, not code: it must stay JSON and never contain a raw "<" (which could close the element).
            json.loads(data)
            if "<" in data:
                self.problems.append(f"raw '<' in JSON-LD: {data.strip()[:60]!r}")
        elif self.in_script and "alert(" in data:
            self.problems.append(f"script runs a payload: {data.strip()[:60]!r}")
        if not self.in_script:
            self.texts.append(data)


def _scan(html: str) -> _Scan:
    scan = _Scan()
    scan.feed(html)
    return scan


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    taxonomy = TAXONOMY.read_text(encoding="utf-8").replace(
        "sectors:\n", f"sectors:\n  piege:\n    fr: {json.dumps(SECTOR_FR)}\n    en: {json.dumps(SECTOR_EN)}\n", 1)
    (root / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    content = write_site(root / "content", {
        "organisations/coop-piegee.md": ORGANISATION,
        "organisations/coop-piegee.en.md": TRANSLATION,
        "pages/a-propos.md": PAGE,
    }, taxonomy=root / "taxonomy.yml")
    out = root / "output"
    result = build(content, out)
    assert result.returncode == 0, result.stderr
    return out


def test_no_page_of_the_site_can_run_the_payloads(hostile_site) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    problems = [f"{p.relative_to(hostile_site)}: {issue}" for p in pages
                for issue in _scan(p.read_text(encoding="utf-8")).problems]
    assert problems == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_text_field_reads_as_the_text_written(hostile_site, lang: str) -> None:
    prefix = "" if lang == "fr" else "en/"
    shown = {f"{prefix}organisations/coop-piegee.html": VISIBLE[lang],
             f"{prefix}organisations/index.html": VISIBLE[lang][:3]}  # a card: name, acronym, summary
    for rel, values in shown.items():
        text = "".join(_scan((hostile_site / rel).read_text(encoding="utf-8")).texts)
        for value in values:
            assert value in text, f"{rel} does not show {value!r} as text"


def test_taxonomy_labels_are_escaped_in_lists(hostile_site) -> None:
    for rel, label in (("organisations/index.html", SECTOR_FR), ("en/organisations/index.html", SECTOR_EN),
                       ("organisations/secteur/piege.html", SECTOR_FR)):
        html = (hostile_site / rel).read_text(encoding="utf-8")
        assert label in " ".join(_scan(html).texts)
        assert "<script>alert(16)" not in html and "<img src=x" not in html


def test_page_titles_are_escaped(hostile_site) -> None:
    html = (hostile_site / "pages" / "a-propos.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    assert title.startswith("&lt;script&gt;alert(18)&lt;/script&gt;À propos")
    assert "<script>alert(18)" not in html


def test_bodies_keep_their_text_and_lose_the_markup(hostile_site) -> None:
    html = (hostile_site / "organisations" / "coop-piegee.html").read_text(encoding="utf-8")
    prose = re.search(r'<section class="prose".*?</section>', html, re.S)[0]
    assert "Texte" in prose and "avec du HTML." in prose and "style" in prose
    # Markdown inside a raw HTML block stays as text (CommonMark): "[md](javascript:alert(24))" may be read, never
    # followed or run. No element, attribute or link survives that could run or load anything.
    assert not re.search(r"<(script|iframe|svg|math|img|form|input|object|embed|style)\b", prose)
    assert not re.search(r"\son\w+=|\sstyle=|\ssrc=|\saction=", prose)
    hrefs = re.findall(r'href="([^"]*)"', prose)
    assert all(href.startswith(("https://", "http://", "mailto:")) or "/" not in href.split(":")[0] and
               ":" not in href for href in hrefs), hrefs
    assert not any("evil.example" in href or "javascript" in href.lower() for href in hrefs)


def test_generated_data_files_parse_and_generated_scripts_run_nothing(hostile_site, tmp_path) -> None:
    # JSON must still be JSON with the payload inside strings; classic scripts written by plugins (search
    # shards, data for the map) must not call anything when run.
    for path in hostile_site.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    scripts = [p for p in hostile_site.rglob("*.js") if "theme" not in p.relative_to(hostile_site).parts]
    node = shutil.which("node")
    if not scripts or not node:
        return
    runner = tmp_path / "run.js"
    runner.write_text(
        "const vm = require('vm'); const fs = require('fs'); const calls = [];\n"
        "for (const file of process.argv.slice(2)) {\n"
        "  const ctx = {alert: (x) => calls.push(file + ': ' + x), console};\n"
        "  ctx.window = ctx; ctx.self = ctx; ctx.globalThis = ctx;\n"
        "  try { vm.runInNewContext(fs.readFileSync(file, 'utf8'), ctx, {timeout: 2000}); }\n"
        "  catch (e) { if (e instanceof SyntaxError) calls.push(file + ': ' + e); }\n"
        "}\nprocess.stdout.write(JSON.stringify(calls));\n", encoding="utf-8")
    result = subprocess.run([node, str(runner), *map(str, scripts)], capture_output=True, text=True, check=False)
    assert json.loads(result.stdout or "[]") == [], result.stderr
