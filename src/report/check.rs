//! check.html (outputs.md "Office formats"; issue 12): the page where a unit checks its own
//! ledger in the browser. The build's `PageData` (core `check`: period, as-of, config without
//! comments, the register's published facts) is embedded as JSON, the WebAssembly module built
//! by build.rs as base64, and the glue (templates/check/*.js) as text; rendered with the same
//! tera machinery as the rest (`check.html.tera`, overridable). Nothing in the page makes a
//! request: it works from file:// and offline.

use super::templates::{engine, render};
use crate::eval::Results;
use crate::model::Register;
use serde::Serialize;
use std::path::Path;
use tongbao_core::check::{PageData, RegisterFacts, config_for_page};

/// The module (`$OUT_DIR/check.wasm`, see build.rs); empty when this build has none.
pub const CHECK_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/check.wasm"));
/// The glue shared by the Worker and the Node tests.
pub const ENGINE_JS: &str = include_str!("../../templates/check/engine.js");
const WORKER_JS: &str = include_str!("../../templates/check/worker.js");
const PAGE_JS: &str = include_str!("../../templates/check/page.js");
const CHECK_CSS: &str = include_str!("../../templates/check/check.css");

/// What the page says when the build has no checker.
pub const NO_CHECKER: &str = "本页不含检查程序：生成本页的 tongbao 在编译时未能构建 WebAssembly 检查模块（可运行 rustup target add wasm32-unknown-unknown 后重新编译）。请联系保卫处获取完整版本；台账问题仍以保卫处通报和各单位反馈意见为准。";

#[derive(Serialize)]
struct CheckView<'a> {
    school: &'a str,
    title: &'a str,
    period: &'a str,
    period_label: String,
    as_of: String,
    css: &'static str,
    data: String,
    wasm: String,
    engine: &'static str,
    worker: &'static str,
    page: &'static str,
    has_checker: bool,
    no_checker: &'static str,
}

/// The page's data from the build: its results, the config file's text, its counting register.
pub fn page_data(results: &Results, config_text: &str, register: Option<&Register>) -> PageData {
    PageData {
        period: results.period.clone(),
        as_of: results.as_of,
        title: results.title.clone(),
        school: results.school.clone(),
        config: config_for_page(config_text),
        register: register.map(RegisterFacts::of),
    }
}

/// check.html bytes.
pub fn render_check(data: &PageData, templates: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    render_check_with(data, CHECK_WASM, templates)
}

/// check.html bytes with the given module (empty: the page says it has no checker).
pub fn render_check_with(
    data: &PageData,
    wasm: &[u8],
    templates: Option<&Path>,
) -> anyhow::Result<Vec<u8>> {
    let tera = engine(templates)?;
    let period_label = data
        .period
        .parse::<crate::period::Period>()
        .map(|p| p.label_cn())
        .unwrap_or_else(|_| data.period.clone());
    let view = CheckView {
        school: &data.school,
        title: &data.title,
        period: &data.period,
        period_label,
        as_of: data.as_of.to_string(),
        css: CHECK_CSS,
        data: script_json(data)?,
        wasm: base64(wasm),
        engine: ENGINE_JS,
        worker: WORKER_JS,
        page: PAGE_JS,
        has_checker: !wasm.is_empty(),
        no_checker: NO_CHECKER,
    };
    render(&tera, "check.html", &view)
}

/// JSON safe inside `<script>`: `<`, `>` and `&` only occur inside strings, where `\u003c`
/// means the same, so `</script>` in a unit name cannot end the element.
fn script_json(data: &PageData) -> anyhow::Result<String> {
    let json = serde_json::to_string(data)?;
    Ok(json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}

/// Standard base64 with padding (what `atob` reads).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00, 0x01]), "//4AAQ==");
    }

    #[test]
    fn scripts_cannot_end_their_element() {
        for js in [ENGINE_JS, WORKER_JS, PAGE_JS] {
            assert!(!js.to_ascii_lowercase().contains("</script"));
        }
    }
}
