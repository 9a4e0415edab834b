//! Print legibility, checked the way a clerk sees it: summary.xlsx of the sample (2026H1 and
//! 2026) and both blank templates are converted to PDF by LibreOffice (what File → Print does),
//! then `pdftotext -bbox` gives every word's box. Every page is A4, no word is smaller than
//! about 7 pt, nothing runs past the right edge, and every text of every printed sheet is
//! printed whole (wrapped, not cut at a cell edge or the page edge).
//! Needs `soffice` and `pdftotext`; under CI a missing tool fails the test (see .ci/run).
//! Set TONGBAO_PRINT_OUT=DIR to keep the PDFs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Smallest word box height (pt) accepted: the fonts LibreOffice prints with (DejaVu Sans,
/// Noto Sans CJK) give a box about 1.3 × the font size, so 9.0 pt ≈ 7 pt text.
const MIN_WORD_HEIGHT: f64 = 9.0;

fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("{tool} is required under CI (install it in .ci/run)");
    }
    found
}

/// A word of `pdftotext -bbox` output: (xMin, yMin, xMax, yMax, text).
type Word = (f64, f64, f64, f64, String);

/// Pages of a PDF as (width, height, words).
fn pages(pdf: &Path) -> Vec<(f64, f64, Vec<Word>)> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    html.split("<page ")
        .skip(1)
        .map(|p| {
            let attr = |s: &str, k: &str| -> f64 {
                let i = s.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                s[i..].split('"').next().unwrap().parse().unwrap()
            };
            let words = p
                .split("<word ")
                .skip(1)
                .map(|w| {
                    let text = w.split('>').nth(1).unwrap().split('<').next().unwrap();
                    let (x0, y0) = (attr(w, "xMin"), attr(w, "yMin"));
                    let (x1, y1) = (attr(w, "xMax"), attr(w, "yMax"));
                    (x0, y0, x1, y1, text.to_string())
                })
                .collect();
            (attr(p, "width"), attr(p, "height"), words)
        })
        .collect()
}

/// Convert every workbook in `dir` to PDF with LibreOffice (a private profile, so a running
/// instance does not interfere).
fn to_pdf(dir: &Path, names: &[&str]) {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let out = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(names.iter().map(|n| dir.join(n)))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sample_summary(period: &str, as_of: chrono::NaiveDate) -> Vec<u8> {
    let (_, results) = crate::support::books::sample_results(period, as_of);
    tongbao::report::xlsx::render(&results).unwrap()
}

/// Every text cell of the workbook's printed (visible) sheets, spaces and line breaks removed.
fn texts(xlsx: &[u8]) -> Vec<String> {
    use calamine::{Data, Reader, SheetVisible, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let visible: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::new();
    for name in visible {
        let range = wb.worksheet_range(&name).unwrap();
        for c in range.used_cells() {
            if let (_, _, Data::String(s)) = c {
                out.push(s.chars().filter(|c| !c.is_whitespace()).collect());
            }
        }
    }
    out
}

/// Whether `s` is printed whole: its characters appear in order in `text` (the PDF's words in
/// print order), starting where its first three characters do and within a window (wrapped
/// lines interleave with the neighbouring cells' lines).
fn printed_whole(text: &[char], s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    let head = &s[..3.min(s.len())];
    (0..text.len()).any(|i| {
        if !text[i..].starts_with(head) {
            return false;
        }
        let window = &text[i..text.len().min(i + s.len() * 8 + 200)];
        let mut want = s.iter().peekable();
        for c in window {
            if want.peek() == Some(&c) {
                want.next();
            }
        }
        want.peek().is_none()
    })
}

fn workdir() -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("TONGBAO_PRINT_OUT") {
        Some(d) => {
            std::fs::create_dir_all(&d).unwrap();
            (None, PathBuf::from(d))
        }
        None => {
            let t = tempfile::tempdir().unwrap();
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    }
}

#[test]
fn every_sheet_prints_legibly_on_a4() {
    if !have("soffice") || !have("pdftotext") {
        eprintln!("soffice or pdftotext not installed: print test skipped");
        return;
    }
    let (_keep, dir) = workdir();
    let cfg = tongbao::config::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tongbao.toml"),
    )
    .unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let books: Vec<(&str, Vec<u8>)> = vec![
        (
            "summary-2026H1.xlsx",
            sample_summary("2026H1", d(2026, 7, 15)),
        ),
        ("summary-2026.xlsx", sample_summary("2026", d(2027, 1, 12))),
        (
            "ledger.xlsx",
            tongbao::template::ledger_workbook(&cfg).unwrap(),
        ),
        (
            "register.xlsx",
            tongbao::template::register_workbook(&cfg).unwrap(),
        ),
    ];
    let names: Vec<&str> = books.iter().map(|(n, _)| *n).collect();
    for (n, bytes) in &books {
        std::fs::write(dir.join(n), bytes).unwrap();
    }
    to_pdf(&dir, &names);
    for n in &names {
        let pdf = dir.join(n.replace(".xlsx", ".pdf"));
        let pages = pages(&pdf);
        assert!(!pages.is_empty(), "{n}: no pages");
        let mut text = String::new();
        for (i, (w, h, words)) in pages.iter().enumerate() {
            let page = i + 1;
            let (short, long) = if w < h { (*w, *h) } else { (*h, *w) };
            assert!(
                (short - 595.3).abs() < 2.0 && (long - 841.9).abs() < 2.0,
                "{n} page {page} is {w}×{h}, not A4"
            );
            for (x0, y0, x1, y1, t) in words {
                assert!(
                    y1 - y0 >= MIN_WORD_HEIGHT,
                    "{n} page {page}: “{t}” prints {:.1} pt high (< {MIN_WORD_HEIGHT})",
                    y1 - y0
                );
                assert!(
                    *x0 >= 0.0 && *x1 <= *w,
                    "{n} page {page}: “{t}” runs off the page"
                );
                text.push_str(
                    &t.replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">"),
                );
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let xlsx = std::fs::read(dir.join(n)).unwrap();
        for s in texts(&xlsx).iter().filter(|s| s.chars().count() >= 6) {
            assert!(printed_whole(&chars, s), "{n}: “{s}” is not printed whole");
        }
        if n.starts_with("summary") {
            // Every unit appears; the 总表 and the other sheets are not cut off.
            for u in &cfg.units {
                assert!(text.contains(&u.name), "{n}: {} not printed", u.name);
            }
        } else {
            // The 填表说明 paragraphs wrap on the page instead of running off its edge.
            for line in [
                "每个工作表的第一行是表头",
                "中间不要留空行。",
                "文件请保存为.xlsx格式，不要加密。",
            ] {
                assert!(text.contains(line), "{n}: “{line}” not printed whole");
            }
        }
    }
}
