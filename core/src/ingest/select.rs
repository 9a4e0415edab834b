//! Which version counts (contract.md "The inbox", outputs.md "Settled" 1–2): per unit, among its
//! ledgers dated on or before as-of, the one with the latest cover 报送日期 counts (a blank date
//! is eligible and ranks lowest; ties: the file name sorting last); likewise the central
//! register. A file dated after as-of is one `after_as_of` warning; older eligible versions are
//! `superseded_file` notices. `build` drops the other findings of files that do not count (they
//! describe a version that is not assessed); `check` keeps them, so a file's problems are never
//! hidden. Lateness is judged on the unit's earliest dated eligible version (`first_version`).

use super::diags;
use super::read::{FileOut, Parsed};
use super::{input, place};
use crate::config::Config;
use crate::model::{Inbox, Role};
use crate::schema::col;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How versions are chosen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// Versions dated after this day are `after_as_of` and do not count; None: all are eligible.
    pub as_of: Option<NaiveDate>,
    /// Keep the own findings of files that do not count (`check`); `build` drops them.
    pub keep_all: bool,
}

/// Sort read files into the counting ledger per unit and the counting register.
pub fn select(
    inbox: &mut Inbox,
    cfg: &Config,
    outs: Vec<FileOut>,
    want_register: bool,
    sel: Selection,
) {
    // Without an assessed year (`check` without --period), versions of different cover years
    // never supersede each other: grouped by unit and cover 年度.
    let mut ledgers: BTreeMap<(String, Option<i32>), Vec<FileOut>> = BTreeMap::new();
    let mut registers: Vec<FileOut> = Vec::new();
    for out in outs {
        match &out.parsed {
            Parsed::Unreadable => place(inbox, cfg, out, Role::Unreadable),
            Parsed::Ledger {
                counts: true,
                key: Some(k),
                ledger,
            } => {
                inbox.file_units.insert(out.rel.clone(), k.clone());
                let year = ledger.cover.year;
                ledgers.entry((k.clone(), year)).or_default().push(out);
            }
            Parsed::Register { counts: true, .. } => registers.push(out),
            Parsed::Ledger { key: Some(k), .. } => {
                inbox.file_units.insert(out.rel.clone(), k.clone());
                place(inbox, cfg, out, Role::Rejected);
            }
            _ => place(inbox, cfg, out, Role::Rejected),
        }
    }
    for ((unit, _), group) in ledgers {
        if let Some(win) = pick(inbox, group, "本单位", Some(&unit), sel)
            && let Parsed::Ledger { ledger, .. } = win.parsed
        {
            inbox
                .inputs
                .push(input(&win.rel, win.sha256, win.size, Role::Ledger));
            inbox.findings.extend(win.findings);
            // Two cover years of one unit (`check` only): the later year is the unit's ledger.
            let newer = inbox
                .ledgers
                .get(&unit)
                .is_none_or(|l| l.cover.year <= ledger.cover.year);
            if newer {
                inbox.ledgers.insert(unit, ledger);
            }
        }
    }
    match pick(inbox, registers, "保卫处", None, sel) {
        Some(win) => {
            if let Parsed::Register { register, .. } = win.parsed {
                inbox
                    .inputs
                    .push(input(&win.rel, win.sha256, win.size, Role::Register));
                inbox.findings.extend(win.findings);
                inbox.register = Some(*register);
            }
        }
        None if want_register => inbox.findings.push(diags::missing_register()),
        None => {}
    }
}

fn submitted(out: &FileOut) -> Option<NaiveDate> {
    match &out.parsed {
        Parsed::Ledger { ledger, .. } => ledger.cover.submitted_on,
        Parsed::Register { register, .. } => register.cover.submitted_on,
        Parsed::Unreadable => None,
    }
}

/// The counting version of a group; later-dated files are `after_as_of`, the other eligible
/// ones superseded.
fn pick(
    inbox: &mut Inbox,
    group: Vec<FileOut>,
    who: &str,
    unit: Option<&str>,
    sel: Selection,
) -> Option<FileOut> {
    let after = |o: &FileOut| match (submitted(o), sel.as_of) {
        (Some(d), Some(as_of)) => d > as_of,
        _ => false,
    };
    let (later, mut eligible): (Vec<_>, Vec<_>) = group.into_iter().partition(after);
    for out in later {
        after_as_of(inbox, out, unit, sel);
    }
    eligible.sort_by(|a, b| (submitted(a), &a.rel).cmp(&(submitted(b), &b.rel)));
    let first = eligible
        .iter()
        .find_map(|o| submitted(o).map(|d| (o.rel.clone(), d)));
    let mut win = eligible.pop()?;
    // The rule falls back to the counting version's own date, so the ledger (shared with
    // `watch`'s read cache) is changed, and then copied, only for an earlier version.
    if let Parsed::Ledger { ledger, .. } = &mut win.parsed {
        let own = ledger.cover.submitted_on.map(|d| (ledger.file.clone(), d));
        if first != own {
            std::sync::Arc::make_mut(ledger).first_version = first;
        }
    }
    let when = submitted(&win).map_or_else(|| "未填".to_string(), |d| d.to_string());
    for old in eligible {
        let same_day = submitted(&old) == submitted(&win);
        let mut f = diags::superseded(who, &win.rel, &when, same_day).file(&old.rel);
        f.unit = unit.map(str::to_string);
        inbox.findings.push(f);
        drop_or_keep(inbox, old, Role::Superseded, sel);
    }
    Some(win)
}

/// One `after_as_of` warning at the cover's 报送日期; the file does not count.
fn after_as_of(inbox: &mut Inbox, out: FileOut, unit: Option<&str>, sel: Selection) {
    let (Some(d), Some(as_of)) = (submitted(&out), sel.as_of) else {
        return;
    };
    let mut f = match &out.parsed {
        Parsed::Ledger { ledger, .. } => {
            let mut f = diags::ledger_after_as_of(d, as_of).sheet(ledger.cover.sheet.clone());
            f.cell = ledger.cover.cells.get(col::SUBMITTED_ON).cloned();
            f
        }
        _ => diags::register_after_as_of(d, as_of).sheet(crate::schema::COVER),
    };
    f = f.file(&out.rel).raw(d.to_string());
    f.unit = unit.map(str::to_string);
    inbox.findings.push(f);
    drop_or_keep(inbox, out, Role::AfterAsOf, sel);
}

/// Record a file that does not count; its own findings only in `check`.
fn drop_or_keep(inbox: &mut Inbox, out: FileOut, role: Role, sel: Selection) {
    inbox
        .inputs
        .push(input(&out.rel, out.sha256, out.size, role));
    if sel.keep_all {
        inbox.findings.extend(out.findings);
    }
}
