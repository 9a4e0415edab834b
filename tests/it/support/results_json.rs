//! Helpers for the black-box tests that run the binary (`rules::audit`, `rules::asof`, …): the
//! roster config, a `build` that runs the binary and returns results.json, accessors, and
//! ledger/register builders on `books`.
#![allow(dead_code)]

use super::books::*;
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

pub use super::roster::ROSTER;

/// Write the books and the config (ROSTER + `extra`), build, return results.json.
pub fn build(books: &[(&str, &Book)], extra: &str, period: &str, as_of: &str) -> Value {
    let dir = tmp();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for (name, b) in books {
        b.save(&inbox, name);
    }
    let cfg = dir.path().join("tongbao.toml");
    std::fs::write(&cfg, format!("{ROSTER}\n{extra}")).unwrap();
    run(dir.path(), &inbox, &cfg, period, as_of)
}

pub fn run(dir: &Path, inbox: &Path, cfg: &Path, period: &str, as_of: &str) -> Value {
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

pub fn unit<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("unit {name}"))
}

pub fn rule<'a>(v: &'a Value, name: &str, id: &str) -> &'a Value {
    &unit(v, name)["rules"][id]
}

pub fn st<'a>(v: &'a Value, name: &str, id: &str) -> &'a str {
    rule(v, name, id)["status"].as_str().unwrap_or("<none>")
}

pub fn items<'a>(v: &'a Value, name: &str, id: &str) -> &'a Vec<Value> {
    rule(v, name, id)["items"].as_array().unwrap()
}

pub fn leader<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["leaders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap()
}

/// Findings with this code (optionally for this unit).
pub fn findings<'a>(v: &'a Value, code: &str, unit: Option<&str>) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code && unit.is_none_or(|u| f["unit"] == u))
        .collect()
}

pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

/// The full year's ledger of a clean unit: `ledger()` plus an autumn meeting, submitted
/// 2027-01-05.
pub fn year_ledger(name: &str) -> Book {
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

/// Dated early in the year so that it counts at every as-of of the year (versions dated after
/// as-of do not count, outputs.md "Settled" 1; the register's own 报送日期 is never judged).
pub fn reg() -> Book {
    register(2026, d(2026, 1, 2))
}

pub fn set_sheet(b: Book, sheet: &str, header: &[&str], rows: Vec<Vec<Cell>>) -> Book {
    let mut all = vec![header.iter().map(|h| Cell::from(*h)).collect::<Vec<_>>()];
    all.extend(rows);
    b.sheet(sheet, all)
}

pub const PUN: &[&str] = &["单位名称", "措施类型", "实施日期", "书面整改报告提交日期"];

pub const LISTED: &[&str] = &[
    "编号",
    "隐患名称",
    "责任单位",
    "督办级别",
    "挂牌日期",
    "整改时限",
    "销号日期",
    "状态",
];

pub const DET: &[&str] = &[
    "单位名称",
    "发生日期",
    "等级认定",
    "负有责任",
    "谎报瞒报",
    "不良影响",
];

pub const ACC: &[&str] = &[
    "发生日期",
    "事故概况",
    "事故等级",
    "死亡人数",
    "受伤人数",
    "重伤人数",
    "直接经济损失（万元）",
    "书面检查报告日期",
];

pub const MEET: &[&str] = &["会议日期", "会议主题", "主要负责人参加", "研究防范措施"];

/// The year ledger with these accident rows (columns of `ACC`).
pub fn with_accidents(name: &str, rows: Vec<Vec<Cell>>) -> Book {
    set_sheet(year_ledger(name), "安全事故", ACC, rows)
}

pub fn acc(date: NaiveDate, grade: &str, deaths: i32, serious: Cell, loss: Cell) -> Vec<Cell> {
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

/// The year ledger with April's inspection removed, Q2 late (07-15) and Q3 missing.
pub fn scored_ledger() -> Book {
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

pub fn vetoes_for(
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

/// `b` as its unit sent it on `on`: the cover 报送日期 becomes `on` and every event or report row
/// dated after `on` (its first date) is dropped, since a file sent that day cannot hold it (the
/// plan sheet's only date is a deadline and is kept). Ledger versions dated after as-of do not
/// count (outputs.md "Settled" 1), so a build as of a day before `year_ledger`'s 2027-01-05 needs
/// a version sent by then.
pub fn sent_on(b: Book, on: NaiveDate) -> Book {
    let mut b = dated(b, on);
    for s in &mut b.sheets {
        if s.name != tongbao::schema::COVER && s.name != tongbao::schema::PLAN {
            s.rows.retain(|r| {
                let first = r.iter().find_map(|c| match c {
                    Cell::Date(x) => Some(*x),
                    _ => None,
                });
                first.is_none_or(|x| x <= on)
            });
        }
    }
    b
}

/// `b` with its cover 报送日期 set to `submitted` (ledger or register). Versions dated after
/// as-of do not count (outputs.md "Settled" 1): tests date each file on or before the as-of of
/// the build that should count it.
pub fn dated(b: Book, submitted: NaiveDate) -> Book {
    set_submitted(b, Cell::from(submitted))
}

/// `b` with a blank cover 报送日期 (a `missing_value` error): eligible at every as-of, so the
/// same workbook counts at each as-of of a test that judges its rows' dates against as-of.
pub fn undated(b: Book) -> Book {
    set_submitted(b, Cell::Empty)
}

fn set_submitted(mut b: Book, c: Cell) -> Book {
    for r in b.rows(tongbao::schema::COVER).iter_mut() {
        if r.first() == Some(&Cell::from("报送日期")) {
            r[1] = c.clone();
        }
    }
    b
}

/// The H1 deadline (default `submission_due_h1`): a half-year ledger sent on time.
pub fn h1_sent() -> NaiveDate {
    d(2026, 7, 5)
}

/// `vetoes_for` with the ledger sent on `on` (for builds as of a day before 2027-01-05).
pub fn vetoes_sent_on(
    on: NaiveDate,
    rows: Vec<Vec<Cell>>,
    dets: Vec<Vec<Cell>>,
    extra: &str,
    period: &str,
    as_of: &str,
) -> Value {
    let l = sent_on(with_accidents("信息工程系", rows), on);
    let r = set_sheet(reg(), "事故认定", DET, dets);
    build(&[("a.xlsx", &l), ("r.xlsx", &r)], extra, period, as_of)
}
