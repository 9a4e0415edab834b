//! R8 (四.2): the principal leader reports safety duty in the annual summary and 述安 in the
//! performance review. Year-end only; pending while as-of is on or before 31 Dec.

use super::{Ctx, result};
use crate::eval::{RuleResult, Status};
use crate::model::Ledger;
use serde_json::Value;

/// R8 for a submitted ledger.
pub fn r8(ctx: &Ctx, l: &Ledger) -> RuleResult {
    if !ctx.period.is_year() {
        return result("R8", Status::Na, "年终考核项目，半年不评");
    }
    let summary = l.cover.annual_summary_duty;
    let review = l.cover.performance_review_duty;
    let mut r = if summary == Some(true) && review == Some(true) {
        result("R8", Status::Met, "年度总结已报告安全履职，绩效述职已述安")
    } else {
        let mut missing = Vec::new();
        if summary != Some(true) {
            missing.push("年度总结报告未报告安全履职");
        }
        if review != Some(true) {
            missing.push("绩效述职未述安");
        }
        let status = if ctx.period_over() {
            Status::NotMet
        } else {
            Status::Pending
        };
        result("R8", status, missing.join("；"))
    };
    let yn = |b: Option<bool>| b.map_or(Value::Null, Value::from);
    r.extra.insert("annual_summary".into(), yn(summary));
    r.extra.insert("performance_review".into(), yn(review));
    r
}
