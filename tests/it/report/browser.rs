//! Print the rendered bulletin with headless Chromium and read the PDF back with pdftotext
//! (poppler-utils), as the office prints it: the sample's 2026H1, 2026 and 2026 preview, and a
//! 100-unit H1 and year (with a masthead). Checked on every page count (outputs.md "Print
//! rules"): A4; the page holding the 成文日期 also holds body text (GB/T 9704 7.3.5); no page
//! before the 附件 is less than a third full except where a chart or table had to move to the
//! next page (and the last page of the text, which the 附件's page break ends); the 版记 sits in
//! the lower part of the last page (when the 附件 fits on one page); nothing prints outside the 156 mm text block; the masthead
//! is printed above the 发文字号. Also: the HTML references nothing outside itself.
//! Set TONGBAO_BROWSER_OUT=DIR to keep the PDFs (and see the page counts on stdout).

use crate::support::results::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use tongbao::config::Config;
use tongbao::eval::Results;

const CHROMIUM: &str = "/usr/bin/chromium";
const PDFTOTEXT: &str = "/usr/bin/pdftotext";
/// 1 mm in PDF points.
const MM: f64 = 72.0 / 25.4;

fn bulletin(r: &Results, cfg: &Config) -> String {
    let files = tongbao::report::render_all(r, cfg, None).unwrap();
    String::from_utf8(files[&PathBuf::from("bulletin.html")].clone()).unwrap()
}

/// No external reference of any kind (the fixture's quoted formula text aside).
fn assert_self_contained(html: &str) {
    let html = html.replace("&quot;http://x&quot;", "");
    crate::support::read_back::assert_self_contained(&html, "bulletin");
}

fn print_pdf(html_path: &Path, dir: &Path) -> PathBuf {
    let pdf = dir.join("b.pdf");
    let profile = dir.join("profile");
    let status = Command::new(CHROMIUM)
        .args(crate::check::cdp::HEADLESS)
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
    pdf
}

/// One printed line: its top and bottom (pt from the top of the page) and its text.
#[derive(Debug, Clone)]
struct Line {
    top: f64,
    bottom: f64,
    text: String,
}

#[derive(Debug)]
struct Page {
    width: f64,
    height: f64,
    lines: Vec<Line>,
    /// Left and right edges of every word.
    xs: Vec<(f64, f64, String)>,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let rest = &tag[start..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

/// `pdftotext -bbox`: words per page, grouped into lines by their vertical position.
fn read_pages(pdf: &Path) -> Vec<Page> {
    let out = Command::new(PDFTOTEXT)
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut pages = Vec::new();
    for chunk in xml.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap()];
        let mut page = Page {
            width: attr(head, "width"),
            height: attr(head, "height"),
            lines: Vec::new(),
            xs: Vec::new(),
        };
        for w in chunk.split("<word ").skip(1) {
            let tag = &w[..w.find('>').unwrap()];
            let text = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            let (top, bottom) = (attr(tag, "yMin"), attr(tag, "yMax"));
            page.xs
                .push((attr(tag, "xMin"), attr(tag, "xMax"), text.to_string()));
            match page.lines.iter_mut().find(|l| (l.top - top).abs() < 3.0) {
                Some(l) => {
                    l.text.push_str(text);
                    l.bottom = l.bottom.max(bottom);
                }
                None => page.lines.push(Line {
                    top,
                    bottom,
                    text: text.to_string(),
                }),
            }
        }
        page.lines.sort_by(|a, b| a.top.total_cmp(&b.top));
        pages.push(page);
    }
    pages
}

/// Lines inside the text block (the page number in the foot margin left out).
fn body(p: &Page) -> Vec<&Line> {
    let foot = p.height - 35.0 * MM;
    p.lines.iter().filter(|l| l.top < foot - 2.0).collect()
}

/// How much of the 225 mm text block is used, down to the lowest printed line.
fn fill(p: &Page) -> f64 {
    let top = 37.0 * MM;
    let bottom = body(p).iter().map(|l| l.bottom).fold(top, f64::max);
    (bottom - top) / (225.0 * MM)
}

/// Lines that open a chart or a table, which may leave the page before partly blank.
const MOVED: [&str; 6] = [
    "各项要求达标率",
    "年终考核得分排名",
    "预评参考分排名",
    "等级分布",
    "要求条款达标",
    "名次单位类别",
];

fn check_print(name: &str, pages: &[Page], date_cn: &str, masthead: Option<&str>) {
    for (i, p) in pages.iter().enumerate() {
        assert!(
            (p.width - 595.3).abs() < 1.0 && (p.height - 841.9).abs() < 1.0,
            "{name}: page {} is {}×{} pt, not A4",
            i + 1,
            p.width,
            p.height
        );
        for (x0, x1, w) in &p.xs {
            assert!(
                *x0 >= 27.0 * MM && *x1 <= 185.5 * MM,
                "{name}: page {}: “{w}” prints outside the text block ({x0:.0}–{x1:.0} pt)",
                i + 1
            );
        }
    }
    let appendix = pages
        .iter()
        .position(|p| body(p).first().is_some_and(|l| l.text == "附件"))
        .unwrap_or_else(|| panic!("{name}: no page opens with 附件"));
    assert!(appendix >= 1, "{name}: the 附件 is on the first page");
    // 落款 and 成文日期 with body text (7.3.5).
    let sig = &pages[appendix - 1];
    let lines = body(sig);
    let date_at = lines
        .iter()
        .position(|l| l.text == date_cn)
        .unwrap_or_else(|| panic!("{name}: 成文日期 {date_cn} not on the page before the 附件"));
    let text_lines = lines[..date_at]
        .iter()
        .filter(|l| !l.text.starts_with("附件：") && l.text.chars().count() > 12)
        .count();
    assert!(
        text_lines >= 1,
        "{name}: page {} holds the 落款 and 成文日期 without body text: {:?}",
        appendix,
        lines.iter().map(|l| &l.text).collect::<Vec<_>>()
    );
    // No mostly blank page before the 附件 (the text's last page ends with a forced break).
    for i in 0..appendix.saturating_sub(1) {
        let next_opens = body(&pages[i + 1])
            .first()
            .map(|l| l.text.clone())
            .unwrap_or_default();
        let moved = MOVED.iter().any(|m| next_opens.starts_with(m));
        let f = fill(&pages[i]);
        assert!(
            f >= 1.0 / 3.0 || moved,
            "{name}: page {} is {:.0}% full (next page opens with “{next_opens}”)",
            i + 1,
            f * 100.0
        );
    }
    // 版记 at the foot of the last page, when the 附件 fits on one page (a longer 附件 is
    // followed by the 版记 on its last page: Chromium cannot push it to the foot there).
    let last = pages.last().unwrap();
    if pages.len() - appendix > 1 {
        assert!(
            body(last).iter().any(|l| l.text.contains("印发")),
            "{name}: no 版记"
        );
        return check_masthead(name, pages, masthead);
    }
    let printed = body(last)
        .into_iter()
        .find(|l| l.text.contains("印发"))
        .unwrap_or_else(|| panic!("{name}: no 版记 on the last page"));
    assert!(
        printed.bottom > last.height - 35.0 * MM - 40.0 * MM,
        "{name}: the 版记 is not at the foot of the last page (bottom at {:.0} pt)",
        printed.bottom
    );
    check_masthead(name, pages, masthead);
}

fn check_masthead(name: &str, pages: &[Page], masthead: Option<&str>) {
    if let Some(m) = masthead {
        let first = body(&pages[0]);
        assert_eq!(first[0].text, m, "{name}: masthead not first");
        assert!(
            first[1].text.contains('〔'),
            "{name}: 发文字号 not under it"
        );
    }
}

/// The fixture's units repeated to 100 (names made unique), ranks renumbered.
fn hundred(mut r: Results) -> Results {
    let base = r.units.clone();
    r.units = (0..100)
        .map(|i| {
            let mut u = base[i % base.len()].clone();
            u.name = format!("{}{}", u.name, i / base.len() + 1);
            u.order = i;
            u.rank = i + 1;
            u.feedback = format!("feedback/u{i}.html");
            u
        })
        .collect();
    r.summary.roster = 100;
    r
}

fn cases() -> Vec<(&'static str, Results, Config, Option<&'static str>)> {
    let (c1, h1s) = crate::support::books::sample("2026H1", d(2026, 7, 15), Some(12));
    let (c2, years) = crate::support::books::sample("2026", d(2027, 1, 12), Some(12));
    let (c3, preview) = crate::support::books::sample("2026", d(2026, 7, 15), Some(12));
    let mut masthead = cfg();
    masthead.school.masthead = Some("厦门城市职业学院文件".into());
    vec![
        ("sample-2026H1", h1s, c1, None),
        ("sample-2026", years, c2, None),
        ("sample-2026-preview", preview, c3, None),
        ("100-units-H1", hundred(h1()), cfg(), None),
        (
            "100-units-year",
            hundred(year()),
            masthead,
            Some("厦门城市职业学院文件"),
        ),
    ]
}

#[test]
fn bulletin_prints_to_pdf() {
    let cases = cases();
    for (_, r, c, _) in &cases {
        assert_self_contained(&bulletin(r, c));
    }
    for tool in [CHROMIUM, PDFTOTEXT] {
        if !Path::new(tool).exists() {
            // .ci/run installs both: in CI their absence is a failure, not a skip.
            assert!(
                std::env::var_os("CI").is_none(),
                "CI 中应已安装 {tool}（.ci/run 负责安装）"
            );
            println!("跳过：未安装 {tool}，不做打印测试");
            return;
        }
    }
    // Printed side by side: one Chromium per case.
    std::thread::scope(|scope| {
        let jobs: Vec<_> = cases
            .iter()
            .map(|(name, r, c, masthead)| {
                scope.spawn(move || print_and_check(name, r, c, *masthead))
            })
            .collect();
        for j in jobs {
            if let Err(e) = j.join() {
                std::panic::resume_unwind(e);
            }
        }
    });
}

fn print_and_check(name: &str, r: &Results, c: &Config, masthead: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("bulletin.html");
    std::fs::write(&html_path, bulletin(r, c)).unwrap();
    let pdf = print_pdf(&html_path, dir.path());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let pages = read_pages(&pdf);
    println!("{name}: {} pages", pages.len());
    if let Ok(out) = std::env::var("TONGBAO_BROWSER_OUT") {
        std::fs::write(Path::new(&out).join(format!("{name}.pdf")), &bytes).unwrap();
    }
    let date = tongbao::report::view::date_cn(r.as_of);
    check_print(name, &pages, &date, masthead);
}
