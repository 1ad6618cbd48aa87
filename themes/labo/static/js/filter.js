/* The directory's filter control, enhanced. Without JavaScript each choice is a link to a static facet page;
   here the choices filter the list in place, several facets at once, with a name filter, and the choice is kept
   in the address (?pays=BF&secteur=agriculture&q=…), so that a reload or a shared link shows the same list. */
(function () {
  "use strict";
  var box = document.getElementById("directory-filter");
  var list = document.getElementById("directory-list");
  var count = document.getElementById("result-count");
  if (!box || !list || !count || !window.URLSearchParams) { return; }
  var each = function (items, fn) { Array.prototype.forEach.call(items, fn); };
  var cards = Array.prototype.slice.call(list.children);
  var groups = Array.prototype.slice.call(box.querySelectorAll("details[data-param]"));
  var text = document.getElementById("filter-text");
  var chosen = {};
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var names = cards.map(function (card) { return fold(card.textContent); });
  function option(group, code) {
    var found = null;
    each(group.querySelectorAll("a[data-code]"), function (a) {
      if (a.getAttribute("data-code") === code) { found = a; }
    });
    return found;
  }
  function show(group) {
    var current = option(group, chosen[group.getAttribute("data-param")] || "");
    group.querySelector(".facet-current").textContent = current.textContent;
    each(group.querySelectorAll("a[data-code]"), function (a) {
      if (a === current) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
    });
  }
  function apply() {
    var words = text ? fold(text.value.trim()) : "";
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = !words || names[i].indexOf(words) !== -1;
      groups.forEach(function (group) {
        var code = chosen[group.getAttribute("data-param")];
        if (ok && code) {
          ok = (card.getAttribute("data-" + group.getAttribute("data-facet")) || "").split(" ").indexOf(code) !== -1;
        }
      });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var template = list.getAttribute(shown === 1 ? "data-count-one" : "data-count-many");
    count.textContent = template.replace("{n}", String(shown));
    groups.forEach(show);
  }
  function remember(step) {
    var params = new URLSearchParams();
    groups.forEach(function (group) {
      var param = group.getAttribute("data-param");
      if (chosen[param]) { params.set(param, chosen[param]); }
    });
    if (text && text.value.trim()) { params.set("q", text.value.trim()); }
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    try {  // a choice is a step Back undoes, as a link would be; typing only updates the address
      if (step) { history.pushState(null, "", url); } else { history.replaceState(null, "", url); }
    } catch (e) { /* some browsers refuse it from file://: the list is filtered all the same */ }
  }
  function restore() {
    var params = new URLSearchParams(location.search);
    chosen = {};
    groups.forEach(function (group) {
      var param = group.getAttribute("data-param");
      var code = params.get(param);
      if (code && option(group, code)) { chosen[param] = code; }
    });
    if (text) { text.value = params.get("q") || ""; }
    apply();
  }
  if (text) {
    text.parentNode.hidden = false;
    text.addEventListener("input", function () { apply(); remember(false); });
  }
  window.addEventListener("popstate", restore);
  box.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a[data-code]") : null;
    if (!a || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();  // a new tab or window still opens the static page
    var group = a.closest("details");
    chosen[group.getAttribute("data-param")] = a.getAttribute("data-code");
    group.open = false;
    apply();
    remember(true);
    group.querySelector("summary").focus();
  });
  // One list open at a time.
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open) { groups.forEach(function (other) { if (other !== group) { other.open = false; } }); }
    });
  });
  restore();
})();
