"""The tiny directory of tests/directory/fixtures/site, built once per session with the real settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from dirkit import SITE, build


@pytest.fixture(scope="session")
def directory_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("directory") / "output"
    result = build(SITE / "content", out)
    assert result.returncode == 0, result.stderr
    return out
