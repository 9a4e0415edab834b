//! Blank templates and schema-shaped workbooks: `schema::LEDGER` / `schema::REGISTER` → xlsx bytes
//! (every sheet and header in contract order, drop-downs, date validation, 填表说明). The same
//! writer fills workbooks with rows (`Fill`), which the sample-data generator and tests use, so
//! what we hand out and what we read back never drift apart.

mod help;
mod lists;
mod sheet;
mod validate;

use crate::config::Config;
use crate::schema::{self, Layout, SheetSpec};
use anyhow::Context;
use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook};
use std::path::{Path, PathBuf};

/// File name of the blank unit ledger template.
pub const LEDGER_FILE: &str = "单位安全工作台账模板.xlsx";
/// File name of the blank central register template.
pub const REGISTER_FILE: &str = "保卫处台账模板.xlsx";
/// Name of the hidden sheet holding the roster lists behind the drop-downs.
pub const LISTS_SHEET: &str = "_lists";
/// Name of the instructions sheet.
pub const HELP_SHEET: &str = "填表说明";
/// Validations and column formats cover data rows up to this 1-based row number.
pub const LAST_ROW: u32 = 1000;

/// One cell value to write. A blank cell is simply left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(NaiveDate),
    Number(f64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<NaiveDate> for Value {
    fn from(d: NaiveDate) -> Self {
        Value::Date(d)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}
impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(f64::from(n))
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Number(f64::from(n))
    }
}

/// One data row of a table sheet: canonical header name → value.
pub type Row = Vec<(&'static str, Value)>;

/// Rows for one table sheet, with the layout variations people really send.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Canonical sheet name (a `schema` constant).
    pub sheet: &'static str,
    /// A title row written above the header (e.g. 信息工程系2026年安全隐患排查登记表).
    pub title: Option<String>,
    /// Column order by canonical header name; None → schema order. Headers left out are not
    /// written at all.
    pub order: Option<Vec<&'static str>>,
    /// Header text as written, overriding the canonical name (e.g. 排查日期（必填）).
    pub header_text: Vec<(&'static str, String)>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn new(sheet: &'static str, rows: Vec<Row>) -> Self {
        Table {
            sheet,
            rows,
            ..Table::default()
        }
    }
}

/// What to write into a schema-shaped workbook. Sheets without a `Table` are written blank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fill {
    /// Cover values by canonical key.
    pub cover: Vec<(&'static str, Value)>,
    pub tables: Vec<Table>,
}

impl Fill {
    fn table(&self, sheet: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.sheet == sheet)
    }
}

/// The blank unit ledger (单位安全工作台账模板): every cover value blank.
pub fn ledger_workbook(cfg: &Config) -> anyhow::Result<Vec<u8>> {
    fill_workbook(schema::LEDGER, cfg, &Fill::default())
}

/// The blank central register (保卫处台账模板). Its cover 台账类型 is prefilled with 保卫处台账
/// (that is how ingest recognises it); 年度 and the other values are left blank.
pub fn register_workbook(cfg: &Config) -> anyhow::Result<Vec<u8>> {
    let fill = Fill {
        cover: vec![("台账类型", Value::from(schema::REGISTER_TYPE))],
        tables: Vec::new(),
    };
    fill_workbook(schema::REGISTER, cfg, &fill)
}

/// A workbook shaped by `specs` (`schema::LEDGER` or `schema::REGISTER`) holding `fill`:
/// 填表说明 first, then every sheet of the spec in order, then the hidden `_lists` sheet.
/// Byte-deterministic: fixed document properties, no timestamps.
pub fn fill_workbook(specs: &[SheetSpec], cfg: &Config, fill: &Fill) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(title_of(specs))
        .set_author(cfg.school.name.as_str())
        .set_company(cfg.school.name.as_str())
        .set_creation_datetime(&fixed_creation_date());
    wb.set_properties(&props);
    let lists = lists::Lists::from_config(cfg);
    help::write_help(wb.add_worksheet(), specs)?;
    for spec in specs {
        let ws = wb.add_worksheet();
        match spec.layout {
            Layout::Cover => sheet::write_cover(ws, spec, &fill.cover, &lists)?,
            Layout::Table => {
                let blank = Table::new(spec.name, Vec::new());
                let table = fill.table(spec.name).unwrap_or(&blank);
                sheet::write_table(ws, spec, table, &lists)?
            }
        }
        if spec.layout == Layout::Cover {
            ws.set_active(true);
        }
    }
    lists::write_lists(wb.add_worksheet(), &lists)?;
    let bytes = wb.save_to_buffer().context("生成工作簿失败")?;
    Ok(crate::zipfix::made_by_unix(bytes))
}

fn title_of(specs: &[SheetSpec]) -> &'static str {
    if specs.iter().any(|s| s.name == schema::PUNISHMENTS) {
        "保卫处台账"
    } else {
        "单位安全工作台账"
    }
}

/// 2026-01-01 00:00:00 — the fixed creation time that keeps the bytes identical run to run.
fn fixed_creation_date() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default()
}

/// Write both blank templates into `dir` (each atomically through `output::write_file_atomic`).
/// Returns the paths written, ledger first.
pub fn write_templates(dir: &Path, cfg: &Config) -> anyhow::Result<Vec<PathBuf>> {
    crate::output::write_file_atomic(dir, LEDGER_FILE, &ledger_workbook(cfg)?)?;
    crate::output::write_file_atomic(dir, REGISTER_FILE, &register_workbook(cfg)?)?;
    Ok(vec![dir.join(LEDGER_FILE), dir.join(REGISTER_FILE)])
}

#[cfg(test)]
mod tests;
