//! Black-box audit of the as-of semantics, bad data, holidays and register matching
//! (mechanism.md, "Words used below"), through `tongbao build` and results.json.

use crate::support::books::*;
use crate::support::results_json::*;
use serde_json::Value;

#[test]
fn rebuilding_h1_in_december_gives_the_july_result() {
    // The unit's cumulative ledger as sent on `submitted`: May's inspection missing, an end-of-term
    // meeting on 07-05.
    let h1 = |submitted| {
        let mut l = ledger("信息工程系", 2026, submitted);
        l.rows("隐患排查")
            .retain(|r| r[0] != Cell::Date(d(2026, 5, 10)));
        l.push(
            "安全工作会议",
            row![d(2026, 7, 5), "期末会议", "是", "是", "张某某", 20, "纪要2"],
        )
    };
    let l_july = h1(d(2026, 7, 10));
    let l_dec = h1(d(2026, 12, 10));
    // December's resend backfills May's inspection: it must not count for an as-of in July.
    let l_dec_backfilled = h1(d(2026, 12, 10)).push(
        "隐患排查",
        row![d(2026, 5, 10), "教学楼、实验室", "张三、李四", 1, 1, ""],
    );
    let r = set_sheet(
        set_sheet(
            reg(),
            "惩戒措施",
            PUN,
            vec![
                row!["信息工程系", "约谈", d(2026, 5, 6), d(2026, 5, 20)],
                row!["机电工程系", "约谈", d(2026, 8, 3), ""],
            ],
        ),
        "领导调研督查",
        &["领导姓名", "日期", "调研单位"],
        vec![
            row!["王某某", d(2026, 5, 6), "学生处"],
            row!["王某某", d(2026, 6, 29), "学生处"],
        ],
    );
    // The register as sent in December adds a June punishment of 学生处 with no report.
    let r_dec = dated(r.clone(), d(2026, 12, 15))
        .push("惩戒措施", row!["学生处", "约谈", d(2026, 6, 1), ""]);
    let july = build(
        &[("a-07.xlsx", &l_july), ("r-01.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    // outputs.md "Settled" 1: rebuilt in December with --as-of 2026-07-15 from an inbox that also
    // holds the December versions, H1 gives what the July build gave.
    let rebuilt = build(
        &[
            ("a-07.xlsx", &l_july),
            ("a-12.xlsx", &l_dec_backfilled),
            ("r-01.xlsx", &r),
            ("r-12.xlsx", &r_dec),
        ],
        "",
        "2026H1",
        "2026-07-15",
    );
    // H1 built with a December as-of from December's resend (same H1 rows): H1 is bounded by the
    // period, so it gives the July result too.
    let dec = build(
        &[
            ("a-07.xlsx", &l_july),
            ("a-12.xlsx", &l_dec),
            ("r-01.xlsx", &r),
        ],
        "",
        "2026H1",
        "2026-12-20",
    );
    for other in [&rebuilt, &dec] {
        for u in ["信息工程系", "机电工程系", "学生处"] {
            for id in [
                "R1", "R2", "R3", "R4", "R5", "R8", "R9", "R10", "R11", "R12", "R13", "R15",
            ] {
                assert_eq!(
                    rule(&july, u, id)["items"],
                    rule(other, u, id)["items"],
                    "{u} {id}"
                );
                assert_eq!(st(&july, u, id), st(other, u, id), "{u} {id}");
            }
            assert_eq!(unit(&july, u)["score"], unit(other, u)["score"], "{u}");
        }
        assert_eq!(
            rule(other, "信息工程系", "R4")["missing_months"],
            serde_json::json!(["2026-05"])
        );
        assert_eq!(
            leader(&july, "王某某")["rules"]["R6"],
            leader(other, "王某某")["rules"]["R6"]
        );
        assert_eq!(st(other, "信息工程系", "R10"), "met");
        assert_eq!(st(other, "机电工程系", "R10"), "na");
    }
    assert_eq!(
        rule(&july, "信息工程系", "R4")["missing_months"],
        serde_json::json!(["2026-05"])
    );
    assert_eq!(st(&rebuilt, "学生处", "R10"), "na");
    // The December versions are not counted, each with its warning.
    assert_eq!(findings(&rebuilt, "after_as_of", None).len(), 2);
}

#[test]
fn submissions_after_as_of_count_as_not_made() {
    let e = || Cell::Empty;
    // The same workbook is judged at several as-of dates: its cover 报送日期 is blank so that it
    // counts at each (outputs.md "Settled" 1), and its rows' dates are judged against as-of.
    let l = undated(set_sheet(
        with_accidents(
            "信息工程系",
            vec![vec![
                Cell::from(d(2026, 3, 20)),
                "伤".into(),
                "一般".into(),
                0.into(),
                1.into(),
                e(),
                e(),
                Cell::from(d(2026, 4, 20)),
            ]],
        ),
        "季度报告",
        &["季度", "报送日期"],
        vec![row!["第一季度", d(2026, 4, 12)]],
    ));
    let r = set_sheet(
        reg(),
        "挂牌督办",
        LISTED,
        vec![row![
            "A",
            "配电箱",
            "信息工程系",
            "学校",
            d(2026, 3, 1),
            d(2026, 4, 30),
            d(2026, 4, 20),
            "已销号"
        ]],
    );
    let files = [("a.xlsx", &l), ("r.xlsx", &r)];
    let v = build(&files, "", "2026H1", "2026-04-11");
    let q1 = &items(&v, "信息工程系", "R5")[0];
    assert_eq!(q1["status"], "not_met");
    assert!(q1["detail"].as_str().unwrap().contains("未报"), "{q1}");
    assert_eq!(q1["submitted"], Value::Null);
    assert_eq!(st(&v, "信息工程系", "R11"), "not_met");
    assert_eq!(st(&v, "信息工程系", "R12"), "pending");
    assert_eq!(items(&v, "信息工程系", "R12")[0]["closed"], Value::Null);
    // Plan copied 03-01: as-of 02-28 → not yet copied, before plan_due → pending.
    let v = build(&files, "", "2026H1", "2026-02-28");
    assert_eq!(st(&v, "信息工程系", "R1"), "pending");
    // The accident of 03-20 has not happened yet on 03-19.
    let v = build(&files, "", "2026H1", "2026-03-19");
    assert_eq!(st(&v, "信息工程系", "R11"), "na");
    assert_eq!(rule(&v, "信息工程系", "R9")["accidents"], 0);
    let v = build(&files, "", "2026H1", "2026-04-20");
    assert_eq!(st(&v, "信息工程系", "R11"), "met");
    assert_eq!(st(&v, "信息工程系", "R12"), "met");
}

#[test]
fn r1_r2_r3_bad_or_missing_data_removes_rows_only_where_read() {
    let l = set_sheet(
        set_sheet(
            ledger("信息工程系", 2026, d(2026, 7, 10)),
            "安全工作会议",
            MEET,
            vec![row![d(2026, 3, 5), "会议", "是", "大概"]],
        ),
        "年度安全工作计划",
        &["序号", "工作任务", "责任人", "完成时限"],
        vec![
            row![1, "排查", "李四", d(2026, 12, 31)],
            row![2, "培训", "王五", ""],
        ],
    );
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert_eq!(st(&v, "信息工程系", "R2"), "met");
    assert_eq!(st(&v, "信息工程系", "R3"), "not_met");
    assert_eq!(
        st(&v, "信息工程系", "R1"),
        "not_met",
        "{}",
        rule(&v, "信息工程系", "R1")
    );
    assert!(!findings(&v, "bad_value", None).is_empty());
}

#[test]
fn r15_unreadable_file_named_after_a_unit() {
    let dir = tmp();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("信息系2026台账.xlsx"), b"not a workbook").unwrap();
    let cfg = dir.path().join("tongbao.toml");
    std::fs::write(&cfg, ROSTER).unwrap();
    let v = run(dir.path(), &inbox, &cfg, "2026H1", "2026-07-15");
    let r = rule(&v, "信息工程系", "R15");
    assert_eq!(r["status"], "not_met");
    assert!(
        r["detail"]
            .as_str()
            .unwrap()
            .contains("未报送（文件无法读取）"),
        "{r}"
    );
    assert_eq!(findings(&v, "unreadable_file", None).len(), 1);
}

#[test]
fn r10_holiday_data_missing_for_2027_deadlines() {
    let r = set_sheet(
        reg(),
        "惩戒措施",
        PUN,
        vec![row!["信息工程系", "约谈", d(2026, 12, 15), ""]],
    );
    let l = year_ledger("信息工程系");
    let files = [("a.xlsx", &l), ("r.xlsx", &r)];
    let v = build(&files, "", "2026", "2027-01-20");
    let f = findings(&v, "holiday_data_missing", Some("信息工程系"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["rule"], "R10");
    assert!(f[0]["message"].as_str().unwrap().contains("2027"));
    // A single extra day does not silence it; a whole [[calendar.year]] does.
    let v = build(
        &files,
        "[calendar]\nextra_holidays = [2027-01-04]\n",
        "2026",
        "2027-01-20",
    );
    assert_eq!(
        findings(&v, "holiday_data_missing", Some("信息工程系")).len(),
        1
    );
    let whole = "[[calendar.year]]\nyear = 2027\nholidays = [2027-01-01]\nmakeup_workdays = []\n";
    let v = build(&files, whole, "2026", "2027-01-20");
    assert!(findings(&v, "holiday_data_missing", None).is_empty());
    // 2026-12-15 + 20 working days, with 2027-01-01 a holiday: 2027-01-13.
    assert_eq!(items(&v, "信息工程系", "R10")[0]["due"], "2027-01-13");
}

#[test]
fn register_aliases_met_rates_and_empty_items() {
    let r = set_sheet(
        reg(),
        "惩戒措施",
        PUN,
        vec![row!["信息系", "约谈", d(2026, 3, 2), d(2026, 3, 30)]],
    );
    // Sent on or before the as-of of the H1 build, so that it counts.
    let l = ledger("信息工程系", 2026, d(2026, 7, 10));
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(st(&v, "信息工程系", "R10"), "met");
    assert_eq!(items(&v, "信息工程系", "R10").len(), 1);
    // No punishment: 不适用 with an empty item list.
    assert_eq!(st(&v, "学生处", "R10"), "na");
    assert!(items(&v, "学生处", "R10").is_empty());
    // R15: 1 met, 2 not met → 1/3.
    let rate = v["summary"]["met_rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "R15")
        .unwrap();
    assert!((rate["rate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    // R8 is 不适用 in H1 for everyone: no rate.
    let r8 = v["summary"]["met_rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "R8")
        .unwrap();
    assert!(r8["rate"].is_null());
}

#[test]
fn r10_outputs_example_punishment_across_labour_day() {
    // outputs.md: 约谈 imposed 2026-04-28, due 2026-05-28 (劳动节 5/1–5/5 off, 5/9 worked).
    let r = set_sheet(
        reg(),
        "惩戒措施",
        PUN,
        vec![
            row!["信息工程系", "约谈", d(2026, 4, 28), d(2026, 5, 27)],
            row!["学生处", "约谈", d(2026, 4, 28), d(2026, 6, 1)],
        ],
    );
    let v = build(&[("r.xlsx", &r)], "", "2026H1", "2026-07-15");
    let i = &items(&v, "信息工程系", "R10")[0];
    assert_eq!(i["due"], "2026-05-28");
    assert_eq!(i["status"], "met");
    let i = &items(&v, "学生处", "R10")[0];
    assert!(
        i["detail"].as_str().unwrap().contains("逾期提交2个工作日"),
        "{i}"
    );
    // Judged from the register although the unit sent no ledger.
    assert_eq!(st(&v, "学生处", "R15"), "not_met");
}
