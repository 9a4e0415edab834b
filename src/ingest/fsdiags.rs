//! The wording of the findings the binary's file-system side raises (what the inbox listing
//! skips, what a file or 按语.md cannot be read for), in one place as core's `ingest::diags`
//! words everything read from a workbook's bytes. Callers add the file.

use crate::findings::{Code, Finding};

/// `skipped_file` (info): a file or folder not read, for the reason `why`.
pub fn skipped(why: &str) -> Finding {
    Finding::info(Code::SkippedFile, why)
}

/// `unreadable_file`: a file that cannot be read, for the reason `why`.
pub fn unreadable(why: impl Into<String>) -> Finding {
    Finding::error(Code::UnreadableFile, why)
}

/// `unreadable_file`: a WPS-only .et/.ett workbook.
pub fn wps_only() -> Finding {
    unreadable("WPS 表格专用格式（.et）无法读取；请在 WPS 中“另存为” .xlsx 再报送")
}

/// Skip reasons of files by name.
pub const LOCK_FILE: &str = "Excel/WPS 打开文件时生成的临时锁定文件，已跳过";
pub const HIDDEN: &str = "隐藏文件，已跳过";
pub const NO_EXTENSION: &str = "没有扩展名，不是台账文件，已跳过";

/// The skip reason of a file with the extension `e`, not a spreadsheet.
pub fn not_a_spreadsheet(e: &str) -> String {
    format!("不是电子表格（.{e}），已跳过；台账请报送 .xlsx 文件")
}

/// The note on a folder whose name ends like a workbook's (`.{e}`).
pub fn looks_like_workbook(e: &str) -> String {
    format!("（名称以 .{e} 结尾，但不是文件）")
}

/// The skip reason of a sub-folder beyond `max_depth` levels with --recursive.
pub fn folder_too_deep(looks: &str, max_depth: usize) -> String {
    format!("这是子文件夹{looks}，层级过深（超过 {max_depth} 层），未读取")
}

/// The skip reason of a sub-folder without --recursive.
pub fn folder_not_read(looks: &str) -> String {
    format!("这是子文件夹{looks}，未读取其中的文件；如需读取子文件夹，请在命令后加 --recursive")
}

/// The skip reason of a special file (`what`: 命名管道, 套接字…).
pub fn special_file(what: &str) -> String {
    format!("这是{what}（不是普通文件），未打开读取")
}

/// The skip reason of a link leading outside the inbox.
pub const OUTSIDE_LINK: &str =
    "这是指向收件文件夹以外位置的链接（快捷方式），未读取；请把文件本身放入收件文件夹";
/// The skip reason of a link whose target does not exist.
pub const DANGLING_LINK: &str = "这是失效的链接（目标不存在），未读取";

/// The skip reason of tongbao's own output folder (it holds `lock_file`).
pub fn output_folder(lock_file: &str) -> String {
    format!("这是 tongbao 的输出文件夹（含 {lock_file}），不作为收件读取")
}

/// The unreadable reason of a path that is not a regular file once open.
pub const NOT_A_FILE: &str = "不是普通文件（可能是命名管道或设备），未读取";
/// The unreadable reason of a file another program holds open.
pub const IN_USE: &str =
    "文件正被 Excel/WPS 打开，无法读取；请关闭该文件（或请对方关闭）后重新运行";

/// The unreadable reason of a file that cannot be read (`why`: the explained OS error).
pub fn cannot_read(why: &str) -> String {
    format!("无法读取文件：{why}")
}

/// The unreadable reason of a file that cannot be opened (`why`: the explained OS error).
pub fn cannot_open(why: &str) -> String {
    format!("无法打开文件：{why}")
}

/// The unreadable reason of a 按语.md over the limit.
pub fn prose_too_large(size: u64) -> String {
    format!("按语文件过大（{size} 字节，上限 1 MB），未写入通报；请精简后重新放入")
}

/// The unreadable reason of a 按语.md that cannot be read (`e`).
pub fn prose_unreadable(e: &dyn std::fmt::Display) -> String {
    format!("按语文件无法读取（{e}），未写入通报")
}
