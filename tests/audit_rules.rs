//! Black-box audit of the rules against mechanism.md: workbooks built in code, `tongbao build`
//! run as a binary, results.json read back and checked against what the spec literally says.

mod common;

use assert_cmd::Command;
use common::*;
use serde_json::Value;
use std::path::Path;

const BASE: &str = r#"
[school]
name = "测试学院"
doc_prefix = "测院"

[[units]]
name = "信息工程系"
kind = "系部"
aliases = ["信息系"]

[[units]]
name = "机电工程系"
kind = "系部"

[[units]]
name = "学生处"
kind = "部门"

[[leaders]]
name = "王某某"

[[leaders]]
name = "李某某"

[[semesters]]
name = "2025-2026学年第二学期"
start = 2026-02-23
end = 2026-07-10

[[semesters]]
name = "2026-2027学年第一学期"
start = 2026-09-01
end = 2027-01-15
"#;

/// Write the books and the config (BASE + `extra`), build, return results.json.
fn build(books: &[(&str, &Book)], extra: &str, period: &str, as_of: &str) -> Value {
    let dir = tmp();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for (name, b) in books {
        b.save(&inbox, name);
    }
    let cfg = dir.path().join("tongbao.toml");
    std::fs::write(&cfg, format!("{BASE}\n{extra}")).unwrap();
    run(dir.path(), &inbox, &cfg, period, as_of)
}

fn run(dir: &Path, inbox: &Path, cfg: &Path, period: &str, as_of: &str) -> Value {
    let out_dir = dir.join("out");
    let out = Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir)
        .args(["build", "--period", period, "--as-of", as_of, "--inbox"])
        .arg(inbox)
        .arg("--out")
        .arg(&out_dir)
        .arg("--config")
        .arg(cfg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(out_dir.join(period).join("results.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn unit<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("unit {name}"))
}

fn rule<'a>(v: &'a Value, name: &str, id: &str) -> &'a Value {
    &unit(v, name)["rules"][id]
}

fn st<'a>(v: &'a Value, name: &str, id: &str) -> &'a str {
    rule(v, name, id)["status"].as_str().unwrap_or("<none>")
}

fn items<'a>(v: &'a Value, name: &str, id: &str) -> &'a Vec<Value> {
    rule(v, name, id)["items"].as_array().unwrap()
}

fn leader<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["leaders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap()
}

/// Findings with this code (optionally for this unit).
fn findings<'a>(v: &'a Value, code: &str, unit: Option<&str>) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code && unit.is_none_or(|u| f["unit"] == u))
        .collect()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

/// The full year's ledger of a clean unit: `ledger()` plus an autumn meeting, submitted
/// 2027-01-05.
fn year_ledger(name: &str) -> Book {
    ledger(name, 2026, d(2027, 1, 5)).push(
        "安全工作会议",
        row![
            d(2026, 9, 10),
            "秋季学期安全工作会议",
            "是",
            "是",
            "张某某",
            20,
            "纪要2"
        ],
    )
}

fn reg() -> Book {
    register(2026, d(2027, 1, 6))
}

fn set_sheet(b: Book, sheet: &str, header: &[&str], rows: Vec<Vec<Cell>>) -> Book {
    let mut all = vec![header.iter().map(|h| Cell::from(*h)).collect::<Vec<_>>()];
    all.extend(rows);
    b.sheet(sheet, all)
}

const PUN: &[&str] = &["单位名称", "措施类型", "实施日期", "书面整改报告提交日期"];
const LISTED: &[&str] = &[
    "编号",
    "隐患名称",
    "责任单位",
    "督办级别",
    "挂牌日期",
    "整改时限",
    "销号日期",
    "状态",
];
const DET: &[&str] = &[
    "单位名称",
    "发生日期",
    "等级认定",
    "负有责任",
    "谎报瞒报",
    "不良影响",
];
const ACC: &[&str] = &[
    "发生日期",
    "事故概况",
    "事故等级",
    "死亡人数",
    "受伤人数",
    "重伤人数",
    "直接经济损失（万元）",
    "书面检查报告日期",
];

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

const MEET: &[&str] = &["会议日期", "会议主题", "主要负责人参加", "研究防范措施"];

#[test]
fn r2_r3_semesters_by_period() {
    let l = set_sheet(
        year_ledger("信息工程系"),
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
    let l = set_sheet(
        year_ledger("信息工程系"),
        "隐患排查",
        &["排查日期", "排查范围"],
        vec![
            row![d(2026, 7, 3), "教学楼"],
            row![d(2026, 10, 15), "实验室"],
        ],
    );
    let v = build(
        &[("a.xlsx", &l)],
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
    let v = build(&[("a.xlsx", &l)], "", "2026H2", "2026-09-30");
    let r = rule(&v, "信息工程系", "R4");
    assert_eq!(r["missing_months"], serde_json::json!(["2026-08"]));
    assert_eq!(items(&v, "信息工程系", "R4")[2]["status"], "pending");
}

#[test]
fn r5_grace_days_and_half_credit() {
    let l = set_sheet(
        year_ledger("信息工程系"),
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
    let mut l = year_ledger("信息工程系");
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

/// The year ledger with these accident rows (columns of `ACC`).
fn with_accidents(name: &str, rows: Vec<Vec<Cell>>) -> Book {
    set_sheet(year_ledger(name), "安全事故", ACC, rows)
}

fn acc(date: NaiveDate, grade: &str, deaths: i32, serious: Cell, loss: Cell) -> Vec<Cell> {
    vec![
        Cell::from(date),
        "事故".into(),
        grade.into(),
        deaths.into(),
        0.into(),
        serious,
        loss,
        Cell::Empty,
    ]
}

#[test]
fn grading_boundaries_of_order_493() {
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
fn determinations_count_and_unreported_accidents() {
    let e = || Cell::Empty;
    let l = with_accidents(
        "信息工程系",
        vec![
            acc(d(2026, 3, 2), "一般", 0, e(), e()),
            acc(d(2026, 4, 2), "一般", 0, e(), e()),
        ],
    );
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
fn quarterly_accident_count_mismatch() {
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
    let v = build(&[("a.xlsx", &l)], "", "2026H1", "2026-07-15");
    assert_eq!(
        findings(&v, "inconsistent_count", Some("信息工程系")).len(),
        1
    );
}

fn vetoes_for(
    rows: Vec<Vec<Cell>>,
    dets: Vec<Vec<Cell>>,
    extra: &str,
    period: &str,
    as_of: &str,
) -> Value {
    let l = with_accidents("信息工程系", rows);
    let r = set_sheet(reg(), "事故认定", DET, dets);
    build(&[("a.xlsx", &l), ("r.xlsx", &r)], extra, period, as_of)
}

#[test]
fn vetoes_each_alone() {
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
    let v = vetoes_for(
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

/// The year ledger with April's inspection removed, Q2 late (07-15) and Q3 missing.
fn scored_ledger() -> Book {
    let mut l = year_ledger("信息工程系");
    l.rows("隐患排查")
        .retain(|r| r[0] != Cell::Date(d(2026, 4, 10)));
    set_sheet(
        l,
        "季度报告",
        &["季度", "报送日期"],
        vec![
            row!["第一季度", d(2026, 4, 5)],
            row!["第二季度", d(2026, 7, 15)],
            row!["第四季度", d(2027, 1, 4)],
        ],
    )
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
    let l = scored_ledger();
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-15",
    );
    let u = unit(&v, "信息工程系");
    assert_eq!(u["score"], 92.5);
    assert_eq!(u["provisional"], true);
    assert_eq!(u["grade"], "优秀");
    assert_eq!(u["commended"], false);
    // Pending quarter left out of the share: as-of 07-10 → Q2 pending → R5 full.
    let v = build(
        &[("a.xlsx", &l), ("r.xlsx", &r)],
        "",
        "2026H1",
        "2026-07-10",
    );
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
fn holiday_data_missing_for_2027_deadlines() {
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
    let l = year_ledger("信息工程系");
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
fn h2_veto_risks_count_the_year_so_far() {
    let e = || Cell::Empty;
    // A 较大 accident in March and one in September, target 1: the year exceeds it.
    let v = vetoes_for(
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
    let v = vetoes_for(
        vec![acc(d(2026, 3, 2), "重大", 0, e(), e())],
        vec![],
        "",
        "2026H2",
        "2026-12-15",
    );
    assert_eq!(ids(&unit(&v, "信息工程系")["veto_risks"]), ["V1"]);
}

#[test]
fn bad_or_missing_data_removes_rows_only_where_read() {
    let l = set_sheet(
        set_sheet(
            year_ledger("信息工程系"),
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
fn unreadable_file_named_after_a_unit() {
    let dir = tmp();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("信息系2026台账.xlsx"), b"not a workbook").unwrap();
    let cfg = dir.path().join("tongbao.toml");
    std::fs::write(&cfg, BASE).unwrap();
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
fn rebuilding_h1_in_december_gives_the_july_result() {
    let mut l = ledger("信息工程系", 2026, d(2026, 12, 10));
    l.rows("隐患排查")
        .retain(|r| r[0] != Cell::Date(d(2026, 5, 10)));
    let l = l.push(
        "安全工作会议",
        row![d(2026, 7, 5), "期末会议", "是", "是", "张某某", 20, "纪要2"],
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
    let files = [("a.xlsx", &l), ("r.xlsx", &r)];
    let july = build(&files, "", "2026H1", "2026-07-15");
    let dec = build(&files, "", "2026H1", "2026-12-20");
    for u in ["信息工程系", "机电工程系", "学生处"] {
        for id in [
            "R1", "R2", "R3", "R4", "R5", "R8", "R9", "R10", "R11", "R12", "R13", "R15",
        ] {
            assert_eq!(
                rule(&july, u, id)["items"],
                rule(&dec, u, id)["items"],
                "{u} {id}"
            );
            assert_eq!(st(&july, u, id), st(&dec, u, id), "{u} {id}");
        }
        assert_eq!(unit(&july, u)["score"], unit(&dec, u)["score"], "{u}");
    }
    assert_eq!(
        rule(&july, "信息工程系", "R4")["missing_months"],
        serde_json::json!(["2026-05"])
    );
    assert_eq!(
        leader(&july, "王某某")["rules"]["R6"],
        leader(&dec, "王某某")["rules"]["R6"]
    );
    assert_eq!(st(&dec, "信息工程系", "R10"), "met");
    assert_eq!(st(&dec, "机电工程系", "R10"), "na");
}

#[test]
fn submissions_after_as_of_count_as_not_made() {
    let e = || Cell::Empty;
    let l = set_sheet(
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
    );
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
