//! `tongbao check PATH…` end to end: workbooks built in code in a temp folder, findings grouped
//! by file, the total line, and the exit codes (0, or 1 with --strict when errors exist).

use assert_cmd::Command;
use chrono::NaiveDate;
use predicates::prelude::*;
use std::path::Path;
use tongbao::schema;
use tongbao::template::{Fill, Table, Value, fill_workbook};

use crate::support::roster::ROSTER as CONFIG;

fn d(y: i32, m: u32, day: u32) -> Value {
    Value::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

/// A unit ledger with a full cover and one inspection whose date is `inspected`.
fn ledger(unit: &str, inspected: Value) -> Vec<u8> {
    let cfg = tongbao::config::from_toml_str(CONFIG, Path::new(".")).unwrap();
    let fill = Fill {
        cover: vec![
            ("单位名称", unit.into()),
            ("年度", 2026.into()),
            ("主要负责人", "张某某".into()),
            ("报送日期", d(2026, 7, 1)),
        ],
        tables: vec![Table::new(
            schema::INSPECTIONS,
            vec![vec![("排查日期", inspected), ("排查范围", "实验室".into())]],
        )],
    };
    fill_workbook(schema::LEDGER, &cfg, &fill).unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(dir.path().join("tongbao.toml"), CONFIG).unwrap();
    std::fs::write(inbox.join("a学生处.xlsx"), ledger("学生处", d(2026, 3, 5))).unwrap();
    let bad = ledger("信息系", Value::Text("2026-02-30".into()));
    std::fs::write(inbox.join("b信息系.xlsx"), bad).unwrap();
    std::fs::write(inbox.join("说明.docx"), b"not a workbook").unwrap();
    dir
}

fn check(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tongbao").unwrap();
    cmd.current_dir(dir).args(["check", "inbox"]);
    cmd
}

#[test]
fn check_groups_findings_by_file() {
    let dir = folder();
    let out = check(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // Every file is listed, in name order, with what it was taken as.
    let a = text.find("a学生处.xlsx（单位台账：学生处）").expect(&text);
    let b = text
        .find("b信息系.xlsx（单位台账：信息工程系）")
        .expect(&text);
    let c = text.find("说明.docx（已跳过）").expect(&text);
    assert!(a < b && b < c, "{text}");
    // The clean file says so; the bad date is located by sheet and cell.
    assert!(text[a..b].contains("没有发现问题"), "{text}");
    assert!(text[b..c].contains("[错误] 隐患排查!A2："), "{text}");
    assert!(text[b..c].contains("2026-02-30"), "{text}");
    assert!(text.contains("共检查3个文件：错误1项"), "{text}");
}

#[test]
fn strict_exits_1_on_errors() {
    let dir = folder();
    check(dir.path())
        .arg("--strict")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("共检查3个文件"));
}

#[test]
fn without_config_unit_names_are_not_judged() {
    let dir = folder();
    std::fs::remove_file(dir.path().join("tongbao.toml")).unwrap();
    check(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("未找到配置文件"))
        .stdout(predicate::str::contains("共检查3个文件"));
}

#[test]
fn missing_path_exits_2() {
    let dir = folder();
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere"));
}
