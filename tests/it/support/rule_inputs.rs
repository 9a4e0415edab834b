//! Hand-built rule inputs for the rule tests (`rules::deadlines`, `periods`, `register_gaps`,
//! `scoring`): a config with a roster, a perfect year's ledger, an empty central register, rows
//! of each kind, and `run` to evaluate them — the typed model, no workbooks, no binary.

use super::roster::SEMESTERS;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use tongbao::config::{Config, UnitCfg};
use tongbao::eval::Results;
use tongbao::model::*;
use tongbao::rules::{EvalInput, evaluate};

/// A date; panics on an impossible one (test data only).
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date {y}-{m}-{day}"))
}

/// A row location on `sheet`.
pub fn loc(file: &str, sheet: &str, row: u32) -> Loc {
    Loc::new(file, sheet, row)
}

/// A config with the given units (系部), leader 王某某 (党委书记), the test roster's semesters
/// (`roster::SEMESTERS`: 2026-02-23–07-10 and 2026-09-01–2027-01-15) and every default.
pub fn config(units: &[&str]) -> Config {
    let text = format!(
        "[school]\nname = \"测试学院\"\ndoc_prefix = \"厦城院综\"\n\n\
         [[leaders]]\nname = \"王某某\"\ntitle = \"党委书记\"\n{SEMESTERS}"
    );
    let mut cfg = tongbao::config::from_toml_str(&text, std::path::Path::new("."))
        .unwrap_or_else(|e| panic!("{e}"));
    cfg.units = units
        .iter()
        .map(|n| UnitCfg {
            name: n.to_string(),
            kind: UnitKind::AcademicDept,
            aliases: vec![],
            principal: None,
        })
        .collect();
    cfg
}

/// A ledger that meets every rule of 2026 (reported 2027-01-08): plan copied 03-01, a meeting
/// with the principal studying prevention in March and October, an inspection on the 10th of
/// every month, quarterly reports on the 5th after each quarter, both R8 answers 是.
pub fn full_ledger(unit: &str) -> Ledger {
    let f = format!("{unit}.xlsx");
    let cover = LedgerCover {
        unit_name_raw: Some(unit.into()),
        year: Some(2026),
        principal: Some("张某某".into()),
        submitted_on: Some(d(2027, 1, 8)),
        plan_copied_on: Some(d(2026, 3, 1)),
        annual_summary_duty: Some(true),
        performance_review_duty: Some(true),
        sheet: "封面".into(),
        ..LedgerCover::default()
    };
    let plan = vec![PlanTask {
        loc: loc(&f, "年度安全工作计划", 2),
        task: Some("消防检查".into()),
        responsible: Some("李某".into()),
        deadline: Some(d(2026, 12, 31)),
        note: None,
    }];
    let meetings = [d(2026, 3, 10), d(2026, 10, 12)]
        .iter()
        .enumerate()
        .map(|(i, day)| meeting(&f, i as u32 + 2, *day, true))
        .collect();
    let inspections = (1..=12)
        .map(|m| inspection(&f, m + 1, d(2026, m, 10)))
        .collect();
    let quarterly = [
        (1, d(2026, 4, 5)),
        (2, d(2026, 7, 5)),
        (3, d(2026, 10, 9)),
        (4, d(2027, 1, 5)),
    ]
    .iter()
    .map(|(q, day)| quarterly(&f, u32::from(*q) + 1, *q, *day))
    .collect();
    Ledger {
        file: f,
        unit: unit.into(),
        cover,
        plan: Some(plan),
        meetings: Some(meetings),
        inspections: Some(inspections),
        hazards: Some(vec![]),
        quarterly: Some(quarterly),
        accidents: Some(vec![]),
        first_version: None,
    }
}

/// A meeting; `study` sets both 主要负责人参加 and 研究防范措施.
pub fn meeting(file: &str, row: u32, date: NaiveDate, study: bool) -> Meeting {
    Meeting {
        loc: loc(file, "安全工作会议", row),
        date: Some(date),
        topic: Some("安全工作".into()),
        principal_attended: Some(study),
        prevention_studied: Some(study),
        host: None,
        attendees: None,
        minutes: None,
    }
}

pub fn inspection(file: &str, row: u32, date: NaiveDate) -> Inspection {
    Inspection {
        loc: loc(file, "隐患排查", row),
        date: Some(date),
        scope: Some("全系".into()),
        participants: None,
        hazards_found: None,
        hazards_fixed: None,
        note: None,
    }
}

pub fn quarterly(file: &str, row: u32, q: u8, on: NaiveDate) -> QuarterlyReport {
    QuarterlyReport {
        loc: loc(file, "季度报告", row),
        quarter: Some(q),
        submitted_on: Some(on),
        title: None,
        accident_count: None,
    }
}

/// An accident with the given grade and casualties.
pub fn accident(
    file: &str,
    row: u32,
    date: NaiveDate,
    grade: AccidentGrade,
    deaths: u32,
    injuries: u32,
) -> Accident {
    Accident {
        loc: loc(file, "安全事故", row),
        date: Some(date),
        summary: Some("事故".into()),
        grade: Some(grade),
        deaths: Some(deaths),
        injuries: Some(injuries),
        serious_injuries: None,
        loss_wan: None,
        report_on: None,
        in_activity: None,
    }
}

/// A central register with every sheet present and empty.
pub fn register() -> Register {
    Register {
        file: "保卫处台账.xlsx".into(),
        cover: RegisterCover {
            year: Some(2026),
            ..RegisterCover::default()
        },
        punishments: Some(vec![]),
        listed_hazards: Some(vec![]),
        determinations: Some(vec![]),
        visits: Some(vec![]),
        leader_reports: Some(vec![LeaderReport {
            loc: loc("保卫处台账.xlsx", "领导述职", 2),
            leader: Some("王某某".into()),
            covers_safety: Some(true),
            title: None,
        }]),
        adjustments: Some(vec![]),
    }
}

pub fn punishment(
    unit: &str,
    row: u32,
    imposed: NaiveDate,
    report: Option<NaiveDate>,
) -> Punishment {
    Punishment {
        loc: loc("保卫处台账.xlsx", "惩戒措施", row),
        unit: Some(unit.into()),
        measure: Some(Measure::Interview),
        imposed: Some(imposed),
        reason: None,
        report_on: report,
    }
}

pub fn determination(unit: &str, row: u32, date: NaiveDate, grade: AccidentGrade) -> Determination {
    Determination {
        loc: loc("保卫处台账.xlsx", "事故认定", row),
        unit: Some(unit.into()),
        date: Some(date),
        grade: Some(grade),
        responsible: None,
        concealed: None,
        bad_influence: None,
        note: None,
    }
}

pub fn visit(leader: &str, row: u32, date: NaiveDate) -> LeaderVisit {
    LeaderVisit {
        loc: loc("保卫处台账.xlsx", "领导调研督查", row),
        leader: Some(leader.into()),
        date: Some(date),
        visited: None,
        title: None,
        content: None,
    }
}

/// An inbox with these ledgers and register.
pub fn inbox(ledgers: Vec<Ledger>, register: Option<Register>) -> Inbox {
    Inbox {
        ledgers: ledgers
            .into_iter()
            .map(|l| (l.unit.clone(), std::sync::Arc::new(l)))
            .collect::<BTreeMap<_, _>>(),
        register,
        ..Inbox::default()
    }
}

/// Evaluate `period` (e.g. "2026H1") as of `as_of`.
pub fn run(cfg: &Config, inbox: &Inbox, period: &str, as_of: NaiveDate) -> Results {
    let period = period.parse().unwrap_or_else(|e: String| panic!("{e}"));
    evaluate(&EvalInput {
        cfg,
        inbox,
        period,
        as_of,
        doc_number: Some(12),
    })
}
