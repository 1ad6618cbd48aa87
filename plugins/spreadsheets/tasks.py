"""Invoke tasks of the spreadsheets tool: `import` and `export` (collected by the root tasks.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
if str(ROOT) not in sys.path:  # pelicanconf.py is read from the repository root
    sys.path.append(str(ROOT))

_HELP = {"kind": "organisations (default), projects, events, services or tenders",
         "lang": "language of the messages (and of an export's headers and labels): fr (default) or en",
         "content": "content folder (default: the PATH setting)"}


def _setup(kind: str, lang: str, content: str) -> tuple:
    from pelican.settings import read_settings

    from content_model.messages import report_language, use_catalogues
    from labo_site.clock import build_date
    from spreadsheets.commands import entity_kind

    try:
        language = report_language(lang or None)
        kind_ = entity_kind(kind)
    except ValueError as error:
        sys.exit(str(error))
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    use_catalogues(Path(settings["THEME"]) / "translations")
    folder = Path(content) if content else Path(settings["PATH"])
    return kind_, folder, settings, build_date(), language


def _finish(code: int, lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr if code else sys.stdout)
    if code:
        sys.exit(code)


@task(name="import", help={"file": "the spreadsheet: .xlsx, .ods or .csv, one row per entry",
                           "dry-run": "show what would be created or updated; write nothing", **_HELP})
def import_(c, file, kind="organisations", dry_run=False, lang="", content=""):
    """Create or update entries from a spreadsheet; nothing is written unless every row is valid."""
    from spreadsheets.commands import run_import

    kind_, folder, settings, today, language = _setup(kind, lang, content)
    _finish(*run_import(Path(file), kind_, folder, settings, today, language, dry_run=dry_run))


@task(help={"file": "the spreadsheet to write: .xlsx, .ods or .csv", **_HELP})
def export(c, file, kind="organisations", lang="", content=""):
    """Write every entry of a kind as one row of a spreadsheet, in the layout `invoke import` reads."""
    from spreadsheets.commands import run_export

    kind_, folder, settings, today, language = _setup(kind, lang, content)
    _finish(*run_export(kind_, folder, Path(file), settings, today, language))
