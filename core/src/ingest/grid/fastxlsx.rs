//! A fast reader for the worksheets of a plain .xlsx (issue 13: a city's inbox is millions of
//! cells, and calamine's general XML event reader was half of the build's time).
//!
//! It reads what Excel, WPS, LibreOffice and the usual libraries write — `<row>`s of `<c r s t>`
//! cells holding `<v>`, `<f>` or a simple `<is><t>` — from the inflated part in one pass over its
//! bytes, and gives the same `Grid` as the calamine path (`Book::read_sheet`), which stays the
//! reference: the workbook is opened by calamine first, and anything this reader does not know
//! exactly how calamine reads (an entity or `_xHHHH_` escape in a value, rich inline text, an
//! unknown element or cell type, a malformed reference, a part too large to inflate at once)
//! makes it decline, and that sheet — or the whole file, when its workbook parts are unusual —
//! is read by calamine as before. So an error is always calamine's error, in its words.
//!
//! Mirrors calamine 0.38 (`xlsx/mod.rs`, `xlsx/cells_reader.rs`, `formats.rs`; MIT): the sheet
//! list and paths from the relationships, shared strings (rich runs joined, phonetic runs
//! skipped, ASCII whitespace trimmed unless `xml:space="preserve"`), number formats by cell
//! format (`detect_custom_number_format`, `builtin_format_by_id`), cell positions from `r` or
//! counted, and the value of a cell as its last child element leaves it.

use super::cells::{Grid, Value, date_time, text};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::Arc;

/// A worksheet part larger than this (inflated) is streamed by calamine instead of being held
/// whole: every reading thread may hold one (the process's memory bound, Settled 7). A ledger
/// sheet of 2,000 rows is about 0.5 MB; this is some 60,000 rows.
const MAX_FAST_PART: u64 = 16 << 20;
/// The workbook-level parts read here; `partscan` has bounded them already.
const MAX_SMALL_PART: u64 = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fmt {
    Other,
    DateTime,
    TimeDelta,
}

/// The workbook-level facts a worksheet needs, read from the same bytes calamine opened.
pub struct FastXlsx {
    zip: zip::ZipArchive<Cursor<Arc<[u8]>>>,
    /// Sheet name → zip index of its worksheet part (None: a chart or dialog sheet).
    sheets: Vec<(String, Option<usize>)>,
    sst: Vec<String>,
    formats: Vec<Fmt>,
    is_1904: bool,
    buf: Vec<u8>,
}

/// Why a sheet is left to calamine (never shown: calamine then reads it and says what it says).
struct Decline;

type Scan<T> = Result<T, Decline>;

impl FastXlsx {
    /// The fast reader for a workbook calamine opened with `names` and `is_1904`; None when any
    /// of its workbook parts is not plainly what calamine read (then calamine reads every sheet).
    pub fn open(bytes: Arc<[u8]>, names: &[String], is_1904: bool) -> Option<Self> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        // Two entries that differ only in case or slashes: which one calamine reads is its own
        // affair.
        let names_seen: std::collections::HashSet<String> = zip
            .file_names()
            .map(|n| n.map(|n| folded(&n)))
            .collect::<Result<_, _>>()
            .ok()?;
        if names_seen.len() != zip.len() {
            return None;
        }
        let (xl_path, workbook) = office_document(&mut zip)?;
        let rels = relationships(&mut zip, &format!("{xl_path}_rels/{workbook}.rels"))?;
        let sheets = sheet_parts(&mut zip, &format!("{xl_path}{workbook}"), &xl_path, &rels)?;
        if sheets.len() != names.len() || sheets.iter().zip(names).any(|((a, _), b)| a != b) {
            return None;
        }
        let sst = match find(&zip, &format!("{xl_path}sharedStrings.xml")) {
            Some(i) => shared_strings(&part(&mut zip, i, MAX_SMALL_PART)?)?,
            None => Vec::new(),
        };
        let formats = match find(&zip, &format!("{xl_path}styles.xml")) {
            Some(i) => formats(&part(&mut zip, i, MAX_SMALL_PART)?)?,
            None => Vec::new(),
        };
        Some(FastXlsx {
            zip,
            sheets,
            sst,
            formats,
            is_1904,
            buf: Vec::new(),
        })
    }

    /// The sheet `name` as a bounded grid, or None: calamine is to read it.
    pub fn read_sheet(&mut self, name: &str) -> Option<Grid> {
        let index = self.sheets.iter().find(|(n, _)| n == name)?.1?;
        let mut entry = self.zip.by_index(index).ok()?;
        if entry.size() > MAX_FAST_PART {
            return None;
        }
        self.buf.clear();
        self.buf.reserve(entry.size() as usize);
        // A part that inflates past its declared size is an error here; calamine then meets it
        // and says so (`reasons::LIED`).
        entry.read_to_end(&mut self.buf).ok()?;
        drop(entry);
        let sheet = Sheet {
            sst: &self.sst,
            formats: &self.formats,
            is_1904: self.is_1904,
        };
        sheet.scan(&self.buf).ok()
    }
}

/// An entry name as calamine looks it up: `\\` as `/`, ASCII case ignored.
fn folded(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// The zip entry calamine opens for `path` (`cached_zip_path`).
fn find<R: Read + std::io::Seek>(zip: &zip::ZipArchive<R>, path: &str) -> Option<usize> {
    let key = path.to_ascii_lowercase();
    let name = zip.file_names().flatten().find(|n| folded(n) == key);
    match name {
        Some(name) => zip.index_for_name(&name),
        None => zip.index_for_name(path),
    }
}

/// A small part's text (UTF-8, BOM removed).
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    index: usize,
    max: u64,
) -> Option<String> {
    let mut entry = zip.by_index(index).ok()?;
    if entry.size() > max {
        return None;
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    entry.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    Some(match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    })
}

fn reader(xml: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml.as_bytes());
    let config = r.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    r
}

/// An attribute's raw (still escaped) value, by its exact key.
fn raw_attr<'a>(e: &'a BytesStart<'_>, key: &str) -> Option<std::borrow::Cow<'a, [u8]>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key.as_bytes())
        .map(|a| a.value)
}

fn raw_str(e: &BytesStart<'_>, key: &str) -> Option<String> {
    raw_attr(e, key).and_then(|v| String::from_utf8(v.into_owned()).ok())
}

/// An attribute value with its entities resolved (calamine's `decode_attr`).
fn decoded(e: &BytesStart<'_>, key: &str) -> Option<String> {
    let raw = raw_str(e, key)?;
    quick_xml::escape::unescape(&raw)
        .ok()
        .map(|s| s.into_owned())
}

/// `_rels/.rels` → the workbook part's folder and name (`xl/`, `workbook.xml`).
fn office_document<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Option<(String, String)> {
    let xml = part(zip, find(zip, "_rels/.rels")?, MAX_SMALL_PART)?;
    let mut r = reader(&xml);
    let mut target = None;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                let office = raw_str(&e, "Type")
                    .is_some_and(|t| t.ends_with("/relationships/officeDocument"));
                if office && let Some(t) = decoded(&e, "Target") {
                    target = Some(t);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let target = target?;
    let (dir, name) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    let dir = dir.strip_prefix('/').unwrap_or(dir).to_string();
    let name = if name.is_empty() {
        "workbook.xml"
    } else {
        name
    };
    Some((dir, name.to_string()))
}

/// The workbook's relationships: Id → (Target, Type).
fn relationships<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    path: &str,
) -> Option<HashMap<String, (String, String)>> {
    let xml = part(zip, find(zip, path)?, MAX_SMALL_PART)?;
    let mut r = reader(&xml);
    let mut rels = HashMap::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                if let Some(id) = raw_str(&e, "Id") {
                    let target = raw_str(&e, "Target").unwrap_or_default();
                    let typ = raw_str(&e, "Type").unwrap_or_default();
                    rels.insert(id, (target, typ));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(rels)
}

/// The workbook's sheets in order, each with its worksheet part.
fn sheet_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    path: &str,
    xl_path: &str,
    rels: &HashMap<String, (String, String)>,
) -> Option<Vec<(String, Option<usize>)>> {
    let xml = part(zip, find(zip, path)?, MAX_SMALL_PART)?;
    let mut r = reader(&xml);
    let mut sheets = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"sheet" => {
                let name = decoded(&e, "name").unwrap_or_default();
                let id = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == b"id")
                    .and_then(|a| String::from_utf8(a.value.into_owned()).ok())
                    .unwrap_or_default();
                let (target, typ) = rels.get(&id)?;
                let part_path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("{xl_path}{target}"),
                };
                let index = match typ.rsplit('/').next() {
                    Some("worksheet") => Some(find(zip, &part_path)?),
                    _ => None,
                };
                sheets.push((name, index));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(sheets)
}

/// Text of a `<t>`, `<si>`… run, as calamine builds it; None for what it would unescape
/// further (`_xHHHH_`), which is left to calamine.
fn run_text(r: &mut Reader<&[u8]>, t: &BytesStart<'_>, out: &mut String) -> Option<()> {
    let preserve = raw_attr(t, "xml:space").is_some_and(|v| v.as_ref() == b"preserve");
    let mut value = String::new();
    loop {
        match r.read_event().ok()? {
            Event::Text(x) => value.push_str(&x.xml10_content().ok()?),
            Event::CData(x) => value.push_str(&x.xml10_content().ok()?),
            Event::GeneralRef(x) => {
                let name = std::str::from_utf8(x.as_ref()).ok()?;
                match quick_xml::escape::resolve_xml_entity(name) {
                    Some(s) => value.push_str(s),
                    None => value.push(x.resolve_char_ref().ok()??),
                }
            }
            Event::End(end) if end.name() == t.name() => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    if value.contains("_x") {
        return None;
    }
    out.push_str(if preserve {
        &value
    } else {
        value.trim_matches([' ', '\t', '\r', '\n'])
    });
    Some(())
}

/// sharedStrings.xml → the strings, in order.
fn shared_strings(xml: &str) -> Option<Vec<String>> {
    plain_shared_strings(xml).or_else(|| rich_shared_strings(xml))
}

/// The usual sharedStrings.xml, every `<si>` one plain `<t>`, in one pass over its bytes; None
/// for anything else (rich runs, phonetic text, entities), read by `rich_shared_strings`.
fn plain_shared_strings(xml: &str) -> Option<Vec<String>> {
    let mut x = Xml {
        b: xml.as_bytes(),
        i: 0,
    };
    let mut out = Vec::new();
    loop {
        match x.tag().ok()? {
            Tag::Start(b"si", _, true) => out.push(String::new()),
            Tag::Start(b"si", _, false) => match x.tag().ok()? {
                Tag::End(b"si") => out.push(String::new()),
                Tag::Start(b"t", a, empty) => {
                    let [space] = attrs(a, [b"xml:space"]).ok()?;
                    let v = if empty {
                        ""
                    } else {
                        plain(closed(&mut x, b"t").ok()?).ok()?
                    };
                    let v = if space == Some(b"preserve") {
                        v
                    } else {
                        v.trim_matches([' ', '\t', '\n'])
                    };
                    out.push(v.to_string());
                    if !matches!(x.tag().ok()?, Tag::End(b"si")) {
                        return None;
                    }
                }
                _ => return None,
            },
            Tag::Start(b"sst", _, _) | Tag::End(b"sst") => {}
            Tag::Eof => return Some(out),
            _ => return None,
        }
    }
}

/// sharedStrings.xml as calamine reads it, event by event.
fn rich_shared_strings(xml: &str) -> Option<Vec<String>> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"si" => {
                out.push(rich_string(&mut r, &e)?);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

/// One `<si>`: its `<t>` runs joined, phonetic runs (`<rPh>`) left out.
fn rich_string(r: &mut Reader<&[u8]>, si: &BytesStart<'_>) -> Option<String> {
    let mut s = String::new();
    let mut phonetic = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"rPh" => phonetic = true,
            Event::End(e) if e.name() == si.name() => return Some(s),
            Event::End(e) if e.local_name().as_ref() == b"rPh" => phonetic = false,
            Event::Start(e) if e.local_name().as_ref() == b"t" && !phonetic => {
                run_text(r, &e, &mut s)?;
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// styles.xml → each cell format's kind (date, duration, other), by cell-format index.
fn formats(xml: &str) -> Option<Vec<Fmt>> {
    let mut r = reader(xml);
    let mut custom: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    let (mut in_fmts, mut in_xfs) = (false, false);
    loop {
        match r.read_event().ok()? {
            // Only those of <numFmts>: a <dxf> holds numFmts of its own.
            Event::Start(e) if e.local_name().as_ref() == b"numFmts" => in_fmts = true,
            Event::End(e) if e.local_name().as_ref() == b"numFmts" => in_fmts = false,
            Event::Start(e) if in_fmts && e.local_name().as_ref() == b"numFmt" => {
                if let (Some(id), Some(code)) = (raw_str(&e, "numFmtId"), decoded(&e, "formatCode"))
                {
                    custom.insert(id, code);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = true,
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Event::Start(e) if in_xfs && e.local_name().as_ref() == b"xf" => {
                out.push(
                    raw_str(&e, "numFmtId").map_or(Fmt::Other, |id| match custom.get(&id) {
                        Some(code) => custom_format(code),
                        None => builtin_format(&id),
                    }),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

/// calamine's `detect_custom_number_format`: is this format code a date, a duration or other?
fn custom_format(format: &str) -> Fmt {
    let (mut escaped, mut quoted, mut brackets) = (false, false, 0u8);
    let (mut prev, mut hms, mut ap) = (' ', false, false);
    for s in format.chars() {
        match (s, escaped, quoted, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => quoted = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => quoted = true,
            (';', ..) => return Fmt::Other,
            ('[', ..) => brackets = brackets.saturating_add(1),
            (']', .., 1) if hms => return Fmt::TimeDelta,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return Fmt::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return Fmt::DateTime;
            }
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    Fmt::Other
}

/// calamine's `builtin_format_by_id`.
fn builtin_format(id: &str) -> Fmt {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" => Fmt::DateTime,
        "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51"
        | "52" | "53" | "54" | "55" | "56" | "57" | "58" => Fmt::DateTime,
        "46" => Fmt::TimeDelta,
        _ => Fmt::Other,
    }
}

/// A1 reference → 0-based (row, column); the column is None when absent (calamine's
/// `get_row_and_optional_column`). Declines what calamine would refuse.
fn position(range: &[u8]) -> Scan<(u32, Option<u32>)> {
    let (mut i, mut col, mut row) = (0usize, 0u32, 0u32);
    let mut digits = false;
    while let Some(&c) = range.get(i) {
        i += 1;
        match c {
            b'A'..=b'Z' | b'a'..=b'z' => {
                let v = u32::from(c.to_ascii_uppercase() - b'A') + 1;
                col = col
                    .checked_mul(26)
                    .and_then(|x| x.checked_add(v))
                    .ok_or(Decline)?;
            }
            b'0'..=b'9' => {
                row = u32::from(c - b'0');
                digits = true;
                break;
            }
            _ => return Err(Decline),
        }
    }
    while let Some(&c) = range.get(i) {
        i += 1;
        match c {
            b'0'..=b'9' => {
                row = row
                    .checked_mul(10)
                    .and_then(|x| x.checked_add(u32::from(c - b'0')))
                    .ok_or(Decline)?;
            }
            _ => return Err(Decline),
        }
    }
    if !digits {
        return Err(Decline);
    }
    let row = row.checked_sub(1).ok_or(Decline)?;
    Ok((row, col.checked_sub(1)))
}

/// A tag of the worksheet XML.
enum Tag<'a> {
    /// Local name, the attribute bytes, and whether it closes itself (`<c r="A1"/>`).
    Start(&'a [u8], &'a [u8], bool),
    End(&'a [u8]),
    Eof,
}

/// The part of a name after its prefix (`x:c` → `c`).
fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|&b| b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or_default(),
        None => name,
    }
}

/// A cursor over worksheet XML.
struct Xml<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Xml<'a> {
    /// The text up to the next tag (the cursor stays on its `<`).
    fn text(&mut self) -> &'a [u8] {
        let rest = self.b.get(self.i..).unwrap_or_default();
        let n = memchr(b'<', rest).unwrap_or(rest.len());
        self.i += n;
        rest.get(..n).unwrap_or_default()
    }

    /// The next tag, skipping text, comments and processing instructions; declines CDATA and
    /// declarations.
    fn tag(&mut self) -> Scan<Tag<'a>> {
        loop {
            self.text();
            let rest = self.b.get(self.i..).unwrap_or_default();
            if rest.is_empty() {
                return Ok(Tag::Eof);
            }
            if rest.starts_with(b"<!--") {
                let end = find_bytes(rest, b"-->").ok_or(Decline)?;
                self.i += end + 3;
                continue;
            }
            if rest.starts_with(b"<?") {
                let end = find_bytes(rest, b"?>").ok_or(Decline)?;
                self.i += end + 2;
                continue;
            }
            if rest.starts_with(b"<!") {
                return Err(Decline);
            }
            if let Some(after) = rest.strip_prefix(b"</") {
                let close = memchr(b'>', after).ok_or(Decline)?;
                let name = after.get(..close).ok_or(Decline)?.trim_ascii();
                self.i += 2 + close + 1;
                return Ok(Tag::End(local(name)));
            }
            let body = rest.get(1..).unwrap_or_default();
            let name_len = body
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .ok_or(Decline)?;
            let name = body.get(..name_len).ok_or(Decline)?;
            // The tag ends at the first `>` outside quotes (a `>` may stand in a value).
            let mut j = name_len;
            loop {
                let rest = body.get(j..).unwrap_or_default();
                let k = memchr::memchr3(b'>', b'"', b'\'', rest).ok_or(Decline)?;
                j += k;
                let &c = body.get(j).ok_or(Decline)?;
                if c == b'>' {
                    break;
                }
                // A quoted value: on to its closing quote.
                let value = body.get(j + 1..).unwrap_or_default();
                j += 1 + memchr(c, value).ok_or(Decline)? + 1;
            }
            let inner = body.get(name_len..j).ok_or(Decline)?;
            let empty = inner.last() == Some(&b'/');
            let attrs = if empty {
                inner.get(..inner.len() - 1).unwrap_or_default()
            } else {
                inner
            };
            self.i += 1 + j + 1;
            return Ok(Tag::Start(local(name), attrs, empty));
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The raw values of the attributes `keys` (exact keys), declining malformed attributes.
fn attrs<'a, const N: usize>(mut s: &'a [u8], keys: [&[u8]; N]) -> Scan<[Option<&'a [u8]>; N]> {
    let mut out = [None; N];
    loop {
        s = s.trim_ascii_start();
        if s.is_empty() {
            return Ok(out);
        }
        let eq = memchr(b'=', s).ok_or(Decline)?;
        let key = s.get(..eq).ok_or(Decline)?.trim_ascii_end();
        s = s.get(eq + 1..).ok_or(Decline)?.trim_ascii_start();
        let &q = s.first().ok_or(Decline)?;
        if q != b'"' && q != b'\'' {
            return Err(Decline);
        }
        let rest = s.get(1..).ok_or(Decline)?;
        let end = memchr(q, rest).ok_or(Decline)?;
        let value = rest.get(..end).ok_or(Decline)?;
        let hit = match key {
            [b] => keys
                .iter()
                .position(|k| k.len() == 1 && k.first() == Some(b)),
            _ => keys.iter().position(|k| *k == key),
        };
        if let Some(k) = hit
            && let Some(slot) = out.get_mut(k)
        {
            *slot = Some(value);
        }
        s = rest.get(end + 1..).ok_or(Decline)?;
    }
}

/// A plain decimal number as Excel writes a cell value (`-12.5`, `4.5E-3`); anything else is
/// left to calamine.
fn number(v: &[u8]) -> Scan<f64> {
    // Most values are small whole numbers (counts, date serials): exact in f64.
    if !v.is_empty() && v.len() <= 15 && v.iter().all(u8::is_ascii_digit) {
        let n = v.iter().fold(0u64, |n, &c| n * 10 + u64::from(c - b'0'));
        return Ok(n as f64);
    }
    let mut i = 0;
    let at = |i: usize| v.get(i).copied();
    if matches!(at(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let start = i;
    while at(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    let mut mantissa = i > start;
    if at(i) == Some(b'.') {
        i += 1;
        let f = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        mantissa |= i > f;
    }
    if !mantissa {
        return Err(Decline);
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let e = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == e {
            return Err(Decline);
        }
    }
    if i != v.len() {
        return Err(Decline);
    }
    std::str::from_utf8(v)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .ok_or(Decline)
}

fn index(v: &[u8]) -> Scan<usize> {
    if v.is_empty() || v.len() > 9 {
        return Err(Decline);
    }
    v.iter().try_fold(0usize, |n, &c| match c {
        b'0'..=b'9' => Ok(n * 10 + usize::from(c - b'0')),
        _ => Err(Decline),
    })
}

/// Plain text of a value: no entity, no `_xHHHH_` escape, no carriage return (each of which
/// calamine rewrites), valid UTF-8.
fn plain(v: &[u8]) -> Scan<&str> {
    if v.contains(&b'&') || v.contains(&b'\r') || find_bytes(v, b"_x").is_some() {
        return Err(Decline);
    }
    std::str::from_utf8(v).map_err(|_| Decline)
}

/// What a sheet needs of the workbook.
struct Sheet<'w> {
    sst: &'w [String],
    formats: &'w [Fmt],
    is_1904: bool,
}

impl Sheet<'_> {
    fn scan(&self, bytes: &[u8]) -> Scan<Grid> {
        let mut x = Xml { b: bytes, i: 0 };
        let mut grid = Grid::default();
        // Up to <sheetData>: a <dimension> calamine cannot read is its error to give.
        loop {
            match x.tag()? {
                Tag::Start(b"dimension", a, _) => {
                    let [r] = attrs(a, [b"ref"])?;
                    let mut parts = Vec::new();
                    for p in r.ok_or(Decline)?.split(|&b| b == b':') {
                        let (row, col) = position(p)?;
                        parts.push((row, col.ok_or(Decline)?));
                    }
                    match parts.as_slice() {
                        [_] => {}
                        [a, b] if b.0 >= a.0 && b.1 >= a.1 => {}
                        _ => return Err(Decline),
                    }
                }
                Tag::Start(b"sheetData", _, true) => return Ok(grid),
                Tag::Start(b"sheetData", _, false) => break,
                Tag::Start(..) | Tag::End(_) => {}
                Tag::Eof => return Err(Decline),
            }
        }
        let (mut row, mut col) = (0u32, 0u32);
        loop {
            match x.tag()? {
                Tag::Start(b"row", a, empty) => {
                    let [r] = attrs(a, [b"r"])?;
                    if let Some(r) = r {
                        row = position(r)?.0;
                    }
                    if empty {
                        row = row.checked_add(1).ok_or(Decline)?;
                        col = 0;
                    }
                }
                Tag::End(b"row") => {
                    row = row.checked_add(1).ok_or(Decline)?;
                    col = 0;
                }
                Tag::Start(b"c", a, empty) => {
                    let [r, s, t] = attrs(a, [b"r", b"s", b"t"])?;
                    let at = match r {
                        Some(r) => {
                            let (rr, c) = position(r)?;
                            let c = c.ok_or(Decline)?;
                            col = c;
                            (rr, c)
                        }
                        None => (row, col),
                    };
                    let value = if empty {
                        Value::Empty
                    } else {
                        self.cell(&mut x, s, t)?
                    };
                    col = col.checked_add(1).ok_or(Decline)?;
                    if !grid.push(at.0, at.1, value) {
                        return Ok(grid);
                    }
                }
                Tag::End(b"sheetData") => return Ok(grid),
                Tag::End(_) => {}
                Tag::Start(..) | Tag::Eof => return Err(Decline),
            }
        }
    }

    /// The children of a `<c>` up to its end: the value its last child leaves.
    fn cell(&self, x: &mut Xml, s: Option<&[u8]>, t: Option<&[u8]>) -> Scan<Value> {
        let mut value = Value::Empty;
        loop {
            match x.tag()? {
                Tag::End(b"c") => return Ok(value),
                Tag::End(_) => {}
                Tag::Start(b"v", _, empty) => {
                    let raw = if empty { &b""[..] } else { closed(x, b"v")? };
                    value = self.value(raw, s, t)?;
                }
                Tag::Start(b"f", _, empty) => {
                    if !empty {
                        closed(x, b"f")?;
                    }
                    value = Value::Empty;
                }
                Tag::Start(b"is", _, empty) => {
                    value = if empty { Value::Empty } else { inline(x)? };
                }
                Tag::Start(..) | Tag::Eof => return Err(Decline),
            }
        }
    }

    /// A `<v>`'s text by the cell's type and format.
    fn value(&self, v: &[u8], s: Option<&[u8]>, t: Option<&[u8]>) -> Scan<Value> {
        if v.contains(&b'&') {
            return Err(Decline);
        }
        match t {
            None | Some(b"n") => {
                if v.is_empty() {
                    return Ok(Value::Empty);
                }
                let n = number(v)?;
                let fmt = match s {
                    None => Some(Fmt::Other),
                    Some(s) => self.formats.get(index(s)?).copied(),
                };
                Ok(match fmt {
                    Some(Fmt::DateTime) => date_time(&ExcelDateTime::new(
                        n,
                        ExcelDateTimeType::DateTime,
                        self.is_1904,
                    )),
                    Some(Fmt::TimeDelta) => date_time(&ExcelDateTime::new(
                        n,
                        ExcelDateTimeType::TimeDelta,
                        self.is_1904,
                    )),
                    _ => Value::Number(n),
                })
            }
            Some(b"s") => {
                if v.is_empty() {
                    return Ok(Value::Empty);
                }
                let s = self.sst.get(index(v)?).ok_or(Decline)?;
                Ok(text(s))
            }
            Some(b"b") => match v.trim_ascii() {
                b"" => Ok(Value::Empty),
                b"0" => Ok(Value::Bool(false)),
                b"1" => Ok(Value::Bool(true)),
                w if w.eq_ignore_ascii_case(b"false") => Ok(Value::Bool(false)),
                w if w.eq_ignore_ascii_case(b"true") => Ok(Value::Bool(true)),
                _ => Err(Decline),
            },
            Some(b"str") => Ok(text(plain(v)?)),
            Some(b"inlineStr" | b"is") => Ok(Value::Empty),
            Some(_) => Err(Decline),
        }
    }
}

/// The text of an element with no child element, through its end tag `</name>`.
fn closed<'a>(x: &mut Xml<'a>, name: &[u8]) -> Scan<&'a [u8]> {
    let v = x.text();
    match x.tag()? {
        Tag::End(n) if n == name => Ok(v),
        _ => Err(Decline),
    }
}

/// An `<is>` of plain `<t>` runs (rich runs and phonetic text are calamine's).
fn inline(x: &mut Xml) -> Scan<Value> {
    let mut s = String::new();
    loop {
        match x.tag()? {
            Tag::End(b"is") => return Ok(text(&s)),
            Tag::Start(b"t", a, empty) => {
                if empty {
                    continue;
                }
                let [space] = attrs(a, [b"xml:space"])?;
                let v = plain(closed(x, b"t")?)?;
                s.push_str(if space == Some(b"preserve") {
                    v
                } else {
                    v.trim_matches([' ', '\t', '\n'])
                });
            }
            _ => return Err(Decline),
        }
    }
}

#[cfg(test)]
#[path = "fastxlsx_tests.rs"]
mod tests;
