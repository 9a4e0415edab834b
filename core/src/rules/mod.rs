//! The mechanism's rules (mechanism.md): the list is `mechanism::RuleId` (with the reason R14
//! is not one); each rule family lives in its own file named by what it judges and opening with
//! its IDs and clauses (plan R1, meetings R2/R3, inspections R4, quarterly_reports R5,
//! duty_report R8, accidents R9/R11, punishment_reports R10, listed_hazards R12,
//! hazard_rectification R13, submission R15, leaders R6/R7); their findings' wording is in
//! diags.rs, the result constructors in build.rs. Pure functions over typed data: no file I/O,
//! no printing. `unit` judges every unit rule for one roster unit; `eval` calls it, then
//! `scoring`, then its summary.
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
mod build;
pub mod diags;
pub mod duty_report;
pub mod hazard_rectification;
pub mod inspections;
pub mod leaders;
pub mod listed_hazards;
pub mod meetings;
pub mod plan;
pub mod punishment_reports;
pub mod quarterly_reports;
pub mod register_gaps;
pub mod submission;

pub use crate::mechanism::{RubricItem, RuleId, Source};
pub use crate::results::RuleMap;
pub use build::{from_items, item, items_result, join_details, result, with_facts};

pub use crate::context::{Ctx, RegisterGap};
pub use register_gaps::{register_gap_result, register_notes};

use crate::config::UnitCfg;
use crate::findings::Finding;
use crate::model::Ledger;
use crate::results::{AccidentRecord, Grade, Status, UnitResult};
use std::collections::BTreeSet;

/// Findings raised by the rules, plus the years without holiday data each (unit, rule) used.
#[derive(Default)]
pub struct Notes {
    pub findings: Vec<Finding>,
    holiday: BTreeSet<(Option<String>, Option<RuleId>, i32)>,
}

impl Notes {
    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
    /// Take in what another unit's rules noted (after this one's: the order of a sequential run).
    pub fn absorb(&mut self, other: Notes) {
        self.findings.extend(other.findings);
        self.holiday.extend(other.holiday);
    }
    /// Record that `rule` of `unit` counted working days in years without holiday data.
    pub fn holiday_missing(&mut self, unit: Option<&str>, rule: RuleId, years: &[i32]) {
        for y in years {
            self.holiday
                .insert((unit.map(str::to_string), Some(rule), *y));
        }
    }
    /// The findings, with one `holiday_data_missing` warning per (unit, rule, year); the
    /// bulletin's 整改要求 date (`rectification_due`) was counted through `years_missing`.
    pub fn into_findings(
        mut self,
        years_missing: &[i32],
        rectification_due: chrono::NaiveDate,
    ) -> Vec<Finding> {
        for y in years_missing {
            self.holiday.insert((None, None, *y));
        }
        for (unit, rule, year) in std::mem::take(&mut self.holiday) {
            let mut f = diags::holiday_data_missing(rule, year, Some(rectification_due));
            if let Some(u) = unit {
                f = f.unit(u);
            }
            self.findings.push(f);
        }
        self.findings
    }
}

/// What one roster unit is judged from: its counting ledger, if any, and the unreadable files
/// naming it.
pub struct UnitInput<'a> {
    pub ledger: Option<&'a Ledger>,
    pub unreadable: Option<&'a Vec<String>>,
}

/// Every unit rule for one roster unit (scores are filled in later by `scoring`).
pub fn unit(
    ctx: &Ctx,
    input: UnitInput,
    order: usize,
    u: &UnitCfg,
    stem: &str,
    notes: &mut Notes,
) -> UnitResult {
    let UnitInput { ledger, unreadable } = input;
    let accidents = accidents::assemble(ctx, &u.name, ledger, notes);
    let mut rules = RuleMap::new();
    let (r15, late) = submission::r15(ctx, &u.name, ledger, unreadable, notes);
    match ledger {
        Some(l) => ledger_rules(ctx, l, &accidents, notes, &mut rules),
        None => {
            for id in RuleId::UNIT.into_iter().filter(|r| r.needs_ledger()) {
                rules.insert(id, submission::not_submitted(ctx, id, unreadable));
            }
        }
    }
    rules.insert(RuleId::R9, accidents::r9(ctx, &accidents));
    rules.insert(RuleId::R10, punishment_reports::r10(ctx, &u.name, notes));
    rules.insert(RuleId::R12, listed_hazards::r12(ctx, &u.name, notes));
    rules.insert(RuleId::R15, r15);
    let not_met = RuleId::UNIT
        .into_iter()
        .filter(|id| rules.get(id).is_some_and(|r| r.status == Status::NotMet))
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
        score: None,
        provisional: !ctx.final_year(),
        grade: Grade::default(),
        rank: 0,
        commended: false,
        performing_well: false,
        rules,
        points: Default::default(),
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
    accidents: &[AccidentRecord],
    notes: &mut Notes,
    rules: &mut RuleMap,
) {
    accidents::cross_check_quarterly(ctx, l, notes);
    rules.insert(RuleId::R1, plan::r1(ctx, l));
    let (r2, r3) = meetings::r2_r3(ctx, l.meetings.as_deref());
    rules.insert(RuleId::R2, r2);
    rules.insert(RuleId::R3, r3);
    rules.insert(RuleId::R4, inspections::r4(ctx, l.inspections.as_deref()));
    rules.insert(
        RuleId::R5,
        quarterly_reports::r5(ctx, l.quarterly.as_deref()),
    );
    rules.insert(RuleId::R8, duty_report::r8(ctx, l));
    rules.insert(RuleId::R11, accidents::r11(accidents));
    rules.insert(
        RuleId::R13,
        hazard_rectification::r13(ctx, l.hazards.as_deref()),
    );
}
