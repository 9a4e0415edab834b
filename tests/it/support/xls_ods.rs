//! Writers for the formats calamine reads whole at open, built in code from a `books::Book`:
//! a minimal BIFF8 .xls (LABEL/NUMBER/BOOLERR records, one date XF) in an OLE container made with
//! `cfb`, and a LibreOffice-style .ods (every sheet padded with empty repeated rows and columns
//! up to 1,048,576 × 1,024). Plus raw record helpers for hostile files.
#![allow(dead_code)]

use super::books::{Book, Cell, Sheet};
use std::collections::BTreeMap;
use std::io::{Cursor, Write};

/// One BIFF record.
pub fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = typ.to_le_bytes().to_vec();
    v.extend((data.len() as u16).to_le_bytes());
    v.extend(data);
    v
}

/// BOF of the globals (dt 0x0005) or a worksheet (dt 0x0010).
pub fn bof(dt: u16) -> Vec<u8> {
    let mut d = 0x0600u16.to_le_bytes().to_vec();
    d.extend(dt.to_le_bytes());
    d.extend([0u8; 12]);
    rec(0x0809, &d)
}

pub fn eof() -> Vec<u8> {
    rec(0x000A, &[])
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A NUMBER record.
pub fn number(row: u16, col: u16, xf: u16, v: f64) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(xf.to_le_bytes());
    d.extend(v.to_le_bytes());
    rec(0x0203, &d)
}

fn label(row: u16, col: u16, s: &str) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((s.encode_utf16().count() as u16).to_le_bytes());
    d.push(1);
    d.extend(utf16(s));
    rec(0x0204, &d)
}

/// A Workbook stream: globals (`extra_globals` after the BOF), one BoundSheet per sheet body.
pub fn workbook(extra_globals: &[u8], sheets: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut g = bof(0x0005);
    g.extend(extra_globals);
    let mut xf = vec![0u8; 20];
    g.extend(rec(0x00E0, &xf));
    xf[2] = 14; // built-in number format 14: a date
    g.extend(rec(0x00E0, &xf));
    let mut at = Vec::new();
    for (name, _) in sheets {
        at.push(g.len() + 4);
        let mut d = vec![0u8; 6];
        d.push(name.encode_utf16().count() as u8);
        d.push(1);
        d.extend(utf16(name));
        g.extend(rec(0x0085, &d));
    }
    g.extend(eof());
    for ((_, body), a) in sheets.iter().zip(at) {
        let pos = g.len() as u32;
        g[a..a + 4].copy_from_slice(&pos.to_le_bytes());
        g.extend(bof(0x0010));
        g.extend(body);
        g.extend(eof());
    }
    g
}

/// An OLE compound file holding one stream.
pub fn ole(stream_name: &str, data: &[u8]) -> Vec<u8> {
    let mut cf =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    let mut s = cf.create_stream(stream_name).unwrap();
    s.write_all(data).unwrap();
    s.flush().unwrap();
    drop(s);
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

/// Every cell of a sheet at its absolute position.
fn cells(s: &Sheet) -> BTreeMap<(u32, u16), Cell> {
    let mut m = BTreeMap::new();
    for (i, row) in s.rows.iter().enumerate() {
        for (j, c) in row.iter().enumerate() {
            m.insert((s.first_row + i as u32, j as u16), c.clone());
        }
    }
    for (r, c, v) in &s.extra {
        m.insert((*r, *c), v.clone());
    }
    m.retain(|_, c| *c != Cell::Empty);
    m
}

fn serial(d: chrono::NaiveDate) -> f64 {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (d - base).num_days() as f64
}

/// The book as a BIFF8 .xls file.
pub fn xls(book: &Book) -> Vec<u8> {
    let bodies: Vec<(&str, Vec<u8>)> = book
        .sheets
        .iter()
        .map(|s| {
            let mut body = Vec::new();
            for ((r, c), v) in cells(s) {
                let r = r as u16;
                body.extend(match v {
                    Cell::Text(t) => label(r, c, &t),
                    Cell::Formula(_, res) => label(r, c, &res),
                    Cell::Num(n) => number(r, c, 0, n),
                    Cell::Date(d) => number(r, c, 1, serial(d)),
                    Cell::DateNum(n) => number(r, c, 1, n),
                    Cell::Bool(b) => {
                        let mut d = r.to_le_bytes().to_vec();
                        d.extend(c.to_le_bytes());
                        d.extend([0, 0, u8::from(b), 0]);
                        rec(0x0205, &d)
                    }
                    Cell::Empty => Vec::new(),
                });
            }
            (s.name.as_str(), body)
        })
        .collect();
    ole("/Workbook", &workbook(&[], &bodies))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const PAD_COLS: u32 = 1024;
const PAD_ROWS: u32 = 1_048_576;

fn ods_cell(c: &Cell) -> String {
    let s = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
            esc(t)
        )
    };
    match c {
        Cell::Text(t) | Cell::Formula(_, t) => s(t),
        Cell::Num(n) | Cell::DateNum(n) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        ),
        Cell::Date(d) => format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#
        ),
        Cell::Bool(b) => format!(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
        ),
        Cell::Empty => "<table:table-cell/>".into(),
    }
}

fn empty_cells(n: u32) -> String {
    format!(r#"<table:table-cell table:style-name="ce1" table:number-columns-repeated="{n}"/>"#)
}

/// One table, padded like LibreOffice writes it.
fn ods_table(s: &Sheet) -> String {
    let cells = cells(s);
    let mut out = format!(r#"<table:table table:name="{}">"#, esc(&s.name));
    out.push_str(&format!(
        r#"<table:table-column table:number-columns-repeated="{PAD_COLS}"/>"#
    ));
    let last = cells.keys().map(|k| k.0 + 1).max().unwrap_or(0);
    for r in 0..last {
        out.push_str("<table:table-row>");
        let mut col = 0u32;
        for ((_, c), v) in cells.range((r, 0)..=(r, u16::MAX)) {
            if u32::from(*c) > col {
                out.push_str(&empty_cells(u32::from(*c) - col));
            }
            out.push_str(&ods_cell(v));
            col = u32::from(*c) + 1;
        }
        out.push_str(&empty_cells(PAD_COLS - col));
        out.push_str("</table:table-row>");
    }
    out.push_str(&format!(
        r#"<table:table-row table:number-rows-repeated="{}">{}</table:table-row></table:table>"#,
        PAD_ROWS - last,
        empty_cells(PAD_COLS)
    ));
    out
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// A raw .ods with these tables as its content.
pub fn ods_raw(tables: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    w.start_file(
        "META-INF/manifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(MANIFEST.as_bytes()).unwrap();
    w.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    w.write_all(doc.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// The book as a LibreOffice-style padded .ods file.
pub fn ods(book: &Book) -> Vec<u8> {
    ods_raw(&book.sheets.iter().map(ods_table).collect::<String>())
}
