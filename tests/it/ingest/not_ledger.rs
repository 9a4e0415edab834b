//! A workbook that is neither a unit ledger nor the central register (a timetable, last year's
//! summary.xlsx) gives ONE `missing_sheet` error naming its own sheets, and is not counted; a
//! ledger missing some sheets keeps its per-sheet findings; `missing_header` always has a cell.

use crate::support::books::*;
use crate::support::inbox::{found, ingest_one as run};
use tongbao::findings::{Code, Finding, Severity};

use tongbao::model::{Inbox, Role};
use tongbao::schema;

/// The single finding of a not-a-ledger file, after checking the file is rejected.
fn single(inbox: &Inbox) -> &Finding {
    let v = found(inbox);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert!(inbox.ledgers.is_empty());
    assert!(inbox.register.is_none());
    assert_eq!(inbox.inputs.len(), 1);
    assert_eq!(inbox.inputs[0].role, Role::Rejected);
    let f = v[0];
    assert_eq!(
        (f.severity, f.code, f.sheet.as_deref(), f.cell.as_deref()),
        (Severity::Error, Code::MissingSheet, Some("封面"), None)
    );
    f
}

#[test]
fn a_timetable_is_one_error_naming_its_sheets() {
    let book = Book::new()
        .sheet(
            "课程表",
            vec![row!["节次", "星期一", "星期二"], row![1, "语文", "数学"]],
        )
        .sheet("Sheet2", vec![]);
    let inbox = run(book, "课程表.xlsx");
    let f = single(&inbox);
    assert_eq!(f.file.as_deref(), Some("课程表.xlsx"));
    assert_eq!(
        f.message,
        "不是安全工作台账：未找到“封面”等台账工作表（本文件的工作表：课程表、Sheet2），本文件未读取、不计入；请使用 tongbao template 生成的模板填报"
    );
}

#[test]
fn a_summary_with_contract_sheet_names_but_no_ledger_headers_is_one_error() {
    // tongbao's own summary.xlsx: 隐患排查 / 安全事故 are there, with other headers.
    let book = Book::new()
        .sheet("总表", vec![row!["单位", "得分", "等次"]])
        .sheet("隐患排查", vec![row!["单位", "2026-01", "2026-02", "说明"]])
        .sheet(
            "安全事故",
            vec![row!["单位", "事故日期", "事故概况", "死亡人数"]],
        )
        .sheet("数据问题", vec![row!["文件", "工作表", "单元格"]]);
    let f = single(&run(book, "summary.xlsx")).clone();
    assert!(
        f.message
            .contains("没有“封面”工作表，“隐患排查”等工作表中也找不到台账的表头"),
        "{}",
        f.message
    );
    assert!(
        f.message
            .contains("（本文件的工作表：总表、隐患排查、安全事故、数据问题）"),
        "{}",
        f.message
    );
}

#[test]
fn many_sheet_names_are_truncated() {
    let mut book = Book::new();
    for i in 1..=7 {
        book = book.sheet(&format!("Sheet{i}"), vec![row!["x"]]);
    }
    let f = single(&run(book, "杂表.xlsx")).clone();
    assert!(
        f.message
            .contains("（本文件的工作表：Sheet1、Sheet2、Sheet3、Sheet4、Sheet5等共 7 张）"),
        "{}",
        f.message
    );
}

#[test]
fn a_ledger_missing_sheets_keeps_per_sheet_findings() {
    let book = ledger("信息工程系", 2026, d(2026, 12, 31))
        .without(schema::PLAN)
        .without(schema::MEETINGS);
    let inbox = run(book, "台账.xlsx");
    let mut sheets: Vec<_> = found(&inbox)
        .iter()
        .filter(|f| f.code == Code::MissingSheet)
        .map(|f| f.sheet.clone().unwrap())
        .collect();
    sheets.sort();
    assert_eq!(sheets, [schema::MEETINGS, schema::PLAN]);
    assert!(inbox.ledgers.contains_key("信息工程系"));
}

#[test]
fn a_ledger_without_its_cover_keeps_per_sheet_findings() {
    let book = ledger("信息工程系", 2026, d(2026, 12, 31)).without(schema::COVER);
    let inbox = run(book, "台账.xlsx");
    let v = found(&inbox);
    let missing: Vec<_> = v.iter().filter(|f| f.code == Code::MissingSheet).collect();
    assert_eq!(missing.len(), 1, "{v:#?}");
    assert_eq!(
        missing[0].message,
        "缺少工作表“封面”，R1、R8、R15 按未达标处理"
    );
    assert_eq!(inbox.inputs[0].role, Role::Rejected);
}

#[test]
fn missing_header_always_has_a_cell() {
    // No required header anywhere on the sheet, and an empty sheet: both located at A1.
    let book = ledger("信息工程系", 2026, d(2026, 12, 31))
        .sheet(schema::INSPECTIONS, vec![row!["随便写的"], row!["内容"]])
        .sheet(schema::HAZARDS, vec![]);
    let inbox = run(book, "台账.xlsx");
    let mut at: Vec<_> = found(&inbox)
        .iter()
        .filter(|f| f.code == Code::MissingHeader)
        .map(|f| (f.sheet.clone().unwrap(), f.cell.clone()))
        .collect();
    at.sort();
    let a1 = Some("A1".to_string());
    assert_eq!(
        at,
        [
            (schema::INSPECTIONS.to_string(), a1.clone()),
            (schema::HAZARDS.to_string(), a1)
        ]
    );
}
