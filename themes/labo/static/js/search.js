/* Labo search: offline, chunked, works from file://.
 *
 * Data files are classic scripts that call LaboSearch.add({...}); this file
 * injects them on demand (fetch() and module scripts fail from file://).
 * It loads lunr.js 2.3.9 (vendor/lunr) and the Snowball stemmers
 * (vendor/snowball) itself, when the reader first focuses the field. The text rules below are the twin of
 * plugins/search/text.py: change both or neither (tests compare them).
 * No innerHTML: every piece of data reaches the page through textContent.
 */
(function (root) {
  "use strict";

  /* ---------- text processing (twin of plugins/search/text.py) ---------- */

  var FOLD_MAP = { "æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ð": "d", "þ": "th" };
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var MARK = /\p{Mn}/gu;
  var ASTRAL = /[\uD800-\uDFFF]/;

  function tokenize(text) {
    return text.normalize("NFC").toLowerCase().match(TOKEN) || [];
  }

  function fold(word) {
    var bare = word.normalize("NFD").replace(MARK, "").normalize("NFC");
    var out = "";
    for (var i = 0; i < bare.length; i++) {
      var c = bare[i];
      out += Object.prototype.hasOwnProperty.call(FOLD_MAP, c) ? FOLD_MAP[c] : c;
    }
    return out;
  }

  /* lang = {stopWords: Set, stem: function}; returns sorted unique terms. */
  function termVariants(word, lang) {
    var folded = fold(word);
    if (!folded || lang.stopWords.has(word)) return [];
    if (ASTRAL.test(word)) return [folded];
    var variants = [fold(lang.stem(word))];
    if (folded !== word) variants.push(fold(lang.stem(folded)));
    return unique(variants.filter(Boolean));
  }

  function unique(list) {
    var seen = {};
    var out = [];
    list.forEach(function (x) {
      if (!seen[x]) { seen[x] = true; out.push(x); }
    });
    return out.sort();
  }

  /* ---------- shard routing (twin of plugins/search/shards.py) ---------- */

  function longestKeyPrefixing(keys, word) {
    var best = null;
    keys.forEach(function (k) {
      if (word.indexOf(k) === 0 && (best === null || k.length > best.length)) best = k;
    });
    return best;
  }

  /* A key no longer key extends holds every term under it; a split key only its own word. */
  function isLeaf(keys, key) {
    return !keys.some(function (k) { return k !== key && k.indexOf(key) === 0; });
  }

  function shardForTerm(keys, term) {
    var key = longestKeyPrefixing(keys, term);
    if (key === null || (key.length < term.length && !isLeaf(keys, key))) return null;
    return key;
  }

  function shardsForPrefix(keys, prefix) {
    var found = keys.filter(function (k) { return k.indexOf(prefix) === 0; });
    var holder = longestKeyPrefixing(keys, prefix);
    if (holder !== null && isLeaf(keys, holder)) found.push(holder);
    return unique(found);
  }

  function fileStem(key) {
    if (/^[a-z0-9]+$/.test(key)) return "t-" + key;
    var hex = "";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "t-u-" + hex;
  }

  /* ---------- query parsing ---------- */

  /* Every word must match (AND); the word being typed also matches as a prefix. */
  function parseQuery(text, manifest, lang) {
    var words = tokenize(text);
    var typing = !/[\s\p{P}]$/u.test(text);
    var groups = [];
    words.forEach(function (word, i) {
      var exact = termVariants(word, lang);
      var prefixes = [];
      if (typing && i === words.length - 1) {
        prefixes = unique([fold(word)].concat(exact)).filter(function (p) {
          return p.length >= manifest.minPrefix;
        });
      }
      if (exact.length || prefixes.length) groups.push({ exact: exact, prefixes: prefixes });
    });
    return groups;
  }

  function shardsFor(groups, keys) {
    var names = [];
    groups.forEach(function (g) {
      g.exact.forEach(function (t) {
        var k = shardForTerm(keys, t);
        if (k !== null) names.push(fileStem(k));
      });
      g.prefixes.forEach(function (p) {
        shardsForPrefix(keys, p).forEach(function (k) { names.push(fileStem(k)); });
      });
    });
    return unique(names);
  }

  /* ---------- engine: lunr over the loaded shards ---------- */

  function Engine(manifest, load, lunr, stemmers) {
    this.manifest = manifest;
    this.load = load;
    this.lunr = lunr;
    this.lang = {
      stopWords: new Set(manifest.stopWords),
      // "none": a language with no stemmer at build time (text.py NO_STEMMER): folded words only
      stem: manifest.stemmer === "none" ? function (w) { return w; } : stemmers[manifest.stemmer]
    };
  }

  Engine.prototype.buildIndex = function (chunks) {
    var lunr = this.lunr;
    var fields = this.manifest.fields;
    var inverted = Object.create(null);
    var vectors = Object.create(null);
    var next = 0;
    chunks.forEach(function (chunk) {
      Object.keys(chunk.terms).sort().forEach(function (term) {
        var index = next++;
        var posting = { _index: index };
        fields.forEach(function (f) { posting[f] = Object.create(null); });
        chunk.terms[term].forEach(function (row) {
          var field = fields[row[0]];
          var doc = 0;
          for (var i = 1; i < row.length; i += 2) {
            doc += row[i];
            posting[field][doc] = {};
            var ref = field + "/" + doc;
            (vectors[ref] = vectors[ref] || []).push(index, row[i + 1] / 1000);
          }
        });
        inverted[term] = posting;
      });
    });
    var fieldVectors = Object.create(null);
    Object.keys(vectors).forEach(function (ref) { fieldVectors[ref] = new lunr.Vector(vectors[ref]); });
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(inverted).sort()),
      fields: fields,
      pipeline: new lunr.Pipeline()
    });
  };

  /* Resolves to {hits: [{ref, score, terms}], counts: {kind: n}, loaded: [names]}. */
  Engine.prototype.search = function (text, kinds) {
    var self = this;
    var lunr = this.lunr;
    var groups = parseQuery(text, this.manifest, this.lang);
    var names = shardsFor(groups, this.manifest.shards);
    if (!groups.length) return Promise.resolve({ hits: [], counts: {}, loaded: [], groups: groups });
    return Promise.all(names.map(this.load)).then(function (chunks) {
      var index = self.buildIndex(chunks);
      var matches = null;
      groups.forEach(function (g) {
        var found = Object.create(null);
        index.query(function (q) {
          g.exact.forEach(function (t) { q.term(t, { usePipeline: false, boost: 10 }); });
          g.prefixes.forEach(function (p) {
            q.term(p, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING });
          });
        }).forEach(function (r) {
          found[r.ref] = { score: r.score, terms: Object.keys(r.matchData.metadata) };
        });
        if (matches === null) {
          matches = found;
          return;
        }
        Object.keys(matches).forEach(function (ref) {
          if (!found[ref]) { delete matches[ref]; return; }
          matches[ref].score += found[ref].score;
          matches[ref].terms = matches[ref].terms.concat(found[ref].terms);
        });
      });
      var counts = {};
      var hits = [];
      Object.keys(matches).forEach(function (ref) {
        var kind = self.kindOf(Number(ref));
        counts[kind] = (counts[kind] || 0) + 1;
        if (!kinds || kinds.has(kind)) {
          hits.push({ ref: Number(ref), score: matches[ref].score, terms: matches[ref].terms });
        }
      });
      hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
      return { hits: hits, counts: counts, loaded: names, groups: groups };
    });
  };

  Engine.prototype.kindOf = function (ref) {
    var kinds = this.manifest.kinds;
    for (var i = 0; i < kinds.length; i++) {
      if (ref >= kinds[i].start && ref < kinds[i].end) return kinds[i].code;
    }
    return null;
  };

  /* Resolves to one record per hit: {url, title, kind, kindLabel, country, snippet}. */
  Engine.prototype.documents = function (hits) {
    var m = this.manifest;
    var names = unique(hits.map(function (h) { return "d-" + Math.floor(h.ref / m.storeSize); }));
    return Promise.all(names.map(this.load)).then(function (chunks) {
      var byName = {};
      chunks.forEach(function (c) { byName[c.name] = c; });
      var labels = {};
      m.kinds.forEach(function (k) { labels[k.code] = k.label; });
      return hits.map(function (h) {
        var chunk = byName["d-" + Math.floor(h.ref / m.storeSize)];
        var row = chunk.docs[h.ref - chunk.start];
        return {
          url: row[0], title: row[1], kind: row[2], kindLabel: labels[row[2]] || "",
          country: row[3] >= 0 ? m.countries[row[3]] : "", snippet: row[4]
        };
      });
    });
  };

  /* ---------- chunk loading by <script> injection ---------- */

  var registry = Object.create(null);
  var waiting = Object.create(null);

  function add(chunk) {
    registry[chunk.name] = chunk;
  }

  /* A file that did not load, with its address: Page.failure asks the network about it. */
  function failed(src) {
    var error = new Error("search: cannot load " + src);
    error.src = src;
    return error;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(failed(src)); };
      document.head.appendChild(s);
    });
  }

  function scriptLoader(base) {
    return function (name) {
      if (registry[name]) return Promise.resolve(registry[name]);
      if (!waiting[name]) {
        waiting[name] = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = base + name + ".js";
          s.async = true;
          s.onload = function () {
            if (registry[name]) resolve(registry[name]);
            else reject(new Error("search: " + name + ".js did not register"));
          };
          s.onerror = function () {
            delete waiting[name];
            reject(failed(s.src));
          };
          document.head.appendChild(s);
        });
      }
      return waiting[name];
    };
  }

  /* ---------- page: progressive enhancement of the search form ---------- */

  var PAGE = 10;  // results shown at first; each may need its own document-store shard
  var DEBOUNCE_MS = 180;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  /* Appends text to parent, wrapping words whose terms matched in <mark>. */
  function highlighted(parent, text, matched, lang) {
    var re = /[\p{L}\p{N}]+/gu;
    var last = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      var hit = termVariants(m[0].normalize("NFC").toLowerCase(), lang).some(function (t) {
        return matched.has(t);
      });
      if (!hit) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("mark", null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function Page(form) {
    this.form = form;
    this.input = form.querySelector("[data-search-input]");
    this.status = form.parentNode.querySelector("[data-search-status]");
    this.list = form.parentNode.querySelector("[data-search-results]");
    this.more = form.parentNode.querySelector("[data-search-more]");
    this.base = form.getAttribute("data-search-base");
    this.langRoot = form.getAttribute("data-lang-root") || "";
    if (this.langRoot && this.langRoot.slice(-1) !== "/") this.langRoot += "/";
    this.load = scriptLoader(this.base);
    this.sequence = 0;
    this.shown = PAGE;
  }

  Page.prototype.msg = function (name, values) {
    return format(this.form.getAttribute("data-msg-" + name) || "", values || {});
  };

  Page.prototype.start = function () {
    var self = this;
    var fallback = document.querySelectorAll("[data-search-nojs]");
    Array.prototype.forEach.call(fallback, function (n) { n.hidden = true; });
    this.form.hidden = false;
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.run(); });
    var timer = null;
    this.form.addEventListener("input", function (e) {
      if (e.target !== self.input) return;  // checkboxes fire input too; "change" handles them
      clearTimeout(timer);
      timer = setTimeout(function () { self.shown = PAGE; self.run(); }, DEBOUNCE_MS);
    });
    this.form.addEventListener("change", function (e) {
      if (e.target !== self.input) { self.shown = PAGE; self.run(); }
    });
    this.input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = self.list.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    this.list.addEventListener("keydown", function (e) { self.arrows(e); });
    if (this.more) {
      this.more.addEventListener("click", function () { self.shown += PAGE; self.run(); });
    }
    // The engine (lunr, stemmers, manifest: ~50 KB) loads when the reader comes to search.
    this.input.addEventListener("focus", function () { self.ready(); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) this.input.value = q;
    if (this.input.value) this.run();
  };

  Page.prototype.ready = function () {
    var self = this;
    if (!this.engine) {
      var vendor = this.form.getAttribute("data-vendor-base");
      var libs = [];
      if (!root.lunr) libs.push(loadScript(vendor + "lunr/lunr.min.js"));
      if (!root.LaboSnowball) libs.push(loadScript(vendor + "snowball/snowball.js"));
      libs.push(this.load("manifest"));
      this.engine = Promise.all(libs).then(function (loaded) {
        return new Engine(loaded[loaded.length - 1], self.load, root.lunr, root.LaboSnowball);
      });
      this.engine.catch(function (error) {
        self.engine = null;  // try again at the next query (the connection may be back)
        self.fail(error);
      });
    }
    return this.engine;
  };

  Page.prototype.arrows = function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === "ArrowDown" && i + 1 < links.length) links[i + 1].focus();
    else if (e.key === "ArrowUp") (i > 0 ? links[i - 1] : this.input).focus();
  };

  Page.prototype.selectedKinds = function () {
    var boxes = this.form.querySelectorAll("[data-search-kind]");
    var chosen = new Set();
    Array.prototype.forEach.call(boxes, function (b) { if (b.checked) chosen.add(b.value); });
    return chosen.size ? chosen : null;
  };

  /* Keep the query in the address (?q=) so Back and a shared link show the same results. */
  Page.prototype.remember = function (text) {
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", text);
      window.history.replaceState(null, "", url.href);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages: the search still works.
    }
  };

  /* The message for a file of the index that did not load (a promise): "offline" when the network cannot be
   * reached over HTTP (a part the service worker has not kept), else "error". navigator.onLine alone cannot
   * say: it stays true on a network with no way out (a phone with no data left, a LAN cut from the Internet),
   * and Chromium reports true on a page opened while offline. So the network is asked: a HEAD request for the
   * same file, which the service worker lets through (it answers GET requests only), fails only when the
   * network is out of reach. */
  Page.prototype.failure = function (error) {
    var self = this;
    var src = error && error.src;
    if (!this.form.getAttribute("data-msg-offline")) return Promise.resolve(this.msg("error"));
    if (typeof navigator !== "undefined" && navigator.onLine === false) return Promise.resolve(this.msg("offline"));
    if (!src || !/^https?:$/.test(window.location.protocol) || typeof fetch !== "function") {
      return Promise.resolve(this.msg("error"));
    }
    if (!error.verdict) {  // one question per failure: the engine's and the query's handlers both ask
      error.verdict = fetch(src, { method: "HEAD", cache: "no-store" }).then(
        function () { return self.msg("error"); },
        function () { return self.msg("offline"); });
    }
    return error.verdict;
  };

  /* Show the failure's message unless a newer query has answered since. */
  Page.prototype.fail = function (error, seq) {
    var self = this;
    return this.failure(error).then(function (text) {
      if (seq === undefined || seq === self.sequence) self.setStatus(text);
    });
  };

  Page.prototype.setStatus = function (text) {
    this.status.textContent = text;
  };

  Page.prototype.run = function () {
    var self = this;
    var seq = ++this.sequence;
    var text = this.input.value;
    var kinds = this.selectedKinds();
    if (!tokenize(text).length) {
      this.render([], 0, null);
      this.setStatus("");
      return Promise.resolve();
    }
    this.remember(text);
    this.setStatus(this.msg("loading"));
    return this.ready().then(function (engine) {
      return engine.search(text, kinds).then(function (result) {
        var visible = result.hits.slice(0, self.shown);
        return engine.documents(visible).then(function (docs) {
          if (seq !== self.sequence) return;  // a newer query already answered
          self.render(docs, result.hits.length, result, engine.lang);
        });
      });
    }).catch(function (error) {
      return self.fail(error, seq);
    });
  };

  Page.prototype.render = function (docs, total, result, lang) {
    var self = this;
    while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
    docs.forEach(function (doc, i) {
      var matched = new Set(result.hits[i].terms);
      var item = el("li", "search-result");
      var link = el("a", "search-result-title");
      link.href = self.langRoot + doc.url;
      // Titles and snippets are contributed text in any script (an Arabic name on a French page, a French
      // summary on an Arabic one): each takes the direction of its own first letter, isolated from the page's.
      link.dir = "auto";
      highlighted(link, doc.title, matched, lang);
      var heading = el("h3");
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = el("p", "search-result-meta");
      meta.appendChild(el("span", "search-result-kind", doc.kindLabel));
      if (doc.country) {
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(el("span", "search-result-country", doc.country));
      }
      item.appendChild(meta);
      if (doc.snippet) {
        var snippet = el("p", "search-result-snippet");
        snippet.dir = "auto";
        highlighted(snippet, doc.snippet, matched, lang);
        item.appendChild(snippet);
      }
      self.list.appendChild(item);
    });
    if (this.more) this.more.hidden = total <= docs.length;
    var counts = result ? result.counts : {};
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-search-count]"), function (n) {
      var kind = n.getAttribute("data-search-count");
      n.textContent = result ? " (" + (counts[kind] || 0) + ")" : "";
    });
    if (!result) return;
    if (!total) { this.setStatus(this.msg("none")); return; }
    var rules = new Intl.PluralRules(this.form.getAttribute("data-lang") || undefined);
    var form = rules.select(total) === "one" ? "one" : "other";
    this.setStatus(this.msg(form, { n: total.toLocaleString(this.form.getAttribute("data-lang") || undefined) }));
  };

  var api = {
    add: add,
    Engine: Engine,
    tokenize: tokenize,
    fold: fold,
    termVariants: termVariants,
    parseQuery: parseQuery,
    shardForTerm: shardForTerm,
    shardsForPrefix: shardsForPrefix,
    shardsFor: shardsFor,
    fileStem: fileStem
  };
  root.LaboSearch = api;
  if (typeof module === "object" && module.exports) module.exports = api;

  if (typeof document !== "undefined") {
    var init = function () {
      var forms = document.querySelectorAll("form[data-labo-search]");
      Array.prototype.forEach.call(forms, function (form) { new Page(form).start(); });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})(typeof window !== "undefined" ? window : globalThis);
