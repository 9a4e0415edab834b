//! contract.md "Finding rows and columns" (issue 7, "A blank row ends the table"): data runs to
//! the sheet's last non-empty row in every table of the ledger and the central register; blank,
//! total, placeholder and note rows are skipped without a finding wherever they stand.

use crate::support::books::*;
use tongbao::findings::Code;

use tongbao::model::Inbox;
use tongbao::schema;

fn run(books: &[(&str, Book)]) -> Inbox {
    let dir = tmp();
    for (name, b) in books {
        b.save(dir.path(), name);
    }
    crate::support::inbox::ingest_2026(dir.path())
}

/// Insert `gap` blank rows right below the header of `sheet` and one more between every data row.
fn with_gaps(mut b: Book, sheet: &str, gap: usize) -> Book {
    let rows = b.rows(sheet);
    let header = rows.remove(0);
    let data: Vec<_> = std::mem::take(rows);
    rows.push(header);
    rows.extend(std::iter::repeat_n(row![], gap));
    for r in data {
        rows.push(r);
        rows.push(row![]);
    }
    b
}

fn counts(inbox: &Inbox) -> [usize; 6] {
    let l = &inbox.ledgers["信息工程系"];
    let n = |v: Option<usize>| v.unwrap_or(usize::MAX);
    [
        n(l.plan.as_ref().map(Vec::len)),
        n(l.meetings.as_ref().map(Vec::len)),
        n(l.inspections.as_ref().map(Vec::len)),
        n(l.hazards.as_ref().map(Vec::len)),
        n(l.quarterly.as_ref().map(Vec::len)),
        n(l.accidents.as_ref().map(Vec::len)),
    ]
}

#[test]
fn every_ledger_table_reads_past_blank_rows() {
    let base = ledger("信息工程系", 2026, d(2026, 12, 31));
    let want = counts(&run(&[("a.xlsx", base.clone())]));
    assert_eq!(want, [1, 1, 12, 1, 3, 0]);
    let mut gapped = base;
    for s in [
        schema::PLAN,
        schema::MEETINGS,
        schema::INSPECTIONS,
        schema::HAZARDS,
        schema::QUARTERLY,
    ] {
        gapped = with_gaps(gapped, s, 3);
    }
    let inbox = run(&[("a.xlsx", gapped)]);
    assert_eq!(counts(&inbox), want);
    let noise: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.code != Code::MissingRegister)
        .collect();
    assert!(noise.is_empty(), "{noise:#?}");
}

#[test]
fn note_total_and_placeholder_rows_are_skipped_anywhere() {
    let rows = vec![
        ledger_headers(schema::INSPECTIONS),
        row![d(2026, 1, 5), "实验室"],
        row!["填表人：张三"],
        row![],
        row![d(2026, 4, 5), "注塑实训室"],
        row!["备注：每月10日前排查"],
        row!["注：本表按月填写"],
        row!["", "无"],
        row!["合计", "2次"],
        row![d(2026, 9, 5), "宿舍"],
        row!["审核：李四"],
    ];
    let b = ledger("信息工程系", 2026, d(2026, 12, 31)).sheet(schema::INSPECTIONS, rows);
    let inbox = run(&[("a.xlsx", b)]);
    let v = &inbox.ledgers["信息工程系"].inspections.as_ref().unwrap();
    let got: Vec<_> = v
        .iter()
        .map(|i| (i.loc.row, i.scope.as_deref().map(str::to_string)))
        .collect();
    assert_eq!(
        got,
        [
            (2, Some("实验室".to_string())),
            (5, Some("注塑实训室".to_string())),
            (10, Some("宿舍".to_string()))
        ]
    );
    assert!(
        inbox
            .findings
            .iter()
            .all(|f| f.code == Code::MissingRegister),
        "{:#?}",
        inbox.findings
    );
}

#[test]
fn a_lone_value_below_a_gap_is_data_and_checked() {
    // 注塑实训室 alone (no colon after 注) is a row with its date missing, not a note.
    let rows = vec![
        ledger_headers(schema::INSPECTIONS),
        row![d(2026, 1, 5), "实验室"],
        row![],
        row![],
        row!["", "注塑实训室"],
    ];
    let b = ledger("信息工程系", 2026, d(2026, 12, 31)).sheet(schema::INSPECTIONS, rows);
    let inbox = run(&[("a.xlsx", b)]);
    let missing = findings_with(&inbox, Code::MissingValue);
    assert_eq!(missing.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(
        (missing[0].sheet.as_deref(), missing[0].cell.as_deref()),
        (Some("隐患排查"), Some("A5"))
    );
    assert_eq!(
        inbox.ledgers["信息工程系"]
            .inspections
            .as_ref()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn every_register_table_reads_past_blank_rows() {
    let reg = register(2026, d(2026, 12, 31))
        .sheet(
            schema::PUNISHMENTS,
            vec![
                register_headers(schema::PUNISHMENTS),
                row![],
                row!["信息工程系", "约谈", d(2026, 3, 2)],
                row![],
                row!["制表：保卫处"],
                row!["机电工程系", "约谈", d(2026, 5, 2)],
            ],
        )
        .sheet(
            schema::ADJUSTMENTS,
            vec![
                register_headers(schema::ADJUSTMENTS),
                row!["信息工程系", 2, "获评平安校园先进"],
                row![],
                row![],
                row!["学生处", -1, "通报批评"],
                row!["说明：分值为正加分、为负减分"],
            ],
        )
        .sheet(
            schema::LEADER_REPORTS,
            vec![
                register_headers(schema::LEADER_REPORTS),
                row![],
                row!["王某某", "是"],
                row![],
                row!["李某某", "否"],
            ],
        );
    let inbox = run(&[("保卫处台账.xlsx", reg)]);
    let r = inbox.register.as_ref().unwrap();
    let units = |v: Vec<Option<String>>| v.into_iter().flatten().collect::<Vec<_>>();
    assert_eq!(
        units(
            r.punishments
                .iter()
                .flatten()
                .map(|p| p.unit.clone())
                .collect()
        ),
        ["信息工程系", "机电工程系"]
    );
    assert_eq!(
        units(
            r.adjustments
                .iter()
                .flatten()
                .map(|a| a.unit.clone())
                .collect()
        ),
        ["信息工程系", "学生处"]
    );
    assert_eq!(r.leader_reports.as_ref().map(Vec::len), Some(2));
    assert!(inbox.findings.is_empty(), "{:#?}", inbox.findings);
}
