"""Search benchmark: lunr (chosen, sharded) against MiniSearch, 1,000 and 10,000 docs.

Prints one table: for each engine and layout, files, raw and gzip bytes, build
time and the bytes a typical query loads (mean and max over QUERIES, cold
page: manifest excluded, it is loaded once per page). From file:// nothing is
compressed, so raw bytes are what a reader's browser reads.

- lunr, sharded: ``build_search_index`` (lunr.py scores, prefix shards, doc
  store shards); queries run through search.js in node exactly as in the page.
- lunr, one file: lunr.py's own serialised index of the same terms + a
  document store; every query loads all of it.
- MiniSearch 7.2.0, built in the browser: the page loads a document store
  (title, kind, country, text, extra) and indexes it; timed in node.
- MiniSearch, serialised: ``JSON.stringify(miniSearch)`` (what Python would
  have to generate); every query loads all of it.
- MiniSearch, sharded (estimate): its index entries for the same terms the
  lunr shards loaded, plus the per-document tables BM25 needs at query time
  (document ids, field lengths), plus the same document-store shards.

Usage: ``python benchmarks/search_bench.py [N ...]``. Needs node; MiniSearch
is fetched once with ``npm pack minisearch@7.2.0`` into a cache folder
(columns marked n/a if npm is unavailable).
"""

from __future__ import annotations

import gzip
import json
import pathlib
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.search_corpus import synthetic_docs  # noqa: E402
from plugins.search.index import (  # noqa: E402
    FIELDS,
    _AnalysedBuilder,
    build_search_index,
    render_chunk,
)
from plugins.search.text import Analyser  # noqa: E402

RUNNER = ROOT / "tests/search/run_search.js"
THEME = ROOT / "themes/labo/static"
CACHE = pathlib.Path(tempfile.gettempdir()) / "labo-search-bench"
MINISEARCH = "minisearch@7.2.0"

# Typical queries: whole words, accents or not, the prefix of a word being typed.
QUERIES = [
    "coopérative",
    "cooperative karite",
    "microfin",
    "Ouagadougou",
    "formation femmes",
    "épargne crédit",
    "SENEGAL",
    "agriculture biologique",
]

MINISEARCH_JS = r"""
const fs = require("fs");
const [msPath, searchPath, snowballPath, docsPath, termsPath] = process.argv.slice(2);
const MiniSearch = require(msPath).default || require(msPath);
const search = require(searchPath);
const snowball = require(snowballPath);
const input = JSON.parse(fs.readFileSync(docsPath, "utf8"));
const queryTerms = JSON.parse(fs.readFileSync(termsPath, "utf8"));
const memo = new Map();  // as the Python build memoises: stemming dominates otherwise
const lang = { stopWords: new Set(input.stopWords), stem: snowball.french };
const options = {
  fields: ["title", "extra", "text"],
  storeFields: ["url", "title", "kind", "country", "snippet"],
  tokenize: (s) => search.tokenize(s),
  processTerm: (t) => memo.get(t) || memo.set(t, search.termVariants(t, lang)).get(t),
};
const store = JSON.stringify(input.docs);
const t0 = process.hrtime.bigint();
const ms = new MiniSearch(options);
ms.addAll(input.docs);
const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
const serialised = JSON.stringify(ms);
const js = ms.toJSON();
const entryBytes = new Map(js.index.map((e) => [e[0], Buffer.byteLength(JSON.stringify(e)) + 1]));
const perDoc = Buffer.byteLength(JSON.stringify({
  documentIds: js.documentIds, fieldLength: js.fieldLength,
  averageFieldLength: js.averageFieldLength, fieldIds: js.fieldIds }));
const sharded = queryTerms.map((terms) =>
  terms.reduce((a, t) => a + (entryBytes.get(t) || 0), 0) + perDoc);
const t1 = process.hrtime.bigint();
const loaded = MiniSearch.loadJSON(serialised, options);
const loadMs = Number(process.hrtime.bigint() - t1) / 1e6;
loaded.search("cooperative", { prefix: true, combineWith: "AND" });
process.stdout.write(JSON.stringify({
  buildMs, loadMs,
  storeRaw: Buffer.byteLength(store), storeGz: require("zlib").gzipSync(store, { level: 9 }).length,
  indexRaw: Buffer.byteLength(serialised),
  indexGz: require("zlib").gzipSync(serialised, { level: 9 }).length,
  perDocTables: perDoc, shardedQueryBytes: sharded,
}));
"""


def minisearch_path() -> pathlib.Path | None:
    """The MiniSearch CommonJS build, fetched once with npm pack (None if impossible)."""
    target = CACHE / "minisearch/package/dist/cjs/index.cjs"
    if target.exists():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        out = subprocess.run(
            ["npm", "pack", MINISEARCH, "--silent"], cwd=CACHE, check=True,
            capture_output=True, text=True, timeout=120,
        ).stdout.strip().splitlines()[-1]
        with tarfile.open(CACHE / out) as tar:
            tar.extractall(CACHE / "minisearch", filter="data")
    except (OSError, subprocess.SubprocessError, tarfile.TarError) as exc:
        print(f"MiniSearch unavailable ({exc}); its rows are n/a", file=sys.stderr)
        return None
    return target if target.exists() else None


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def run_lunr_sharded(docs: list[dict], work: pathlib.Path) -> dict:
    out = work / "search"
    started, cpu = time.perf_counter(), time.process_time()
    stats = build_search_index(docs, "fr", out, "search/")
    build_s = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    requests = work / "requests.json"
    requests.write_text(json.dumps({"queries": [{"q": q} for q in QUERIES]}))
    result = json.loads(
        subprocess.run(
            ["node", str(RUNNER), str(out), str(requests)],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    manifest_bytes = (out / "manifest.js").stat().st_size
    per_query = [q["loadedBytes"] - manifest_bytes for q in result["queries"]]
    shard_terms = []
    for q in result["queries"]:
        terms: list[str] = []
        for name in q["loaded"]:
            if name.startswith("t-"):
                text = (out / f"{name}.js").read_text(encoding="utf-8")
                terms += json.loads(text[len("LaboSearch.add(") : -3])["terms"]
        shard_terms.append(terms)
    store_bytes = []
    for q in result["queries"]:
        store_bytes.append(sum((out / f"{n}.js").stat().st_size for n in q["loaded"] if n.startswith("d-")))
    return {
        "stats": stats, "build_s": build_s, "build_cpu": build_cpu, "per_query": per_query,
        "query_ms": [q["ms"] for q in result["queries"]], "totals": [q["total"] for q in result["queries"]],
        "shard_terms": shard_terms, "store_bytes": store_bytes, "manifest": manifest_bytes,
    }


def run_lunr_whole(docs: list[dict]) -> dict:
    """lunr.py's own serialised index of the same terms, plus a full document store."""
    analyse = Analyser("fr")
    started = time.perf_counter()
    builder = _AnalysedBuilder()
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for n, doc in enumerate(docs):
        extra = " ".join((doc["extra"], doc["country"], doc["kind_label"]))
        terms = {"title": analyse(doc["title"]), "extra": analyse(extra), "text": analyse(doc["text"])}
        builder.add_terms(str(n), terms)
    index = builder.build().serialize()
    store = [[d["url"], d["title"], d["kind"], d["country"], d["text"][:180]] for d in docs]
    data = render_chunk(index) + render_chunk(store)
    return {"build_s": time.perf_counter() - started, "raw": len(data), "gz": gz(data)}


def run_minisearch(docs: list[dict], shard_terms: list[list[str]], work: pathlib.Path) -> dict | None:
    path = minisearch_path()
    if path is None:
        return None
    from plugins.search.text import STOP_WORDS

    ms_docs = [
        {
            "id": n, "url": d["url"], "title": d["title"], "kind": d["kind"], "country": d["country"],
            "snippet": d["text"][:180], "text": d["text"],
            "extra": " ".join((d["extra"], d["country"], d["kind_label"])),
        }
        for n, d in enumerate(docs)
    ]
    (work / "ms-docs.json").write_text(json.dumps({"docs": ms_docs, "stopWords": sorted(STOP_WORDS["fr"])}))
    (work / "ms-terms.json").write_text(json.dumps(shard_terms))
    script = work / "ms.js"
    script.write_text(MINISEARCH_JS)
    out = subprocess.run(
        ["node", str(script), str(path), str(THEME / "js/search.js"),
         str(THEME / "vendor/snowball/snowball.js"), str(work / "ms-docs.json"), str(work / "ms-terms.json")],
        capture_output=True, text=True,
    )
    if out.returncode:
        raise RuntimeError(f"search bench: MiniSearch run failed:\n{out.stderr}")
    return json.loads(out.stdout)


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 10240 else f"{n / 1024:,.1f} KB"


def main(sizes: list[int]) -> int:
    rows = []
    notes = []
    for size in sizes:
        docs = synthetic_docs(size)
        with tempfile.TemporaryDirectory() as tmp:
            work = pathlib.Path(tmp)
            lunr = run_lunr_sharded(docs, work)
            whole = run_lunr_whole(docs)
            ms = run_minisearch(docs, lunr["shard_terms"], work)
        st = lunr["stats"]
        q = lunr["per_query"]
        rows.append((size, "lunr sharded (chosen)", st["files"], st["raw_bytes"], st["gzip_bytes"],
                     f"{lunr['build_s']:.1f} s py ({lunr['build_cpu']:.1f} cpu)",
                     statistics.mean(q), max(q), st["raw_bytes"]))
        rows.append((size, "lunr one file", 1, whole["raw"], whole["gz"], f"{whole['build_s']:.1f} s py",
                     whole["raw"], whole["raw"], whole["raw"]))
        if ms:
            rows.append((size, "MiniSearch built in browser", 1, ms["storeRaw"], ms["storeGz"],
                         f"{ms['buildMs'] / 1000:.1f} s js", ms["storeRaw"], ms["storeRaw"], ms["storeRaw"]))
            rows.append((size, "MiniSearch serialised", 1, ms["indexRaw"], ms["indexGz"],
                         f"{ms['loadMs'] / 1000:.1f} s js load", ms["indexRaw"], ms["indexRaw"], ms["indexRaw"]))
            est = [a + b for a, b in zip(ms["shardedQueryBytes"], lunr["store_bytes"], strict=True)]
            rows.append((size, "MiniSearch sharded (estimate)", "-", "-", "-", "-",
                         statistics.mean(est), max(est), ms["indexRaw"]))
            tables = kb(ms["perDocTables"])
            notes.append(f"{size}: MiniSearch per-document tables needed by every sharded query: {tables}")
        notes.append(
            f"{size}: lunr sharded: manifest {kb(lunr['manifest'])} once per page; query time in node "
            f"{statistics.mean(lunr['query_ms']):.0f} ms mean, {max(lunr['query_ms']):.0f} ms max; "
            f"document-store part of a query's bytes {kb(statistics.mean(lunr['store_bytes']))} mean; "
            f"hits per query {lunr['totals']}"
        )
    header = ("docs", "engine / layout", "files", "raw", "gzip", "build", "query loads (mean)", "max", "% of raw")
    table = [header]
    for size, name, files, raw, gzb, build, mean, mx, total in rows:
        table.append((
            f"{size:,}", name, str(files), kb(raw) if isinstance(raw, int) else raw,
            kb(gzb) if isinstance(gzb, int) else gzb, build, kb(mean), kb(mx), f"{100 * mean / total:.1f} %",
        ))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print()
    for n in notes:
        print(n)
    print(f"typical queries: {QUERIES}")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 10000]))
