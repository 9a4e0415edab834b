//! Contract audit of the ingest side (contract.md), written as a spec reader would test it:
//! hostile but realistic workbooks built in code, exact findings (code, sheet, cell) and typed
//! values asserted.

mod inbox;
use crate::support::books::findings_with as with;
use crate::support::books::*;
use crate::support::inbox::{base, found, ingest_2026 as run_in, opts};
use tongbao::findings::{Code, Finding, Severity};
use tongbao::ingest::{Options, ingest_dir};
use tongbao::model::*;
use tongbao::schema;

fn run(book: Book) -> Inbox {
    crate::support::inbox::ingest_one(book, "台账.xlsx")
}

fn unit(inbox: &Inbox) -> &Ledger {
    &inbox.ledgers["信息工程系"]
}

fn inspection_dates(inbox: &Inbox) -> Vec<Option<NaiveDate>> {
    unit(inbox)
        .inspections
        .as_ref()
        .unwrap()
        .iter()
        .map(|i| i.date)
        .collect()
}

fn inspections(rows: Vec<Vec<Cell>>) -> Inbox {
    let mut all = vec![ledger_headers(schema::INSPECTIONS)];
    all.extend(rows);
    run(base().sheet(schema::INSPECTIONS, all))
}

#[test]
fn headers_with_full_width_notes_spaces_and_required_marks() {
    let inbox = run(base().sheet(
        schema::INSPECTIONS,
        vec![
            row![
                "排查日期 （必填）",
                " 排查范围",
                "*参加人员",
                "发现隐患数＊"
            ],
            row![d(2026, 3, 5), "实验室", "张三", 2],
        ],
    ));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let i = &unit(&inbox).inspections.as_ref().unwrap()[0];
    assert_eq!(i.date, Some(d(2026, 3, 5)));
    assert_eq!(i.scope.as_deref(), Some("实验室"));
    assert_eq!(i.participants.as_deref(), Some("张三"));
    assert_eq!(i.hazards_found, Some(2));
}

#[test]
fn date_text_with_time_weekday_or_hao() {
    let inbox = inspections(
        [
            "2026-03-05 10:00",
            "2026/3/5 10:00:00",
            "2026年3月5号",
            "2026年3月5日（星期四）",
            "2026-03-05T08:30:00",
        ]
        .into_iter()
        .map(|s| row![s, "实验室"])
        .collect(),
    );
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inspection_dates(&inbox), vec![Some(d(2026, 3, 5)); 5]);
}

#[test]
fn excel_datetime_with_time_part_is_its_day() {
    // 46086.75 = 2026-03-05 18:00 as a date-formatted cell.
    let inbox = inspections(vec![row![Cell::DateNum(46086.75), "实验室"]]);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inspection_dates(&inbox), vec![Some(d(2026, 3, 5))]);
}

#[test]
fn bad_dates_keep_their_cell() {
    let inbox = inspections(vec![
        row!["三月五日", "实验室"],
        row!["2026-02-30", "实验室"],
        row!["26-3-5", "实验室"],
    ]);
    let bad = with(&inbox, Code::BadValue);
    assert_eq!(bad.len(), 3, "{bad:#?}");
    let cells: Vec<_> = bad.iter().map(|f| at(f)).collect();
    for (i, want) in ["A2", "A3", "A4"].iter().enumerate() {
        assert!(
            cells.contains(&(Severity::Error, "隐患排查", want)),
            "{i}: {cells:?}"
        );
    }
    assert!(bad.iter().any(|f| f.raw.as_deref() == Some("2026-02-30")));
}

#[test]
fn year_written_as_niandu_and_text_numbers() {
    let mut b = base();
    b.rows(schema::COVER)[1][1] = "2026年度".into();
    let b = b.sheet(
        schema::MEETINGS,
        vec![
            ledger_headers(schema::MEETINGS),
            row![d(2026, 3, 5), "会议", " 是 ", "√", "张某某", "20人", ""],
            row![d(2026, 9, 5), "会议", true, "Y", "张某某", "２０", ""],
        ],
    );
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).cover.year, Some(2026));
    let m = unit(&inbox).meetings.as_ref().unwrap();
    assert_eq!(m[0].principal_attended, Some(true));
    assert_eq!(m[0].prevention_studied, Some(true));
    assert_eq!(m[0].attendees, Some(20.0));
    assert_eq!(m[1].principal_attended, Some(true));
    assert_eq!(m[1].attendees, Some(20.0));
}

#[test]
fn quarter_forms_people_write() {
    let rows: Vec<Vec<Cell>> = [
        "1",
        "2季度",
        "第2季度",
        "Q2",
        "二",
        "2026年第三季度",
        "第四季度",
    ]
    .into_iter()
    .map(|q| row![q, d(2026, 10, 5)])
    .chain([row![Cell::Num(4.0), d(2026, 10, 5)]])
    .collect();
    let mut all = vec![ledger_headers(schema::QUARTERLY)];
    all.extend(rows);
    let inbox = run(base().sheet(schema::QUARTERLY, all));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let q: Vec<_> = unit(&inbox)
        .quarterly
        .as_ref()
        .unwrap()
        .iter()
        .map(|q| q.quarter)
        .collect();
    let want = [1, 2, 2, 2, 2, 3, 4, 4];
    assert_eq!(q, want.iter().map(|&x| Some(x)).collect::<Vec<_>>());
}

#[test]
fn total_row_with_colon_and_spaces_is_ignored() {
    let inbox = run(base().sheet(
        schema::PLAN,
        vec![
            ledger_headers(schema::PLAN),
            row![1, "任务", "李四", d(2026, 12, 31), ""],
            row!["合 计：", "1项", "", "", ""],
        ],
    ));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).plan.as_ref().unwrap().len(), 1);
}

#[test]
fn two_row_header_with_merged_group_cells() {
    // 发生日期/事故概况/事故等级 merged over rows 1–2; 人员伤亡 spans the casualty columns.
    let b = base()
        .sheet(
            schema::ACCIDENTS,
            vec![
                row!["发生日期", "事故概况", "事故等级", "人员伤亡", "", ""],
                row!["", "", "", "死亡人数", "受伤人数", "重伤人数"],
                row![d(2026, 4, 1), "摔伤", "一般", 0, 2, 1],
            ],
        )
        .merge(schema::ACCIDENTS, 0, 0, 1, 0)
        .merge(schema::ACCIDENTS, 0, 1, 1, 1)
        .merge(schema::ACCIDENTS, 0, 2, 1, 2)
        .merge(schema::ACCIDENTS, 0, 3, 0, 5);
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let a = &unit(&inbox).accidents.as_ref().unwrap()[0];
    assert_eq!(a.date, Some(d(2026, 4, 1)));
    assert_eq!(a.injuries, Some(2));
    assert_eq!(a.serious_injuries, Some(1));
    assert_eq!(a.loc.row, 3);
}

#[test]
fn cover_keys_with_colons_and_help_text_in_column_c() {
    let cov = vec![
        row!["单位名称：", "信息系", "须与名册一致"],
        row!["年度:", 2026],
        // The value stays in B: help text in C (as the template writes it) is not a value.
        row!["主要负责人", "", "本单位党政主要负责人姓名"],
        row!["报送日期", d(2026, 7, 1)],
    ];
    let b = ledger("信息工程系", 2026, d(2026, 7, 1)).sheet(schema::COVER, cov);
    let inbox = run(b);
    let m = with(&inbox, Code::MissingValue);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(at(m[0]), (Severity::Error, "封面", "B3"));
    let c = &unit(&inbox).cover;
    assert_eq!(c.unit_name_raw.as_deref(), Some("信息系"));
    assert_eq!(c.year, Some(2026));
    assert_eq!(c.principal, None);
    assert_eq!(c.submitted_on, Some(d(2026, 7, 1)));
}

#[test]
fn future_dates_relative_to_the_files_own_submission_date() {
    // 报送日期 2026-07-01; as-of plays no part in ingest.
    let b = ledger("信息工程系", 2026, d(2026, 7, 1)).sheet(
        schema::QUARTERLY,
        vec![
            ledger_headers(schema::QUARTERLY),
            row!["第一季度", d(2026, 4, 5), "", 0],
            row!["第二季度", d(2026, 7, 8), "", 0],
        ],
    );
    let b = b.sheet(
        schema::HAZARDS,
        vec![
            ledger_headers(schema::HAZARDS),
            row![
                d(2026, 5, 1),
                "电线老化",
                "一般",
                d(2026, 9, 30),
                "",
                d(2026, 7, 3),
                ""
            ],
        ],
    );
    let inbox = run(b);
    let fut = with(&inbox, Code::FutureDate);
    let cells: Vec<_> = fut.iter().map(|f| at(f)).collect();
    assert_eq!(
        cells,
        vec![
            (Severity::Warning, "季度报告", "B3"),
            (Severity::Warning, "隐患整改", "F2"),
        ]
    );
    let q = unit(&inbox).quarterly.as_ref().unwrap();
    assert_eq!(q[1].submitted_on, None);
    let h = &unit(&inbox).hazards.as_ref().unwrap()[0];
    // The deadline may lie after the cover date; the completion cannot.
    assert_eq!(h.deadline, Some(d(2026, 9, 30)));
    assert_eq!(h.completed_on, None);
}

#[test]
fn out_of_year_event_is_a_warning_and_dropped_next_year_report_is_fine() {
    let b = ledger("信息工程系", 2026, d(2027, 1, 8)).sheet(
        schema::QUARTERLY,
        vec![
            ledger_headers(schema::QUARTERLY),
            row!["第四季度", d(2027, 1, 6), "", 0],
        ],
    );
    let inbox = run(b.push(schema::MEETINGS, row![d(2025, 12, 20), "会", "是", "是"]));
    let oop = with(&inbox, Code::OutOfPeriod);
    assert_eq!(oop.len(), 1, "{oop:#?}");
    assert_eq!(at(oop[0]), (Severity::Warning, "安全工作会议", "A3"));
    assert_eq!(unit(&inbox).meetings.as_ref().unwrap().len(), 1);
    let q = unit(&inbox).quarterly.as_ref().unwrap();
    assert_eq!(q[0].submitted_on, Some(d(2027, 1, 6)));
}

#[test]
fn loss_in_yuan_with_full_width_brackets() {
    let b = base().sheet(
        schema::ACCIDENTS,
        vec![
            row![
                "发生日期",
                "事故概况",
                "事故等级",
                "死亡人数",
                "受伤人数",
                "直接经济损失 （元）"
            ],
            row![d(2026, 4, 1), "火灾", "一般事故", 0, 0, "12,000"],
        ],
    );
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let a = &unit(&inbox).accidents.as_ref().unwrap()[0];
    assert_eq!(a.loss_wan, Some(1.2));
    assert_eq!(a.grade, Some(AccidentGrade::General));
}

#[test]
fn blank_required_values_are_missing_value_at_their_cell() {
    let b = base().sheet(
        schema::ACCIDENTS,
        vec![
            ledger_headers(schema::ACCIDENTS),
            row![d(2026, 4, 1), "摔伤", "一般", "", 1],
        ],
    );
    let inbox = run(b);
    let m = with(&inbox, Code::MissingValue);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(at(m[0]), (Severity::Error, "安全事故", "D2"));
}

#[test]
fn formula_cells_and_error_values() {
    let b = base().sheet(
        schema::MEETINGS,
        vec![
            ledger_headers(schema::MEETINGS),
            row![
                Cell::Formula("=DATE(2026,3,5)".into(), "46086".into()),
                "会议",
                Cell::Formula("=\"是\"".into(), "是".into()),
                "是",
                "",
                Cell::Formula("=1/0".into(), "#DIV/0!".into()),
            ],
        ],
    );
    let inbox = run(b);
    let bad = with(&inbox, Code::BadValue);
    assert_eq!(bad.len(), 1, "{bad:#?}");
    assert_eq!(at(bad[0]), (Severity::Error, "安全工作会议", "F2"));
    assert_eq!(bad[0].raw.as_deref(), Some("#DIV/0!"));
    let m = &unit(&inbox).meetings.as_ref().unwrap()[0];
    assert_eq!(m.date, Some(d(2026, 3, 5)));
    assert_eq!(m.principal_attended, Some(true));
}

#[test]
fn counts_written_as_wu_and_money_with_its_own_unit() {
    let b = base().sheet(
        schema::ACCIDENTS,
        vec![
            ledger_headers(schema::ACCIDENTS),
            row![d(2026, 4, 1), "摔伤", "一般", "无", "1人", "无", "1.5万元"],
            row![d(2026, 4, 2), "火灾", "一般", 0, 0, 0, "12000元"],
            row![d(2026, 4, 3), "漏水", "一般", 0, 0, 0, 0.3],
        ],
    );
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let a = unit(&inbox).accidents.as_ref().unwrap();
    assert_eq!((a[0].deaths, a[0].injuries), (Some(0), Some(1)));
    let loss: Vec<_> = a.iter().map(|x| x.loss_wan).collect();
    assert_eq!(loss, vec![Some(1.5), Some(1.2), Some(0.3)]);
}

#[test]
fn more_quarter_forms() {
    let mut all = vec![ledger_headers(schema::QUARTERLY)];
    for q in ["2026Q1", "2026-Q2", "三季", "第四季"] {
        all.push(row![q, d(2026, 10, 5)]);
    }
    let inbox = run(base().sheet(schema::QUARTERLY, all));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let q: Vec<_> = unit(&inbox)
        .quarterly
        .as_ref()
        .unwrap()
        .iter()
        .map(|q| q.quarter)
        .collect();
    assert_eq!(q, vec![Some(1), Some(2), Some(3), Some(4)]);
}

#[test]
fn date_formatted_zero_is_blank_not_1899() {
    // A formula pointing at an empty cell shows 1900-01-00 in a date column.
    let inbox = inspections(vec![row![Cell::DateNum(0.0), "实验室"]]);
    let m = with(&inbox, Code::MissingValue);
    assert_eq!(m.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(at(m[0]), (Severity::Error, "隐患排查", "A2"));
    assert!(with(&inbox, Code::OutOfPeriod).is_empty());
}

#[test]
fn extra_serial_column_with_pre_numbered_blank_rows() {
    // 序号 is not a 隐患排查 column, but people add it and number 30 lines in advance.
    let mut rows = vec![row!["序号", "排查日期", "排查范围"]];
    rows.push(row![1, d(2026, 3, 5), "实验室"]);
    for i in 2..=30 {
        rows.push(row![i]);
    }
    rows.push(row!["合计", "", "1次"]);
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inspection_dates(&inbox), vec![Some(d(2026, 3, 5))]);
}

#[test]
fn weekday_after_the_date_without_brackets() {
    let inbox = inspections(vec![
        row!["2026年3月5日 星期四", "实验室"],
        row!["2026年3月5日周四", "实验室"],
    ]);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inspection_dates(&inbox), vec![Some(d(2026, 3, 5)); 2]);
}

#[test]
fn not_yet_in_an_optional_date_column_is_blank_but_a_bad_date_is_not() {
    let b = base().sheet(
        schema::HAZARDS,
        vec![
            ledger_headers(schema::HAZARDS),
            row![
                d(2026, 5, 1),
                "电线老化",
                "一般",
                d(2026, 9, 30),
                "",
                "未完成"
            ],
            row![d(2026, 5, 2), "灯坏", "一般隐患", d(2026, 9, 30), "", "/"],
            row![
                d(2026, 5, 3),
                "门锁",
                "一般",
                d(2026, 9, 30),
                "",
                "三月五日"
            ],
        ],
    );
    let inbox = run(b);
    let f = found(&inbox);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, Code::BadValue);
    assert_eq!(at(f[0]), (Severity::Error, "隐患整改", "F4"));
    let h = unit(&inbox).hazards.as_ref().unwrap();
    assert!(h.iter().all(|h| h.completed_on.is_none()));
    // A placeholder in a required date column is still a finding.
    let inbox = inspections(vec![row!["/", "实验室"]]);
    assert_eq!(with(&inbox, Code::BadValue).len(), 1);
}

#[test]
fn total_row_written_in_the_first_filled_cell() {
    let inbox = run(base().sheet(
        schema::PLAN,
        vec![
            ledger_headers(schema::PLAN),
            row![1, "任务", "李四", d(2026, 12, 31), ""],
            row!["", "小计", "", "", ""],
        ],
    ));
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).plan.as_ref().unwrap().len(), 1);
}

#[test]
fn a_row_saying_none_is_not_an_accident() {
    let b = base().sheet(
        schema::ACCIDENTS,
        vec![
            ledger_headers(schema::ACCIDENTS),
            row!["无", "无", "无", "无", "无"],
        ],
    );
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert!(unit(&inbox).accidents.as_ref().unwrap().is_empty());
    let b = base().sheet(
        schema::ACCIDENTS,
        vec![ledger_headers(schema::ACCIDENTS), row!["本年度无安全事故"]],
    );
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert!(unit(&inbox).accidents.as_ref().unwrap().is_empty());
}

#[test]
fn cover_values_written_in_the_key_cell() {
    let cov = vec![
        row!["单位名称：信息系"],
        row!["年度：2026年"],
        row!["主要负责人: 张某某"],
        row!["报送日期：2026年7月1日"],
        row!["报送日期：以最新为准"],
    ];
    let inbox = run(ledger("信息工程系", 2026, d(2026, 7, 1)).sheet(schema::COVER, cov));
    let f = found(&inbox);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, Code::DuplicateValue);
    let c = &unit(&inbox).cover;
    assert_eq!(c.unit_name_raw.as_deref(), Some("信息系"));
    assert_eq!(c.year, Some(2026));
    assert_eq!(c.principal.as_deref(), Some("张某某"));
    assert_eq!(c.submitted_on, Some(d(2026, 7, 1)));
    assert_eq!(c.cells.get("报送日期").map(String::as_str), Some("A4"));

    let dir = tmp();
    let mut b = register(2026, d(2026, 7, 1));
    b.rows(schema::COVER)[0] = row!["台账类型：保卫处台账"];
    b.save(dir.path(), "r.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.register.is_some());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
}

#[test]
fn findings_name_the_contract_sheet_even_when_the_tab_has_spaces() {
    let b = base()
        .sheet(
            schema::INSPECTIONS,
            vec![
                ledger_headers(schema::INSPECTIONS),
                row!["2026-02-30", "实验室"],
            ],
        )
        .rename(schema::INSPECTIONS, "隐患排查 ");
    let inbox = run(b.without(schema::MEETINGS));
    let bad = with(&inbox, Code::BadValue);
    assert_eq!(bad.len(), 1);
    assert_eq!(at(bad[0]), (Severity::Error, "隐患排查", "A2"));
    let missing = with(&inbox, Code::MissingSheet);
    assert_eq!(missing.len(), 1);
    assert_eq!(at(missing[0]), (Severity::Error, "安全工作会议", ""));
    assert_eq!(missing[0].rule.as_deref(), Some("R2、R3"));
}

#[test]
fn bad_date_message_reads_as_in_the_spec() {
    let inbox = inspections(vec![row!["2026-02-30", "实验室"]]);
    let f = with(&inbox, Code::BadValue);
    assert!(
        f[0].message.starts_with("日期无法识别：2026-02-30"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].rule.as_deref(), Some("R4"));
}

#[test]
fn blank_text_far_down_does_not_overflow() {
    // Blank text far down (a space typed in, =IF(B2="","",…) filled down): not content.
    let b = base()
        .cell(schema::INSPECTIONS, 19_999, 0, "\u{3000}")
        .cell(schema::INSPECTIONS, 19_999, 7, " ");
    let inbox = run(b);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).inspections.as_ref().unwrap().len(), 12);
}

#[test]
fn a_format_line_under_the_header_is_not_data() {
    let inbox = inspections(vec![
        row!["（年-月-日）", "（地点）", "", "(处)"],
        row![d(2026, 3, 5), "实验室"],
    ]);
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(inspection_dates(&inbox), vec![Some(d(2026, 3, 5))]);
}
