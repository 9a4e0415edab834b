//! Ingest of a whole inbox: discovery, skip notices, prose, selection of the counting ledger and
//! register, rejection (unknown unit, other year), provenance (inputs with sha256 and role).

use crate::support::books::*;
use crate::support::inbox::opts;
use tongbao::findings::{Code, Finding, Severity};
use tongbao::ingest::{Options, ingest_dir, ingest_paths};
use tongbao::model::Role;

fn codes(fs: &[Finding], file: &str) -> Vec<Code> {
    fs.iter()
        .filter(|f| f.file.as_deref() == Some(file))
        .map(|f| f.code)
        .collect()
}

fn role(inbox: &tongbao::model::Inbox, file: &str) -> Role {
    inbox
        .inputs
        .iter()
        .find(|i| i.file == file)
        .unwrap_or_else(|| panic!("{file} not in inputs"))
        .role
}

#[test]
fn valid_ledger_and_register_have_no_findings() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    register(2026, d(2026, 7, 4)).save(dir.path(), "保卫处.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert_eq!(inbox.findings, vec![], "{:#?}", inbox.findings);
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(l.file, "信息工程系.xlsx");
    assert_eq!(l.cover.submitted_on, Some(d(2026, 7, 3)));
    assert_eq!(l.cover.year, Some(2026));
    assert_eq!(l.cover.annual_summary_duty, Some(true));
    assert_eq!(l.inspections.as_ref().unwrap().len(), 7);
    assert_eq!(l.quarterly.as_ref().unwrap().len(), 1);
    assert_eq!(l.accidents.as_ref().unwrap().len(), 0);
    let reg = inbox.register.as_ref().unwrap();
    assert_eq!(reg.cover.year, Some(2026));
    assert_eq!(reg.punishments.as_ref().unwrap().len(), 0);
    assert_eq!(role(&inbox, "信息工程系.xlsx"), Role::Ledger);
    assert_eq!(role(&inbox, "保卫处.xlsx"), Role::Register);
    let bytes = std::fs::read(dir.path().join("保卫处.xlsx")).unwrap();
    let input = inbox
        .inputs
        .iter()
        .find(|i| i.file == "保卫处.xlsx")
        .unwrap();
    assert_eq!(input.sha256, tongbao::digest::sha256_hex(&bytes));
    assert_eq!(input.size, bytes.len() as u64);
}

#[test]
fn missing_or_empty_inbox_is_empty_not_an_error() {
    let dir = tmp();
    let inbox = ingest_dir(&dir.path().join("nope"), &roster(), &opts()).unwrap();
    assert!(inbox.ledgers.is_empty() && inbox.inputs.is_empty());
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert!(inbox.ledgers.is_empty());
    assert_eq!(codes(&inbox.findings, ""), vec![]);
    assert_eq!(
        inbox.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        vec![Code::MissingRegister]
    );
    let m = &inbox.findings[0];
    assert_eq!(m.severity, Severity::Warning);
    assert!(
        m.message.contains("R10、R12 不适用") && m.message.contains("V4、V5"),
        "{}",
        m.message
    );
}

#[test]
fn a_file_as_inbox_is_an_error() {
    let dir = tmp();
    let f = dir.path().join("x.txt");
    std::fs::write(&f, "x").unwrap();
    assert!(ingest_dir(&f, &roster(), &opts()).is_err());
}

#[test]
fn lock_hidden_and_other_files_are_skipped_prose_is_read() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    std::fs::write(dir.path().join("~$信息工程系.xlsx"), b"lock").unwrap();
    std::fs::write(dir.path().join(".hidden.xlsx"), b"x").unwrap();
    std::fs::write(dir.path().join("说明.docx"), b"x").unwrap();
    std::fs::write(dir.path().join("按语.md"), "本期**总体良好**。").unwrap();
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    for f in ["~$信息工程系.xlsx", ".hidden.xlsx", "说明.docx"] {
        assert_eq!(codes(&inbox.findings, f), vec![Code::SkippedFile], "{f}");
        assert_eq!(role(&inbox, f), Role::Skipped);
        let finding = inbox
            .findings
            .iter()
            .find(|x| x.file.as_deref() == Some(f))
            .unwrap();
        assert_eq!(finding.severity, Severity::Info);
    }
    assert_eq!(inbox.prose.as_deref(), Some("本期**总体良好**。"));
    assert_eq!(role(&inbox, "按语.md"), Role::Prose);
    assert!(inbox.ledgers.contains_key("信息工程系"));
    assert_eq!(inbox.inputs.len(), 5);
    let names: Vec<&str> = inbox.inputs.iter().map(|i| i.file.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn oversized_prose_is_a_finding_not_a_bulletin() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    std::fs::write(dir.path().join("按语.md"), "按".repeat(400_000)).unwrap();
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert_eq!(
        codes(&inbox.findings, "按语.md"),
        vec![Code::UnreadableFile]
    );
    assert_eq!(inbox.prose, None);
    assert!(inbox.ledgers.contains_key("信息工程系"));
}

#[test]
fn alias_in_cover_matches_roster() {
    let dir = tmp();
    ledger(" 信息系 ", 2026, d(2026, 7, 3)).save(dir.path(), "a.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(l.unit, "信息工程系");
    assert_eq!(l.cover.unit_name_raw.as_deref(), Some("信息系"));
}

#[test]
fn unknown_unit_is_reported_not_merged() {
    let dir = tmp();
    ledger("外语系", 2026, d(2026, 7, 3)).save(dir.path(), "外语系.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert!(inbox.ledgers.is_empty());
    let f = inbox
        .findings
        .iter()
        .find(|f| f.code == Code::UnknownUnit)
        .unwrap();
    assert_eq!(
        (
            f.severity,
            f.sheet.as_deref(),
            f.cell.as_deref(),
            f.raw.as_deref()
        ),
        (Severity::Error, Some("封面"), Some("B1"), Some("外语系"))
    );
    assert_eq!(role(&inbox, "外语系.xlsx"), Role::Rejected);
}

#[test]
fn without_roster_units_are_keyed_by_raw_name() {
    let dir = tmp();
    ledger("外语系", 2026, d(2026, 7, 3)).save(dir.path(), "外语系.xlsx");
    let inbox = ingest_paths(
        &[dir.path().join("外语系.xlsx")],
        &no_roster(),
        &Options::default(),
    )
    .unwrap();
    assert!(inbox.findings.is_empty(), "{:#?}", inbox.findings);
    assert_eq!(inbox.ledgers["外语系"].file, "外语系.xlsx");
}

#[test]
fn latest_version_counts_others_superseded() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 4, 2)).save(dir.path(), "z-信息工程系-旧.xlsx");
    ledger("信息系", 2026, d(2026, 7, 3)).save(dir.path(), "a-信息工程系-新.xlsx");
    // Same date: the file name sorting last wins.
    ledger("机电工程系", 2026, d(2026, 7, 1)).save(dir.path(), "机电1.xlsx");
    ledger("机电工程系", 2026, d(2026, 7, 1)).save(dir.path(), "机电2.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert_eq!(inbox.ledgers["信息工程系"].file, "a-信息工程系-新.xlsx");
    assert_eq!(inbox.ledgers["机电工程系"].file, "机电2.xlsx");
    assert_eq!(role(&inbox, "z-信息工程系-旧.xlsx"), Role::Superseded);
    assert_eq!(role(&inbox, "机电1.xlsx"), Role::Superseded);
    assert_eq!(
        codes(&inbox.findings, "z-信息工程系-旧.xlsx"),
        vec![Code::SupersededFile]
    );
    let f = inbox
        .findings
        .iter()
        .find(|f| f.file.as_deref() == Some("机电1.xlsx"))
        .unwrap();
    assert_eq!(f.unit.as_deref(), Some("机电工程系"));
    assert!(f.message.contains("机电2.xlsx"), "{}", f.message);
}

#[test]
fn register_is_found_by_cover_not_file_name() {
    let dir = tmp();
    register(2026, d(2026, 3, 1)).save(dir.path(), "新建 Microsoft Excel 工作表 (2).xlsx");
    register(2026, d(2026, 6, 30)).save(dir.path(), "0.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert_eq!(inbox.register.as_ref().unwrap().file, "0.xlsx");
    assert_eq!(
        role(&inbox, "新建 Microsoft Excel 工作表 (2).xlsx"),
        Role::Superseded
    );
    assert!(inbox.ledgers.is_empty());
    assert!(
        !inbox
            .findings
            .iter()
            .any(|f| f.code == Code::MissingRegister)
    );
}

#[test]
fn other_year_is_out_of_period_and_not_counted() {
    let dir = tmp();
    ledger("信息工程系", 2025, d(2025, 12, 20)).save(dir.path(), "信息工程系2025.xlsx");
    register(2025, d(2025, 12, 20)).save(dir.path(), "保卫处2025.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert!(inbox.ledgers.is_empty() && inbox.register.is_none());
    for file in ["信息工程系2025.xlsx", "保卫处2025.xlsx"] {
        let f = inbox
            .findings
            .iter()
            .find(|f| f.file.as_deref() == Some(file) && f.code == Code::OutOfPeriod)
            .unwrap();
        assert_eq!(
            (f.severity, f.sheet.as_deref(), f.cell.as_deref()),
            (Severity::Error, Some("封面"), Some("B2"))
        );
        assert_eq!(role(&inbox, file), Role::Rejected);
    }
    // In `check` (no assessed year) the cover year is not judged.
    let inbox = ingest_paths(&[dir.path().to_path_buf()], &roster(), &Options::default()).unwrap();
    assert!(inbox.ledgers.contains_key("信息工程系"));
    assert!(inbox.register.is_some());
}

#[test]
fn unreadable_file_named_after_a_unit() {
    let dir = tmp();
    std::fs::write(dir.path().join("信息系台账.xlsx"), b"not a workbook").unwrap();
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert_eq!(
        inbox.unreadable_by_unit["信息工程系"],
        vec!["信息系台账.xlsx"]
    );
    let f = inbox
        .findings
        .iter()
        .find(|f| f.code == Code::UnreadableFile)
        .unwrap();
    assert_eq!(f.unit.as_deref(), Some("信息工程系"));
    assert_eq!(role(&inbox, "信息系台账.xlsx"), Role::Unreadable);
}

#[test]
fn recursive_reads_sub_folders() {
    let dir = tmp();
    std::fs::create_dir(dir.path().join("六月")).unwrap();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(&dir.path().join("六月"), "信息工程系.xlsx");
    let inbox = ingest_dir(dir.path(), &roster(), &opts()).unwrap();
    assert!(inbox.ledgers.is_empty());
    let inbox = ingest_dir(
        dir.path(),
        &roster(),
        &Options {
            year: Some(2026),
            recursive: true,
        },
    )
    .unwrap();
    assert_eq!(inbox.ledgers["信息工程系"].file, "六月/信息工程系.xlsx");
}
