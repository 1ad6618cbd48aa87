# ruff: noqa: E501 - each pinned message stays on one line, as printed, so that it can be searched for
"""A pull request is hostile: each attack on the files of content/ is refused with a located line, in English
and in French, and never by a crash.

One test per attack: the content folder is built here (links, pipes and odd names cannot live in a Git
fixture folder), validated, and the exact lines are pinned. The time each takes is measured in the report of
issue 12, not asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import hostile
import pytest
from cmkit import ROOT, lines, org, validate, write_site

from content_model.limits import DEFAULT, Limits

LINK = ("is a symbolic link (to {target}); links are refused anywhere in content/, since they can point at any "
        "file of the machine that builds the site: add the file itself")
LINK_FR = ("est un lien symbolique (vers {target}) ; les liens sont refusés partout dans content/, car ils peuvent "
           "désigner n’importe quel fichier de la machine qui construit le site : ajoutez le fichier lui-même")
REFUSED = 'cannot be used: the file itself is refused (see its own line in this report)'


def _mkdir(content: Path, rel: str) -> Path:
    (content / rel).mkdir(parents=True, exist_ok=True)
    return content / rel


def _symlink(rel: str, target: str):
    def make(content: Path) -> None:
        _mkdir(content, rel.rsplit("/", 1)[0])
        os.symlink(target, content / rel)
    return make


def _fifo(content: Path) -> None:
    os.mkfifo(_mkdir(content, "documents") / "pipe.pdf")


#: name -> (files, what to do to the folder besides, the exact English lines).
ATTACKS = {
    "symlink-to-etc-passwd": ({}, _symlink("documents/tdr.pdf", "/etc/passwd"), [
        'content/documents/tdr.pdf:1: ' + LINK.format(target='"/etc/passwd"'),
    ]),
    "symlink-to-git-config": ({}, _symlink("documents/config.txt", "../../.git/config"), [
        'content/documents/config.txt:1: ' + LINK.format(target='"../../.git/config"'),
    ]),
    "symlinked-folder": ({}, _symlink("images/site", "/etc"), [
        'content/images/site:1: ' + LINK.format(target='"/etc"'),
    ]),
    "symlink-in-a-hidden-folder-of-an-entry-folder": ({}, _symlink("organisations/.cache/x", "/proc/self/environ"), [
        'content/organisations/.cache/x:1: ' + LINK.format(target='"/proc/self/environ"'),
    ]),
    "symlink-named-as-an-entry": ({"organisations/ired.md": org("IRED")}, _symlink("organisations/yam-pukri.md", "ired.md"), [
        'content/organisations/yam-pukri.md:1: ' + LINK.format(target='"ired.md"'),
    ]),
    "fifo": ({}, _fifo, [
        "content/documents/pipe.pdf:1: is a named pipe, not a regular file; only files and folders may be in content/",
    ]),
    "newline-in-a-file-name": ({"documents/a\nb.pdf": hostile.PDF}, None, [
        'content/documents/a\\nb.pdf:1: the name contains U+000A LINE FEED at position 2; rename it to "a-b.pdf"',
    ]),
    "newline-in-an-entry-name": ({"organisations/yam\n::warning::x.md": org()}, None, [
        'content/organisations/yam\\n::warning::x.md:1: the name contains U+000A LINE FEED at position 4; rename it to "yam-warning-x.md"',
    ]),
    "dot-dot-in-a-name": ({"documents/rapport..final.pdf": hostile.PDF}, None, [
        'content/documents/rapport..final.pdf:1: the name contains ".."; rename it to "rapport-final.pdf"',
    ]),
    "space-and-accent-in-a-name": ({"documents/Termes de référence.PDF": hostile.PDF}, None, [
        'content/documents/Termes de référence.PDF:1: the name contains U+0020 SPACE at position 7; rename it to "termes-de-reference.pdf" (letters a to z, digits, hyphens, and a dot before the extension)',
    ]),
    "hidden-file-in-a-published-folder": ({"documents/.htaccess": b"Options +Indexes\n"}, None, [
        'content/documents/.htaccess:1: names starting with "." are not allowed in documents/: the file would be published without anyone seeing it; delete it',
    ]),
    "name-too-long": ({"documents/" + "a" * 120 + ".pdf": hostile.PDF}, None, [
        'content/documents/' + "a" * 120 + '.pdf:1: the name is 124 characters long, more than the 100 allowed (setting LABO_LIMITS["name_length"]); rename it to "' + "a" * 96 + '.pdf"',
    ]),
    "postscript-named-png": ({"images/logos/yam-pukri.png": hostile.EPS,
                              "organisations/yam-pukri.md": org(extra="logo: images/logos/yam-pukri.png\n")}, None, [
        'content/images/logos/yam-pukri.png:1: the name ends in ".png" (type PNG image) but the content is PostScript; save it again as a real ".png" file',
        f'content/organisations/yam-pukri.md:5: logo: "images/logos/yam-pukri.png" {REFUSED}',
    ]),
    "html-named-pdf": ({"documents/tdr.pdf": hostile.HTML}, None, [
        'content/documents/tdr.pdf:1: the name ends in ".pdf" (type PDF document) but the content is an HTML page, which can carry scripts; save it again as a real ".pdf" file',
    ]),
    "html-page": ({"extra/index.html": hostile.HTML}, None, [
        'content/extra/index.html:1: ".html" files are refused: they can carry scripts that would run on the site; convert an image to PNG, a page to PDF',
    ]),
    "svg-image": ({"images/site/logo.svg": hostile.SVG}, None, [
        'content/images/site/logo.svg:1: ".svg" files are refused: they can carry scripts that would run on the site; convert an image to PNG, a page to PDF',
    ]),
    "svg-named-png": ({"images/site/logo.png": hostile.SVG}, None, [
        'content/images/site/logo.png:1: the name ends in ".png" (type PNG image) but the content is an SVG image, which can carry scripts; save it again as a real ".png" file',
    ]),
    "html-named-txt": ({"documents/lisez-moi.txt": hostile.HTML}, None, [
        "content/documents/lisez-moi.txt:1: the text starts like an HTML, SVG or XML document, which a browser could run; publish it as PDF instead",
    ]),
    "png-with-valid-checksums-and-corrupt-data": ({"images/site/carte.png": hostile.corrupt_png()}, None, [
        "content/images/site/carte.png:1: the image cannot be decoded (broken data stream when reading image file); export it again from an image editor",
    ]),
    "decompression-bomb-png": ({"images/logos/bombe.png": hostile.bomb_png()}, None, [
        'content/images/logos/bombe.png:1: the image declares more than 179 million pixels, far above the 25 million allowed (setting LABO_LIMITS["image_pixels"]); reduce its dimensions',
    ]),
    "image-over-the-pixel-limit": ({"images/logos/grand.png": hostile.bomb_png(6000, 6000)}, None, [
        'content/images/logos/grand.png:1: the image is 6000 × 6000 pixels (36 million), more than the 25 million allowed (setting LABO_LIMITS["image_pixels"]); reduce its dimensions',
    ]),
    "jpeg-named-png": ({"images/site/photo.png": hostile.image("JPEG")}, None, [
        'content/images/site/photo.png:1: the name ends in ".png" but the content is of type JPEG image; rename it to "photo.jpg"',
    ]),
    "pdf-among-images": ({"images/site/tdr.pdf": hostile.PDF}, None, [
        "content/images/site/tdr.pdf:1: files of type PDF document do not go in images/; move it to documents/",
    ]),
    "pdf-without-its-end": ({"documents/tdr.pdf": hostile.PDF[:-7]}, None, [
        "content/documents/tdr.pdf:1: the PDF is incomplete (it has no end-of-file marker); download or export it again",
    ]),
    "executable": ({"documents/outil.exe": b"MZ\x90\x00"}, None, [
        "content/documents/outil.exe:1: files of this type are not accepted in documents/; accepted: .png, .jpg, .jpeg, .webp, .gif, .pdf, .odt, .ods, .odp, .docx, .xlsx, .pptx, .csv, .txt",
    ]),
    "old-office-file-named-docx": ({"documents/tdr.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)}, None, [
        'content/documents/tdr.docx:1: the name ends in ".docx" (type Word document) but the content is an old Microsoft Office file (.doc, .xls, .ppt); save it again as a real ".docx" file',
    ]),
    "docx-with-macros": ({"documents/tdr.docx": hostile.ooxml(macros=True, extra={"word/vbaProject.bin": b"\x00"})}, None, [
        "content/documents/tdr.docx:1: the document contains macros (program code); save it as a document without macros",
    ]),
    "password-protected-document": ({"documents/tdr.odt": hostile.encrypted(hostile.odf())}, None, [
        "content/documents/tdr.odt:1: the document is protected by a password; publish a copy without a password",
    ]),
    "archive-with-too-many-entries": ({"documents/tdr.docx": hostile.many_entries(1200)}, None, [
        'content/documents/tdr.docx:1: the document holds 1202 files inside, more than the 1000 allowed (setting LABO_LIMITS["archive_members"]); save it again from an office program',
    ]),
    "archive-leaving-its-folder": ({"documents/tdr.docx": hostile.ooxml(extra={"../../evil.sh": b"x"})}, None, [
        'content/documents/tdr.docx:1: the document holds a file whose path leaves the archive ("../../evil.sh"); save it again from an office program',
    ]),
    "zip-named-ods": ({"documents/tableau.ods": hostile.odf(first="content.xml")}, None, [
        'content/documents/tableau.ods:1: the content is not a valid file of type OpenDocument spreadsheet: its first entry must be "mimetype" holding "application/vnd.oasis.opendocument.spreadsheet"; save it again from an office program',
    ]),
    "csv-with-control-characters": ({"documents/membres.csv": b"nom;pays\nYam Pukri;BF\n\x1b[31mrouge;BF\n"}, None, [
        "content/documents/membres.csv:3: the text contains U+001B ESCAPE at column 1; remove it: control and bidirectional characters can make text look different from what it is",
    ]),
    "text-not-utf8": ({"documents/notes.txt": "Coopérative\n".encode("latin-1")}, None, [
        "content/documents/notes.txt:1: the text is not valid UTF-8 (byte 0xE9); save it with the UTF-8 encoding",
    ]),
    "markdown-of-2-mb": ({"pages/longue.md": '---\ntitle: "Longue"\n---\n' + ("Une phrase de texte. " * 100 + "\n\n") * 1000}, None, [
        'content/pages/longue.md:1: the file weighs 2 MB, more than the 512 KB allowed for a Markdown file (setting LABO_LIMITS["markdown_bytes"]); shorten it, or publish a long document as a PDF in content/documents/',
    ]),
    "front-matter-nested-1000-deep": ({"organisations/yam-pukri.md": org(extra="coordinates: " + "[" * 1000 + "]" * 1000 + "\n")}, None, [
        'content/organisations/yam-pukri.md:5: lists and groups are nested more than 20 levels deep here (setting LABO_LIMITS["front_matter_depth"]); no field of the site needs more than 4',
    ]),
    "front-matter-of-200-kb": ({"organisations/yam-pukri.md": org(extra="".join(f"note{i}: {'x' * 100}\n" for i in range(2000)))}, None, [
        'content/organisations/yam-pukri.md:1195: the front matter grows past 128 KB on this line (setting LABO_LIMITS["front_matter_bytes"]); put long texts in the body, below the closing \'---\'',
    ]),
    "control-character-in-the-front-matter": ({"organisations/yam-pukri.md": org(extra="city: Ouaga\x1b[2Jdougou\n")}, None, [
        "content/organisations/yam-pukri.md:5: this line contains U+001B ESCAPE at column 12; remove it: control characters are not allowed",
    ]),
    "newline-in-a-field-name": ({"organisations/yam-pukri.md": org(extra='"city\\n::error::x": Ouagadougou\n')}, None, [
        'content/organisations/yam-pukri.md:5: the field name "city\\n::error::x" contains U+000A LINE FEED at position 5; write the name without it',
    ]),
    "e-mail-with-headers": ({
        "organisations/yam-pukri.md": org(extra='email: "contact%40x.org?bcc=evil@y.org"\n'),
        "organisations/ired.md": org("IRED", extra='email: "mailto:a@ired.org?subject=x&body=y"\n'),
        "organisations/enda.md": org("Enda", extra='email: "a@enda.org\\nBcc: c@evil.org"\n'),
        "organisations/raess.md": org("RAESS", extra='email: "RAESS <a@raess.org>"\n'),
        "organisations/gie.md": org("GIE", extra='email: "a@gie.org;c@evil.org"\n'),
    }, None, [
        'content/organisations/enda.md:5: email: "a@enda.org\\nBcc: c@evil.org" is not an e-mail address: U+000A LINE FEED has no place in one; write the address alone, e.g. name@example.org',
        'content/organisations/gie.md:5: email: "a@gie.org;c@evil.org" is not an e-mail address: U+003B SEMICOLON has no place in one; write the address alone, e.g. name@example.org',
        'content/organisations/ired.md:5: email: "a@ired.org?subject=x&body=y" is not an e-mail address: U+003F QUESTION MARK has no place in one; write the address alone, e.g. name@example.org',
        'content/organisations/raess.md:5: email: "RAESS <a@raess.org>" is not an e-mail address: U+0020 SPACE has no place in one; write the address alone, e.g. name@example.org',
        'content/organisations/yam-pukri.md:5: email: "contact%40x.org?bcc=evil@y.org" is not an e-mail address: U+0025 PERCENT SIGN has no place in one; write the address alone, e.g. name@example.org',
    ]),
    "names-that-look-like-others": ({
        "organisations/yam-pukri.md": org("Yam \u202eirkuP"),
        "organisations/ired.md": org("IR\u200bED"),
        "organisations/enda.md": org("Enda", extra='acronym: "EN\u2066DA"\n'),
        "organisations/raess.md": org("RAESS", extra='summary: "Réseau\\u00ad africain"\n'),
    }, None, [
        "content/organisations/enda.md:5: acronym: contains U+2066 LEFT-TO-RIGHT ISOLATE at position 3; remove it: invisible and control characters can make a text look like another one",
        "content/organisations/ired.md:2: name: contains U+200B ZERO WIDTH SPACE at position 3; remove it: invisible and control characters can make a text look like another one",
        "content/organisations/raess.md:5: summary: contains U+00AD SOFT HYPHEN at position 7; remove it: invisible and control characters can make a text look like another one",
        "content/organisations/yam-pukri.md:2: name: contains U+202E RIGHT-TO-LEFT OVERRIDE at position 5; remove it: invisible and control characters can make a text look like another one",
    ]),
    "slug-with-a-final-newline": ({"organisations/yam-pukri.md": org(extra='slug: "yam-pukri\\n"\n')}, None, [
        'content/organisations/yam-pukri.md:5: slug: "yam-pukri\\n" is not an identifier: use lowercase letters, digits and hyphens',
    ]),
    "bidi-override-in-a-body": ({"news/campagne.md": '---\ntitle: "Campagne"\ndate: 2026-01-01\ncategory: plaidoyer\n---\n\nPremier paragraphe.\n\nPayez sur \u202egro.elpmaxe\u202c aujourd’hui.\n'}, None, [
        "content/news/campagne.md:9: the text contains U+202E RIGHT-TO-LEFT OVERRIDE at column 11; remove it: control and bidirectional characters can make text look different from what it is",
    ]),
}


def _site(tmp_path: Path, name: str) -> Path:
    files, setup, _ = ATTACKS[name]
    content = write_site(tmp_path / "content", files)
    if setup is not None:
        setup(content)
    return content


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_is_refused_with_a_located_line(tmp_path, name: str) -> None:
    report = validate(_site(tmp_path, name))
    assert lines(report) == ATTACKS[name][2]
    assert all(p.render("fr") != str(p) for p in report.problems), "a message has no French translation"


FRENCH = {
    "symlink-to-etc-passwd": ['content/documents/tdr.pdf:1: ' + LINK_FR.format(target='"/etc/passwd"')],
    "fifo": ["content/documents/pipe.pdf:1: est un tube nommé, pas un fichier ordinaire ; content/ ne peut contenir que des fichiers et des dossiers"],
    "postscript-named-png": [
        'content/images/logos/yam-pukri.png:1: le nom se termine par ".png" (type image PNG) mais le contenu est du PostScript ; enregistrez-le à nouveau comme un vrai fichier ".png"',
        'content/organisations/yam-pukri.md:5: logo: "images/logos/yam-pukri.png" ne peut pas être utilisé : le fichier lui-même est refusé (voir sa propre ligne dans ce rapport)',
    ],
    "png-with-valid-checksums-and-corrupt-data": ["content/images/site/carte.png:1: l’image ne peut pas être décodée (broken data stream when reading image file) ; exportez-la à nouveau depuis un logiciel d’image"],
    "markdown-of-2-mb": ['content/pages/longue.md:1: le fichier pèse 2 Mo, plus que les 512 Ko permis pour un fichier Markdown (réglage LABO_LIMITS["markdown_bytes"]) ; raccourcissez-le, ou publiez un long document en PDF dans content/documents/'],
    "front-matter-nested-1000-deep": ['content/organisations/yam-pukri.md:5: les listes et les groupes sont imbriqués sur plus de 20 niveaux ici (réglage LABO_LIMITS["front_matter_depth"]) ; aucun champ du site n’en demande plus de 4'],
    "names-that-look-like-others": [
        "content/organisations/enda.md:5: acronym: contient U+2066 LEFT-TO-RIGHT ISOLATE en position 3 ; supprimez-le : les caractères invisibles et de contrôle peuvent faire passer un texte pour un autre",
        "content/organisations/ired.md:2: name: contient U+200B ZERO WIDTH SPACE en position 3 ; supprimez-le : les caractères invisibles et de contrôle peuvent faire passer un texte pour un autre",
        "content/organisations/raess.md:5: summary: contient U+00AD SOFT HYPHEN en position 7 ; supprimez-le : les caractères invisibles et de contrôle peuvent faire passer un texte pour un autre",
        "content/organisations/yam-pukri.md:2: name: contient U+202E RIGHT-TO-LEFT OVERRIDE en position 5 ; supprimez-le : les caractères invisibles et de contrôle peuvent faire passer un texte pour un autre",
    ],
    "e-mail-with-headers": [
        'content/organisations/enda.md:5: email: "a@enda.org\\nBcc: c@evil.org" n’est pas une adresse e-mail : U+000A LINE FEED n’y a pas sa place ; écrivez l’adresse seule, par exemple nom@exemple.org',
        'content/organisations/gie.md:5: email: "a@gie.org;c@evil.org" n’est pas une adresse e-mail : U+003B SEMICOLON n’y a pas sa place ; écrivez l’adresse seule, par exemple nom@exemple.org',
        'content/organisations/ired.md:5: email: "a@ired.org?subject=x&body=y" n’est pas une adresse e-mail : U+003F QUESTION MARK n’y a pas sa place ; écrivez l’adresse seule, par exemple nom@exemple.org',
        'content/organisations/raess.md:5: email: "RAESS <a@raess.org>" n’est pas une adresse e-mail : U+0020 SPACE n’y a pas sa place ; écrivez l’adresse seule, par exemple nom@exemple.org',
        'content/organisations/yam-pukri.md:5: email: "contact%40x.org?bcc=evil@y.org" n’est pas une adresse e-mail : U+0025 PERCENT SIGN n’y a pas sa place ; écrivez l’adresse seule, par exemple nom@exemple.org',
    ],
}


@pytest.mark.parametrize("name", sorted(FRENCH))
def test_the_french_lines_read_as_written(tmp_path, name: str) -> None:
    report = validate(_site(tmp_path, name))
    assert [p.render("fr") for p in report.problems] == FRENCH[name]


TOGETHER = ["symlink-to-etc-passwd", "symlinked-folder", "fifo", "newline-in-a-file-name", "dot-dot-in-a-name",
            "postscript-named-png", "decompression-bomb-png", "markdown-of-2-mb", "csv-with-control-characters",
            "docx-with-macros", "hidden-file-in-a-published-folder", "bidi-override-in-a-body"]


def test_every_attack_of_one_pull_request_is_listed_together(tmp_path) -> None:
    # Attacks on different paths in one content folder: one run lists every problem, sorted, nothing stops
    # at the first.
    content = write_site(tmp_path / "content", {})
    expected = []
    for name in TOGETHER:
        files, setup, wanted = ATTACKS[name]
        write_site(content, files)
        if setup is not None:
            setup(content)
        expected += wanted
    assert lines(validate(content)) == sorted(expected, key=_order)


def _order(line: str) -> tuple:
    path, number, _ = line.split(":", 2)
    return path, int(number)


# -- what must stay welcome ----------------------------------------------------------------------------------

SCRIPTS = {
    "arabic": "جمعية التعاونيات الفلاحية",
    "tifinagh": "ⵜⴰⵎⵙⵙⵓⴷⵓⵜ ⵏ ⵜⵏⴰⵎⵓⵔⵜ",
    "amharic": "የኢትዮጵያ ኅብረት ሥራ ማኅበር",
    "nko": "ߞߊ߬ߙߊ߲ߞߏ ߖߘߍ߬ߞߊ߬ߙߊ߲",
    "latin": "Coopérative des Maraîchères de Kédougou",
    "chinese": "非洲社会团结经济合作社",
    "combining": "Ma\u0301ri\u0300 Coope\u0301rative N\u0303gor",  # decomposed accents (macOS writes these)
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_names_in_every_script_are_welcome(tmp_path, script: str) -> None:
    name = SCRIPTS[script]
    extra = f'acronym: "{name[:6]}"\ncity: "{name[-8:]}"\nsummary: "{name}\\n\\t{name}"\n'
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(name, extra=extra, body=name)})
    report = validate(content)
    assert lines(report) == []
    assert report.registry.get("organisation", "yam-pukri").data["name"] == name


def test_joiners_stay_welcome_in_a_body_but_not_in_a_name(tmp_path) -> None:
    # A body is prose (emoji sequences, Persian or Indic words need U+200D/U+200C); a name is an identity.
    farmer = "\U0001f469\u200d\U0001f33e"
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(f"Yam {farmer}", body=f"Nos membres {farmer}")})
    assert lines(validate(content)) == [
        "content/organisations/yam-pukri.md:2: name: contains U+200D ZERO WIDTH JOINER at position 6; remove it: invisible and control characters can make a text look like another one"]


def test_thirty_thousand_unclosed_brackets_are_plain_text_read_in_linear_time(tmp_path) -> None:
    # Python-Markdown rereads from every unclosed "[" to the end of the block (78 s for this paragraph); the site
    # renders with markdown-it-py, which reads it once: the page passes and shows the brackets as text.
    from content_model.sanitize import MarkdownRenderer

    body = "Introduction.\n\n" + "[" * 30_000 + "\n"
    content = write_site(tmp_path / "content", {"pages/crochets.md": f'---\ntitle: "Crochets"\n---\n\n{body}'})
    assert lines(validate(content)) == []
    assert MarkdownRenderer().render(body) == "<p>Introduction.</p>\n<p>" + "[" * 30_000 + "</p>"


def test_long_pages_with_many_links_and_escaped_brackets_render_cheaply_and_pass(tmp_path) -> None:
    links = "".join(f"- [Lien {i}](https://example.org/{i}) et `code`\n" for i in range(2000))
    prose = ("Un paragraphe avec [un lien](https://example.org/) et <https://example.org/>. " * 20 + "\n\n") * 100
    escaped = "\\[" * 20_000 + "\n"
    content = write_site(tmp_path / "content", {"pages/liens.md": f'---\ntitle: "Liens"\n---\n{links}\n{prose}{escaped}'})
    assert lines(validate(content)) == []


def test_plain_addresses_are_accepted(tmp_path) -> None:
    files = {f"organisations/o{i}.md": org(f"O{i}", extra=f'email: "{address}"\n') for i, address in enumerate(
        ["contact@yampukri.org", "awa.ouedraogo+ess@mail.example.bf", "MAILTO:info@ired.org", "x_y-z@sub.domain-1.org"])}
    report = validate(write_site(tmp_path / "content", files))
    assert lines(report) == []
    assert report.registry.get("organisation", "o2").data["email"] == "info@ired.org"


VALID_FILES = {
    "images/logos/a.png": hostile.image("PNG"),
    "images/logos/b.jpg": hostile.image("JPEG"),
    "images/logos/c.jpeg": hostile.image("JPEG"),
    "images/site/d.webp": hostile.image("WEBP"),
    "images/site/e.gif": hostile.image("GIF", frames=3),
    "images/site/f.png": hostile.image("PNG", frames=2),  # APNG
    "documents/tdr.pdf": hostile.PDF,
    "documents/statuts.odt": hostile.odf("text"),
    "documents/budget.ods": hostile.odf("spreadsheet"),
    "documents/atelier.odp": hostile.odf("presentation"),
    "documents/statuts.docx": hostile.ooxml("word/"),
    "documents/budget.xlsx": hostile.ooxml("xl/"),
    "documents/atelier.pptx": hostile.ooxml("ppt/"),
    "documents/membres.csv": "nom;pays\r\nCoopérative « Kédougou »;SN\r\nجمعية;MA\r\n".encode(),
    "documents/notes.txt": "\ufeffNotes\tdu forum\n— ⵜⴰⵎⵙⵙⵓⴷⵓⵜ\n".encode(),
    "documents/photos/carte.png": hostile.image("PNG"),
    "documents/_archives/2025.pdf": hostile.PDF,
    "extra/robots.txt": b"User-agent: *\nAllow: /\n",
    "organisations/.DS_Store": b"\x00\x00\x00\x01Bud1",  # never read by anything: stays silent
    "organisations/.#yam-pukri.md": b"lock",
}


def test_every_accepted_type_passes_and_is_usable_by_its_field(tmp_path) -> None:
    files = dict(VALID_FILES)
    files["organisations/yam-pukri.md"] = org(extra="logo: /images/logos/b.jpg\n")
    files["tenders/etude.md"] = ("---\ntitle: \"Étude\"\nissuer: yam-pukri\nkind: study\ndeadline: 2027-01-10\n"
                                 "documents:\n" + "".join(f"  - {{title: \"{n}\", file: \"{n}\"}}\n" for n in (
                                     "documents/tdr.pdf", "documents/statuts.odt", "documents/budget.xlsx",
                                     "documents/membres.csv", "documents/photos/carte.png")) + "---\n")
    report = validate(write_site(tmp_path / "content", files))
    assert lines(report) == []
    assert [d["file"] for d in report.registry.get("tender", "etude").data["documents"]][-1] == "documents/photos/carte.png"


def test_a_field_never_reaches_a_refused_file_nor_a_file_of_the_wrong_kind(tmp_path) -> None:
    content = write_site(tmp_path / "content", {
        "documents/tdr.pdf": hostile.PDF, "images/logos/yp.png": hostile.image("PNG"),
        "organisations/yam-pukri.md": org(extra="logo: documents/tdr.pdf\n"),
        "organisations/ired.md": org("IRED", extra="logo: organisations/yam-pukri.md\n"),
        "organisations/enda.md": org("Enda", extra="logo: extra/../images/logos/yp.png\n"),
        "organisations/raess.md": org("RAESS", extra="logo: images/logos/yp.PNG\n"),
    })
    _symlink("images/logos/lien", "/etc")(content)
    write_site(content, {"organisations/gie.md": org("GIE", extra="logo: images/logos/lien/x.png\n")})
    assert lines(validate(content)) == [
        'content/images/logos/lien:1: ' + LINK.format(target='"/etc"'),
        'content/organisations/enda.md:5: logo: "extra/../images/logos/yp.png" must be a path inside content/ (e.g. images/logos/name.png)',
        f'content/organisations/gie.md:5: logo: "images/logos/lien/x.png" {REFUSED}',
        'content/organisations/ired.md:5: logo: "organisations/yam-pukri.md" must be an image (.png, .jpg, .jpeg, .webp, .gif)',
        'content/organisations/raess.md:5: logo: "images/logos/yp.PNG" does not exist under content/; add the file or fix the path',
        'content/organisations/yam-pukri.md:5: logo: "documents/tdr.pdf" must be an image (.png, .jpg, .jpeg, .webp, .gif)',
    ]


# -- limits ----------------------------------------------------------------------------------------------------

def test_limits_come_from_the_setting_and_are_checked() -> None:
    conf: dict = {"__file__": str(ROOT / "pelicanconf.py")}
    exec(compile((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), "pelicanconf.py", "exec"), conf)  # noqa: S102
    assert Limits.from_settings(conf["LABO_LIMITS"]) == DEFAULT  # the setting states the defaults
    assert Limits.from_settings({"markdown_bytes": 1024}).markdown_bytes == 1024
    assert Limits.from_settings({"markdown_bytes": 1024}).image_pixels == DEFAULT.image_pixels
    with pytest.raises(ValueError, match="unknown key.*'markdown_byte'"):
        Limits.from_settings({"markdown_byte": 1})
    with pytest.raises(ValueError, match=r"LABO_LIMITS\['image_pixels'\] must be a whole number above 0"):
        Limits.from_settings({"image_pixels": "25M"})


def test_lower_limits_refuse_what_the_defaults_accept(tmp_path) -> None:
    content = write_site(tmp_path / "content", {"images/site/a.png": hostile.image("PNG", (300, 200)),
                                               "documents/tdr.pdf": hostile.PDF + b"%" * 3000,
                                               "images/site/anim.gif": hostile.image("GIF", (20, 20), frames=5)})
    limits = {"image_pixels": 50_000, "document_bytes": 2048, "image_frames": 4}
    assert lines(validate(content, limits=limits)) == [
        'content/documents/tdr.pdf:1: the file weighs 3 KB, more than the 2 KB allowed for type PDF document (setting LABO_LIMITS["document_bytes"]); make it smaller',
        'content/images/site/a.png:1: the image is 300 × 200 pixels (0.1 million), more than the 0.1 million allowed (setting LABO_LIMITS["image_pixels"]); reduce its dimensions',
        'content/images/site/anim.gif:1: the animation has 5 frames, more than the 4 allowed (setting LABO_LIMITS["image_frames"])',
    ]


def test_block_nesting_is_measured_too(tmp_path) -> None:
    # Indentation, not brackets: 1,000 levels need 1 MB of spaces, so the size limit is raised to reach depth.
    header = "".join(" " * i + f"k{i}:\n" for i in range(1000))
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": "---\nname: Y\n" + header + "---\n"})
    assert lines(validate(content, limits={"front_matter_bytes": 2_000_000})) == [
        'content/organisations/yam-pukri.md:23: lists and groups are nested more than 20 levels deep here (setting LABO_LIMITS["front_matter_depth"]); no field of the site needs more than 4']


DEEP = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    sys.path.insert(0, {plugins!r})
    from content_model.validate import validate_site
    for problem in validate_site(Path(sys.argv[1]), today=dt.date(2026, 11, 18), limits={{"front_matter_bytes": 4_000_000}}).problems:
        print(problem)
""")


@pytest.mark.parametrize("shape", ["flow", "compact"])
def test_front_matter_nested_100000_deep_is_refused_without_a_crash(tmp_path, shape: str) -> None:
    # In a child process: before the limit, PyYAML's C loader died here with a segmentation fault.
    value = "[" * 100_000 + "]" * 100_000 if shape == "flow" else "\n" + "- " * 100_000 + "x"
    content = write_site(tmp_path / "content", {"organisations/yam-pukri.md": org(extra=f"coordinates: {value}\n")})
    run = subprocess.run([sys.executable, "-c", DEEP.format(plugins=str(ROOT / "plugins")), str(content)],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    line = 5 if shape == "flow" else 6
    assert run.stdout.splitlines() == [
        f'content/organisations/yam-pukri.md:{line}: lists and groups are nested more than 20 levels deep here (setting LABO_LIMITS["front_matter_depth"]); no field of the site needs more than 4']
