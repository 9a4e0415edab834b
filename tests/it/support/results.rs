//! Hand-built `Results` for the report tests: several units with met / not-met / pending rules
//! and items, a vetoed unit, veto risks, accidents, punishments, listed hazards, findings,
//! leaders — and hostile text (`<script>`, `=HYPERLINK(…)`, `../../etc/x`).
#![allow(dead_code)]

use chrono::NaiveDate;
use std::collections::BTreeMap;
use tongbao::config::{Config, from_toml_str};
use tongbao::eval::*;
use tongbao::findings::{Code, Finding};
use tongbao::model::{AccidentGrade, InputFile, Measure, Role, SupervisionLevel};
use tongbao::rules::RuleId;

pub const SCRIPT: &str = "<script>alert(1)</script>";
pub const FORMULA: &str = "=HYPERLINK(\"http://x\",\"y\")";

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn cfg() -> Config {
    let toml = r#"
[school]
name = "厦门城市职业学院"
doc_prefix = "厦城院综"
[bulletin]
cc = ["学校党委", "纪委办公室"]
printed_by = "厦门城市职业学院保卫处"
"#;
    from_toml_str(toml, std::path::Path::new(".")).unwrap()
}

fn item(status: Status, detail: &str, fields: ItemFields) -> Item {
    Item {
        status,
        detail: detail.into(),
        fields,
    }
}

fn rule(status: Status, clause: &str, title: &str, detail: &str, items: Vec<Item>) -> RuleResult {
    RuleResult {
        status,
        detail: detail.into(),
        clause: clause.into(),
        title: title.into(),
        items,
        facts: None,
    }
}

/// Every unit rule, met, with no items.
fn all_met() -> RuleMap {
    let spec = [
        ("R1", "一.1", "年度安全工作计划"),
        ("R2", "二.1", "每学期安全工作会议"),
        ("R3", "二.1", "主要负责人研究防范措施"),
        ("R4", "二.1", "每月隐患排查"),
        ("R5", "五.1", "季度报告"),
        ("R8", "四.2", "述职述安"),
        ("R9", "五.2", "事故多发"),
        ("R10", "五.3", "惩戒整改报告"),
        ("R11", "五.4", "书面检查报告"),
        ("R12", "六.1", "挂牌督办整改"),
        ("R13", "二.1、六.1", "隐患及时整改"),
        ("R15", "一.1、五.1", "台账报送"),
    ];
    spec.iter()
        .map(|(id, c, t)| {
            let st = match *id {
                "R8" => Status::Na,
                "R10" | "R12" | "R13" | "R11" => Status::Na,
                _ => Status::Met,
            };
            let id = RuleId::parse(id).unwrap();
            (id, rule(st, c, t, "", vec![]))
        })
        .collect()
}

fn months(missing: &[u32], pending: u32) -> Vec<Item> {
    (1..=6)
        .map(|m| {
            let month = |inspections| {
                ItemFields::Month(MonthItem {
                    month: format!("2026-{m:02}"),
                    inspections,
                })
            };
            if missing.contains(&m) {
                item(
                    Status::NotMet,
                    &format!("2026年{m}月无排查记录"),
                    month(Some(0)),
                )
            } else if m == pending {
                item(Status::Pending, "本月尚未结束", month(Some(0)))
            } else {
                item(Status::Met, "", month(Some(1)))
            }
        })
        .collect()
}

fn unit(name: &str, kind: &str, order: usize) -> UnitResult {
    UnitResult {
        name: name.into(),
        kind: kind.into(),
        order,
        principal: Some("张三".into()),
        submitted: true,
        file: Some(format!("{name}2026台账.xlsx")),
        submitted_on: Some(d(2026, 7, 3)),
        late_submission: false,
        feedback: format!("feedback/{name}.html"),
        score: Some(100.0),
        provisional: true,
        grade: Grade::Excellent,
        rank: order + 1,
        commended: false,
        performing_well: false,
        rules: all_met(),
        points: BTreeMap::new(),
        adjustments: vec![],
        suggestions: vec![],
        accidents: vec![],
        vetoes: vec![],
        veto_risks: vec![],
        not_met: vec![],
    }
}

fn accident(
    date: NaiveDate,
    summary: &str,
    grade: AccidentGrade,
    implied: AccidentGrade,
    deaths: u32,
) -> AccidentRecord {
    AccidentRecord {
        date: Some(date),
        summary: Some(summary.into()),
        reported_grade: Some(grade),
        determined_grade: None,
        implied_grade: Some(implied),
        grade: Some(grade),
        deaths: Some(deaths),
        injuries: Some(2),
        serious_injuries: Some(0),
        loss: Some(12.5),
        report_date: None,
        responsible: Some(true),
        concealed: None,
        bad_influence: None,
        in_activity: Some(false),
        source: AccidentSource::Ledger,
        accountability: true,
    }
}

fn units() -> Vec<UnitResult> {
    let mut a = unit("信息工程系", "系部", 0);
    if let Some(r) = a.rules.get_mut("R4") {
        r.status = Status::NotMet;
        r.detail = "缺2026年4月、5月".into();
        r.items = months(&[4, 5], 0);
        r.facts = Some(RuleFacts::Months {
            missing_months: vec!["2026-04".into(), "2026-05".into()],
        });
    }
    a.rules.insert(
        RuleId::R10,
        rule(
            Status::Met,
            "五.3",
            "惩戒整改报告",
            "",
            vec![item(
                Status::Met,
                "约谈（2026-04-28）：按时提交",
                ItemFields::Punishment(PunishmentItem {
                    measure: Some(Measure::Interview),
                    imposed: Some(d(2026, 4, 28)),
                    due: d(2026, 5, 28),
                    submitted: Some(d(2026, 5, 27)),
                }),
            )],
        ),
    );
    let quarter = |quarter, due, submitted, late_days| {
        ItemFields::Quarter(QuarterItem {
            quarter,
            due,
            submitted: Some(submitted),
            late_days,
        })
    };
    a.rules.insert(
        RuleId::R5,
        rule(
            Status::NotMet,
            "五.1",
            "季度报告",
            "第1季度逾期3天",
            vec![
                item(
                    Status::NotMet,
                    "逾期3天",
                    quarter(1, d(2026, 4, 10), d(2026, 4, 13), 3),
                ),
                item(
                    Status::Met,
                    "按时",
                    quarter(2, d(2026, 7, 10), d(2026, 7, 2), 0),
                ),
            ],
        ),
    );
    a.not_met = vec![RuleId::R4, RuleId::R5];
    a.score = Some(87.5);
    a.grade = Grade::Good;
    a.suggestions = vec!["建议约谈（五.3）".into()];

    let mut b = unit("经济管理系", "系部", 1);
    b.performing_well = true;
    if let Some(r) = b.rules.get_mut("R4") {
        r.items = months(&[], 0);
    }

    let mut c = unit(SCRIPT, "部门", 2);
    c.submitted = false;
    c.file = None;
    c.submitted_on = None;
    c.score = Some(0.0);
    c.grade = Grade::Fail;
    for id in ["R1", "R2", "R3", "R4", "R5", "R15"] {
        if let Some(r) = c.rules.get_mut(id) {
            r.status = Status::NotMet;
            r.detail = "未报送台账".into();
        }
    }
    c.not_met = ["R1", "R2", "R3", "R4", "R5", "R15"]
        .into_iter()
        .filter_map(RuleId::parse)
        .collect();
    c.feedback = "feedback/_script_alert(1)__script_.html".into();

    let mut e = unit("../../etc/x", "部门", 3);
    e.feedback = "feedback/../../etc/x.html".into(); // hostile on purpose: must be made safe
    e.late_submission = true;
    e.submitted_on = Some(d(2026, 7, 8));
    e.accidents = vec![accident(
        d(2026, 3, 12),
        "实验室火灾",
        AccidentGrade::General,
        AccidentGrade::Serious,
        11,
    )];
    e.rules.insert(
        RuleId::R11,
        rule(
            Status::NotMet,
            "五.4",
            "书面检查报告",
            "2026-03-12事故未提交书面检查报告",
            vec![],
        ),
    );
    e.rules.insert(
        RuleId::R12,
        rule(
            Status::NotMet,
            "六.1",
            "挂牌督办整改",
            "拒不整改",
            vec![item(
                Status::NotMet,
                "GP-2026-01实验楼消防通道堵塞：拒不整改，整改时限2026-04-30，学校督办",
                ItemFields::Listed(Box::new(ListedItem {
                    id: Some("GP-2026-01".into()),
                    name: Some(FORMULA.into()),
                    level: Some(SupervisionLevel::School),
                    listed: Some(d(2026, 2, 1)),
                    deadline: Some(d(2026, 4, 30)),
                    closed: None,
                    state: ListedOutcome::Refused,
                    register_state: None,
                    hints: vec!["撤换部门主要负责人（六.3）".into()],
                })),
            )],
        ),
    );
    e.veto_risks = vec![VetoRecord {
        id: VetoId::V1,
        clause: "七.3 一".into(),
        condition: "发生重大校园安全事故".into(),
        detail: "2026-03-12实验室火灾，死亡11人".into(),
    }];
    e.not_met = vec![RuleId::R11, RuleId::R12];
    e.score = Some(62.0);
    e.grade = Grade::Pass;
    e.suggestions = vec!["建议撤换部门主要负责人（六.3）".into()];
    vec![a, b, c, e]
}

fn leaders() -> Vec<LeaderResult> {
    let l = |name: &str, n: usize, detail: &str| LeaderResult {
        name: name.into(),
        title: Some("副校长".into()),
        rules: [
            (
                RuleId::R6,
                rule(Status::Pending, "四.1", "调研督查", detail, vec![]),
            ),
            (RuleId::R7, rule(Status::Na, "四.1", "述职报告", "", vec![])),
        ]
        .into_iter()
        .collect(),
        visits: (0..n)
            .map(|i| VisitRecord {
                date: d(2026, 3, 10 + i as u32),
                unit: Some("信息工程系".into()),
                content: Some(SCRIPT.into()),
            })
            .collect(),
    };
    vec![l("王某某", 1, "进度正常"), l("李某某", 0, "进度滞后")]
}

fn findings() -> Vec<Finding> {
    vec![
        Finding::error(Code::BadValue, "日期无法识别：2026-02-30")
            .file("信息工程系2026台账.xlsx")
            .sheet("隐患排查")
            .cell("B7")
            .raw("2026-02-30")
            .rule("R4")
            .unit("信息工程系"),
        Finding::warning(
            Code::LateSubmission,
            "逾期报送：报送日期2026-07-08晚于2026-07-05",
        )
        .file("x台账.xlsx")
        .unit("../../etc/x"),
        Finding::warning(Code::InconsistentValue, "隐患描述可疑")
            .file("保卫处台账.xlsx")
            .sheet("挂牌督办")
            .cell("C3")
            .raw(FORMULA)
            .rule("R12")
            .unit("../../etc/x"),
    ]
}

fn rate(rule: &str, title: &str, clause: &str, met: usize, not_met: usize) -> MetRate {
    let judged = met + not_met;
    MetRate {
        rule: RuleId::parse(rule).unwrap(),
        title: title.into(),
        clause: clause.into(),
        met,
        not_met,
        pending: 0,
        na: 4 - judged,
        rate: (judged > 0).then(|| met as f64 / judged as f64),
    }
}

pub fn h1() -> Results {
    Results {
        period: "2026H1".into(),
        period_kind: PeriodKind::H1,
        year: 2026,
        period_start: d(2026, 1, 1),
        period_end: d(2026, 6, 30),
        as_of: d(2026, 7, 15),
        title: "关于2026年上半年安全工作跟踪督查情况的通报".into(),
        preview: false,
        school: "厦门城市职业学院".into(),
        issuer: "厦门城市职业学院".into(),
        doc_number: "厦城院综〔2026〕12号".into(),
        rectification_due: d(2026, 8, 12),
        rectification_due_unverified: vec![],
        submission_due: d(2026, 7, 5),
        config_sha256: "ab".repeat(32),
        register_present: true,
        register_file: Some("保卫处台账.xlsx".into()),
        inputs: vec![InputFile {
            file: "信息工程系2026台账.xlsx".into(),
            sha256: "cd".repeat(32),
            role: Role::Ledger,
            size: 12345,
        }],
        units: units(),
        leaders: leaders(),
        summary: Summary {
            roster: 4,
            submitted: 3,
            on_time: 2,
            late: 1,
            missing: vec![SCRIPT.into()],
            met_rates: vec![
                rate("R1", "年度安全工作计划", "一.1", 3, 1),
                rate("R4", "每月隐患排查", "二.1", 2, 2),
                rate("R5", "季度报告", "五.1", 2, 2),
                rate("R12", "挂牌督办整改", "六.1", 0, 1),
            ],
            overall_rate: Some(0.875),
            vetoed: vec![],
            veto_risk: vec!["../../etc/x".into()],
            frequent_accident_units: vec![],
            commended: vec![],
            performing_well: vec!["经济管理系".into()],
            grade_counts: BTreeMap::new(),
            errors: 1,
            warnings: 2,
        },
        findings: findings(),
        notes: vec![],
        prose: Some(format!(
            "**上半年**，各单位总体平稳。{SCRIPT}\n\n[点此](javascript:alert(1))"
        )),
    }
}

/// The same data as a year-end result: the veto risk becomes a veto, grades and commendation.
pub fn year() -> Results {
    let mut r = h1();
    r.period = "2026".into();
    r.period_kind = PeriodKind::Year;
    r.period_end = d(2026, 12, 31);
    r.as_of = d(2027, 1, 20);
    r.title = "关于2026年度安全工作考核结果的通报".into();
    r.doc_number = "厦城院综〔2027〕 号".into();
    r.rectification_due = d(2027, 2, 24);
    for u in &mut r.units {
        u.provisional = false;
        u.vetoes = std::mem::take(&mut u.veto_risks);
        if !u.vetoes.is_empty() {
            u.grade = Grade::Vetoed;
        }
    }
    r.units[1].commended = true;
    r.units[1].rank = 1;
    r.units[0].rank = 2;
    r.units[3].rank = 3;
    r.units[2].rank = 4;
    r.summary.vetoed = vec!["../../etc/x".into()];
    r.summary.veto_risk = vec![];
    r.summary.commended = vec!["经济管理系".into()];
    r.summary.performing_well = vec![];
    r.summary.grade_counts = [
        ("优秀", 1),
        ("良好", 1),
        ("不合格", 1),
        ("不合格（一票否决）", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    r
}
