//! contract.md "Finding rows and columns": one test per bullet, each asserting the exact typed
//! value or the exact finding (code, sheet, cell).

use crate::support::books::*;
use crate::support::inbox::{base, found};
use tongbao::findings::{Code, Finding, Severity};
use tongbao::ingest::{Options, ingest_dir};
use tongbao::model::Inbox;
use tongbao::schema;

fn run(book: Book) -> Inbox {
    crate::support::inbox::ingest_one(book, "台账.xlsx")
}

fn one(inbox: &Inbox, code: Code) -> &Finding {
    let v: Vec<_> = found(inbox)
        .into_iter()
        .filter(|f| f.code == code)
        .collect();
    assert_eq!(v.len(), 1, "{:#?}", inbox.findings);
    v[0]
}

#[test]
fn sheets_are_found_by_normalised_name() {
    let inbox = run(base()
        .rename(schema::INSPECTIONS, " 隐患排查 ")
        .rename(schema::COVER, "封面\u{3000}"));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(
        inbox.ledgers["信息工程系"]
            .inspections
            .as_ref()
            .unwrap()
            .len(),
        12
    );
}

#[test]
fn missing_sheet_is_an_error_for_its_rules() {
    let inbox = run(base().without(schema::INSPECTIONS));
    let f = one(&inbox, Code::MissingSheet);
    assert_eq!(
        (f.severity, f.rule.as_deref(), f.sheet.as_deref()),
        (Severity::Error, Some("R4"), Some("隐患排查"))
    );
    assert!(f.message.contains("隐患排查"), "{}", f.message);
    assert_eq!(f.unit.as_deref(), Some("信息工程系"));
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(l.inspections, None);
    assert!(l.meetings.is_some());
}

#[test]
fn missing_accident_sheet_is_an_error_and_none() {
    let inbox = run(base().without(schema::ACCIDENTS));
    let f = one(&inbox, Code::MissingSheet);
    assert_eq!(
        (f.severity, f.rule.as_deref()),
        (Severity::Error, Some("R9、R11"))
    );
    assert_eq!(inbox.ledgers["信息工程系"].accidents, None);
}

#[test]
fn header_row_below_a_title_with_shuffled_and_extra_columns() {
    let rows = vec![
        row!["信息工程系2026年安全隐患排查登记表"],
        row![""],
        row!["填表人：张三"],
        row![
            "备注",
            "排查范围",
            "额外一列",
            "排查日期（必填）",
            "发现隐患数(处)"
        ],
        row!["无", "实验室", "x", d(2026, 3, 5), "2处"],
        row!["", "宿舍", "", "2026/4/9", 0],
    ];
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let v = inbox.ledgers["信息工程系"].inspections.clone().unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(
        (
            v[0].date,
            v[0].scope.as_deref(),
            v[0].note.as_deref(),
            v[0].hazards_found
        ),
        (Some(d(2026, 3, 5)), Some("实验室"), Some("无"), Some(2))
    );
    assert_eq!(
        (v[1].date, v[1].scope.as_deref(), v[1].hazards_found),
        (Some(d(2026, 4, 9)), Some("宿舍"), Some(0))
    );
    // Locations are absolute: row 5 in Excel terms, date in column D.
    assert_eq!(v[0].loc.row, 5);
    assert_eq!(v[0].loc.cell("排查日期"), "D5");
    assert_eq!(&**v[0].loc.sheet(), "隐患排查");
    assert_eq!(&**v[0].loc.file(), "台账.xlsx");
}

#[test]
fn header_beyond_row_ten_is_not_found() {
    let mut rows: Vec<Vec<Cell>> = (0..10).map(|i| row![format!("标题{i}")]).collect();
    rows.push(ledger_headers(schema::INSPECTIONS));
    rows.push(row![d(2026, 3, 5), "实验室"]);
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    let f = one(&inbox, Code::MissingHeader);
    assert_eq!(
        (f.sheet.as_deref(), f.cell.as_deref(), f.rule.as_deref()),
        (Some("隐患排查"), Some("A1"), Some("R4"))
    );
    assert_eq!(inbox.ledgers["信息工程系"].inspections, None);
}

#[test]
fn missing_required_header_makes_the_sheet_missing() {
    let rows = vec![row!["排查日期", "参加人员"], row![d(2026, 3, 5), "张三"]];
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    let f = one(&inbox, Code::MissingHeader);
    assert_eq!(
        (f.severity, f.sheet.as_deref(), f.cell.as_deref()),
        (Severity::Error, Some("隐患排查"), Some("A1"))
    );
    assert!(f.message.contains("排查范围"), "{}", f.message);
    assert_eq!(inbox.ledgers["信息工程系"].inspections, None);
}

#[test]
fn a_blank_row_never_ends_the_data() {
    let rows = vec![
        ledger_headers(schema::INSPECTIONS),
        row![d(2026, 1, 5), "实验室"],
        row![d(2026, 2, 5), "宿舍"],
        row![],
        row![d(2026, 3, 5), "食堂"],
    ];
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let v = inbox.ledgers["信息工程系"].inspections.clone().unwrap();
    assert_eq!(
        v.iter().map(|i| i.date.unwrap()).collect::<Vec<_>>(),
        vec![d(2026, 1, 5), d(2026, 2, 5), d(2026, 3, 5)]
    );
}

#[test]
fn total_rows_are_ignored() {
    let rows = vec![
        ledger_headers(schema::PLAN),
        row![1, "排查", "李四", d(2026, 12, 31)],
        row!["小计", "", "", ""],
        row![2, "培训", "王五", d(2026, 6, 30)],
        row!["合 计", "2项"],
    ];
    let inbox = run(base().sheet(schema::PLAN, rows));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let v = inbox.ledgers["信息工程系"].plan.clone().unwrap();
    assert_eq!(
        v.iter()
            .map(|t| t.task.clone().unwrap())
            .collect::<Vec<_>>(),
        vec!["排查", "培训"]
    );
}

#[test]
fn merged_cells_count_for_their_first_cell() {
    let rows = vec![
        ledger_headers(schema::INSPECTIONS),
        row!["2026-03-05", "实验室"],
        row!["", "宿舍"],
    ];
    let inbox = run(base()
        .sheet(schema::INSPECTIONS, rows)
        .merge(schema::INSPECTIONS, 1, 0, 2, 0));
    let v = inbox.ledgers["信息工程系"].inspections.clone().unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].date, v[1].date), (Some(d(2026, 3, 5)), None));
    let f = one(&inbox, Code::MissingValue);
    assert_eq!(
        (f.sheet.as_deref(), f.cell.as_deref(), f.rule.as_deref()),
        (Some("隐患排查"), Some("A3"), Some("R4"))
    );
}

#[test]
fn pre_numbered_blank_rows_end_the_data() {
    let rows = vec![
        ledger_headers(schema::PLAN),
        row![1, "排查", "李四", d(2026, 12, 31)],
        row![2],
        row![3],
    ];
    let inbox = run(base().sheet(schema::PLAN, rows));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inbox.ledgers["信息工程系"].plan.as_ref().unwrap().len(), 1);
}

#[test]
fn missing_register_sheets_say_what_they_mean() {
    let dir = tmp();
    register(2026, d(2027, 1, 11))
        .without(schema::DETERMINATIONS)
        .without(schema::ADJUSTMENTS)
        .without(schema::PUNISHMENTS)
        .save(dir.path(), "保卫处台账.xlsx");
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    let inbox = ingest_dir(dir.path(), &roster(), &opts).unwrap();
    let mut msgs: Vec<&str> = inbox
        .findings
        .iter()
        .filter(|f| f.code == Code::MissingSheet)
        .map(|f| f.message.as_str())
        .collect();
    msgs.sort();
    assert_eq!(
        msgs,
        [
            "缺少工作表“事故认定”，视为无事故认定，否决条件 V4、V5 无法评估",
            "缺少工作表“惩戒措施”，R10 按未达标处理",
            "缺少工作表“考评加减分”，不计考评加减分",
        ]
    );
    let reg = inbox.register.as_ref().unwrap();
    assert!(reg.determinations.is_none() && reg.listed_hazards.is_some());
}
