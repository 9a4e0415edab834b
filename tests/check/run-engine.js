// Runs check.html's engine under Node, as the page's Worker runs it: the same glue
// (templates/check/engine.js), the module and data taken from a built check.html.
// Usage: node run-engine.js CHECK_HTML AS_OF FILE...  → one JSON array on stdout:
// [{"path": FILE, "report": {...}}, ...] (tests/it/check/node.rs compares it with check --json).
// TB_TRAP=1 makes the first check's first call into the module trap (as running out of memory
// would), to test the glue's recovery: a fresh instance and the report of an unreadable file.
"use strict";
const fs = require("fs");
const path = require("path");
const Engine = require(path.join(__dirname, "..", "..", "templates", "check", "engine.js"));

function script(html, id) {
  const open = html.indexOf('id="' + id + '">');
  if (open < 0) throw new Error("no #" + id + " in the page");
  const start = open + id.length + 6;
  return html.slice(start, html.indexOf("</script>", start));
}

async function main() {
  const [page, asOf, ...files] = process.argv.slice(2);
  const html = fs.readFileSync(page, "utf8");
  const wasm = script(html, "tb-wasm").trim();
  if (!wasm) throw new Error("the page has no checker");
  const engine = await Engine.create(Engine.fromBase64(wasm), script(html, "tb-data"));
  if (process.env.TB_TRAP === "1") {
    engine.put = function () {
      delete engine.put;
      throw new WebAssembly.RuntimeError("unreachable");
    };
  }
  const out = files.map((file) => ({
    path: file,
    report: engine.check(new Uint8Array(fs.readFileSync(file)), path.basename(file), asOf),
  }));
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
