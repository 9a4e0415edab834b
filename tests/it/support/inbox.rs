//! Ingest as most ingest tests call it: a folder read for the year 2026 with the test roster
//! (`roster::roster()`), a single book in a fresh folder, the usual base ledger, and the findings
//! other than the ever-present `missing_register`.

use super::books::{Book, d, ledger, tmp};
use super::roster::roster;
use std::path::Path;
use tongbao::findings::{Code, Finding};
use tongbao::ingest::{Options, ingest_dir};
use tongbao::model::Inbox;

/// Ingest options of the tests: the year 2026, not recursive.
pub fn opts() -> Options {
    Options {
        year: Some(2026),
        recursive: false,
    }
}

/// Ingest `dir` for 2026 with the test roster.
pub fn ingest_2026(dir: &Path) -> Inbox {
    ingest_dir(dir, &roster(), &opts()).unwrap()
}

/// Save `book` as `name` alone in a fresh folder and ingest it.
pub fn ingest_one(book: Book, name: &str) -> Inbox {
    let dir = tmp();
    book.save(dir.path(), name);
    ingest_2026(dir.path())
}

/// 信息工程系's valid 2026 ledger, sent 2026-12-31: the base a test changes one thing in.
pub fn base() -> Book {
    ledger("信息工程系", 2026, d(2026, 12, 31))
}

/// Findings other than the always-present missing_register.
pub fn found(inbox: &Inbox) -> Vec<&Finding> {
    inbox
        .findings
        .iter()
        .filter(|f| f.code != Code::MissingRegister)
        .collect()
}
