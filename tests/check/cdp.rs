//! A small synchronous Chrome DevTools Protocol client for check.html's browser test and
//! benchmark: the system chromium, headless, `--remote-debugging-port=0` (the port is read from
//! DevToolsActivePort in the fresh profile), one page target attached with flat sessions, over
//! `tungstenite` (no npm, no async runtime). Shared by tests/it/check/browser.rs and
//! benches/check_page.rs through `#[path]`.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Headless chromium on this machine and in CI: no sandbox (root), no GPU, no network of its
/// own (the profile is fresh, given by the caller as --user-data-dir).
pub const HEADLESS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// A headless chromium with one page.
pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    session: String,
    next: u64,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Start chromium with a fresh profile in `profile` and open a blank page.
    pub fn start(profile: &Path) -> Browser {
        let child = Command::new(CHROMIUM)
            .args(HEADLESS)
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let port_file = profile.join("DevToolsActivePort");
        let started = Instant::now();
        let text = loop {
            if let Ok(t) = std::fs::read_to_string(&port_file)
                && t.lines().count() >= 2
            {
                break t;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromium did not open its debugging port"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut lines = text.lines();
        let port = lines.next().unwrap_or_default().trim().to_string();
        let path = lines.next().unwrap_or_default().trim().to_string();
        let stream = TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap())).unwrap();
        let url = format!("ws://127.0.0.1:{port}{path}");
        let (ws, _) = tungstenite::client(url.as_str(), stream).expect("devtools websocket");
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
        };
        let target = b.call("Target.createTarget", json!({ "url": "about:blank" }));
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({ "targetId": id, "flatten": true }),
        );
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        b
    }

    /// One command (on the page's session once attached); its `result`. Events are skipped.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        self.ws.send(Message::text(msg.to_string())).unwrap();
        loop {
            let m = self.ws.read().expect("devtools message");
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"].as_u64() == Some(id) {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    /// Navigate and wait until the document has loaded.
    pub fn open(&mut self, url: &str) {
        self.call("Page.enable", json!({}));
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_for(
            "document.readyState === 'complete'",
            Duration::from_secs(30),
        );
    }

    /// The value of a JavaScript expression (JSON-serialisable).
    pub fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expr, "returnByValue": true }),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    /// Poll `expr` until it is true; panics after `limit`. Returns the time it took.
    pub fn wait_for(&mut self, expr: &str, limit: Duration) -> Duration {
        let started = Instant::now();
        loop {
            if self.eval(expr) == Value::Bool(true) {
                return started.elapsed();
            }
            if started.elapsed() >= limit {
                let status = self.eval(
                    "(document.getElementById('tb-status') || document.body || {}).textContent",
                );
                panic!("timed out waiting for {expr}; the page says: {status}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Set `path` on the file input `selector` (fires its change event, as a user's choice).
    pub fn set_file(&mut self, selector: &str, path: &Path) {
        let doc = self.call("DOM.getDocument", json!({}));
        let root = doc["root"]["nodeId"].clone();
        let node = self.call(
            "DOM.querySelector",
            json!({ "nodeId": root, "selector": selector }),
        );
        self.call(
            "DOM.setFileInputFiles",
            json!({ "files": [path.display().to_string()], "nodeId": node["nodeId"] }),
        );
    }
}

/// check.html's status line state (`data-state`).
pub const STATE: &str = "document.getElementById('tb-status').dataset.state";

/// What the page shows after a check: findings and preview rows from the DOM.
pub const READ_RESULT: &str = r#"JSON.stringify({
  status: document.getElementById('tb-status').textContent,
  unit: (document.getElementById('tb-unit-name') || {}).textContent || null,
  findings: Array.from(document.querySelectorAll('#tb-findings tr.finding')).map(tr => ({
    code: tr.dataset.code, sheet: tr.dataset.sheet, cell: tr.dataset.cell,
    severity: tr.dataset.severity,
    where: tr.querySelector('.where').textContent,
    text: tr.querySelector('.what .text').textContent,
    raw: tr.querySelector('.raw').textContent,
    rule: tr.querySelector('.rule').textContent })),
  sheets: Array.from(document.querySelectorAll('#tb-findings section.sheet')).map(s => s.dataset.sheet),
  preview: Array.from(document.querySelectorAll('#tb-preview-table tbody tr')).map(tr => ({
    rule: tr.dataset.rule, status: tr.dataset.status,
    cells: Array.from(tr.cells).map(c => c.textContent) })),
  score: (document.getElementById('tb-score') || {}).textContent || null,
  no_preview: (document.getElementById('tb-no-preview') || {}).textContent || null
})"#;
