//! The evaluation, in the pipeline's one direction: `Inbox` + `Config` + period + as-of →
//! the rules (`rules`, per unit and per leader) → the scores, vetoes and rankings (`scoring`) →
//! the summary → `Results` (the types live in `results`, re-exported here). Pure: no file I/O,
//! no printing, no clock.

mod summary;

pub use crate::period::PeriodKind;
pub use crate::results::*;

use crate::calendar::Calendar;
use crate::config::{Config, UnitCfg};
use crate::context::Ctx;
use crate::model::{Inbox, Ledger};
use crate::period::Period;
use crate::rules::{self, Notes};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What `evaluate` needs.
pub struct EvalInput<'a> {
    pub cfg: &'a Config,
    pub inbox: &'a Inbox,
    pub period: Period,
    pub as_of: NaiveDate,
    pub doc_number: Option<u32>,
}

/// Evaluate the mechanism for the period: the whole `Results` (results.json).
pub fn evaluate(input: &EvalInput) -> Results {
    evaluate_with(input, None)
}

/// `evaluate` with the 整改要求 date given by the office (`build --rectification-due`, after
/// as-of): it replaces the date counted in working days, so no holiday data is needed for it.
pub fn evaluate_with(input: &EvalInput, rectification_due: Option<NaiveDate>) -> Results {
    let inbox = input.inbox;
    let parts = Parts {
        register: inbox.register.as_ref(),
        unreadable: &inbox.unreadable_by_unit,
        findings: inbox.findings.clone(),
        inputs: inbox.inputs.clone(),
        prose: inbox.prose.clone(),
    };
    evaluate_parts(
        &Setting::of(input),
        parts,
        Ledgers::Borrowed(&inbox.ledgers),
        rectification_due,
    )
}

/// What is evaluated besides the inbox.
pub struct Setting<'a> {
    pub cfg: &'a Config,
    pub period: Period,
    pub as_of: NaiveDate,
    pub doc_number: Option<u32>,
    /// Called by `evaluate_inbox` after every `FREED_EVERY` units' ledgers are dropped (the
    /// binary hands the freed pages back to the system there).
    pub freed: Option<fn()>,
}

/// Units between two `Setting::freed` calls.
pub const FREED_EVERY: usize = 50;

impl<'a> Setting<'a> {
    fn of(input: &EvalInput<'a>) -> Self {
        Setting {
            cfg: input.cfg,
            period: input.period,
            as_of: input.as_of,
            doc_number: input.doc_number,
            freed: None,
        }
    }
}

/// `evaluate_with` taking the inbox: each unit's ledger is freed as soon as that unit's rules
/// are judged, so at a city's scale the typed ledgers and the results are never all in memory
/// at once. The register comes back for what is made from it after the evaluation
/// (check.html's facts).
pub fn evaluate_inbox(
    input: &Setting,
    inbox: Inbox,
    rectification_due: Option<NaiveDate>,
) -> (Results, Option<crate::model::Register>) {
    let Inbox {
        ledgers,
        register,
        prose,
        inputs,
        unreadable_by_unit,
        file_units: _,
        findings,
    } = inbox;
    let parts = Parts {
        register: register.as_ref(),
        unreadable: &unreadable_by_unit,
        findings,
        inputs,
        prose,
    };
    let results = evaluate_parts(input, parts, Ledgers::Owned(ledgers), rectification_due);
    (results, register)
}

/// The inbox but its ledgers.
struct Parts<'a> {
    register: Option<&'a crate::model::Register>,
    unreadable: &'a BTreeMap<String, Vec<String>>,
    findings: Vec<crate::findings::Finding>,
    inputs: Vec<crate::model::InputFile>,
    prose: Option<String>,
}

/// The counting ledgers, lent (each unit's is read in place) or given (each is dropped once
/// its unit is judged).
enum Ledgers<'a> {
    Borrowed(&'a BTreeMap<String, Arc<Ledger>>),
    Owned(BTreeMap<String, Arc<Ledger>>),
}

impl Ledgers<'_> {
    fn all(&self) -> &BTreeMap<String, Arc<Ledger>> {
        match self {
            Ledgers::Borrowed(m) => m,
            Ledgers::Owned(m) => m,
        }
    }
    /// A unit's ledger: shared when lent, taken out of the map when given (the last holder
    /// frees it; `watch`'s read cache holds one for the next rebuild).
    fn take(&mut self, unit: &str) -> Option<Arc<Ledger>> {
        match self {
            Ledgers::Borrowed(m) => m.get(unit).cloned(),
            Ledgers::Owned(m) => m.remove(unit),
        }
    }
}

fn evaluate_parts(
    input: &Setting,
    parts: Parts,
    mut ledgers: Ledgers,
    rectification_due: Option<NaiveDate>,
) -> Results {
    let cfg = input.cfg;
    let ctx = Ctx {
        cfg,
        cal: Calendar::new(&cfg.calendar),
        period: input.period,
        as_of: input.as_of,
        register: parts.register,
    };
    let mut notes = Notes::default();
    let stems = feedback_stems(&cfg.units);
    let year_to_date = year_to_date_accidents(&ctx, ledgers.all());
    let owned = matches!(ledgers, Ledgers::Owned(_));
    let roster: Vec<(usize, (&UnitCfg, &String))> =
        cfg.units.iter().zip(&stems).enumerate().collect();
    let mut units: Vec<UnitResult> = Vec::with_capacity(roster.len());
    // `FREED_EVERY` units at a time: their ledgers taken in roster order, judged (on every core
    // with the `parallel` feature), their findings kept in roster order, the ledgers freed.
    for chunk in roster.chunks(FREED_EVERY) {
        let work: Vec<_> = chunk
            .iter()
            .map(|&(i, (u, stem))| (i, u, stem, ledgers.take(&u.name)))
            .collect();
        let judged = map_units(work, |(i, u, stem, ledger)| {
            let mut unit_notes = Notes::default();
            let unit_input = rules::UnitInput {
                ledger: ledger.as_deref(),
                unreadable: parts.unreadable.get(&u.name),
            };
            let judged = rules::unit(&ctx, unit_input, i, u, stem, &mut unit_notes);
            (judged, unit_notes)
        });
        for (judged, unit_notes) in judged {
            units.push(judged);
            notes.absorb(unit_notes);
        }
        if let (true, Some(freed)) = (owned, input.freed) {
            freed();
        }
    }
    // Ledgers of files that name no roster unit's counting version (none normally remain).
    drop(ledgers);
    crate::scoring::score_all(&ctx, &mut units, year_to_date.as_deref());
    let leaders = rules::leaders::evaluate(&ctx);
    let (rect_due, mut missing) = match rectification_due {
        Some(d) => (d, Vec::new()),
        None => ctx
            .cal
            .add_workdays(input.as_of, cfg.bulletin.rectification_working_days),
    };
    missing.sort_unstable();
    missing.dedup();
    let mut findings = parts.findings;
    findings.extend(notes.into_findings(&missing, rect_due));
    crate::findings::sort(&mut findings);
    let summary = summary::summarise(&ctx, &units, &leaders, &findings);
    Results {
        period: input.period.to_string(),
        period_kind: input.period.kind,
        year: input.period.year,
        period_start: input.period.start(),
        period_end: input.period.end(),
        as_of: input.as_of,
        title: bulletin_title(&ctx),
        preview: ctx.preview(),
        school: cfg.school.name.clone(),
        issuer: cfg.issuer().to_string(),
        doc_number: doc_number(&cfg.school.doc_prefix, input.as_of, input.doc_number),
        rectification_due: rect_due,
        rectification_due_unverified: missing,
        submission_due: input.period.submission_due(&cfg.rules),
        config_sha256: cfg.sha256.clone(),
        register_present: ctx.register.is_some(),
        register_file: ctx.register.map(|r| r.file.clone()),
        notes: rules::register_notes(&ctx),
        inputs: parts.inputs,
        units,
        leaders,
        summary,
        findings,
        prose: parts.prose,
    }
}

/// `f` over `work`, results in order: on every core with the `parallel` feature (the binary),
/// one after the other without it (the browser's WebAssembly has no threads).
#[cfg(feature = "parallel")]
fn map_units<T: Send, R: Send>(work: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    work.into_par_iter().map(f).collect()
}

#[cfg(not(feature = "parallel"))]
fn map_units<T, R>(work: Vec<T>, f: impl Fn(T) -> R) -> Vec<R> {
    work.into_iter().map(f).collect()
}

/// In H2 the veto risks (七, "on the data so far") look at the whole year so far: each roster
/// unit's accidents from 1 Jan to as-of (warnings were already raised for the period's own).
/// None in H1 and for the year, whose period already is the year so far.
fn year_to_date_accidents(
    ctx: &Ctx,
    ledgers: &BTreeMap<String, Arc<Ledger>>,
) -> Option<Vec<Vec<AccidentRecord>>> {
    if ctx.period.kind != PeriodKind::H2 {
        return None;
    }
    let year = ctx.with_period(Period {
        year: ctx.period.year,
        kind: PeriodKind::Year,
    });
    let mut scratch = Notes::default();
    Some(
        ctx.cfg
            .units
            .iter()
            .map(|u| {
                let ledger = ledgers.get(&u.name).map(|l| &**l);
                rules::accidents::assemble(&year, &u.name, ledger, &mut scratch)
            })
            .collect(),
    )
}

/// The bulletin's title; a year preview says so and names its as-of date (outputs.md
/// "Settled" 5): 关于2026年度安全工作考核结果的通报（预评，截至2026年7月15日）.
fn bulletin_title(ctx: &Ctx) -> String {
    use chrono::Datelike;
    let title = ctx.period.bulletin_title();
    if ctx.preview() {
        let d = ctx.as_of;
        format!(
            "{title}（预评，截至{}年{}月{}日）",
            d.year(),
            d.month(),
            d.day()
        )
    } else {
        title
    }
}

/// 发文字号: 厦城院综〔2026〕12号, or with a blank number for the office to fill in.
pub fn doc_number(prefix: &str, as_of: NaiveDate, n: Option<u32>) -> String {
    use chrono::Datelike;
    match n {
        Some(n) => format!("{prefix}〔{}〕{n}号", as_of.year()),
        None => format!("{prefix}〔{}〕 号", as_of.year()),
    }
}

/// Safe, unique feedback file stems in roster order (collisions get -2, -3, …).
fn feedback_stems(units: &[UnitCfg]) -> Vec<String> {
    let mut used = UniqueStems::default();
    units
        .iter()
        .map(|u| used.take(&feedback_file_stem(&u.name)))
        .collect()
}

/// A safe file name stem for a unit's feedback page (outputs.md: unit names are never used raw
/// as file names). Keeps CJK, letters, digits, `-` and `_`; anything else (path separators,
/// dots, reserved characters, spaces, control characters) becomes `_`; leading dots and
/// underscores are trimmed; at most 60 characters; empty → `unit`. Callers de-duplicate
/// collisions (`-2`, `-3`, …).
pub fn feedback_file_stem(unit: &str) -> String {
    let mapped: String = unit
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = mapped.trim_start_matches(['.', '_']);
    let capped: String = trimmed.chars().take(60).collect();
    if capped.is_empty() {
        "unit".to_string()
    } else if is_reserved_file_name(&capped) {
        // CON, NUL, COM1 … cannot be file names on Windows.
        format!("_{capped}")
    } else {
        capped
    }
}

/// Makes file stems unique, case-insensitively (Windows and macOS file systems fold case): the
/// first keeps its stem, later ones get `-2`, `-3`, ….
#[derive(Debug, Default)]
pub struct UniqueStems(BTreeSet<String>);

impl UniqueStems {
    pub fn take(&mut self, base: &str) -> String {
        let mut stem = base.to_string();
        let mut n = 2;
        while !self.0.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stem
    }
}

/// A Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9), whatever the case.
pub fn is_reserved_file_name(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn doc_numbers() {
        assert_eq!(
            doc_number("厦城院综", d(2026, 7, 15), Some(12)),
            "厦城院综〔2026〕12号"
        );
        assert_eq!(
            doc_number("厦城院综", d(2027, 1, 12), None),
            "厦城院综〔2027〕 号"
        );
    }

    #[test]
    fn colliding_feedback_names_get_suffixes() {
        let units: Vec<UnitCfg> = ["a/b", "a_b", "a:b", ""]
            .iter()
            .map(|n| UnitCfg {
                name: n.to_string(),
                kind: UnitKind::AcademicDept,
                aliases: vec![],
                principal: None,
            })
            .collect();
        assert_eq!(feedback_stems(&units), ["a_b", "a_b-2", "a_b-3", "unit"]);
    }

    #[test]
    fn feedback_stems_are_safe() {
        assert_eq!(feedback_file_stem("信息工程系"), "信息工程系");
        assert_eq!(feedback_file_stem("../etc/passwd"), "etc_passwd");
        assert_eq!(feedback_file_stem("a:b*c?\"d<e>|f g"), "a_b_c__d_e__f_g");
        assert_eq!(feedback_file_stem("..."), "unit");
        assert_eq!(feedback_file_stem("con"), "_con");
        assert_eq!(feedback_file_stem("LPT1"), "_LPT1");
        assert_eq!(feedback_file_stem("CONSOLE"), "CONSOLE");
        assert_eq!(feedback_file_stem("x\u{7}y"), "x_y");
        assert_eq!(feedback_file_stem(&"长".repeat(80)).chars().count(), 60);
    }
}
