//! The committed sample inbox (sample-data/, see EXPECTED.md) reads as designed: the right
//! files count, the forgiving layouts parse, and ingest raises exactly the designed findings.

use chrono::NaiveDate;
use std::path::Path;
use tongbao::config::Config;
use tongbao::ingest::{Options, ingest_dir};
use tongbao::model::Role;

fn sample_config() -> Config {
    tongbao::config::load(Path::new("sample-data/tongbao.toml")).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn sample_inbox_reads_as_designed() {
    let cfg = sample_config();
    assert_eq!(cfg.units.len(), 16);
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    let inbox = ingest_dir(Path::new("sample-data/inbox/2026"), &cfg, &opts).unwrap();

    let found: Vec<(&str, &str, &str, &str)> = inbox
        .findings
        .iter()
        .map(|f| {
            (
                f.code.as_str(),
                f.file.as_deref().unwrap_or(""),
                f.sheet.as_deref().unwrap_or(""),
                f.cell.as_deref().unwrap_or(""),
            )
        })
        .collect();
    // Without an as-of every version is eligible: the January files count and every July file
    // (including the July register and 经济管理系's second July version) is superseded.
    let mut want: Vec<(String, String, &str, &str)> = vec![
        ("skipped_file".into(), "~$信息工程系.xlsx".into(), "", ""),
        (
            "skipped_file".into(),
            "关于报送2026年安全工作台账的通知.docx".into(),
            "",
            "",
        ),
        (
            "bad_value".into(),
            "建筑工程系2026年安全工作台账.xlsx".into(),
            "隐患排查",
            "A3",
        ),
        (
            "superseded_file".into(),
            "机电工程系2026年安全工作台账.xlsx".into(),
            "",
            "",
        ),
        (
            "superseded_file".into(),
            "经济管理系2026年安全工作台账（7月更新）.xlsx".into(),
            "",
            "",
        ),
        (
            "superseded_file".into(),
            "保卫处2026汇总（7月）.xlsx".into(),
            "",
            "",
        ),
        (
            "superseded_file".into(),
            "信息系2026安全台账（7月）.xlsx".into(),
            "",
            "",
        ),
    ];
    for u in &cfg.units {
        if !matches!(
            u.name.as_str(),
            "图书馆" | "基础部" | "机电工程系" | "信息工程系"
        ) {
            let file = format!("{}2026年安全工作台账（7月）.xlsx", u.name);
            want.push(("superseded_file".into(), file, "", ""));
        }
    }
    let mut want: Vec<(&str, &str, &str, &str)> = want
        .iter()
        .map(|(c, f, s, x)| (c.as_str(), f.as_str(), *s, *x))
        .collect();
    let mut found = found;
    found.sort();
    want.sort();
    assert_eq!(found, want);

    // Every unit but 图书馆 counts; 信息工程系 through its alias.
    let units: Vec<&str> = cfg.units.iter().map(|u| u.name.as_str()).collect();
    for u in &units {
        assert_eq!(inbox.ledgers.contains_key(*u), *u != "图书馆", "{u}");
    }
    assert_eq!(inbox.ledgers["信息工程系"].file, "信息系2026安全台账.xlsx");
    assert_eq!(
        inbox.ledgers["机电工程系"].file,
        "机电工程系2026年安全工作台账（更新版）.xlsx"
    );
    let reg = inbox.register.as_ref().unwrap();
    assert_eq!(reg.file, "保卫处2026汇总（最终版）.xlsx");
    assert!(
        inbox
            .prose
            .as_deref()
            .unwrap_or("")
            .contains("月度隐患排查")
    );
    let roles = |r: Role| inbox.inputs.iter().filter(|i| i.role == r).count();
    assert_eq!((roles(Role::Ledger), roles(Role::Register)), (15, 1));

    // The forgiving layouts.
    let months = |unit: &str| -> Vec<u32> {
        use chrono::Datelike;
        let ins = inbox.ledgers[unit].inspections.as_ref().unwrap();
        ins.iter()
            .filter_map(|i| i.date)
            .map(|d| d.month())
            .collect()
    };
    let all: Vec<u32> = (1..=12).collect();
    assert_eq!(months("外语系"), all, "2026.3.5 parses");
    assert_eq!(months("信息工程系"), all, "title row above the header");
    assert!(!months("艺术设计系").contains(&4));
    assert!(!months("旅游系").contains(&8));
    assert!(!months("建筑工程系").contains(&2));
    let econ = inbox.ledgers["经济管理系"].meetings.as_ref().unwrap();
    assert!(
        econ.iter()
            .all(|m| m.date.is_some() && m.principal_attended == Some(true))
    );
    assert_eq!(
        inbox.ledgers["党政办公室"].plan.as_ref().map(Vec::len),
        Some(4)
    );
    assert_eq!(inbox.ledgers["基础部"].cover.submitted_on, ymd(2027, 1, 11));
    assert_eq!(
        inbox.ledgers["财务处"].cover.plan_copied_on,
        ymd(2026, 4, 8)
    );
    let late_q2 = &inbox.ledgers["经济管理系"].quarterly.as_ref().unwrap()[1];
    assert_eq!(
        (late_q2.quarter, late_q2.submitted_on),
        (Some(2), ymd(2026, 7, 13))
    );
}

// The generator's modules, compiled into this test, so the committed files are checked
// against the code that claims to produce them.
#[path = "../../../examples/gen_sample/content.rs"]
mod content;
#[path = "../../../examples/gen_sample/ledgers.rs"]
mod ledgers;
#[path = "../../../examples/gen_sample/register.rs"]
mod register;

pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[test]
fn committed_sample_files_match_the_generator() {
    let cfg = sample_config();
    let mut files = ledgers::all(&cfg).unwrap();
    files.extend(register::register(&cfg).unwrap());
    // 15 January ledgers, 14 July ones (经济管理系 sent two), two registers (July, January).
    assert_eq!(files.len(), 32);
    for f in files {
        let committed = std::fs::read(Path::new("sample-data/inbox/2026").join(&f.name)).unwrap();
        assert!(
            committed == f.bytes,
            "{} differs: rerun the generator",
            f.name
        );
    }
}
