//! R10 (五.3): a punished unit (约谈, 黄牌警告, 通报批评, 下发整改通知书, 挂牌督办) submits a
//! written rectification report within `rectification_working_days` working days of the
//! punishment (实施之日起, the day itself not counted).

use super::{Ctx, Notes, date, item, items_result, join_details, text};
use crate::eval::{Item, RuleResult, Status};
use crate::model::Punishment;
use crate::schema::PUNISHMENTS;

/// R10 for `unit` from the central register's 惩戒措施 sheet. Item keys: measure, imposed, due,
/// submitted, status, detail. No register: 不适用; register without the sheet: 未达标.
pub fn r10(ctx: &Ctx, unit: &str, notes: &mut Notes) -> RuleResult {
    let rows = match ctx.register_rows(PUNISHMENTS, |r| r.punishments.as_deref()) {
        Ok(rows) => rows,
        Err(gap) => return super::register_gap_result("R10", gap),
    };
    let mut held: Vec<&Punishment> = rows
        .iter()
        .filter(|p| p.unit.as_deref() == Some(unit))
        .filter(|p| ctx.holds(p.imposed, p.report_on))
        .collect();
    held.sort_by_key(|p| (p.imposed, p.loc.row));
    let items: Vec<Item> = held
        .into_iter()
        .map(|p| punishment_item(ctx, unit, p, notes))
        .collect();
    items_result("R10", items, "本期未受惩戒", |status, items| {
        join_details(items, status, "")
    })
}

fn punishment_item(ctx: &Ctx, unit: &str, p: &Punishment, notes: &mut Notes) -> Item {
    let n = ctx.cfg.rules.rectification_working_days;
    let imposed = p.imposed.unwrap_or(ctx.as_of);
    let (due, mut missing) = ctx.cal.add_workdays(imposed, n);
    let submitted = ctx.seen(p.report_on);
    let measure = p.measure.map_or("惩戒措施", |m| m.label());
    let (status, detail) = match submitted {
        Some(s) if s <= due => (Status::Met, format!("{measure}（{imposed}）：按时提交")),
        Some(s) => {
            let (late, m2) = ctx.cal.late_workdays(due, s);
            missing.extend(m2);
            (
                Status::NotMet,
                format!("{measure}（{imposed}）：逾期提交{late}个工作日（截止{due}）"),
            )
        }
        None if ctx.as_of > due => (
            Status::NotMet,
            format!("{measure}（{imposed}）：逾期未交（截止{due}）"),
        ),
        None => (
            Status::Pending,
            format!("{measure}（{imposed}）：未到期，截止{due}"),
        ),
    };
    missing.sort_unstable();
    missing.dedup();
    notes.holiday_missing(Some(unit), "R10", &missing);
    let fields = vec![
        ("measure", text(p.measure.map(|m| m.label()))),
        ("imposed", date(p.imposed)),
        ("due", date(Some(due))),
        ("submitted", date(submitted)),
    ];
    item(status, detail, fields)
}
