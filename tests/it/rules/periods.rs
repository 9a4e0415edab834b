//! Periods and as-of semantics: a clean year, the H1 rebuild from a full-year ledger, semesters
//! across the year end, pending deadlines, R4 months, R6 visits.

use crate::support::rule_inputs::*;
use tongbao::eval::{Results, Status, UnitResult};

fn status(r: &Results, unit: usize, rule: &str) -> Status {
    r.units[unit].rules[rule].status
}

#[test]
fn clean_unit_meets_everything_and_scores_100() {
    let cfg = config(&["信息工程系"]);
    let inbox = inbox(vec![full_ledger("信息工程系")], Some(register()));
    let y = run(&cfg, &inbox, "2026", d(2027, 1, 12));
    let u = &y.units[0];
    for id in ["R1", "R2", "R3", "R4", "R5", "R8", "R9", "R15"] {
        assert_eq!(
            u.rules[id].status,
            Status::Met,
            "{id}: {}",
            u.rules[id].detail
        );
    }
    for id in ["R10", "R11", "R12", "R13"] {
        assert_eq!(u.rules[id].status, Status::Na, "{id}");
    }
    assert_eq!(u.score, 100.0);
    assert_eq!(u.grade, "优秀");
    assert!(u.commended && u.vetoes.is_empty());
    assert_eq!(y.leaders[0].rules["R7"].status, Status::Met);
    assert_eq!(y.doc_number, "厦城院综〔2027〕12号");
    assert_eq!(y.summary.commended, vec!["信息工程系".to_string()]);
    let h1 = run(&cfg, &inbox, "2026H1", d(2026, 7, 15));
    assert_eq!(h1.units[0].score, 100.0);
    assert!(h1.units[0].provisional && h1.units[0].performing_well);
    assert_eq!(status(&h1, 0, "R8"), Status::Na);
    assert!(h1.units[0].points["duty_report"].excluded);
}

/// The July ledger: the full-year ledger as it stood on 2026-07-03.
fn july_ledger(unit: &str) -> tongbao::model::Ledger {
    let mut l = full_ledger(unit);
    let cut = d(2026, 7, 15);
    l.cover.submitted_on = Some(d(2026, 7, 3));
    l.cover.annual_summary_duty = None;
    l.cover.performance_review_duty = None;
    l.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.date.unwrap() <= cut);
    l.inspections
        .as_mut()
        .unwrap()
        .retain(|m| m.date.unwrap() <= cut);
    l.quarterly
        .as_mut()
        .unwrap()
        .retain(|m| m.submitted_on.unwrap() <= cut);
    l
}

fn comparable(u: &UnitResult) -> UnitResult {
    let mut u = u.clone();
    u.submitted_on = None;
    u.rules.get_mut("R15").unwrap().detail.clear();
    u
}

#[test]
fn rebuilding_h1_from_the_full_year_gives_the_july_results() {
    let cfg = config(&["信息工程系", "机电工程系"]);
    let mut reg = register();
    reg.punishments = Some(vec![
        punishment("机电工程系", 2, d(2026, 5, 20), Some(d(2026, 8, 20))),
        punishment("信息工程系", 3, d(2026, 4, 28), Some(d(2026, 5, 28))),
    ]);
    reg.visits = Some(vec![
        visit("王某某", 2, d(2026, 5, 6)),
        visit("王某某", 3, d(2026, 9, 1)),
    ]);
    let mut full_reg = reg.clone();
    full_reg.punishments.as_mut().unwrap()[0].report_on = Some(d(2026, 8, 20));
    let mut july_reg = reg.clone();
    july_reg.punishments.as_mut().unwrap()[0].report_on = None;
    july_reg.visits.as_mut().unwrap().pop();
    let mut late_full = full_ledger("机电工程系");
    late_full
        .inspections
        .as_mut()
        .unwrap()
        .retain(|i| i.date.unwrap().format("%m").to_string() != "04");
    late_full.accidents = Some(vec![accident(
        "机电工程系.xlsx",
        2,
        d(2026, 11, 3),
        tongbao::model::AccidentGrade::General,
        0,
        2,
    )]);
    let mut late_july = july_ledger("机电工程系");
    late_july.inspections = late_full.inspections.clone();
    late_july
        .inspections
        .as_mut()
        .unwrap()
        .retain(|i| i.date.unwrap() <= d(2026, 7, 15));
    let dec = inbox(vec![full_ledger("信息工程系"), late_full], Some(full_reg));
    let jul = inbox(vec![july_ledger("信息工程系"), late_july], Some(july_reg));
    let a = run(&cfg, &dec, "2026H1", d(2026, 7, 15));
    let b = run(&cfg, &jul, "2026H1", d(2026, 7, 15));
    for (x, y) in a.units.iter().zip(&b.units) {
        assert_eq!(comparable(x), comparable(y), "{}", x.name);
    }
    assert_eq!(a.leaders, b.leaders);
    assert_eq!(status(&a, 1, "R4"), Status::NotMet);
    assert_eq!(
        status(&a, 1, "R10"),
        Status::NotMet,
        "report 08-20 is after as-of: 逾期未交"
    );
}

#[test]
fn r2_r3_semester_across_the_year_end_belongs_to_its_starting_period() {
    let cfg = config(&["信息工程系"]);
    let mut l = full_ledger("信息工程系");
    l.meetings.as_mut().unwrap().pop(); // no meeting in the autumn semester
    let inbox = inbox(vec![l], Some(register()));
    let dec = run(&cfg, &inbox, "2026H2", d(2026, 12, 31));
    assert_eq!(
        status(&dec, 0, "R2"),
        Status::Pending,
        "period not over on 12-31"
    );
    let jan = run(&cfg, &inbox, "2026H2", d(2027, 1, 5));
    assert_eq!(
        status(&jan, 0, "R2"),
        Status::NotMet,
        "judged at the period's end"
    );
    let item = &jan.units[0].rules["R2"].items[0];
    assert_eq!(item.fields["semester"], "2026-2027学年第一学期");
    let y = run(&cfg, &inbox, "2026", d(2027, 1, 12));
    assert_eq!(y.units[0].rules["R2"].items.len(), 2);
    assert_eq!(y.units[0].points["meetings"].earned, 5.0);
    // A meeting in January 2027 is outside 2026's window and belongs to no 2027 semester.
    let mut l27 = full_ledger("信息工程系");
    l27.meetings = Some(vec![meeting("x.xlsx", 2, d(2027, 1, 10), true)]);
    let inbox27 = crate::support::rule_inputs::inbox(vec![l27], Some(register()));
    let next = run(&cfg, &inbox27, "2027H1", d(2027, 7, 15));
    assert_eq!(
        status(&next, 0, "R2"),
        Status::Na,
        "the 2026 autumn semester is judged in 2026"
    );
}

#[test]
fn r2_r3_semester_without_any_start_in_the_period_is_na() {
    let mut cfg = config(&["信息工程系"]);
    cfg.semesters.remove(0);
    let inbox = inbox(vec![full_ledger("信息工程系")], Some(register()));
    let h1 = run(&cfg, &inbox, "2026H1", d(2026, 7, 15));
    assert_eq!(status(&h1, 0, "R2"), Status::Na);
    assert!(h1.units[0].points["meetings"].excluded);
}

#[test]
fn r4_missing_month_running_month_and_exempt_month() {
    let mut cfg = config(&["信息工程系"]);
    cfg.rules.inspection_exempt_months = vec![2];
    let mut l = full_ledger("信息工程系");
    l.inspections.as_mut().unwrap().retain(|i| {
        let m = i.date.unwrap().format("%m").to_string();
        !["04", "05", "06"].contains(&m.as_str())
    });
    let inbox = inbox(vec![l], Some(register()));
    let r = run(&cfg, &inbox, "2026H1", d(2026, 6, 15));
    let r4 = &r.units[0].rules["R4"];
    assert_eq!(r4.status, Status::NotMet);
    assert_eq!(r4.detail, "缺2026年4月、5月");
    assert_eq!(
        r4.extra["missing_months"],
        serde_json::json!(["2026-04", "2026-05"])
    );
    let st: Vec<Status> = r4.items.iter().map(|i| i.status).collect();
    use Status::*;
    assert_eq!(st, vec![Met, Na, Met, NotMet, NotMet, Pending]);
    // 20 points over 2 of 4 judged months (February exempt, June pending).
    assert_eq!(r.units[0].points["inspections"].earned, 10.0);
}

#[test]
fn r5_quarter_due_after_as_of_is_pending() {
    let cfg = config(&["信息工程系"]);
    let mut l = full_ledger("信息工程系");
    l.quarterly
        .as_mut()
        .unwrap()
        .retain(|q| q.quarter == Some(1));
    let inbox = inbox(vec![l], Some(register()));
    // Q2 is due 07-10: pending on 07-10 itself, 未报 the day after.
    let on = run(&cfg, &inbox, "2026H1", d(2026, 7, 10));
    assert_eq!(on.units[0].rules["R5"].items[1].status, Status::Pending);
    assert_eq!(on.units[0].rules["R5"].status, Status::Pending);
    let after = run(&cfg, &inbox, "2026H1", d(2026, 7, 11));
    assert_eq!(after.units[0].rules["R5"].items[1].detail, "第二季度：未报");
    assert_eq!(after.units[0].points["quarterly_reports"].earned, 7.5);
}

#[test]
fn r6_in_h1_with_zero_one_two_visits() {
    let cfg = config(&["信息工程系"]);
    for (n, st, word) in [
        (0, Status::Pending, "进度滞后"),
        (1, Status::Pending, "进度正常"),
        (2, Status::Met, ""),
    ] {
        let mut reg = register();
        reg.visits = Some(
            (0..n)
                .map(|i| visit("王某某", i + 2, d(2026, 3 + i, 5)))
                .collect(),
        );
        let r = run(&cfg, &inbox(vec![], Some(reg)), "2026H1", d(2026, 7, 15));
        let r6 = &r.leaders[0].rules["R6"];
        assert_eq!(r6.status, st, "{n}");
        assert!(r6.detail.contains(word), "{}", r6.detail);
        assert_eq!(r6.extra["visits"], n);
    }
    let mut reg = register();
    reg.visits = Some(vec![visit("王某某", 2, d(2026, 3, 5))]);
    let y = run(&cfg, &inbox(vec![], Some(reg)), "2026", d(2027, 1, 12));
    assert_eq!(y.leaders[0].rules["R6"].status, Status::NotMet);
}
