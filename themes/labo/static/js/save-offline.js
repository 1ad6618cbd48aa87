/* "Save search for offline use" (partials/search_offline.html): asks the service worker (sw.js, written by
 * plugins/offline) how big this language's search index is, says so, and on the button has it download every
 * file of the index, showing the progress. The section stays hidden where no service worker runs: from disk
 * (file://, where search reads the index from the disk anyway), without JavaScript, in old browsers.
 * No innerHTML: every text reaches the page through textContent.
 */
(function () {
  "use strict";
  var section = document.querySelector("[data-save-offline]");
  var protocol = window.location.protocol;
  if (!section || (protocol !== "http:" && protocol !== "https:") || !("serviceWorker" in navigator) ||
      typeof MessageChannel === "undefined") {
    return;
  }
  var lang = section.getAttribute("data-lang") || undefined;
  var folder = new URL(section.getAttribute("data-search-folder"), document.baseURI).href;
  var button = section.querySelector("[data-save-button]");
  var size = section.querySelector("[data-save-size]");
  var status = section.querySelector("[data-save-status]");
  var bar = section.querySelector("[data-save-progress]");
  var shown = -1;  // the last tenth of the progress spoken in the status line

  function msg(name, values) {
    return (section.getAttribute("data-msg-" + name) || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values || {}, key) ? String(values[key]) : all;
    });
  }

  function number(n, digits) {
    return n.toLocaleString(lang, { maximumFractionDigits: digits || 0 });
  }

  function bytes(n) {
    return n < 1024 * 1024 ? msg("kb", { n: number(Math.max(1, Math.round(n / 1024))) })
      : msg("mb", { n: number(n / (1024 * 1024), 1) });
  }

  /* Sends {action} to the active worker; `answer` hears every reply (progress comes as several). */
  function ask(action, answer) {
    navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { answer(event.data || {}); };
      registration.active.postMessage({ type: "labo-search", action: action, folder: folder }, [channel.port2]);
    });
  }

  function show(reply) {
    if (reply.state === "unknown") {
      section.hidden = true;
      return;
    }
    if (reply.files !== undefined) {
      size.textContent = msg("size", { files: number(reply.files), size: bytes(reply.bytes) });
    }
    if (reply.state === "status") {
      section.hidden = false;
    } else if (reply.state === "saved") {
      section.hidden = false;
      button.hidden = true;
      bar.hidden = true;
      status.textContent = msg("saved");
      section.setAttribute("data-state", "saved");
    } else if (reply.state === "progress") {
      bar.hidden = false;
      bar.max = reply.total;
      bar.value = reply.done;
      var tenth = Math.floor((10 * reply.done) / reply.total);
      if (tenth !== shown) {  // a screen reader hears ten updates, not one per file
        shown = tenth;
        status.textContent = msg("saving", { done: number(reply.done), total: number(reply.total) });
      }
    } else if (reply.state === "failed") {
      button.disabled = false;
      bar.hidden = true;
      status.textContent = msg("failed");
      section.setAttribute("data-state", "failed");
    }
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    if (navigator.storage && navigator.storage.persist) {
      /* Asked on the reader's own gesture: a browser short of space then keeps the saved index. */
      navigator.storage.persist()["catch"](function () {});
    }
    shown = -1;
    status.textContent = msg("saving", { done: 0, total: "…" });
    section.setAttribute("data-state", "saving");
    ask("save", show);
  });
  ask("status", show);
}());
