//! Snapshots of what the office reads, built from the shipped sample (sample-data/): the bulletin
//! in Markdown for 2026H1 (as-of 2026-07-15) and 2026 (as-of 2027-01-12), and the 总表 of
//! summary.xlsx read back as a text grid. A change in wording or layout shows here as a diff.

use crate::support::read_back::grid;
use chrono::NaiveDate;
use std::path::PathBuf;

fn render(period: &str, as_of: NaiveDate) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let (cfg, results) = crate::support::books::sample(period, as_of, Some(12));
    tongbao::report::render_all(&results, &cfg, None).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(files: &std::collections::BTreeMap<PathBuf, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[&PathBuf::from(name)].clone()).unwrap()
}

#[test]
fn sample_h1_bulletin() {
    let files = render("2026H1", d(2026, 7, 15));
    let md = text(&files, "bulletin.md");
    assert!(md.contains("厦城院综〔2026〕12号"));
    insta::assert_snapshot!("sample_bulletin_h1", md);
    insta::assert_snapshot!(
        "sample_summary_h1",
        grid(&files[&PathBuf::from("summary.xlsx")], "总表")
    );
}

#[test]
fn sample_year_bulletin() {
    let files = render("2026", d(2027, 1, 12));
    let md = text(&files, "bulletin.md");
    assert!(md.contains("关于2026年度安全工作考核结果的通报"));
    insta::assert_snapshot!("sample_bulletin_year", md);
    insta::assert_snapshot!(
        "sample_summary_year",
        grid(&files[&PathBuf::from("summary.xlsx")], "总表")
    );
}
