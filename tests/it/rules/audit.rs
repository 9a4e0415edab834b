//! Black-box audit of the unit and leader rules against mechanism.md: workbooks built in code,
//! `tongbao build` run as a binary, results.json read back and checked against the spec.

use crate::support::books::*;
use crate::support::results_json::*;
use serde_json::Value;

#[test]
fn every_rule_id_is_present_with_status_detail_and_clause() {
    let l = year_ledger("信息工程系");
    let r = reg();
    for (period, as_of) in [("2026H1", "2026-07-15"), ("2026", "2027-01-20")] {
        let v = build(&[("a.xlsx", &l), ("reg.xlsx", &r)], "", period, as_of);
        for u in ["信息工程系", "机电工程系", "学生处"] {
            for id in [
                "R1", "R2", "R3", "R4", "R5", "R8", "R9", "R10", "R11", "R12", "R13", "R15",
            ] {
                let x = rule(&v, u, id);
                assert!(
                    ["met", "not_met", "pending", "na"].contains(&x["status"].as_str().unwrap()),
                    "{period} {u} {id}: {x}"
                );
                assert!(x["detail"].is_string(), "{u} {id} detail");
                assert!(
                    !x["clause"].as_str().unwrap_or("").is_empty(),
                    "{u} {id} clause"
                );
            }
            assert!(unit(&v, u)["vetoes"].is_array());
            assert!(unit(&v, u)["veto_risks"].is_array());
        }
        for l in ["王某某", "李某某"] {
            for id in ["R6", "R7"] {
                let x = &leader(&v, l)["rules"][id];
                assert!(
                    x["status"].is_string() && x["clause"].is_string(),
                    "{l} {id}"
                );
            }
        }
    }
}

#[test]
fn clean_year_unit_scores_100_and_is_commended() {
    let l = year_ledger("信息工程系");
    let r = reg();
    let v = build(
        &[("a.xlsx", &l), ("reg.xlsx", &r)],
        "",
        "2026",
        "2027-01-20",
    );
    for id in ["R1", "R2", "R3", "R4", "R5", "R8", "R9", "R15"] {
        assert_eq!(
            st(&v, "信息工程系", id),
            "met",
            "{id}: {}",
            rule(&v, "信息工程系", id)
        );
    }
    for id in ["R10", "R11", "R12"] {
        assert_eq!(st(&v, "信息工程系", id), "na", "{id}");
    }
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 100.0);
    assert_eq!(u["grade"], "优秀");
    assert_eq!(u["commended"], true);
    assert_eq!(u["provisional"], false);
    // Units without a ledger: 未报送, score 0, V3.
    let m = unit(&v, "机电工程系");
    assert_eq!(m["score"], 0.0);
    assert_eq!(st(&v, "机电工程系", "R15"), "not_met");
    for id in ["R1", "R2", "R3", "R4", "R5", "R8", "R11", "R13"] {
        assert_eq!(st(&v, "机电工程系", id), "not_met", "{id}");
    }
    assert_eq!(ids(&m["vetoes"]), vec!["V3"]);
    assert_eq!(m["grade"], "不合格（一票否决）");
    // H2: the autumn semester, July–December, Q3/Q4; provisional 100, 表现较好.
    let v = build(
        &[("a.xlsx", &l), ("reg.xlsx", &r)],
        "",
        "2026H2",
        "2027-01-12",
    );
    for id in ["R1", "R2", "R3", "R4", "R5", "R9", "R15"] {
        assert_eq!(st(&v, "信息工程系", id), "met", "{id}");
    }
    assert_eq!(items(&v, "信息工程系", "R4").len(), 6);
    assert_eq!(items(&v, "信息工程系", "R5").len(), 2);
    assert_eq!(st(&v, "信息工程系", "R8"), "na");
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 100.0);
    assert_eq!(u["provisional"], true);
    assert_eq!(u["performing_well"], true);
    assert!(u["vetoes"].as_array().unwrap().is_empty());
}

#[test]
fn r10_items_deadlines_and_as_of() {
    // 2026-03-02 (Mon) + 20 working days (no holiday in March) = 2026-03-30.
    let r = set_sheet(
        reg(),
        "惩戒措施",
        PUN,
        vec![
            row!["信息工程系", "约谈", d(2026, 3, 2), d(2026, 3, 30)],
            row!["机电工程系", "黄牌警告", d(2026, 3, 2), d(2026, 3, 31)],
            row!["学生处", "通报批评", d(2026, 3, 2), ""],
        ],
    );
    let l = year_ledger("信息工程系");
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    let i = &items(&v, "信息工程系", "R10")[0];
    assert_eq!(i["measure"], "约谈");
    assert_eq!(i["imposed"], "2026-03-02");
    assert_eq!(i["due"], "2026-03-30");
    assert_eq!(i["submitted"], "2026-03-30");
    assert_eq!(i["status"], "met");
    assert!(i["detail"].as_str().unwrap().contains("按时提交"));
    let i = &items(&v, "机电工程系", "R10")[0];
    assert_eq!(i["status"], "not_met");
    assert!(
        i["detail"].as_str().unwrap().contains("逾期提交1个工作日"),
        "{i}"
    );
    let i = &items(&v, "学生处", "R10")[0];
    assert_eq!(i["status"], "not_met");
    assert!(i["detail"].as_str().unwrap().contains("逾期未交"), "{i}");
    assert!(
        unit(&v, "学生处")["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("建议通报批评")),
        "{}",
        unit(&v, "学生处")["suggestions"]
    );
    // Deadline on as-of → pending; a submission after as-of is not made yet.
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-03-30",
    );
    assert_eq!(st(&v, "学生处", "R10"), "pending");
    assert!(
        items(&v, "学生处", "R10")[0]["detail"]
            .as_str()
            .unwrap()
            .contains("未到期，截止2026-03-30")
    );
    assert_eq!(st(&v, "机电工程系", "R10"), "pending");
    assert_eq!(items(&v, "机电工程系", "R10")[0]["submitted"], Value::Null);
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-03-31",
    );
    assert_eq!(st(&v, "学生处", "R10"), "not_met");
    // extra_holidays shift the deadline by one working day.
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "[calendar]\nextra_holidays = [2026-03-10]\n",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(items(&v, "机电工程系", "R10")[0]["due"], "2026-03-31");
    assert_eq!(st(&v, "机电工程系", "R10"), "met");
}

#[test]
fn r10_membership_across_periods() {
    let r = set_sheet(
        reg(),
        "惩戒措施",
        PUN,
        vec![
            row!["信息工程系", "约谈", d(2026, 6, 20), ""],
            row!["信息工程系", "黄牌警告", d(2026, 3, 2), d(2026, 3, 20)],
            row![
                "信息工程系",
                "下发整改通知书",
                d(2026, 8, 3),
                d(2026, 8, 10)
            ],
        ],
    );
    let l = year_ledger("信息工程系");
    let files = [("a.xlsx", &l), ("r.xlsx", &r)];
    let h1 = build(&files, "", "2026H1", "2026-07-15");
    let m: Vec<&str> = items(&h1, "信息工程系", "R10")
        .iter()
        .map(|i| i["measure"].as_str().unwrap())
        .collect();
    assert_eq!(m, ["黄牌警告", "约谈"]);
    let h2 = build(&files, "", "2026H2", "2027-01-20");
    let m: Vec<&str> = items(&h2, "信息工程系", "R10")
        .iter()
        .map(|i| i["measure"].as_str().unwrap())
        .collect();
    assert_eq!(m, ["约谈", "下发整改通知书"]);
    let y = build(&files, "", "2026", "2027-01-20");
    assert_eq!(items(&y, "信息工程系", "R10").len(), 3);
    // Rebuilding H1 in December gives the July result (the August punishment is not in H1).
    let h1b = build(&files, "", "2026H1", "2026-12-20");
    assert_eq!(items(&h1b, "信息工程系", "R10").len(), 2);
}

#[test]
fn r12_order_of_judging_and_suggestions() {
    let r = set_sheet(
        reg(),
        "挂牌督办",
        LISTED,
        vec![
            row![
                "A",
                "消防通道",
                "信息工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 5, 31),
                d(2026, 5, 30),
                "已销号"
            ],
            row![
                "B",
                "配电箱",
                "信息工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 5, 31),
                d(2026, 6, 5),
                "已销号"
            ],
            row![
                "C",
                "危化品",
                "机电工程系",
                "市教育局",
                d(2026, 3, 1),
                d(2026, 12, 31),
                "",
                "拒不整改"
            ],
            row![
                "D",
                "围墙",
                "学生处",
                "学校",
                d(2026, 3, 1),
                d(2026, 6, 30),
                "",
                "整改中"
            ],
            row![
                "E",
                "宿舍",
                "信息工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 7, 15),
                "",
                "整改中"
            ],
            row![
                "F",
                "食堂",
                "信息工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 5, 31),
                "",
                "已销号"
            ],
        ],
    );
    let l = year_ledger("信息工程系");
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    let it = items(&v, "信息工程系", "R12");
    let get = |id: &str| it.iter().find(|i| i["id"] == id).unwrap();
    assert_eq!(get("A")["status"], "met");
    assert_eq!(get("B")["status"], "not_met");
    assert!(get("B")["detail"].as_str().unwrap().contains("逾期销号"));
    assert_eq!(get("E")["status"], "pending", "deadline on as-of");
    assert_eq!(get("F")["status"], "met");
    assert!(!findings(&v, "inconsistent_value", Some("信息工程系")).is_empty());
    assert_eq!(st(&v, "机电工程系", "R12"), "not_met");
    assert!(
        items(&v, "机电工程系", "R12")[0]["detail"]
            .as_str()
            .unwrap()
            .contains("拒不整改")
    );
    let sugg = |u: &str| unit(&v, u)["suggestions"].to_string();
    assert!(sugg("机电工程系").contains("建议撤换部门主要负责人"));
    assert_eq!(st(&v, "学生处", "R12"), "not_met");
    assert!(
        items(&v, "学生处", "R12")[0]["detail"]
            .as_str()
            .unwrap()
            .contains("逾期未整改")
    );
    assert!(sugg("学生处").contains("建议从重处罚"));
    // E is still open at the H2 start: it belongs to H2; A (closed in H1) does not.
    let h2 = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H2",
        "2026-07-20",
    );
    let ids2: Vec<&str> = items(&h2, "信息工程系", "R12")
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids2, ["E"]);
}

#[test]
fn r15_late_submission_is_met_with_warning() {
    let l = ledger("信息工程系", 2026, d(2026, 7, 8));
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert_eq!(st(&v, "信息工程系", "R15"), "met");
    assert_eq!(findings(&v, "late_submission", Some("信息工程系")).len(), 1);
    assert_eq!(st(&v, "机电工程系", "R15"), "not_met");
    assert!(
        rule(&v, "机电工程系", "R15")["detail"]
            .as_str()
            .unwrap()
            .contains("未报送")
    );
    // Without a register: R10/R12 不适用 and a missing_register warning.
    assert_eq!(st(&v, "信息工程系", "R10"), "na");
    assert_eq!(st(&v, "信息工程系", "R12"), "na");
    assert!(!findings(&v, "missing_register", None).is_empty());
}

#[test]
fn r2_r3_semesters_by_period() {
    // Sent 07-10: on or before every as-of below, so it counts in each build (outputs.md
    // "Settled" 1); no autumn meeting.
    let l = set_sheet(
        ledger("信息工程系", 2026, d(2026, 7, 10)),
        "安全工作会议",
        MEET,
        vec![
            row![d(2026, 2, 20), "寒假前会议", "是", "是"],
            row![d(2026, 7, 5), "期末会议", "是", "否"],
        ],
    );
    let files = [("a.xlsx", &l)];
    // H1: the spring semester counts meetings from 02-23 to 06-30 only.
    let h1 = build(&files, "", "2026H1", "2026-07-15");
    assert_eq!(st(&h1, "信息工程系", "R2"), "not_met");
    assert_eq!(st(&h1, "信息工程系", "R3"), "not_met");
    assert_eq!(items(&h1, "信息工程系", "R2").len(), 1);
    // Year: the 07-05 meeting counts for R2 (not R3: 研究防范措施 否); autumn has none.
    let y = build(&files, "", "2026", "2027-01-20");
    let it = items(&y, "信息工程系", "R2");
    assert_eq!(it.len(), 2);
    assert_eq!(it[0]["status"], "met");
    assert_eq!(it[1]["status"], "not_met");
    assert_eq!(items(&y, "信息工程系", "R3")[0]["status"], "not_met");
    // H2 before the period and semester end: pending; after the period end: not met.
    let h2 = build(&files, "", "2026H2", "2026-12-15");
    assert_eq!(st(&h2, "信息工程系", "R2"), "pending");
    let h2 = build(&files, "", "2026H2", "2027-01-05");
    assert_eq!(st(&h2, "信息工程系", "R2"), "not_met");
    // Points: one of two semesters met → 5 of 10.
    assert_eq!(unit(&y, "信息工程系")["points"]["meetings"]["earned"], 5.0);
}

#[test]
fn r4_months_running_exempt_and_missing() {
    // The unit sent its ledger on 09-30 and again on 10-15 (with October's inspection); each
    // build counts the latest version dated on or before its as-of (outputs.md "Settled" 1).
    let l_sep = set_sheet(
        ledger("信息工程系", 2026, d(2026, 9, 30)),
        "隐患排查",
        &["排查日期", "排查范围"],
        vec![row![d(2026, 7, 3), "教学楼"]],
    );
    let l = set_sheet(
        ledger("信息工程系", 2026, d(2026, 10, 15)),
        "隐患排查",
        &["排查日期", "排查范围"],
        vec![
            row![d(2026, 7, 3), "教学楼"],
            row![d(2026, 10, 15), "实验室"],
        ],
    );
    let files = [("a-09.xlsx", &l_sep), ("a-10.xlsx", &l)];
    let v = build(
        &files,
        "[rules]\ninspection_exempt_months = [8]\n",
        "2026H2",
        "2026-10-15",
    );
    let r = rule(&v, "信息工程系", "R4");
    assert_eq!(r["status"], "not_met");
    assert_eq!(r["missing_months"], serde_json::json!(["2026-09"]));
    assert!(r["detail"].as_str().unwrap().contains("缺2026年9月"), "{r}");
    let it = items(&v, "信息工程系", "R4");
    let s: Vec<&str> = it.iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(s, ["met", "na", "not_met", "met", "pending", "pending"]);
    // Running month without an inspection yet: pending, not missing.
    let v = build(&files, "", "2026H2", "2026-09-30");
    let r = rule(&v, "信息工程系", "R4");
    assert_eq!(r["missing_months"], serde_json::json!(["2026-08"]));
    assert_eq!(items(&v, "信息工程系", "R4")[2]["status"], "pending");
}

#[test]
fn r5_grace_days_and_half_credit() {
    // Sent 07-13 (with the Q2 report): on or before every as-of below, so it counts in each
    // build (outputs.md "Settled" 1); no Q3 report.
    let l = set_sheet(
        ledger("信息工程系", 2026, d(2026, 7, 13)),
        "季度报告",
        &["季度", "报送日期"],
        vec![
            row!["第一季度", d(2026, 4, 10)],
            row!["第二季度", d(2026, 7, 13)],
        ],
    );
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    let it = items(&v, "信息工程系", "R5");
    assert_eq!(it[0]["status"], "met");
    assert_eq!(it[0]["due"], "2026-04-10");
    assert_eq!(it[1]["status"], "not_met");
    assert!(
        it[1]["detail"].as_str().unwrap().contains("逾期3天"),
        "{}",
        it[1]
    );
    assert_eq!(
        unit(&v, "信息工程系")["points"]["quarterly_reports"]["earned"],
        11.25
    );
    // Q3 due 10-10: on as-of pending, the day after 未报.
    let v = build(&[("a.xlsx", &l)], "", "2026H2", "2026-10-10");
    assert_eq!(items(&v, "信息工程系", "R5")[0]["status"], "pending");
    let v = build(&[("a.xlsx", &l)], "", "2026H2", "2026-10-11");
    assert_eq!(items(&v, "信息工程系", "R5")[0]["status"], "not_met");
}

#[test]
fn r8_r7_year_only_and_pending_until_year_end() {
    // Sent 07-10: on or before every as-of below, so it counts in each build (outputs.md
    // "Settled" 1).
    let mut l = ledger("信息工程系", 2026, d(2026, 7, 10));
    l.rows("封面")[7] = row!["绩效述职述安", "否"];
    let r = set_sheet(
        reg(),
        "领导述职",
        &["领导姓名", "述职报告含安全工作"],
        vec![row!["王某某", "是"]],
    );
    let files = [("a.xlsx", &l), ("r.xlsx", &r)];
    let h1 = build(&files, "", "2026H1", "2026-07-15");
    assert_eq!(st(&h1, "信息工程系", "R8"), "na");
    assert_eq!(leader(&h1, "王某某")["rules"]["R7"]["status"], "na");
    let y = build(&files, "", "2026", "2026-12-31");
    assert_eq!(st(&y, "信息工程系", "R8"), "pending");
    assert_eq!(leader(&y, "李某某")["rules"]["R7"]["status"], "pending");
    let y = build(&files, "", "2026", "2027-01-01");
    assert_eq!(st(&y, "信息工程系", "R8"), "not_met");
    assert_eq!(leader(&y, "王某某")["rules"]["R7"]["status"], "met");
    assert_eq!(leader(&y, "李某某")["rules"]["R7"]["status"], "not_met");
}

#[test]
fn r6_visits_by_period() {
    let r = set_sheet(
        reg(),
        "领导调研督查",
        &["领导姓名", "日期", "调研单位"],
        vec![
            row!["王某某", d(2026, 3, 5), "信息工程系"],
            row!["王某某", d(2026, 9, 5), "学生处"],
        ],
    );
    let files = [("r.xlsx", &r)];
    let h1 = build(&files, "", "2026H1", "2026-07-15");
    let w = &leader(&h1, "王某某")["rules"]["R6"];
    assert_eq!(w["status"], "pending");
    assert_eq!(w["visits"], 1);
    assert!(w["detail"].as_str().unwrap().contains("进度正常"));
    let li = &leader(&h1, "李某某")["rules"]["R6"];
    assert!(li["detail"].as_str().unwrap().contains("进度滞后"));
    assert_eq!(li["visits"], 0);
    let h2 = build(&files, "", "2026H2", "2026-09-04");
    assert_eq!(leader(&h2, "王某某")["rules"]["R6"]["visits"], 1);
    assert_eq!(leader(&h2, "王某某")["rules"]["R6"]["status"], "pending");
    let h2 = build(&files, "", "2026H2", "2026-09-05");
    assert_eq!(leader(&h2, "王某某")["rules"]["R6"]["status"], "met");
    let y = build(&files, "", "2026", "2027-01-20");
    assert_eq!(leader(&y, "李某某")["rules"]["R6"]["status"], "not_met");
}

#[test]
fn r13_hazards() {
    // Sent on the as-of of the H1 build, so that it counts (outputs.md "Settled" 1).
    let l = set_sheet(
        ledger("信息工程系", 2026, d(2026, 7, 15)),
        "隐患整改",
        &[
            "发现日期",
            "隐患描述",
            "隐患等级",
            "整改期限",
            "整改完成日期",
        ],
        vec![
            row![d(2026, 3, 1), "甲", "一般", d(2026, 3, 31), d(2026, 3, 31)],
            row![d(2026, 3, 1), "乙", "一般", d(2026, 3, 31), d(2026, 4, 3)],
            row![d(2026, 3, 1), "丙", "一般", d(2026, 6, 30), ""],
            row![d(2026, 3, 1), "丁", "一般", d(2026, 7, 15), ""],
        ],
    );
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    let s: Vec<&str> = items(&v, "信息工程系", "R13")
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(s, ["met", "not_met", "not_met", "pending"]);
    let it = items(&v, "信息工程系", "R13");
    assert!(it[1]["detail"].as_str().unwrap().contains("逾期3天"));
    assert!(it[2]["detail"].as_str().unwrap().contains("逾期未整改"));
}
