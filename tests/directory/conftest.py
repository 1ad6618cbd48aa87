"""The tiny directory of tests/directory/fixtures/site, built once per test run with the real settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from dirkit import SITE, build
from tests.conftest import shared_build


def _directory(folder: Path) -> Path:
    result = build(SITE / "content", folder / "output")
    assert result.returncode == 0, result.stderr
    return folder / "output"


@pytest.fixture(scope="session")
def directory_site(_run_location) -> Path:
    return shared_build("directory", _directory)
