"""Shared test helpers: build a tiny site from a content folder, validate a folder, find the repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
FIXED_EPOCH = "1795000000"  # 2026-11-18 — a fixed build date for time-dependent pages


def _shipped_languages() -> tuple[str, ...]:
    from pelican.settings import read_settings

    return tuple(read_settings(str(ROOT / "pelicanconf.py"))["LANGUAGES"])


#: The site's languages (pelicanconf.py): what the shipped content's translations (.en.md, .pt.md) are in.
LANGUAGES = _shipped_languages()


def build_site(content: Path, output: Path, *, settings: str = "pelicanconf.py", epoch: str = FIXED_EPOCH,
               extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run Pelican exactly as `invoke build` does (minus the atomic swap), into `output`."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / settings), "-o", str(output),
           "--fatal", "warnings"]
    extra = {"CACHE_PATH": json.dumps(str(Path(output).parent / ".pelican-cache")), **(extra or {})}
    if extra:  # one -e with every pair: a second -e would replace the first
        cmd += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, LABO_LANG="en")  # the pinned messages are English
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def copy_content(tmp_path: Path, source: Path = ROOT / "content") -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped content built once per test session with a fixed build date."""
    out = tmp_path_factory.mktemp("shipped") / "output"
    result = build_site(ROOT / "content", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the shipped content that a test may break."""
    return copy_content(tmp_path)


@pytest.fixture(scope="session")
def chromium_instance():
    """One Debian Chromium for the whole session, shared by every browser test.

    Playwright's sync API allows one running instance per process: a module that started its own while
    another module's session browser was still open would fail, so every browser test asks for this one.
    """
    from tests.support import browser as chromium
    from tests.support.ci import skip_or_fail

    missing = chromium.chromium_missing_reason()
    if missing:
        skip_or_fail(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = chromium.launch(playwright)
        yield instance
        instance.close()
