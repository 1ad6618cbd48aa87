"""Plugins and the repository root on the path; the published build (absolute SITEURL, no examples), once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT / "plugins"), str(ROOT)):
    if path not in sys.path:
        sys.path.insert(0, path)

from tests.conftest import PUBLISHED_URL  # noqa: E402, F401 - needs the path above; the tests read it here


@pytest.fixture(scope="session")
def published_site(published_shipped_site: Path) -> Path:
    """The published build of the shipped content (tests/conftest.py `published_shipped_site`: absolute SITEURL, no
    examples)."""
    return published_shipped_site
