//! R6, R7 (四.1): every school leader goes to the grassroots for safety research/inspection at
//! least twice a year, and covers the safety work of their remit in the annual 述职报告.

use super::{Ctx, Notes, result};
use crate::config::LeaderCfg;
use crate::eval::{LeaderResult, PeriodKind, RuleResult, Status, VisitRecord};
use crate::model::Register;
use crate::schema::{LEADER_REPORTS, VISITS};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;

/// R6 and R7 for every leader on the roster, in roster order.
pub fn evaluate(ctx: &Ctx, _notes: &mut Notes) -> Vec<LeaderResult> {
    ctx.cfg.leaders.iter().map(|l| leader(ctx, l)).collect()
}

fn leader(ctx: &Ctx, l: &LeaderCfg) -> LeaderResult {
    let visits = visits(ctx, &l.name);
    let mut rules = BTreeMap::new();
    rules.insert("R6".to_string(), r6(ctx, visits.as_deref()));
    rules.insert("R7".to_string(), r7(ctx, &l.name));
    LeaderResult {
        name: l.name.clone(),
        title: l.title.clone(),
        rules,
        visits: visits.unwrap_or_default(),
    }
}

/// Visits from 1 Jan to the period end, not after as-of; None without the register's sheet.
fn visits(ctx: &Ctx, name: &str) -> Option<Vec<VisitRecord>> {
    let rows = ctx.register?.visits.as_deref()?;
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
    Some(v.into_iter().map(|(_, r)| r).collect())
}

fn no_register(ctx: &Ctx, id: &str, sheet: &str) -> RuleResult {
    match ctx.register {
        None => result(id, Status::Na, "未收到保卫处台账，本项不评"),
        Some(_) => result(
            id,
            Status::Na,
            format!("保卫处台账缺少「{sheet}」工作表，本项不评"),
        ),
    }
}

fn r6(ctx: &Ctx, visits: Option<&[VisitRecord]>) -> RuleResult {
    let Some(visits) = visits else {
        return no_register(ctx, "R6", VISITS);
    };
    let n = visits.len();
    let mut r = if n >= 2 {
        result("R6", Status::Met, format!("本年度已深入基层调研督查{n}次"))
    } else if ctx.period.kind == PeriodKind::H1 {
        let pace = if n == 1 {
            "进度正常"
        } else {
            "进度滞后"
        };
        result(
            "R6",
            Status::Pending,
            format!("{pace}：上半年调研督查{n}次，全年应不少于2次"),
        )
    } else if !ctx.period_over() {
        result(
            "R6",
            Status::Pending,
            format!("本年度调研督查{n}次，全年应不少于2次，年底前完成"),
        )
    } else {
        result(
            "R6",
            Status::NotMet,
            format!("本年度调研督查{n}次，少于2次"),
        )
    };
    r.extra.insert("visits".into(), Value::from(n));
    r
}

fn r7(ctx: &Ctx, name: &str) -> RuleResult {
    if !ctx.period.is_year() {
        return result("R7", Status::Na, "年终考核项目，半年不评");
    }
    let Some(rows) = ctx
        .register
        .and_then(|r: &Register| r.leader_reports.as_deref())
    else {
        return no_register(ctx, "R7", LEADER_REPORTS);
    };
    let covers = rows
        .iter()
        .filter(|r| r.leader.as_deref().map(str::trim) == Some(name.trim()))
        .find_map(|r| r.covers_safety);
    match covers {
        Some(true) => result("R7", Status::Met, "述职报告已包含职责范围内的安全工作"),
        _ if !ctx.period_over() => result("R7", Status::Pending, "年度述职报告待完成"),
        Some(false) => result("R7", Status::NotMet, "述职报告未包含安全工作"),
        None => result("R7", Status::NotMet, "无述职报告记录"),
    }
}
