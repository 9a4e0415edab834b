//! The inbox folder → the files in it, sorted, each classified by name: a workbook to read,
//! the staff prose `按语.md`, or a file skipped with a one-line notice (lock files `~$*`, hidden
//! files, anything that is not a spreadsheet).

use std::path::{Path, PathBuf};

/// Extensions read as workbooks (content decides the real format).
pub const WORKBOOK_EXTS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];
/// The staff prose file.
pub const PROSE: &str = "按语.md";
/// Sub-folder depth followed when recursive.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Prose,
    /// A WPS-only format we cannot read (reported as unreadable, not skipped).
    WpsOnly,
    Skip(String),
}

/// One file found.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Name relative to the folder given, with `/` separators.
    pub rel: String,
    pub kind: Kind,
}

/// Lower-case extension of a file name, without the dot.
pub fn ext(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// Classify a file by its name (the last path component).
pub fn classify(name: &str) -> Kind {
    let e = ext(name);
    if name.starts_with("~$") {
        Kind::Skip("Excel/WPS 打开文件时生成的临时锁定文件，已跳过".into())
    } else if name.starts_with('.') {
        Kind::Skip("隐藏文件，已跳过".into())
    } else if name.to_lowercase() == PROSE {
        Kind::Prose
    } else if WORKBOOK_EXTS.contains(&e.as_str()) {
        Kind::Workbook
    } else if e == "et" || e == "ett" {
        Kind::WpsOnly
    } else if e.is_empty() {
        Kind::Skip("没有扩展名，不是台账文件，已跳过".into())
    } else {
        Kind::Skip(format!(
            "不是电子表格（.{e}），已跳过；台账请报送 .xlsx 文件"
        ))
    }
}

/// Every file in `dir` (and sub-folders when `recursive`), sorted by relative name.
pub fn list(dir: &Path, recursive: bool) -> std::io::Result<Vec<Found>> {
    let mut out = Vec::new();
    walk(dir, "", recursive, 0, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk(
    dir: &Path,
    prefix: &str,
    recursive: bool,
    depth: usize,
    out: &mut Vec<Found>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            // Sub-folders are read only when asked; hidden ones never.
            if recursive && depth < MAX_DEPTH && !name.starts_with('.') {
                let _ = walk(&entry.path(), &format!("{rel}/"), recursive, depth + 1, out);
            }
            continue;
        }
        let path = entry.path();
        if ft.is_symlink() && !path.is_file() {
            continue;
        }
        out.push(Found {
            kind: classify(&name),
            path,
            rel,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_names() {
        assert_eq!(classify("信息工程系.xlsx"), Kind::Workbook);
        assert_eq!(classify("A.XLSM"), Kind::Workbook);
        assert_eq!(classify("b.ods"), Kind::Workbook);
        assert_eq!(classify("按语.md"), Kind::Prose);
        assert_eq!(classify("按语.MD"), Kind::Prose);
        assert_eq!(classify("x.et"), Kind::WpsOnly);
        assert!(matches!(classify("~$信息工程系.xlsx"), Kind::Skip(_)));
        assert!(matches!(classify(".DS_Store"), Kind::Skip(_)));
        assert!(matches!(classify("说明.docx"), Kind::Skip(_)));
        assert!(matches!(classify("README"), Kind::Skip(_)));
    }
}
