//! R9 (五.2) frequent accidents, R11 (五.4) written inspection report and 问责, and the accident
//! cross-checks: determinations matched to reported accidents by date (one to one in row order),
//! the 493号令 implied grade (`grade_too_low`) and the quarterly 事故起数 (`inconsistent_count`).

use super::{Ctx, Notes, RuleId, diags, item, items_result, with_facts};
use crate::model::{Accident, AccidentGrade, Determination, Ledger};
use crate::results::{
    AccidentItem, AccidentRecord, AccidentSource, Item, ItemFields, RuleFacts, RuleResult, Status,
};

/// Grade implied by the figures (国务院令第493号); None when every figure is blank.
pub fn implied_grade(
    deaths: Option<u32>,
    serious: Option<u32>,
    loss_wan: Option<f64>,
) -> Option<AccidentGrade> {
    if deaths.is_none() && serious.is_none() && loss_wan.is_none() {
        return None;
    }
    let by = |v: Option<f64>, t: [f64; 3]| match v {
        Some(v) if v >= t[0] => AccidentGrade::Extraordinary,
        Some(v) if v >= t[1] => AccidentGrade::Serious,
        Some(v) if v >= t[2] => AccidentGrade::Major,
        _ => AccidentGrade::General,
    };
    let g = by(deaths.map(f64::from), [30.0, 10.0, 3.0])
        .max(by(serious.map(f64::from), [100.0, 50.0, 10.0]))
        .max(by(loss_wan, [10000.0, 5000.0, 1000.0]));
    Some(g)
}

/// The unit's accidents in the period (not after as-of): its ledger's 安全事故 rows, plus the
/// determinations matching none of them. Raises the matching and grading warnings.
pub fn assemble(
    ctx: &Ctx,
    unit: &str,
    ledger: Option<&Ledger>,
    notes: &mut Notes,
) -> Vec<AccidentRecord> {
    let reported: Vec<&Accident> = ledger
        .and_then(|l| l.accidents.as_deref())
        .unwrap_or(&[])
        .iter()
        .filter(|a| ctx.in_period(a.date))
        .collect();
    let dets: Vec<&Determination> = ctx
        .register
        .and_then(|r| r.determinations.as_deref())
        .unwrap_or(&[])
        .iter()
        .filter(|d| d.unit.as_deref() == Some(unit) && ctx.in_period(d.date))
        .collect();
    let reg_file = ctx.register.map_or("", |r| r.file.as_str());
    let mut matched: Vec<(&Accident, Option<&Determination>)> =
        reported.iter().map(|a| (*a, None)).collect();
    let mut records = Vec::new();
    for d in &dets {
        let slot = matched
            .iter_mut()
            .find(|(a, m)| m.is_none() && a.date == d.date);
        warn_shared_date(unit, d, &reported, &dets, reg_file, notes);
        match slot {
            Some((_, m)) => *m = Some(d),
            None => {
                notes.push(
                    diags::unreported_accident(d.date)
                        .file(reg_file)
                        .sheet(d.loc.sheet().to_string())
                        .cell(d.loc.cell("发生日期"))
                        .unit(unit),
                );
                records.push((d.date, 1, d.loc.row, from_determination(d)));
            }
        }
    }
    let file = ledger.map_or("", |l| l.file.as_str());
    for (a, d) in matched {
        let rec = from_ledger(ctx, a, d);
        check_grade(a, unit, file, notes);
        records.push((a.date, 0, a.loc.row, rec));
    }
    records.sort_by_key(|(d, src, row, _)| (*d, *src, *row));
    records.into_iter().map(|(_, _, _, r)| r).collect()
}

/// Several reported accidents or determinations on one date: matched in row order, warned once
/// (on the first determination of that date).
fn warn_shared_date(
    unit: &str,
    d: &Determination,
    reported: &[&Accident],
    dets: &[&Determination],
    file: &str,
    notes: &mut Notes,
) {
    let same_dets: Vec<_> = dets.iter().filter(|o| o.date == d.date).collect();
    let same_rep = reported.iter().filter(|a| a.date == d.date).count();
    let first = same_dets.first().is_some_and(|f| std::ptr::eq(**f, d));
    if first && (same_dets.len() > 1 || same_rep > 1) {
        notes.push(
            diags::accidents_share_date(same_rep, same_dets.len())
                .file(file)
                .sheet(d.loc.sheet().to_string())
                .cell(d.loc.cell("发生日期"))
                .unit(unit),
        );
    }
}

fn from_ledger(ctx: &Ctx, a: &Accident, d: Option<&Determination>) -> AccidentRecord {
    let implied = implied_grade(a.deaths, a.serious_injuries, a.loss_wan);
    let determined = d.and_then(|d| d.grade);
    let casualties = [a.deaths, a.injuries, a.serious_injuries]
        .iter()
        .fold(0u32, |s, n| s.saturating_add(n.unwrap_or(0)));
    let responsible = d.and_then(|d| d.responsible);
    AccidentRecord {
        date: a.date,
        summary: a.summary.clone(),
        reported_grade: a.grade,
        determined_grade: determined,
        implied_grade: implied,
        grade: determined.or(a.grade),
        deaths: a.deaths,
        injuries: a.injuries,
        serious_injuries: a.serious_injuries,
        loss: a.loss_wan,
        report_date: ctx.seen(a.report_on),
        responsible,
        concealed: d.and_then(|d| d.concealed),
        bad_influence: d.and_then(|d| d.bad_influence),
        in_activity: a.in_activity,
        source: AccidentSource::Ledger,
        accountability: casualties > 0 || responsible == Some(true),
    }
}

fn from_determination(d: &Determination) -> AccidentRecord {
    AccidentRecord {
        date: d.date,
        summary: d.note.clone(),
        reported_grade: None,
        determined_grade: d.grade,
        implied_grade: None,
        grade: d.grade,
        deaths: None,
        injuries: None,
        serious_injuries: None,
        loss: None,
        report_date: None,
        responsible: d.responsible,
        concealed: d.concealed,
        bad_influence: d.bad_influence,
        in_activity: None,
        source: AccidentSource::Register,
        accountability: d.responsible == Some(true),
    }
}

/// `grade_too_low` when the reported grade is below the implied one.
fn check_grade(a: &Accident, unit: &str, file: &str, notes: &mut Notes) {
    let implied = implied_grade(a.deaths, a.serious_injuries, a.loss_wan);
    let (Some(rep), Some(imp)) = (a.grade, implied) else {
        return;
    };
    if rep >= imp {
        return;
    }
    notes.push(
        diags::grade_too_low(imp.label(), rep.label())
            .file(file)
            .sheet(a.loc.sheet().to_string())
            .cell(a.loc.cell("事故等级"))
            .unit(unit),
    );
}

/// R9: accidents in the period ≥ `frequent_accident_threshold` → 事故多发单位.
pub fn r9(ctx: &Ctx, accidents: &[AccidentRecord]) -> RuleResult {
    let n = accidents.len();
    let t = ctx.cfg.rules.frequent_accident_threshold as usize;
    let (status, detail) = if n >= t.max(1) {
        (
            Status::NotMet,
            format!("事故多发单位：本期发生安全事故{n}起"),
        )
    } else {
        (Status::Met, format!("本期发生安全事故{n}起"))
    };
    with_facts(
        RuleId::R9,
        status,
        detail,
        RuleFacts::Accidents { accidents: n },
    )
}

/// R11: each accident with casualties, or found 负有责任, needs a written inspection report;
/// each starts accountability (启动问责).
pub fn r11(accidents: &[AccidentRecord]) -> RuleResult {
    let items: Vec<Item> = accidents
        .iter()
        .filter(|a| a.accountability)
        .map(r11_item)
        .collect();
    let none = "本期无须作出书面检查报告的事故";
    items_result(RuleId::R11, items, none, |_, _| {
        "已作出书面检查报告，启动问责".into()
    })
}

fn r11_item(a: &AccidentRecord) -> Item {
    let when = a.date.map_or(String::new(), |d| d.to_string());
    let (status, detail) = match a.report_date {
        Some(d) => (
            Status::Met,
            format!("{when}事故：{d}已作出书面检查报告，启动问责"),
        ),
        None => (
            Status::NotMet,
            format!("{when}事故：未作出书面检查报告，启动问责"),
        ),
    };
    let fields = ItemFields::Accident(Box::new(AccidentItem {
        date: a.date,
        summary: a.summary.clone(),
        grade: a.grade,
        deaths: a.deaths,
        injuries: a.injuries,
        responsible: a.responsible,
        report_date: a.report_date,
    }));
    item(status, detail, fields)
}

/// Quarterly 事故起数 vs the ledger's own accident rows dated in that quarter.
pub fn cross_check_quarterly(ctx: &Ctx, l: &Ledger, notes: &mut Notes) {
    let (Some(reports), accidents) = (
        l.quarterly.as_deref(),
        l.accidents.as_deref().unwrap_or(&[]),
    ) else {
        return;
    };
    for r in reports {
        let (Some(q), Some(count)) = (r.quarter, r.accident_count) else {
            continue;
        };
        if !ctx.period.quarters().contains(&q) || ctx.seen(r.submitted_on).is_none() {
            continue;
        }
        let (first, last) = super::quarterly_reports::quarter_bounds(ctx.period.year, q);
        let rows = accidents
            .iter()
            .filter(|a| {
                a.date
                    .is_some_and(|d| d >= first && d <= last.min(ctx.as_of))
            })
            .count();
        if u32::try_from(rows).ok() != Some(count) {
            let quarter = super::quarterly_reports::quarter_label(q);
            notes.push(
                diags::inconsistent_count(quarter, count, rows)
                    .file(l.file.clone())
                    .sheet(r.loc.sheet().to_string())
                    .cell(r.loc.cell("事故起数"))
                    .unit(l.unit.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AccidentGrade::*;

    #[test]
    fn implied_grade_boundaries_include_the_number() {
        assert_eq!(implied_grade(None, None, None), None);
        assert_eq!(implied_grade(Some(2), None, None), Some(General));
        assert_eq!(implied_grade(Some(3), None, None), Some(Major));
        assert_eq!(implied_grade(Some(10), Some(0), None), Some(Serious));
        assert_eq!(implied_grade(Some(30), None, None), Some(Extraordinary));
        assert_eq!(implied_grade(None, Some(9), None), Some(General));
        assert_eq!(implied_grade(None, Some(50), None), Some(Serious));
        assert_eq!(implied_grade(None, Some(100), None), Some(Extraordinary));
        assert_eq!(implied_grade(None, None, Some(999.9)), Some(General));
        assert_eq!(implied_grade(None, None, Some(1000.0)), Some(Major));
        assert_eq!(implied_grade(Some(0), None, Some(9999.0)), Some(Serious));
        assert_eq!(
            implied_grade(Some(0), None, Some(10000.0)),
            Some(Extraordinary)
        );
    }
}
