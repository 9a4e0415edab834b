//! Deadlines in working days (R10), listed hazards (R12), hazards (R13), submissions (R15) and the
//! findings the rules raise.

use crate::support::rule_inputs::*;
use tongbao::eval::{Results, Status};
use tongbao::findings::Code;
use tongbao::model::{ListedHazard, ListedState, SupervisionLevel};

fn r10_with(
    imposed: chrono::NaiveDate,
    report: Option<chrono::NaiveDate>,
    as_of: chrono::NaiveDate,
    period: &str,
) -> Results {
    let cfg = config(&["信息工程系"]);
    let mut reg = register();
    reg.punishments = Some(vec![punishment("信息工程系", 2, imposed, report)]);
    run(
        &cfg,
        &inbox(vec![full_ledger("信息工程系")], Some(reg)),
        period,
        as_of,
    )
}

#[test]
fn r10_report_on_the_due_day_is_on_time_the_day_after_is_late() {
    let on = r10_with(
        d(2026, 4, 28),
        Some(d(2026, 5, 28)),
        d(2026, 7, 15),
        "2026H1",
    );
    let r10 = &on.units[0].rules["R10"];
    assert_eq!(r10.status, Status::Met);
    let item = serde_json::to_value(&r10.items[0]).unwrap();
    assert_eq!(
        item,
        serde_json::json!({"measure": "约谈", "imposed": "2026-04-28", "due": "2026-05-28",
            "submitted": "2026-05-28", "status": "met", "detail": "约谈（2026-04-28）：按时提交"})
    );
    let late = r10_with(
        d(2026, 4, 28),
        Some(d(2026, 5, 29)),
        d(2026, 7, 15),
        "2026H1",
    );
    let r10 = &late.units[0].rules["R10"];
    assert_eq!(r10.status, Status::NotMet);
    assert!(
        r10.items[0].detail.contains("逾期提交1个工作日"),
        "{}",
        r10.items[0].detail
    );
    assert_eq!(late.units[0].points["rectification_reports"].earned, 5.0);
}

#[test]
fn r10_deadline_on_as_of_with_nothing_submitted_is_pending() {
    let r = r10_with(d(2026, 4, 28), None, d(2026, 5, 28), "2026H1");
    let r10 = &r.units[0].rules["R10"];
    assert_eq!(r10.status, Status::Pending);
    assert_eq!(
        r10.items[0].detail,
        "约谈（2026-04-28）：未到期，截止2026-05-28"
    );
    assert!(r.units[0].points["rectification_reports"].excluded);
    let next = r10_with(d(2026, 4, 28), None, d(2026, 5, 29), "2026H1");
    assert!(
        next.units[0].rules["R10"].items[0]
            .detail
            .contains("逾期未交")
    );
    assert_eq!(next.units[0].points["rectification_reports"].earned, 0.0);
    assert!(
        next.units[0]
            .suggestions
            .iter()
            .any(|s| s.starts_with("建议通报批评（五.3）"))
    );
}

#[test]
fn r10_open_punishment_carries_into_the_next_half_year() {
    let r = r10_with(d(2026, 6, 20), None, d(2026, 12, 1), "2026H2");
    assert_eq!(r.units[0].rules["R10"].items.len(), 1);
    let closed = r10_with(
        d(2026, 6, 1),
        Some(d(2026, 6, 25)),
        d(2026, 12, 1),
        "2026H2",
    );
    assert_eq!(closed.units[0].rules["R10"].status, Status::Na);
}

#[test]
fn r10_deadline_crossing_into_2027_warns() {
    let r = r10_with(d(2026, 12, 20), None, d(2027, 1, 12), "2026");
    let r10 = &r.units[0].rules["R10"];
    assert_eq!(r10.status, Status::Pending, "{}", r10.items[0].detail);
    let w: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == Code::HolidayDataMissing)
        .collect();
    assert!(
        w.iter().any(|f| f.rule.as_deref() == Some("R10")
            && f.unit.as_deref() == Some("信息工程系")
            && f.message.starts_with("节假日数据缺失：2027年")),
        "{w:?}"
    );
    // The bulletin's 整改要求 date also runs into 2027.
    assert!(w.iter().any(|f| f.unit.is_none()));
}

fn listed(
    row: u32,
    id: &str,
    unit: &str,
    deadline: chrono::NaiveDate,
    closed: Option<chrono::NaiveDate>,
    state: Option<ListedState>,
) -> ListedHazard {
    ListedHazard {
        loc: loc("保卫处台账.xlsx", "挂牌督办", row),
        id: Some(id.into()),
        name: Some("实验楼消防通道".into()),
        unit: Some(unit.into()),
        level: Some(SupervisionLevel::School),
        listed_on: Some(d(2026, 3, 1)),
        deadline: Some(deadline),
        closed_on: closed,
        state,
    }
}

#[test]
fn r12_states_in_order_and_hints() {
    let cfg = config(&["信息工程系", "机电工程系"]);
    let mut reg = register();
    reg.listed_hazards = Some(vec![
        listed(
            2,
            "GP-1",
            "信息工程系",
            d(2026, 5, 1),
            Some(d(2026, 4, 30)),
            Some(ListedState::Closed),
        ),
        listed(
            3,
            "GP-2",
            "信息工程系",
            d(2026, 5, 1),
            Some(d(2026, 5, 3)),
            Some(ListedState::InProgress),
        ),
        listed(
            4,
            "GP-3",
            "信息工程系",
            d(2026, 5, 1),
            None,
            Some(ListedState::Refused),
        ),
        listed(
            5,
            "GP-4",
            "信息工程系",
            d(2026, 5, 1),
            None,
            Some(ListedState::InProgress),
        ),
        listed(6, "GP-5", "信息工程系", d(2026, 7, 15), None, None),
        listed(
            7,
            "GP-5",
            "机电工程系",
            d(2026, 7, 15),
            None,
            Some(ListedState::Closed),
        ),
    ]);
    let r = run(&cfg, &inbox(vec![], Some(reg)), "2026H1", d(2026, 7, 15));
    let states: Vec<String> = r.units[0].rules["R12"]
        .items
        .iter()
        .map(|i| i.fields.listed_state().unwrap().label().to_string())
        .collect();
    assert_eq!(
        states,
        [
            "已销号(按期)",
            "逾期销号",
            "拒不整改",
            "逾期未整改",
            "整改中(未到期)"
        ]
    );
    let hints = &r.units[0].rules["R12"].items[4]
        .fields
        .listed()
        .unwrap()
        .hints;
    assert_eq!(hints, &["可提请市教育局挂牌督办（六.2）"]);
    assert_eq!(r.units[0].points["listed_hazards"].earned, 0.0);
    let s = &r.units[0].suggestions;
    assert!(
        s.iter()
            .any(|x| x.starts_with("建议撤换部门主要负责人（六.3）")),
        "{s:?}"
    );
    assert!(
        s.iter().any(|x| x.starts_with("建议从重处罚（六.3）")),
        "{s:?}"
    );
    // 已销号 without a date: closed on time, with an inconsistent_value warning; 整改中 with a date too.
    assert_eq!(r.units[1].rules["R12"].status, Status::Met);
    let inc = r
        .findings
        .iter()
        .filter(|f| f.code == Code::InconsistentValue)
        .count();
    assert_eq!(inc, 2);
}

#[test]
fn r13_hazards_on_time_late_open() {
    use tongbao::model::{Hazard, HazardGrade};
    let cfg = config(&["信息工程系"]);
    let h = |row: u32, deadline, done| Hazard {
        loc: loc("x.xlsx", "隐患整改", row),
        found_on: Some(d(2026, 3, 1)),
        description: Some(format!("隐患{row}").into()),
        grade: Some(HazardGrade::General),
        deadline: Some(deadline),
        measure: None,
        completed_on: done,
        responsible: None,
    };
    let mut l = full_ledger("信息工程系");
    l.hazards = Some(vec![
        h(2, d(2026, 4, 1), Some(d(2026, 4, 1))),
        h(3, d(2026, 4, 1), Some(d(2026, 4, 4))),
        h(4, d(2026, 4, 1), None),
        h(5, d(2026, 8, 1), None),
    ]);
    let r = run(
        &cfg,
        &inbox(vec![l], Some(register())),
        "2026H1",
        d(2026, 7, 15),
    );
    let st: Vec<Status> = r.units[0].rules["R13"]
        .items
        .iter()
        .map(|i| i.status)
        .collect();
    assert_eq!(
        st,
        [Status::Met, Status::NotMet, Status::NotMet, Status::Pending]
    );
    assert!(r.units[0].rules["R13"].items[1].detail.contains("逾期3天"));
    assert!(
        r.units[0].rules["R13"].items[2]
            .detail
            .contains("逾期未整改")
    );
}

#[test]
fn r15_late_and_missing_submissions() {
    let cfg = config(&["信息工程系", "机电工程系", "经济管理系"]);
    let mut late = full_ledger("信息工程系");
    late.cover.submitted_on = Some(d(2026, 7, 8));
    let mut ib = inbox(vec![late], Some(register()));
    ib.unreadable_by_unit
        .insert("机电工程系".into(), vec!["机电工程系.xlsx".into()]);
    let r = run(&cfg, &ib, "2026H1", d(2026, 7, 15));
    assert_eq!(r.units[0].rules["R15"].status, Status::Met);
    assert!(r.units[0].late_submission);
    assert!(
        r.findings
            .iter()
            .any(|f| f.code == Code::LateSubmission && f.message.starts_with("逾期报送"))
    );
    assert_eq!(r.units[1].rules["R15"].detail, "未报送（文件无法读取）");
    assert_eq!(r.units[2].rules["R15"].detail, "未报送");
    for id in ["R1", "R2", "R3", "R4", "R5", "R11", "R13"] {
        assert_eq!(r.units[2].rules[id].status, Status::NotMet, "{id}");
    }
    assert_eq!(r.units[2].rules["R8"].status, Status::Na);
    assert_eq!(r.units[2].score, Some(0.0));
    assert_eq!(
        (r.summary.submitted, r.summary.late, r.summary.on_time),
        (1, 1, 0)
    );
    assert_eq!(r.summary.missing, ["机电工程系", "经济管理系"]);
    // Before the due date a missing ledger is still pending.
    let early = run(&cfg, &ib, "2026H1", d(2026, 7, 5));
    assert_eq!(early.units[2].rules["R15"].status, Status::Pending);
}
