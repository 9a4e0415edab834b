//! The inbox folder → the files in it, sorted, each classified by name: a workbook to read,
//! the staff prose `按语.md`, or a file skipped with a one-line notice (lock files `~$*`, hidden
//! files, anything that is not a spreadsheet).

use super::fsdiags as diags;
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

pub use crate::ingest::guard::sniff::ext;

/// Classify a file by its name (the last path component).
pub fn classify(name: &str) -> Kind {
    let e = ext(name);
    if name.starts_with("~$") {
        Kind::Skip(diags::LOCK_FILE.into())
    } else if name.starts_with('.') {
        Kind::Skip(diags::HIDDEN.into())
    } else if name.to_lowercase() == PROSE {
        Kind::Prose
    } else if WORKBOOK_EXTS.contains(&e.as_str()) {
        Kind::Workbook
    } else if e == "et" || e == "ett" {
        Kind::WpsOnly
    } else if e.is_empty() {
        Kind::Skip(diags::NO_EXTENSION.into())
    } else {
        Kind::Skip(diags::not_a_spreadsheet(&e))
    }
}

/// Every file in `dir` (and sub-folders when `recursive`), sorted by relative name. Sub-folders
/// not read, special files and links leading outside `dir` are listed as skipped, with the reason.
pub fn list(dir: &Path, recursive: bool) -> std::io::Result<Vec<Found>> {
    let root = dir.canonicalize()?;
    let mut out = Vec::new();
    let walk = Walk {
        root: &root,
        recursive,
    };
    walk.dir(dir, "", 0, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// What a directory entry is, judged without opening it (opening a pipe would block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    File,
    Dir,
    /// A pipe, socket or device: never opened.
    Special(&'static str),
    /// A link whose target is outside the folder read, or does not exist.
    Outside,
    Dangling,
}

/// A regular file that is not a link (safe to open and hash).
pub fn plain_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Judge `path` (inside the canonical folder `root`, when given) from its metadata alone.
pub fn entry(path: &Path, root: Option<&Path>) -> Entry {
    let Ok(lmeta) = std::fs::symlink_metadata(path) else {
        return Entry::Dangling;
    };
    if lmeta.file_type().is_symlink() {
        let Ok(target) = path.canonicalize() else {
            return Entry::Dangling;
        };
        if root.is_some_and(|r| !target.starts_with(r)) {
            return Entry::Outside;
        }
    }
    let Ok(meta) = std::fs::metadata(path) else {
        return Entry::Dangling;
    };
    let ft = meta.file_type();
    if ft.is_file() {
        Entry::File
    } else if ft.is_dir() {
        Entry::Dir
    } else {
        Entry::Special(special_kind(&ft))
    }
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "命名管道"
    } else if ft.is_socket() {
        "套接字"
    } else if ft.is_block_device() || ft.is_char_device() {
        "设备文件"
    } else {
        "特殊文件"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "特殊文件"
}

/// The skip notice for an entry that is not read as a file (None: read it).
pub fn skip_reason(e: &Entry, name: &str, recursive: bool) -> Option<String> {
    let e_ = ext(name);
    let looks = if WORKBOOK_EXTS.contains(&e_.as_str()) {
        diags::looks_like_workbook(&e_)
    } else {
        String::new()
    };
    match e {
        Entry::File => None,
        Entry::Dir if recursive => Some(diags::folder_too_deep(&looks, MAX_DEPTH)),
        Entry::Dir => Some(diags::folder_not_read(&looks)),
        Entry::Special(what) => Some(diags::special_file(what)),
        Entry::Outside => Some(diags::OUTSIDE_LINK.into()),
        Entry::Dangling => Some(diags::DANGLING_LINK.into()),
    }
}

/// A folder tongbao writes its outputs into: every writing run takes its lock file there first
/// (crate::output), so any folder that ever received a bulletin holds it.
fn is_output_folder(dir: &Path) -> bool {
    dir.join(crate::output::LOCK_FILE).is_file()
}

struct Walk<'a> {
    root: &'a Path,
    recursive: bool,
}

impl Walk<'_> {
    fn dir(
        &self,
        dir: &Path,
        prefix: &str,
        depth: usize,
        out: &mut Vec<Found>,
    ) -> std::io::Result<()> {
        for item in std::fs::read_dir(dir)? {
            let Ok(item) = item else { continue };
            let name = item.file_name().to_string_lossy().into_owned();
            let rel = format!("{prefix}{name}");
            let path = item.path();
            let e = entry(&path, Some(self.root));
            if name.starts_with('.') && e != Entry::File {
                continue; // hidden folders (.git, .tongbao…) are not the office's files
            }
            if e == Entry::Dir && self.recursive && is_output_folder(&path) {
                // contract.md: with --recursive, the output folder is never read as input.
                let why = diags::output_folder(crate::output::LOCK_FILE);
                out.push(Found {
                    kind: Kind::Skip(why),
                    path,
                    rel,
                });
                continue;
            }
            if e == Entry::Dir && self.recursive && depth < MAX_DEPTH {
                let _ = self.dir(&path, &format!("{rel}/"), depth + 1, out);
                continue;
            }
            let kind = match skip_reason(&e, &name, self.recursive) {
                Some(why) => Kind::Skip(why),
                None => classify(&name),
            };
            out.push(Found { kind, path, rel });
        }
        Ok(())
    }
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
