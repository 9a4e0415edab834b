//! R5 (五.1): a report every quarter on implementation, progress and statistics, due
//! `quarterly_report_grace_days` calendar days after the quarter's end.

use super::{Ctx, date, from_items, item, missing_sheet};
use crate::eval::{Item, RuleResult, Status};
use crate::model::QuarterlyReport;
use crate::schema::QUARTERLY;
use chrono::{Days, NaiveDate};
use serde_json::Value;

/// 第一季度 … 第四季度
pub fn quarter_label(q: u8) -> &'static str {
    match q {
        1 => "第一季度",
        2 => "第二季度",
        3 => "第三季度",
        _ => "第四季度",
    }
}

/// First and last day of quarter `q` of `year`.
pub fn quarter_bounds(year: i32, q: u8) -> (NaiveDate, NaiveDate) {
    let m0 = u32::from(q.clamp(1, 4) - 1) * 3 + 1;
    let first = NaiveDate::from_ymd_opt(year, m0, 1).unwrap_or(NaiveDate::MIN);
    let last = if q >= 4 {
        NaiveDate::from_ymd_opt(year, 12, 31)
    } else {
        NaiveDate::from_ymd_opt(year, m0 + 3, 1).and_then(|d| d.pred_opt())
    };
    (first, last.unwrap_or(NaiveDate::MAX))
}

/// R5 from the 季度报告 sheet (None: the sheet is missing). Items carry `quarter` (1–4),
/// `due`, `submitted` and `late_days` (calendar days, 0 when on time).
pub fn r5(ctx: &Ctx, reports: Option<&[QuarterlyReport]>) -> RuleResult {
    let grace = u64::from(ctx.cfg.rules.quarterly_report_grace_days);
    let items: Vec<Item> = ctx
        .period
        .quarters()
        .into_iter()
        .map(|q| {
            let (_, last) = quarter_bounds(ctx.period.year, q);
            let due = last.checked_add_days(Days::new(grace)).unwrap_or(last);
            quarter_item(ctx, q, due, reports)
        })
        .collect();
    let status = Status::worst(items.iter().map(|i| i.status));
    let detail = match status {
        Status::NotMet => super::join_details(&items, Status::NotMet, ""),
        Status::Pending => super::join_details(&items, Status::Pending, ""),
        _ => "各季度均按时报告".to_string(),
    };
    from_items("R5", items, detail)
}

fn quarter_item(ctx: &Ctx, q: u8, due: NaiveDate, reports: Option<&[QuarterlyReport]>) -> Item {
    let label = quarter_label(q);
    let submitted = reports.and_then(|v| {
        v.iter()
            .filter(|r| r.quarter == Some(q))
            .filter_map(|r| ctx.seen(r.submitted_on))
            .min()
    });
    let late = submitted.map_or(0, |s| (s - due).num_days().max(0));
    let (status, detail) = match (reports, submitted) {
        (None, _) => (
            Status::NotMet,
            format!("{label}：{}", missing_sheet(QUARTERLY)),
        ),
        (_, Some(s)) if s <= due => (Status::Met, format!("{label}：按时（{s}）")),
        (_, Some(_)) => (Status::NotMet, format!("{label}：逾期{late}天")),
        (_, None) if ctx.as_of > due => (Status::NotMet, format!("{label}：未报")),
        (_, None) => (Status::Pending, format!("{label}：待完成，截止{due}")),
    };
    let fields = vec![
        ("quarter", Value::from(q)),
        ("due", date(Some(due))),
        ("submitted", date(submitted)),
        ("late_days", Value::from(late)),
    ];
    item(status, detail, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_bounds_cover_the_year() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(quarter_bounds(2026, 1), (d(1, 1), d(3, 31)));
        assert_eq!(quarter_bounds(2026, 2), (d(4, 1), d(6, 30)));
        assert_eq!(quarter_bounds(2026, 3), (d(7, 1), d(9, 30)));
        assert_eq!(quarter_bounds(2026, 4), (d(10, 1), d(12, 31)));
    }
}
