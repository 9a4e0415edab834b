//! R4 (二.1): a hazard inspection every calendar month; R13 (二.1, 六.1): hazards found are fixed
//! in time (及时解决安全隐患).

use super::{Ctx, date, item, items_result, missing_sheet, result, text};
use crate::eval::{Item, RuleResult, Status};
use crate::model::{Hazard, Inspection};
use crate::schema::{HAZARDS, INSPECTIONS};
use chrono::NaiveDate;
use serde_json::Value;

/// R4 from the 隐患排查 sheet (None: the sheet is missing).
pub fn r4(ctx: &Ctx, inspections: Option<&[Inspection]>) -> RuleResult {
    let exempt = &ctx.cfg.rules.inspection_exempt_months;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for (y, m) in ctx.period.months() {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        let last = last_day(y, m);
        let key = format!("{y}-{m:02}");
        let n = inspections.map(|v| {
            v.iter()
                .filter(|i| {
                    i.date
                        .is_some_and(|d| d >= first && d <= last && d <= ctx.as_of)
                })
                .count()
        });
        let (status, detail) = if exempt.contains(&m) {
            (Status::Na, format!("{y}年{m}月免于排查"))
        } else if n.is_none() {
            missing.push((y, m, key.clone()));
            (
                Status::NotMet,
                format!("{y}年{m}月：{}", missing_sheet(INSPECTIONS)),
            )
        } else if n.unwrap_or(0) > 0 {
            (Status::Met, format!("{y}年{m}月排查{}次", n.unwrap_or(0)))
        } else if ctx.as_of > last {
            missing.push((y, m, key.clone()));
            (Status::NotMet, format!("{y}年{m}月未排查"))
        } else {
            (Status::Pending, format!("{y}年{m}月未结束"))
        };
        let fields = vec![
            ("month", Value::from(key)),
            ("inspections", n.map_or(Value::Null, Value::from)),
        ];
        items.push(item(status, detail, fields));
    }
    let status = Status::worst(items.iter().map(|i| i.status));
    let detail = if inspections.is_none() {
        missing_sheet(INSPECTIONS)
    } else if !missing.is_empty() {
        missing_months_text(&missing)
    } else if status == Status::Na {
        "本期各月均免于排查".to_string()
    } else if status == Status::Pending {
        "已结束的月份均已排查，本月待完成".to_string()
    } else {
        "每月均已排查".to_string()
    };
    let mut r = result("R4", status, detail);
    r.items = items;
    let keys: Vec<Value> = missing
        .into_iter()
        .map(|(_, _, k)| Value::from(k))
        .collect();
    r.extra.insert("missing_months".into(), Value::Array(keys));
    r
}

/// 缺2026年4月、5月 (a new year prefix whenever the year changes).
fn missing_months_text(months: &[(i32, u32, String)]) -> String {
    let mut out = String::from("缺");
    let mut last_year = None;
    for (i, (y, m, _)) in months.iter().enumerate() {
        if i > 0 {
            out.push('、');
        }
        if last_year != Some(*y) {
            out.push_str(&format!("{y}年"));
            last_year = Some(*y);
        }
        out.push_str(&format!("{m}月"));
    }
    out
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// R13 from the 隐患整改 sheet (None: the sheet is missing).
pub fn r13(ctx: &Ctx, hazards: Option<&[Hazard]>) -> RuleResult {
    let Some(hazards) = hazards else {
        return result("R13", Status::NotMet, missing_sheet(HAZARDS));
    };
    let mut rows: Vec<&Hazard> = hazards
        .iter()
        .filter(|h| ctx.in_period(h.found_on))
        .collect();
    rows.sort_by_key(|h| (h.found_on, h.loc.row));
    let items: Vec<Item> = rows.into_iter().map(|h| hazard_item(ctx, h)).collect();
    items_result(
        "R13",
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
    let fields = vec![
        ("found", date(h.found_on)),
        ("description", text(h.description.as_deref())),
        ("grade", text(h.grade.map(|g| g.label()))),
        ("deadline", date(h.deadline)),
        ("completed", date(done)),
    ];
    item(status, detail, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_months_are_named_once_per_year() {
        let m = |y, mo: u32| (y, mo, String::new());
        assert_eq!(
            missing_months_text(&[m(2026, 4), m(2026, 5)]),
            "缺2026年4月、5月"
        );
        assert_eq!(
            missing_months_text(&[m(2026, 12), m(2027, 1)]),
            "缺2026年12月、2027年1月"
        );
        assert_eq!(
            last_day(2026, 2),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        assert_eq!(
            last_day(2026, 12),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
    }
}
