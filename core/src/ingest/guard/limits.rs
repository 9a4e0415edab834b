//! Every limit of ingest in one place, each with why it is what it is. Real ledgers are tens
//! of KB with a few hundred rows: every bound here is far above that and far below what would
//! exhaust the memory of an office PC (or a browser tab). The pre-scans in `guard` refuse a
//! file over a bound with a Chinese reason; the grid reader stops a sheet at its bounds and says
//! where.

// -- The file as a whole (`prescan`) --------------------------------------------------------

/// File size (xlsx/xlsm/xlsb/ods).
pub const MAX_FILE: u64 = 20 * 1024 * 1024;
/// File size of .xls, which calamine parses whole at open.
pub const MAX_XLS_FILE: u64 = 10 * 1024 * 1024;
/// Zip entries.
pub const MAX_ENTRIES: usize = 1_000;
/// Declared uncompressed total of the zip entries.
pub const MAX_UNCOMPRESSED: u64 = 200 * 1024 * 1024;
/// Per-entry compression ratio (for entries of at least `RATIO_FLOOR`).
pub const MAX_RATIO: u64 = 100;
/// Entries smaller than this are not judged by ratio (tiny XML compresses very well).
pub const RATIO_FLOOR: u64 = 1024 * 1024;
/// 按语.md is staff prose of a page or two: anything over this is not a 按语.
pub const MAX_PROSE_BYTES: u64 = 1024 * 1024;

// -- One sheet as read into a grid (`grid::cells`) -------------------------------------------

/// Rows read per sheet (1-based row 10,000 is the last one read).
pub const MAX_ROWS: u32 = 10_000;
/// Columns read per sheet (column GR, the 200th, is the last one read).
pub const MAX_COLS: u32 = 200;
/// Non-empty cells read per sheet.
pub const MAX_CELLS: usize = 200_000;
/// Text (UTF-8 bytes) read per sheet: a shared string is copied into every cell that uses it,
/// so 200,000 cells naming one 1 MB string would otherwise take 200 GB.
pub const MAX_SHEET_TEXT: usize = 16 * 1024 * 1024;
/// Date serials beyond ±this many days (about ±27,000 years) are not converted to dates.
pub const DATE_SERIAL_LIMIT: f64 = 1e7;
/// Header rows are looked for within the first this many rows.
pub const HEADER_SEARCH_ROWS: u32 = 10;

// -- Workbooks calamine builds whole at open: .xls and .ods (`biff`, `odsscan`) ---------------

/// Dense cells (rows × columns, summed over the sheets) calamine may build for one .xls/.ods,
/// which it materialises whole at open: two sheets filled to the cell bounds (about 64 MB of
/// values, the same again for formulas).
pub const MAX_AREA: u64 = 2 * MAX_ROWS as u64 * MAX_COLS as u64;
/// Text calamine may build for one .xls/.ods (UTF-8 bytes, counting every copy it makes of a
/// shared or repeated string): far above a real ledger (a few MB), far below what hurts.
pub const MAX_BOOK_TEXT: u64 = 64 * 1024 * 1024;

// -- Workbook-level parts of .xlsx/.xlsb read whole at open (`partscan`, `repair`) ------------

/// Shared strings, declared or present: 5 × the cells a sheet may hold.
pub const MAX_STRINGS: u64 = 1_000_000;
/// Style entries of all kinds (Excel itself stops at 64,000 cell formats).
pub const MAX_STYLES: u64 = 100_000;
/// Defined names, sheets, relationships.
pub const MAX_NAMES: u64 = 10_000;
/// Uncompressed bytes of a part read whole at open (sharedStrings has its own bound).
pub const MAX_PART: u64 = 16 * 1024 * 1024;
/// Uncompressed bytes of the shared strings part.
pub const MAX_SST_PART: u64 = 32 * 1024 * 1024;
/// Largest .xlsb record rewritten by `repair` (a cell holds at most 32,767 characters).
pub const MAX_RECORD: u32 = 1024 * 1024;

// -- What the outputs can hold ------------------------------------------------------------------

/// A text longer than this (in characters) may be shortened in the workbook: ingest warns at
/// its source cell, and summary.xlsx's `cap` keeps this much of a text over Excel's 32,767.
pub const LONG_TEXT: usize = 32_000;
