//! The mechanism's rules (mechanism.md): `Inbox` + `Config` + period + as-of date → `Results`.
//! Pure functions over typed data: no file I/O, no printing. Each rule family lives in its own
//! file naming its clause; this module assembles one `UnitResult` per roster unit, the leaders,
//! the summary and the findings, then hands the units to `scoring`.
//!
//! Choices where mechanism.md is silent (each also in the lead's report):
//! - `holiday_data_missing`: one warning per (unit, rule, year); the bulletin's 整改要求 date
//!   gets one without unit or rule.
//! - R1 is judged the same in every period (the plan is the year's). R15 without a ledger is
//!   待完成 until the submission due date (as-of semantics), 未达标 after it. Versions dated
//!   after as-of never reach the rules (ingest::select); lateness is judged on the earliest
//!   eligible version.
//! - No central register at all: R10/R12 不适用 and V4/V5 cannot be evaluated (contract.md);
//!   R6/R7 are judged from no data (0 visits, no 述职 record) with the detail 未收到保卫处台账.
//!   A register lacking a sheet follows mechanism.md's "bad or missing data" literally: 惩戒措施
//!   or 挂牌督办 missing → R10 or R12 未达标 for every unit (0 points); 领导调研督查 or 领导述职
//!   missing → R6/R7 judged as with no data — the as-of rule ("never a failure" before the
//!   deadline) comes first, so they stay 待完成 while as-of is on or before 31 Dec (R6 in H1 is
//!   always 待完成, 进度滞后) and are 未达标 after it; 事故认定 missing → no determinations (like
//!   安全事故); 考评加减分 missing → no adjustments. Each gap is listed in results.json `notes`.
//! - R12: 状态 已销号 without a date on an item listed before the period is taken as closed
//!   before it (not carried over).
//! - Accidents: the grade that counts is 等级认定, else the unit's reported grade (the 493号令
//!   grade only warns). Casualties for R11 = deaths + injuries + serious injuries. Several
//!   accidents on one date → `duplicate_value` warning on the first determination of that date.
//! - Scoring deductions scale with the configured points (R10: ½ per 逾期提交, all per 逾期未交;
//!   R12: ½ per 逾期未整改/逾期销号, all per 拒不整改; accidents: ⅕ per accident, ½ per R11 item
//!   without report). In the year score an item entirely 待完成 (or 不适用 for the period) earns
//!   its full points; in H1/H2 it is left out. A 不适用-for-the-period item is R8 in H1/H2, R2/R3
//!   with no semester starting, R4 with every month exempt.
//! - Veto risks in H2 ("on the data so far", 七) are judged on the accidents of the year so far
//!   (1 Jan to as-of), as the year-end veto will be; R9/R11 and the deductions stay per period.

pub mod accidents;
pub mod duty;
pub mod fixture;
pub mod gaps;
pub mod inspections;
pub mod leaders;
pub mod listed;
pub mod meetings;
pub mod plan;
pub mod punishments;
pub mod quarterly;
mod results;
pub mod submission;
pub mod summary;

pub use results::{
    date, from_items, item, items_result, join_details, meta, missing_sheet, result, text,
};

pub use gaps::{RegisterGap, register_gap_result, register_notes};

use crate::calendar::Calendar;
use crate::config::{Config, UnitCfg};
use crate::eval::{PeriodKind, Results, RuleResult, Status, UnitResult};
use crate::findings::{Code, Finding};
use crate::model::{Inbox, Ledger, Register};
use crate::period::Period;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What `evaluate` needs.
pub struct EvalInput<'a> {
    pub cfg: &'a Config,
    pub inbox: &'a Inbox,
    pub period: Period,
    pub as_of: NaiveDate,
    pub doc_number: Option<u32>,
}

/// Unit rule IDs in the order the bulletin lists them.
pub const UNIT_RULES: [&str; 12] = [
    "R1", "R2", "R3", "R4", "R5", "R8", "R9", "R10", "R11", "R12", "R13", "R15",
];
/// Leader rule IDs.
pub const LEADER_RULES: [&str; 2] = ["R6", "R7"];

/// The evaluation context shared by every rule.
pub struct Ctx<'a> {
    pub cfg: &'a Config,
    pub cal: Calendar,
    pub period: Period,
    pub as_of: NaiveDate,
    pub register: Option<&'a Register>,
}

impl<'a> Ctx<'a> {
    /// A date that has happened by as-of; later dates count as not yet made.
    pub fn seen(&self, d: Option<NaiveDate>) -> Option<NaiveDate> {
        d.filter(|d| *d <= self.as_of)
    }
    /// An event dated in the period and not after as-of.
    pub fn in_period(&self, d: Option<NaiveDate>) -> bool {
        d.is_some_and(|d| self.period.contains(d) && d <= self.as_of)
    }
    /// The period's last day is over by as-of (requirements due at the period's end are judged).
    pub fn period_over(&self) -> bool {
        self.as_of > self.period.end()
    }
    /// A year assessment after the year has ended: final scores, vetoes, commendation. A year
    /// build with as-of on or before 31 Dec is a preview (预评, outputs.md "Settled" 5) and is
    /// scored like H1/H2: provisional scores, veto risks, no commendation.
    pub fn final_year(&self) -> bool {
        self.period.is_year() && self.period_over()
    }
    /// An item of a register (R10, R12) that the period holds: started in the period, or before
    /// it and still open when the period started (mechanism.md, "which items a period holds").
    /// A closing date after as-of has not happened yet: the item is still open.
    pub fn holds(&self, start: Option<NaiveDate>, closed: Option<NaiveDate>) -> bool {
        let Some(s) = start else { return false };
        if s > self.as_of {
            return false;
        }
        let ps = self.period.start();
        self.period.contains(s) || (s < ps && self.seen(closed).is_none_or(|c| c >= ps))
    }
    /// The rows of a central-register sheet, or why there are none (`sheet` names it).
    pub fn register_rows<T>(
        &self,
        sheet: &'static str,
        get: impl Fn(&'a Register) -> Option<&'a [T]>,
    ) -> Result<&'a [T], RegisterGap> {
        let reg = self.register.ok_or(RegisterGap::NoRegister)?;
        get(reg).ok_or(RegisterGap::MissingSheet(sheet))
    }
}

/// Findings raised by the rules, plus the years without holiday data each (unit, rule) used.
#[derive(Default)]
pub struct Notes {
    pub findings: Vec<Finding>,
    holiday: BTreeSet<(Option<String>, String, i32)>,
    /// The 整改要求 date, named in its `holiday_data_missing` warning.
    rectification_due: Option<NaiveDate>,
}

impl Notes {
    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
    /// Record that `rule` of `unit` counted working days in years without holiday data.
    pub fn holiday_missing(&mut self, unit: Option<&str>, rule: &str, years: &[i32]) {
        for y in years {
            self.holiday
                .insert((unit.map(str::to_string), rule.to_string(), *y));
        }
    }
    /// One `holiday_data_missing` warning per (unit, rule, year).
    fn into_findings(mut self) -> Vec<Finding> {
        for (unit, rule, year) in std::mem::take(&mut self.holiday) {
            let message = match (rule.is_empty(), self.rectification_due) {
                (true, Some(due)) => format!(
                    "节假日数据缺失：{year}年。通报整改要求的截止日期 {due} 是按周一至周五推算的，\
                     可能落在{year}年的节假日期间。两种办法：在配置文件中补充 [[calendar.year]] \
                     year = {year} 的放假和调休安排后重新生成；或用 build --rectification-due 日期 \
                     直接指定截止日期"
                ),
                _ => {
                    let what = if rule.is_empty() {
                        "整改要求期限".to_string()
                    } else {
                        format!("{rule}（{}）的期限", meta(&rule).0)
                    };
                    format!(
                        "节假日数据缺失：{year}年。{what}按周一至周五计算工作日，\
                         请在配置文件 [[calendar.year]] 中补充{year}年的放假和调休安排"
                    )
                }
            };
            let mut f = Finding::warning(Code::HolidayDataMissing, message);
            if !rule.is_empty() {
                f = f.rule(rule);
            }
            if let Some(u) = unit {
                f = f.unit(u);
            }
            self.findings.push(f);
        }
        self.findings
    }
}

/// Evaluate the mechanism for the period: the whole `Results` (results.json).
pub fn evaluate(input: &EvalInput) -> Results {
    evaluate_with(input, None)
}

/// `evaluate` with the 整改要求 date given by the office (`build --rectification-due`, after
/// as-of): it replaces the date counted in working days, so no holiday data is needed for it.
pub fn evaluate_with(input: &EvalInput, rectification_due: Option<NaiveDate>) -> Results {
    let cfg = input.cfg;
    let ctx = Ctx {
        cfg,
        cal: Calendar::new(&cfg.calendar),
        period: input.period,
        as_of: input.as_of,
        register: input.inbox.register.as_ref(),
    };
    let mut notes = Notes::default();
    let stems = feedback_stems(&cfg.units);
    let mut units: Vec<UnitResult> = cfg
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| evaluate_unit(&ctx, input.inbox, i, u, &stems[i], &mut notes))
        .collect();
    let year_to_date = year_to_date_accidents(&ctx, input.inbox);
    crate::scoring::score_all(&ctx, &mut units, year_to_date.as_deref());
    let leaders = leaders::evaluate(&ctx, &mut notes);
    let (rect_due, mut missing) = match rectification_due {
        Some(d) => (d, Vec::new()),
        None => ctx
            .cal
            .add_workdays(input.as_of, cfg.bulletin.rectification_working_days),
    };
    missing.sort_unstable();
    missing.dedup();
    notes.holiday_missing(None, "", &missing);
    notes.rectification_due = Some(rect_due);
    let mut findings = input.inbox.findings.clone();
    findings.extend(notes.into_findings());
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
        preview: ctx.period.is_year() && !ctx.period_over(),
        school: cfg.school.name.clone(),
        issuer: cfg.issuer().to_string(),
        doc_number: doc_number(&cfg.school.doc_prefix, input.as_of, input.doc_number),
        rectification_due: rect_due,
        rectification_due_unverified: missing,
        submission_due: input.period.submission_due(&cfg.rules),
        config_sha256: cfg.sha256.clone(),
        register_present: ctx.register.is_some(),
        register_file: ctx.register.map(|r| r.file.clone()),
        notes: register_notes(&ctx),
        inputs: input.inbox.inputs.clone(),
        units,
        leaders,
        summary,
        findings,
        prose: input.inbox.prose.clone(),
    }
}

/// In H2 the veto risks (七, "on the data so far") look at the whole year so far: each roster
/// unit's accidents from 1 Jan to as-of (warnings were already raised for the period's own).
/// None in H1 and for the year, whose period already is the year so far.
fn year_to_date_accidents(
    ctx: &Ctx,
    inbox: &Inbox,
) -> Option<Vec<Vec<crate::eval::AccidentRecord>>> {
    if ctx.period.kind != PeriodKind::H2 {
        return None;
    }
    let year = Ctx {
        cfg: ctx.cfg,
        cal: ctx.cal.clone(),
        period: Period {
            year: ctx.period.year,
            kind: PeriodKind::Year,
        },
        as_of: ctx.as_of,
        register: ctx.register,
    };
    let mut scratch = Notes::default();
    Some(
        ctx.cfg
            .units
            .iter()
            .map(|u| accidents::assemble(&year, &u.name, inbox.ledgers.get(&u.name), &mut scratch))
            .collect(),
    )
}

/// The bulletin's title; a year preview says so and names its as-of date (outputs.md
/// "Settled" 5): 关于2026年度安全工作考核结果的通报（预评，截至2026年7月15日）.
fn bulletin_title(ctx: &Ctx) -> String {
    use chrono::Datelike;
    let title = ctx.period.bulletin_title();
    if ctx.period.is_year() && !ctx.period_over() {
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
    let mut used = crate::eval::UniqueStems::default();
    units
        .iter()
        .map(|u| used.take(&crate::eval::feedback_file_stem(&u.name)))
        .collect()
}

/// Every unit rule for one roster unit (scores are filled in later by `scoring`).
fn evaluate_unit(
    ctx: &Ctx,
    inbox: &Inbox,
    order: usize,
    u: &UnitCfg,
    stem: &str,
    notes: &mut Notes,
) -> UnitResult {
    let ledger = inbox.ledgers.get(&u.name);
    let unreadable = inbox.unreadable_by_unit.get(&u.name);
    let accidents = accidents::assemble(ctx, &u.name, ledger, notes);
    let mut rules = BTreeMap::new();
    let (r15, late) = submission::r15(ctx, &u.name, ledger, unreadable, notes);
    match ledger {
        Some(l) => ledger_rules(ctx, l, &accidents, notes, &mut rules),
        None => {
            for id in ["R1", "R2", "R3", "R4", "R5", "R8", "R11", "R13"] {
                rules.insert(
                    id.to_string(),
                    submission::not_submitted(ctx, id, unreadable),
                );
            }
        }
    }
    rules.insert("R9".into(), accidents::r9(ctx, &accidents));
    rules.insert("R10".into(), punishments::r10(ctx, &u.name, notes));
    rules.insert("R12".into(), listed::r12(ctx, &u.name, notes));
    rules.insert("R15".into(), r15);
    let not_met = UNIT_RULES
        .iter()
        .filter(|id| rules.get(**id).is_some_and(|r| r.status == Status::NotMet))
        .map(|id| id.to_string())
        .collect();
    UnitResult {
        name: u.name.clone(),
        kind: u.kind.label().to_string(),
        order,
        principal: ledger
            .and_then(|l| l.cover.principal.clone())
            .or_else(|| u.principal.clone()),
        submitted: ledger.is_some(),
        file: ledger.map(|l| l.file.clone()),
        submitted_on: ledger.and_then(|l| l.cover.submitted_on),
        late_submission: late,
        feedback: format!("feedback/{stem}.html"),
        score: 0.0,
        provisional: !ctx.final_year(),
        grade: String::new(),
        rank: 0,
        commended: false,
        performing_well: false,
        rules,
        points: BTreeMap::new(),
        adjustments: Vec::new(),
        suggestions: Vec::new(),
        accidents,
        vetoes: Vec::new(),
        veto_risks: Vec::new(),
        not_met,
    }
}

/// The rules judged from a submitted ledger.
fn ledger_rules(
    ctx: &Ctx,
    l: &Ledger,
    accidents: &[crate::eval::AccidentRecord],
    notes: &mut Notes,
    rules: &mut BTreeMap<String, RuleResult>,
) {
    accidents::cross_check_quarterly(ctx, l, notes);
    rules.insert("R1".into(), plan::r1(ctx, l));
    let (r2, r3) = meetings::r2_r3(ctx, l.meetings.as_deref());
    rules.insert("R2".into(), r2);
    rules.insert("R3".into(), r3);
    rules.insert("R4".into(), inspections::r4(ctx, l.inspections.as_deref()));
    rules.insert("R5".into(), quarterly::r5(ctx, l.quarterly.as_deref()));
    rules.insert("R8".into(), duty::r8(ctx, l));
    rules.insert("R11".into(), accidents::r11(accidents));
    rules.insert("R13".into(), inspections::r13(ctx, l.hazards.as_deref()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::{config, d};

    fn ctx<'a>(cfg: &'a Config, period: &str, as_of: NaiveDate) -> Ctx<'a> {
        Ctx {
            cfg,
            cal: Calendar::default(),
            period: period.parse().unwrap(),
            as_of,
            register: None,
        }
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
    fn register_items_carry_into_later_periods_while_open() {
        let cfg = config(&[]);
        let h2 = ctx(&cfg, "2026H2", d(2026, 12, 1));
        assert!(h2.holds(Some(d(2026, 6, 20)), None));
        assert!(h2.holds(Some(d(2026, 6, 20)), Some(d(2026, 7, 1))));
        assert!(!h2.holds(Some(d(2026, 6, 20)), Some(d(2026, 6, 30))));
        assert!(
            !h2.holds(Some(d(2026, 12, 2)), None),
            "after as-of: not yet happened"
        );
        let h1 = ctx(&cfg, "2026H1", d(2026, 12, 1));
        assert!(!h1.holds(Some(d(2026, 7, 2)), None));
        // A closing date after as-of has not happened: still open when H2 starts.
        let early = ctx(&cfg, "2026H2", d(2026, 6, 20));
        assert!(early.holds(Some(d(2026, 6, 10)), Some(d(2026, 6, 25))));
        assert!(!early.holds(Some(d(2026, 6, 10)), Some(d(2026, 6, 15))));
    }

    #[test]
    fn as_of_day_itself_is_not_over() {
        let cfg = config(&[]);
        let c = ctx(&cfg, "2026H1", d(2026, 6, 30));
        assert!(!c.period_over());
        assert!(ctx(&cfg, "2026H1", d(2026, 7, 1)).period_over());
        assert_eq!(c.seen(Some(d(2026, 7, 1))), None);
        assert!(c.in_period(Some(d(2026, 6, 30))));
    }

    #[test]
    fn colliding_feedback_names_get_suffixes() {
        let cfg = config(&["a/b", "a_b", "a:b", ""]);
        assert_eq!(
            feedback_stems(&cfg.units),
            ["a_b", "a_b-2", "a_b-3", "unit"]
        );
    }
}
