// Runs functions of themes/labo/static/js/propose.js under Node for the Python tests.
// stdin: {"calls": [[name, args...], ...], "rules": {...}}; stdout: one result per call, as JSON.
// A call "checkAndBuild" checks form values with the rules, then builds the file from what was accepted.
"use strict";
const path = require("path");
const api = require(path.resolve(__dirname, "../../themes/labo/static/js/propose.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const results = job.calls.map(([name, ...args]) => {
    if (name === "checkAndBuild") {
      const [kind, values, body] = args;
      const kindRules = job.rules.kinds[kind];
      const outcome = api.check(kindRules, values, job.rules);
      return { errors: outcome.errors, file: api.buildFile(kindRules, outcome.data, body || "") };
    }
    if (name === "crossRules") { return Object.keys(api.CROSS).sort(); }
    return api[name](...args);
  });
  process.stdout.write(JSON.stringify(results));
});
