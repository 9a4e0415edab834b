//! The wording of every refusal the byte-level guards give (`sniff`, `prescan`, `partscan`,
//! `biff`): the guards decide, this module words. Each reason is a const or a function of the
//! numbers and names it shows; the guards wrap the text in their `Refusal`/`String` errors.
//! (Findings are worded in `ingest::diags`; this module must not use it — diags depends on the
//! guards.)

use super::limits::{
    MAX_BOOK_TEXT, MAX_COLS, MAX_ENTRIES, MAX_RATIO, MAX_ROWS, MAX_STRINGS, MAX_UNCOMPRESSED,
};
use std::fmt::Display;

/// Bytes as megabytes with one decimal ("12.3 MB").
fn mb(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1024.0 / 1024.0)
}

// --- sniff -------------------------------------------------------------------------------

pub const ENCRYPTED: &str = "文件已加密，请另存为不加密的 .xlsx";
pub const EMPTY: &str = "文件为空（0 字节），请重新保存后报送";
pub const ZIP_NOT_SPREADSHEET: &str =
    "文件是压缩包但不是电子表格（缺少工作簿内容），可能已损坏；请重新保存为 .xlsx 后报送";

pub fn pdf(ext: &str) -> String {
    format!("文件扩展名为 .{ext}，但内容实为 PDF 文档，不是电子表格；请报送 Excel 台账（.xlsx）")
}

pub fn unrecognised(ext: &str) -> String {
    format!(
        "文件内容不是可识别的电子表格（扩展名为 .{ext}），可能已损坏或并非 Excel 文件；请重新保存为 .xlsx 后报送"
    )
}

pub fn ole_not_xls(ext: &str) -> String {
    format!(
        "文件扩展名为 .{ext}，但内容实为旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式；请用 Excel 或 WPS 打开后“另存为” .xlsx 再报送"
    )
}

pub fn docx(ext: &str) -> String {
    format!("文件扩展名为 .{ext}，但内容实为 Word 文档（.docx）；请报送 Excel 台账（.xlsx）")
}

pub fn pptx(ext: &str) -> String {
    format!("文件扩展名为 .{ext}，但内容实为 PowerPoint 演示文稿；请报送 Excel 台账（.xlsx）")
}

// --- prescan ---------------------------------------------------------------------------------

pub const LIED: &str = "文件结构异常：内部条目的实际大小超过声明大小，疑似恶意文件，不予读取";

pub fn too_much_text(bytes: u64, what: &str) -> String {
    format!(
        "单元格文字合计展开后约 {}（上限 {}）；{what}文件须整体载入，为防止耗尽内存，本文件不予读取。请删除多余内容后另存为 .xlsx 再报送",
        mb(bytes),
        mb(MAX_BOOK_TEXT)
    )
}

/// A content cell beyond the bounds; `row`/`col` are 0-based, shown 1-based.
pub fn beyond(sheet: &str, cell: &str, row: u64, col: u64, what: &str) -> String {
    format!(
        "工作表“{sheet}”的单元格 {cell}（第{}行第{}列）有内容，超出读取范围（最多 {MAX_ROWS} 行、{MAX_COLS} 列）；{what}文件须整体载入，为防止耗尽内存，本文件不予读取。请删除表格以外的多余内容后另存为 .xlsx 再报送",
        row.saturating_add(1),
        col.saturating_add(1)
    )
}

/// Too many content cells: in `sheet`, or (None) dense area in all sheets.
pub fn too_many(sheet: Option<&str>, n: u64, max: u64, what: &str) -> String {
    let whose = match sheet {
        Some(s) => format!("工作表“{s}”有 {n} 个有内容的单元格"),
        None => format!("各工作表的数据区域合计 {n} 个单元格"),
    };
    format!(
        "{whose}（上限 {max}）；{what}文件须整体载入，为防止耗尽内存，本文件不予读取。请删除多余内容后另存为 .xlsx 再报送"
    )
}

pub fn file_too_large(size: u64, max: u64) -> String {
    format!(
        "文件过大（{}，上限 {}），不予读取；台账通常不超过 1 MB，请删除无关内容或图片后重新保存",
        mb(size),
        mb(max)
    )
}

pub fn not_a_zip(e: impl Display) -> String {
    format!("文件已损坏，无法作为压缩包打开（{e}）；请重新保存为 .xlsx 后报送")
}

pub fn too_many_entries(n: usize) -> String {
    format!("文件结构异常：包含 {n} 个内部条目（上限 {MAX_ENTRIES}），疑似恶意文件，不予读取")
}

pub fn ratio(name: &str, size: u64, ratio: u64) -> String {
    format!(
        "文件结构异常：内部条目 {name} 解压后 {}，压缩比 {ratio}:1（上限 {MAX_RATIO}:1），疑似压缩炸弹，不予读取",
        mb(size)
    )
}

pub fn uncompressed_total(total: u64) -> String {
    format!(
        "文件结构异常：解压后共 {}（上限 {}），疑似压缩炸弹，不予读取",
        mb(total),
        mb(MAX_UNCOMPRESSED)
    )
}

pub fn corrupt(e: impl Display) -> String {
    format!("文件已损坏（{e}），无法读取；请重新保存为 .xlsx 后报送")
}

// --- partscan --------------------------------------------------------------------------------

/// What each workbook-level part holds, as shown in `part_*` reasons.
pub const PART_SST: &str = "共享字符串";
pub const PART_STYLES: &str = "格式（字体、填充、边框、数字格式等）";
pub const PART_STYLES_BIN: &str = "格式";
pub const PART_WORKBOOK: &str = "工作表和定义的名称";
pub const PART_RELS: &str = "内部关联";
pub const PART_THEME: &str = "主题";

const FIX: &str = "请在 Excel 或 WPS 中打开后“另存为”新的 .xlsx 再报送";

pub fn part_too_large(name: &str, what: &str, size: u64, max: u64) -> String {
    format!(
        "文件结构异常：内部条目 {name}（存放{what}）解压后 {:.1} MB，超过上限 {} MB，为防止耗尽内存不予读取；{FIX}",
        size as f64 / 1024.0 / 1024.0,
        max / 1024 / 1024
    )
}

pub fn part_too_many(name: &str, max: u64, what: &str) -> String {
    format!(
        "文件结构异常：内部条目 {name} 含有超过 {max} 个{what}，远超正常台账，为防止耗尽内存不予读取；{FIX}"
    )
}

pub fn sst_declared(name: &str, declared: &str) -> String {
    format!(
        "文件结构异常：内部条目 {name} 声明有 {declared} 个共享字符串（上限 {MAX_STRINGS}），按此分配内存会耗尽内存，不予读取；{FIX}"
    )
}

// --- biff ------------------------------------------------------------------------------------

pub fn xls_broken(detail: &str) -> String {
    format!(
        "无法按 .xls 读取（{detail}），可能是 WPS .et 格式或文件已损坏；请用 Excel 或 WPS 打开后“另存为” .xlsx 再报送"
    )
}

pub fn ole_unopenable(e: impl Display) -> String {
    format!("OLE 容器无法打开：{e}")
}

pub const NO_WORKBOOK_STREAM: &str = "缺少 Workbook 数据流";

pub fn stream_unreadable(e: impl Display) -> String {
    format!("Workbook 数据流无法读取：{e}")
}

pub fn truncated_at(at: usize) -> String {
    format!("数据在第 {at} 字节处的记录被截断")
}

pub const BOUNDSHEET_SHORT: &str = "工作表目录记录过短";

/// The name shown for the `n`th sheet (1-based) whose name cannot be read.
pub fn nth_sheet(n: usize) -> String {
    format!("第{n}个工作表")
}

pub fn sheet_out_of_stream(name: &str) -> String {
    format!("工作表“{name}”的位置超出数据流")
}

pub fn cell_record_short(typ: u16) -> String {
    format!("单元格记录 0x{typ:04X} 过短")
}

/// A DIMENSIONS record claiming `rows` × `cols` (None: its end lies before its start) beyond an
/// .xls sheet of `max_rows` × `max_cols`.
pub fn xls_dimensions(
    name: &str,
    claim: Option<(i64, i64)>,
    max_rows: i64,
    max_cols: i64,
) -> String {
    let claim = match claim {
        None => "起止颠倒的范围".to_string(),
        Some((rows, cols)) => format!(" {rows} 行 × {cols} 列"),
    };
    format!(
        "工作表“{name}”的尺寸记录声明{claim}（.xls 工作表最多 {max_rows} 行、{max_cols} 列），文件结构异常，疑似恶意或损坏，不予读取；请用 Excel 或 WPS 打开后“另存为” .xlsx 再报送"
    )
}
