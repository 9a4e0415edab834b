//! Test fixtures shared by every integration test: a `Book` builder that writes workbooks with
//! rust_xlsxwriter (sheets of rows of typed cells), cover helpers, a minimal valid unit ledger and
//! central register generator, the roster (re-exported from `roster`), and byte-level tweaks
//! (1904 date system).
//!
//! Use: `use crate::support::books::*;` then `row!["a", 1, d(2026, 3, 5)]`.
#![allow(dead_code)]

pub use super::roster::{config, no_roster, roster};
pub use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use tongbao::config::Config;
use tongbao::schema::{self, SheetSpec};

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Num(f64),
    /// A real Excel date (date-formatted serial).
    Date(NaiveDate),
    /// A serial number with a date format (for 1904-system books built by hand).
    DateNum(f64),
    Bool(bool),
    /// A formula with its cached result (e.g. `"=1/0"`, `"#DIV/0!"` gives an error cell).
    Formula(String, String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::from(s.as_str())
    }
}
impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Num(n)
    }
}
impl From<i32> for Cell {
    fn from(n: i32) -> Self {
        Cell::Num(n.into())
    }
}
impl From<u32> for Cell {
    fn from(n: u32) -> Self {
        Cell::Num(n.into())
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Cell::Bool(b)
    }
}
impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}

/// A row of cells from mixed values: `row!["会议日期", 3, d(2026, 3, 5)]`.
#[macro_export]
macro_rules! row {
    ($($x:expr),* $(,)?) => { vec![$($crate::support::books::Cell::from($x)),*] };
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One sheet: rows starting at `first_row` (0-based), plus single cells and merges.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub first_row: u32,
    pub rows: Vec<Vec<Cell>>,
    pub extra: Vec<(u32, u16, Cell)>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

/// A workbook to write.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn new() -> Self {
        Book::default()
    }

    /// Add (or replace) a sheet whose rows start at A1.
    pub fn sheet(self, name: &str, rows: Vec<Vec<Cell>>) -> Self {
        self.sheet_at(name, 0, rows)
    }

    /// Add (or replace) a sheet whose rows start at 0-based row `first_row`.
    pub fn sheet_at(mut self, name: &str, first_row: u32, rows: Vec<Vec<Cell>>) -> Self {
        let s = Sheet {
            name: name.to_string(),
            first_row,
            rows,
            extra: Vec::new(),
            merges: Vec::new(),
        };
        match self.sheets.iter_mut().find(|x| x.name == name) {
            Some(x) => *x = s,
            None => self.sheets.push(s),
        }
        self
    }

    pub fn without(mut self, name: &str) -> Self {
        self.sheets.retain(|s| s.name != name);
        self
    }

    /// Rename a sheet (e.g. to test normalised sheet names).
    pub fn rename(mut self, from: &str, to: &str) -> Self {
        if let Some(s) = self.sheets.iter_mut().find(|s| s.name == from) {
            s.name = to.to_string();
        }
        self
    }

    /// Mutable rows of a sheet (panics when absent: tests only).
    pub fn rows(&mut self, name: &str) -> &mut Vec<Vec<Cell>> {
        &mut self
            .sheets
            .iter_mut()
            .find(|s| s.name == name)
            .expect("sheet")
            .rows
    }

    /// Append a data row to a sheet.
    pub fn push(mut self, name: &str, row: Vec<Cell>) -> Self {
        self.rows(name).push(row);
        self
    }

    /// Put one cell anywhere (0-based row/col), e.g. XFD1048576.
    pub fn cell(mut self, name: &str, row: u32, col: u16, c: impl Into<Cell>) -> Self {
        let s = self
            .sheets
            .iter_mut()
            .find(|s| s.name == name)
            .expect("sheet");
        s.extra.push((row, col, c.into()));
        self
    }

    /// Merge a range (0-based, inclusive); the first cell keeps its value.
    pub fn merge(mut self, name: &str, r1: u32, c1: u16, r2: u32, c2: u16) -> Self {
        let s = self
            .sheets
            .iter_mut()
            .find(|s| s.name == name)
            .expect("sheet");
        s.merges.push((r1, c1, r2, c2));
        self
    }

    /// The .xlsx bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for s in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&s.name).unwrap();
            for (i, row) in s.rows.iter().enumerate() {
                for (j, c) in row.iter().enumerate() {
                    write(ws, s.first_row + i as u32, j as u16, c, &date);
                }
            }
            for (r, c, v) in &s.extra {
                write(ws, *r, *c, v, &date);
            }
            for &(r1, c1, r2, c2) in &s.merges {
                let text = match s
                    .rows
                    .get((r1 - s.first_row) as usize)
                    .and_then(|r| r.get(c1 as usize))
                {
                    Some(Cell::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                ws.merge_range(r1, c1, r2, c2, &text, &Format::new())
                    .unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    }

    /// Write into `dir/name`, returning the path.
    pub fn save(&self, dir: &Path, name: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, self.to_bytes()).unwrap();
        p
    }
}

fn write(ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, v: &Cell, date: &Format) {
    match v {
        Cell::Empty => {}
        Cell::Text(t) => {
            ws.write_string(r, c, t).unwrap();
        }
        Cell::Num(n) => {
            ws.write_number(r, c, *n).unwrap();
        }
        Cell::Date(d) => {
            ws.write_date_with_format(r, c, d, date).unwrap();
        }
        Cell::DateNum(n) => {
            ws.write_number_with_format(r, c, *n, date).unwrap();
        }
        Cell::Bool(b) => {
            ws.write_boolean(r, c, *b).unwrap();
        }
        Cell::Formula(f, res) => {
            ws.write_formula(r, c, Formula::new(f).set_result(res))
                .unwrap();
        }
    }
}

/// Header row of a schema sheet (every column, in schema order).
pub fn headers(spec: &SheetSpec) -> Vec<Cell> {
    spec.cols.iter().map(|c| Cell::from(c.name)).collect()
}

/// Header row of a ledger/register sheet by name.
pub fn ledger_headers(sheet: &str) -> Vec<Cell> {
    headers(schema::ledger_sheet(sheet).expect("ledger sheet"))
}
pub fn register_headers(sheet: &str) -> Vec<Cell> {
    headers(schema::register_sheet(sheet).expect("register sheet"))
}

/// Cover rows (key in A, value in B).
pub fn cover(pairs: Vec<(&str, Cell)>) -> Vec<Vec<Cell>> {
    pairs
        .into_iter()
        .map(|(k, v)| vec![Cell::from(k), v])
        .collect()
}

/// A ledger cover with the required keys and the R1/R8 keys.
pub fn ledger_cover(unit: &str, year: i32, submitted: NaiveDate) -> Vec<Vec<Cell>> {
    cover(vec![
        ("单位名称", unit.into()),
        ("年度", year.into()),
        ("主要负责人", "张某某".into()),
        ("报送日期", submitted.into()),
        ("单位类型", "系部".into()),
        ("计划抄送保卫处日期", d(year, 3, 1).into()),
        ("年度总结报告安全履职", "是".into()),
        ("绩效述职述安", "是".into()),
    ])
}

/// A minimal valid unit ledger: every sheet with its headers; one plan task, one meeting, one
/// inspection per month up to `submitted`, one hazard, the quarterly reports due by then, no
/// accident. All dates lie in `year` and on or before `submitted`.
pub fn ledger(unit: &str, year: i32, submitted: NaiveDate) -> Book {
    use chrono::Datelike;
    let last_month = if submitted.year() > year {
        12
    } else {
        submitted.month()
    };
    let mut inspections = vec![ledger_headers(schema::INSPECTIONS)];
    for m in 1..=last_month {
        let day = d(year, m, 10).min(submitted);
        inspections.push(row![day, "教学楼、实验室", "张三、李四", 1, 1, ""]);
    }
    let mut quarterly = vec![ledger_headers(schema::QUARTERLY)];
    for q in 1..=4u32 {
        let due = d(year, q * 3, 1) + chrono::Duration::days(35);
        if due <= submitted {
            quarterly.push(row![
                format!("第{}季度", ["一", "二", "三", "四"][q as usize - 1]),
                due - chrono::Duration::days(5),
                "季度报告",
                0
            ]);
        }
    }
    let meeting = d(year, 3, 5).min(submitted);
    Book::new()
        .sheet(schema::COVER, ledger_cover(unit, year, submitted))
        .sheet(
            schema::PLAN,
            vec![
                ledger_headers(schema::PLAN),
                row![1, "每月开展安全隐患排查", "李四", d(year, 12, 31), ""],
            ],
        )
        .sheet(
            schema::MEETINGS,
            vec![
                ledger_headers(schema::MEETINGS),
                row![
                    meeting,
                    "春季学期安全工作会议",
                    "是",
                    "是",
                    "张某某",
                    20,
                    "纪要1"
                ],
            ],
        )
        .sheet(schema::INSPECTIONS, inspections)
        .sheet(
            schema::HAZARDS,
            vec![
                ledger_headers(schema::HAZARDS),
                row![
                    meeting,
                    "灭火器过期",
                    "一般",
                    d(year, 12, 31),
                    "更换",
                    "",
                    "李四"
                ],
            ],
        )
        .sheet(schema::QUARTERLY, quarterly)
        .sheet(schema::ACCIDENTS, vec![ledger_headers(schema::ACCIDENTS)])
}

/// A minimal valid central register: cover and every sheet with its headers, no rows.
pub fn register(year: i32, submitted: NaiveDate) -> Book {
    let mut b = Book::new().sheet(
        schema::COVER,
        cover(vec![
            ("台账类型", schema::REGISTER_TYPE.into()),
            ("年度", year.into()),
            ("填报人", "保卫处".into()),
            ("报送日期", submitted.into()),
        ]),
    );
    for spec in &schema::REGISTER[1..] {
        b = b.sheet(spec.name, vec![headers(spec)]);
    }
    b
}

pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Rewrite one zip entry of an xlsx in place.
pub fn patch_entry(path: &Path, entry: &str, f: impl Fn(String) -> String) {
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if name == entry {
            data = f(String::from_utf8(data).unwrap()).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    std::fs::write(path, zout.finish().unwrap().into_inner()).unwrap();
}

/// Switch a saved xlsx to the 1904 date system (`workbookPr date1904="1"`).
pub fn set_1904(path: &Path) {
    patch_entry(path, "xl/workbook.xml", |x| {
        x.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    });
}

/// The findings of one code, in order.
pub fn findings_with(
    inbox: &tongbao::model::Inbox,
    code: tongbao::findings::Code,
) -> Vec<&tongbao::findings::Finding> {
    inbox.findings.iter().filter(|f| f.code == code).collect()
}

/// A finding's severity and location, for compact assertions.
pub fn at(f: &tongbao::findings::Finding) -> (tongbao::findings::Severity, &str, &str) {
    (
        f.severity,
        f.sheet.as_deref().unwrap_or(""),
        f.cell.as_deref().unwrap_or(""),
    )
}

/// The shipped sample (sample-data/: tongbao.toml and inbox/2026) evaluated for `period` at
/// `as_of`, with its config.
pub fn sample(
    period: &str,
    as_of: NaiveDate,
    doc_number: Option<u32>,
) -> (Config, tongbao::eval::Results) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let cfg = tongbao::config::load(&base.join("tongbao.toml")).unwrap();
    let opts = tongbao::ingest::Options {
        year: Some(2026),
        recursive: false,
    };
    // The selection `build` uses: versions dated after as-of do not count.
    let sel = tongbao::ingest::Selection {
        as_of: Some(as_of),
        keep_all: false,
    };
    let inbox =
        tongbao::ingest::ingest_dir_with(&base.join("inbox/2026"), &cfg, &opts, sel).unwrap();
    let results = tongbao::rules::evaluate(&tongbao::rules::EvalInput {
        cfg: &cfg,
        inbox: &inbox,
        period: period.parse().unwrap(),
        as_of,
        doc_number,
    });
    // `build` evaluates taking the inbox, each ledger freed once its unit is judged (and the
    // heap handed back every `FREED_EVERY` units): the very same results.
    let setting = tongbao::eval::Setting {
        cfg: &cfg,
        period: period.parse().unwrap(),
        as_of,
        doc_number,
        freed: Some(tongbao::heap::give_back),
    };
    let register = inbox.register.clone();
    let (owned, back) = tongbao::eval::evaluate_inbox(&setting, inbox, None);
    assert_eq!(owned, results);
    assert_eq!(back, register);
    (cfg, results)
}

/// The shipped sample evaluated for `period` as of `as_of`, with 发文字号 12: (config, results).
pub fn sample_results(period: &str, as_of: NaiveDate) -> (Config, tongbao::eval::Results) {
    sample(period, as_of, Some(12))
}
