//! Valid files from other writers that calamine 0.38 (or the `cfb` crate) misreads, rewritten in
//! memory — same cells, same bytes otherwise — before the pre-scans and calamine see them:
//! - .xls from SheetJS: the FAT's last sector is padded with ENDOFCHAIN entries beyond the end of
//!   the file, which `cfb` refuses ("Malformed FAT"). The file is padded with empty sectors up to
//!   what its FAT describes (at most `MAX_XLS_FILE`).
//! - .ods from Gnumeric and SheetJS: content.xml is indented, and calamine refuses whitespace
//!   between table cells ("Expecting 'table-cell', found Text"). Whitespace-only text outside
//!   paragraphs (`text:*` elements) is dropped.
//! - .xlsb from SheetJS: cells are written as "short" records (BrtShortSt, BrtShortRk… — the
//!   column is the previous cell's + 1), which calamine skips, so every text cell read empty.
//!   They are rewritten as the equivalent full records (BrtCellSt, BrtCellRk…) with the column.
//!   A cell naming a shared string beyond the table (calamine would panic) becomes `#REF!`.
//!
//! Anything unexpected leaves the bytes as they were: the pre-scans and calamine then judge them.

use super::sniff::Format;
use super::u32_at;
use quick_xml::events::Event;
use quick_xml::{Reader, Writer};
use std::io::{BufReader, Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The bytes to read `format` from: a repaired copy, or the bytes unchanged.
pub fn repair(format: Format, bytes: Vec<u8>) -> Vec<u8> {
    let fixed = std::panic::catch_unwind(|| match format {
        Format::Xls => pad_fat(&bytes),
        Format::Ods => rezip(&bytes, |name| name == "content.xml", trim_ods),
        Format::Xlsb => {
            let strings = sst_count(&bytes);
            rezip(&bytes, is_sheet_bin, |r, w| short_cells(r, w, strings))
        }
        Format::Xlsx => None,
    });
    match fixed {
        Ok(Some(b)) => b,
        _ => bytes,
    }
}

/// An OLE file shorter than its FAT describes, padded with zero sectors.
fn pad_fat(bytes: &[u8]) -> Option<Vec<u8>> {
    let shift = u32::from(u16::from_le_bytes(bytes.get(30..32)?.try_into().ok()?));
    if shift != 9 && shift != 12 {
        return None;
    }
    let sector = 1u64 << shift;
    let fat_sectors = u64::from(u32_at(bytes, 44)?);
    let needed = (fat_sectors * (sector / 4) + 1) * sector;
    let max = super::limits::MAX_XLS_FILE;
    if needed <= bytes.len() as u64 || needed > max {
        return None;
    }
    let mut out = bytes.to_vec();
    out.resize(needed as usize, 0);
    Some(out)
}

/// A copy of the zip with the entries `pick` names rewritten by `f` (reader → writer), the others
/// copied raw. None when nothing was rewritten or anything failed.
fn rezip<F>(bytes: &[u8], pick: impl Fn(&str) -> bool, f: F) -> Option<Vec<u8>>
where
    F: Fn(&mut dyn Read, &mut dyn Write) -> Option<()>,
{
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut changed = false;
    for i in 0..zin.len() {
        let name = zin.by_index_raw(i).ok()?.name().ok()?.into_owned();
        if pick(&name) {
            let mut entry = BufReader::new(zin.by_index(i).ok()?);
            let opts =
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            zout.start_file(name, opts).ok()?;
            f(&mut entry, &mut zout)?;
            changed = true;
        } else {
            zout.raw_copy_file(zin.by_index_raw(i).ok()?).ok()?;
        }
    }
    let out = zout.finish().ok()?.into_inner();
    changed.then_some(out)
}

/// content.xml without whitespace-only text outside paragraphs.
fn trim_ods(r: &mut dyn Read, w: &mut dyn Write) -> Option<()> {
    let mut xml = Reader::from_reader(BufReader::new(r));
    xml.config_mut().check_end_names = false;
    let mut out = Writer::new(w);
    let mut buf = Vec::new();
    // Depth inside `text:*` elements (paragraph content, where whitespace is text).
    let mut in_text = 0usize;
    loop {
        let ev = xml.read_event_into(&mut buf).ok()?;
        match &ev {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref().starts_with(b"text:") => in_text += 1,
            Event::End(e) if e.name().as_ref().starts_with(b"text:") => {
                in_text = in_text.saturating_sub(1)
            }
            Event::Text(t) if in_text == 0 && t.iter().all(u8::is_ascii_whitespace) => {
                buf.clear();
                continue;
            }
            _ => {}
        }
        out.write_event(ev).ok()?;
        buf.clear();
    }
    Some(())
}

fn is_sheet_bin(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("xl/worksheets/") && n.ends_with(".bin")
}

/// The shared-string count calamine will hold (BrtBeginSst's cstUnique), 0 when none.
fn sst_count(bytes: &[u8]) -> u64 {
    let count = || -> Option<u64> {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let mut e = BufReader::new(z.by_name("xl/sharedStrings.bin").ok()?);
        let (typ, data) = record(&mut e)?;
        (typ == 0x9F).then(|| u32_at(&data, 4).map(u64::from))?
    };
    count().unwrap_or(0)
}

/// One BIFF12 record: variable-length type (≤ 2 bytes) and size (≤ 4 bytes), then the payload.
fn record(r: &mut impl Read) -> Option<(u32, Vec<u8>)> {
    let typ = varint(r, 2)?;
    let len = varint(r, 4)?;
    if len > super::limits::MAX_RECORD {
        return None;
    }
    let mut data = vec![0u8; len as usize];
    r.read_exact(&mut data).ok()?;
    Some((typ, data))
}

fn varint(r: &mut impl Read, max_bytes: u32) -> Option<u32> {
    let mut v = 0u32;
    for i in 0..max_bytes {
        let mut b = [0u8];
        r.read_exact(&mut b).ok()?;
        v |= u32::from(b[0] & 0x7F) << (7 * i);
        if b[0] & 0x80 == 0 {
            return Some(v);
        }
    }
    Some(v)
}

fn put_varint(w: &mut dyn Write, mut v: u32) -> Option<()> {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        let more = if v > 0 { 0x80 } else { 0 };
        w.write_all(&[b | more]).ok()?;
        if v == 0 {
            return Some(());
        }
    }
}

fn put_record(w: &mut dyn Write, typ: u32, data: &[u8]) -> Option<()> {
    put_varint(w, typ)?;
    put_varint(w, data.len() as u32)?;
    w.write_all(data).ok()
}

/// A worksheet's records with short cells made full and dangling shared-string indexes `#REF!`.
fn short_cells(r: &mut dyn Read, w: &mut dyn Write, strings: u64) -> Option<()> {
    let mut r = BufReader::new(r);
    let mut col: u32 = 0;
    loop {
        let mut probe = [0u8];
        if r.read(&mut probe).ok()? == 0 {
            return Some(());
        }
        let (typ, mut data) = record(&mut (&probe[..]).chain(&mut r))?;
        let typ = match typ {
            // BrtCellBlank … BrtFmlaError, BrtCellRString: the column is written.
            0x01..=0x0B | 0x3E => {
                col = u32_at(&data, 0)?;
                typ
            }
            // BrtShortBlank … BrtShortIsst: the column is the previous one + 1.
            0x0C..=0x12 => {
                col = col.wrapping_add(1);
                let mut full = col.to_le_bytes().to_vec();
                full.append(&mut data);
                data = full;
                typ - 0x0B
            }
            _ => typ,
        };
        if typ == 0x07 && u64::from(u32_at(&data, 8)?) >= strings {
            // BrtCellIsst past the shared strings → BrtCellError #REF!.
            data.truncate(8);
            data.push(0x17);
            put_record(w, 0x03, &data)?;
            continue;
        }
        put_record(w, typ, &data)?;
    }
}

#[cfg(test)]
#[path = "repair_tests.rs"]
mod tests;
