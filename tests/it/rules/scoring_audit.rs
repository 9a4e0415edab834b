//! Black-box audit of accidents (493号令 grading, cross-checks), vetoes, scoring, commendation
//! and suggestions (mechanism.md), through `tongbao build` and results.json.

use crate::support::books::*;
use crate::support::results_json::*;

#[test]
fn r9_r11_grading_boundaries_of_order_493() {
    let e = || Cell::Empty;
    let l = with_accidents(
        "信息工程系",
        vec![
            acc(d(2026, 3, 2), "一般", 3, e(), e()),
            acc(d(2026, 3, 3), "一般", 0, 10.into(), e()),
            acc(d(2026, 3, 4), "一般", 0, e(), 1000.into()),
            acc(d(2026, 3, 5), "一般", 2, 9.into(), 999.into()),
            acc(d(2026, 3, 6), "较大", 0, e(), e()),
        ],
    );
    // Sent by the H1 deadline: a version dated after as-of does not count ("Settled" 1).
    let l = sent_on(l, h1_sent());
    let v = build(
        &[("a.xlsx", &l)],
        "[rules]\nmajor_accident_control_target = 9\n",
        "2026H1",
        "2026-07-15",
    );
    let f = findings(&v, "grade_too_low", Some("信息工程系"));
    assert_eq!(f.len(), 3, "{f:?}");
    let a = unit(&v, "信息工程系")["accidents"].as_array().unwrap();
    assert_eq!(a.len(), 5);
    assert_eq!(a[0]["implied_grade"], "较大");
    assert_eq!(a[3]["implied_grade"], "一般");
    // The reported grade stands (no register).
    assert_eq!(a[0]["reported_grade"], "一般");
    // Five accidents ≥ 3 → R9 事故多发; deaths 3 → R11 needs a written report.
    assert_eq!(st(&v, "信息工程系", "R9"), "not_met");
    assert_eq!(st(&v, "信息工程系", "R11"), "not_met");
    assert!(
        v["summary"]["frequent_accident_units"]
            .to_string()
            .contains("信息工程系")
    );
}

#[test]
fn r9_r11_determinations_count_and_unreported_accidents() {
    let e = || Cell::Empty;
    let l = with_accidents(
        "信息工程系",
        vec![
            acc(d(2026, 3, 2), "一般", 0, e(), e()),
            acc(d(2026, 4, 2), "一般", 0, e(), e()),
        ],
    );
    let l = sent_on(l, h1_sent());
    let r = set_sheet(
        reg(),
        "事故认定",
        DET,
        vec![
            row!["信息工程系", d(2026, 4, 2), "一般", "是", "否", "否"],
            row!["信息工程系", d(2026, 5, 2), "一般", "否", "否", "否"],
        ],
    );
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(
        findings(&v, "unreported_accident", Some("信息工程系")).len(),
        1
    );
    assert_eq!(
        unit(&v, "信息工程系")["accidents"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(st(&v, "信息工程系", "R9"), "not_met");
    // 04-02 found 负有责任, no written report → R11 not met.
    assert_eq!(st(&v, "信息工程系", "R11"), "not_met");
    assert_eq!(items(&v, "信息工程系", "R11").len(), 1);
    // Two accidents: below the threshold → R9 met.
    let r2 = set_sheet(reg(), "事故认定", DET, vec![]);
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r2)],
        "",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(st(&v, "信息工程系", "R9"), "met");
    assert_eq!(st(&v, "信息工程系", "R11"), "na");
}

#[test]
fn r5_r9_quarterly_accident_count_mismatch() {
    let e = || Cell::Empty;
    let l = set_sheet(
        with_accidents("信息工程系", vec![acc(d(2026, 2, 2), "一般", 0, e(), e())]),
        "季度报告",
        &["季度", "报送日期", "事故起数"],
        vec![
            row!["第一季度", d(2026, 4, 5), 2],
            row!["第二季度", d(2026, 7, 5), 0],
        ],
    );
    let l = sent_on(l, h1_sent());
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert_eq!(
        findings(&v, "inconsistent_count", Some("信息工程系")).len(),
        1
    );
}

#[test]
fn v1_v2_v4_v5_vetoes_each_alone() {
    let e = || Cell::Empty;
    let y = |rows, dets, extra: &str| {
        let v = vetoes_for(rows, dets, extra, "2026", "2027-01-20");
        ids(&unit(&v, "信息工程系")["vetoes"])
    };
    assert_eq!(
        y(vec![acc(d(2026, 3, 2), "重大", 0, e(), e())], vec![], ""),
        ["V1"]
    );
    assert_eq!(
        y(vec![acc(d(2026, 3, 2), "较大", 0, e(), e())], vec![], ""),
        ["V2"]
    );
    let target1 = "[rules]\nmajor_accident_control_target = 1\n";
    assert!(
        y(
            vec![acc(d(2026, 3, 2), "较大", 0, e(), e())],
            vec![],
            target1
        )
        .is_empty()
    );
    assert_eq!(
        y(
            vec![
                acc(d(2026, 3, 2), "较大", 0, e(), e()),
                acc(d(2026, 4, 2), "较大", 0, e(), e())
            ],
            vec![],
            target1
        ),
        ["V2"]
    );
    assert_eq!(
        y(
            vec![acc(d(2026, 3, 2), "一般", 0, e(), e())],
            vec![row!["信息工程系", d(2026, 3, 2), "一般", "否", "是", "是"]],
            ""
        ),
        ["V4"]
    );
    assert_eq!(
        y(
            vec![acc(d(2026, 3, 2), "一般", 0, e(), e())],
            vec![row!["信息工程系", d(2026, 3, 2), "较大", "是", "否", "否"]],
            target1
        ),
        ["V5"]
    );
    // The register's 等级认定 is authoritative: 一般 reported, 重大 determined → V1.
    assert_eq!(
        y(
            vec![acc(d(2026, 3, 2), "一般", 0, e(), e())],
            vec![row!["信息工程系", d(2026, 3, 2), "重大", "否", "否", "否"]],
            ""
        ),
        ["V1"]
    );
    // H1: the same conditions are risks, never vetoes.
    let v = vetoes_sent_on(
        h1_sent(),
        vec![acc(d(2026, 3, 2), "重大", 0, e(), e())],
        vec![],
        "",
        "2026H1",
        "2026-07-15",
    );
    let u = unit(&v, "信息工程系");
    assert_eq!(ids(&u["veto_risks"]), ["V1"]);
    assert!(u["vetoes"].as_array().unwrap().is_empty());
    assert_eq!(u["performing_well"], false);
    let vc = unit(&v, "信息工程系")["veto_risks"][0].clone();
    assert_eq!(vc["clause"], "七.3 一");
}

#[test]
fn v3_only_after_year_end() {
    // A unit without a ledger scores 0: V3 only once the year is over.
    let v = build(&[], "", "2026", "2026-12-31");
    assert!(unit(&v, "学生处")["vetoes"].as_array().unwrap().is_empty());
    let v = build(&[], "", "2026", "2027-01-20");
    assert_eq!(ids(&unit(&v, "学生处")["vetoes"]), ["V3"]);
    let v = build(&[], "", "2026H2", "2027-01-20");
    assert!(
        unit(&v, "学生处")["veto_risks"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn year_score_shares_adjustments_rounding_and_grade() {
    // 10+10+10 + 20·11/12 + 15·2.5/4 + 5+10+10+10 = 92.7083…; −2.75 → 89.958… → 90.0 → 优秀.
    let r = set_sheet(
        reg(),
        "考评加减分",
        &["单位名称", "分值", "事由"],
        vec![row!["信息工程系", -2.75, "安全检查通报"]],
    );
    let l = scored_ledger();
    let v = build(&[("a.xlsx", &l), ("r.xlsx", &r)], "", "2026", "2027-01-20");
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 90.0);
    assert_eq!(u["grade"], "优秀");
    assert_eq!(u["adjustments"][0]["points"], -2.75);
    assert_eq!(u["adjustments"][0]["reason"], "安全检查通报");
    assert_eq!(u["points"]["quarterly_reports"]["max"], 15.0);
    // Clamp: +20 on a clean unit stays 100.
    let r = set_sheet(
        reg(),
        "考评加减分",
        &["单位名称", "分值", "事由"],
        vec![
            row!["信息工程系", 20, "表彰"],
            row!["机电工程系", 5, "表彰"],
        ],
    );
    let l = year_ledger("信息工程系");
    let v = build(&[("a.xlsx", &l), ("r.xlsx", &r)], "", "2026", "2027-01-20");
    assert_eq!(unit(&v, "信息工程系")["score"], 100.0);
    // Not submitted: 0 whatever the adjustments.
    assert_eq!(unit(&v, "机电工程系")["score"], 0.0);
}

#[test]
fn provisional_score_in_h1() {
    // R1 10, R2 10, R3 10, R4 20·5/6, R5 15·1.5/2, R10/R12/accidents full (nothing happened):
    // 87.9166… of 95 (R8 left out) → 92.54… → 92.5. Adjustments are not applied.
    let r = set_sheet(
        reg(),
        "考评加减分",
        &["单位名称", "分值", "事由"],
        vec![row!["信息工程系", -30, "x"]],
    );
    // Two versions: one sent 07-10 (before the late Q2 report) and one sent 07-15 with it.
    // Versions dated after as-of do not count ("Settled" 1): as of 07-15 the later one counts
    // (the earlier one is already late for the 07-05 deadline: a warning, no points).
    let early = sent_on(scored_ledger(), d(2026, 7, 10));
    let l = sent_on(scored_ledger(), d(2026, 7, 15));
    let files = [("a0.xlsx", &early), ("a.xlsx", &l), ("r.xlsx", &r)];
    let v = build(&files, "", "2026H1", "2026-07-15");
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 92.5);
    assert_eq!(u["provisional"], true);
    assert_eq!(u["grade"], "优秀");
    assert_eq!(u["commended"], false);
    // Pending quarter left out of the share: as-of 07-10 → Q2 pending → R5 full.
    let v = build(&files, "", "2026H1", "2026-07-10");
    assert_eq!(
        unit(&v, "信息工程系")["points"]["quarterly_reports"]["earned"],
        15.0
    );
}

#[test]
fn deductions_r10_r12_accidents() {
    let r = set_sheet(
        set_sheet(
            reg(),
            "惩戒措施",
            PUN,
            vec![
                row!["信息工程系", "约谈", d(2026, 3, 2), d(2026, 3, 31)],
                row!["机电工程系", "约谈", d(2026, 3, 2), ""],
            ],
        ),
        "挂牌督办",
        LISTED,
        vec![row![
            "A",
            "配电箱",
            "信息工程系",
            "学校",
            d(2026, 3, 1),
            d(2026, 5, 31),
            "",
            "整改中"
        ]],
    );
    let e = || Cell::Empty;
    let l = with_accidents(
        "信息工程系",
        vec![
            acc(d(2026, 3, 2), "一般", 0, e(), e()),
            vec![
                Cell::from(d(2026, 4, 2)),
                "伤".into(),
                "一般".into(),
                0.into(),
                1.into(),
                e(),
                e(),
                e(),
            ],
        ],
    );
    let m = year_ledger("机电工程系");
    let v = build(
        &[("a.xlsx", &l), ("m.xlsx", &m), ("r.xlsx", &r)],
        "",
        "2026",
        "2027-01-20",
    );
    let p = &unit(&v, "信息工程系")["points"];
    assert_eq!(p["rectification_reports"]["earned"], 5.0);
    assert_eq!(p["listed_hazards"]["earned"], 5.0);
    // 10 − 2·2 − 5 (R11 accident without written report) = 1.
    assert_eq!(p["accidents"]["earned"], 1.0);
    assert_eq!(unit(&v, "信息工程系")["score"], 81.0);
    assert_eq!(unit(&v, "信息工程系")["grade"], "良好");
    assert_eq!(
        unit(&v, "机电工程系")["points"]["rectification_reports"]["earned"],
        0.0
    );
    assert_eq!(unit(&v, "机电工程系")["score"], 90.0);
}

#[test]
fn ranks_commendation_and_met_rates() {
    let e = || Cell::Empty;
    let a = year_ledger("信息工程系");
    let m = year_ledger("机电工程系");
    // 学生处: one accident with casualties and a written report → 98, 优秀, not commended.
    let s = set_sheet(
        year_ledger("学生处"),
        "安全事故",
        ACC,
        vec![vec![
            Cell::from(d(2026, 4, 2)),
            "伤".into(),
            "一般".into(),
            0.into(),
            1.into(),
            e(),
            e(),
            Cell::from(d(2026, 4, 9)),
        ]],
    );
    let files = [("a.xlsx", &a), ("m.xlsx", &m), ("s.xlsx", &s)];
    let v = build(&files, "", "2026", "2027-01-20");
    assert_eq!(unit(&v, "学生处")["score"], 98.0);
    assert_eq!(st(&v, "学生处", "R11"), "met");
    assert_eq!(unit(&v, "学生处")["commended"], false);
    assert_eq!(unit(&v, "信息工程系")["rank"], 1);
    assert_eq!(unit(&v, "机电工程系")["rank"], 2);
    assert_eq!(unit(&v, "学生处")["rank"], 3);
    assert_eq!(
        v["summary"]["commended"],
        serde_json::json!(["信息工程系", "机电工程系"])
    );
    // H1: 表现较好的单位 = no 未达标 rule, no veto risk.
    // The same ledgers as sent by the H1 deadline (versions dated after as-of do not count).
    let (a, m, s) = (
        sent_on(a, h1_sent()),
        sent_on(m, h1_sent()),
        sent_on(s, h1_sent()),
    );
    let files = [("a.xlsx", &a), ("m.xlsx", &m), ("s.xlsx", &s)];
    let v = build(&files, "", "2026H1", "2026-07-15");
    assert_eq!(
        v["summary"]["performing_well"],
        serde_json::json!(["信息工程系", "机电工程系", "学生处"])
    );
}

#[test]
fn interview_suggestion_at_two_not_met_rules() {
    let mut l = year_ledger("信息工程系");
    l.rows("隐患排查")
        .retain(|r| r[0] != Cell::Date(d(2026, 4, 10)));
    let l = sent_on(l, h1_sent());
    let one = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert!(
        !unit(&one, "信息工程系")["suggestions"]
            .to_string()
            .contains("建议约谈")
    );
    let l = set_sheet(l, "安全工作会议", MEET, vec![]);
    let two = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert!(
        unit(&two, "信息工程系")["suggestions"]
            .to_string()
            .contains("建议约谈")
    );
    let three = build(
        &[("a.xlsx", &l)],
        "[suggestions]\ninterview_at = 4\n",
        "2026H1",
        "2026-07-15",
    );
    assert!(
        !unit(&three, "信息工程系")["suggestions"]
            .to_string()
            .contains("建议约谈")
    );
}

#[test]
fn v1_v2_h2_veto_risks_count_the_year_so_far() {
    let e = || Cell::Empty;
    // A 较大 accident in March and one in September, target 1: the year exceeds it.
    // Sent by as-of: a version dated after as-of does not count ("Settled" 1).
    let v = vetoes_sent_on(
        d(2026, 12, 15),
        vec![
            acc(d(2026, 3, 2), "较大", 0, e(), e()),
            acc(d(2026, 9, 2), "较大", 0, e(), e()),
        ],
        vec![],
        "[rules]\nmajor_accident_control_target = 1\n",
        "2026H2",
        "2026-12-15",
    );
    assert_eq!(ids(&unit(&v, "信息工程系")["veto_risks"]), ["V2"]);
    // A 重大 accident in H1 is still a veto risk for the year in H2.
    let v = vetoes_sent_on(
        d(2026, 12, 15),
        vec![acc(d(2026, 3, 2), "重大", 0, e(), e())],
        vec![],
        "",
        "2026H2",
        "2026-12-15",
    );
    assert_eq!(ids(&unit(&v, "信息工程系")["veto_risks"]), ["V1"]);
}

#[test]
fn rounding_is_one_step_half_up() {
    // 92.7083… − 2.7625 = 89.9458… → 89.9 (良好), not 90.0 by way of 89.95.
    let r = set_sheet(
        reg(),
        "考评加减分",
        &["单位名称", "分值", "事由"],
        vec![row!["信息工程系", -2.7625, "x"]],
    );
    let l = scored_ledger();
    let v = build(&[("a.xlsx", &l), ("r.xlsx", &r)], "", "2026", "2027-01-20");
    assert_eq!(unit(&v, "信息工程系")["score"], 89.9);
    assert_eq!(unit(&v, "信息工程系")["grade"], "良好");
}

#[test]
fn clamp_at_zero_is_v3_and_hazard_points_score_r13() {
    let r = set_sheet(
        reg(),
        "考评加减分",
        &["单位名称", "分值", "事由"],
        vec![row!["信息系", -150, "重大失职"]],
    );
    let l = year_ledger("信息工程系");
    let v = build(&[("a.xlsx", &l), ("r.xlsx", &r)], "", "2026", "2027-01-20");
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 0.0);
    assert_eq!(ids(&u["vetoes"]), ["V3"]);
    // R13 with points: one hazard of two late → half of 10.
    let l = set_sheet(
        year_ledger("信息工程系"),
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
        ],
    );
    let v = build(
        &[("a.xlsx", &l)],
        "[scoring]\nhazard_rectification = 10\ninspections = 10\n",
        "2026",
        "2027-01-20",
    );
    let u = unit(&v, "信息工程系");
    assert_eq!(u["points"]["hazard_rectification"]["earned"], 5.0);
    assert_eq!(u["score"], 95.0);
}

#[test]
fn v2_v5_loss_in_yuan_and_same_date_matching() {
    let l = set_sheet(
        year_ledger("信息工程系"),
        "安全事故",
        &[
            "发生日期",
            "事故概况",
            "事故等级",
            "死亡人数",
            "受伤人数",
            "直接经济损失（元）",
        ],
        vec![
            row![d(2026, 3, 2), "火灾", "一般事故", 0, 0, 10_000_000],
            row![d(2026, 3, 2), "摔伤", "一般", 0, 1, ""],
        ],
    );
    let r = set_sheet(
        reg(),
        "事故认定",
        DET,
        vec![
            row!["信息系", d(2026, 3, 2), "较大", "是", "否", "否"],
            row!["信息工程系", d(2026, 3, 2), "一般", "否", "否", "否"],
        ],
    );
    let v = build(&[("a.xlsx", &l), ("r.xlsx", &r)], "", "2026", "2027-01-20");
    assert_eq!(findings(&v, "grade_too_low", Some("信息工程系")).len(), 1);
    let a = unit(&v, "信息工程系")["accidents"].as_array().unwrap();
    assert_eq!(a.len(), 2, "matched one to one: no unreported accident");
    assert_eq!(a[0]["determined_grade"], "较大");
    assert_eq!(a[1]["determined_grade"], "一般");
    assert!(findings(&v, "unreported_accident", None).is_empty());
    // One 较大 found 负有责任: V2 (target 0) and V5.
    assert_eq!(ids(&unit(&v, "信息工程系")["vetoes"]), ["V2", "V5"]);
}
