//! Ingest from bytes: one workbook's bytes → a ledger, the central register or an unreadable
//! file, with cell-level findings (`read::read_from_bytes`); the files read → per unit the
//! version that counts (`select`) → `model::Inbox`. Listing folders and reading files is the
//! binary's (`tongbao::ingest`).
//!
//! Three layers, each using only the ones above it:
//! - `guard/`: the bytes before any reader touches them — content sniffing, zip and part
//!   pre-scans, the .xls/.xlsb/.ods scans and repairs — and every limit (`guard::limits`);
//! - `grid/`: an opened workbook → bounded cell grids, sheets found by name, headers, typed
//!   values, the cover's key–value pairs;
//! - the domain readers here: `ledger` (a unit's ledger), `register` (保卫处台账), `units`
//!   (the roster), `read` (one file's bytes → one of them), `select` (which version counts).
//!
//! Every finding these raise is worded in `diags` (code and Chinese text; callers add file,
//! sheet, cell); the guards' refusal reasons are worded in `guard::reasons` (which diags'
//! `unreadable_file` carries as given).

pub mod diags;
pub mod grid;
pub mod guard;
pub mod ledger;
pub mod read;
pub mod register;
pub mod select;
pub mod units;

pub use guard::limits;
pub use select::Selection;
pub use units::{match_unit, normalize_name};

use crate::config::Config;
use crate::findings::Code;
use crate::model::{Inbox, InputFile, Role};
use read::FileOut;

/// How to ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The assessed year; None in `check`, where the cover 年度 is not judged and event dates are
    /// judged against each ledger's own cover 年度.
    pub year: Option<i32>,
    /// Also read sub-folders.
    pub recursive: bool,
}

/// One input file of results.json `inputs`.
pub fn input(file: &str, sha256: String, size: u64, role: Role) -> InputFile {
    InputFile {
        file: file.to_string(),
        sha256,
        role,
        size,
    }
}

/// Record a file that is not a counting ledger/register, with its findings.
pub fn place(inbox: &mut Inbox, cfg: &Config, mut out: FileOut, role: Role) {
    let name = out.rel.rsplit('/').next().unwrap_or(&out.rel).to_string();
    let mut units = units::units_in_file_name(cfg, &name);
    // An unrecognised cover name with one close roster unit: that unit is the likely sender,
    // and its feedback page asks it to correct the cover (outputs.md "Settled" 3).
    if units.is_empty()
        && let Some(raw) = out
            .findings
            .iter()
            .find(|f| f.code == Code::UnknownUnit && f.unit.is_none())
            .and_then(|f| f.raw.as_deref())
        && let [only] = units::closest_units(cfg, raw).as_slice()
    {
        units = vec![only.clone()];
    }
    // A file that does not count but whose name names one unit: its findings go to that unit's
    // feedback (a cover naming an unknown unit is not merged, only shown to its likely sender).
    if let [only] = units.as_slice()
        && out.findings.iter().all(|f| f.unit.is_none())
    {
        for f in &mut out.findings {
            f.unit = Some(only.clone());
        }
    }
    if role == Role::Unreadable {
        for u in units {
            inbox
                .unreadable_by_unit
                .entry(u)
                .or_default()
                .push(out.rel.clone());
        }
    }
    inbox
        .inputs
        .push(input(&out.rel, out.sha256, out.size, role));
    inbox.findings.extend(out.findings);
}
