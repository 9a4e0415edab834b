//! An opened workbook of any format, read a sheet at a time into bounded grids: .xlsx and .xlsb
//! streamed cell by cell (never `worksheet_range`, which densifies rows × cols with no bound,
//! calamine#693), plain .xlsx worksheets by `fastxlsx`, .xls/.ods from calamine's ranges (bounded
//! before they are opened, see `cells`).

use super::cells::{Grid, from_data, from_dataref};
use super::fastxlsx::FastXlsx;
use calamine::{Data, Ods, Reader, Xls, Xlsb, Xlsx};
use std::io::Cursor;
use std::sync::Arc;

/// An opened workbook of any supported format, over the file's bytes. An .xlsx also has the
/// fast worksheet reader when its workbook parts allow it (`fastxlsx`).
pub enum Book {
    Xlsx(Box<Xlsx<Cursor<Arc<[u8]>>>>, Option<Box<FastXlsx>>),
    Xlsb(Box<Xlsb<Cursor<Vec<u8>>>>),
    Xls(Box<Xls<Cursor<Vec<u8>>>>),
    Ods(Box<Ods<Cursor<Vec<u8>>>>),
}

impl Book {
    /// Sheet names as written, in workbook order.
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b, _) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    /// The workbook's date system (for bare serial numbers in date columns).
    pub fn is_1904(&self) -> bool {
        match self {
            Book::Xlsx(b, _) => b.has_1904_epoch(),
            Book::Xlsb(b) => b.has_1904_epoch(),
            Book::Xls(b) => b.has_1904_epoch(),
            Book::Ods(_) => false,
        }
    }

    /// Read one sheet into a bounded grid; Err is a Chinese reason. A panic inside calamine
    /// (a corrupt part, e.g. an .xlsb cell naming a shared string that does not exist) costs
    /// this sheet only, never the rest of the workbook.
    pub fn read_sheet(&mut self, name: &str) -> Result<Grid, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.read_sheet_inner(name)))
            .unwrap_or_else(|_| Err("工作表数据已损坏".to_string()))
            .map_err(|e| {
                // zip stops a worksheet that inflates past its declared size (the pre-scan
                // leaves the worksheets, the bulk of a file, to this one pass): the file lies.
                if e.contains("declared uncompressed size") {
                    crate::ingest::guard::reasons::LIED.to_string()
                } else {
                    e
                }
            })
    }

    fn read_sheet_inner(&mut self, name: &str) -> Result<Grid, String> {
        if let Book::Xlsx(_, Some(fast)) = self
            && let Some(grid) = fast.read_sheet(name)
        {
            return Ok(grid);
        }
        let mut grid = Grid::default();
        match self {
            Book::Xlsx(b, _) => {
                let mut r = b.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                while let Some(cell) = r.next_cell().map_err(|e| e.to_string())? {
                    let (row, col) = cell.get_position();
                    if !grid.push(row, col, from_dataref(cell.get_value())) {
                        break;
                    }
                }
            }
            Book::Xlsb(b) => {
                let mut r = b.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                while let Some(cell) = r.next_cell().map_err(|e| e.to_string())? {
                    let (row, col) = cell.get_position();
                    if !grid.push(row, col, from_dataref(cell.get_value())) {
                        break;
                    }
                }
            }
            Book::Xls(b) => fill(
                &mut grid,
                b.worksheet_range(name).map_err(|e| e.to_string())?,
            ),
            Book::Ods(b) => fill(
                &mut grid,
                b.worksheet_range(name).map_err(|e| e.to_string())?,
            ),
        }
        Ok(grid)
    }
}

fn fill(grid: &mut Grid, range: calamine::Range<Data>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, d) in range.used_cells() {
        if !grid.push(r0 + r as u32, c0 + c as u32, from_data(d)) {
            break;
        }
    }
}
