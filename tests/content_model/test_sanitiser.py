"""The Markdown sanitiser: whatever a contributor writes in a body, nothing in the HTML can run or load.

Exact outputs are pinned for the classic attacks; a property test then runs every payload through the
renderer and scans the result for anything executable.
"""

from __future__ import annotations

import re

import pytest
from cmkit import ROOT  # noqa: F401 - puts plugins/ on the path

from content_model.sanitize import MarkdownRenderer, clean

REL = 'rel="noopener noreferrer ugc"'

#: (what a contributor writes, the exact HTML that comes out)
PINNED = [
    ("<script>alert(1)</script>Bonjour", "Bonjour"),
    ('<img src=x onerror="alert(1)">', ""),
    ('<a href="https://yampukri.org" onclick="alert(1)" target="_blank">site</a>',
     f'<p><a href="https://yampukri.org" {REL}>site</a></p>'),
    ("[x](javascript:alert(1))", f"<p><a {REL}>x</a></p>"),
    ("[x](JaVaScRiPt:alert(1))", f"<p><a {REL}>x</a></p>"),
    ('<a href="&#106;avascript:alert(1)">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="&#x6A;avascript&#58;alert(1)">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="java&#09;script:alert(1)">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="vbscript:msgbox(1)">x</a>', f"<p><a {REL}>x</a></p>"),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", f"<p><a {REL}>x</a></p>"),
    ('<iframe src="https://evil.example"></iframe>', ""),
    ("<svg><script>alert(1)</script></svg>", "<p></p>"),
    ('<svg onload="alert(1)"><circle r="4"/></svg>', "<p></p>"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "<p></p>"),
    ('<p style="background:url(javascript:alert(1))">texte</p>', "<p>texte</p>"),
    ("<style>body{display:none}</style>", ""),
    ('<form action="https://evil.example"><input name="pin"></form>', ""),
    ('<object data="x.swf"></object><embed src="x.swf">', "<p></p>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ""),
    ('<base href="https://evil.example/">', ""),
    ("![pixel](https://evil.example/pixel.png)", "<p></p>"),  # no images in bodies: no request to other hosts
    ('<div onclick="x" id="main" class="alert">texte</div>', "texte"),
    # Protocol-relative links, and what browsers turn into one: another host, and from file:// a network share.
    ('<a href="//evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ("[x](//evil.example/x)", f"<p><a {REL}>x</a></p>"),
    ('<a href="\\\\evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="/\\evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="/&#9;/evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="/\n/evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href="\x01//evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    ('<a href=" //evil.example/x">x</a>', f"<p><a {REL}>x</a></p>"),
    # What must survive.
    ("[site](https://yampukri.org/a?b=1&c=2)", f'<p><a href="https://yampukri.org/a?b=1&amp;c=2" {REL}>site</a></p>'),
    ("<mailto:contact@yampukri.org>", None),  # Markdown obfuscates the address; checked below
    ("[page](../organisations/ired.html)", f'<p><a href="../organisations/ired.html" {REL}>page</a></p>'),
    ("# Titre\n\n## Sous-titre", "<h2>Titre</h2>\n<h3>Sous-titre</h3>"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", None),
    ("**gras** et *italique*", "<p><strong>gras</strong> et <em>italique</em></p>"),
    ('<abbr title="Économie sociale et solidaire">ESS</abbr>', '<p><abbr title="Économie sociale et solidaire">'
                                                              "ESS</abbr></p>"),
]

#: Anything that could run or load something, in any HTML the sanitiser returns.
DANGER = re.compile(
    r"<\s*(script|iframe|object|embed|svg|math|style|form|input|meta|base|link|img)\b"
    r"|\son\w+\s*="
    r"|\sstyle\s*="
    r"|(href|src|action)\s*=\s*\"\s*(javascript|vbscript|data):"
    r"|(href|src)\s*=\s*\"\s*[/\\]{2}",
    re.I,
)


@pytest.mark.parametrize(("markdown", "html"), [p for p in PINNED if p[1] is not None])
def test_pinned_output(markdown: str, html: str) -> None:
    assert MarkdownRenderer().render(markdown) == html


@pytest.mark.parametrize("markdown", [p[0] for p in PINNED])
def test_nothing_executable_survives(markdown: str) -> None:
    assert not DANGER.search(MarkdownRenderer().render(markdown))


def test_tables_and_mail_links_survive() -> None:
    html = MarkdownRenderer().render("| a | b |\n|---|---|\n| 1 | 2 |\n\n<mailto:contact@yampukri.org>")
    assert "<table>" in html and "<td>1</td>" in html
    assert re.search(r'<a href="[^"]+" rel="noopener noreferrer ugc">', html)  # entity-encoded mailto: kept


def test_external_links_get_rel_noopener_noreferrer_ugc() -> None:
    assert clean('<a href="https://a.example" rel="opener">a</a>') == f'<a href="https://a.example" {REL}>a</a>'


def test_one_renderer_reused_for_many_files_does_not_leak_state() -> None:
    renderer = MarkdownRenderer()
    first = renderer.render("Texte[^1]\n\n[lien]: https://a.example\n\n[lien]")
    second = renderer.render("[lien]")
    assert "https://a.example" in first
    assert second == "<p>[lien]</p>"


def test_headings_leave_h1_to_the_page_title() -> None:
    html = MarkdownRenderer().render("# Un\n\n###### Six")
    assert "<h1" not in html
    assert html == "<h2>Un</h2>\n<h6>Six</h6>"
