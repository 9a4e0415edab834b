//! Files written by other spreadsheet programs (tests/fixtures/writers, made by its make.sh from
//! ledger.xlsx): SheetJS .ods/.xls/.xlsb and Gnumeric .ods/.xls are read to exactly the ledger
//! the original .xlsx gives — every table, every cell — with exactly its findings.

use crate::support::books::*;
use std::path::PathBuf;
use tongbao::ingest::{Options, ingest_paths};
use tongbao::model::{Inbox, Ledger};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/writers")
        .join(name)
}

fn read(name: &str) -> Inbox {
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    ingest_paths(&[fixture(name)], &no_roster(), &opts).unwrap()
}

/// The one ledger read (its Debug form, the file name masked) and the findings as (code, sheet,
/// cell, message).
fn ledger_of(name: &str) -> (String, Vec<(String, String, String, String)>) {
    let inbox = read(name);
    let findings = inbox
        .findings
        .iter()
        .map(|f| {
            let (_, sheet, cell) = at(f);
            (
                f.code.as_str().to_string(),
                sheet.into(),
                cell.into(),
                f.message.clone(),
            )
        })
        .collect();
    let mut ledgers: Vec<Ledger> = inbox
        .ledgers
        .into_values()
        .map(std::sync::Arc::unwrap_or_clone)
        .collect();
    assert_eq!(ledgers.len(), 1, "{name}: {findings:#?}");
    let l = ledgers.remove(0);
    (format!("{l:?}").replace(name, "FILE"), findings)
}

fn same_as_xlsx(name: &str) {
    let (want, want_findings) = ledger_of("ledger.xlsx");
    // The reference holds text, dates, numbers and booleans in every table.
    for needed in [
        "实训室插线板串接使用",
        "2026-12-15",
        "hazards_found: Some(",
        "Some(true)",
    ] {
        assert!(want.contains(needed), "{needed}");
    }
    let (got, findings) = ledger_of(name);
    assert_eq!(got, want, "{name}");
    assert_eq!(findings, want_findings, "{name}");
}

#[test]
fn sheetjs_ods() {
    same_as_xlsx("sheetjs.ods");
}

#[test]
fn sheetjs_xls() {
    same_as_xlsx("sheetjs.xls");
}

#[test]
fn sheetjs_xlsb() {
    same_as_xlsx("sheetjs.xlsb");
}

#[test]
fn gnumeric_ods() {
    same_as_xlsx("gnumeric.ods");
}

#[test]
fn gnumeric_xls() {
    same_as_xlsx("gnumeric.xls");
}
