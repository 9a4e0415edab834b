//! R12 (六.1–3): listed-supervision hazards (挂牌督办) are fixed by their deadline; poor
//! rectification → heavier punishment (从重处罚); refusal → the unit's head is replaced
//! (撤换部门主要负责人). 督办级别 (六.2) is shown.

use super::diags::{self, StateConflict};
use super::{Ctx, Notes, RuleId, item, items_result, join_details};
use crate::model::{ListedHazard, ListedState, SupervisionLevel};
use crate::results::{Item, ItemFields, ListedItem, ListedOutcome, RuleResult, Status};
use crate::schema::LISTED;
use std::collections::BTreeSet;

/// R12 for `unit` from the central register's 挂牌督办 sheet. Items: `ListedItem` (state: the
/// judged `ListedOutcome`). No register:
/// 不适用; register without the sheet: 未达标.
pub fn r12(ctx: &Ctx, unit: &str, notes: &mut Notes) -> RuleResult {
    let rows = match ctx.register_rows(LISTED, |r| r.listed_hazards.as_deref()) {
        Ok(rows) => rows,
        Err(gap) => return super::register_gap_result(RuleId::R12, gap),
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
        RuleId::R12,
        items,
        "本期无挂牌督办隐患",
        |status, items| join_details(items, status, ""),
    )
}

/// Judge one hazard in the order of mechanism.md: closing date, 拒不整改, deadline, pending.
fn judge(ctx: &Ctx, h: &ListedHazard) -> (Status, ListedOutcome) {
    use ListedOutcome::*;
    let closed = ctx.seen(h.closed_on);
    match (closed, h.deadline) {
        (Some(c), Some(dl)) if c > dl => return (Status::NotMet, ClosedLate),
        (Some(_), _) => return (Status::Met, ClosedOnTime),
        _ => {}
    }
    if h.closed_on.is_none() && h.state == Some(ListedState::Closed) {
        return (Status::Met, ClosedOnTime);
    }
    if h.state == Some(ListedState::Refused) {
        return (Status::NotMet, Refused);
    }
    match h.deadline {
        Some(dl) if dl < ctx.as_of => (Status::NotMet, Overdue),
        _ => (Status::Pending, InProgress),
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
        ListedOutcome::Refused => hints.push("撤换部门主要负责人（六.3）".to_string()),
        ListedOutcome::Overdue | ListedOutcome::ClosedLate => {
            hints.push("从重处罚（六.3）".to_string())
        }
        _ => {}
    }
    if h.level == Some(SupervisionLevel::School) && responsible_units(all, h) > 1 {
        hints.push("可提请市教育局挂牌督办（六.2）".to_string());
    }
    let name = h.name.as_deref().unwrap_or("挂牌督办隐患");
    let id = h.id.as_deref().unwrap_or("");
    let mut detail = format!("{id}{name}：{}", state.label());
    if let Some(dl) = h.deadline {
        detail.push_str(&format!("，整改时限{dl}"));
    }
    if let Some(l) = h.level {
        detail.push_str(&format!("，{}督办", l.label()));
    }
    let fields = ItemFields::Listed(Box::new(ListedItem {
        id: h.id.clone(),
        name: h.name.clone(),
        level: h.level,
        listed: h.listed_on,
        deadline: h.deadline,
        closed: ctx.seen(h.closed_on),
        state,
        register_state: h.state,
        hints,
    }));
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
    let conflict = match (h.state, h.closed_on, closed) {
        (Some(ListedState::Closed), None, _) => StateConflict::ClosedUndated,
        (Some(ListedState::InProgress), _, Some(_)) => StateConflict::DatedInProgress,
        (Some(ListedState::Refused), _, Some(_)) => StateConflict::DatedRefused,
        _ => return,
    };
    let f = diags::listed_state_conflict(conflict)
        .file(file)
        .sheet(h.loc.sheet().to_string())
        .cell(h.loc.cell("状态"))
        .raw(h.state.map_or("", |s| s.label()))
        .unit(unit);
    notes.push(f);
}
