/* Dates that stay true: a page built on one day may be read months later (a USB copy, an old cache).
   The build writes every time-dependent phrase for its own date, next to the absolute date; this script
   redoes them from the reader's clock.

   [data-until] / [data-from]: a region whose state is "before", "during" or "after" those moments; its
   [data-when] children are shown only in the states they name ("before during"). A value is an instant
   (2027-01-31T17:00+00:00) or a day (2027-01-31), read in the reader's time zone: until the end of that
   day, from its start.
   [data-days="2027-01-31"]: "{n} days left" from today to that day (data-one, data-other, data-zero). */
(function () {
  "use strict";
  var now = new Date();
  var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  function moment(value, end) {
    var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) { return new Date(+day[1], day[2] - 1, +day[3] + (end ? 1 : 0)); }
    return new Date(value);
  }
  function state(region) {
    var from = region.getAttribute("data-from");
    var until = region.getAttribute("data-until");
    if (until && now >= moment(until, true)) { return "after"; }
    if (from) { return now < moment(from, false) ? "before" : "during"; }
    return "before";
  }
  var regions = document.querySelectorAll("[data-until], [data-from]");
  Array.prototype.forEach.call(regions, function (region) {
    var current = state(region);
    region.setAttribute("data-state", current);
    Array.prototype.forEach.call(region.querySelectorAll("[data-when]"), function (part) {
      if (part.parentNode.closest("[data-until], [data-from]") === region) {
        part.hidden = part.getAttribute("data-when").split(" ").indexOf(current) === -1;
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-days]"), function (el) {
    var n = Math.round((moment(el.getAttribute("data-days"), false) - today) / 864e5);
    var text = n === 0 && el.getAttribute("data-zero") ? el.getAttribute("data-zero")
      : el.getAttribute(n === 1 ? "data-one" : "data-other");
    if (n >= 0 && text) { el.textContent = text.replace("{n}", String(n)); }
  });
})();
