//! R12 (六.1–3): listed-supervision hazards (挂牌督办) are fixed by their deadline; poor
//! rectification → heavier punishment (从重处罚); refusal → the unit's head is replaced
//! (撤换部门主要负责人). 督办级别 (六.2) is shown.

use super::{Ctx, Notes, date, item, items_result, join_details, text};
use crate::eval::{Item, RuleResult, Status};
use crate::findings::{Code, Finding};
use crate::model::{ListedHazard, ListedState, SupervisionLevel};
use crate::schema::LISTED;
use serde_json::Value;
use std::collections::BTreeSet;

/// Judged states (item key `state`).
pub const CLOSED_ON_TIME: &str = "已销号(按期)";
pub const CLOSED_LATE: &str = "逾期销号";
pub const REFUSED: &str = "拒不整改";
pub const OVERDUE: &str = "逾期未整改";
pub const IN_PROGRESS: &str = "整改中(未到期)";

/// R12 for `unit` from the central register's 挂牌督办 sheet. Item keys: id, name, level,
/// listed, deadline, closed, state (the judged state above), register_state, hints. No register:
/// 不适用; register without the sheet: 未达标.
pub fn r12(ctx: &Ctx, unit: &str, notes: &mut Notes) -> RuleResult {
    let rows = match ctx.register_rows(LISTED, |r| r.listed_hazards.as_deref()) {
        Ok(rows) => rows,
        Err(gap) => return super::register_gap_result("R12", gap),
    };
    let file = ctx.register.map_or("", |r| r.file.as_str());
    let mut held: Vec<&ListedHazard> = rows
        .iter()
        .filter(|h| h.unit.as_deref() == Some(unit))
        .filter(|h| {
            let closed_undated = h.closed_on.is_none() && h.state == Some(ListedState::Closed);
            !(closed_undated && h.listed_on.is_some_and(|l| l < ctx.period.start()))
                && ctx.holds(h.listed_on, h.closed_on)
        })
        .collect();
    held.sort_by_key(|h| (h.listed_on, h.loc.row));
    let items: Vec<Item> = held
        .into_iter()
        .map(|h| hazard_item(ctx, unit, rows, h, file, notes))
        .collect();
    items_result(
        "R12",
        items,
        "本期无挂牌督办隐患",
        |status, items| join_details(items, status, ""),
    )
}

/// Judge one hazard in the order of mechanism.md: closing date, 拒不整改, deadline, pending.
fn judge(ctx: &Ctx, h: &ListedHazard) -> (Status, &'static str) {
    let closed = ctx.seen(h.closed_on);
    match (closed, h.deadline) {
        (Some(c), Some(dl)) if c > dl => return (Status::NotMet, CLOSED_LATE),
        (Some(_), _) => return (Status::Met, CLOSED_ON_TIME),
        _ => {}
    }
    if h.closed_on.is_none() && h.state == Some(ListedState::Closed) {
        return (Status::Met, CLOSED_ON_TIME);
    }
    if h.state == Some(ListedState::Refused) {
        return (Status::NotMet, REFUSED);
    }
    match h.deadline {
        Some(dl) if dl < ctx.as_of => (Status::NotMet, OVERDUE),
        _ => (Status::Pending, IN_PROGRESS),
    }
}

fn hazard_item(
    ctx: &Ctx,
    unit: &str,
    all: &[ListedHazard],
    h: &ListedHazard,
    file: &str,
    notes: &mut Notes,
) -> Item {
    let (status, state) = judge(ctx, h);
    check_state(ctx, unit, h, file, notes);
    let mut hints = Vec::new();
    match state {
        REFUSED => hints.push("撤换部门主要负责人（六.3）".to_string()),
        OVERDUE | CLOSED_LATE => hints.push("从重处罚（六.3）".to_string()),
        _ => {}
    }
    if h.level == Some(SupervisionLevel::School) && responsible_units(all, h) > 1 {
        hints.push("可提请市教育局挂牌督办（六.2）".to_string());
    }
    let name = h.name.as_deref().unwrap_or("挂牌督办隐患");
    let id = h.id.as_deref().unwrap_or("");
    let mut detail = format!("{id}{name}：{state}");
    if let Some(dl) = h.deadline {
        detail.push_str(&format!("，整改时限{dl}"));
    }
    if let Some(l) = h.level {
        detail.push_str(&format!("，{}督办", l.label()));
    }
    let fields = vec![
        ("id", text(h.id.as_deref())),
        ("name", text(h.name.as_deref())),
        ("level", text(h.level.map(|l| l.label()))),
        ("listed", date(h.listed_on)),
        ("deadline", date(h.deadline)),
        ("closed", date(ctx.seen(h.closed_on))),
        ("state", Value::from(state)),
        ("register_state", text(h.state.map(|s| s.label()))),
        ("hints", Value::from(hints)),
    ];
    item(status, detail, fields)
}

/// Distinct responsible units listed under the same 编号.
fn responsible_units(all: &[ListedHazard], h: &ListedHazard) -> usize {
    let Some(id) = h.id.as_deref() else { return 1 };
    all.iter()
        .filter(|o| o.id.as_deref() == Some(id))
        .filter_map(|o| o.unit.as_deref())
        .collect::<BTreeSet<_>>()
        .len()
}

/// 状态 contradicting the dates → `inconsistent_value` (R12).
fn check_state(ctx: &Ctx, unit: &str, h: &ListedHazard, file: &str, notes: &mut Notes) {
    let closed = ctx.seen(h.closed_on);
    let msg = match (h.state, h.closed_on, closed) {
        (Some(ListedState::Closed), None, _) => {
            "状态为“已销号”但未填销号日期，按期销号处理，请补填销号日期（六.1）"
        }
        (Some(ListedState::InProgress), _, Some(_)) => {
            "已填销号日期但状态为“整改中”，按销号日期判定，请核对状态（六.1）"
        }
        (Some(ListedState::Refused), _, Some(_)) => {
            "已填销号日期但状态为“拒不整改”，按销号日期判定，请核对状态（六.3）"
        }
        _ => return,
    };
    let f = Finding::warning(Code::InconsistentValue, msg)
        .file(file)
        .sheet(h.loc.sheet.clone())
        .cell(h.loc.cell("状态"))
        .raw(h.state.map_or("", |s| s.label()))
        .rule("R12")
        .unit(unit);
    notes.push(f);
}
