"""Plugins and the repository root on the path; the published build (absolute SITEURL, no examples), once."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT / "plugins"), str(ROOT)):
    if path not in sys.path:
        sys.path.insert(0, path)

from tests.conftest import build_site  # noqa: E402 - needs the path above

PUBLISHED_URL = "https://example.org/labo"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "output"
    os.environ["SITEURL"] = PUBLISHED_URL  # publishconf.py reads it
    try:
        # A private cache: another build running at the same time must not hand us a half-written one.
        cache = json.dumps(str(out.parent / "cache"))
        result = build_site(ROOT / "content", out, settings="publishconf.py", extra={"CACHE_PATH": cache})
    finally:
        del os.environ["SITEURL"]
    assert result.returncode == 0, result.stderr
    return out
