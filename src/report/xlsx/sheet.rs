//! One sheet of summary.xlsx, buffered: cells are typed (text, status, number, date) and
//! written when the sheet is finished, once the column widths are known. Text wider than
//! `WRAP` characters wraps in a column of fixed width instead of widening the sheet; every text
//! goes through `cap` (Excel's 32,767-character limit) and gets a quote prefix when it would
//! look like a formula.

use super::print::{self, Repeat};
use crate::eval::Status;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Excel's limit for the text of one cell, in UTF-16 code units.
pub const CELL_MAX: usize = 32_767;
/// A text longer than this (in characters) may be shortened in the workbook: ingest warns at
/// its source cell, and `cap` keeps this much of a text over `CELL_MAX`.
pub use crate::ingest::limits::LONG_TEXT;
/// Display width (Excel characters) above which a column wraps at this width.
const WRAP: usize = 30;
/// Display width at which a header wraps.
const HEAD_WRAP: usize = 8;

/// Number formats.
pub(super) const INT: &str = "0";
pub(super) const SCORE: &str = "0.0";
pub(super) const PERCENT: &str = "0.0%";
pub(super) const GENERAL: &str = "General";
pub(super) const DATE: &str = "yyyy-mm-dd";
pub(super) const MONTH: &str = "yyyy-mm";
pub(super) const QUARTER: &str = "\"第\"0\"季度\"";

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    Status(Status),
    /// A number and its number format.
    Num(f64, &'static str),
    /// A date and its number format (`DATE` or `MONTH`).
    Date(NaiveDate, &'static str),
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Blank, |d| Cell::Date(d, DATE))
    }
    pub fn int<T: Into<f64>>(n: Option<T>) -> Cell {
        n.map_or(Cell::Blank, |n| Cell::Num(n.into(), INT))
    }
    /// Optional text; none = blank text (as every column of the record sheets).
    pub fn opt_text(v: &Option<String>) -> Cell {
        Cell::text(v.clone().unwrap_or_default())
    }
    /// 是 / 否, blank when not known.
    pub fn yes_no(v: Option<bool>) -> Cell {
        match v {
            Some(true) => Cell::text("是"),
            Some(false) => Cell::text("否"),
            None => Cell::Blank,
        }
    }
    /// Display width in Excel characters (CJK counts double).
    fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
            Cell::Status(s) => s.label().width(),
            Cell::Num(x, f) if *f == QUARTER => 7 + x.to_string().len(),
            Cell::Num(x, _) => format!("{x:.1}").len(),
            Cell::Date(..) => 10,
            Cell::Blank => 0,
        }
    }
}

/// `text` cut to fit one Excel cell: over `CELL_MAX` UTF-16 units, the first `LONG_TEXT`
/// units' worth of characters and a note saying how much was left out.
pub fn cap(text: &str) -> Cow<'_, str> {
    if text.len() <= CELL_MAX || text.encode_utf16().count() <= CELL_MAX {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let kept: String = text
        .chars()
        .take_while(|ch| {
            units += ch.len_utf16();
            units <= LONG_TEXT
        })
        .collect();
    let rest = text.chars().count() - kept.chars().count();
    Cow::Owned(format!(
        "{kept}…（以下{rest}字超出 Excel 单元格 32767 字的上限，已截去；全文见 results.json）"
    ))
}

/// Fills and the header format.
pub(super) struct Formats {
    head: Format,
}

impl Formats {
    pub fn new() -> Self {
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin),
        }
    }

    /// The format of a data cell: top-aligned, wrapped in a wrapping column, coloured by
    /// status, with its number format; formula-like text gets a quote prefix.
    fn cell(&self, c: &Cell, wrap: bool) -> Format {
        let mut f = Format::new().set_align(FormatAlign::Top);
        if wrap {
            f = f.set_text_wrap();
        }
        let fill = |f: Format, bg: u32, fg: u32| {
            f.set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
        };
        match c {
            Cell::Text(s) if s.starts_with(['=', '+', '-', '@']) => f.set_quote_prefix(),
            Cell::Status(Status::Met) => fill(f, 0xC6EFCE, 0x006100),
            Cell::Status(Status::NotMet) => fill(f, 0xFFC7CE, 0x9C0006),
            Cell::Status(Status::Pending) => fill(f, 0xFFEB9C, 0x9C5700),
            Cell::Num(_, n) | Cell::Date(_, n) => f.set_num_format(*n),
            _ => f,
        }
    }
}

/// A sheet being filled. `rows` is the next row to write (row 0 is the header).
pub(super) struct Sheet<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    head: Vec<String>,
    cells: Vec<(u32, u16, Cell)>,
    widths: Vec<usize>,
    pub rows: u32,
}

impl<'a> Sheet<'a> {
    pub fn new(ws: &'a mut Worksheet, f: &'a Formats, head: &[&str]) -> Result<Self, XlsxError> {
        let mut s = Sheet {
            ws,
            f,
            head: head.iter().map(|h| h.to_string()).collect(),
            cells: Vec::new(),
            widths: Vec::new(),
            rows: 1,
        };
        for (c, h) in head.iter().enumerate() {
            s.track(c, h.width().min(HEAD_WRAP));
        }
        Ok(s)
    }
    fn track(&mut self, col: usize, w: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(w);
    }
    /// Put `cell` at (`row`, `col`).
    pub fn put(&mut self, row: u32, col: usize, cell: Cell) {
        self.track(col, cell.width());
        if cell != Cell::Blank && cell != Cell::Text(String::new()) {
            self.cells.push((row, col as u16, cell));
        }
    }
    pub fn text(&mut self, row: u32, col: usize, text: &str) {
        self.put(row, col, Cell::text(text));
    }
    pub fn status(&mut self, row: u32, col: usize, s: Status) {
        self.put(row, col, Cell::Status(s));
    }
    /// Append a row of cells; returns its row number.
    pub fn row(&mut self, cells: Vec<Cell>) -> u32 {
        let r = self.rows;
        for (c, cell) in cells.into_iter().enumerate() {
            self.put(r, c, cell);
        }
        self.rows += 1;
        r
    }

    /// Write everything: header, cells, widths, frozen panes (header row and `freeze_cols`
    /// columns), autofilter, A4 print setup.
    pub fn finish(self, freeze_cols: u16) -> Result<(), XlsxError> {
        let widths: Vec<f64> = self
            .widths
            .iter()
            .map(|w| (*w + 2).clamp(6, WRAP + 2) as f64)
            .collect();
        let mut lines = 1;
        for (c, h) in self.head.iter().enumerate() {
            self.ws
                .write_string_with_format(0, c as u16, h, &self.f.head)?;
            let room = (widths[c] as usize).saturating_sub(1).max(1);
            lines = lines.max(h.width().div_ceil(room).min(5));
        }
        self.ws.set_row_height(0, 15.0 * lines as f64)?;
        // Rows holding wrapped text get their height here: LibreOffice keeps the default
        // height of a row written without one, which would cut the text off.
        let mut heights = std::collections::BTreeMap::new();
        for (r, c, cell) in &self.cells {
            let wrap = self.widths[usize::from(*c)] > WRAP;
            let fmt = self.f.cell(cell, wrap);
            write_cell(self.ws, *r, *c, cell, &fmt)?;
            if let (true, Cell::Text(t)) = (wrap, cell) {
                let n = print::line_count(t, widths[usize::from(*c)]);
                let h = heights.entry(*r).or_insert(1);
                *h = n.max(*h);
            }
        }
        for (r, n) in heights {
            self.ws.set_row_height(r, print::row_height(n))?;
        }
        for (c, w) in widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, *w)?;
        }
        self.ws.set_freeze_panes(1, freeze_cols)?;
        let last_col = widths.len().saturating_sub(1) as u16;
        self.ws
            .autofilter(0, 0, self.rows.saturating_sub(1), last_col)?;
        let repeat = Repeat {
            header_row: Some(0),
            key_cols: freeze_cols.checked_sub(1),
        };
        print::a4(self.ws, &widths, repeat)
    }
}

/// Write one typed cell. Dates outside Excel's calendar (before 1900, after 9999) are written
/// as text.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => ws.write_string_with_format(r, c, cap(s), fmt)?,
        Cell::Status(s) => ws.write_string_with_format(r, c, s.label(), fmt)?,
        Cell::Num(x, _) => ws.write_number_with_format(r, c, *x, fmt)?,
        Cell::Date(d, _) if (1900..=9999).contains(&d.year()) => {
            ws.write_date_with_format(r, c, d, fmt)?
        }
        Cell::Date(d, _) => ws.write_string_with_format(r, c, d.to_string(), fmt)?,
        Cell::Blank => ws,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_keeps_short_text_and_cuts_long_text_to_fit_a_cell() {
        assert_eq!(cap("隐患"), "隐患");
        let exact = "字".repeat(CELL_MAX);
        assert_eq!(cap(&exact).chars().count(), CELL_MAX);
        let long = "字".repeat(40_000);
        let cut = cap(&long);
        assert!(cut.encode_utf16().count() <= CELL_MAX);
        assert!(cut.starts_with(&"字".repeat(LONG_TEXT)));
        assert!(cut.contains("以下8000字"), "{}", &cut[cut.len() - 200..]);
        // Characters outside the BMP count twice in Excel's limit.
        let emoji = "😀".repeat(20_000);
        assert!(cap(&emoji).encode_utf16().count() <= CELL_MAX);
    }

    #[test]
    fn values_a_workbook_cannot_hold_are_written_anyway() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let f = Format::new();
        let old = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
        write_cell(ws, 0, 0, &Cell::Date(old, DATE), &f).unwrap();
        let long = Cell::text("字".repeat(40_000));
        write_cell(ws, 1, 0, &long, &f).unwrap();
        write_cell(ws, 2, 0, &Cell::Num(f64::NAN, GENERAL), &f).unwrap();
        assert!(wb.save_to_buffer().is_ok());
    }
}
