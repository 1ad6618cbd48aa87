"""Search figures of a built site: index size raw and gzip, and what a reader loads for typical queries.

Used by `invoke search-figures` and offered to `benchmarks/run.py` (which looks for `site_figures`).
From file:// nothing is compressed, so raw bytes are what a reader's browser reads; gzip is what a web
server with compression sends. Queries run through search.js in node (tests/search/run_search.js), exactly
as in the page, so the shards counted are the ones the browser would load.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "search" / "run_search.js"
ENGINE_FILES = ("theme/js/search.js", "theme/vendor/lunr/lunr.min.js", "theme/vendor/snowball/snowball.js")

#: Typical queries: whole words with and without accents, two words, the prefix of a word being typed.
QUERIES = {
    "fr": ["coopérative", "cooperative karite", "formation femmes", "épargne crédit", "Ouagadougou",
           "agriculture biologique", "microfin", "irrig"],
    "en": ["cooperative", "women training", "savings credit", "solar energy", "Ouagadougou", "organic farming",
           "microfin", "irrig"],
    "pt": ["cooperativa", "cooperativa caju", "formação mulheres", "poupança crédito", "Maputo",
           "agricultura biológica", "microfin", "irrig"],
}


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def index_folders(output: Path) -> dict[str, Path]:
    """Language -> its index folder, for every language the built site has an index for."""
    folders = {}
    for manifest in sorted([output / "search" / "manifest.js", *output.glob("*/search/manifest.js")]):
        if manifest.is_file():
            text = manifest.read_text(encoding="utf-8")
            folders[json.loads(text[len("LaboSearch.add("):-3])["lang"]] = manifest.parent
    return folders


def query_loads(index: Path, queries: list[str]) -> list[dict] | None:
    """Per query (cold page): hits and the bytes of the index files search.js loads; None without node."""
    node = shutil.which("node")
    if node is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        requests = Path(tmp) / "requests.json"
        requests.write_text(json.dumps({"queries": [{"q": q} for q in queries]}), encoding="utf-8")
        done = subprocess.run([node, str(RUNNER), str(index), str(requests)], capture_output=True, text=True,
                              check=True)
    return json.loads(done.stdout)["queries"]


def site_figures(output: Path) -> dict[str, str]:
    """Readable figures for each language's index of the site built in `output`."""
    output = Path(output)
    figures: dict[str, str] = {}
    engine = [output / f for f in ENGINE_FILES if (output / f).is_file()]
    figures["engine, loaded once on first focus"] = (
        f"{_kb(sum(p.stat().st_size for p in engine))} raw / {_kb(sum(map(_gzip_size, engine)))} gzip "
        f"({', '.join(p.name for p in engine)})")
    for lang, index in index_folders(output).items():
        files = sorted(index.glob("*.js"))
        raw = sum(p.stat().st_size for p in files)
        gz = sum(map(_gzip_size, files))
        manifest = index / "manifest.js"
        count = json.loads(manifest.read_text(encoding="utf-8")[len("LaboSearch.add("):-3])["docCount"]
        figures[f"{lang} index"] = (f"{count:,} documents, {len(files):,} files, {_kb(raw)} raw / {_kb(gz)} gzip; "
                                    f"manifest {_kb(manifest.stat().st_size)} loaded once")
        loads = query_loads(index, QUERIES.get(lang, QUERIES["en"]))
        if loads is None:
            figures[f"{lang} typical query"] = "n/a (node not found)"
            continue
        sizes = {p.stem: p.stat().st_size for p in files}
        per_query = [sum(sizes[name] for name in q["loaded"] if name != "manifest") for q in loads]
        hits = ", ".join(f"{q['q']!r}: {q['total']}" for q in loads)
        figures[f"{lang} typical query"] = (
            f"{_kb(statistics.mean(per_query))} mean, {_kb(max(per_query))} max "
            f"({100 * statistics.mean(per_query) / raw:.1f} % of the index) over {len(per_query)} queries "
            f"(hits: {hits})")
    return figures
