//! summary.xlsx read back with calamine: dates are Excel dates, counts/days/quarters/scores are
//! numbers, 得分明细 adds up to the scores; a giant text (issue 7) is cut in the workbook with a
//! warning at its source cell while every output is still written. Print legibility is in
//! `report::print`.

use crate::support::books::*;
use calamine::{Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tongbao::schema;

/// The sample (sample-data/) evaluated and rendered: (results, files).
fn sample(period: &str, as_of: NaiveDate) -> (tongbao::eval::Results, BTreeMap<PathBuf, Vec<u8>>) {
    let (cfg, results) = sample_results(period, as_of);
    let files = tongbao::report::render_all(&results, &cfg, None).unwrap();
    (results, files)
}

/// One sheet as rows of cells.
fn sheet(xlsx: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

/// The non-empty cells of the column headed `head` (below the header row).
fn column<'a>(rows: &'a [Vec<Data>], head: &str) -> Vec<&'a Data> {
    let c = rows[0]
        .iter()
        .position(|h| *h == head)
        .unwrap_or_else(|| panic!("no column {head} in {:?}", rows[0]));
    rows[1..]
        .iter()
        .filter_map(|r| r.get(c))
        .filter(|d| !matches!(d, Data::Empty))
        .collect()
}

fn assert_dates(rows: &[Vec<Data>], head: &str) {
    let cells = column(rows, head);
    assert!(!cells.is_empty(), "{head}: no values");
    for c in cells {
        assert!(
            matches!(c, Data::DateTime(_)) && c.as_date().is_some(),
            "{head}: {c:?} is not an Excel date"
        );
    }
}

fn assert_numbers(rows: &[Vec<Data>], head: &str) -> Vec<f64> {
    let cells = column(rows, head);
    assert!(!cells.is_empty(), "{head}: no values");
    cells
        .iter()
        .map(|c| match c {
            Data::Float(x) => *x,
            Data::Int(x) => *x as f64,
            other => panic!("{head}: {other:?} is not a number"),
        })
        .collect()
}

#[test]
fn detail_sheets_hold_dates_and_numbers() {
    let (r, files) = sample("2026", d(2027, 1, 12));
    let xlsx = &files[&PathBuf::from("summary.xlsx")];
    let q = sheet(xlsx, "季度报告");
    assert_dates(&q, "截止日期");
    assert_dates(&q, "提交日期");
    let quarters = assert_numbers(&q, "季度");
    assert!(quarters.iter().all(|x| (1.0..=4.0).contains(x)));
    let late = assert_numbers(&q, "逾期天数");
    assert!(late.iter().any(|x| *x > 0.0), "{late:?}");
    let p = sheet(xlsx, "惩戒整改");
    assert_dates(&p, "实施日期");
    assert_dates(&p, "截止日期");
    let l = sheet(xlsx, "挂牌督办");
    assert_dates(&l, "挂牌日期");
    assert_dates(&l, "整改时限");
    let a = sheet(xlsx, "安全事故");
    assert_dates(&a, "事故日期");
    assert_numbers(&a, "受伤人数");
    assert_numbers(&sheet(xlsx, "领导调研督查"), "调研督查次数");
    let scores = assert_numbers(&sheet(xlsx, "总表"), "得分");
    assert_eq!(scores.len(), r.units.len());
    let about = sheet(xlsx, "说明");
    let as_of = about.iter().find(|row| row[0] == "评价基准日").unwrap();
    assert_eq!(as_of[1].as_date(), Some(d(2027, 1, 12)));
    // Only text is text: no cell anywhere is a date or a number written as a string (the
    // period's name, 2026, is a name).
    for name in [
        "季度报告",
        "惩戒整改",
        "挂牌督办",
        "安全事故",
        "得分明细",
        "说明",
    ] {
        for row in sheet(xlsx, name).iter().skip(1) {
            if row[0] == "考核期间" {
                continue;
            }
            for c in row {
                if let Data::String(s) = c {
                    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
                    assert!(!date && s.parse::<f64>().is_err(), "{name}: text {s:?}");
                }
            }
        }
    }
}

#[test]
fn points_sheet_adds_up_to_every_score() {
    for (period, as_of) in [("2026", d(2027, 1, 12)), ("2026H1", d(2026, 7, 15))] {
        let (r, files) = sample(period, as_of);
        let rows = sheet(&files[&PathBuf::from("summary.xlsx")], "得分明细");
        let head: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        let counts = if period == "2026" {
            "计入得分"
        } else {
            "计入参考分"
        };
        assert_eq!(
            head,
            [
                "单位",
                "类别",
                "评分项",
                "规则",
                "得分",
                "满分",
                counts,
                "说明"
            ]
        );
        for u in r.units.iter().filter(|u| u.submitted) {
            let mine = rows.iter().filter(|row| row[0].to_string() == u.name);
            let (mut earned, mut max) = (0.0f64, 0.0f64);
            for row in mine.filter(|row| row[6] == "是") {
                earned += row[4].as_f64().unwrap();
                max += row[5].as_f64().unwrap_or(0.0);
            }
            let expected = if period == "2026" {
                earned.clamp(0.0, 100.0)
            } else {
                earned / max * 100.0
            };
            assert!(
                (expected - u.score).abs() < 0.051,
                "{period} {}: rows give {expected}, score {}",
                u.name,
                u.score
            );
        }
        let items = rows[1..].iter().filter(|row| row[2] != "考评加减分");
        let per_unit = r.units[0].points.len();
        assert_eq!(items.count(), per_unit * r.units.len());
    }
}

use crate::support::roster::ROSTER as CONFIG;

/// A ledger whose 隐患描述 (32,760 characters) and a register whose 隐患名称 (32,767, Excel's
/// own limit) fit a cell alone, but not once the workbook adds a prefix to them.
fn giant_inbox(dir: &Path) {
    std::fs::write(dir.join("tongbao.toml"), CONFIG).unwrap();
    let inbox = dir.join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    let description = "隐".repeat(32_760);
    ledger("信息工程系", 2026, d(2026, 12, 20))
        .push(
            schema::HAZARDS,
            row![
                d(2026, 3, 5),
                description,
                "一般",
                d(2026, 3, 20),
                "更换",
                "",
                "李四"
            ],
        )
        .save(&inbox, "信息工程系.xlsx");
    ledger("机电工程系", 2026, d(2026, 12, 20)).save(&inbox, "机电工程系.xlsx");
    let name = "名".repeat(32_767);
    register(2026, d(2026, 12, 20))
        .push(
            schema::LISTED,
            row![
                "GP-1",
                name,
                "信息工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 4, 30),
                "",
                "拒不整改"
            ],
        )
        .save(&inbox, "保卫处台账.xlsx");
}

#[test]
fn giant_text_is_cut_in_the_workbook_with_a_warning_at_its_cell() {
    let dir = tmp();
    giant_inbox(dir.path());
    let out = assert_cmd::Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir.path())
        .args(["build", "--period", "2026", "--as-of", "2027-01-12"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let period = dir.path().join("public/2026");
    for f in [
        "bulletin.html",
        "bulletin.md",
        "results.json",
        "summary.xlsx",
    ] {
        assert!(period.join(f).is_file(), "{f} missing");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(period.join("results.json")).unwrap()).unwrap();
    let warned: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "bad_value" && f["severity"] == "warning")
        .filter(|f| f["message"].as_str().unwrap().contains("summary.xlsx"))
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("file"), format!("{}!{}", s("sheet"), s("cell")))
        })
        .collect();
    assert!(
        warned.contains(&("信息工程系.xlsx".into(), "隐患整改!B3".into())),
        "{warned:?}"
    );
    assert!(
        warned.contains(&("保卫处台账.xlsx".into(), "挂牌督办!B2".into())),
        "{warned:?}"
    );
    // The workbook holds the text, cut to Excel's limit, saying so.
    let xlsx = std::fs::read(period.join("summary.xlsx")).unwrap();
    let rows = sheet(&xlsx, "挂牌督办");
    let cut: Vec<&String> = rows
        .iter()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) if s.contains("已截去") => Some(s),
            _ => None,
        })
        .collect();
    assert!(!cut.is_empty(), "no shortened cell in 挂牌督办");
    for s in cut {
        assert!(s.encode_utf16().count() <= tongbao::report::xlsx::CELL_MAX);
        assert!(s.starts_with("GP-1名名名"), "{}", &s[..30]);
    }
    // The full name stays in results.json.
    assert!(json.to_string().contains(&"名".repeat(32_767)));
}
