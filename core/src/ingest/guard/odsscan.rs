//! .ods pre-scan (crates.md pitfall 1): calamine 0.38 parses every table of content.xml at open,
//! expanding `table:number-rows-repeated` / `number-columns-repeated` of cells that hold a value
//! (up to 100 M cells), so a tiny file can claim millions of content cells. After the zip
//! pre-scan, stream content.xml with quick-xml, place every cell by summing the repeats, and
//! refuse the file when a content cell lies beyond `limits::MAX_ROWS`/`MAX_COLS`, a table holds
//! more than `MAX_CELLS` content cells, the tables' dense areas exceed `limits::MAX_AREA`, or
//! the cells' text times their repeats exceeds `limits::MAX_BOOK_TEXT` (calamine clones a repeated
//! cell's string and formula, and expands `<text:s text:c="N"/>` to N spaces).
//! Empty repeated rows and cells (LibreOffice pads every sheet to 1,048,576 rows that way) cost
//! calamine nothing when nothing follows them, and are not refused.

use super::limits::{MAX_AREA, MAX_BOOK_TEXT, MAX_CELLS, MAX_COLS, MAX_ROWS};
use super::prescan::{self, Refusal};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor};

const WHAT: &str = ".ods ";

/// Attributes that make a cell non-empty for calamine (`get_datatype`; a string-typed cell is
/// `Data::String`, even when its text is empty).
const VALUE_ATTRS: [&[u8]; 7] = [
    b"office:value-type",
    b"office:value",
    b"office:string-value",
    b"office:date-value",
    b"office:time-value",
    b"office:boolean-value",
    b"table:formula",
];

/// Pre-scan an .ods file's bytes (already through `prescan::scan_zip`).
pub fn scan_ods(bytes: &[u8]) -> Result<(), Refusal> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // scan_zip has judged the container; calamine reports the rest
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = Reader::from_reader(BufReader::new(content));
    xml.config_mut().check_end_names = false;
    let mut scan = Scan::default();
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break, // a broken document is calamine's to report
            Ok(Event::Start(e)) => scan.start(&e, false)?,
            Ok(Event::Empty(e)) => scan.start(&e, true)?,
            Ok(Event::End(e)) => scan.end(e.name().as_ref())?,
            Ok(Event::Text(t)) => scan.text(t.as_ref()),
            Ok(Event::CData(t)) => scan.text(t.as_ref()),
            Ok(Event::GeneralRef(_)) => scan.text(b"&"),
            Ok(_) => {}
        }
        buf.clear();
    }
    scan.end_table()?;
    if scan.area > MAX_AREA {
        return Err(prescan::too_many(None, scan.area, WHAT));
    }
    Ok(())
}

/// A cell being read: first column, columns repeated, holds content, bytes of text/attributes.
struct OpenCell {
    col: u64,
    repeat: u64,
    content: bool,
    bytes: u64,
}

/// Position and tallies while streaming content.xml.
#[derive(Default)]
struct Scan {
    sheet: String,
    row: u64,
    row_repeat: u64,
    col: u64,
    cell: Option<OpenCell>,
    cells: u64,
    /// Content rows (first, last) and last content column of the current table.
    rows: Option<(u64, u64)>,
    last_col: u64,
    area: u64,
    text: u64,
}

fn repeat(e: &BytesStart<'_>, name: &[u8]) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| {
            std::str::from_utf8(&a.value)
                .ok()?
                .trim()
                .parse::<u64>()
                .ok()
        })
        .unwrap_or(1)
        .max(1)
}

impl Scan {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), Refusal> {
        match e.name().as_ref() {
            b"table:table" => {
                self.end_table()?;
                self.sheet = e
                    .try_get_attribute(b"table:name")
                    .ok()
                    .flatten()
                    .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                    .unwrap_or_default();
            }
            b"table:table-row" => {
                self.row_repeat = repeat(e, b"table:number-rows-repeated");
                self.col = 0;
                if empty {
                    self.end_row();
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let content = VALUE_ATTRS
                    .iter()
                    .any(|a| e.try_get_attribute(*a).ok().flatten().is_some());
                self.cell = Some(OpenCell {
                    col: self.col,
                    repeat: repeat(e, b"table:number-columns-repeated"),
                    content,
                    bytes: e.attributes_raw().len() as u64,
                });
                if empty {
                    self.end_cell()?;
                }
            }
            b"text:s" => self.add_bytes(repeat(e, b"text:c")),
            b"text:p" | b"text:tab" | b"text:line-break" => self.add_bytes(1),
            _ => {}
        }
        Ok(())
    }

    fn add_bytes(&mut self, n: u64) {
        if let Some(c) = self.cell.as_mut() {
            c.bytes = c.bytes.saturating_add(n);
        }
    }

    fn end(&mut self, name: &[u8]) -> Result<(), Refusal> {
        match name {
            b"table:table-cell" | b"table:covered-table-cell" => self.end_cell(),
            b"table:table-row" => {
                self.end_row();
                Ok(())
            }
            b"table:table" => self.end_table(),
            _ => Ok(()),
        }
    }

    fn text(&mut self, t: &[u8]) {
        if let Some(c) = self.cell.as_mut() {
            c.bytes = c.bytes.saturating_add(t.len() as u64);
            c.content |= t.iter().any(|b| !b.is_ascii_whitespace());
        }
    }

    fn end_row(&mut self) {
        self.row = self.row.saturating_add(self.row_repeat.max(1));
        self.row_repeat = 1;
    }

    /// Place a finished cell: content beyond the bounds or past the cell count is refused.
    fn end_cell(&mut self) -> Result<(), Refusal> {
        let Some(c) = self.cell.take() else {
            return Ok(());
        };
        self.col = c.col.saturating_add(c.repeat);
        if !c.content {
            return Ok(());
        }
        let rep_rows = self.row_repeat.max(1);
        let last_row = self.row.saturating_add(rep_rows - 1);
        let last_col = c.col.saturating_add(c.repeat - 1);
        let (max_r, max_c) = (u64::from(MAX_ROWS), u64::from(MAX_COLS));
        if last_row >= max_r || last_col >= max_c {
            let r = if last_row >= max_r {
                self.row.max(max_r)
            } else {
                self.row
            };
            let col = if last_col >= max_c {
                c.col.max(max_c)
            } else {
                c.col
            };
            return Err(prescan::beyond(&self.sheet, r, col, WHAT));
        }
        let copies = rep_rows.saturating_mul(c.repeat);
        self.cells = self.cells.saturating_add(copies);
        if self.cells > MAX_CELLS as u64 {
            return Err(prescan::too_many(Some(&self.sheet), self.cells, WHAT));
        }
        self.text = self.text.saturating_add(copies.saturating_mul(c.bytes));
        if self.text > MAX_BOOK_TEXT {
            return Err(prescan::too_much_text(self.text, WHAT));
        }
        let (lo, hi) = self.rows.unwrap_or((self.row, last_row));
        self.rows = Some((lo.min(self.row), hi.max(last_row)));
        self.last_col = self.last_col.max(last_col);
        Ok(())
    }

    /// Close the current table: add its dense area, reset the position.
    fn end_table(&mut self) -> Result<(), Refusal> {
        if let Some((lo, hi)) = self.rows.take() {
            let area = (hi - lo + 1).saturating_mul(self.last_col + 1);
            self.area = self.area.saturating_add(area);
        }
        (self.row, self.col, self.cells, self.last_col) = (0, 0, 0, 0);
        self.row_repeat = 1;
        if self.area > MAX_AREA {
            return Err(prescan::too_many(None, self.area, WHAT));
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "odsscan_tests.rs"]
mod tests;
