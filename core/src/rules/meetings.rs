//! R2, R3 (二.1): one safety work meeting every semester, and the principal leader taking part
//! at least once a semester in studying accident-prevention measures. A semester belongs to the
//! period in which it starts; meetings from its start to the earlier of its end and the period's
//! end count; it is judged once the semester or the period has ended (by as-of).

use super::{Ctx, date, from_items, item, missing_sheet, result};
use crate::config::SemesterCfg;
use crate::eval::{Item, RuleResult, Status};
use crate::model::Meeting;
use crate::schema::MEETINGS;
use serde_json::Value;

/// R2 and R3 from the 安全工作会议 sheet (None: the sheet is missing).
pub fn r2_r3(ctx: &Ctx, meetings: Option<&[Meeting]>) -> (RuleResult, RuleResult) {
    let semesters: Vec<&SemesterCfg> = ctx
        .cfg
        .semesters
        .iter()
        .filter(|s| ctx.period.contains(s.start))
        .collect();
    let build = |id: &str, study_only: bool| -> RuleResult {
        if semesters.is_empty() {
            return result(id, Status::Na, "本期无开始的学期");
        }
        let items: Vec<Item> = semesters
            .iter()
            .map(|s| semester_item(ctx, s, meetings, study_only))
            .collect();
        let detail = summary(&items);
        from_items(id, items, detail)
    };
    (build("R2", false), build("R3", true))
}

fn summary(items: &[Item]) -> String {
    let status = Status::worst(items.iter().map(|i| i.status));
    super::join_details(items, status, "")
}

fn semester_item(
    ctx: &Ctx,
    s: &SemesterCfg,
    meetings: Option<&[Meeting]>,
    study_only: bool,
) -> Item {
    let last = s.end.min(ctx.period.end());
    let judged = ctx.as_of > last;
    let fields = |n: Option<usize>| {
        vec![
            ("semester", Value::from(s.name.clone())),
            ("start", date(Some(s.start))),
            ("end", date(Some(s.end))),
            ("meetings", n.map_or(Value::Null, Value::from)),
        ]
    };
    let Some(meetings) = meetings else {
        return item(
            Status::NotMet,
            format!("{}：{}", s.name, missing_sheet(MEETINGS)),
            fields(None),
        );
    };
    let n = meetings
        .iter()
        .filter(|m| {
            m.date
                .is_some_and(|d| d >= s.start && d <= last && d <= ctx.as_of)
        })
        .filter(|m| {
            !study_only
                || (m.principal_attended == Some(true) && m.prevention_studied == Some(true))
        })
        .count();
    let what = if study_only {
        "主要负责人参加研究防范措施的会议"
    } else {
        "安全工作会议"
    };
    let (status, detail) = if n >= 1 {
        (Status::Met, format!("{}：{what}{n}次", s.name))
    } else if judged {
        (Status::NotMet, format!("{}：未召开{what}", s.name))
    } else {
        (
            Status::Pending,
            format!("{}：学期未结束，尚无{what}", s.name),
        )
    };
    item(status, detail, fields(Some(n)))
}
