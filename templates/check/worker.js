// tongbao check.html — the Web Worker (created from a Blob URL, so it works from file://):
// engine.js is prepended to this text. Messages in: {type:"init", wasm, data} then
// {type:"check", id, name, bytes, asOf}; out: {type:"ready"} / {type:"failed", message} /
// {type:"progress", id, text} / {type:"report", id, report}.
/* global TongbaoEngine */
var engine = null;
self.onmessage = function (ev) {
  var m = ev.data;
  if (m.type === "init") {
    TongbaoEngine.create(TongbaoEngine.fromBase64(m.wasm), m.data).then(
      function (e) {
        engine = e;
        self.postMessage({ type: "ready" });
      },
      function (e) {
        self.postMessage({ type: "failed", message: String(e && e.message ? e.message : e) });
      }
    );
  } else if (m.type === "check" && engine) {
    self.postMessage({ type: "progress", id: m.id, text: "checking" });
    var report = engine.check(new Uint8Array(m.bytes), m.name, m.asOf);
    self.postMessage({ type: "report", id: m.id, report: report });
  }
};
