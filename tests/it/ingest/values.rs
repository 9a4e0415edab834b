//! contract.md "Cell values": one test per bullet, each asserting the exact typed value or the
//! exact finding (code, sheet, cell, raw).

use crate::support::books::findings_with as found;
use crate::support::books::*;
use crate::support::inbox::{base, ingest_2026 as run_in};
use tongbao::findings::{Code, Finding, Severity};

use tongbao::model::*;
use tongbao::schema;

fn run(book: Book) -> Inbox {
    crate::support::inbox::ingest_one(book, "台账.xlsx")
}

fn inspections(rows: Vec<Vec<Cell>>) -> Inbox {
    let mut all = vec![ledger_headers(schema::INSPECTIONS)];
    all.extend(rows);
    run(base().sheet(schema::INSPECTIONS, all))
}

fn dates(inbox: &Inbox) -> Vec<Option<NaiveDate>> {
    inbox.ledgers["信息工程系"]
        .inspections
        .as_ref()
        .unwrap()
        .iter()
        .map(|i| i.date)
        .collect()
}

#[test]
fn dates_in_every_accepted_form() {
    let forms: Vec<Cell> = vec![
        d(2026, 3, 5).into(),
        "2026-03-05".into(),
        "2026/3/5".into(),
        "2026.3.5".into(),
        "2026年3月5日".into(),
        "20260305".into(),
        "２０２６－０３－０５".into(),
        " 2026 年 3 月 5 日 ".into(),
        Cell::Num(20260305.0),
        Cell::Num(46086.0),
    ];
    let n = forms.len();
    let inbox = inspections(
        forms
            .into_iter()
            .map(|c| vec![c, "实验室".into()])
            .collect(),
    );
    assert_eq!(found(&inbox, Code::BadValue), Vec::<&Finding>::new());
    assert_eq!(dates(&inbox), vec![Some(d(2026, 3, 5)); n]);
}

#[test]
fn bad_dates_are_bad_value_with_cell_and_raw() {
    let inbox = inspections(vec![
        row![d(2026, 1, 5), "实验室"],
        row!["2026-02-30", "宿舍"],
        row!["三月五日", "食堂"],
    ]);
    let bad = found(&inbox, Code::BadValue);
    assert_eq!(
        bad.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![
            (Severity::Error, "隐患排查", "A3"),
            (Severity::Error, "隐患排查", "A4")
        ]
    );
    assert_eq!(bad[0].raw.as_deref(), Some("2026-02-30"));
    assert_eq!(bad[1].raw.as_deref(), Some("三月五日"));
    assert_eq!(bad[0].rule.as_deref(), Some("R4"));
    assert!(
        bad[0].message.contains("排查日期") && bad[0].message.contains("日期"),
        "{}",
        bad[0].message
    );
    assert_eq!(bad[0].unit.as_deref(), Some("信息工程系"));
    assert_eq!(dates(&inbox), vec![Some(d(2026, 1, 5)), None, None]);
}

#[test]
fn dates_in_a_1904_workbook() {
    let dir = tmp();
    let mut b = base();
    let rows = b.rows(schema::INSPECTIONS);
    rows.truncate(1);
    // 2026-03-05 is serial 44624 in the 1904 system: as a date-formatted cell and as a bare number.
    rows.push(vec![Cell::DateNum(44624.0), "实验室".into()]);
    rows.push(vec![Cell::Num(44624.0), "宿舍".into()]);
    rows.push(row!["2026-03-06", "食堂"]);
    b.rows(schema::COVER)[3] = vec!["报送日期".into(), Cell::DateNum(46387.0 - 1462.0)];
    let p = b.save(dir.path(), "台账.xlsx");
    set_1904(&p);
    let inbox = run_in(dir.path());
    assert_eq!(
        dates(&inbox),
        vec![
            Some(d(2026, 3, 5)),
            Some(d(2026, 3, 5)),
            Some(d(2026, 3, 6))
        ]
    );
    assert_eq!(
        inbox.ledgers["信息工程系"].cover.submitted_on,
        Some(d(2026, 12, 31))
    );
}

#[test]
fn required_blank_is_missing_value() {
    let inbox = inspections(vec![row![d(2026, 3, 5), ""]]);
    let f = found(&inbox, Code::MissingValue);
    assert_eq!(
        f.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![(Severity::Error, "隐患排查", "B2")]
    );
    assert_eq!(
        inbox.ledgers["信息工程系"].inspections.as_ref().unwrap()[0].scope,
        None
    );
}

#[test]
fn yes_no_forms() {
    let mut rows = vec![ledger_headers(schema::MEETINGS)];
    let forms = [
        ("是", "否"),
        ("Y", "N"),
        ("yes", "no"),
        ("√", "×"),
        ("✓", "✗"),
        ("有", "无"),
        ("1", "0"),
    ];
    for (i, (y, n)) in forms.iter().enumerate() {
        rows.push(row![d(2026, 3, 1 + i as u32), "会议", *y, *n]);
    }
    rows.push(row![d(2026, 3, 20), "会议", Cell::Num(1.0), "可能"]);
    let inbox = run(base().sheet(schema::MEETINGS, rows));
    let m = inbox.ledgers["信息工程系"].meetings.clone().unwrap();
    for x in &m[..forms.len()] {
        assert_eq!(
            (x.principal_attended, x.prevention_studied),
            (Some(true), Some(false))
        );
    }
    assert_eq!(
        (m[7].principal_attended, m[7].prevention_studied),
        (Some(true), None)
    );
    let bad = found(&inbox, Code::BadValue);
    assert_eq!(
        bad.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![(Severity::Error, "安全工作会议", "D9")]
    );
    assert_eq!(bad[0].rule.as_deref(), Some("R3"));
}

#[test]
fn quarter_forms() {
    let mut rows = vec![ledger_headers(schema::QUARTERLY)];
    for q in ["第一季度", "二季度", "Q3", "4", "第1季度", "第五季度"] {
        rows.push(row![q, d(2026, 10, 8)]);
    }
    let inbox = run(base().sheet(schema::QUARTERLY, rows));
    let q: Vec<_> = inbox.ledgers["信息工程系"]
        .quarterly
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.quarter)
        .collect();
    assert_eq!(q, vec![Some(1), Some(2), Some(3), Some(4), Some(1), None]);
    let bad = found(&inbox, Code::BadValue);
    assert_eq!(
        (at(bad[0]), bad[0].raw.as_deref()),
        ((Severity::Error, "季度报告", "A7"), Some("第五季度"))
    );
}

#[test]
fn accident_and_hazard_grades() {
    let acc = vec![
        ledger_headers(schema::ACCIDENTS),
        row![d(2026, 3, 1), "摔伤", "一般", 0, 1],
        row![d(2026, 3, 2), "火灾", "较大事故", 0, 0],
        row![d(2026, 3, 3), "坍塌", "特别重大", 0, 0],
        row![d(2026, 3, 4), "其他", "严重", 0, 0],
    ];
    let haz = vec![
        ledger_headers(schema::HAZARDS),
        row![d(2026, 3, 1), "a", "一般隐患", d(2026, 4, 1)],
        row![d(2026, 3, 1), "b", "重大事故隐患", d(2026, 4, 1)],
        row![d(2026, 3, 1), "c", "较大", d(2026, 4, 1)],
    ];
    let inbox = run(base()
        .sheet(schema::ACCIDENTS, acc)
        .sheet(schema::HAZARDS, haz));
    let l = &inbox.ledgers["信息工程系"];
    let a: Vec<_> = l
        .accidents
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| a.grade)
        .collect();
    assert_eq!(
        a,
        vec![
            Some(AccidentGrade::General),
            Some(AccidentGrade::Major),
            Some(AccidentGrade::Extraordinary),
            None
        ]
    );
    let h: Vec<_> = l
        .hazards
        .as_ref()
        .unwrap()
        .iter()
        .map(|h| h.grade)
        .collect();
    assert_eq!(
        h,
        vec![
            Some(HazardGrade::General),
            Some(HazardGrade::Serious),
            Some(HazardGrade::Major)
        ]
    );
    let bad = found(&inbox, Code::BadValue);
    assert_eq!(
        bad.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![(Severity::Error, "安全事故", "C5")]
    );
    assert_eq!(bad[0].rule.as_deref(), Some("R9、R11"));
}

#[test]
fn money_in_wan_or_yuan() {
    let wan = vec![
        row![
            "发生日期",
            "事故概况",
            "事故等级",
            "死亡人数",
            "受伤人数",
            "直接经济损失（万元）"
        ],
        row![d(2026, 3, 1), "火灾", "一般", 0, "3人", 1.5],
    ];
    let inbox = run(base().sheet(schema::ACCIDENTS, wan));
    let a = &inbox.ledgers["信息工程系"].accidents.as_ref().unwrap()[0];
    assert_eq!(
        (a.loss_wan, a.injuries, a.deaths),
        (Some(1.5), Some(3), Some(0))
    );
    let yuan = vec![
        row![
            "发生日期",
            "事故概况",
            "事故等级",
            "死亡人数",
            "受伤人数",
            "直接经济损失（元）"
        ],
        row![d(2026, 3, 1), "火灾", "一般", 0, 0, 15000],
    ];
    let inbox = run(base().sheet(schema::ACCIDENTS, yuan));
    assert_eq!(
        inbox.ledgers["信息工程系"].accidents.as_ref().unwrap()[0].loss_wan,
        Some(1.5)
    );
}

#[test]
fn formula_cached_values_count_and_error_values_are_findings() {
    let rows = vec![
        ledger_headers(schema::INSPECTIONS),
        vec![
            Cell::Formula("=DATE(2026,3,5)".into(), "46086".into()),
            "实验室".into(),
            "".into(),
            Cell::Formula("=1+1".into(), "2".into()),
        ],
        vec![
            d(2026, 4, 5).into(),
            "宿舍".into(),
            "".into(),
            Cell::Formula("=1/0".into(), "#DIV/0!".into()),
        ],
        vec![
            Cell::Formula("=#REF!".into(), "#REF!".into()),
            "食堂".into(),
        ],
    ];
    let inbox = run(base().sheet(schema::INSPECTIONS, rows));
    let v = inbox.ledgers["信息工程系"].inspections.clone().unwrap();
    assert_eq!(
        (v[0].date, v[0].hazards_found),
        (Some(d(2026, 3, 5)), Some(2))
    );
    assert_eq!((v[1].date, v[1].hazards_found), (Some(d(2026, 4, 5)), None));
    assert_eq!(v[2].date, None);
    let bad = found(&inbox, Code::BadValue);
    assert_eq!(
        bad.iter()
            .map(|f| (at(f), f.raw.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            ((Severity::Error, "隐患排查", "D3"), Some("#DIV/0!")),
            ((Severity::Error, "隐患排查", "A4"), Some("#REF!")),
        ]
    );
}

#[test]
fn event_dates_outside_the_year_are_dropped_with_a_warning() {
    let inbox = inspections(vec![
        row![d(2025, 12, 28), "实验室"],
        row![d(2026, 1, 5), "宿舍"],
    ]);
    let f = found(&inbox, Code::OutOfPeriod);
    assert_eq!(
        f.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![(Severity::Warning, "隐患排查", "A2")]
    );
    assert_eq!(f[0].raw.as_deref(), Some("2025-12-28"));
    assert_eq!(dates(&inbox), vec![Some(d(2026, 1, 5))]);
}

#[test]
fn dates_after_the_cover_submission_date() {
    let mut b = ledger("信息工程系", 2026, d(2026, 7, 3));
    b = b
        .sheet(
            schema::INSPECTIONS,
            vec![
                ledger_headers(schema::INSPECTIONS),
                row![d(2026, 7, 2), "a"],
                row![d(2026, 7, 20), "b"],
            ],
        )
        .sheet(
            schema::QUARTERLY,
            vec![
                ledger_headers(schema::QUARTERLY),
                row!["第二季度", d(2026, 7, 8)],
            ],
        )
        .sheet(
            schema::HAZARDS,
            vec![
                ledger_headers(schema::HAZARDS),
                // 整改期限 after 报送日期 is normal; 整改完成日期 after it is not.
                row![
                    d(2026, 6, 1),
                    "x",
                    "一般",
                    d(2026, 9, 1),
                    "",
                    d(2026, 7, 10)
                ],
            ],
        );
    let inbox = run(b);
    let l = &inbox.ledgers["信息工程系"];
    assert_eq!(
        l.inspections
            .as_ref()
            .unwrap()
            .iter()
            .map(|i| i.date)
            .collect::<Vec<_>>(),
        vec![Some(d(2026, 7, 2))]
    );
    assert_eq!(l.quarterly.as_ref().unwrap()[0].submitted_on, None);
    let h = &l.hazards.as_ref().unwrap()[0];
    assert_eq!((h.deadline, h.completed_on), (Some(d(2026, 9, 1)), None));
    let f = found(&inbox, Code::FutureDate);
    assert_eq!(
        f.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![
            (Severity::Warning, "季度报告", "B2"),
            (Severity::Warning, "隐患排查", "A3"),
            (Severity::Warning, "隐患整改", "F2"),
        ]
    );
}

#[test]
fn register_rows_units_measures_and_leaders() {
    let dir = tmp();
    let reg = register(2026, d(2026, 7, 4))
        .push(
            schema::PUNISHMENTS,
            row!["信息系", "整改通知书", "2026-03-02", "未排查"],
        )
        .push(schema::PUNISHMENTS, row!["外语系", "约谈", d(2026, 3, 2)])
        .push(
            schema::LISTED,
            row![
                "GP-1",
                "配电房",
                "信息工程系、机电工程系；信息系",
                "学校",
                d(2026, 3, 1),
                d(2026, 5, 1),
                "",
                "整改中"
            ],
        )
        .push(schema::VISITS, row!["王某某", d(2026, 4, 1), "学生处"])
        .push(schema::VISITS, row!["赵某", d(2026, 4, 2), "校医院"])
        .push(schema::ADJUSTMENTS, row!["学生处", "-3分", "通报"]);
    reg.save(dir.path(), "r.xlsx");
    let inbox = run_in(dir.path());
    let r = inbox.register.as_ref().unwrap();
    let p = r.punishments.as_ref().unwrap();
    assert_eq!(
        (p[0].unit.as_deref(), p[0].measure, p[0].imposed),
        (
            Some("信息工程系"),
            Some(Measure::RectificationNotice),
            Some(d(2026, 3, 2))
        )
    );
    assert_eq!(p[1].unit, None);
    let l = r.listed_hazards.as_ref().unwrap();
    assert_eq!(
        l.iter()
            .map(|h| h.unit.clone().unwrap())
            .collect::<Vec<_>>(),
        vec!["信息工程系", "机电工程系"]
    );
    assert_eq!(
        (l[1].id.as_deref(), l[1].level, l[1].state),
        (
            Some("GP-1"),
            Some(SupervisionLevel::School),
            Some(ListedState::InProgress)
        )
    );
    let v = r.visits.as_ref().unwrap();
    assert_eq!(
        (v[0].leader.as_deref(), v[0].visited.as_deref()),
        (Some("王某某"), Some("学生处"))
    );
    assert_eq!(
        (v[1].leader.as_deref(), v[1].visited.as_deref()),
        (Some("赵某"), Some("校医院"))
    );
    assert_eq!(r.adjustments.as_ref().unwrap()[0].points, Some(-3.0));
    let unknown = found(&inbox, Code::UnknownUnit);
    assert_eq!(
        unknown
            .iter()
            .map(|f| (at(f), f.raw.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            ((Severity::Error, "惩戒措施", "A3"), Some("外语系")),
            ((Severity::Warning, "领导调研督查", "C3"), Some("校医院")),
        ]
    );
    let leader = found(&inbox, Code::UnknownLeader);
    assert_eq!(
        leader.iter().map(|f| at(f)).collect::<Vec<_>>(),
        vec![(Severity::Warning, "领导调研督查", "A3")]
    );
}
