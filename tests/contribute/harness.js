// Runs functions of themes/labo/static/js/propose.js and propose-org.js under Node for the Python tests.
// stdin: {"calls": [[name, args...], ...], "rules": {...}, "scripts": {"core": path, "org": path} (optional: the
// compacted copies the site serves)}; stdout: one result per call, as JSON.
// Messages come back rendered in English (the msgids) and in French (the rules' French table).
"use strict";
const path = require("path");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const scripts = job.scripts || {};
  const api = require(scripts.core || path.resolve(__dirname, "../../themes/labo/static/js/propose.js"));
  const org = require(scripts.org || path.resolve(__dirname, "../../themes/labo/static/js/propose-org.js"));
  const rules = job.rules;
  const said = (m) => ({ path: m.path, en: api.render(m, {}), fr: api.render(m, (rules.messages || {}).fr) });
  const results = job.calls.map(([name, ...args]) => {
    if (name === "checkAndBuild") {  // check form values with the rules, then build the file from what was accepted
      const [kind, values, body] = args;
      const kindRules = rules.kinds[kind];
      const outcome = api.check(kindRules, values, rules);
      return { errors: outcome.errors.map(said), notices: outcome.notices.map(said),
        file: api.buildFile(kindRules, outcome.data, body || "", rules) };
    }
    if (name === "checkValue") {  // [field, value]: a value through its type's steps
      const got = api.checkValue(args[0], args[1], rules);
      return got.error ? { error: said(got.error) }
        : { value: got.value, text: api.valueText(got.value), notices: got.notices.map(said) };
    }
    if (name === "applyRules") {  // [rules, data, raw]: rules between fields on nested data, in the validator's words
      return api.applyRules(args[0], args[1], args[2], rules, "file").map(said);
    }
    if (name === "render") { return api.render(args[0], args[1]); }  // [message, table]
    if (name === "zipFiles") {  // [[name, text or [bytes]], ...], [y, m, d, h, min, s]: the archive in base64
      const files = args[0].map(([n, content]) => ({ name: n, bytes: typeof content === "string"
        ? new TextEncoder().encode(content) : Uint8Array.from(content) }));
      const d = args[1];
      return Buffer.from(org.zipFiles(files, new Date(d[0], d[1] - 1, d[2], d[3], d[4], d[5]))).toString("base64");
    }
    if (name === "crc32") { return org.crc32(Uint8Array.from(args[0])); }
    if (name === "imageType") { const t = org.imageType(Uint8Array.from(args[0]), args[1]); return t && t.ext; }
    if (name === "vocabulary") { return { steps: Object.keys(api.STEPS).sort(), rules: Object.keys(api.CROSS).sort() }; }
    return api[name](...args);
  });
  process.stdout.write(JSON.stringify(results));
});
