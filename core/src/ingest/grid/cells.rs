//! Cells: a worksheet's `Value`s in a bounded `Grid` at absolute positions. A cell beyond
//! `MAX_ROWS`/`MAX_COLS`, more than `MAX_CELLS` cells or `MAX_SHEET_TEXT` of text stops reading
//! the sheet and is reported. xls/ods are parsed whole by calamine at open, so before they are
//! opened `biff` (xls) and `odsscan` (ods) refuse a file with a content cell beyond these bounds,
//! too many cells, too large a dense area or too much text (see `guard::limits`). Reading a
//! sheet into a grid is `book`'s.

use calamine::{Data, DataRef};
use chrono::NaiveDate;

use crate::ingest::guard::limits::{DATE_SERIAL_LIMIT, MAX_SHEET_TEXT};
use crate::ingest::guard::limits::{MAX_CELLS, MAX_COLS, MAX_ROWS};

/// One cell's value, as typed by the user (a formula's cached value).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A real Excel date (date-formatted cell), already in the workbook's date system.
    Date(NaiveDate),
    /// An error value such as `#REF!`.
    Error(String),
}

impl Value {
    /// Empty, or text made only of whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.chars().all(char::is_whitespace),
            _ => false,
        }
    }

    /// The value as the user would read it, for findings.
    pub fn raw(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.clone(),
            Value::Number(n) => fmt_number(*n),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// 3.0 → "3", 1.5 → "1.5".
pub fn fmt_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Text of a cell; whitespace-only text is Empty (`Grid::push` drops it), so a blank cell costs
/// no allocation.
pub(super) fn text(s: &str) -> Value {
    if s.chars().all(char::is_whitespace) {
        Value::Empty
    } else {
        Value::Text(s.to_string())
    }
}

/// A date-formatted value: a real date, or its serial when it is not a datetime.
pub(super) fn date_time(dt: &calamine::ExcelDateTime) -> Value {
    // A date-formatted 0 (Excel shows 1900-01-00) is what a formula pointing at an empty cell
    // gives: nothing was filled in.
    let serial = dt.as_f64();
    if serial == 0.0 {
        return Value::Empty;
    }
    // calamine converts through chrono::Duration::milliseconds, which panics far outside the
    // calendar (e.g. −1e11): such a serial stays a number, judged (bad_value) at its cell.
    if !(-DATE_SERIAL_LIMIT..=DATE_SERIAL_LIMIT).contains(&serial) {
        return Value::Number(serial);
    }
    match dt.as_datetime() {
        Some(t) if dt.is_datetime() => Value::Date(t.date()),
        _ => Value::Number(dt.as_f64()),
    }
}

pub(super) fn from_dataref(d: &DataRef<'_>) -> Value {
    match d {
        DataRef::Empty => Value::Empty,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => iso_date(s).map_or_else(|| text(s), Value::Date),
        DataRef::DurationIso(s) => text(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

pub(super) fn from_data(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => text(s),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso_date(s).map_or_else(|| text(s), Value::Date),
        Data::DurationIso(s) => text(s),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The cells of one sheet at absolute 0-based positions, bounded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    rows: Vec<Vec<Value>>,
    cells: usize,
    text: usize,
    /// The first cell refused (0-based row, col), when reading stopped early.
    pub overflow: Option<(u32, u32)>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    /// Number of rows up to the last one holding a cell.
    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Width of one row (up to its last cell).
    pub fn width(&self, row: u32) -> u32 {
        self.rows.get(row as usize).map_or(0, |r| r.len() as u32)
    }

    /// Is every cell of the row blank?
    pub fn row_blank(&self, row: u32) -> bool {
        self.rows
            .get(row as usize)
            .is_none_or(|r| r.iter().all(Value::is_blank))
    }

    /// Store a cell; false when it is beyond the bounds (reading must stop).
    pub fn push(&mut self, row: u32, col: u32, v: Value) -> bool {
        // Blank cells hold nothing and cost nothing: a formula giving "" filled far down the
        // sheet is not content beyond the bounds.
        if v.is_blank() {
            return true;
        }
        if row >= MAX_ROWS || col >= MAX_COLS || self.cells >= MAX_CELLS {
            self.overflow = Some((row, col));
            return false;
        }
        if let Value::Text(t) = &v {
            self.text = self.text.saturating_add(t.len());
            if self.text > MAX_SHEET_TEXT {
                self.overflow = Some((row, col));
                return false;
            }
        }
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let slot = self.rows.get_mut(r).and_then(|cells| {
            if cells.len() <= c {
                cells.resize(c + 1, Value::Empty);
            }
            cells.get_mut(c)
        });
        if let Some(slot) = slot {
            *slot = v;
        }
        self.cells += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_bounds() {
        let mut g = Grid::default();
        assert!(g.push(0, 0, Value::Text("a".into())));
        assert!(!g.push(MAX_ROWS, 0, Value::Text("b".into())));
        assert_eq!(g.overflow, Some((MAX_ROWS, 0)));
        assert!(!g.push(0, MAX_COLS, Value::Number(1.0)));
        assert_eq!(g.height(), 1);
        assert!(g.row_blank(5));
        let big = "字".repeat(MAX_SHEET_TEXT / 6 + 1);
        assert!(g.push(1, 0, Value::Text(big.clone())));
        assert!(!g.push(2, 0, Value::Text(big)));
        assert_eq!(g.overflow, Some((2, 0)));
    }

    #[test]
    fn raw_text() {
        assert_eq!(Value::Number(3.0).raw(), "3");
        assert_eq!(Value::Number(1.5).raw(), "1.5");
        assert!(Value::Text(" \u{3000}".into()).is_blank());
    }
}
