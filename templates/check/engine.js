// tongbao check.html — the glue around the WebAssembly module (check/src/lib.rs): bytes in,
// JSON out. The same file runs in the page's Web Worker and under Node in the tests
// (tests/check/run-engine.js), so what the tests check is what the page runs.
/* exported TongbaoEngine */
var TongbaoEngine = (function () {
  "use strict";
  var encoder = new TextEncoder();
  var decoder = new TextDecoder("utf-8");

  // Dependencies built for wasm-bindgen leave imports no code path of the checker calls; each is
  // answered with a function that throws, so a call would end that check like a trap.
  function stubImports(module) {
    var imports = {};
    WebAssembly.Module.imports(module).forEach(function (imp) {
      imports[imp.module] = imports[imp.module] || {};
      if (imp.kind === "function") {
        imports[imp.module][imp.name] = function () {
          throw new Error("unsupported import " + imp.name);
        };
      }
    });
    return imports;
  }

  function Engine(module, data) {
    this.module = module;
    this.data = data;
    this.fresh();
  }

  // A new instance: after a trap the old one's memory may be in any state.
  Engine.prototype.fresh = function () {
    this.instance = new WebAssembly.Instance(this.module, stubImports(this.module));
    this.x = this.instance.exports;
    var status = this.x.tb_init.apply(null, this.put(this.data));
    if (status !== 0) {
      var why = this.out();
      throw new Error(why.error || "检查模块无法载入本次通报的数据");
    }
  };

  // Copy bytes (Uint8Array) or text into a module buffer: [pointer, length].
  Engine.prototype.put = function (value) {
    var bytes = typeof value === "string" ? encoder.encode(value) : value;
    var ptr = this.x.tb_alloc(bytes.length);
    new Uint8Array(this.x.memory.buffer, ptr, bytes.length).set(bytes);
    return [ptr, bytes.length];
  };

  Engine.prototype.out = function () {
    var ptr = this.x.tb_out_ptr();
    var len = this.x.tb_out_len();
    return JSON.parse(decoder.decode(new Uint8Array(this.x.memory.buffer, ptr, len)));
  };

  // Check one file: bytes (Uint8Array), its name, the as-of date (YYYY-MM-DD). Returns the
  // report object (or {error}); a trap gives the report of an unreadable file.
  Engine.prototype.check = function (bytes, name, asOf) {
    try {
      var file = this.put(bytes);
      var args = file.concat(this.put(name), this.put(asOf));
      this.x.tb_check.apply(null, args);
      return this.out();
    } catch (e) {
      this.fresh();
      this.x.tb_trapped.apply(null, this.put(name).concat([bytes.length]));
      var report = this.out();
      report.trapped = String(e && e.message ? e.message : e);
      return report;
    }
  };

  // Decode the page's base64 module text.
  function fromBase64(text) {
    var bin = atob(text.replace(/\s+/g, ""));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  return {
    // wasm: bytes of the module; data: the page's data JSON text. Resolves to an Engine.
    create: function (wasm, data) {
      return WebAssembly.compile(wasm).then(function (module) {
        return new Engine(module, data);
      });
    },
    fromBase64: fromBase64,
  };
})();

if (typeof module !== "undefined" && module.exports) {
  module.exports = TongbaoEngine;
}
