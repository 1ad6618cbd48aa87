"""Shared helpers for the search tests: run search.js in node over a built index."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support.ci import skip_or_fail

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "run_search.js"


def node() -> str:
    path = shutil.which("node")
    if path is None:
        skip_or_fail("node not found (apt-get install nodejs)")
    return path


def run_js(index_dir: Path, tmp_path: Path, queries=(), words=()) -> dict:
    """What search.js computes in node for these queries and words (see run_search.js)."""
    requests = tmp_path / "requests.json"
    requests.write_text(json.dumps({"queries": list(queries), "words": list(words)}), encoding="utf-8")
    result = subprocess.run(
        [node(), str(RUNNER), str(index_dir), str(requests)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def doc(id_: str, kind: str, title: str, text: str, country: str = "Burkina Faso", extra: str = "") -> dict:
    labels = {"organisation": "Organisation", "project": "Projet", "event": "Événement", "news": "Actualité"}
    return {
        "id": id_,
        "url": f"{kind}s/{id_}.html",
        "kind": kind,
        "kind_label": labels.get(kind, kind.title()),
        "title": title,
        "country": country,
        "text": text,
        "extra": extra,
    }
