//! Rendering tests: determinism, escaping, safe file names, workbook cells, snapshots.

use crate::support::read_back::grid;
use crate::support::results::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use tongbao::report::render_all;

fn render(r: &tongbao::eval::Results) -> BTreeMap<PathBuf, Vec<u8>> {
    render_all(r, &cfg(), None).unwrap()
}

#[test]
fn rendering_twice_is_byte_identical() {
    for r in [h1(), year()] {
        assert_eq!(render(&r), render(&r));
    }
}

#[test]
fn expected_files() {
    let files = render(&h1());
    let names: Vec<String> = files
        .keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for want in [
        "bulletin.html",
        "bulletin.md",
        "summary.xlsx",
        "results.json",
        "feedback/信息工程系.html",
        "feedback/信息工程系.md",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing in {names:?}"
        );
    }
    for p in files.keys() {
        tongbao::output::check_relative(p).unwrap();
    }
}

#[test]
fn script_is_escaped_in_every_html_file() {
    for r in [h1(), year()] {
        let files = render(&r);
        let mut seen = 0;
        for (p, bytes) in &files {
            if p.extension().is_some_and(|e| e == "html") {
                let text = String::from_utf8(bytes.clone()).unwrap();
                assert!(!text.contains("<script"), "raw <script> in {}", p.display());
                assert!(
                    !text.to_lowercase().contains("javascript:"),
                    "{}",
                    p.display()
                );
                if text.contains("&lt;script&gt;") {
                    seen += 1;
                }
            }
        }
        assert!(
            seen >= 2,
            "escaped name shown in bulletin and its feedback page"
        );
        let md = String::from_utf8(files[&PathBuf::from("bulletin.md")].clone()).unwrap();
        assert!(!md.contains("<script>"), "raw <script> in bulletin.md");
        assert!(md.contains("\\<script\\>"));
    }
}

#[test]
fn hostile_unit_name_gives_safe_feedback_file() {
    let files = render(&h1());
    let fb: Vec<&PathBuf> = files.keys().filter(|p| p.starts_with("feedback")).collect();
    assert_eq!(fb.len(), 8, "{fb:?}");
    for p in fb {
        let comps: Vec<_> = p.components().collect();
        assert_eq!(comps.len(), 2, "{}", p.display());
        let name = p.file_name().unwrap().to_str().unwrap();
        assert!(!name.contains(['/', '\\', '<', '>']), "{name}");
    }
    assert!(
        files.contains_key(&PathBuf::from("feedback/x.html"))
            || files.keys().any(|p| p.to_string_lossy().contains("etc_x"))
    );
}

fn sheet_xml(xlsx: &[u8], sheet_no: usize) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut f = zip
        .by_name(&format!("xl/worksheets/sheet{sheet_no}.xml"))
        .unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn formula_text_is_a_string_cell() {
    let files = render(&h1());
    let xlsx = &files[&PathBuf::from("summary.xlsx")];
    for n in 1..=10 {
        let xml = sheet_xml(xlsx, n);
        assert!(!xml.contains("<f>"), "formula in sheet{n}");
        assert!(!xml.contains("<f "), "formula in sheet{n}");
    }
    // 挂牌督办 (sheet 5) and 数据问题 (sheet 8) hold it as a shared string.
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.clone())).unwrap();
    let range = wb.worksheet_range("挂牌督办").unwrap();
    let found = range
        .cells()
        .any(|(_, _, c)| matches!(c, calamine::Data::String(s) if s == FORMULA));
    assert!(found, "hazard name kept as text");
    let f = wb.worksheet_formula("挂牌督办").unwrap();
    assert!(f.cells().all(|(_, _, c)| c.is_empty()));
}

#[test]
fn summary_sheet_snapshot() {
    let files = render(&h1());
    insta::assert_snapshot!(
        "summary_h1",
        grid(&files[&PathBuf::from("summary.xlsx")], "总表")
    );
}

#[test]
fn bulletin_md_snapshots() {
    for (name, r) in [("bulletin_h1", h1()), ("bulletin_year", year())] {
        let files = render(&r);
        let md = String::from_utf8(files[&PathBuf::from("bulletin.md")].clone()).unwrap();
        insta::assert_snapshot!(name, md);
    }
}

#[test]
fn bulletin_sections_and_print_rules() {
    let files = render(&year());
    let html = String::from_utf8(files[&PathBuf::from("bulletin.html")].clone()).unwrap();
    for want in [
        "考核结果",
        "一票否决情况",
        "表彰建议名单",
        "整改要求",
        "各单位情况一览表",
        "2027年1月20日",
        "抄送：学校党委、纪委办公室",
        "七.2",
        "@page",
        "37mm",
        "<svg",
    ] {
        assert!(html.contains(want), "{want}");
    }
    // The fixture's hazard name is a formula quoting http://x: shown as escaped text, not a
    // reference. Apart from it, nothing may point outside the page.
    let html = html.replace("&quot;http://x&quot;", "");
    for bad in ["http://", "https://", "src=\"//", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
    let h1 = String::from_utf8(render(&h1())[&PathBuf::from("bulletin.html")].clone()).unwrap();
    assert!(h1.contains("一票否决风险提示") && h1.contains("表现较好的单位"));
    assert!(!h1.contains("表彰建议名单"));
}

#[test]
fn results_json_round_trips() {
    let files = render(&h1());
    let v: serde_json::Value =
        serde_json::from_slice(&files[&PathBuf::from("results.json")]).unwrap();
    assert_eq!(v["period"], "2026H1");
    assert_eq!(v["units"][0]["rules"]["R4"]["missing_months"][0], "2026-04");
}

#[test]
fn templates_override_by_file_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bulletin.md.tera"),
        "{{ v.title }}|{{ v.doc_number }}|{% for s in v.sections %}{{ s.num }}{{ s.heading }};{% endfor %}",
    )
    .unwrap();
    std::fs::write(dir.path().join("style.css"), "body{color:#123}").unwrap();
    let files = render_all(&h1(), &cfg(), Some(dir.path())).unwrap();
    let md = String::from_utf8(files[&PathBuf::from("bulletin.md")].clone()).unwrap();
    assert!(
        md.starts_with(
            "关于2026年上半年安全工作跟踪督查情况的通报|厦城院综〔2026〕12号|一、总体情况;"
        ),
        "{md}"
    );
    let html = String::from_utf8(files[&PathBuf::from("bulletin.html")].clone()).unwrap();
    assert!(
        html.contains("body{color:#123}"),
        "built-in HTML template with the overriding CSS"
    );

    std::fs::write(dir.path().join("bulletin.md.tera"), "{% for x in %}").unwrap();
    let err = format!(
        "{:#}",
        render_all(&h1(), &cfg(), Some(dir.path())).unwrap_err()
    );
    assert!(err.contains("bulletin.md.tera"), "{err}");
}

#[test]
fn empty_roster_renders() {
    for mut r in [h1(), year()] {
        r.units.clear();
        r.leaders.clear();
        r.findings.clear();
        r.prose = None;
        r.summary.met_rates.clear();
        r.summary.grade_counts.clear();
        r.summary.missing.clear();
        r.summary.roster = 0;
        r.summary.submitted = 0;
        r.summary.on_time = 0;
        r.summary.overall_rate = None;
        let files = render(&r);
        assert_eq!(files.len(), 5, "no feedback pages: {:?}", files.keys());
        let html = String::from_utf8(files[&PathBuf::from("bulletin.html")].clone()).unwrap();
        assert!(html.contains("总体情况") && html.contains("—"));
    }
}

#[test]
fn kept_feedback_pages_are_the_pages_rendered_afresh() {
    // `watch` takes an unchanged unit's pages from the last build: after a unit's result, every
    // rank, or a finding changed, the pages are those a fresh render gives.
    use tongbao::report::feedback::{KeptPages, Reusing};
    use tongbao::report::{render_pages, render_pages_keeping};
    type Kept = (KeptPages, Option<tongbao::eval::Results>);
    let mut kept: Kept = Default::default();
    let mut r = h1();
    let check = |r: &tongbao::eval::Results, kept: &mut Kept, what: &str| {
        let fresh = render_pages(r, &cfg(), None).unwrap();
        let same = kept
            .1
            .as_ref()
            .map(|b| tongbao::results::unchanged_units(b, r))
            .unwrap_or_default();
        let reusing = Reusing {
            pages: &mut kept.0,
            before: kept.1.as_ref().map(|b| (b, same.as_slice())),
        };
        let reused = render_pages_keeping(r, &cfg(), None, Some(reusing)).unwrap();
        kept.1 = Some(r.clone());
        assert_eq!(
            fresh.keys().collect::<Vec<_>>(),
            reused.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &fresh {
            assert!(bytes == &reused[name], "{what}: {} differs", name.display());
        }
    };
    check(&r, &mut kept, "first");
    check(&r, &mut kept, "again");
    if let Some(u) = r.units.first_mut() {
        u.suggestions.push("新的建议".into());
    }
    check(&r, &mut kept, "a unit changed");
    let n = r.units.len();
    for u in &mut r.units {
        u.rank = n + 1 - u.rank;
    }
    check(&r, &mut kept, "ranks moved");
    if let Some(f) = r.findings.first_mut() {
        f.message.push_str("（改）");
    }
    check(&r, &mut kept, "a finding changed");
    r.title.push('改');
    check(&r, &mut kept, "the title changed");
}
