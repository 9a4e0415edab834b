//! R15 (一.1, 五.1): every unit on the roster submits its ledger. A unit without one has the
//! ledger rules (R1–R5, R8 where judged, R11, R13) 未达标 with detail 未报送.

use super::{Ctx, Notes, result};
use crate::eval::{RuleResult, Status};
use crate::findings::{Code, Finding};
use crate::model::Ledger;
use chrono::NaiveDate;
use serde_json::Value;

/// 未报送, or 未报送（文件无法读取） when an unreadable file names the unit.
fn not_submitted_text(unreadable: Option<&Vec<String>>) -> &'static str {
    if unreadable.is_some_and(|v| !v.is_empty()) {
        "未报送（文件无法读取）"
    } else {
        "未报送"
    }
}

/// R15 and whether the submission was late (→ `late_submission` warning).
pub fn r15(
    ctx: &Ctx,
    unit: &str,
    ledger: Option<&Ledger>,
    unreadable: Option<&Vec<String>>,
    notes: &mut Notes,
) -> (RuleResult, bool) {
    let due = ctx.period.submission_due(&ctx.cfg.rules);
    let Some(l) = ledger else {
        let text = not_submitted_text(unreadable);
        let mut r = if ctx.as_of <= due {
            result("R15", Status::Pending, format!("{text}，截止{due}"))
        } else {
            result("R15", Status::NotMet, text)
        };
        r.extra.insert("due".into(), super::date(Some(due)));
        if let Some(files) = unreadable.filter(|v| !v.is_empty()) {
            r.extra
                .insert("unreadable_files".into(), Value::from(files.clone()));
        }
        return (r, false);
    };
    let on = l.cover.submitted_on;
    // Lateness is judged on the earliest eligible version (outputs.md "Settled" 1): a unit that
    // sent on time and resent later is on time. A date after as-of (a version ingest did not
    // filter, e.g. in a unit test) has not happened yet and is not judged.
    let first = l
        .first_version
        .as_ref()
        .map(|(file, d)| (file.as_str(), *d))
        .or_else(|| on.map(|d| (l.file.as_str(), d)));
    let late_on = first.filter(|(_, d)| *d > due && *d <= ctx.as_of);
    let late = late_on.is_some();
    let detail = match (on, late_on) {
        (Some(d), Some((_, f))) if f == d => format!("已报送（{d}），逾期报送（截止{due}）"),
        (Some(d), Some((_, f))) => format!("已报送（{d}；首次报送{f}），逾期报送（截止{due}）"),
        (Some(d), None) => format!("已报送（{d}）"),
        (None, _) => "已报送（报送日期未填）".to_string(),
    };
    if let Some((file, f)) = late_on {
        notes.push(late_finding(l, unit, file, f, due));
    }
    let mut r = result("R15", Status::Met, detail);
    r.extra.insert("due".into(), super::date(Some(due)));
    r.extra.insert("late".into(), Value::from(late));
    (r, late)
}

/// `late_submission` on the counting file; when an earlier version was the late one, the
/// message names it (a superseded file carries no finding of its own, "Settled" 1).
fn late_finding(l: &Ledger, unit: &str, file: &str, on: NaiveDate, due: NaiveDate) -> Finding {
    let which = if file == l.file {
        String::new()
    } else {
        format!("首次报送的版本“{file}”")
    };
    let mut f = Finding::warning(
        Code::LateSubmission,
        format!("逾期报送：{which}报送日期{on}晚于截止日期{due}（一.1、五.1）"),
    )
    .file(l.file.clone())
    .sheet(l.cover.sheet.clone())
    .rule("R15")
    .unit(unit);
    if file == l.file
        && let Some(c) = l.cover.cells.get("报送日期")
    {
        f = f.cell(c.clone());
    }
    f
}

/// A ledger rule of a unit that did not submit: 未达标 (R8 only where judged); 待完成 while the
/// submission is not yet due.
pub fn not_submitted(ctx: &Ctx, id: &str, unreadable: Option<&Vec<String>>) -> RuleResult {
    let text = not_submitted_text(unreadable);
    if id == "R8" {
        if !ctx.period.is_year() {
            return result("R8", Status::Na, "年终考核项目，半年不评");
        }
        if !ctx.period_over() {
            return result("R8", Status::Pending, text);
        }
    }
    // Before the submission due date a missing ledger is not yet a failure (R15 待完成).
    let due = ctx.period.submission_due(&ctx.cfg.rules);
    let mut r = if ctx.as_of <= due {
        result(id, Status::Pending, format!("{text}，截止{due}"))
    } else {
        result(id, Status::NotMet, text)
    };
    if id == "R4" {
        // outputs.md: R4 always carries `missing_months` — here every ended, non-exempt month.
        let exempt = &ctx.cfg.rules.inspection_exempt_months;
        let months: Vec<Value> = ctx
            .period
            .months()
            .into_iter()
            .filter(|(y, m)| !exempt.contains(m) && month_ended(ctx, *y, *m))
            .map(|(y, m)| Value::from(format!("{y}-{m:02}")))
            .collect();
        r.extra
            .insert("missing_months".into(), Value::Array(months));
    }
    r
}

/// True when as-of lies after the last day of the month.
fn month_ended(ctx: &Ctx, y: i32, m: u32) -> bool {
    let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    chrono::NaiveDate::from_ymd_opt(next.0, next.1, 1).is_some_and(|first| ctx.as_of >= first)
}
