//! One file → what it is (ledger, register, unreadable) with its findings: size check, content
//! sniffing, zip pre-scan, open with calamine, classify by the cover's 台账类型, read the sheets.
//! Panics inside the readers are contained and reported as an unreadable file.

use super::Options;
use super::grid::book::Book;
use super::grid::cells::Grid;
use super::grid::cover::Cover;
use super::grid::fastxlsx::FastXlsx;
use super::grid::sheets::{Ctx, header_base, with_rule};
use super::grid::values;
use super::guard::prescan;
use super::guard::reasons::LIED;
use super::guard::sniff::{self, Format, Sniffed};
use super::ledger::{self, Judge, load_grid};
use super::register;
use super::units::{match_unit, normalize_name};
use crate::config::Config;
use crate::findings::Finding;
use crate::model::{Ledger, Register};
use crate::schema;
use crate::schema::col;
use std::io::Cursor;

/// What a readable workbook turned out to be.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// `key` is the canonical unit (raw 单位名称 when there is no roster); `counts` is false
    /// when it was rejected (unknown unit, other year, no unit name).
    Ledger {
        ledger: std::sync::Arc<Ledger>,
        key: Option<String>,
        counts: bool,
    },
    Register {
        register: Box<Register>,
        counts: bool,
    },
    Unreadable,
}

/// The outcome of reading one file.
#[derive(Debug, Clone)]
pub struct FileOut {
    pub rel: String,
    pub sha256: String,
    pub size: u64,
    pub parsed: Parsed,
    pub findings: Vec<Finding>,
}

use super::diags::{BROKEN_INDEX, INTERNAL};

/// A file that cannot be read, with the reason.
pub fn refused(rel: &str, sha256: String, size: u64, msg: String) -> FileOut {
    FileOut {
        rel: rel.to_string(),
        sha256,
        size,
        parsed: Parsed::Unreadable,
        findings: vec![super::diags::unreadable_file(msg).file(rel)],
    }
}

/// Parse a workbook from its bytes (`rel` gives the name and extension); never panics, never
/// fails. The entry point of the fuzz target and the mutation test.
pub fn read_from_bytes(bytes: Vec<u8>, rel: &str, cfg: &Config, opts: &Options) -> FileOut {
    let size = bytes.len() as u64;
    let ext = sniff::ext(rel);
    let unreadable = |sha256: String, msg: String| refused(rel, sha256, size, msg);
    if let Err(msg) = prescan::check_size(size, ext == "xls") {
        return unreadable(crate::digest::sha256_hex(&bytes), msg);
    }
    let sha256 = crate::digest::sha256_hex(&bytes);
    let kind = sniff::sniff(&bytes);
    let names = if kind == Sniffed::Zip {
        match prescan::scan_zip(&bytes) {
            Ok(n) => n,
            Err(msg) => return unreadable(sha256, msg),
        }
    } else {
        Vec::new()
    };
    let format = match sniff::format_for(kind, &ext, &names) {
        Ok(f) => f,
        Err(msg) => return unreadable(sha256, msg),
    };
    let bytes = super::guard::repair::repair(format, bytes);
    if let Err(r) = scan_whole(format, &bytes) {
        let mut out = unreadable(sha256, r.message);
        for f in &mut out.findings {
            f.sheet = r.sheet.clone();
            f.cell = r.cell.clone();
        }
        return out;
    }
    // A panic while opening means the workbook's own index (sheet list, relationships) is
    // broken: nothing of it can be read. A panic later costs one sheet (`Book::read_sheet`).
    let book = match std::panic::catch_unwind(|| open(format, bytes)) {
        Ok(Ok(book)) => book,
        Ok(Err(msg)) => return unreadable(sha256, msg),
        Err(_) => return unreadable(sha256, BROKEN_INDEX.into()),
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse_book(book, rel, cfg, opts)
    }));
    match result {
        // A worksheet found lying about its size while it was read refuses the whole file, as
        // the pre-scan refuses one whose other parts lie.
        Ok((_, findings)) if findings.iter().any(|f| f.message.contains(LIED)) => {
            unreadable(sha256, LIED.into())
        }
        Ok((parsed, findings)) => FileOut {
            rel: rel.to_string(),
            sha256,
            size,
            parsed,
            findings,
        },
        Err(_) => unreadable(sha256, INTERNAL.into()),
    }
}

/// calamine parses .xls/.ods whole at open, and the workbook-level parts of .xlsx/.xlsb:
/// refuse what it would blow up on (pitfall 1).
fn scan_whole(format: Format, bytes: &[u8]) -> Result<(), prescan::Refusal> {
    std::panic::catch_unwind(|| match format {
        Format::Xls => super::guard::biff::scan_xls(bytes),
        Format::Ods => super::guard::odsscan::scan_ods(bytes),
        Format::Xlsx | Format::Xlsb => super::guard::partscan::scan_parts(bytes, format),
    })
    .unwrap_or_else(|_| Err(prescan::Refusal::file(INTERNAL)))
}

/// The file's bytes opened as `format`; Err is a Chinese reason (encrypted, damaged).
pub(crate) fn open(format: Format, bytes: Vec<u8>) -> Result<Book, String> {
    use calamine::Reader;
    let broken = |e: &dyn std::fmt::Display| super::diags::damaged(e);
    match format {
        Format::Xlsx => {
            // calamine opens the workbook (its errors are the file's); the fast worksheet
            // reader shares the bytes.
            let bytes: std::sync::Arc<[u8]> = bytes.into();
            match calamine::Xlsx::new(Cursor::new(std::sync::Arc::clone(&bytes))) {
                Ok(b) => {
                    let fast = FastXlsx::open(bytes, &b.sheet_names(), b.has_1904_epoch());
                    Ok(Book::Xlsx(Box::new(b), fast.map(Box::new)))
                }
                Err(calamine::XlsxError::Password) => Err(sniff::ENCRYPTED.to_string()),
                Err(e) => Err(broken(&e)),
            }
        }
        Format::Xlsb => match calamine::Xlsb::new(Cursor::new(bytes)) {
            Ok(b) => Ok(Book::Xlsb(Box::new(b))),
            Err(calamine::XlsbError::Password) => Err(sniff::ENCRYPTED.to_string()),
            Err(e) => Err(broken(&e)),
        },
        Format::Xls => match calamine::Xls::new(Cursor::new(bytes)) {
            Ok(b) => Ok(Book::Xls(Box::new(b))),
            Err(calamine::XlsError::Password) => Err(sniff::ENCRYPTED.to_string()),
            Err(e) => Err(super::diags::xls_unreadable(&e)),
        },
        Format::Ods => calamine::Ods::new(Cursor::new(bytes))
            .map(|b| Book::Ods(Box::new(b)))
            .map_err(|e| broken(&e)),
    }
}

/// Is this cover the central register's (台账类型 = 保卫处台账)?
fn is_register(grid: &Grid) -> bool {
    let want = normalize_name(schema::REGISTER_TYPE);
    (0..grid.height()).any(|r| {
        super::grid::cover::pair(grid, r).is_some_and(|(key, v, _)| {
            key == col::LEDGER_TYPE && values::text(&v).is_some_and(|v| header_base(&v).0 == want)
        })
    })
}

/// An opened workbook → a ledger or the central register (by the cover's 台账类型), with the
/// findings of reading it.
fn parse_book(mut book: Book, rel: &str, cfg: &Config, opts: &Options) -> (Parsed, Vec<Finding>) {
    let names = book.sheet_names();
    let mut ctx = Ctx {
        file: rel,
        is_1904: book.is_1904(),
        cfg,
        findings: Vec::new(),
        texts: Default::default(),
    };
    let cover = load_grid(&mut book, &names, &schema::LEDGER_COVER, &mut ctx);
    if let Some((sheet, grid)) = cover.as_ref().filter(|(_, g)| is_register(g)) {
        let (register, counts) = parse_register(&mut book, &names, sheet, grid, opts, &mut ctx);
        let register = Box::new(register);
        return (Parsed::Register { register, counts }, ctx.findings);
    }
    if let Some(f) = register::unmarked_register(&names, cover.as_ref().map(|(_, g)| g)) {
        let ledger = std::sync::Arc::new(Ledger {
            file: rel.to_string(),
            ..Default::default()
        });
        let parsed = Parsed::Ledger {
            ledger,
            key: None,
            counts: false,
        };
        return (parsed, vec![f.file(rel)]);
    }
    let (ledger, key, counts) = parse_ledger(&mut book, &names, cover.as_ref(), opts, &mut ctx);
    if ledger::nothing_of_a_ledger(&names, &ledger, &ctx.findings) {
        let parsed = Parsed::Ledger {
            ledger: std::sync::Arc::new(ledger),
            key: None,
            counts: false,
        };
        return (parsed, vec![ledger::not_a_ledger(&names).file(rel)]);
    }
    let ledger = std::sync::Arc::new(ledger);
    (
        Parsed::Ledger {
            ledger,
            key,
            counts,
        },
        ctx.findings,
    )
}

/// The central register whose cover is `grid`; true when it counts (its 年度 is the year's).
fn parse_register(
    book: &mut Book,
    names: &[String],
    sheet: &str,
    grid: &Grid,
    opts: &Options,
    ctx: &mut Ctx,
) -> (Register, bool) {
    let c = Cover::read(grid, &schema::REGISTER_COVER, sheet, ctx);
    let mut reg = Register {
        file: ctx.file.to_string(),
        cover: register::read_cover(&c, ctx),
        ..Default::default()
    };
    let at = (sheet, c.cell(col::YEAR));
    let counts = year_ok(ctx, opts, reg.cover.year, at, "保卫处台账", None);
    register::read_tables(book, names, ctx, &mut reg);
    (reg, counts)
}

/// A unit ledger (its cover, when found, and the six tables) with the unit it belongs to and
/// whether it counts (a known unit, the year's 年度). With a roster, every finding names the unit.
fn parse_ledger(
    book: &mut Book,
    names: &[String],
    cover: Option<&(String, Grid)>,
    opts: &Options,
    ctx: &mut Ctx,
) -> (Ledger, Option<String>, bool) {
    let mut ledger = Ledger {
        file: ctx.file.to_string(),
        ..Default::default()
    };
    let mut counts = true;
    let mut key = None;
    if let Some((sheet, grid)) = cover {
        let c = Cover::read(grid, &schema::LEDGER_COVER, sheet, ctx);
        ledger.cover = ledger::read_cover(&c, ctx);
        // A unit ledger of another year leaves the unit 未报送 (R15).
        let at = (sheet.as_str(), c.cell(col::YEAR));
        counts = year_ok(ctx, opts, ledger.cover.year, at, "台账", Some("R15"));
        key = unit_key(ctx, &ledger.cover, sheet, c.cell(col::UNIT_NAME));
    }
    counts &= key.is_some();
    let judge = Judge {
        year: ledger.cover.year.or(opts.year),
        submitted: ledger.cover.submitted_on,
    };
    ledger::read_tables(book, names, ctx, &judge, &mut ledger);
    if let Some(k) = &key {
        ledger.unit = k.clone();
        if !ctx.cfg.units.is_empty() {
            for f in &mut ctx.findings {
                f.unit.get_or_insert_with(|| k.clone());
            }
        }
    }
    (ledger, key, counts)
}

/// Cover 年度 (at sheet, cell) against the assessed year: a mismatch is `out_of_period` (with
/// `rule`, if any) and the file does not count.
fn year_ok(
    ctx: &mut Ctx,
    opts: &Options,
    year: Option<i32>,
    (sheet, cell): (&str, Option<String>),
    what: &str,
    rule: Option<&str>,
) -> bool {
    match (opts.year, year) {
        (Some(want), Some(got)) if want != got => {
            let f = super::diags::wrong_year(what, got, want);
            ctx.push(with_rule(f, rule), sheet, cell);
            false
        }
        _ => true,
    }
}

/// The unit a ledger belongs to: canonical roster name, or the raw name with no roster.
fn unit_key(
    ctx: &mut Ctx,
    cover: &crate::model::LedgerCover,
    sheet: &str,
    cell: Option<String>,
) -> Option<String> {
    let raw = cover.unit_name_raw.clone()?;
    if ctx.cfg.units.is_empty() {
        return Some(raw);
    }
    let found = match_unit(ctx.cfg, &raw);
    if found.is_none() {
        let closest = super::units::closest_units(ctx.cfg, &raw);
        ctx.push(
            super::diags::unknown_cover_unit(&raw, &closest),
            sheet,
            cell,
        );
    }
    found
}
