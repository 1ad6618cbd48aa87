"""Helpers shared by the content model tests: validate a folder, print its report, write tiny sites.

Imported by bare name (pytest puts this folder on sys.path); the name is unusual on purpose so that it never
clashes with a helper of another test folder.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(ROOT / "plugins")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from content_model.report import print_report  # noqa: E402 - needs the path above
from content_model.validate import Report, validate_site  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 18)  # the day of tests/conftest.py's FIXED_EPOCH (1795000000)
TAXONOMY = ROOT / "content" / "taxonomy.yml"
PYTHON = sys.executable


def build(content: Path, output: Path, settings: str = "pelicanconf.py", **extra) -> subprocess.CompletedProcess:
    """`build_site` (one Pelican run with the real settings and a private cache) with settings as Python
    values: build(content, out, DIRECTORY_PAGE_SIZE=2)."""
    from tests.conftest import build_site

    return build_site(content, output, settings=settings, extra={k: json.dumps(v) for k, v in extra.items()})


def fixture_content(mode: str) -> Path:
    """The content folder of one failure mode: fixtures/<mode>/content."""
    return FIXTURES / mode / "content"


def validate(content: Path, **kw) -> Report:
    """validate_site with the build date of the tests and the site's languages."""
    from tests.conftest import LANGUAGES

    kw.setdefault("today", TODAY)
    kw.setdefault("languages", LANGUAGES)
    return validate_site(content, **kw)


def lines(report: Report) -> list[str]:
    return [str(p) for p in report.problems]


def printed(report: Report, github: bool = False) -> str:
    """What `invoke validate` prints for the report (GitHub annotations when `github`)."""
    saved = os.environ.get("GITHUB_ACTIONS")
    os.environ["GITHUB_ACTIONS"] = "true" if github else "false"
    try:
        out = io.StringIO()
        print_report(report, out)
        return out.getvalue()
    finally:
        if saved is None:
            del os.environ["GITHUB_ACTIONS"]
        else:
            os.environ["GITHUB_ACTIONS"] = saved


def write_site(root: Path, files: dict[str, str | bytes], taxonomy: Path = TAXONOMY) -> Path:
    """A content folder with the shipped taxonomy and `files` (path -> text or bytes)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(taxonomy, root / "taxonomy.yml")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def org(name: str = "Yam Pukri", extra: str = "", status: str = "member", body: str = "Description.") -> str:
    """A minimal valid organisation file; `extra` lines go after the membership (from line 5)."""
    return f'---\nname: "{name}"\nmembership:\n  status: {status}\n{extra}---\n\n{body}\n'


def field_key(field: str) -> str:
    """The last named key of a field path: 'funding.contributions[0].amount' -> 'amount'."""
    names = [part for part in re.split(r"[.\[\]]", field) if part and not part.isdigit()]
    return names[-1]


def copy_repository(target: Path) -> Path:
    """A copy of what a build needs (settings, tasks, plugins, theme, content) that a test may break."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py", "pyproject.toml"):
        shutil.copy(ROOT / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("plugins", "themes", "content"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    return target


def invoke(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `invoke <args>` in `repo` the way `make` does, with the fixed build date."""
    # English messages (the texts pinned by the tests; French, the default, is tested where it is asked for)
    # and a cache beside the copy, never in the user's cache folder.
    from tests.conftest import seed_cache

    cache = Path(repo).parent / f".cache-{Path(repo).name}"
    full_env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000", LABO_LANG="en", LABO_CACHE_DIR=str(cache))
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):  # on CI the tests still expect plain output
        full_env.pop(name, None)
    full_env.update(env or {})
    if full_env["LABO_CACHE_DIR"] == str(cache):
        seed_cache(cache)  # as conftest's build_site: starts from the cache of the shipped site's build
    return subprocess.run([PYTHON, "-m", "invoke", *args], cwd=repo, env=full_env, capture_output=True,
                          text=True, check=False)
