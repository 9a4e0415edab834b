//! What the benchmarks share: the generated college's config (`units` units, six leaders, two
//! semesters) and its central register.

use chrono::NaiveDate;
use tongbao::config::Config;
use tongbao::schema;
use tongbao::template::{Fill, Row, Table, Value, fill_workbook};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

pub fn config_text(units: usize) -> String {
    let mut s = String::from(
        "[school]\nname = \"基准学院\"\nissuer = \"基准学院\"\ndoc_prefix = \"基院综\"\n\n",
    );
    for i in 0..units {
        let kind = if i % 2 == 0 { "部门" } else { "系部" };
        s.push_str(&format!(
            "[[units]]\nname = \"单位{i:03}\"\nkind = \"{kind}\"\naliases = [\"别名{i:03}\"]\n\n"
        ));
    }
    for i in 0..6 {
        s.push_str(&format!(
            "[[leaders]]\nname = \"领导{i}\"\ntitle = \"副校长\"\n\n"
        ));
    }
    s.push_str(
        "[[semesters]]\nname = \"2025-2026学年第二学期\"\nstart = 2026-02-23\nend = 2026-07-10\n\n\
         [[semesters]]\nname = \"2026-2027学年第一学期\"\nstart = 2026-09-01\nend = 2027-01-20\n",
    );
    s
}

pub fn table(sheet: &'static str, rows: Vec<Row>) -> Table {
    Table {
        sheet,
        rows,
        ..Table::default()
    }
}

pub fn register(cfg: &Config, units: usize) -> anyhow::Result<Vec<u8>> {
    let t = |s: &str| Value::Text(s.to_string());
    let punish = (0..units)
        .step_by(5)
        .map(|i| {
            vec![
                ("单位名称", t(&format!("单位{i:03}"))),
                ("措施类型", t("约谈")),
                ("实施日期", Value::Date(d(2026, 4, 28))),
                ("书面整改报告提交日期", Value::Date(d(2026, 5, 27))),
            ]
        })
        .collect();
    let listed = (0..units)
        .step_by(7)
        .map(|i| {
            vec![
                ("编号", t(&format!("GP-{i}"))),
                ("隐患名称", t("燃气管道老化")),
                ("责任单位", t(&format!("单位{i:03}"))),
                ("督办级别", t("学校")),
                ("挂牌日期", Value::Date(d(2026, 3, 1))),
                ("整改时限", Value::Date(d(2026, 6, 30))),
                ("销号日期", Value::Date(d(2026, 6, 1))),
                ("状态", t("已销号")),
            ]
        })
        .collect();
    let visits = (0..6)
        .flat_map(|l| {
            [3u32, 10].map(|m| {
                vec![
                    ("领导姓名", t(&format!("领导{l}"))),
                    ("日期", Value::Date(d(2026, m, 12))),
                    ("调研单位", t("单位000")),
                ]
            })
        })
        .collect();
    let fill = Fill {
        cover: vec![
            ("台账类型", t("保卫处台账")),
            ("年度", Value::Number(2026.0)),
            ("报送日期", Value::Date(d(2027, 1, 9))),
        ],
        tables: vec![
            table(schema::PUNISHMENTS, punish),
            table(schema::LISTED, listed),
            table(schema::DETERMINATIONS, Vec::new()),
            table(schema::VISITS, visits),
            table(
                schema::LEADER_REPORTS,
                (0..6)
                    .map(|l| {
                        vec![
                            ("领导姓名", t(&format!("领导{l}"))),
                            ("述职报告含安全工作", t("是")),
                        ]
                    })
                    .collect(),
            ),
            table(schema::ADJUSTMENTS, Vec::new()),
        ],
    };
    fill_workbook(schema::REGISTER, cfg, &fill)
}

/// A unit ledger's cover: `unit`, 2026, submitted 2027-01-08.
pub fn ledger_cover(unit: &str) -> Vec<(&'static str, Value)> {
    let t = |s: &str| Value::Text(s.to_string());
    vec![
        ("单位名称", t(unit)),
        ("年度", Value::Number(2026.0)),
        ("主要负责人", t("李四")),
        ("报送日期", Value::Date(d(2027, 1, 8))),
        ("计划抄送保卫处日期", Value::Date(d(2026, 3, 20))),
        ("年度总结报告安全履职", t("是")),
        ("绩效述职述安", t("是")),
    ]
}

/// The four 季度报告 rows of 2026, each on time.
pub fn quarterly_rows() -> Vec<Row> {
    [
        (1, d(2026, 4, 8)),
        (2, d(2026, 7, 6)),
        (3, d(2026, 10, 9)),
        (4, d(2027, 1, 6)),
    ]
    .iter()
    .map(|&(q, day)| {
        vec![
            ("季度", Value::Number(f64::from(q))),
            ("报送日期", Value::Date(day)),
            ("事故起数", Value::Number(0.0)),
        ]
    })
    .collect()
}
