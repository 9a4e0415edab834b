//! Building blocks: dates, yes/no, and the ordinary (compliant) year of a unit's ledger.

use chrono::{Datelike, NaiveDate, Weekday};
use tongbao::config::UnitCfg;
use tongbao::schema::{ACCIDENTS, HAZARDS, INSPECTIONS, MEETINGS, PLAN, QUARTERLY};
use tongbao::template::{Fill, Row, Table, Value};

pub fn d(y: i32, m: u32, day: u32) -> Value {
    Value::Date(date(y, m, day))
}

pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date {y}-{m}-{day}"))
}

pub fn t(s: &str) -> Value {
    Value::from(s)
}

pub fn yes(b: bool) -> Value {
    t(if b { "是" } else { "否" })
}

pub fn n(x: u32) -> Value {
    Value::from(x)
}

/// The first Monday–Friday on or after the date.
fn weekday(mut day: NaiveDate) -> NaiveDate {
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day = day.succ_opt().unwrap_or(day);
    }
    day
}

/// A unit's ledger, before it becomes a workbook.
pub struct Ledger {
    pub file: String,
    pub fill: Fill,
}

impl Ledger {
    pub fn table(&mut self, sheet: &'static str) -> &mut Table {
        let pos = self.fill.tables.iter().position(|t| t.sheet == sheet);
        match pos {
            Some(i) => &mut self.fill.tables[i],
            None => {
                self.fill.tables.push(Table::new(sheet, Vec::new()));
                self.fill
                    .tables
                    .last_mut()
                    .unwrap_or_else(|| unreachable!())
            }
        }
    }
    pub fn rows(&mut self, sheet: &'static str) -> &mut Vec<Row> {
        &mut self.table(sheet).rows
    }
    pub fn cover(&mut self, key: &'static str, v: Value) {
        self.fill.cover.retain(|(k, _)| *k != key);
        self.fill.cover.push((key, v));
    }
}

const SURNAMES: &[&str] = &[
    "林", "陈", "黄", "吴", "王", "李", "郑", "蔡", "许", "何", "沈", "卢",
];
const GIVEN: &[&str] = &[
    "晓燕", "建华", "志坚", "丽萍", "文斌", "海燕", "国强", "淑珍", "俊杰",
];

pub fn person(i: usize, k: usize) -> String {
    format!(
        "{}{}",
        SURNAMES[(i * 5 + k * 7) % SURNAMES.len()],
        GIVEN[(i * 3 + k * 4) % GIVEN.len()]
    )
}

fn scopes(u: &UnitCfg) -> [&'static str; 4] {
    if u.kind.label() == "系部" {
        [
            "实验实训室用电及危化品存放",
            "教学楼消防设施和疏散通道",
            "学生宿舍用电安全（配合学工处）",
            "实训设备安全防护装置",
        ]
    } else {
        [
            "办公场所用电及消防设施",
            "档案室、机房防火防盗",
            "公务用车及停车场安全",
            "办公楼疏散通道和应急照明",
        ]
    }
}

/// The ordinary year: a plan, one meeting each semester, one inspection each month, two hazards
/// fixed on time, four quarterly reports on time, no accident. `i` varies the days per unit.
pub fn ordinary(u: &UnitCfg, i: usize) -> Ledger {
    let principal = u.principal.clone().unwrap_or_default();
    let mut l = Ledger {
        file: format!("{}2026年安全工作台账.xlsx", u.name),
        fill: Fill::default(),
    };
    l.cover("单位名称", t(&u.name));
    l.cover("年度", n(2026));
    l.cover("主要负责人", t(&principal));
    l.cover("报送日期", d(2027, 1, 8));
    l.cover("单位类型", t(u.kind.label()));
    l.cover("分管安全负责人", t(&person(i, 1)));
    l.cover("填报人", t(&person(i, 2)));
    l.cover("联系电话", t(&format!("0592-62{:05}", 11_000 + i * 37)));
    l.cover("计划抄送保卫处日期", d(2026, 3, 9 + (i % 10) as u32));
    l.cover("年度总结报告安全履职", yes(true));
    l.cover("绩效述职述安", yes(true));
    *l.rows(PLAN) = plan(&principal, &person(i, 1));
    *l.rows(MEETINGS) = meetings(&principal, i);
    *l.rows(INSPECTIONS) = (1..=12).map(|m| inspection(u, i, m)).collect();
    *l.rows(HAZARDS) = hazards(u, i);
    *l.rows(QUARTERLY) = quarterly(i);
    l.rows(ACCIDENTS);
    l
}

fn plan(principal: &str, deputy: &str) -> Vec<Row> {
    let tasks = [
        (
            "制定本单位年度安全工作计划，分解任务到岗到人",
            principal,
            (3, 20),
        ),
        ("每月开展一次安全隐患排查并建立整改台账", deputy, (12, 31)),
        ("组织师生安全教育和应急疏散演练", deputy, (11, 30)),
        ("每季度向保卫处报送安全工作报告", deputy, (12, 31)),
    ];
    tasks
        .iter()
        .enumerate()
        .map(|(k, (task, who, (m, day)))| {
            vec![
                ("序号", n(k as u32 + 1)),
                ("工作任务", t(task)),
                ("责任人", t(who)),
                ("完成时限", d(2026, *m, *day)),
            ]
        })
        .collect()
}

pub fn meeting(day: NaiveDate, topic: &str, principal: bool, study: bool, host: &str) -> Row {
    vec![
        ("会议日期", Value::Date(day)),
        ("会议主题", t(topic)),
        ("主要负责人参加", yes(principal)),
        ("研究防范措施", yes(study)),
        ("主持人", t(host)),
        ("参会人数", n(18)),
        ("会议纪要", t("已存档")),
    ]
}

fn meetings(principal: &str, i: usize) -> Vec<Row> {
    vec![
        meeting(
            weekday(date(2026, 3, 4 + (i % 8) as u32)),
            "2026年春季学期安全工作会议：部署开学安全检查，研究实训安全防范措施",
            true,
            true,
            principal,
        ),
        meeting(
            weekday(date(2026, 9, 7 + (i % 8) as u32)),
            "秋季学期开学安全工作会议：新生入学安全教育和消防安全防范措施",
            true,
            true,
            principal,
        ),
    ]
}

/// The inspection day of month `m` for unit `i` (a weekday clear of the 2026 holidays).
pub fn inspection_day(i: usize, m: u32) -> NaiveDate {
    let base = if m == 2 { 3 } else { 8 };
    weekday(date(2026, m, base + (i % 8) as u32))
}

pub fn inspection(u: &UnitCfg, i: usize, m: u32) -> Row {
    let s = scopes(u);
    let found = u32::from((i + m as usize).is_multiple_of(4));
    vec![
        ("排查日期", Value::Date(inspection_day(i, m))),
        ("排查范围", t(s[(i + m as usize) % s.len()])),
        (
            "参加人员",
            t(&format!("{}、{}", person(i, 1), person(i, 2))),
        ),
        ("发现隐患数", n(found)),
        ("已整改数", n(found)),
    ]
}

pub fn hazard(
    found: NaiveDate,
    what: &str,
    deadline: NaiveDate,
    done: NaiveDate,
    who: &str,
) -> Row {
    vec![
        ("发现日期", Value::Date(found)),
        ("隐患描述", t(what)),
        ("隐患等级", t("一般")),
        ("整改期限", Value::Date(deadline)),
        ("整改措施", t("立即整改并复查")),
        ("整改完成日期", Value::Date(done)),
        ("责任人", t(who)),
    ]
}

fn hazards(u: &UnitCfg, i: usize) -> Vec<Row> {
    let who = person(i, 1);
    let f1 = inspection_day(i, 3);
    let f2 = inspection_day(i, 10);
    let days = chrono::Days::new;
    let what = if u.kind.label() == "系部" {
        ["实训室插线板串接使用", "教学楼三楼灭火器压力不足"]
    } else {
        ["办公室电暖器无人时未断电", "档案室应急照明灯损坏"]
    };
    vec![
        hazard(f1, what[0], f1 + days(14), f1 + days(5), &who),
        hazard(f2, what[1], f2 + days(14), f2 + days(6), &who),
    ]
}

pub fn quarter_row(q: &str, day: NaiveDate, accidents: u32) -> Row {
    vec![
        ("季度", t(q)),
        ("报送日期", Value::Date(day)),
        ("报告标题", t(&format!("2026年{q}安全工作情况报告"))),
        ("事故起数", n(accidents)),
    ]
}

fn quarterly(i: usize) -> Vec<Row> {
    let q1 = [(4, 1), (4, 2), (4, 3), (4, 7), (4, 8), (4, 9)][i % 6];
    let q2 = [(7, 1), (7, 2), (7, 3), (7, 1), (7, 2), (7, 3)][i % 6];
    let q3 = [(9, 29), (9, 30), (10, 8), (10, 9)][i % 4];
    let q4 = [4, 5, 6, 7][i % 4];
    vec![
        quarter_row("第一季度", date(2026, q1.0, q1.1), 0),
        quarter_row("第二季度", date(2026, q2.0, q2.1), 0),
        quarter_row("第三季度", date(2026, q3.0, q3.1), 0),
        quarter_row("第四季度", date(2027, 1, q4), 0),
    ]
}
