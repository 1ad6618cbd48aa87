/* Propose-an-entry form: checks the fields with the rules generated from the content model
   (theme/js/propose-rules.js), writes the Markdown file, and offers three ways to send it.
   Without this script the page explains how to do the same with a template.
   The functions in `api` are also run under Node by tests/contribute (same cases as the Python side). */
(function () {
  "use strict";

  // -- file names and links (mirror plugins/contribute/links.py) ------------------------------------------
  var LIGATURES = { "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'" };

  function slugify(text, max) {
    max = max || 60;
    var s = String(text).replace(/[œŒæÆß’‘ʼ]/g, function (c) { return LIGATURES[c]; });
    s = s.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    s = s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (s.length > max) {
      var cut = s.slice(0, max + 1);
      s = (cut.indexOf("-") !== -1 ? cut.slice(0, cut.lastIndexOf("-")) : cut.slice(0, max)).replace(/^-+|-+$/g, "");
    }
    return s;
  }

  function uniqueSlug(base, taken) {
    var set = {};
    (taken || []).forEach(function (t) { set[t] = true; });
    if (!set[base]) { return base; }
    var n = 2;
    while (set[base + "-" + n]) { n += 1; }
    return base + "-" + n;
  }

  function normaliseText(content) {
    return String(content).replace(/\r\n?/g, "\n").replace(/\n+$/, "") + "\n";
  }

  function hostOf(repository) {
    var m = /^[a-z][a-z0-9+.-]*:\/\/([^\/?#]*)/i.exec(repository || "");
    var host = m ? m[1].replace(/^.*@/, "").replace(/:\d+$/, "").toLowerCase() : "";
    return host === "gitlab.com" || host.indexOf("gitlab.") === 0 ? "gitlab" : "github";
  }

  function newFileUrl(repository, branch, folder, filename, content, maxLength) {
    var repo = String(repository).replace(/\/+$/, "");
    var folderPath = String(folder).split("/").filter(Boolean).map(encodeURIComponent).join("/");
    var value = encodeURIComponent(normaliseText(content));
    var url = hostOf(repo) === "gitlab"
      ? repo + "/-/new/" + encodeURIComponent(branch) + "/" + folderPath + "?file_name=" + encodeURIComponent(filename) + "&content=" + value
      : repo + "/new/" + encodeURIComponent(branch) + "/" + folderPath + "?filename=" + encodeURIComponent(filename) + "&value=" + value;
    return url.length <= (maxLength || 8000) ? url : null;
  }

  function mailtoUrl(address, subject, body, maxLength) {
    var text = normaliseText(body).replace(/\n/g, "\r\n");
    var url = "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(text);
    return url.length <= (maxLength || 2000) ? url : null;
  }

  // -- YAML (mirror plugins/contribute/yamltext.py) --------------------------------------------------------
  var SIMPLE = { "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t" };

  function needsEscape(code) {
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  }

  function yamlString(text) {
    var out = "\"";
    var s = String(text);
    for (var i = 0; i < s.length; i += 1) {
      var ch = s.charAt(i);
      var code = s.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
        var next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { out += ch + s.charAt(i + 1); i += 1; continue; }
      }
      if (SIMPLE[ch]) { out += SIMPLE[ch]; }
      else if (code >= 0xd800 && code <= 0xdfff) { out += "\ufffd"; }
      else if (needsEscape(code)) { out += "\\u" + ("000" + code.toString(16)).slice(-4); }
      else { out += ch; }
    }
    return out + "\"";
  }

  function yamlLongText(text, indent) {
    var s = String(text);
    var safe = s.indexOf("\n") !== -1;
    for (var i = 0; safe && i < s.length; i += 1) {
      var code = s.charCodeAt(i);
      if (code !== 10 && code !== 9 && needsEscape(code)) { safe = false; }
      if (code >= 0xd800 && code <= 0xdfff) { safe = false; }
    }
    if (!safe || /^\s/.test(s)) { return " " + yamlString(s); }
    return " |-\n" + s.split("\n").map(function (line) { return line ? indent + "  " + line : ""; }).join("\n");
  }

  // -- values: read, checked and written per field type ------------------------------------------------------
  var NUMBER_TYPES = { integer: 1, year: 1, amount: 1, percent: 1, latitude: 1, longitude: 1, sdg: 1 };

  function isEmpty(value) {
    return value === undefined || value === null || value === "" || value === false ||
      (Array.isArray(value) && value.length === 0);
  }

  function realDate(text, limits) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) { return false; }
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d &&
      y >= limits.firstYear && y <= limits.lastYear;
  }

  function problem(key, params) { return { key: key, params: params || {} }; }

  var worldZones = null;
  function knownZone(value, rules) {
    if (rules.timezones.indexOf(value) !== -1) { return true; }
    if (worldZones === null) {
      worldZones = typeof Intl !== "undefined" && Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [];
    }
    return worldZones.length ? worldZones.indexOf(value) !== -1 : /^[A-Za-z]+\/[A-Za-z0-9_+\/-]+$/.test(value);
  }

  function splitList(text) {
    return String(text).split(/[,;\n]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function hostname(url) {
    var m = /^[a-z][a-z0-9+.-]*:\/\/([^\/?#]*)/i.exec(url);
    return m ? m[1].replace(/^.*@/, "").replace(/:\d*$/, "") : "";
  }

  /* Check one scalar (already trimmed, non-empty); return a problem or null. */
  function checkOne(field, value, rules) {
    var limits = rules.limits, p = rules.patterns, n;
    switch (field.type) {
      case "text":
        if (/\n/.test(value)) { return problem("one_line"); }
        return value.length > limits.text ? problem("too_long", { num: limits.text }) : null;
      case "longtext":
        return value.length > limits.longtext ? problem("too_long", { num: limits.longtext }) : null;
      case "integer": case "year": case "sdg":
        if (!/^-?\d+$/.test(value)) { return problem("whole"); }
        n = +value;
        if (field.type === "year" && (n < limits.firstYear || n > limits.thisYear)) {
          return problem("range", { min: limits.firstYear, max: limits.thisYear });
        }
        if (field.type === "sdg" && (n < 1 || n > 17)) { return problem("range", { min: 1, max: 17 }); }
        return null;
      case "amount": case "percent": case "latitude": case "longitude":
        if (!/^-?\d+(\.\d+)?$/.test(value)) { return problem("number"); }
        n = +value;
        var range = { amount: [0, 1e15], percent: [0, 100], latitude: [-90, 90], longitude: [-180, 180] }[field.type];
        if (field.type === "amount" && n < 0) { return problem("negative"); }
        return n < range[0] || n > range[1] ? problem("range", { min: range[0], max: range[1] }) : null;
      case "date":
        return realDate(value, limits) ? null : problem("date", { min: limits.firstYear, max: limits.lastYear });
      case "datetime":
        var parts = value.split(" ");
        if (!realDate(parts[0], limits)) { return problem("date", { min: limits.firstYear, max: limits.lastYear }); }
        if (parts.length > 1 && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(parts[1])) { return problem("time"); }
        return null;
      case "date_or_year":
        if (/^\d{4}$/.test(value)) {
          n = +value;
          return n < limits.firstYear || n > limits.thisYear ? problem("range", { min: limits.firstYear, max: limits.thisYear }) : null;
        }
        return realDate(value, limits) ? null : problem("year_or_date");
      case "timezone":
        return knownZone(value, rules) ? null : problem("timezone");
      case "url":
        if (/[\s\x00-\x1f]/.test(value) || !/^https?:\/\//i.test(value) || hostname(value).indexOf(".") === -1) {
          return problem("url");
        }
        return null;
      case "email":
        var address = value.replace(/^mailto:/i, "");
        return new RegExp(p.email).test(address) && address.length <= 254 ? null : problem("email");
      case "phone":
        return new RegExp(p.phone).test(value) ? null : problem("phone");
      case "handle":
        return new RegExp(p.handle).test(value.replace(/^@/, "")) ? null : problem("handle");
      case "slug":
        return new RegExp(p.slug).test(value) ? null : problem("slug");
      case "choice":
        return field.choices.indexOf(value) === -1 ? problem("choose") : null;
      case "ref":
        var known = (rules.refs[field.ref] || []).some(function (item) { return item[0] === value; });
        return known ? null : problem("choose");
      default:
        return null;
    }
  }

  /* Typed value for the file: numbers as numbers, the rest as text. */
  function typed(field, value) {
    if (NUMBER_TYPES[field.type]) { return +value; }
    if (field.type === "date_or_year" && /^\d{4}$/.test(value)) { return +value; }
    if (field.type === "handle") { return value.replace(/^@/, ""); }
    if (field.type === "email") { return value.replace(/^mailto:/i, ""); }
    return value;
  }

  function parent(path) { return path.indexOf(".") === -1 ? "" : path.slice(0, path.lastIndexOf(".")); }

  /* Check every field and the cross-field rules. values: {path: string | string[] | boolean} as read
     from the form. Returns {errors: [{path, key, params}], data: {path: typed value}}. */
  function check(kindRules, values, rules) {
    var errors = [], data = {}, byPath = {};
    kindRules.fields.forEach(function (f) { byPath[f.path] = f; });
    function started(path) {
      return kindRules.fields.some(function (f) {
        return f.type !== "object" && f.path.indexOf(path + ".") === 0 && !isEmpty(clean(values[f.path]));
      });
    }
    function active(path) {  // must a required field under `path` be given?
      if (!path) { return true; }
      var f = byPath[path];
      return started(path) || (f.required && active(parent(path)));
    }
    function clean(v) {
      if (Array.isArray(v)) { return v.map(function (s) { return String(s).trim(); }).filter(Boolean); }
      return typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v;
    }
    kindRules.fields.forEach(function (f) {
      if (f.type === "object") { return; }
      var v = clean(values[f.path]);
      if (f.many && typeof v === "string") { v = splitList(v); }
      if (isEmpty(v)) {
        if (f.required && active(parent(f.path))) {
          errors.push({ path: f.path, key: parent(f.path) && !byPath[parent(f.path)].required ? "group_required" : "required", params: {} });
        }
        return;
      }
      if (f.type === "bool") { data[f.path] = v === true || v === "true" || v === "on"; return; }
      var items = f.many ? v : [v], out = [], seen = {};
      for (var i = 0; i < items.length; i += 1) {
        var item = typeof items[i] === "string" ? items[i] : String(items[i]);
        var bad = checkOne(f, item, rules);
        if (bad) { errors.push({ path: f.path, key: bad.key, params: bad.params }); return; }
        var t = typed(f, item);
        if (seen[String(t)]) { errors.push({ path: f.path, key: "twice", params: {} }); return; }
        seen[String(t)] = true;
        out.push(t);
      }
      data[f.path] = f.many ? out : out[0];
    });
    kindRules.cross.forEach(function (rule) {
      var found = CROSS[rule.rule](rule, data, values, started, rules);
      if (found) { errors.push(found); }
    });
    return { errors: errors, data: data };
  }

  function day(value) { return typeof value === "string" ? value.slice(0, 10) : value; }
  function hasTime(value) { return typeof value === "string" && value.length > 10; }

  /* The cross-field rules of plugins/content_model/checks.py, as listed in rules.CROSS_RULES. */
  var CROSS = {
    end_after_start: function (r, d) {
      var s = d[r.start], e = d[r.end];
      if (s === undefined || e === undefined) { return null; }
      if (hasTime(s) !== hasTime(e)) { return { path: r.end, key: "same_form", params: {} }; }
      return e < s ? { path: r.end, key: "end_before_start", params: {} } : null;
    },
    timezone_with_time: function (r, d) {
      var timed = r.times.some(function (t) { return hasTime(d[t]); });
      return timed && d[r.timezone] === undefined ? { path: r.timezone, key: "timezone_needed", params: {} } : null;
    },
    not_both: function (r, d, v, started) {
      return d[r.a] && started(r.b) ? { path: r.a, key: r.message, params: {} } : null;
    },
    date_not_after: function (r, d) {
      var a = d[r.date], b = d[r.limit];
      return a !== undefined && b !== undefined && day(a) > day(b) ? { path: r.date, key: r.message, params: {} } : null;
    },
    date_not_before: function (r, d) {
      var a = d[r.date], b = d[r.limit];
      return a !== undefined && b !== undefined && day(a) < day(b) ? { path: r.date, key: r.message, params: {} } : null;
    },
    positive: function (r, d) {
      return d[r.field] === 0 ? { path: r.field, key: r.message, params: {} } : null;
    },
    not_below: function (r, d) {
      var a = d[r.field], b = d[r.limit];
      return a !== undefined && b !== undefined && a < b ? { path: r.field, key: r.message, params: {} } : null;
    },
    sums_to: function (r, d) {
      var parts = Object.keys(d).filter(function (k) { return k.indexOf(r.group + ".") === 0; });
      if (parts.length < 3) { return null; }
      var sum = parts.reduce(function (acc, k) { return acc + d[k]; }, 0);
      return Math.abs(sum - r.total) > 1e-9 ? { path: r.group, key: r.message, params: { num: +sum.toFixed(6) } } : null;
    },
    exactly_one: function (r, d) {
      return (d[r.a] === undefined) === (d[r.b] === undefined) ? { path: r.a, key: r.message, params: {} } : null;
    },
    one_given: function (r, d, v, started) {
      var any = r.paths.some(function (p) { return d[p] !== undefined || started(p); });
      return any ? null : { path: r.paths[0], key: r.message, params: {} };
    },
    group_if: function (r, d, v, started) {
      return d[r.field] === r.value && !started(r.group) ? { path: r.group, key: r.message, params: {} } : null;
    },
    currency_precision: function (r, d, v, started, rules) {
      var currency = d[r.currency], raw = String(v[r.amount] || "").trim();
      if (currency === undefined || d[r.amount] === undefined) { return null; }
      var digits = currency in rules.currencyDigits ? rules.currencyDigits[currency] : 2;
      var decimals = (raw.split(".")[1] || "").replace(/0+$/, "").length;
      return decimals > digits
        ? { path: r.amount, key: r.message, params: { currency: currency, num: digits } } : null;
    }
  };

  function scalarYaml(field, value, indent) {
    if (typeof value === "number" || typeof value === "boolean") { return " " + String(value); }
    if (field.type === "date" || (field.type === "date_or_year" && /^\d{4}-\d{2}-\d{2}$/.test(value)) ||
        (field.type === "datetime" && !hasTime(value))) {
      return " " + value;
    }
    if (field.type === "longtext") { return yamlLongText(value, indent); }
    return " " + yamlString(value);
  }

  /* The Markdown file: YAML front matter in the model's field order, then the body. */
  function buildFile(kindRules, data, body) {
    var lines = ["---"];
    kindRules.fields.forEach(function (f) {
      var depth = f.path.split(".").length - 1;
      var indent = new Array(depth + 1).join("  ");
      var name = f.path.slice(f.path.lastIndexOf(".") + 1);
      if (f.type === "object") {
        var any = Object.keys(data).some(function (k) { return k.indexOf(f.path + ".") === 0; });
        if (any) { lines.push(indent + name + ":"); }
        return;
      }
      if (!(f.path in data)) { return; }
      var value = data[f.path];
      if (f.many) {
        lines.push(indent + name + ": [" + value.map(function (v) {
          return typeof v === "number" ? String(v) : yamlString(v);
        }).join(", ") + "]");
      } else {
        lines.push(indent + name + ":" + scalarYaml(f, value, indent));
      }
    });
    lines.push("---");
    var text = String(body || "").replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
    return lines.join("\n") + "\n" + (text ? "\n" + text + "\n" : "");
  }

  function format(template, params) {
    return String(template).replace(/%\((\w+)\)s/g, function (m, k) { return k in params ? String(params[k]) : m; });
  }

  var api = {
    slugify: slugify, uniqueSlug: uniqueSlug, normaliseText: normaliseText, hostOf: hostOf,
    newFileUrl: newFileUrl, mailtoUrl: mailtoUrl, yamlString: yamlString, check: check, buildFile: buildFile,
    format: format, CROSS: CROSS
  };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  // -- the page ---------------------------------------------------------------------------------------------
  var rules = window.LABO_PROPOSE;
  var form = document.getElementById("propose-form");
  if (!rules || !form || !rules.kinds[form.getAttribute("data-kind")]) { return; }
  var kindName = form.getAttribute("data-kind");
  var kindRules = rules.kinds[kindName];
  var lang = document.documentElement.lang in rules.messages ? document.documentElement.lang : Object.keys(rules.messages)[0];
  var messages = rules.messages[lang];
  var slugInput = document.getElementById("f-slug");
  var result = document.getElementById("propose-result");
  var summary = document.getElementById("propose-errors");
  var slugTouched = false;
  var file = { text: "", name: "" };

  function idOf(path) { return "f-" + path.replace(/\./g, "-").replace(/_/g, "-"); }

  function fill(select, items) {
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item[0];
      option.textContent = item[1];
      select.appendChild(option);
    });
  }
  Array.prototype.forEach.call(form.querySelectorAll("select[data-ref]"), function (select) {
    fill(select, rules.refs[select.getAttribute("data-ref")] || []);
  });

  function read() {
    var values = {};
    kindRules.fields.forEach(function (f) {
      if (f.type === "object") { return; }
      var el = document.getElementById(idOf(f.path));
      if (!el) { return; }
      if (f.type === "datetime") {
        var date = document.getElementById(idOf(f.path) + "-date").value.trim();
        var time = document.getElementById(idOf(f.path) + "-time").value.trim();
        values[f.path] = date && time ? date + " " + time : (time ? "?" + time : date);
      } else if (el.tagName === "FIELDSET") {
        values[f.path] = Array.prototype.filter.call(el.querySelectorAll("input[type=checkbox]"), function (c) {
          return c.checked;
        }).map(function (c) { return c.value; });
      } else if (el.type === "checkbox") {
        values[f.path] = el.checked;
      } else if (el.multiple) {
        values[f.path] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        values[f.path] = el.value;
      }
    });
    return values;
  }

  function titleValue() {
    var el = document.getElementById(idOf(kindRules.titleField));
    return el ? el.value.trim() : "";
  }

  function suggestSlug() {
    if (!slugTouched) { slugInput.value = uniqueSlug(slugify(titleValue(), rules.maxSlug), kindRules.taken); }
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (p) { p.hidden = true; p.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && !/-error$/.test(id); });
      if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
    });
  }

  function focusTarget(id) {
    var el = document.getElementById(id);
    if (el && (el.tagName === "FIELDSET" || el.tagName === "DIV")) { el = el.querySelector("input, select, textarea") || el; }
    return el;
  }

  function labelOf(inputId, id) {
    var label = form.querySelector("label[for='" + inputId + "']");
    var box = document.getElementById(id);
    if (box && box.tagName === "FIELDSET") { return box.querySelector("legend"); }
    return label;
  }

  function showErrors(errors) {
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (e) {
      var id = e.path === "slug" ? "f-slug" : idOf(e.path);
      var text = format(messages[e.key] || e.key, e.params);
      var p = document.getElementById(id + "-error");
      if (p) { p.textContent = text; p.hidden = false; }
      var target = focusTarget(id);
      if (target) {
        target.setAttribute("aria-invalid", "true");
        var by = target.getAttribute("aria-describedby");
        target.setAttribute("aria-describedby", (by ? by + " " : "") + id + "-error");
      }
      var label = labelOf(target ? target.id : id, id);
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (target ? target.id : id);
      link.textContent = (label ? label.textContent.replace(/\s+/g, " ").trim() + " : " : "") + text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (target) { target.focus(); }
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    var title = document.getElementById("propose-errors-title");
    title.textContent = errors.length === 1 ? title.getAttribute("data-one") : title.getAttribute("data-many").replace("{n}", String(errors.length));
    summary.hidden = false;
    summary.focus();
  }

  function setLink(id, longId, url) {
    var link = document.getElementById(id);
    var note = document.getElementById(longId);
    link.hidden = !url;
    if (url) { link.href = url; }
    note.hidden = !!url;
  }

  function prepare() {
    clearErrors();
    var values = read();
    var outcome = check(kindRules, values, rules);
    var slug = slugInput.value.trim();
    if (!slug) { outcome.errors.push({ path: "slug", key: "required", params: {} }); }
    else if (!new RegExp(rules.patterns.slug).test(slug)) { outcome.errors.push({ path: "slug", key: "slug", params: {} }); }
    else if (kindRules.taken.indexOf(slug) !== -1) { outcome.errors.push({ path: "slug", key: "slug_taken", params: {} }); }
    if (outcome.errors.length) { showErrors(outcome.errors); return; }
    summary.hidden = true;
    file.name = slug + ".md";
    file.text = buildFile(kindRules, outcome.data, document.getElementById("f-body").value);
    var folder = "content/" + kindRules.folder;
    document.getElementById("propose-path").textContent = folder + "/" + file.name;
    document.getElementById("propose-preview").textContent = file.text;
    setLink("propose-github", "propose-github-long",
      rules.repository ? newFileUrl(rules.repository, rules.branch, folder, file.name, file.text, rules.maxUrl) : null);
    document.getElementById("propose-github-hint").hidden = document.getElementById("propose-github").hidden;
    var subject = format(form.getAttribute("data-mail-subject"), { title: titleValue() });
    var body = format(form.getAttribute("data-mail-intro"), { path: folder + "/" + file.name }) + "\n\n" + file.text;
    setLink("propose-mail", "propose-mail-long", rules.email ? mailtoUrl(rules.email, subject, body, rules.maxMailto) : null);
    form.hidden = true;
    result.hidden = false;
    result.focus();
  }

  function download() {
    var blob = new Blob([file.text], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  var title = document.getElementById(idOf(kindRules.titleField));
  if (title) { title.addEventListener("input", suggestSlug); }
  slugInput.addEventListener("input", function () { slugTouched = slugInput.value.trim() !== ""; });
  form.addEventListener("submit", function (event) { event.preventDefault(); prepare(); });
  document.getElementById("propose-download").addEventListener("click", download);
  document.getElementById("propose-edit").addEventListener("click", function () {
    result.hidden = true;
    form.hidden = false;
    (form.querySelector("input, select, textarea") || form).focus();
  });
  document.getElementById("propose-nojs").hidden = true;
  form.hidden = false;
  suggestSlug();
})();
