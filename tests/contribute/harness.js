// Runs functions of themes/labo/static/js/propose.js under Node for the Python tests.
// stdin: {"calls": [[name, args...], ...], "rules": {...}}; stdout: one result per call, as JSON.
// Messages come back rendered in English (the msgids) and in French (the rules' French table).
"use strict";
const path = require("path");
const api = require(path.resolve(__dirname, "../../themes/labo/static/js/propose.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const rules = job.rules;
  const said = (m) => ({ path: m.path, en: api.render(m, {}), fr: api.render(m, (rules.messages || {}).fr) });
  const results = job.calls.map(([name, ...args]) => {
    if (name === "checkAndBuild") {  // check form values with the rules, then build the file from what was accepted
      const [kind, values, body] = args;
      const kindRules = rules.kinds[kind];
      const outcome = api.check(kindRules, values, rules);
      return { errors: outcome.errors.map(said), file: api.buildFile(kindRules, outcome.data, body || "", rules) };
    }
    if (name === "checkValue") {  // [field, value]: a value through its type's steps
      const got = api.checkValue(args[0], args[1], rules);
      return got.error ? { error: said(got.error) } : { value: got.value, text: api.valueText(got.value) };
    }
    if (name === "applyRules") {  // [rules, data, raw]: rules between fields on nested data, in the validator's words
      return api.applyRules(args[0], args[1], args[2], rules, "file").map(said);
    }
    if (name === "vocabulary") { return { steps: Object.keys(api.STEPS).sort(), rules: Object.keys(api.CROSS).sort() }; }
    return api[name](...args);
  });
  process.stdout.write(JSON.stringify(results));
});
