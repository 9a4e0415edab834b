//! Print the rendered bulletin with headless Chromium (when installed) and check the PDF; check
//! that the HTML references nothing outside itself. Set TONGBAO_BROWSER_OUT=DIR to keep the PDFs.

mod common_report;

use common_report::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn bulletin(r: &tongbao::eval::Results) -> String {
    let files = tongbao::report::render_all(r, &cfg(), None).unwrap();
    String::from_utf8(files[&PathBuf::from("bulletin.html")].clone()).unwrap()
}

/// No external reference of any kind (the fixture's quoted formula text aside).
fn assert_self_contained(html: &str) {
    let html = html.replace("&quot;http://x&quot;", "");
    for bad in [
        "http://",
        "https://",
        "src=\"//",
        "href=\"//",
        "url(",
        "@import",
        "<script",
        "<link",
        "<img",
    ] {
        assert!(!html.contains(bad), "bulletin contains {bad}");
    }
}

fn print_pdf(html_path: &Path, dir: &Path) -> Vec<u8> {
    let pdf = dir.join("b.pdf");
    let profile = dir.join("profile");
    let status = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", html_path.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(&pdf).unwrap()
}

/// Every page's MediaBox is A4 (595.3 × 841.9 pt, within a point).
fn assert_a4(pdf: &[u8]) {
    let text = String::from_utf8_lossy(pdf);
    let boxes: Vec<&str> = text.split("/MediaBox [").skip(1).collect();
    assert!(!boxes.is_empty(), "no MediaBox in the PDF");
    for b in boxes {
        let nums: Vec<f64> = b
            .split(']')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let (w, h) = (nums[2] - nums[0], nums[3] - nums[1]);
        assert!(
            (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
            "page is {w}×{h} pt, not A4"
        );
    }
}

fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[test]
fn bulletin_prints_to_pdf() {
    let cases = [("h1", h1()), ("year", year())];
    for (_, r) in &cases {
        assert_self_contained(&bulletin(r));
    }
    if !Path::new(CHROMIUM).exists() {
        // .ci/run installs chromium: in CI its absence is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI 中应已安装 {CHROMIUM}（.ci/run 负责安装）"
        );
        println!("跳过：未安装 {CHROMIUM}，不做打印测试");
        return;
    }
    for (name, r) in cases {
        let dir = tempfile::tempdir().unwrap();
        let html_path = dir.path().join("bulletin.html");
        std::fs::write(&html_path, bulletin(&r)).unwrap();
        let pdf = print_pdf(&html_path, dir.path());
        assert!(pdf.starts_with(b"%PDF"), "not a PDF");
        assert_a4(&pdf);
        let pages = page_count(&pdf);
        assert!(
            pages >= 2,
            "{name}: {pages} pages (the appendix starts a new page)"
        );
        if let Ok(out) = std::env::var("TONGBAO_BROWSER_OUT") {
            std::fs::write(Path::new(&out).join(format!("{name}.pdf")), &pdf).unwrap();
            std::fs::write(Path::new(&out).join(format!("{name}.html")), bulletin(&r)).unwrap();
        }
    }
}
