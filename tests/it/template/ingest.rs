//! Templates read back with the project's own ingest: a blank template gives only the blank
//! covers' `missing_value`; a template filled in every column gives no finding at all.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tongbao::config::{Config, from_toml_str};
use tongbao::findings::Code;
use tongbao::ingest::{Options, ingest_paths};
use tongbao::schema::{self, Kind, Layout, SheetSpec};
use tongbao::template::{Fill, Table, Value, fill_workbook, write_templates};

use crate::support::roster::ROSTER as CONFIG;

fn cfg() -> Config {
    from_toml_str(CONFIG, Path::new(".")).unwrap()
}

fn ingest(paths: &[PathBuf]) -> tongbao::model::Inbox {
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    ingest_paths(paths, &cfg(), &opts).unwrap()
}

#[test]
fn blank_templates_give_only_missing_cover_values() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_templates(dir.path(), &cfg()).unwrap();
    let inbox = ingest(&paths);
    let mut got: Vec<(String, String, String)> = inbox
        .findings
        .iter()
        .map(|f| {
            assert_eq!(f.code, Code::MissingValue, "{f:?}");
            let file = f.file.clone().unwrap_or_default();
            (
                file,
                f.sheet.clone().unwrap_or_default(),
                f.cell.clone().unwrap_or_default(),
            )
        })
        .collect();
    got.sort();
    let ledger = tongbao::template::LEDGER_FILE.to_string();
    let register = tongbao::template::REGISTER_FILE.to_string();
    let want: Vec<(String, String, String)> = [
        (&register, "B2"),
        (&ledger, "B1"),
        (&ledger, "B2"),
        (&ledger, "B3"),
        (&ledger, "B4"),
    ]
    .iter()
    .map(|(f, c)| (f.to_string(), "封面".to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    assert!(
        inbox.register.is_some(),
        "台账类型 prefilled → recognised as register"
    );
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()
}

/// A valid value for every kind of column.
fn sample(kind: Kind) -> Value {
    let t = |s: &str| Value::Text(s.to_string());
    match kind {
        Kind::Text => t("示例内容"),
        Kind::Date => Value::Date(day()),
        Kind::YesNo => t("是"),
        Kind::Quarter => t("第一季度"),
        Kind::AccidentGrade | Kind::HazardGrade => t("一般"),
        Kind::Measure => t("约谈"),
        Kind::Level => t("学校"),
        Kind::ListedState => t("整改中"),
        Kind::UnitKind => t("系部"),
        Kind::Unit => t("信息工程系"),
        Kind::Leader => t("王某某"),
        Kind::LedgerType => t(schema::REGISTER_TYPE),
        Kind::Year => Value::Number(2026.0),
        Kind::Count | Kind::Number => Value::Number(1.0),
    }
}

/// Every column of every sheet filled (cover: every key; tables: two rows), except a
/// 挂牌督办 销号日期, which would contradict 状态 整改中.
fn full(specs: &[SheetSpec]) -> Fill {
    let mut fill = Fill::default();
    for spec in specs {
        let cols = spec.cols.iter().filter(|c| c.name != "销号日期");
        match spec.layout {
            Layout::Cover => fill.cover = cols.map(|c| (c.name, sample(c.kind))).collect(),
            Layout::Table => {
                let row: Vec<_> = cols.map(|c| (c.name, sample(c.kind))).collect();
                fill.tables
                    .push(Table::new(spec.name, vec![row.clone(), row]));
            }
        }
    }
    fill
}

#[test]
fn filled_templates_give_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    let c = cfg();
    let ledger = dir.path().join("信息工程系.xlsx");
    std::fs::write(
        &ledger,
        fill_workbook(schema::LEDGER, &c, &full(schema::LEDGER)).unwrap(),
    )
    .unwrap();
    let register = dir.path().join("保卫处台账.xlsx");
    let bytes = fill_workbook(schema::REGISTER, &c, &full(schema::REGISTER)).unwrap();
    std::fs::write(&register, bytes).unwrap();
    let inbox = ingest(&[ledger, register]);
    assert_eq!(inbox.findings, vec![]);
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(l.inspections.as_ref().map(Vec::len), Some(2));
    assert_eq!(l.cover.submitted_on, Some(day()));
    let r = inbox.register.as_ref().unwrap();
    assert_eq!(r.punishments.as_ref().map(Vec::len), Some(2));
    assert_eq!(r.visits.as_ref().map(Vec::len), Some(2));
}

#[test]
fn forgiving_layouts_read_back() {
    // A title row, shuffled columns and a header note, as people really send.
    let mut fill = full(schema::LEDGER);
    let t = fill
        .tables
        .iter_mut()
        .find(|t| t.sheet == schema::INSPECTIONS)
        .unwrap();
    t.title = Some("信息工程系2026年安全隐患排查登记表".into());
    t.order = Some(vec!["排查范围", "备注", "排查日期"]);
    t.header_text = vec![("排查日期", "排查日期（必填）".into())];
    t.rows[1].retain(|(k, _)| *k != "排查日期");
    t.rows[1].push(("排查日期", Value::Text("2026.3.4".into())));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("信息系.xlsx");
    std::fs::write(&p, fill_workbook(schema::LEDGER, &cfg(), &fill).unwrap()).unwrap();
    let inbox = ingest(&[p]);
    assert_eq!(inbox.findings, vec![]);
    let dates: Vec<_> = inbox.ledgers["信息工程系"]
        .inspections
        .as_ref()
        .unwrap()
        .iter()
        .map(|i| i.date)
        .collect();
    assert_eq!(
        dates,
        vec![Some(day()), NaiveDate::from_ymd_opt(2026, 3, 4)]
    );
}
