"""Shared helpers for the search tests: run search.js in node over a built index."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

from support.ci import skip_or_fail

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "run_search.js"


def root_conftest():
    """tests/conftest.py under a name of its own: `import conftest` gives whichever conftest.py pytest loaded
    last (tests/gates has one too)."""
    name = "labo_tests_root_conftest"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE.parent / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def chunk(path: Path) -> dict:
    """The data of one index file (a `LaboSearch.add({...});` script)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("LaboSearch.add(") and text.endswith(");\n"), path
    return json.loads(text[len("LaboSearch.add(") : -3])


def stored_documents(index_dir: Path) -> list[dict]:
    """Every document of a built index, in index order, as {url, title, kind, country, snippet}."""
    manifest = chunk(index_dir / "manifest.js")
    docs = []
    for n in range(-(-manifest["docCount"] // manifest["storeSize"])):
        for url, title, kind, country, snippet in chunk(index_dir / f"d-{n}.js")["docs"]:
            docs.append({"url": url, "title": title, "kind": kind, "snippet": snippet,
                         "country": manifest["countries"][country] if country >= 0 else ""})
    assert len(docs) == manifest["docCount"]
    return docs


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
