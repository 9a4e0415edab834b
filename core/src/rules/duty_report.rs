//! R8 (四.2): the principal leader reports safety duty in the annual summary and 述安 in the
//! performance review. Year-end only; pending while as-of is on or before 31 Dec.

use super::{Ctx, RuleId, result, with_facts};
use crate::model::Ledger;
use crate::results::{RuleFacts, RuleResult, Status};

/// R8 for a submitted ledger.
pub fn r8(ctx: &Ctx, l: &Ledger) -> RuleResult {
    if !ctx.period.is_year() {
        return result(RuleId::R8, Status::Na, "年终考核项目，半年不评");
    }
    let summary = l.cover.annual_summary_duty;
    let review = l.cover.performance_review_duty;
    let facts = RuleFacts::Duty {
        annual_summary: summary,
        performance_review: review,
    };
    if summary == Some(true) && review == Some(true) {
        let detail = "年度总结已报告安全履职，绩效述职已述安";
        with_facts(RuleId::R8, Status::Met, detail, facts)
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
        with_facts(RuleId::R8, status, missing.join("；"), facts)
    }
}
