"""Helpers for the contribute tests: the plugin's task module, Node runs of propose.js, a validator."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import LANGUAGES

from content_model.validate import validate_site

ROOT = Path(__file__).resolve().parents[2]
HARNESS = Path(__file__).with_name("harness.js")
TODAY = dt.date(2026, 11, 18)  # the FIXED_EPOCH of tests/conftest.py


def load_tasks():
    """plugins/contribute/tasks.py, loaded like the root tasks.py collects it."""
    spec = importlib.util.spec_from_file_location("contribute_tasks_under_test", ROOT / "plugins/contribute/tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_js(calls: list, rules: dict | None = None, scripts: dict[str, str] | None = None) -> list:
    """Call functions of propose.js (and propose-org.js) under Node; one result per call. `scripts` gives other
    copies of the two scripts ({"core": path, "org": path}), such as the compacted ones the site serves."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    job = {"calls": calls, "rules": rules or {}, "scripts": scripts or {}}
    done = subprocess.run([node, str(HARNESS)], input=json.dumps(job),
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def problems(content: Path) -> list[str]:
    """Every validation problem of a content folder, as printed (`content/…:line: field: message`)."""
    return [str(p) for p in validate_site(content, languages=LANGUAGES, today=TODAY).problems]
