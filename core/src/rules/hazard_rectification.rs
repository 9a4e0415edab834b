//! R13 (二.1, 六.1): hazards found by the units' inspections are fixed in time (及时解决安全隐患):
//! per hazard found in the period, 整改完成日期 against 整改期限.

use super::diags::missing_sheet;
use super::{Ctx, RuleId, item, items_result, result};
use crate::model::Hazard;
use crate::results::{HazardItem, Item, ItemFields, RuleResult, Status};
use crate::schema::HAZARDS;

/// R13 from the 隐患整改 sheet (None: the sheet is missing).
pub fn r13(ctx: &Ctx, hazards: Option<&[Hazard]>) -> RuleResult {
    let Some(hazards) = hazards else {
        return result(RuleId::R13, Status::NotMet, missing_sheet(HAZARDS));
    };
    let mut rows: Vec<&Hazard> = hazards
        .iter()
        .filter(|h| ctx.in_period(h.found_on))
        .collect();
    rows.sort_by_key(|h| (h.found_on, h.loc.row));
    let items: Vec<Item> = rows.into_iter().map(|h| hazard_item(ctx, h)).collect();
    items_result(
        RuleId::R13,
        items,
        "本期无排查发现的隐患",
        |status, _| match status {
            Status::Pending => "隐患整改中，未到期".into(),
            _ => "隐患均按期整改".into(),
        },
    )
}

fn hazard_item(ctx: &Ctx, h: &Hazard) -> Item {
    let done = ctx.seen(h.completed_on);
    let name = h.description.as_deref().unwrap_or("隐患");
    let (status, detail) = match (h.deadline, done) {
        (None, _) => (Status::NotMet, format!("{name}：整改期限缺失")),
        (Some(dl), Some(c)) if c <= dl => (Status::Met, format!("{name}：{c}按期整改")),
        (Some(dl), Some(c)) => (
            Status::NotMet,
            format!("{name}：逾期{}天整改（期限{dl}）", (c - dl).num_days()),
        ),
        (Some(dl), None) if ctx.as_of > dl => {
            (Status::NotMet, format!("{name}：逾期未整改（期限{dl}）"))
        }
        (Some(dl), None) => (Status::Pending, format!("{name}：整改中，期限{dl}")),
    };
    let fields = ItemFields::Hazard(HazardItem {
        found: h.found_on,
        description: h.description.clone(),
        grade: h.grade,
        deadline: h.deadline,
        completed: done,
    });
    item(status, detail, fields)
}
