//! The bulletin's 总体情况 figures: submissions, met rates per rule (达标 ÷ (达标 + 未达标)),
//! vetoes and risks, 事故多发单位, commendation lists, grade counts, finding counts.

use super::{Ctx, LEADER_RULES, UNIT_RULES, meta};
use crate::eval::{LeaderResult, MetRate, RuleResult, Status, Summary, UnitResult};
use crate::findings::{Finding, Severity};
use std::collections::BTreeMap;

fn rate<'a>(id: &str, results: impl Iterator<Item = &'a RuleResult>) -> MetRate {
    let (clause, title) = meta(id);
    let mut counts = [0usize; 4];
    for r in results {
        counts[r.status as usize] += 1;
    }
    let [met, not_met, pending, na] = counts;
    MetRate {
        rule: id.into(),
        title: title.into(),
        clause: clause.into(),
        met,
        not_met,
        pending,
        na,
        rate: (met + not_met > 0).then(|| met as f64 / (met + not_met) as f64),
    }
}

/// The summary of a whole evaluation.
pub fn summarise(
    ctx: &Ctx,
    units: &[UnitResult],
    leaders: &[LeaderResult],
    findings: &[Finding],
) -> Summary {
    let (met_rates, overall_rate) = met_rates(units, leaders);
    let names = |f: &dyn Fn(&UnitResult) -> bool| -> Vec<String> {
        units
            .iter()
            .filter(|u| f(u))
            .map(|u| u.name.clone())
            .collect()
    };
    let mut by_rank: Vec<&UnitResult> = units.iter().collect();
    by_rank.sort_by_key(|u| u.rank);
    let mut grade_counts = BTreeMap::new();
    if ctx.period.is_year() {
        for u in units {
            *grade_counts.entry(u.grade.clone()).or_insert(0) += 1;
        }
    }
    Summary {
        roster: units.len(),
        submitted: units.iter().filter(|u| u.submitted).count(),
        on_time: units
            .iter()
            .filter(|u| u.submitted && !u.late_submission)
            .count(),
        late: units.iter().filter(|u| u.late_submission).count(),
        missing: names(&|u| !u.submitted),
        met_rates,
        overall_rate,
        vetoed: names(&|u| !u.vetoes.is_empty()),
        veto_risk: names(&|u| !u.veto_risks.is_empty()),
        frequent_accident_units: names(&|u| {
            u.rules
                .get("R9")
                .is_some_and(|r| r.status == Status::NotMet)
        }),
        commended: by_rank
            .iter()
            .filter(|u| u.commended)
            .map(|u| u.name.clone())
            .collect(),
        performing_well: names(&|u| u.performing_well),
        grade_counts,
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
    }
}

/// Met rates per unit rule (R1…R15), then the leader rules, and the overall rate of unit rules.
fn met_rates(units: &[UnitResult], leaders: &[LeaderResult]) -> (Vec<MetRate>, Option<f64>) {
    let mut rates: Vec<MetRate> = UNIT_RULES
        .iter()
        .map(|id| rate(id, units.iter().filter_map(|u| u.rules.get(*id))))
        .collect();
    let (met, judged) = rates
        .iter()
        .fold((0, 0), |(m, j), r| (m + r.met, j + r.met + r.not_met));
    rates.extend(
        LEADER_RULES
            .iter()
            .map(|id| rate(id, leaders.iter().filter_map(|l| l.rules.get(*id)))),
    );
    (rates, (judged > 0).then(|| met as f64 / judged as f64))
}
