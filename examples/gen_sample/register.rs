//! The central register (保卫处台账) of 2026, under an odd file name: punishments, listed
//! hazards, accident determinations, leader visits and reports, score adjustments.

use super::OutFile;
use super::content::{d, date, n, t, yes};
use tongbao::config::Config;
use tongbao::schema::{
    ADJUSTMENTS, DETERMINATIONS, LEADER_REPORTS, LISTED, PUNISHMENTS, REGISTER, REGISTER_TYPE,
    VISITS,
};
use tongbao::template::{Fill, Row, Table, Value, fill_workbook};

pub const FILE: &str = "保卫处2026汇总（最终版）.xlsx";
/// The register as sent in July (first half year), superseded by [`FILE`].
pub const JULY_FILE: &str = "保卫处2026汇总（7月）.xlsx";

/// The July register (dated 2026-07-10, first-half rows only) and the January one.
pub fn register(cfg: &Config) -> anyhow::Result<Vec<OutFile>> {
    let year = vec![
        Table::new(PUNISHMENTS, punishments()),
        Table::new(LISTED, listed()),
        Table::new(DETERMINATIONS, determinations()),
        Table::new(VISITS, visits(cfg)),
        Table::new(LEADER_REPORTS, leader_reports(cfg)),
        Table::new(ADJUSTMENTS, adjustments()),
    ];
    let sent = date(2026, 7, 10);
    let h1 = date(2026, 6, 30);
    // A row of the first half year: its event date is on or before 06-30.
    let first_half = |rows: Vec<Row>, key: &str| -> Vec<Row> {
        rows.into_iter()
            .filter(|r| {
                !r.iter()
                    .any(|(k, v)| *k == key && matches!(v, Value::Date(x) if *x > h1))
            })
            .map(|mut r| {
                // Dates after 07-10 (a report handed in later) are not known yet.
                r.retain(|(_, v)| !matches!(v, Value::Date(x) if *x > sent));
                r
            })
            .collect()
    };
    let july = vec![
        Table::new(PUNISHMENTS, first_half(punishments(), "实施日期")),
        Table::new(LISTED, first_half(listed(), "挂牌日期")),
        Table::new(DETERMINATIONS, first_half(determinations(), "发生日期")),
        Table::new(VISITS, first_half(visits(cfg), "日期")),
        // 述职 and 考评加减分 are year-end matters: empty in July.
        Table::new(LEADER_REPORTS, Vec::new()),
        Table::new(ADJUSTMENTS, Vec::new()),
    ];
    let file = |name: &str, sent: Value, tables: Vec<Table>| -> anyhow::Result<OutFile> {
        let fill = Fill {
            cover: vec![
                ("台账类型", t(REGISTER_TYPE)),
                ("年度", n(2026)),
                ("填报人", t("林晓峰")),
                ("报送日期", sent),
            ],
            tables,
        };
        Ok(OutFile {
            name: name.into(),
            bytes: fill_workbook(REGISTER, cfg, &fill)?,
        })
    };
    Ok(vec![
        file(JULY_FILE, Value::Date(sent), july)?,
        file(FILE, d(2027, 1, 11), year)?,
    ])
}

fn punishment(unit: &str, measure: &str, on: Value, why: &str, report: Option<Value>) -> Row {
    let mut row = vec![
        ("单位名称", t(unit)),
        ("措施类型", t(measure)),
        ("实施日期", on),
        ("事由", t(why)),
    ];
    if let Some(r) = report {
        row.push(("书面整改报告提交日期", r));
    }
    row
}

fn punishments() -> Vec<Row> {
    vec![
        punishment(
            "建筑工程系",
            "下发整改通知书",
            d(2026, 3, 16),
            "实训楼消防通道堆放建筑材料",
            Some(d(2026, 4, 20)),
        ),
        punishment(
            "艺术设计系",
            "约谈",
            d(2026, 5, 8),
            "4月未开展安全隐患排查",
            Some(d(2026, 6, 4)),
        ),
        punishment(
            "旅游系",
            "通报批评",
            d(2026, 5, 25),
            "研学活动发生学生受伤事故，未按规定提交书面检查报告",
            None,
        ),
        punishment(
            "外语系",
            "约谈",
            d(2026, 6, 29),
            "学生宿舍消防检查发现违规使用大功率电器",
            Some(d(2026, 7, 20)),
        ),
    ]
}

#[allow(clippy::too_many_arguments)]
fn hazard(
    id: &str,
    name: &str,
    unit: &str,
    level: &str,
    listed: Value,
    deadline: Value,
    closed: Option<Value>,
    state: &str,
) -> Row {
    let mut row = vec![
        ("编号", t(id)),
        ("隐患名称", t(name)),
        ("责任单位", t(unit)),
        ("督办级别", t(level)),
        ("挂牌日期", listed),
        ("整改时限", deadline),
        ("状态", t(state)),
    ];
    if let Some(c) = closed {
        row.push(("销号日期", c));
    }
    row
}

fn listed() -> Vec<Row> {
    let gate = "校园东门周边道路交通安全隐患（人车混行）";
    vec![
        hazard(
            "GP-2026-01",
            "学生食堂燃气管道老化",
            "后勤管理处",
            "学校",
            d(2026, 3, 10),
            d(2026, 5, 31),
            Some(d(2026, 5, 20)),
            "已销号",
        ),
        hazard(
            "GP-2026-02",
            "信息中心机房UPS电池间温控失效",
            "信息工程系",
            "学校",
            d(2026, 4, 15),
            d(2026, 6, 30),
            None,
            "整改中",
        ),
        hazard(
            "GP-2026-03",
            "学生宿舍楼违规搭建储物间占用疏散通道",
            "学生工作处",
            "学校",
            d(2026, 5, 6),
            d(2026, 6, 15),
            None,
            "拒不整改",
        ),
        hazard(
            "GP-2026-04",
            gate,
            "保卫处",
            "学校",
            d(2026, 10, 12),
            d(2027, 3, 31),
            None,
            "整改中",
        ),
        hazard(
            "GP-2026-04",
            gate,
            "后勤管理处",
            "学校",
            d(2026, 10, 12),
            d(2027, 3, 31),
            None,
            "整改中",
        ),
    ]
}

fn determination(unit: &str, on: Value, grade: &str, flags: [bool; 3], note: &str) -> Row {
    vec![
        ("单位名称", t(unit)),
        ("发生日期", on),
        ("等级认定", t(grade)),
        ("负有责任", yes(flags[0])),
        ("谎报瞒报", yes(flags[1])),
        ("不良影响", yes(flags[2])),
        ("说明", t(note)),
    ]
}

fn determinations() -> Vec<Row> {
    vec![
        determination(
            "后勤管理处",
            d(2026, 5, 12),
            "一般",
            [true, false, false],
            "食堂安全操作规程落实不到位",
        ),
        determination(
            "机电工程系",
            d(2026, 6, 9),
            "较大",
            [true, false, true],
            "直接经济损失1200万元，按国务院令第493号应认定为较大事故；实训用电管理不到位",
        ),
        determination(
            "学生工作处",
            d(2026, 11, 20),
            "一般",
            [true, true, false],
            "学生宿舍阳台晾晒坠物砸伤路过学生1人，单位未上报，经群众反映核实",
        ),
    ]
}

/// (leader, month, day, visited unit); the title comes from the roster.
const VISIT_PLAN: &[(&str, u32, u32, &str)] = &[
    ("陈建国", 3, 18, "学生工作处"),
    ("吴海峰", 3, 25, "机电工程系"),
    ("林志远", 4, 22, "后勤管理处"),
    ("吴海峰", 4, 29, "建筑工程系"),
    ("陈建国", 5, 27, "旅游系"),
    ("郑晓明", 5, 13, "信息工程系"),
    ("郑晓明", 6, 10, "图书馆"),
    ("吴海峰", 6, 16, "艺术设计系"),
    ("吴海峰", 9, 9, "后勤管理处"),
    ("陈建国", 9, 22, "机电工程系"),
    ("林志远", 10, 20, "教务处"),
    ("黄丽华", 11, 12, "学生工作处"),
    ("吴海峰", 12, 8, "保卫处"),
];

fn visits(cfg: &Config) -> Vec<Row> {
    let mut plan = VISIT_PLAN.to_vec();
    plan.sort_by_key(|v| (v.1, v.2));
    plan.iter()
        .map(|(who, m, day, unit)| {
            vec![
                ("领导姓名", t(who)),
                ("日期", d(2026, *m, *day)),
                ("调研单位", t(unit)),
                ("职务", t(&title_of(cfg, who))),
                (
                    "内容",
                    t("深入基层开展安全工作调研督查，检查隐患排查整改落实情况"),
                ),
            ]
        })
        .collect()
}

fn title_of(cfg: &Config, who: &str) -> String {
    cfg.leaders
        .iter()
        .find(|l| l.name == who)
        .and_then(|l| l.title.clone())
        .unwrap_or_default()
}

/// 郑晓明 has no row (→ R7 未达标); 黄丽华 answered 否.
fn leader_reports(cfg: &Config) -> Vec<Row> {
    [
        ("陈建国", true),
        ("林志远", true),
        ("黄丽华", false),
        ("吴海峰", true),
    ]
    .iter()
    .map(|(who, safety)| {
        vec![
            ("领导姓名", t(who)),
            ("述职报告含安全工作", yes(*safety)),
            ("职务", t(&title_of(cfg, who))),
        ]
    })
    .collect()
}

fn adjustments() -> Vec<Row> {
    let adj = |unit: &str, points: f64, why: &str| -> Row {
        vec![
            ("单位名称", t(unit)),
            ("分值", Value::Number(points)),
            ("事由", t(why)),
            ("批准人", t("吴海峰")),
        ]
    };
    vec![
        adj("保卫处", 5.0, "获评厦门市平安校园建设先进集体"),
        adj(
            "党政办公室",
            -2.0,
            "未按要求组织人员参加全校消防应急疏散演练",
        ),
        adj("经济管理系", 1.0, "组织全校学生安全知识竞赛成效突出"),
    ]
}
