//! R1 (一.1): an annual safety work plan with tasks decomposed, each with a responsible person
//! and a deadline, copied (抄送) to 保卫处 by `plan_due`.

use super::{Ctx, missing_sheet, result};
use crate::eval::{RuleResult, Status};
use crate::model::Ledger;
use crate::schema::PLAN;
use serde_json::Value;

/// R1 for a submitted ledger.
pub fn r1(ctx: &Ctx, l: &Ledger) -> RuleResult {
    let due = ctx.cfg.rules.plan_due.in_year(ctx.period.year);
    let copied = ctx.seen(l.cover.plan_copied_on);
    let Some(tasks) = l.plan.as_deref() else {
        let mut r = result("R1", Status::NotMet, missing_sheet(PLAN));
        r.extra.insert("due".into(), super::date(Some(due)));
        return r;
    };
    let incomplete = tasks
        .iter()
        .filter(|t| t.responsible.is_none() || t.deadline.is_none())
        .count();
    let mut problems = Vec::new();
    if tasks.is_empty() {
        problems.push("计划未分解工作任务".to_string());
    }
    if incomplete > 0 {
        problems.push(format!("{incomplete}项任务缺责任人或完成时限"));
    }
    let (status, detail) = match copied {
        Some(c) if c <= due && problems.is_empty() => (
            Status::Met,
            format!("已制定计划（{}项任务），{c}抄送保卫处", tasks.len()),
        ),
        _ if ctx.as_of <= due => {
            let mut p = problems.clone();
            if copied.is_none() {
                p.push("尚未抄送保卫处".into());
            }
            (
                Status::Pending,
                format!("未到期，截止{due}：{}", p.join("；")),
            )
        }
        Some(c) => {
            if c > due {
                problems.push(format!("计划抄送保卫处逾期{}天", (c - due).num_days()));
            }
            (Status::NotMet, problems.join("；"))
        }
        None => {
            problems.push("计划未抄送保卫处".into());
            (Status::NotMet, problems.join("；"))
        }
    };
    let mut r = result("R1", status, detail);
    r.extra.insert("due".into(), super::date(Some(due)));
    r.extra.insert("copied".into(), super::date(copied));
    r.extra.insert("tasks".into(), Value::from(tasks.len()));
    r.extra
        .insert("incomplete_tasks".into(), Value::from(incomplete));
    r
}
