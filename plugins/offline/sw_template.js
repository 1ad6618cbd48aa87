/* Service worker of the site, written by plugins/offline at build time (do not edit sw.js by hand).
 *
 * - install: precache the shell (stylesheets, scripts, home, search and offline pages of every language);
 * - HTML: network first, the copy kept for reading offline; when both fail, the offline page of the language;
 * - other files: cache first (the cache name changes with every build, so nothing stale survives a new one);
 * - activate: delete this site's caches of earlier builds.
 * Served from disk (file://) a service worker never runs: the site works without it.
 */
"use strict";

var CONFIG = /*CONFIG*/;

var SCOPE = self.registration.scope;
var PREFIX = "labo-offline:" + SCOPE + ":";
var SHELL = PREFIX + "shell-" + CONFIG.version;
var RUNTIME = PREFIX + "runtime-" + CONFIG.version;

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
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.map(function (name) {
          if (name.indexOf(PREFIX) === 0 && name !== SHELL && name !== RUNTIME) {
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

function keep(request, response) {
  /* A redirected response cannot answer a navigation later: Chromium refuses it. */
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
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
  return caches.open(SHELL)
    .then(function (cache) { return cache.match(request, options); })
    .then(function (hit) {
      return hit || caches.open(RUNTIME).then(function (cache) { return cache.match(request, options); });
    });
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

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.headers.has("Range") || request.url.indexOf(SCOPE) !== 0) {
    return;
  }
  event.respondWith(isPage(request) ? page(request) : asset(request));
});
