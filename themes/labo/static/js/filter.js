/* Instant filtering of the directory list; the facet pages work without it. */
(function () {
  "use strict";
  var form = document.getElementById("directory-filter");
  var list = document.getElementById("directory-list");
  var count = document.getElementById("result-count");
  if (!form || !list) { return; }
  var cards = Array.prototype.slice.call(list.children);
  var text = document.getElementById("filter-text");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var names = cards.map(function (card) { return fold(card.textContent); });
  function apply() {
    var q = fold(text.value.trim());
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = !q || names[i].indexOf(q) !== -1;
      selects.forEach(function (select) {
        if (ok && select.value) {
          var values = (card.getAttribute("data-" + select.getAttribute("data-facet")) || "").split(" ");
          ok = values.indexOf(select.value) !== -1;
        }
      });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var template = shown === 1 ? list.getAttribute("data-count-one") : list.getAttribute("data-count-many");
    count.textContent = template.replace("{n}", String(shown));
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
