//! Covers (key in column A, value in B; keys normalised, with notes) and `ingest_paths` as used
//! by `check` (no assessed year; files named by file name).

use crate::support::books::*;
use tongbao::findings::{Code, Finding, Severity};
use tongbao::ingest::{Options, ingest_dir, ingest_paths};
use tongbao::model::UnitKind;
use tongbao::schema;

fn year() -> Options {
    Options {
        year: Some(2026),
        recursive: false,
    }
}

fn at(f: &Finding) -> (Severity, Code, &str, &str) {
    (
        f.severity,
        f.code,
        f.sheet.as_deref().unwrap_or(""),
        f.cell.as_deref().unwrap_or(""),
    )
}

#[test]
fn cover_keys_with_notes_and_spaces() {
    let dir = tmp();
    let c = cover(vec![
        ("封面信息", "".into()),
        ("*单位名称：", "信息工程系".into()),
        ("年 度", "2026年".into()),
        ("主要负责人（签名）", "张某某".into()),
        ("报送日期(必填)", "2026年7月3日".into()),
        ("单位类型", "系部".into()),
        ("绩效述职述安", "√".into()),
    ]);
    ledger("信息工程系", 2026, d(2026, 7, 3))
        .sheet(schema::COVER, c)
        .save(dir.path(), "a.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &year()).unwrap();
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(
        (l.cover.year, l.cover.submitted_on, l.cover.kind),
        (
            Some(2026),
            Some(d(2026, 7, 3)),
            Some(UnitKind::AcademicDept)
        )
    );
    assert_eq!(
        (
            l.cover.principal.as_deref(),
            l.cover.performance_review_duty,
            l.cover.annual_summary_duty
        ),
        (Some("张某某"), Some(true), None)
    );
    assert_eq!(l.cover.cells["报送日期"], "B5");
    assert_eq!(l.cover.sheet, "封面");
}

#[test]
fn bad_and_missing_cover_values() {
    let dir = tmp();
    let c = cover(vec![
        ("单位名称", "信息工程系".into()),
        ("年度", "二〇二六".into()),
        ("主要负责人", "".into()),
        ("计划抄送保卫处日期", d(2026, 8, 1).into()),
        ("报送日期", d(2026, 7, 3).into()),
    ]);
    ledger("信息工程系", 2026, d(2026, 7, 3))
        .sheet(schema::COVER, c)
        .save(dir.path(), "a.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &year()).unwrap();
    let got: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.is_some())
        .map(at)
        .collect();
    assert_eq!(
        got,
        vec![
            (Severity::Error, Code::BadValue, "封面", "B2"),
            (Severity::Error, Code::MissingValue, "封面", "B3"),
            (Severity::Warning, Code::FutureDate, "封面", "B4"),
        ]
    );
    let bad = &inbox
        .findings
        .iter()
        .find(|f| f.code == Code::BadValue)
        .unwrap();
    assert_eq!(
        (bad.raw.as_deref(), bad.rule.as_deref()),
        (Some("二〇二六"), Some("R15"))
    );
    let fut = &inbox
        .findings
        .iter()
        .find(|f| f.code == Code::FutureDate)
        .unwrap();
    assert_eq!(fut.rule.as_deref(), Some("R1"));
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(
        (
            l.cover.year,
            l.cover.principal.clone(),
            l.cover.plan_copied_on
        ),
        (None, None, None)
    );
}

#[test]
fn absent_cover_key_is_missing_value() {
    let dir = tmp();
    let c = cover(vec![
        ("单位名称", "信息工程系".into()),
        ("年度", 2026.into()),
        ("主要负责人", "张".into()),
    ]);
    ledger("信息工程系", 2026, d(2026, 7, 3))
        .sheet(schema::COVER, c)
        .save(dir.path(), "a.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &year()).unwrap();
    let f = inbox
        .findings
        .iter()
        .find(|f| f.code == Code::MissingValue)
        .unwrap();
    assert_eq!(
        (f.sheet.as_deref(), f.cell.as_deref(), f.rule.as_deref()),
        (Some("封面"), None, Some("R15"))
    );
    assert!(f.message.contains("报送日期"));
    assert!(inbox.ledgers.contains_key("信息工程系"));
}

#[test]
fn check_mode_judges_events_against_the_cover_year() {
    let dir = tmp();
    let b = ledger("信息工程系", 2025, d(2025, 12, 30)).sheet(
        schema::INSPECTIONS,
        vec![
            ledger_headers(schema::INSPECTIONS),
            row![d(2025, 5, 1), "a"],
            row![d(2026, 1, 2), "b"],
        ],
    );
    let file = b.save(dir.path(), "信息工程系.xlsx");
    std::fs::write(dir.path().join("说明.txt"), "x").unwrap();
    let inbox = ingest_paths(&[file], &roster(), &Options::default()).unwrap();
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(
        l.inspections
            .as_ref()
            .unwrap()
            .iter()
            .map(|i| i.date)
            .collect::<Vec<_>>(),
        vec![Some(d(2025, 5, 1))]
    );
    let got: Vec<_> = inbox.findings.iter().map(at).collect();
    assert_eq!(
        got,
        vec![(Severity::Warning, Code::OutOfPeriod, "隐患排查", "A3")]
    );
    assert_eq!(inbox.findings[0].file.as_deref(), Some("信息工程系.xlsx"));
    // A folder argument names files relative to it and also reports the missing register.
    let inbox = ingest_paths(&[dir.path().to_path_buf()], &roster(), &Options::default()).unwrap();
    let codes: Vec<_> = inbox.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![Code::MissingRegister, Code::OutOfPeriod, Code::SkippedFile]
    );
    assert!(
        ingest_paths(
            &[dir.path().join("nope.xlsx")],
            &roster(),
            &Options::default()
        )
        .is_err()
    );
}
