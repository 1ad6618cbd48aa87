/* Registers the offline service worker (sw.js at the site root) when the site is served over http(s).
 * Opened from disk (file:) there are no service workers: do nothing, and never throw. */
(function () {
  "use strict";
  try {
    var protocol = window.location.protocol;
    if ((protocol !== "http:" && protocol !== "https:") || !("serviceWorker" in navigator)) {
      return;
    }
    var script = document.currentScript || document.querySelector("script[src$='sw-register.js']");
    if (!script) {
      return;
    }
    /* data-sw="{{ SITEURL }}/sw.js" names the worker relative to the page; else it is two folders up. */
    var given = script.getAttribute("data-sw");
    var url = given ? new URL(given, document.baseURI) : new URL("../../sw.js", script.src);
    var register = function () {
      navigator.serviceWorker.register(url.href, { updateViaCache: "none" })["catch"](function () {});
    };
    if (document.readyState === "complete") {
      register();
    } else {
      window.addEventListener("load", register);
    }
  } catch (ignored) {
    /* An old browser without URL or service workers reads the site as it is. */
  }
}());
