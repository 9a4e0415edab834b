// tongbao check.html — the page: file chooser and drop zone, the Worker running engine.js, the
// findings grouped by sheet, the preview, the downloads. Everything from the file is untrusted:
// the DOM is built with textContent only, never innerHTML.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var status = $("tb-status");

  function say(text, state) {
    status.textContent = text;
    status.setAttribute("data-state", state);
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function today() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }
  function mb(n) { return (n / 1048576).toFixed(1) + " MB"; }

  var data = null;
  try { data = JSON.parse($("tb-data").textContent); } catch (e) { data = null; }
  var wasm = ($("tb-wasm").textContent || "").trim();
  var supported = typeof WebAssembly === "object" && typeof Worker === "function" &&
    typeof Blob === "function" && typeof URL === "function" && typeof FileReader === "function";
  $("tb-asof").value = today();

  if (!supported) {
    $("tb-unsupported").hidden = false;
    say("本浏览器不能运行检查程序。", "unsupported");
    return;
  }
  if (!wasm || !data) {
    $("tb-nochecker").hidden = false;
    say("本页不含检查程序。", "nochecker");
    return;
  }

  var worker = null, ready = false, seq = 0, current = null, ticker = null, lastFile = null;
  var lastReport = null;

  function startWorker() {
    var src = $("tb-engine").textContent + "\n" + $("tb-worker").textContent;
    var url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
    worker = new Worker(url);
    ready = false;
    worker.onmessage = onMessage;
    worker.onerror = function () { fail("检查程序运行出错，请刷新页面后重试。"); };
    worker.postMessage({ type: "init", wasm: wasm, data: $("tb-data").textContent });
    say("正在载入检查程序…", "loading");
  }

  function fail(text) {
    stopTicker();
    say(text, "failed");
    $("tb-cancel").hidden = true;
  }
  function stopTicker() { if (ticker) { clearInterval(ticker); ticker = null; } }

  function onMessage(ev) {
    var m = ev.data;
    if (m.type === "ready") {
      ready = true;
      say("检查程序已就绪：请选择或拖入本单位的台账文件。", "ready");
      if (lastFile) run(lastFile);
    } else if (m.type === "failed") {
      fail("检查程序无法启动：" + m.message);
    } else if (m.type === "report" && current && m.id === current.id) {
      stopTicker();
      $("tb-cancel").hidden = true;
      var secs = ((Date.now() - current.started) / 1000).toFixed(1);
      current = null;
      if (m.report.error) { fail(m.report.error); return; }
      lastReport = m.report;
      try {
        show(m.report);
      } catch (e) {
        fail("显示检查结果时出错：" + (e && e.message ? e.message : e));
        return;
      }
      say("检查完成（用时 " + secs + " 秒）。", "done");
    }
  }

  function run(file) {
    lastFile = file;
    if (!ready) return;
    var id = ++seq;
    var started = Date.now();
    current = { id: id, started: started };
    $("tb-cancel").hidden = false;
    var line = function () {
      var s = Math.floor((Date.now() - started) / 1000);
      say("正在检查 " + file.name + "（" + mb(file.size) + "），已用时 " + s + " 秒…", "checking");
    };
    line();
    stopTicker();
    ticker = setInterval(line, 500);
    var reader = new FileReader();
    reader.onload = function () {
      if (!current || current.id !== id) return;
      worker.postMessage({ type: "check", id: id, name: file.name, bytes: reader.result,
        asOf: $("tb-asof").value || today() }, [reader.result]);
    };
    reader.onerror = function () { fail("无法读取所选文件：" + file.name); };
    reader.readAsArrayBuffer(file);
  }

  $("tb-cancel").addEventListener("click", function () {
    current = null;
    stopTicker();
    worker.terminate();
    $("tb-cancel").hidden = true;
    lastFile = null;
    startWorker();
    say("已取消。", "ready");
  });
  $("tb-file").addEventListener("change", function () {
    if (this.files && this.files[0]) run(this.files[0]);
    // Cleared, so that choosing the same file again after correcting it checks it again.
    this.value = "";
  });
  $("tb-asof").addEventListener("change", function () { if (lastFile) run(lastFile); });
  var drop = $("tb-drop");
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) run(f);
  });
  drop.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("tb-file").click(); }
  });

  // ------------------------------------------------------------------ results
  function place(f) {
    if (f.sheet && f.cell) return f.sheet + "!" + f.cell;
    return f.sheet || f.cell || "（整个文件）";
  }
  function ruleText(f) {
    if (!f.rule) return "";
    return f.rule + (f.clauses ? "（第" + f.clauses + "条）" : "");
  }
  function groups(findings) {
    var order = [], by = {};
    findings.forEach(function (f) {
      var key = f.sheet || "（整个文件）";
      if (!by[key]) { by[key] = []; order.push(key); }
      by[key].push(f);
    });
    return order.map(function (k) { return { sheet: k, items: by[k] }; });
  }
  function counts(findings) {
    var c = { error: 0, warning: 0, info: 0 };
    findings.forEach(function (f) { c[f.severity] = (c[f.severity] || 0) + 1; });
    return c;
  }

  function show(r) {
    $("tb-result").hidden = false;
    $("tb-file-name").textContent = r.file;
    var unit = $("tb-unit");
    clear(unit);
    var unknown = r.findings.filter(function (f) { return f.code === "unknown_unit"; })[0];
    if (r.unit && !unknown) {
      unit.appendChild(el("span", "识别为："));
      unit.appendChild(el("strong", r.unit, { id: "tb-unit-name" }));
    } else if (unknown) {
      unit.appendChild(el("span", "封面单位名称“" + (unknown.raw || "") + "”不在学校单位名册中" +
        (r.closest.length ? "（最接近：" + r.closest.join("、") + "）" : "") + "，本文件不会计入。"));
    } else {
      unit.appendChild(el("span", "未能识别为学校单位名册中的单位。"));
    }
    var c = counts(r.findings);
    $("tb-counts").textContent = r.findings.length === 0 ? "没有发现问题。" :
      "发现 " + r.findings.length + " 条：错误 " + c.error + " 条，警告 " + c.warning +
      " 条，提示 " + c.info + " 条。";
    var box = $("tb-findings");
    clear(box);
    groups(r.findings).forEach(function (g) {
      var sec = el("section", null, { class: "sheet", "data-sheet": g.sheet });
      sec.appendChild(el("h3", g.sheet + "（" + g.items.length + " 条）"));
      var table = el("table");
      var head = el("tr");
      ["位置", "程度", "问题与要求", "原值", "规则"].forEach(function (h) {
        head.appendChild(el("th", h, { scope: "col" }));
      });
      table.appendChild(el("thead")).appendChild(head);
      var body = table.appendChild(el("tbody"));
      g.items.forEach(function (f) {
        var tr = el("tr", null, { class: "finding " + f.severity, "data-code": f.code,
          "data-cell": f.cell || "", "data-sheet": f.sheet || "", "data-severity": f.severity });
        tr.appendChild(el("td", place(f), { class: "where" }));
        tr.appendChild(el("td", f.severity_label, { class: "sev" }));
        var what = el("td", null, { class: "what" });
        what.appendChild(el("span", f.unit_text, { class: "text" }));
        what.appendChild(el("span", " [" + f.code + "]", { class: "code" }));
        tr.appendChild(what);
        tr.appendChild(el("td", f.raw === null || f.raw === undefined ? "" : f.raw, { class: "raw" }));
        tr.appendChild(el("td", ruleText(f), { class: "rule" }));
        body.appendChild(tr);
      });
      sec.appendChild(table);
      box.appendChild(sec);
    });
    showPreview(r);
  }

  function scoreText(p) {
    if (p.score === null || p.score === undefined) return "—";
    return p.score.toFixed(1) + " 分（" + p.grade + (p.provisional ? "，暂评" : "") + "）";
  }

  function showPreview(r) {
    var box = $("tb-preview");
    clear(box);
    if (!r.preview) {
      box.appendChild(el("p", r.no_preview || "暂无评价预览", { id: "tb-no-preview" }));
      return;
    }
    var p = r.preview;
    box.appendChild(el("p", p.unit + " · " + p.period_label + " · 截至 " + p.as_of +
      " · 报送截止 " + p.submission_due + (p.late_submission ? "（本文件报送日期晚于截止日期）" : ""),
      { class: "muted" }));
    var table = el("table", null, { id: "tb-preview-table" });
    var head = el("tr");
    ["规则", "要求", "条款", "状态", "说明"].forEach(function (h) {
      head.appendChild(el("th", h, { scope: "col" }));
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    p.rules.forEach(function (x) {
      var tr = el("tr", null, { "data-rule": x.id, "data-status": x.status });
      tr.appendChild(el("td", x.id));
      tr.appendChild(el("td", x.title + (x.from_register ? "（据保卫处台账）" : "")));
      tr.appendChild(el("td", x.clause));
      tr.appendChild(el("td", x.status_label, { class: "st " + x.status }));
      tr.appendChild(el("td", x.detail));
      body.appendChild(tr);
    });
    box.appendChild(table);
    box.appendChild(el("p", "预计得分：" + scoreText(p), { id: "tb-score" }));
    p.veto_risks.forEach(function (v) { box.appendChild(el("p", "一票否决风险：" + v, { class: "risk" })); });
    p.notes.forEach(function (n) { box.appendChild(el("p", n, { class: "muted" })); });
  }

  // ------------------------------------------------------------------ downloads
  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function mdCell(s) {
    return String(s === null || s === undefined ? "" : s)
      .replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ")
      .replace(/([*_`\[\]<>#])/g, "\\$1");
  }
  function reportTitle(r) { return "台账自查结果：" + r.file; }
  function toMarkdown(r) {
    var out = ["# " + mdCell(reportTitle(r)), "",
      "- 识别为：" + mdCell(r.unit || "未能识别"), "- 检查依据：" + mdCell(data.title) + "（" + data.period + "）",
      "- 评价基准日：" + mdCell($("tb-asof").value), "- " + $("tb-counts").textContent, ""];
    groups(r.findings).forEach(function (g) {
      out.push("## " + mdCell(g.sheet), "", "| 位置 | 程度 | 问题与要求 | 原值 | 规则 |", "|---|---|---|---|---|");
      g.items.forEach(function (f) {
        out.push("| " + [place(f), f.severity_label, f.unit_text + "（" + f.code + "）", f.raw, ruleText(f)]
          .map(mdCell).join(" | ") + " |");
      });
      out.push("");
    });
    if (r.preview) {
      out.push("## 评价预览（以保卫处通报为准）", "", "| 规则 | 要求 | 条款 | 状态 | 说明 |", "|---|---|---|---|---|");
      r.preview.rules.forEach(function (x) {
        out.push("| " + [x.id, x.title, x.clause, x.status_label, x.detail].map(mdCell).join(" | ") + " |");
      });
      out.push("", "预计得分：" + mdCell(scoreText(r.preview)), "");
    }
    return out.join("\n");
  }
  function toHtml(r) {
    var rows = function (list, cells) {
      return list.map(function (x) {
        return "<tr>" + cells(x).map(function (c) { return "<td>" + esc(c) + "</td>"; }).join("") + "</tr>";
      }).join("\n");
    };
    var head = function (hs) { return "<tr>" + hs.map(function (h) { return "<th>" + esc(h) + "</th>"; }).join("") + "</tr>"; };
    var parts = ["<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(reportTitle(r)) + "</title>",
      "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}</style></head><body>",
      "<h1>" + esc(reportTitle(r)) + "</h1>",
      "<p>识别为：" + esc(r.unit || "未能识别") + "；检查依据：" + esc(data.title) + "（" + esc(data.period) + "）；评价基准日：" + esc($("tb-asof").value) + "</p>",
      "<p>" + esc($("tb-counts").textContent) + "</p>"];
    groups(r.findings).forEach(function (g) {
      parts.push("<h2>" + esc(g.sheet) + "</h2><table>" + head(["位置", "程度", "问题与要求", "原值", "规则"]) +
        rows(g.items, function (f) { return [place(f), f.severity_label, f.unit_text + "（" + f.code + "）", f.raw, ruleText(f)]; }) + "</table>");
    });
    if (r.preview) {
      parts.push("<h2>评价预览（以保卫处通报为准）</h2><table>" + head(["规则", "要求", "条款", "状态", "说明"]) +
        rows(r.preview.rules, function (x) { return [x.id, x.title, x.clause, x.status_label, x.detail]; }) +
        "</table><p>预计得分：" + esc(scoreText(r.preview)) + "</p>");
    }
    parts.push("</body></html>\n");
    return parts.join("\n");
  }
  function download(text, type, ext) {
    if (!lastReport) return;
    var stem = lastReport.file.replace(/\.[^.]*$/, "");
    var a = el("a", null, { download: stem + "-自查结果." + ext });
    a.href = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  $("tb-save-html").addEventListener("click", function () {
    if (lastReport) download(toHtml(lastReport), "text/html", "html");
  });
  $("tb-save-md").addEventListener("click", function () {
    if (lastReport) download(toMarkdown(lastReport), "text/markdown", "md");
  });
  window.tongbaoCheck = { markdown: function () { return lastReport && toMarkdown(lastReport); },
    html: function () { return lastReport && toHtml(lastReport); } };

  startWorker();
})();
