//! R6, R7 (四.1): every school leader goes to the grassroots for safety research/inspection at
//! least twice a year, and covers the safety work of their remit in the annual 述职报告.
//! Without the central register or its sheet they are judged from no data (see `rules` header).

use super::{Ctx, Notes, RegisterGap, result};
use crate::config::LeaderCfg;
use crate::eval::{LeaderResult, PeriodKind, RuleResult, Status, VisitRecord};
use crate::schema::{LEADER_REPORTS, VISITS};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;

/// R6 and R7 for every leader on the roster, in roster order.
pub fn evaluate(ctx: &Ctx, _notes: &mut Notes) -> Vec<LeaderResult> {
    ctx.cfg.leaders.iter().map(|l| leader(ctx, l)).collect()
}

fn leader(ctx: &Ctx, l: &LeaderCfg) -> LeaderResult {
    let (visits, gap) = match visits(ctx, &l.name) {
        Ok(v) => (v, None),
        Err(gap) => (Vec::new(), Some(gap)),
    };
    let mut rules = BTreeMap::new();
    rules.insert("R6".to_string(), r6(ctx, visits.len(), gap));
    rules.insert("R7".to_string(), r7(ctx, &l.name));
    LeaderResult {
        name: l.name.clone(),
        title: l.title.clone(),
        rules,
        visits,
    }
}

/// Visits from 1 Jan to the period end, not after as-of; the gap when the register or its
/// 领导调研督查 sheet is missing.
fn visits(ctx: &Ctx, name: &str) -> Result<Vec<VisitRecord>, RegisterGap> {
    let rows = ctx.register_rows(VISITS, |r| r.visits.as_deref())?;
    let jan1 = NaiveDate::from_ymd_opt(ctx.period.year, 1, 1).unwrap_or(NaiveDate::MIN);
    let end = ctx.period.end().min(ctx.as_of);
    let mut v: Vec<(u32, VisitRecord)> = rows
        .iter()
        .filter(|r| r.leader.as_deref().map(str::trim) == Some(name.trim()))
        .filter_map(|r| {
            let d = r.date.filter(|d| *d >= jan1 && *d <= end)?;
            Some((
                r.loc.row,
                VisitRecord {
                    date: d,
                    unit: r.visited.clone(),
                    content: r.content.clone(),
                },
            ))
        })
        .collect();
    v.sort_by_key(|(row, r)| (r.date, *row));
    Ok(v.into_iter().map(|(_, r)| r).collect())
}

/// `（未收到保卫处台账）` appended to a detail judged without the register's data.
fn with_gap(detail: String, gap: Option<RegisterGap>) -> String {
    match gap {
        Some(g) => format!("{detail}（{}）", g.text()),
        None => detail,
    }
}

/// R6 from `n` visits. Without the register or its sheet there are no visits: judged as 0
/// (pending while nothing is due, 未达标 after 31 Dec), the detail naming the gap.
fn r6(ctx: &Ctx, n: usize, gap: Option<RegisterGap>) -> RuleResult {
    let (status, detail) = if n >= 2 {
        (Status::Met, format!("本年度已深入基层调研督查{n}次"))
    } else if ctx.period.kind == PeriodKind::H1 {
        let pace = if n == 1 {
            "进度正常"
        } else {
            "进度滞后"
        };
        (
            Status::Pending,
            format!("{pace}：上半年调研督查{n}次，全年应不少于2次"),
        )
    } else if !ctx.period_over() {
        (
            Status::Pending,
            format!("本年度调研督查{n}次，全年应不少于2次，年底前完成"),
        )
    } else {
        (Status::NotMet, format!("本年度调研督查{n}次，少于2次"))
    };
    let mut r = result("R6", status, with_gap(detail, gap));
    r.extra.insert("visits".into(), Value::from(n));
    r
}

/// R7 (year only). Without the register or its 领导述职 sheet there is no report on record:
/// 待完成 until 31 Dec, then 未达标, the detail naming the gap.
fn r7(ctx: &Ctx, name: &str) -> RuleResult {
    if !ctx.period.is_year() {
        return result("R7", Status::Na, "年终考核项目，半年不评");
    }
    let (covers, gap) = match ctx.register_rows(LEADER_REPORTS, |r| r.leader_reports.as_deref()) {
        Ok(rows) => (
            rows.iter()
                .filter(|r| r.leader.as_deref().map(str::trim) == Some(name.trim()))
                .find_map(|r| r.covers_safety),
            None,
        ),
        Err(gap) => (None, Some(gap)),
    };
    let (status, detail) = match covers {
        Some(true) => (Status::Met, "述职报告已包含职责范围内的安全工作"),
        _ if !ctx.period_over() => (Status::Pending, "年度述职报告待完成"),
        Some(false) => (Status::NotMet, "述职报告未包含安全工作"),
        None => (Status::NotMet, "无述职报告记录"),
    };
    result("R7", status, with_gap(detail.to_string(), gap))
}
