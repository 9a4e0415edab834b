//! .xls pre-scan (crates.md pitfall 1): calamine 0.38 parses every sheet of an .xls at open and
//! densifies each one rows × cols (after reserving whatever a DIMENSIONS record claims), so a
//! tiny file with cells at A1 and IV65536 costs ~0.5 GB. Before calamine sees the file, open the
//! OLE container with `cfb`, walk the BIFF records of its Workbook stream exactly as calamine
//! will (globals up to EOF, then each sheet from its BoundSheet offset, skipping embedded
//! substreams), and refuse: a FILEPASS (encryption); a truncated record; a DIMENSIONS record
//! claiming more than an .xls sheet holds (65,536 × 256); a value cell beyond
//! `limits::MAX_ROWS`/`MAX_COLS`; more than `MAX_CELLS` value cells in a sheet; more than
//! `limits::MAX_AREA` dense cells in the workbook; more than `limits::MAX_BOOK_TEXT` of text once
//! every LABELSST cell has its own copy of its shared string (calamine clones it per cell:
//! 65,535 characters × 200,000 cells would be ~39 GB). BLANK/MULBLANK records are only
//! formatting: calamine skips them, so they are neither placed nor counted.

use super::limits::{MAX_AREA, MAX_BOOK_TEXT, MAX_CELLS, MAX_COLS, MAX_ROWS};
use super::prescan::{self, Refusal};
use super::reasons::{self, ENCRYPTED};
use super::{u16_at, u32_at};
use std::io::{Cursor, Read};

const WHAT: &str = ".xls ";
/// The size of a BIFF8 sheet.
const XLS_ROWS: i64 = 65_536;
const XLS_COLS: i64 = 256;

fn broken(detail: &str) -> Refusal {
    Refusal::file(reasons::xls_broken(detail))
}

/// Pre-scan an .xls file's bytes; Err is why it must not be opened.
pub fn scan_xls(bytes: &[u8]) -> Result<(), Refusal> {
    let stream = workbook_stream(bytes)?;
    scan_stream(&stream)
}

/// The Workbook (BIFF8) or Book (BIFF5) stream of an OLE container.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| broken(&reasons::ole_unopenable(e)))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| cf.is_stream(n))
        .ok_or_else(|| broken(reasons::NO_WORKBOOK_STREAM))?;
    let mut out = Vec::new();
    cf.open_stream(name)
        .and_then(|s| s.take(super::limits::MAX_XLS_FILE).read_to_end(&mut out))
        .map_err(|e| broken(&reasons::stream_unreadable(e)))?;
    Ok(out)
}

/// One BIFF record: type and payload.
struct Rec<'a> {
    typ: u16,
    data: &'a [u8],
}

/// BIFF records from `pos` on, with bounds checks: a record running past the end is an error.
struct Records<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Rec<'a>, Refusal>;
    fn next(&mut self) -> Option<Self::Item> {
        let (s, at) = (self.s, self.pos);
        let rest = s.get(at..).filter(|r| !r.is_empty())?;
        let data = match (u16_at(rest, 0), u16_at(rest, 2)) {
            (Some(typ), Some(len)) => rest.get(4..4 + usize::from(len)).map(|d| (typ, d)),
            _ => None,
        };
        match data {
            Some((typ, data)) => {
                self.pos = at + 4 + data.len();
                Some(Ok(Rec { typ, data }))
            }
            None => {
                self.pos = s.len();
                Some(Err(broken(&reasons::truncated_at(at))))
            }
        }
    }
}

/// What the globals tell: the sheets (stream offset, name) and the SST strings' lengths.
struct Globals {
    sheets: Vec<(usize, String)>,
    sst: Vec<u64>,
}

/// Walk the globals, then every sheet; sum the dense areas and the text of shared strings.
pub fn scan_stream(s: &[u8]) -> Result<(), Refusal> {
    let g = globals(s)?;
    let (mut area, mut text) = (0u64, 0u64);
    for (pos, name) in &g.sheets {
        area = area.saturating_add(sheet(s, *pos, name, &g.sst, &mut text)?);
    }
    if area > MAX_AREA {
        return Err(prescan::too_many(None, area, WHAT));
    }
    Ok(())
}

/// The workbook globals up to their EOF: FILEPASS → encrypted; BoundSheet → (offset, name);
/// SST and the CONTINUE records right after it → string lengths.
fn globals(s: &[u8]) -> Result<Globals, Refusal> {
    let mut sheets = Vec::new();
    let mut biff8 = true;
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    for r in (Records { s, pos: 0 }) {
        let r = r?;
        in_sst &= r.typ == 0x003C;
        match r.typ {
            0x00FC => {
                sst = vec![r.data];
                in_sst = true;
            }
            0x003C if in_sst => sst.push(r.data),
            0x002F => return Err(Refusal::file(ENCRYPTED)),
            0x0809 => biff8 = u16_at(r.data, 0) == Some(0x0600),
            0x0085 => {
                let pos = u32_at(r.data, 0).ok_or_else(|| broken(reasons::BOUNDSHEET_SHORT))?;
                let name = sheet_name(r.data.get(6..).unwrap_or_default(), biff8)
                    .unwrap_or_else(|| reasons::nth_sheet(sheets.len() + 1));
                sheets.push((pos as usize, name));
            }
            0x000A => break,
            _ => {}
        }
    }
    Ok(Globals {
        sheets,
        sst: super::sst::lengths(&sst),
    })
}

/// A BoundSheet name: BIFF8 ShortXLUnicodeString (cch, flags, chars); BIFF5 ASCII only.
fn sheet_name(b: &[u8], biff8: bool) -> Option<String> {
    let cch = usize::from(*b.first()?);
    if !biff8 {
        let raw = b.get(1..1 + cch)?;
        return raw
            .is_ascii()
            .then(|| String::from_utf8_lossy(raw).into_owned());
    }
    let wide = b.get(1)? & 1 == 1;
    let name = if wide {
        let units: Vec<u16> = b
            .get(2..2 + 2 * cch)?
            .chunks_exact(2)
            .filter_map(|c| u16_at(c, 0))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        b.get(2..2 + cch)?.iter().map(|&c| char::from(c)).collect()
    };
    Some(name.replace('\0', ""))
}

/// Value cells of one sheet: count and bounding box.
#[derive(Default)]
struct Tally {
    cells: u64,
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Tally {
    /// Cells at `row`, columns `first..=last`.
    fn add(&mut self, name: &str, row: u32, first: u32, last: u32) -> Result<(), Refusal> {
        if row >= MAX_ROWS || last >= MAX_COLS {
            let col = if row >= MAX_ROWS {
                first
            } else {
                first.max(MAX_COLS)
            };
            return Err(prescan::beyond(name, row.into(), col.into(), WHAT));
        }
        self.cells += u64::from(last.saturating_sub(first)) + 1;
        if self.cells > MAX_CELLS as u64 {
            return Err(prescan::too_many(Some(name), self.cells, WHAT));
        }
        let widen = |b: Option<(u32, u32)>, lo: u32, hi: u32| {
            Some(b.map_or((lo, hi), |(a, z)| (a.min(lo), z.max(hi))))
        };
        self.rows = widen(self.rows, row, row);
        self.cols = widen(self.cols, first, last);
        Ok(())
    }

    fn area(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1),
            _ => 0,
        }
    }
}

/// Walk one sheet from its BOF at `pos` to its EOF; the dense area calamine will build. Each
/// LABELSST adds its string (≤ 3 UTF-8 bytes per UTF-16 unit) to `text`.
fn sheet(s: &[u8], pos: usize, name: &str, sst: &[u64], text: &mut u64) -> Result<u64, Refusal> {
    if pos >= s.len() {
        return Err(broken(&reasons::sheet_out_of_stream(name)));
    }
    let (mut seen_bof, mut depth) = (false, 0usize);
    let mut t = Tally::default();
    for r in (Records { s, pos }) {
        let r = r?;
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match r.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => dimensions(r.data, name)?,
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                let (row, col) = position(&r)?;
                t.add(name, row, col, col)?;
                let shared = u32_at(r.data, 6).filter(|_| r.typ == 0x00FD);
                if let Some(&chars) = shared.and_then(|i| sst.get(i as usize)) {
                    *text = text.saturating_add(chars * 3);
                    if *text > MAX_BOOK_TEXT {
                        return Err(prescan::too_much_text(*text, WHAT));
                    }
                }
            }
            0x00BD => {
                let (row, first) = position(&r)?;
                // rgrkrec: 6 bytes per cell between colFirst and the trailing colLast.
                let n = (r.data.len().saturating_sub(6).div_ceil(6)).max(1) as u32;
                let last_field = r.data.len().checked_sub(2).and_then(|i| u16_at(r.data, i));
                let last = (first + n - 1).max(last_field.map_or(0, u32::from));
                t.add(name, row, first, last)?;
            }
            _ => {}
        }
    }
    Ok(t.area())
}

fn position(r: &Rec<'_>) -> Result<(u32, u32), Refusal> {
    match (u16_at(r.data, 0), u16_at(r.data, 2)) {
        (Some(row), Some(col)) => Ok((row.into(), col.into())),
        _ => Err(broken(&reasons::cell_record_short(r.typ))),
    }
}

/// DIMENSIONS as calamine reads it (it reserves rows × cols cells, ~40 bytes each): refuse a claim
/// beyond an .xls sheet (65,536 × 256: at most ~670 MB reserved and never touched, the cell
/// checks bound what is written), or one whose end lies before its start (calamine's
/// subtraction would wrap). Formatted blank cells far out legitimately widen DIMENSIONS, so the
/// claim is not held to the cell bounds.
fn dimensions(d: &[u8], name: &str) -> Result<(), Refusal> {
    let (rf, rl, cf, cl) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0).unwrap_or(0)),
            u32::from(u16_at(d, 2).unwrap_or(0)),
            u32::from(u16_at(d, 4).unwrap_or(0)),
            u32::from(u16_at(d, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(d, 0).unwrap_or(0),
            u32_at(d, 4).unwrap_or(0),
            u32::from(u16_at(d, 8).unwrap_or(0)),
            u32::from(u16_at(d, 10).unwrap_or(0)),
        ),
        _ => return Ok(()), // calamine rejects it with an error of its own
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (i64::from(rl) - 1, i64::from(cl) - 1)
    } else {
        (i64::from(rf), i64::from(cf))
    };
    let rows = end_r - i64::from(rf) + 1;
    let cols = end_c - i64::from(cf) + 1;
    if !(0..=XLS_ROWS).contains(&rows) || !(0..=XLS_COLS).contains(&cols) {
        let claim = (rows >= 0 && cols >= 0).then_some((rows, cols));
        return Err(Refusal {
            message: reasons::xls_dimensions(name, claim, XLS_ROWS, XLS_COLS),
            sheet: Some(name.to_string()),
            cell: None,
        });
    }
    Ok(())
}

#[cfg(test)]
#[path = "biff_tests.rs"]
mod tests;
