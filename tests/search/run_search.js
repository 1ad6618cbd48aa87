// Run search.js in node over a built index folder, as the browser would.
// Usage: node run_search.js <index dir> <requests.json>
// requests: {"queries": [{"q": "...", "kinds": [..] | null}], "words": [...]}
// Prints JSON: per query the hits, the chunk files loaded; per word the
// tokens and term variants computed by search.js.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const theme = path.resolve(__dirname, "../../themes/labo/static");
const lunr = require(path.join(theme, "vendor/lunr/lunr.min.js"));
const snowball = require(path.join(theme, "vendor/snowball/snowball.js"));
const search = require(path.join(theme, "js/search.js"));

const dir = process.argv[2];
const requests = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const chunks = {};
const loadedFiles = [];
globalThis.LaboSearch = { add: (c) => { chunks[c.name] = c; } };

function load(name) {
  if (!chunks[name]) {
    const file = path.join(dir, name + ".js");
    loadedFiles.push({ name: name, bytes: fs.statSync(file).size });
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  }
  return Promise.resolve(chunks[name]);
}

async function main() {
  const manifest = await load("manifest");
  const out = { queries: [], words: [] };
  for (const request of requests.queries || []) {
    // Each query starts cold, as a fresh page would.
    for (const k of Object.keys(chunks)) if (k !== "manifest") delete chunks[k];
    loadedFiles.length = 0;
    const engine = new search.Engine(manifest, load, lunr, snowball);
    const started = process.hrtime.bigint();
    const result = await engine.search(request.q, request.kinds ? new Set(request.kinds) : null);
    const docs = await engine.documents(result.hits.slice(0, request.show || 10));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    out.queries.push({
      q: request.q,
      total: result.hits.length,
      counts: result.counts,
      refs: result.hits.map((h) => h.ref),
      scores: result.hits.map((h) => h.score),
      titles: docs.map((d) => d.title),
      urls: docs.map((d) => d.url),
      docs: docs,
      loaded: loadedFiles.map((f) => f.name),
      loadedBytes: loadedFiles.reduce((a, f) => a + f.bytes, 0),
      ms: ms,
    });
  }
  const lang = new search.Engine(manifest, load, lunr, snowball).lang;  // the page's own choice of stemmer
  for (const word of requests.words || []) {
    const tokens = search.tokenize(word);
    out.words.push({
      word: word,
      tokens: tokens,
      folded: tokens.map(search.fold),
      variants: tokens.map((t) => search.termVariants(t, lang)),
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
