//! Workbook-level parts of .xlsx/.xlsb that calamine 0.38 reads whole when it opens the file,
//! before any cell is streamed: shared strings (it reserves the `uniqueCount` the file declares —
//! `uniqueCount="4294967295"` is a ~100 GB allocation that aborts the process), styles (every
//! font, fill, border, number format and cell format becomes an owned struct, each cell format
//! with clones of its font/fill/border), the theme, workbook (sheets and defined names) and the
//! relationship lists. The zip pre-scan bounds the bytes; this bounds what is in them, streamed
//! with constant memory, so no single input costs more than a few hundred MB.
//!
//! Bounds (`limits`; far above any real ledger, whose styles.xml holds a few hundred entries):
//! - a declared or actual shared-string count ≤ `MAX_STRINGS`; sharedStrings ≤ 32 MB;
//! - ≤ `MAX_STYLES` style entries (fonts, fills, borders, number formats, cell formats);
//! - ≤ `MAX_NAMES` defined names and sheets; ≤ `MAX_NAMES` relationships per list;
//! - each of these parts (other than sharedStrings) ≤ 16 MB uncompressed.
//!
//! Worksheet `<dimension>` records are not trusted by the cell streaming reader we use, so
//! they need no bound here.

use super::limits::{MAX_NAMES, MAX_PART, MAX_SST_PART, MAX_STRINGS, MAX_STYLES};
use super::prescan::Refusal;
use super::reasons::{
    self, PART_RELS, PART_SST, PART_STYLES, PART_STYLES_BIN, PART_THEME, PART_WORKBOOK,
};
use super::sniff::Format;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// One part calamine reads at open: how to recognise it, what to count, the bound.
struct Part {
    suffix: &'static str,
    max_bytes: u64,
    counted: &'static [&'static [u8]],
    max_count: u64,
    what: &'static str,
}

const XLSX_PARTS: [Part; 5] = [
    Part {
        suffix: "sharedstrings.xml",
        max_bytes: MAX_SST_PART,
        counted: &[b"si"],
        max_count: MAX_STRINGS,
        what: PART_SST,
    },
    Part {
        suffix: "styles.xml",
        max_bytes: MAX_PART,
        counted: &[
            b"font",
            b"fill",
            b"border",
            b"numFmt",
            b"xf",
            b"dxf",
            b"cellStyle",
        ],
        max_count: MAX_STYLES,
        what: PART_STYLES,
    },
    Part {
        suffix: "workbook.xml",
        max_bytes: MAX_PART,
        counted: &[b"definedName", b"sheet"],
        max_count: MAX_NAMES,
        what: PART_WORKBOOK,
    },
    Part {
        suffix: ".rels",
        max_bytes: MAX_PART,
        counted: &[b"Relationship"],
        max_count: MAX_NAMES,
        what: PART_RELS,
    },
    Part {
        suffix: "theme1.xml",
        max_bytes: MAX_PART,
        counted: &[],
        max_count: 0,
        what: PART_THEME,
    },
];

/// .xlsb parts are binary records: bounded by size only (a record is at least 4 bytes, so
/// 16 MB of styles is at most ~800,000 small entries).
const XLSB_PARTS: [(&str, u64, &str); 4] = [
    ("sharedstrings.bin", MAX_SST_PART, PART_SST),
    ("styles.bin", MAX_PART, PART_STYLES_BIN),
    ("workbook.bin", MAX_PART, PART_WORKBOOK),
    (".rels", MAX_PART, PART_RELS),
];

/// Pre-scan the workbook-level parts of an .xlsx/.xlsb (already through `prescan::scan_zip`).
pub fn scan_parts(bytes: &[u8], format: Format) -> Result<(), Refusal> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // scan_zip has judged the container
    };
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let shown = entry.name().unwrap_or_default().into_owned();
        let name = shown.to_lowercase();
        let size = entry.size();
        if format == Format::Xlsb {
            if let Some((_, max, what)) = XLSB_PARTS.iter().find(|p| name.ends_with(p.0)) {
                check_size(&shown, size, *max, what)?;
            }
            continue;
        }
        if let Some(part) = XLSX_PARTS.iter().find(|p| name.ends_with(p.suffix)) {
            check_size(&shown, size, part.max_bytes, part.what)?;
            if !part.counted.is_empty() {
                count(entry, &shown, part)?;
            }
        }
    }
    Ok(())
}

fn check_size(name: &str, size: u64, max: u64, what: &str) -> Result<(), Refusal> {
    if size <= max {
        return Ok(());
    }
    Err(Refusal::file(reasons::part_too_large(
        name, what, size, max,
    )))
}

/// Stream one XML part, counting the elements `part` names (and the declared shared-string
/// counts); refuse as soon as a bound is passed.
fn count(entry: impl Read, name: &str, part: &Part) -> Result<(), Refusal> {
    let mut xml = Reader::from_reader(BufReader::new(entry));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut n: u64 = 0;
    loop {
        let e = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break, // a broken part is calamine's to report
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => e,
            Ok(_) => {
                buf.clear();
                continue;
            }
        };
        let local = e.local_name();
        if local.as_ref() == b"sst" {
            declared(&e, name)?;
        }
        if part.counted.contains(&local.as_ref()) {
            n += 1;
            if n > part.max_count {
                return Err(Refusal::file(reasons::part_too_many(
                    name,
                    part.max_count,
                    part.what,
                )));
            }
        }
        buf.clear();
    }
    Ok(())
}

/// The `count` / `uniqueCount` a sharedStrings part declares (calamine reserves the latter).
fn declared(e: &BytesStart<'_>, name: &str) -> Result<(), Refusal> {
    for attr in [b"uniqueCount".as_slice(), b"count"] {
        let Ok(Some(a)) = e.try_get_attribute(attr) else {
            continue;
        };
        let text = String::from_utf8_lossy(&a.value);
        // A value that is not a plain number is ignored by calamine; one past u64 is not.
        let huge = text.trim().chars().all(|c| c.is_ascii_digit()) && text.trim().len() > 18;
        let n = text
            .trim()
            .parse::<u64>()
            .unwrap_or(if huge { u64::MAX } else { 0 });
        if n > MAX_STRINGS {
            return Err(Refusal::file(reasons::sst_declared(name, text.trim())));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::guard::prescan::tests::zip_of;

    #[test]
    fn declared_unique_count_refused() {
        let sst = br#"<sst xmlns="x" count="1" uniqueCount="4294967295"><si><t>a</t></si></sst>"#;
        let z = zip_of(&[("xl/sharedStrings.xml", sst)]);
        let r = scan_parts(&z, Format::Xlsx).unwrap_err();
        assert!(r.message.contains("4294967295"), "{}", r.message);
        let ok = br#"<sst count="2" uniqueCount="1"><si><t>a</t></si></sst>"#;
        assert!(scan_parts(&zip_of(&[("xl/sharedStrings.xml", ok)]), Format::Xlsx).is_ok());
    }

    #[test]
    fn many_styles_refused() {
        let mut styles = b"<styleSheet><cellXfs>".to_vec();
        for _ in 0..=MAX_STYLES {
            styles.extend_from_slice(b"<xf/>");
        }
        styles.extend_from_slice(b"</cellXfs></styleSheet>");
        let z = zip_of(&[("xl/styles.xml", &styles)]);
        let r = scan_parts(&z, Format::Xlsx).unwrap_err();
        assert!(r.message.contains("格式"), "{}", r.message);
    }

    #[test]
    fn big_xlsb_part_refused() {
        let big = vec![0u8; (MAX_PART + 1) as usize];
        let z = zip_of(&[("xl/styles.bin", &big)]);
        assert!(scan_parts(&z, Format::Xlsb).is_err());
        assert!(scan_parts(&z, Format::Xlsx).is_ok());
    }
}
