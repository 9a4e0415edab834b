//! Year-end score (年终考核) and the H1/H2 provisional score (参考分): the rubric of
//! `[scoring]` over the rule results, 考评加减分, clamp, rounding half up to one decimal, grades,
//! then vetoes (七), rankings, commendation (一.3) and suggestions (五.3). Pure, no I/O.

pub mod outcomes;
pub mod vetoes;

use crate::context::Ctx;
use crate::mechanism::{RubricItem, RuleId};
use crate::results::RuleMap;
use crate::results::UnitResult;
use crate::results::{AccidentRecord, Grade, Item, ListedOutcome, Points, RuleResult, Status};
use std::collections::BTreeMap;

/// How one rubric item came out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Earned(f64),
    /// Entirely 待完成.
    Pending,
    /// 不适用 for the period (R8 in H1/H2, no semester starting, every month exempt).
    NaForPeriod,
}

/// Round half up to one decimal (96.25 → 96.3, 78.947 → 78.9). A tolerance of 1e-6 tenths
/// absorbs binary noise (96.25 may be stored as 96.2499999…) without rounding twice.
pub fn round1(x: f64) -> f64 {
    ((x * 10.0) + 0.5 + 1e-6).floor() / 10.0
}

/// Grade from a rounded score (`[grades]`).
pub fn grade(ctx: &Ctx, score: f64) -> Grade {
    let g = &ctx.cfg.grades;
    if score >= g.excellent {
        Grade::Excellent
    } else if score >= g.good {
        Grade::Good
    } else if score >= g.pass {
        Grade::Pass
    } else {
        Grade::Fail
    }
}

/// Fill points, adjustments, score, grade, vetoes, ranks, commendation and suggestions.
/// `year_to_date`: in H2, each unit's accidents of the year so far (roster order), which the
/// veto risks are judged on; None judges them on the period's own accidents.
pub fn score_all(
    ctx: &Ctx,
    units: &mut [UnitResult],
    year_to_date: Option<&[Vec<AccidentRecord>]>,
) {
    for (i, u) in units.iter_mut().enumerate() {
        let ytd = year_to_date.and_then(|v| v.get(i));
        score_unit(ctx, u, ytd.map(Vec::as_slice));
    }
    outcomes::rank(units);
    for u in units.iter_mut() {
        outcomes::commend(ctx, u);
        u.suggestions = outcomes::suggestions(ctx, u);
    }
}

fn score_unit(ctx: &Ctx, u: &mut UnitResult, year_to_date: Option<&[AccidentRecord]>) {
    // A year preview (as-of on or before 31 Dec) is scored like H1/H2 (outputs.md "Settled" 5).
    let year = ctx.final_year();
    let (earned, max) = fill_points(ctx, u);
    let raw = if year {
        u.adjustments = outcomes::adjustments(ctx, &u.name);
        earned + u.adjustments.iter().map(|a| a.points).sum::<f64>()
    } else if max > 0.0 {
        earned / max * 100.0
    } else {
        0.0
    };
    u.score = if nothing_judged(ctx, u, max) {
        None
    } else if u.submitted {
        Some(round1(raw.clamp(0.0, 100.0)))
    } else {
        Some(0.0)
    };
    let found = vetoes::conditions(ctx, year_to_date.unwrap_or(&u.accidents));
    if year {
        u.vetoes = found;
        if let Some(v3) = u.score.and_then(|s| vetoes::v3(ctx, s)) {
            u.vetoes.push(v3);
        }
    } else {
        u.veto_risks = found;
    }
    u.grade = match u.score {
        _ if !u.vetoes.is_empty() => Grade::Vetoed,
        Some(s) => grade(ctx, s),
        None => Grade::NotYet,
    };
}

/// A year preview's unit with nothing judged yet (outputs.md "Settled" 5: `score: null`, shown
/// —): every rubric item is left out, or the unit's ledger is not yet due (R15 待完成 — always
/// so in a preview without a ledger, the year's ledgers being due in January).
fn nothing_judged(ctx: &Ctx, u: &UnitResult, max: f64) -> bool {
    let ledger_not_due = !u.submitted
        && u.rules
            .get(&RuleId::R15)
            .is_some_and(|r| r.status == Status::Pending);
    ctx.preview() && (max <= 0.0 || ledger_not_due)
}

/// The rubric's points per item (`u.points`); returns the points earned and the points
/// counted (items left out of a provisional score do not count).
fn fill_points(ctx: &Ctx, u: &mut UnitResult) -> (f64, f64) {
    let year = ctx.final_year();
    let mut points = BTreeMap::new();
    let (mut earned, mut max) = (0.0, 0.0);
    for item in RubricItem::ALL {
        let pts = item.points(&ctx.cfg.scoring);
        let outcome = if u.submitted {
            item_outcome(item, pts, &u.rules, u.accidents.len())
        } else {
            Outcome::Earned(0.0)
        };
        let (e, excluded) = match outcome {
            Outcome::Earned(e) => (e, false),
            Outcome::Pending | Outcome::NaForPeriod if year => (pts, false),
            _ => (0.0, true),
        };
        if !excluded {
            earned += e;
            max += pts;
        }
        let p = Points {
            label: item.label().to_string(),
            rules: item.rules().to_vec(),
            earned: (e * 100.0).round() / 100.0,
            max: pts,
            excluded,
        };
        points.insert(item.key().to_string(), p);
    }
    u.points = points;
    (earned, max)
}

/// One rubric item from the rule results.
fn item_outcome(item: RubricItem, max: f64, rules: &RuleMap, accidents: usize) -> Outcome {
    let get = |id: RuleId| rules.get(&id);
    match item {
        RubricItem::Plan => single(get(RuleId::R1), max),
        RubricItem::DutyReport => single(get(RuleId::R8), max),
        RubricItem::Meetings => share(get(RuleId::R2), max, true, |_| 0.0),
        RubricItem::PrincipalStudy => share(get(RuleId::R3), max, true, |_| 0.0),
        RubricItem::Inspections => share(get(RuleId::R4), max, true, |_| 0.0),
        RubricItem::HazardRectification => share(get(RuleId::R13), max, false, |_| 0.0),
        // R5: 逾期 earns half its share, 未报 nothing.
        RubricItem::QuarterlyReports => share(get(RuleId::R5), max, true, |i| {
            if i.fields.submitted() { 0.5 } else { 0.0 }
        }),
        // R10 (五.3): ½ per 逾期提交, all per 逾期未交.
        RubricItem::RectificationReports => deduct(get(RuleId::R10), max, |i| {
            if i.fields.submitted() { 0.5 } else { 1.0 }
        }),
        // R12 (六.1–3): all per 拒不整改, ½ per 逾期未整改 / 逾期销号.
        RubricItem::ListedHazards => {
            deduct(get(RuleId::R12), max, |i| match i.fields.listed_state() {
                Some(ListedOutcome::Refused) => 1.0,
                Some(ListedOutcome::Overdue | ListedOutcome::ClosedLate) => 0.5,
                _ => 0.0,
            })
        }
        // R9, R11: ⅕ per accident, ½ per R11 accident without a written report.
        RubricItem::Accidents => {
            let missing_reports = get(RuleId::R11).map_or(0, |r| {
                r.items
                    .iter()
                    .filter(|i| i.status == Status::NotMet)
                    .count()
            });
            let lost = max * (0.2 * accidents as f64 + 0.5 * missing_reports as f64);
            Outcome::Earned((max - lost).max(0.0))
        }
    }
}

/// 达标 full, else 0; 待完成 pending; 不适用 n/a for the period.
fn single(r: Option<&RuleResult>, max: f64) -> Outcome {
    match r.map(|r| r.status) {
        Some(Status::Met) => Outcome::Earned(max),
        Some(Status::Pending) => Outcome::Pending,
        Some(Status::Na) => Outcome::NaForPeriod,
        _ => Outcome::Earned(0.0),
    }
}

/// Share of judged items met; a 未达标 item earns `partial(item)` of its share.
/// `na_is_period`: 不适用 means nothing to judge this period (else: nothing happened → full).
fn share(
    r: Option<&RuleResult>,
    max: f64,
    na_is_period: bool,
    partial: impl Fn(&Item) -> f64,
) -> Outcome {
    let Some(r) = r else {
        return Outcome::Earned(0.0);
    };
    let judged: Vec<&Item> = r
        .items
        .iter()
        .filter(|i| matches!(i.status, Status::Met | Status::NotMet))
        .collect();
    if judged.is_empty() {
        return match r.status {
            Status::Pending => Outcome::Pending,
            Status::Na if na_is_period => Outcome::NaForPeriod,
            Status::Na | Status::Met => Outcome::Earned(max),
            Status::NotMet => Outcome::Earned(0.0),
        };
    }
    let got: f64 = judged
        .iter()
        .map(|i| {
            if i.status == Status::Met {
                1.0
            } else {
                partial(i)
            }
        })
        .sum();
    Outcome::Earned(max * got / judged.len() as f64)
}

/// Full points minus `fraction(item) × max` per 未达标 item, floor 0; 不适用 → full; 未达标
/// without items (the register lacks the sheet) → 0.
fn deduct(r: Option<&RuleResult>, max: f64, fraction: impl Fn(&Item) -> f64) -> Outcome {
    let Some(r) = r else {
        return Outcome::Earned(max);
    };
    if r.status == Status::NotMet && r.items.is_empty() {
        return Outcome::Earned(0.0);
    }
    let judged = r
        .items
        .iter()
        .filter(|i| matches!(i.status, Status::Met | Status::NotMet))
        .count();
    if r.status == Status::Pending && judged == 0 {
        return Outcome::Pending;
    }
    let lost: f64 = r
        .items
        .iter()
        .filter(|i| i.status == Status::NotMet)
        .map(|i| fraction(i) * max)
        .sum();
    Outcome::Earned((max - lost).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_on_one_decimal() {
        assert_eq!(round1(96.25), 96.3);
        assert_eq!(round1(96.24), 96.2);
        assert_eq!(round1(87.45), 87.5);
        assert_eq!(round1(0.1 + 0.2 + 96.0 - 0.05), 96.3);
        assert_eq!(round1(100.0), 100.0);
        assert_eq!(round1(0.0), 0.0);
        // No double rounding (78.947 → 78.95 → 79.0 was wrong).
        assert_eq!(round1(75.0 / 95.0 * 100.0), 78.9);
        assert_eq!(round1(96.049), 96.0);
        assert_eq!(round1(85.0 / 95.0 * 100.0), 89.5);
        assert_eq!(round1(89.9458), 89.9, "no double rounding");
        assert_eq!(round1(96.2451), 96.2);
        assert_eq!(round1(100.0 * 11.0 / 12.0), 91.7);
    }
}
