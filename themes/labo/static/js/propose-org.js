/* What the organisation form adds to propose.js, loaded by it when asked for: a logo, checked as the validator
   checks it (types and limits from the page's rules file) and carried in the download; the organisation's first
   project as a second step (its part of the page and its rules are loaded too); several files leaving as one zip.
   The functions in `api` are also run under Node by tests/contribute. */
(function () {
  "use strict";

  // -- a zip of files stored as they are ----------------------------------------------------------------------
  // Why no library: JSZip weighs more than this whole page may (30 KB gzipped), and a compressor would gain
  // nothing here: a logo is already compressed and a Markdown file is a few KB. A stored archive (method 0) is a
  // header before each file, a directory at the end and a CRC-32 per file (PKWARE's APPNOTE.TXT, 4.3). Names are
  // UTF-8 (flag bit 11).
  var CRC = [];
  for (var n = 0; n < 256; n += 1) {
    var c = n;
    for (var k = 0; k < 8; k += 1) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
    CRC[n] = c >>> 0;
  }

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) { crc = CRC[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return (crc ^ 0xffffffff) >>> 0;
  }

  function utf8(text) { return new TextEncoder().encode(text); }

  /* Little-endian fields: [[value, bytes], ...] -> bytes. */
  function le(fields) {
    var out = [];
    fields.forEach(function (f) {
      for (var i = 0; i < f[1]; i += 1) { out.push(Math.floor(f[0] / Math.pow(256, i)) & 0xff); }
    });
    return new Uint8Array(out);
  }

  function joinBytes(chunks) {
    var out = new Uint8Array(chunks.reduce(function (sum, x) { return sum + x.length; }, 0)), at = 0;
    chunks.forEach(function (x) { out.set(x, at); at += x.length; });
    return out;
  }

  /* files: [{name, bytes}] -> the bytes of a zip archive; date: the files' time (local, as zip keeps it). */
  function zipFiles(files, date) {
    var d = date || new Date();
    var time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
    var day = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
    var body = [], directory = [], offset = 0;
    files.forEach(function (f) {
      var name = utf8(f.name), size = f.bytes.length;
      // version needed, UTF-8 names, stored, time, date, CRC-32, sizes (the same: stored), name, no extra field
      var common = [[20, 2], [0x0800, 2], [0, 2], [time, 2], [day, 2], [crc32(f.bytes), 4], [size, 4], [size, 4],
        [name.length, 2], [0, 2]];
      var local = le([[0x04034b50, 4]].concat(common));
      body.push(local, name, f.bytes);
      // made by (the same version), then comment, disk, attributes and where the local header is
      directory.push(le([[0x02014b50, 4], [20, 2]].concat(common, [[0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]])), name);
      offset += local.length + name.length + size;
    });
    var dir = joinBytes(directory);
    var end = le([[0x06054b50, 4], [0, 2], [0, 2], [files.length, 2], [files.length, 2], [dir.length, 4], [offset, 4],
      [0, 2]]);
    return joinBytes(body.concat([dir, end]));
  }

  // -- a logo, checked as the validator checks it -------------------------------------------------------------
  /* The accepted image type (rules.logo.types) the bytes start as, or null. */
  function imageType(bytes, types) {
    var head = "";
    for (var i = 0; i < Math.min(16, bytes.length); i += 1) { head += ("0" + bytes[i].toString(16)).slice(-2); }
    return types.filter(function (t) { return head.indexOf(t.magic) === 0; })[0] || null;
  }

  var api = { crc32: crc32, zipFiles: zipFiles, imageType: imageType };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  // -- the page -------------------------------------------------------------------------------------------------
  var page = window.LABO_PROPOSE_FORM;
  if (!page) { return; }
  var rules = page.rules, core = page.api, form = page.form;

  function megabytes(size) {
    return page.say(core.msg(rules.form.megabytes, { number: (Math.round(size / 104857.6) / 10).toLocaleString(page.lang) }));
  }

  /* Why a picked file cannot be the logo ({msg, args}), or {type, url} once it is known to be one. */
  function logoProblem(file, bytes) {
    var type = imageType(bytes, rules.logo.types);
    if (!type) {
      var names = rules.logo.types.map(function (t) { return t.ext.slice(1).toUpperCase(); }).join(", ");
      return Promise.resolve({ msg: rules.form.logo_type, args: { types: names } });
    }
    if (file.size > rules.logo.bytes) {
      return Promise.resolve({ msg: rules.form.logo_bytes, args: { size: megabytes(file.size), limit: megabytes(rules.logo.bytes) } });
    }
    return new Promise(function (resolve) {
      // An <img> gives the size once the header is read, without decoding every pixel first (unlike a canvas).
      var img = new Image(), url = URL.createObjectURL(new Blob([bytes], { type: type.mime }));
      img.onload = function () {
        var w = img.naturalWidth, h = img.naturalHeight;
        resolve(w * h > rules.logo.pixels ? { msg: rules.form.logo_pixels, args: { width: w, height: h,
          limit: (rules.logo.pixels / 1e6).toLocaleString(page.lang) } } : { type: type, url: url });
      };
      img.onerror = function () { URL.revokeObjectURL(url); resolve({ msg: rules.form.logo_unreadable, args: {} }); };
      img.src = url;
    });
  }

  function readLogo(part, input) {
    var file = input.files && input.files[0], preview = document.getElementById(input.id + "-preview");
    if (preview) { preview.parentNode.removeChild(preview); }
    page.fieldNote(input.id, "error", "");
    input.removeAttribute("aria-invalid");
    part.logo = null;
    if (!file) { part.pending = null; return; }
    part.pending = new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () {
        var bytes = new Uint8Array(reader.result);
        logoProblem(file, bytes).then(function (found) {
          if (found.msg) {
            part.logo = { problem: found };
            page.showError({ path: part.logoPath, msg: found.msg, args: found.args }, part);
          } else {
            part.logo = { type: found.type, bytes: bytes };
            var img = document.createElement("img");
            img.id = input.id + "-preview";
            img.className = "logo-preview";
            img.alt = "";
            img.src = found.url;
            input.parentNode.insertBefore(img, input.nextSibling);
          }
          resolve();
        });
      };
      reader.onerror = function () { part.logo = { problem: { msg: rules.form.logo_unreadable, args: {} } }; resolve(); };
      reader.readAsArrayBuffer(file);
    });
  }

  page.hooks.part.push(function (part) {
    var input = part.section.querySelector("input[type=file]");
    if (!input) { return; }
    part.logoPath = input.getAttribute("data-path");
    input.addEventListener("change", function () { readLogo(part, input); });
    if (input.files && input.files[0]) { readLogo(part, input); }  // chosen while this script was on its way
  });
  page.hooks.read.push(function (part, values) {
    if (part.logoPath) { values[part.logoPath] = part.logo && part.logo.type ? rules.logo.folder + "/" + part.slug.value.trim() + part.logo.type.ext : ""; }
  });
  page.hooks.problems.push(function (part) {
    return part.logo && part.logo.problem ? [{ path: part.logoPath, msg: part.logo.problem.msg, args: part.logo.problem.args }] : [];
  });
  page.hooks.files.push(function (part, slug) {
    return part.logo && part.logo.type ? [{ path: "content/" + rules.logo.folder + "/" + slug + part.logo.type.ext, bytes: part.logo.bytes }] : [];
  });
  page.pack = function (files) {
    return new Blob([zipFiles(files.map(function (f) { return { name: f.path, bytes: f.bytes || utf8(f.text) }; }))], { type: "application/zip" });
  };
  page.parts.forEach(function (part) { page.hooks.part.forEach(function (hook) { hook(part); }); });

  // -- the second step: the organisation's first project ------------------------------------------------------
  var box = form.querySelector(".propose-step");

  function addStep() {
    var step = window.LABO_PROPOSE_STEP;
    ["types", "lists", "more", "refs", "kinds", "form"].forEach(function (key) {
      Object.keys(step.rules[key] || {}).forEach(function (name) { rules[key][name] = rules[key][name] || step.rules[key][name]; });
    });
    rules.currencyDigits = rules.currencyDigits || step.rules.currencyDigits;
    box.insertAdjacentHTML("beforebegin", step.html);  // made by the build from the site's own templates
    var part = page.addPart(box.previousElementSibling);
    box.hidden = true;
    document.getElementById(part.prefix + "remove").addEventListener("click", function () {
      part.section.parentNode.removeChild(part.section);
      page.parts.splice(page.parts.indexOf(part), 1);
      box.hidden = false;
      document.getElementById("propose-step-add").focus();
    });
    var heading = part.section.querySelector("h2");
    heading.tabIndex = -1;
    heading.focus();
  }

  page.step = function () {
    if (!box || box.hidden) { return; }  // no second step here, or it is there already
    if (window.LABO_PROPOSE_STEP) { addStep(); return; }
    var script = document.createElement("script");
    script.src = box.getAttribute("data-src");
    script.onload = addStep;
    document.head.appendChild(script);
  };
})();
