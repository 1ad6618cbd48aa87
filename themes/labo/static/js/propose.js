/* Propose-an-entry form: checks the fields with the rules generated from the content model
   (theme/js/propose-<page>.<lang>.js: each type's steps, the rules between fields, the image types and limits of
   a logo, with their messages, all stated in plugins/content_model; this script only interprets them), writes the
   Markdown file(s), packs them with the logo in a zip, and offers the ways to send them.
   Without this script the page says how to write to the maintainers instead.
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

  /* GitHub: new/<branch>?filename=<folder>/<name> (the form that keeps the folders); GitLab: the folder in the path. */
  function newFileUrl(repository, branch, folder, filename, content, maxLength) {
    var repo = String(repository).replace(/\/+$/, "");
    var parts = String(folder).split("/").filter(Boolean).map(encodeURIComponent);
    var value = encodeURIComponent(normaliseText(content));
    var url = hostOf(repo) === "gitlab"
      ? repo + "/-/new/" + encodeURIComponent(branch) + "/" + parts.join("/") + "?file_name=" + encodeURIComponent(filename) + "&content=" + value
      : repo + "/new/" + encodeURIComponent(branch) + "?filename=" + parts.concat([encodeURIComponent(filename)]).join("/") + "&value=" + value;
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

  // -- messages: msgids of the catalogues, translated in the rules file ---------------------------------------
  // What the validator refuses in a report (content_model/chars.py): controls, format characters (bidirectional
  // controls, zero-width), private use, surrogates, unassigned, line and paragraph separators.
  var UNSAFE = null;
  try { UNSAFE = new RegExp("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\p{Cn}\\p{Zl}\\p{Zp}]", "u"); } catch (e) { UNSAFE = /[\x00-\x1f\x7f-\x9f]/; }
  var SHOWN_LIMIT = 60;  // as content_model.messages.shown

  function hex(code, width) { return ("0000000" + code.toString(16)).slice(-width); }

  function escapeUnsafe(text) {
    return Array.from(String(text)).map(function (c) {
      if (!UNSAFE.test(c)) { return c; }
      if (c === "\n") { return "\\n"; }
      if (c === "\r") { return "\\r"; }
      if (c === "\t") { return "\\t"; }
      var code = c.codePointAt(0);
      return code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
    }).join("");
  }

  /* A value quoted in a message, as content_model.messages.shown writes it. */
  function shown(value) {
    var chars = Array.from(escapeUnsafe(value));
    var text = chars.length > SHOWN_LIMIT ? chars.slice(0, SHOWN_LIMIT - 3).join("") + "…" : chars.join("");
    return "\"" + text.replace(/"/g, "\\\"") + "\"";
  }

  /* A checked value in a message, as fieldtypes.value_text writes it (a time has its seconds, like Python's). */
  function valueText(value) {
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    var m = typeof value === "string" && /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value);
    if (m) { return m[1] + " " + ("0" + m[2]).slice(-2) + ":" + m[3] + ":00"; }
    return String(value);
  }

  function describeChar(c, names) {
    return (names && names[c]) || "U+" + hex(c.codePointAt(0), 4).toUpperCase();
  }

  /* A message: {msg: msgid, args: {...}}; an argument may itself be a message. */
  function msg(msgid, args) { return { msg: msgid, args: args || {} }; }

  function render(message, table) {
    var template = (table && table[message.msg]) || message.msg;
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      if (!(key in message.args)) { return whole; }
      var value = message.args[key];
      return value && typeof value === "object" && "msg" in value ? render(value, table) : String(value);
    });
  }

  // -- values: each field type is a list of steps (content_model/fieldtypes.py), interpreted here ---------------
  function isEmpty(value) {
    return value === undefined || value === null || value === "" || value === false ||
      (Array.isArray(value) && value.length === 0);
  }

  function unquote(text, quotes) {
    var core = String(text).trim();
    for (var i = 0; i < quotes.length; i += 1) {
      var open = quotes[i][0], close = quotes[i][1];
      if (core.length >= 2 && core.charAt(0) === open && core.charAt(core.length - 1) === close) {
        var inner = core.slice(1, -1);
        if (inner.indexOf(open) === -1 && inner.indexOf(close) === -1) { return inner.trim(); }
      }
    }
    return null;
  }

  /* A number as people write it ("1 500,50", "1500,5"): the forms of fieldtypes.NUMBER_FORMS, in order. */
  function readNumber(text, forms, step) {
    for (var i = 0; i < forms.length; i += 1) {
      var form = forms[i];
      if (!new RegExp(form[0]).test(text)) { continue; }
      if (form[1] === null) {
        var m = /^([+-]?)(\d+)[.,](\d+)$/.exec(text);
        return { error: msg(step.ambiguous, { value: shown(text), thousands: m[1] + m[2] + m[3],
          decimal: valueText(parseFloat(m[1] + m[2] + "." + m[3])) }) };
      }
      var plain = (form[1] ? text.replace(new RegExp(form[1], "g"), "") : text).replace(new RegExp(form[2]), ".");
      var n = parseFloat(plain);
      // Written another way than the file's (digits, a point): the validator's notice, which the page words for itself.
      return form[1] || form[2] !== "\\." ? { value: n, notice: msg(step.notice, { value: shown(text), number: valueText(n) }) }
        : { value: n };
    }
    return null;
  }

  function daysInMonth(y, m) {
    if (m === 2) { return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28; }
    return [4, 6, 9, 11].indexOf(m) !== -1 ? 30 : 31;
  }

  function pick(msgid, field) { return typeof msgid === "object" ? msgid[field.ref] : msgid; }

  var worldLists = {};
  function world(name) {
    if (!(name in worldLists)) {
      worldLists[name] = typeof Intl !== "undefined" && Intl.supportedValuesOf ? Intl.supportedValuesOf(name) : null;
    }
    return worldLists[name];
  }

  function ok(value) { return { value: value }; }
  function bad(msgid, args) { return { error: msg(msgid, args) }; }

  function rangeCheck(n, s) {
    var args = { value: shown(valueText(n)), number: valueText(n), min: s.min, max: s.max };
    if (s.min !== undefined && s.min !== null && n < s.min) { return bad(s.below, args); }
    if (s.max !== undefined && s.max !== null && n > s.max) { return bad(s.above, args); }
    return ok(n);
  }

  /* One interpreter per rule of the vocabulary: (value, step, field, rules) -> {value} or {error}. */
  var STEPS = {
    unquote: function (v, s, f, r) { var inner = unquote(v, r.quotes); return ok(inner === null ? v : inner); },
    trim: function (v) { return ok(String(v).trim()); },
    filled: function (v, s) { return String(v).trim() ? ok(v) : bad(s.m); },
    line: function (v, s) { return /\n/.test(String(v).trim()) ? bad(s.m) : ok(v); },
    length: function (v, s) {
      var n = Array.from(String(v)).length;
      return n > s.max ? bad(s.m, { value: shown(v), length: n, limit: s.max }) : ok(v);
    },
    strip: function (v, s) { return ok(String(v).replace(new RegExp(s.pattern, s.flags || ""), "")); },
    chars: function (v, s) {
      var found = Array.from(String(v)).filter(function (c) {
        return s.chars.indexOf(c) !== -1 || /\s/.test(c) || UNSAFE.test(c);
      })[0];
      return found === undefined ? ok(v) : bad(s.m, { value: shown(v), char: describeChar(found, s.names) });
    },
    pattern: function (v, s, f) {
      var fits = new RegExp(s.pattern).test(v) && (s.max === undefined || String(v).length <= s.max);
      return fits ? ok(v) : bad(pick(s.m, f), { value: shown(v) });
    },
    boolean: function (v, s) {
      if (v === true || v === "true" || v === "on") { return ok(true); }
      return v === false || v === "false" ? ok(false) : bad(s.m, { value: shown(v) });
    },
    integer: function (v, s) {
      if (typeof v === "number" && Number.isInteger(v)) { return ok(v); }
      return /^-?\d+$/.test(v) ? ok(parseInt(v, 10)) : bad(s.m, { value: shown(v) });
    },
    number: function (v, s, f, r) {
      if (typeof v === "number" && isFinite(v)) { return ok(v); }
      var read = readNumber(String(v).trim(), r.numbers, s);
      if (read) { return read; }
      return bad(s.m, { value: shown(v), what: msg(s.what) });
    },
    range: function (v, s) { return rangeCheck(v, s); },
    date: function (v, s) {
      if (s.years && (typeof v === "number" || /^-?\d+$/.test(v))) {
        return rangeCheck(+v, { min: s.years[0], max: s.years[1], below: s.year, above: s.year });
      }
      var text = String(v).trim();
      var m = new RegExp(s.pattern).exec(text);
      if (!m) { return bad(s.format, { value: shown(v) }); }
      var y = +m[1], mo = +m[2], d = +m[3], h = m[4] === undefined ? null : +m[4], mi = m[5] === undefined ? null : +m[5];
      var reason = mo < 1 || mo > 12 ? "month" : (d < 1 || d > daysInMonth(y, mo) ? "day" :
        (h !== null && h > 23 ? "hour" : (mi !== null && mi > 59 ? "minute" : "")));
      if (reason) { return bad(s.unreal, { value: shown(v), reason: msg(s.reasons[reason]) }); }
      if (y < s.first || y > s.last) { return bad(s.range, { value: shown(v), min: s.first, max: s.last }); }
      if (h !== null && !s.time) { return bad(s.no_time, { value: shown(v) }); }
      return ok(text);
    },
    one_of: function (v, s, f, r) {
      var allowed = s.from === "choices" ? f.choices || [] : r.lists[s.from] || [];
      var more = s.world ? world(s.world) : null;
      if (allowed.indexOf(v) !== -1 || (more && more.indexOf(v) !== -1)) { return ok(v); }
      return bad(s.m, { value: shown(v), choices: (f.choices || []).join(", ") });
    },
    no_space: function (v, s) { return /[\s\x00-\x1f]/.test(v) ? bad(s.m, { value: shown(v) }) : ok(v); },
    url: function (v, s) {
      var scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(v);
      if (!scheme || s.schemes.indexOf(scheme[1].toLowerCase()) === -1) {
        return scheme ? bad(s.scheme, { value: shown(v), scheme: scheme[1] }) : bad(s.no_scheme, { value: shown(v) });
      }
      var netloc = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\/?#]*)/.exec(v);
      var host = netloc ? netloc[1].replace(/^.*@/, "").replace(/:\d*$/, "").toLowerCase() : "";
      return host.indexOf(".") === -1 ? bad(s.host, { value: shown(v) }) : ok(v);
    },
    refer: function (v, s, f, r) {
      var known = (r.refs[f.ref] || []).some(function (item) { return item[0] === v; });
      return known ? ok(v) : bad(pick(s.m, f), { value: shown(v), folder: s.folders[f.ref] });
    }
  };

  /* A value through its type's steps: {value} (normalised, typed) or {error}. */
  function checkValue(field, value, rules) {
    var steps = rules.types[field.type].steps, out = ok(value), notices = [];
    for (var i = 0; i < steps.length && !out.error; i += 1) {
      out = STEPS[steps[i].rule](out.value, steps[i], field, rules);
      if (out.notice) { notices.push(out.notice); }
    }
    return out.error ? out : { value: out.value, notices: notices };
  }

  function splitList(text) {
    return String(text).split(/[,;\n]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function parent(path) { return path.indexOf(".") === -1 ? "" : path.slice(0, path.lastIndexOf(".")); }

  /* {"a.b": 1} -> {a: {b: 1}}: the front matter's shape, for the rules between fields. */
  function nest(flat) {
    var out = {};
    Object.keys(flat).forEach(function (path) {
      var parts = path.split("."), node = out;
      parts.slice(0, -1).forEach(function (p) { node = node[p] = node[p] || {}; });
      node[parts[parts.length - 1]] = flat[path];
    });
    return out;
  }

  /* Check every field and the rules between fields. values: {path: string | string[] | boolean} as read
     from the form. Returns {errors: [{path, msg, args}], data: {path: typed value}}. */
  function check(kindRules, values, rules) {
    var errors = [], data = {}, raw = {}, byPath = {}, notices = [];
    kindRules.fields.forEach(function (f) { byPath[f.path] = f; });
    function clean(v) {
      if (Array.isArray(v)) { return v.map(function (s) { return String(s).trim(); }).filter(Boolean); }
      return typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v;
    }
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
    kindRules.fields.forEach(function (f) {
      if (f.type === "object") { return; }
      var v = clean(values[f.path]);
      if (f.many && typeof v === "string") { v = splitList(v); }
      if (isEmpty(v)) {
        if (f.required && active(parent(f.path))) {
          var optional = parent(f.path) && !byPath[parent(f.path)].required;
          errors.push({ path: f.path, msg: rules.form[optional ? "group_required" : "required"], args: {} });
        }
        return;
      }
      raw[f.path] = v;
      var items = f.many ? v : [v], out = [], seen = {};
      for (var i = 0; i < items.length; i += 1) {
        var got = checkValue(f, items[i], rules);
        if (got.error) { errors.push({ path: f.path, msg: got.error.msg, args: got.error.args }); return; }
        got.notices.forEach(function (n) { notices.push({ path: f.path, msg: n.msg, args: n.args }); });
        var key = JSON.stringify(got.value);
        if (seen[key]) { errors.push({ path: f.path, msg: rules.form.twice, args: { value: shown(items[i]) } }); return; }
        seen[key] = true;
        out.push(got.value);
      }
      data[f.path] = f.many ? out : out[0];
    });
    applyRules(kindRules.cross, nest(data), nest(raw), rules, "form").forEach(function (e) { errors.push(e); });
    return { errors: errors, data: data, notices: notices };
  }

  // -- rules between fields (content_model/crossrules.py), interpreted here -----------------------------------
  function given(value) {
    if (value === undefined || value === null || value === false || value === "" ||
        (typeof value === "string" && !value.trim()) || (Array.isArray(value) && value.length === 0)) { return false; }
    if (typeof value === "object" && !Array.isArray(value)) {
      return Object.keys(value).some(function (k) { return given(value[k]); });
    }
    return true;
  }

  function get(node, parts) {
    for (var i = 0; i < parts.length && node !== undefined && node !== null; i += 1) { node = node[parts[i]]; }
    return node === null ? undefined : node;
  }

  function formatPath(parts) {
    return parts.reduce(function (out, p) {
      return typeof p === "number" ? out + "[" + p + "]" : (out ? out + "." + p : p);
    }, "");
  }

  function day(value) { return typeof value === "string" ? value.slice(0, 10) : value; }
  function hasTime(value) { return typeof value === "string" && value.length > 10; }
  function decimals(n) {
    var text = String(n);
    return text.indexOf(".") === -1 ? 0 : text.split(".")[1].replace(/0+$/, "").length;
  }
  function sumText(n) { return String(+n.toFixed(6)); }

  /* One interpreter per kind of rule: (rule, scope) where scope answers value(path), given(path) and report(). */
  var CROSS = {
    order: function (r, s) {
      var early = s.value(r.early), late = s.value(r.late);
      if (early === undefined || late === undefined) { return; }
      if (r.mixed && hasTime(early) !== hasTime(late)) { s.report(r, "mixed", {}); return; }
      var a = r.compare === "day" ? day(early) : early, b = r.compare === "day" ? day(late) : late;
      if (b < a) { s.report(r, "message", { value: valueText(late), limit: valueText(early) }); }
    },
    zone_for_times: function (r, s) {
      var timed = r.times.some(function (t) { return hasTime(s.value(t)); });
      if (timed && !s.given(r.zone)) { s.report(r, "message", {}); }
    },
    not_both: function (r, s) { if (s.value(r.a) && s.given(r.b)) { s.report(r, "message", {}); } },
    one_given: function (r, s) {
      if (!r.paths.some(function (p) { return s.given(p); })) { s.report(r, "message", {}); }
    },
    requires: function (r, s) {
      var v = s.value(r["if"]);
      var condition = "equals" in r ? v === r.equals : !!v;
      if (condition && !s.given(r.then)) { s.report(r, "message", {}); }
    },
    exactly_one: function (r, s) { if (s.given(r.a) === s.given(r.b)) { s.report(r, "message", {}); } },
    more_than: function (r, s) {
      var v = s.value(r.field);
      if (v !== undefined && v <= r.limit) { s.report(r, "message", { value: valueText(v), limit: r.limit }); }
    },
    not_future: function (r, s) {
      var v = s.value(r.field);
      if (v !== undefined && day(v) > s.today) { s.report(r, "message", { value: valueText(v), today: s.today }); }
    },
    total: function (r, s) {
      var items = s.value(r.items);
      if (!Array.isArray(items) || !items.length) { return; }
      var total = items.reduce(function (acc, item) { return acc + (item && typeof item[r.of] === "number" ? item[r.of] : 0); }, 0);
      var stated = s.value(r.field);
      if (stated !== undefined && Math.abs(stated - total) > 1e-9 * Math.max(1, Math.abs(total))) {
        s.report(r, "message", { value: valueText(stated), total: sumText(total) });
      }
      s.set(r.field, total);
    },
    sums_to: function (r, s) {
      var group = s.value(r.group) || {};
      if (!r.parts.every(function (p) { return typeof group[p] === "number"; })) { return; }
      var sum = r.parts.reduce(function (acc, p) { return acc + group[p]; }, 0);
      if (Math.abs(sum - r.total) > 1e-9) { s.report(r, "message", { sum: sumText(sum), total: r.total }); }
    },
    precision: function (r, s) {
      var amount = s.value(r.amount), currency = s.value(r.currency);
      if (amount === undefined || currency === undefined) { return; }
      var digits = currency in s.rules.currencyDigits ? s.rules.currencyDigits[currency] : 2;
      if (decimals(amount) > digits) {
        var unit = digits === 0 ? msg(r.whole) : msg(r.decimals, { digits: digits });
        s.report(r, "message", { value: valueText(amount), currency: currency, unit: unit, digits: digits });
      }
    },
    prefix: function (r, s) {
      var v = s.value(r.field);
      if (typeof v === "string" && v.indexOf(r.prefix) !== 0) { s.report(r, "message", { value: shown(v) }); }
    }
  };

  /* The problems the rules find. data: the checked values, nested; raw: what was given, nested. mode "form" says
     them in the form's words beside its controls, "file" as the validator does. */
  function applyRules(list, data, raw, rules, mode) {
    var found = [];
    function scope(prefix) {
      function parts(rel) { return prefix.concat(rel ? rel.split(".") : []); }
      return {
        rules: rules, today: rules.today,
        value: function (rel) { return get(data, parts(rel)); },
        given: function (rel) { return given(get(raw, parts(rel))); },
        set: function (rel, value) {
          var p = parts(rel), holder = get(data, p.slice(0, -1));
          if (holder && typeof holder === "object") { holder[p[p.length - 1]] = value; }
        },
        report: function (r, which, args) {
          var at = mode === "form" && "form_at" in r ? r.form_at : r.at;
          if (Array.isArray(at)) {
            var self = this;
            at = at.filter(function (p) { return self.given(p); })[0] || at[at.length - 1];
          }
          var key = mode !== "form" ? which : (which === "message" ? "form" : "form_" + which);
          var text = r[key] || r[which];
          found.push({ path: formatPath(parts(at)), msg: text, args: args });
        },
        items: function (rel) {
          var values = get(data, parts(rel));
          return Array.isArray(values) ? values.map(function (v, i) { return scope(parts(rel).concat([i])); }) : [];
        }
      };
    }
    var top = scope([]);
    list.forEach(function (r) {
      (r.each ? top.items(r.each) : [top]).forEach(function (s) { CROSS[r.rule](r, s); });
    });
    return found;
  }

  function scalarYaml(type, value, indent) {
    if (typeof value === "number" || typeof value === "boolean") { return " " + String(value); }
    if (type.plain && new RegExp(type.plain).test(value)) { return " " + value; }
    if (type.block) { return yamlLongText(value, indent); }
    return " " + yamlString(value);
  }

  /* The Markdown file: YAML front matter in the model's field order, then the body. */
  function buildFile(kindRules, data, body, rules) {
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
        lines.push(indent + name + ":" + scalarYaml(rules.types[f.type], value, indent));
      }
    });
    lines.push("---");
    var text = String(body || "").replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
    return lines.join("\n") + "\n" + (text ? "\n" + text + "\n" : "");
  }

  function format(template, params) {
    return String(template).replace(/%\((\w+)\)s/g, function (m, k) { return k in params ? String(params[k]) : m; });
  }

  /* The entry of `items` ([slug, name]) that `name` or `slug` already names, or null. Names are compared as
     identifiers are made (accents, case and punctuation aside): "Yam pukri" is "Yam Pukri". */
  function sameEntry(name, slug, items) {
    var key = slugify(name);
    return (items || []).filter(function (item) { return item[0] === slug || (key && slugify(item[1]) === key); })[0] || null;
  }

  var api = {
    sameEntry: sameEntry, slugify: slugify, uniqueSlug: uniqueSlug, normaliseText: normaliseText, hostOf: hostOf,
    newFileUrl: newFileUrl, mailtoUrl: mailtoUrl, yamlString: yamlString, check: check, buildFile: buildFile,
    format: format, render: render, checkValue: checkValue, applyRules: applyRules, shown: shown, valueText: valueText,
    msg: msg, STEPS: STEPS, CROSS: CROSS
  };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  // -- the page ---------------------------------------------------------------------------------------------
  var rules = window.LABO_PROPOSE;
  var form = document.getElementById("propose-form");
  if (!rules || !form) { return; }
  var lang = rules.lang || document.documentElement.lang;
  var messages = (rules.messages || {})[lang] || {};  // a page's file has its messages in its language already
  var result = document.getElementById("propose-result");
  var summary = document.getElementById("propose-errors");
  var download = { name: "", blob: null };
  /* What propose-org.js (a logo, several files in a zip, the first project of a new organisation) works with. It is
     loaded when one of these is asked for, so that a page weighs what everyone uses. */
  var page = { api: api, rules: rules, lang: lang, form: form, parts: [], hooks: { part: [], read: [], problems: [], files: [] },
    pack: null, step: null };
  window.LABO_PROPOSE_FORM = page;
  var more = null;
  function withMore(then) {
    if (!more) {
      more = new Promise(function (resolve) {
        var script = document.createElement("script");  // a classic script: it loads from file:// too, unlike fetch
        script.src = form.getAttribute("data-more");
        script.onload = resolve;
        document.head.appendChild(script);
      });
    }
    return more.then(then);
  }

  function idOf(part, path) { return part.prefix + path.replace(/\./g, "-").replace(/_/g, "-"); }
  function say(message) { return render(message, messages); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // Lists: the organisations of the directory, and the codes the page leaves to the browser to name.
  function options(select, items) {
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item[0];
      option.textContent = item[1];
      option.dir = "auto";  // an organisation's name may be in another script than the page
      select.appendChild(option);
    });
  }
  var named = {};
  function namedCodes(source) {
    var more = rules.more[source];
    if (!named[source]) {
      var names = null;
      try { names = new Intl.DisplayNames([lang], { type: more.type }); } catch (e) { names = null; }
      named[source] = more.codes.split(" ").map(function (code) {
        var name = null;
        try { name = names && names.of(code); } catch (e) { name = null; }
        name = name && name !== code ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : "";
        return [code, name ? name + (more.code ? " (" + code + ")" : "") : code];
      }).sort(function (a, b) { return a[1].localeCompare(b[1], lang); });
    }
    return named[source];
  }
  function fillLists(root) {
    each(root.querySelectorAll("select[data-ref]"), function (select) { options(select, rules.refs[select.getAttribute("data-ref")] || []); });
    each(root.querySelectorAll("optgroup[data-more]"), function (group) {
      if (rules.more[group.getAttribute("data-more")]) { options(group, namedCodes(group.getAttribute("data-more"))); }
    });
  }

  function read(part) {
    var values = {};
    part.rules.fields.forEach(function (f) {
      if (f.type === "object") { return; }
      var el = document.getElementById(idOf(part, f.path));
      if (!el) { return; }
      var dateInput = document.getElementById(idOf(part, f.path) + "-date");
      if (dateInput) {  // a date and an optional time, in two inputs
        var date = dateInput.value.trim();
        var time = document.getElementById(idOf(part, f.path) + "-time").value.trim();
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
      } else if (el.type !== "file") {
        values[f.path] = el.value;
      }
    });
    page.hooks.read.forEach(function (hook) { hook(part, values); });
    return values;
  }

  function titleOf(part) {
    var el = document.getElementById(idOf(part, part.rules.titleField));
    return el ? el.value.trim() : "";
  }

  function suggestSlug(part) {
    var base = slugify(titleOf(part), rules.maxSlug);
    // An entry of a kind whose names are distinct is refused when it exists, never numbered (propose-org.js).
    if (!part.touched) { part.slug.value = part.rules.distinct ? base : uniqueSlug(base, part.rules.taken); }
  }

  /* The message of kind `what` ("error", "notice") after the control `id`, made when there is one to say. */
  function fieldNote(id, what, text) {
    var note = document.getElementById(id + "-" + what);
    var anchor = document.getElementById(id);
    if (!note && text && anchor) {
      note = document.createElement("p");
      note.className = "field-" + what;
      note.id = id + "-" + what;
      anchor.parentNode.insertBefore(note, anchor.nextSibling);
    }
    if (note) { note.textContent = text || ""; note.hidden = !text; }
    return note;
  }

  function clearErrors() {
    each(form.querySelectorAll(".field-error, .field-notice"), function (p) { p.hidden = true; p.textContent = ""; });
    each(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && !/-error$/.test(id); });
      if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
    });
  }

  function focusTarget(id) {
    var el = document.getElementById(id);
    if (el && el.tagName === "FIELDSET") { el = el.querySelector("input, select, textarea") || el; }
    return el;
  }

  function reveal(el) {  // a control folded in "Technical details" is opened before it is shown or focused
    for (var node = el; node; node = node.parentNode) { if (node.tagName === "DETAILS") { node.open = true; } }
  }

  function labelOf(target, id) {
    var box = document.getElementById(id);
    if (box && box.tagName === "FIELDSET") { return box.querySelector("legend"); }
    return target ? form.querySelector("label[for='" + target.id + "']") : null;
  }

  /* Say an error beside its control; e.links: [[href, text]] added after it. */
  function showError(e, part) {
    var id = e.path === "slug" ? part.prefix + "slug" : idOf(part, e.path);
    var text = say(e), target = focusTarget(id), p = fieldNote(id, "error", text);
    (e.links || []).forEach(function (link) {
      var a = document.createElement("a");
      a.href = link[0];
      a.textContent = link[1];
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    });
    if (p) { reveal(p); }
    if (target) {
      target.setAttribute("aria-invalid", "true");
      var by = target.getAttribute("aria-describedby") || "";
      if (by.indexOf(id + "-error") === -1) { target.setAttribute("aria-describedby", (by ? by + " " : "") + id + "-error"); }
    }
    return { id: id, target: target, text: text };
  }

  function showErrors(errors) {
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (e) {
      var said = showError(e, e.part), label = labelOf(said.target, said.id);
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#" + (said.target ? said.target.id : said.id);
      // With two entries on the page, say which one ("Its first project — Country: …").
      var heading = page.parts.length > 1 && e.part.section.querySelector("h2");
      link.textContent = (heading ? heading.textContent.trim() + " — " : "") +
        (label ? label.textContent.replace(/\s+/g, " ").trim() + " : " : "") + said.text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (said.target) { reveal(said.target); said.target.focus(); }
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    var title = document.getElementById("propose-errors-title");
    title.textContent = errors.length === 1 ? title.getAttribute("data-one") : title.getAttribute("data-many").replace("{n}", String(errors.length));
    summary.hidden = false;
    summary.focus();
  }

  function noticeText(n) { return say(msg(rules.form.number_read, n.args)); }

  /* The entry this part's name or identifier already names, as an error on the name with links to it. */
  function duplicate(part) {
    var where = part.rules.distinct;
    var found = where && sameEntry(titleOf(part), part.slug.value.trim(), rules.refs[part.kind]);
    if (!found) { return null; }
    var links = [[form.getAttribute("data-root") + "/" + where.page.replace("{slug}", found[0]), form.getAttribute("data-see")]];
    if (where.edit) { links.push([where.edit.replace("{slug}", found[0]), form.getAttribute("data-modify")]); }
    return { path: part.rules.titleField, msg: rules.form.exists, args: { name: shown(found[1]) }, links: links };
  }

  function checkAll() {
    var errors = [], prepared = [], first = page.parts[0];
    page.parts.forEach(function (part) {
      var values = read(part), view = rules;
      if (part.fixed) {  // a second entry refers to the first, which is new: known to this check only
        values[part.fixed] = first.slug.value.trim();
        view = Object.create(rules);
        view.refs = {};
        Object.keys(rules.refs).forEach(function (k) { view.refs[k] = rules.refs[k]; });
        view.refs[first.kind] = (rules.refs[first.kind] || []).concat([[values[part.fixed], titleOf(first)]]);
      }
      var outcome = check(part.rules, values, view);
      var slug = part.slug.value.trim(), problems = outcome.errors;
      var checked = slug ? checkValue({ type: "slug" }, slug, rules) : null;
      page.hooks.problems.forEach(function (hook) { problems = problems.concat(hook(part)); });
      var same = duplicate(part);
      if (same) { problems.push(same); }
      else if (!slug) { problems.push({ path: "slug", msg: rules.form.required, args: {} }); }
      else if (checked.error) { problems.push({ path: "slug", msg: checked.error.msg, args: checked.error.args }); }
      else if (!part.rules.distinct && part.rules.taken.indexOf(slug) !== -1) { problems.push({ path: "slug", msg: rules.form.slug_taken, args: {} }); }
      problems.forEach(function (e) { e.part = part; errors.push(e); });
      outcome.notices.forEach(function (n) { fieldNote(idOf(part, n.path), "notice", noticeText(n)); });
      prepared.push({ part: part, slug: slug, text: buildFile(part.rules, outcome.data, part.body.value, rules) });
    });
    return { errors: errors, prepared: prepared };
  }

  function fileItem(file, list) {
    var li = document.createElement("li"), code = document.createElement("code"), note = document.createElement("p");
    code.textContent = file.path;
    li.appendChild(code);
    li.appendChild(note);
    if (file.text === undefined) {  // a picture: uploaded on the Git host
      note.textContent = format(list.getAttribute("data-logo"), { folder: file.path.slice(0, file.path.lastIndexOf("/") + 1) });
      return li;
    }
    var url = rules.repository ? newFileUrl(rules.repository, rules.branch, file.folder, file.name, file.text, rules.maxUrl) : null;
    if (url) {
      var a = document.createElement("a");
      a.className = "propose-github";
      a.href = url;
      a.rel = "noopener";
      a.target = "_blank";
      a.textContent = list.getAttribute("data-create");
      note.appendChild(a);
    } else { note.textContent = list.getAttribute("data-long"); }
    var pre = document.createElement("pre");
    pre.tabIndex = 0;
    pre.textContent = file.text;
    li.appendChild(pre);
    return li;
  }

  function prepare() {
    clearErrors();
    var outcome = checkAll();
    if (outcome.errors.length) { showErrors(outcome.errors); return; }
    summary.hidden = true;
    var files = [];
    outcome.prepared.forEach(function (p) {
      var folder = "content/" + p.part.rules.folder;
      files.push({ folder: folder, name: p.slug + ".md", path: folder + "/" + p.slug + ".md", text: p.text });
      page.hooks.files.forEach(function (hook) { files = files.concat(hook(p.part, p.slug)); });
    });
    var single = files.length === 1 || !page.pack;
    download.name = single ? files[0].name : outcome.prepared[0].slug + ".zip";
    download.blob = single ? new Blob([files[0].text], { type: "text/markdown;charset=utf-8" }) : page.pack(files);
    document.getElementById("propose-download-name").textContent = download.name;
    var subject = format(form.getAttribute("data-mail-subject"), { title: titleOf(page.parts[0]) });
    var inBody = single && rules.email ? mailtoUrl(rules.email, subject,
      form.getAttribute("data-mail-intro") + "\n\n" + files[0].text, rules.maxMailto) : null;
    var mail = document.getElementById("propose-mail");
    mail.hidden = !rules.email;
    mail.href = inBody || "mailto:" + rules.email + "?subject=" + encodeURIComponent(subject) + "&body=" +
      encodeURIComponent(format(form.getAttribute("data-mail-attach"), { name: download.name }));
    document.getElementById("propose-mail-hint").hidden = !inBody;
    document.getElementById("propose-mail-attach").hidden = !!inBody;
    var send = document.getElementById("propose-send"), mailStep = document.getElementById("propose-send-mail");
    // A file to attach is downloaded first; a text that fits in the message is sent at once.
    send.insertBefore(inBody ? mailStep : document.getElementById("propose-send-file"), send.firstChild);
    var list = document.getElementById("propose-files");
    list.textContent = "";
    files.forEach(function (f) { list.appendChild(fileItem(f, list)); });
    document.getElementById("propose-pair-note").hidden = page.parts.length < 2;
    form.hidden = true;
    result.hidden = false;
    result.focus();
  }

  function save() {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(download.blob);
    link.download = download.name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  /* A section of the form (one entry) becomes a part: its controls are watched, its lists filled. */
  function addPart(section) {
    var prefix = section.getAttribute("data-prefix");
    var part = { kind: section.getAttribute("data-kind"), prefix: prefix, fixed: section.getAttribute("data-fixed"),
      section: section, rules: rules.kinds[section.getAttribute("data-kind")], slug: document.getElementById(prefix + "slug"),
      body: document.getElementById(prefix + "body"), touched: false };
    fillLists(section);
    var title = document.getElementById(idOf(part, part.rules.titleField));
    if (title) { title.addEventListener("input", function () { suggestSlug(part); }); }
    if (title && part.rules.distinct) {
      title.addEventListener("change", function () {  // an organisation already listed is said at once, not at the end
        var same = duplicate(part);
        fieldNote(title.id, "error", "");
        title.removeAttribute("aria-invalid");
        if (same) { showError(same, part); }
      });
    }
    each(section.querySelectorAll("input[type=file]"), function (input) {
      ["click", "focus", "change"].forEach(function (name) { input.addEventListener(name, function () { withMore(); }); });
    });
    part.slug.addEventListener("input", function () { part.touched = part.slug.value.trim() !== ""; });
    each(section.querySelectorAll("input[inputmode=decimal]"), function (input) {
      input.addEventListener("change", function () {  // "1 500,50" is understood: say how, at once
        var f = part.rules.fields.filter(function (x) { return idOf(part, x.path) === input.id; })[0];
        var got = f && input.value.trim() ? checkValue(f, input.value.trim(), rules) : null;
        fieldNote(input.id, "notice", got && !got.error && got.notices.length ? noticeText(got.notices[0]) : "");
      });
    });
    suggestSlug(part);
    page.parts.push(part);
    page.hooks.part.forEach(function (hook) { hook(part); });
    return part;
  }

  page.idOf = idOf;
  page.say = say;
  page.titleOf = titleOf;
  page.fieldNote = fieldNote;
  page.showError = showError;
  page.addPart = addPart;
  each(form.querySelectorAll("section.part"), addPart);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    (more || Promise.resolve()).then(function () {
      return Promise.all(page.parts.map(function (part) { return part.pending; }));
    }).then(prepare);
  });
  var step = form.querySelector(".propose-step");  // its id is the address fragment that opens it at once
  if (step) {
    document.getElementById("propose-step-add").addEventListener("click", function () { withMore(function () { page.step(); }); });
    if (window.location.hash === "#" + step.id) { withMore(function () { page.step(); }); }
  }
  document.getElementById("propose-download").addEventListener("click", save);
  document.getElementById("propose-edit").addEventListener("click", function () {
    result.hidden = true;
    form.hidden = false;
    (form.querySelector("input, select, textarea") || form).focus();
  });
  document.getElementById("propose-nojs").hidden = true;
  form.hidden = false;
})();
