//! Hostile files (crates.md pitfall 1): before calamine materialises anything, check the file
//! size and, for zip-based formats, the central directory — entry count, declared uncompressed
//! total, per-entry compression ratio — and then verify by streaming each entry that it does not
//! inflate beyond what it declares (a lying header), all with constant memory. The format-level
//! scans of .xls (`biff`) and .ods (`odsscan`) share `Refusal` and the bounds below.
//!
//! Limits (`limits`; chosen well above any real ledger, which is tens of KB):
//! - file ≤ 20 MB (xlsx/xlsm/xlsb/ods); ≤ 10 MB for .xls, which calamine parses whole;
//! - ≤ 1,000 zip entries; declared uncompressed total ≤ 200 MB;
//! - per-entry compression ratio ≤ 100 for entries over 1 MB uncompressed.

use std::io::{Cursor, Read};

use super::limits::{
    MAX_AREA, MAX_CELLS, MAX_ENTRIES, MAX_FILE, MAX_RATIO, MAX_UNCOMPRESSED, MAX_XLS_FILE,
    RATIO_FLOOR,
};

use super::reasons::{self, LIED};

/// Why a file is refused before calamine opens it, with the place when one cell is to blame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub sheet: Option<String>,
    /// A1 reference of the cell.
    pub cell: Option<String>,
}

impl Refusal {
    /// A refusal of the whole file.
    pub fn file(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            sheet: None,
            cell: None,
        }
    }
}

/// The message for a workbook whose cells would expand to too much text.
pub fn too_much_text(bytes: u64, what: &str) -> Refusal {
    Refusal::file(reasons::too_much_text(bytes, what))
}

/// The message for a content cell beyond the cell bounds in a format read whole.
pub fn beyond(sheet: &str, row: u64, col: u64, what: &str) -> Refusal {
    let (r, c) = (
        row.min(u64::from(u32::MAX)) as u32,
        col.min(u64::from(u32::MAX)) as u32,
    );
    let cell = crate::findings::a1(r.min(u32::MAX - 1), c.min(u32::MAX - 1));
    Refusal {
        message: reasons::beyond(sheet, &cell, row, col, what),
        sheet: Some(sheet.to_string()),
        cell: Some(cell),
    }
}

/// The message for a workbook with too many content cells, in one sheet or in all.
pub fn too_many(sheet: Option<&str>, n: u64, what: &str) -> Refusal {
    let max = match sheet {
        Some(_) => MAX_CELLS as u64,
        None => MAX_AREA,
    };
    Refusal {
        message: reasons::too_many(sheet, n, max, what),
        sheet: sheet.map(str::to_string),
        cell: None,
    }
}

/// Size check for a file of `size` bytes read as `.xls` (`is_xls`) or any other format.
pub fn check_size(size: u64, is_xls: bool) -> Result<(), String> {
    let max = if is_xls { MAX_XLS_FILE } else { MAX_FILE };
    if size > max {
        return Err(reasons::file_too_large(size, max));
    }
    Ok(())
}

/// Entry names of a zip, after the central-directory and streaming checks.
pub fn scan_zip(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(reasons::not_a_zip)?;
    if zip.len() > MAX_ENTRIES {
        return Err(reasons::too_many_entries(zip.len()));
    }
    let mut names = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(corrupt)?;
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(reasons::ratio(
                &f.name().unwrap_or_default(),
                size,
                size / packed,
            ));
        }
        names.push(f.name().map(|n| n.into_owned()).unwrap_or_default());
    }
    if total > MAX_UNCOMPRESSED {
        return Err(reasons::uncompressed_total(total));
    }
    verify_sizes(&mut zip)?;
    Ok(names)
}

/// Inflate every entry but the worksheets into a small buffer, reading at most its declared
/// size + 1 byte: an entry that inflates beyond its declared size lies about it and is refused.
/// The worksheets (nearly all of a ledger's bytes) are inflated once, as they are read: zip
/// stops one at its declared size and `Book::read_sheet` refuses the file then.
fn verify_sizes(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    let mut buf = [0u8; 16 * 1024];
    for i in 0..zip.len() {
        if zip
            .name_for_index(i)
            .is_some_and(|n| n.is_ok_and(|n| n.to_ascii_lowercase().starts_with("xl/worksheets/")))
        {
            continue;
        }
        let f = zip.by_index(i).map_err(corrupt)?;
        let declared = f.size();
        let mut limited = f.take(declared.saturating_add(1));
        let mut seen: u64 = 0;
        loop {
            let n = limited.read(&mut buf).map_err(|e| {
                // zip itself stops an entry that inflates past its declared size.
                if e.to_string().contains("declared") {
                    LIED.to_string()
                } else {
                    corrupt(zip::result::ZipError::Io(e))
                }
            })?;
            if n == 0 {
                break;
            }
            seen += n as u64;
        }
        if seen > declared {
            return Err(LIED.into());
        }
    }
    Ok(())
}

fn corrupt(e: zip::result::ZipError) -> String {
    reasons::corrupt(e)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn small_zip_passes() {
        let z = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
        assert_eq!(scan_zip(&z).unwrap(), vec!["xl/workbook.xml"]);
    }

    #[test]
    fn high_ratio_refused() {
        let data = vec![b'a'; 3 * 1024 * 1024];
        let z = zip_of(&[("xl/worksheets/sheet1.xml", &data)]);
        assert!(scan_zip(&z).unwrap_err().contains("压缩炸弹"));
    }

    #[test]
    fn garbage_is_corrupt() {
        assert!(scan_zip(b"PK\x03\x04garbage").unwrap_err().contains("损坏"));
        assert!(check_size(MAX_FILE + 1, false).is_err());
        assert!(check_size(MAX_XLS_FILE + 1, true).is_err());
    }
}
