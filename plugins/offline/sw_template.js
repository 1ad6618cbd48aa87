/* Service worker of the site, written by plugins/offline at build time (do not edit sw.js by hand).
 *
 * Caches (each name ends with the build version, so a new build never serves an older build's files):
 * - shell: precached at install: home, search and offline pages of every language, the stylesheets, scripts
 *   and icons they load, and the files of OFFLINE["precache"] (the search engine, each language's manifest);
 * - search: the files of each language's search index (CONFIG.search), cache first, kept as a query loads
 *   them and never trimmed (an index is a few hundred KB to a few MB); every file of a language's index when
 *   the reader presses "save for offline use" (a message from theme/js/save-offline.js);
 * - runtime: the other pages and files read, at most CONFIG.maxEntries, oldest first out;
 * - saved (no version): the index folders the reader saved; the next build's worker saves them again while
 *   it installs, and does not take over until it has (a saved search never half works after a deploy).
 * Strategies: HTML network first, the copy kept for reading offline, else the offline page of the language;
 * every other file cache first. activate deletes this site's caches of earlier builds.
 * Served from disk (file://) a service worker never runs: the site works without it.
 */
"use strict";

var CONFIG = /*CONFIG*/;

var SCOPE = self.registration.scope;
var PREFIX = "labo-offline:" + SCOPE + ":";
var SHELL = PREFIX + "shell-" + CONFIG.version;
var RUNTIME = PREFIX + "runtime-" + CONFIG.version;
var SEARCH = PREFIX + "search-" + CONFIG.version;
var SAVED = PREFIX + "saved";
var PARALLEL = 4;  // index files fetched at once while saving

function absolute(path) {
  return new URL(path, SCOPE).href;
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL)
      .then(function (cache) {
        /* cache: "reload": a copy in the HTTP cache may be older than this build. */
        return cache.addAll(CONFIG.precache.map(function (path) {
          return new Request(absolute(path), { cache: "reload" });
        }));
      })
      .then(saveAgain)
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  var kept = [SHELL, RUNTIME, SEARCH, SAVED];
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.map(function (name) {
          if (name.indexOf(PREFIX) === 0 && kept.indexOf(name) === -1) {
            return caches.delete(name);
          }
          return null;
        }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function isPage(request) {
  return request.mode === "navigate" || (request.headers.get("Accept") || "").indexOf("text/html") !== -1;
}

function usable(response) {
  /* A redirected response cannot answer a navigation later: Chromium refuses it. */
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

function keep(request, response) {
  if (!usable(response)) {
    return;
  }
  var copy = response.clone();
  caches.open(RUNTIME).then(function (cache) {
    return cache.put(request, copy).then(function () { return trim(cache); });
  });
}

/* Keep at most CONFIG.maxEntries pages and files read, oldest first out. */
function trim(cache) {
  return cache.keys().then(function (keys) {
    var extra = keys.length - CONFIG.maxEntries;
    return Promise.all(keys.slice(0, Math.max(extra, 0)).map(function (key) { return cache.delete(key); }));
  });
}

/* The offline page in the language of `url`: CONFIG.offline lists language folders first, the root last. */
function offlinePage(url) {
  var rel = url.href.slice(SCOPE.length);
  var pages = CONFIG.offline;
  for (var i = 0; i < pages.length; i += 1) {
    if (rel.indexOf(pages[i].prefix) === 0) {
      return pages[i].path;
    }
  }
  return null;
}

/* Only this build's caches: caches.match() would also search the caches of an earlier build. */
function lookup(request, options) {
  return [SHELL, SEARCH, RUNTIME].reduce(function (found, name) {
    return found.then(function (hit) {
      return hit || caches.open(name).then(function (cache) { return cache.match(request, options); });
    });
  }, Promise.resolve(undefined));
}

/* A page kept from an earlier visit; "folder/" is the same page as "folder/index.html". */
function cachedPage(request) {
  return lookup(request, { ignoreSearch: true }).then(function (hit) {
    var url = request.url.split("#")[0].split("?")[0];
    if (hit || url.slice(-1) !== "/") {
      return hit;
    }
    return lookup(url + "index.html");
  });
}

function page(request) {
  return fetch(request)
    .then(function (response) {
      keep(request, response);
      return response;
    })
    .catch(function () {
      return cachedPage(request).then(function (hit) {
        if (hit) {
          return hit;
        }
        var fallback = offlinePage(new URL(request.url));
        if (fallback && request.mode === "navigate") {
          /* A redirect, not the page itself: its relative links must resolve from its own address. */
          return Response.redirect(absolute(fallback), 302);
        }
        return Response.error();
      });
    });
}

function asset(request) {
  return lookup(request).then(function (hit) {
    /* cache: "no-cache" revalidates with the server once per build, so a stale HTTP copy is not kept. */
    return hit || fetch(new Request(request, { cache: "no-cache" })).then(function (response) {
      keep(request, response);
      return response;
    });
  });
}

/* ---------- the search index ---------- */

/* The folder of CONFIG.search that holds `url` (an index file: manifest.js, t-….js, d-….js), else null. */
function searchFolder(url) {
  var rel = url.split("#")[0].split("?")[0].slice(SCOPE.length);
  for (var i = 0; i < CONFIG.search.length; i += 1) {
    var folder = CONFIG.search[i].folder;
    if (rel.indexOf(folder) === 0 && /^[a-z0-9-]+\.js$/.test(rel.slice(folder.length))) {
      return CONFIG.search[i];
    }
  }
  return null;
}

/* An index file from this build's caches, else from the network, then kept in the search cache. Resolves once
 * the copy is stored (saving waits for every file), rejects when neither has it. */
function searchFile(url) {
  return lookup(url).then(function (hit) {
    if (hit) {
      return hit;
    }
    return fetch(new Request(url, { cache: "no-cache" })).then(function (response) {
      if (!usable(response)) {
        throw new Error("search: " + url + " answered " + response.status);
      }
      var copy = response.clone();
      return caches.open(SEARCH)
        .then(function (cache) { return cache.put(url, copy); })
        .then(function () { return response; });
    });
  });
}

/* <index-files> Names of every file of an index, from its manifest (twin of search.index.search_files and of
 * search.js fileStem; tests/offline compares them). */
function fileStem(key) {
  if (/^[a-z0-9]+$/.test(key)) {
    return "t-" + key;
  }
  var hex = "";
  new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
  return "t-u-" + hex;
}

function indexFiles(manifest) {
  var names = ["manifest"];
  manifest.shards.forEach(function (key) { names.push(fileStem(key)); });
  for (var n = 0; n * manifest.storeSize < manifest.docCount; n += 1) {
    names.push("d-" + n);
  }
  return names.map(function (name) { return name + ".js"; });
}
/* </index-files> */

/* The data of an index file: `LaboSearch.add({...});` */
function chunkData(text) {
  return JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")));
}

/* Every file of the index in `folder` into the search cache; `report` hears the progress. */
function saveIndex(folder, report) {
  var base = absolute(folder);
  return searchFile(base + "manifest.js")
    .then(function (response) { return response.clone().text(); })
    .then(function (text) {
      var urls = indexFiles(chunkData(text)).map(function (name) { return base + name; });
      var queue = urls.slice();
      var done = 0;
      var next = function () {
        var url = queue.shift();
        if (url === undefined) {
          return null;
        }
        return searchFile(url).then(function () {
          done += 1;
          report({ state: "progress", done: done, total: urls.length });
          return next();
        });
      };
      var workers = [];
      for (var i = 0; i < PARALLEL; i += 1) {
        workers.push(next());
      }
      return Promise.all(workers).then(function () {
        return caches.open(SAVED).then(function (cache) {
          return cache.put(base, new Response(CONFIG.version));
        });
      }).then(function () { return urls.length; });
    });
}

function isSaved(folder) {
  return caches.open(SAVED)
    .then(function (cache) { return cache.match(absolute(folder)); })
    .then(function (hit) { return hit ? hit.text() : ""; })
    .then(function (version) { return version === CONFIG.version; });
}

/* At install: the indexes the reader saved with an earlier build, saved again from this build. */
function saveAgain() {
  return caches.open(SAVED).then(function (cache) {
    return Promise.all(CONFIG.search.map(function (index) {
      return cache.match(absolute(index.folder)).then(function (hit) {
        return hit ? saveIndex(index.folder, function () {}) : null;
      });
    }));
  });
}

/* Messages of theme/js/save-offline.js: {type: "labo-search", action: "status" | "save", folder: absolute URL},
 * answered on the port given with the message. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "labo-search" || !port || typeof data.folder !== "string") {
    return;
  }
  var index = data.folder.indexOf(SCOPE) === 0 ? searchFolder(data.folder + "manifest.js") : null;
  if (!index) {
    port.postMessage({ state: "unknown" });
    return;
  }
  var figures = { files: index.files, bytes: index.bytes };
  if (data.action === "status") {
    event.waitUntil(isSaved(index.folder).then(function (saved) {
      port.postMessage({ state: saved ? "saved" : "status", files: figures.files, bytes: figures.bytes });
    }));
  } else if (data.action === "save") {
    event.waitUntil(saveIndex(index.folder, function (progress) { port.postMessage(progress); })
      .then(function () {
        port.postMessage({ state: "saved", files: figures.files, bytes: figures.bytes });
      })
      ["catch"](function () { port.postMessage({ state: "failed" }); }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.headers.has("Range") || request.url.indexOf(SCOPE) !== 0) {
    return;
  }
  if (searchFolder(request.url)) {
    event.respondWith(searchFile(request.url));
  } else {
    event.respondWith(isPage(request) ? page(request) : asset(request));
  }
});
