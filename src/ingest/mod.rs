//! Ingest: inbox folder (or the paths given to `check`) → typed `model::Inbox` + findings.
//!
//! discover (names, skip notices) → per file, in parallel on a small pool: size check, content
//! sniffing, zip pre-scan, bounded cell reading, sheets/headers, typed values → per unit the
//! version dated on or before as-of counts (select), likewise the central register → `Inbox`,
//! findings sorted.

pub mod biff;
pub mod cells;
pub mod cover;
pub mod discover;
pub mod ledger;
pub mod odsscan;
pub mod partscan;
pub mod prescan;
pub mod read;
pub mod register;
pub mod repair;
pub mod select;
pub mod sheets;
pub mod sniff;
pub mod sst;
pub mod units;
pub mod values;

pub use select::Selection;
pub use units::{match_unit, normalize_name};

use crate::config::Config;
use crate::findings::{self, Code, Finding};
use crate::model::{Inbox, InputFile, Role};
use discover::{Found, Kind};
use read::{FileOut, Parsed};
use std::path::{Path, PathBuf};

/// Files read at once (the office PC is small; calamine is single-threaded per file).
pub const THREADS: usize = 4;

/// How to ingest.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The assessed year; None in `check`, where the cover 年度 is not judged and event dates are
    /// judged against each ledger's own cover 年度.
    pub year: Option<i32>,
    /// Also read sub-folders.
    pub recursive: bool,
}

/// The inbox cannot be used at all (every other problem is a finding).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("收件位置 {0} 不是文件夹")]
    NotADirectory(PathBuf),
    #[error("找不到 {0}")]
    NotFound(PathBuf),
    #[error("无法读取收件文件夹 {path}：{source}")]
    List {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Read an inbox folder, every version eligible. A missing or empty folder gives an empty
/// `Inbox` (every unit 未报送).
pub fn ingest_dir(dir: &Path, cfg: &Config, opts: &Options) -> Result<Inbox, IngestError> {
    ingest_dir_with(dir, cfg, opts, Selection::default())
}

/// Read an inbox folder, choosing versions as `sel` says (`build`: as-of, findings of files that
/// do not count dropped).
pub fn ingest_dir_with(
    dir: &Path,
    cfg: &Config,
    opts: &Options,
    sel: Selection,
) -> Result<Inbox, IngestError> {
    if !dir.exists() {
        return Ok(finish(Vec::new(), cfg, opts, true, sel));
    }
    if !dir.is_dir() {
        return Err(IngestError::NotADirectory(dir.to_path_buf()));
    }
    let found = list(dir, opts)?;
    Ok(finish(found, cfg, opts, true, sel))
}

/// Read files and/or folders, every version eligible, findings of every file kept.
pub fn ingest_paths(paths: &[PathBuf], cfg: &Config, opts: &Options) -> Result<Inbox, IngestError> {
    let sel = Selection {
        as_of: None,
        keep_all: true,
    };
    ingest_paths_with(paths, cfg, opts, sel)
}

/// Read files and/or folders (for `check`). A file's `file` is its file name; a folder's files
/// are named relative to that folder. `missing_register` is raised only when a folder was given.
pub fn ingest_paths_with(
    paths: &[PathBuf],
    cfg: &Config,
    opts: &Options,
    sel: Selection,
) -> Result<Inbox, IngestError> {
    let mut found = Vec::new();
    let mut any_dir = false;
    for p in paths {
        if p.is_dir() {
            any_dir = true;
            found.extend(list(p, opts)?);
        } else if p.exists() {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let e = discover::entry(p, None);
            let kind = discover::skip_reason(&e, &name, opts.recursive)
                .map_or_else(|| discover::classify(&name), Kind::Skip);
            found.push(Found {
                kind,
                path: p.clone(),
                rel: name,
            });
        } else {
            return Err(IngestError::NotFound(p.clone()));
        }
    }
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(finish(found, cfg, opts, any_dir, sel))
}

fn list(dir: &Path, opts: &Options) -> Result<Vec<Found>, IngestError> {
    discover::list(dir, opts.recursive).map_err(|source| IngestError::List {
        path: dir.to_path_buf(),
        source,
    })
}

/// SHA-256 of a file streamed from disk ("" when it cannot be read).
pub fn hash_file(path: &Path) -> String {
    crate::digest::sha256_file(path).unwrap_or_default()
}

/// 按语.md is staff prose of a page or two: anything over this is not a 按语.
const MAX_PROSE_BYTES: u64 = 1024 * 1024;

/// Read 按语.md, refusing an unreadable or oversized file with a Chinese reason.
fn read_prose(path: &Path) -> Result<Vec<u8>, String> {
    let size = size_of(path);
    if size > MAX_PROSE_BYTES {
        return Err(format!(
            "按语文件过大（{size} 字节，上限 1 MB），未写入通报；请精简后重新放入"
        ));
    }
    std::fs::read(path).map_err(|e| format!("按语文件无法读取（{e}），未写入通报"))
}

fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Everything after discovery: notices, parallel reads, selection, sorting.
fn finish(
    found: Vec<Found>,
    cfg: &Config,
    opts: &Options,
    want_register: bool,
    sel: Selection,
) -> Inbox {
    let mut inbox = Inbox::default();
    let mut books = Vec::new();
    for f in found {
        match &f.kind {
            Kind::Workbook => books.push(f),
            Kind::Prose => {
                let bytes = match read_prose(&f.path) {
                    Ok(bytes) => bytes,
                    Err(why) => {
                        let finding = Finding::error(Code::UnreadableFile, why).file(&f.rel);
                        inbox.findings.push(finding);
                        Vec::new()
                    }
                };
                if inbox.prose.is_none() && !bytes.is_empty() {
                    // Windows Notepad may save a byte-order mark and \r\n line ends; neither is
                    // prose (the bulletin is the same whichever editor wrote 按语.md).
                    let text = String::from_utf8_lossy(&bytes);
                    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
                    inbox.prose = Some(text);
                }
                inbox.inputs.push(input(
                    &f.rel,
                    crate::digest::sha256_hex(&bytes),
                    bytes.len() as u64,
                    Role::Prose,
                ));
            }
            Kind::Skip(why) => {
                inbox
                    .findings
                    .push(Finding::info(Code::SkippedFile, why.clone()).file(&f.rel));
                // Only a plain file is hashed: a pipe would block, a link may lead anywhere.
                let (sha256, size) = if discover::plain_file(&f.path) {
                    (hash_file(&f.path), size_of(&f.path))
                } else {
                    (String::new(), 0)
                };
                inbox
                    .inputs
                    .push(input(&f.rel, sha256, size, Role::Skipped));
            }
            Kind::WpsOnly => {
                let msg = "WPS 表格专用格式（.et）无法读取；请在 WPS 中“另存为” .xlsx 再报送";
                let out = FileOut {
                    rel: f.rel.clone(),
                    sha256: hash_file(&f.path),
                    size: size_of(&f.path),
                    parsed: Parsed::Unreadable,
                    findings: vec![Finding::error(Code::UnreadableFile, msg).file(&f.rel)],
                };
                place(&mut inbox, cfg, out, Role::Unreadable);
            }
        }
    }
    let outs = read_all(&books, cfg, opts);
    select::select(&mut inbox, cfg, outs, want_register, sel);
    inbox.inputs.sort_by(|a, b| a.file.cmp(&b.file));
    findings::sort(&mut inbox.findings);
    inbox
}

fn input(file: &str, sha256: String, size: u64, role: Role) -> InputFile {
    InputFile {
        file: file.to_string(),
        sha256,
        role,
        size,
    }
}

/// Read workbooks on a capped pool; results in path order.
fn read_all(books: &[Found], cfg: &Config, opts: &Options) -> Vec<FileOut> {
    use rayon::prelude::*;
    let run = || {
        books
            .par_iter()
            .map(|f| read::read_file(&f.path, &f.rel, cfg, opts))
            .collect::<Vec<_>>()
    };
    let mut outs = match rayon::ThreadPoolBuilder::new().num_threads(THREADS).build() {
        Ok(pool) => pool.install(run),
        Err(_) => books
            .iter()
            .map(|f| read::read_file(&f.path, &f.rel, cfg, opts))
            .collect(),
    };
    outs.sort_by(|a, b| a.rel.cmp(&b.rel));
    outs
}

/// Record a file that is not a counting ledger/register, with its findings.
fn place(inbox: &mut Inbox, cfg: &Config, mut out: FileOut, role: Role) {
    let name = out.rel.rsplit('/').next().unwrap_or(&out.rel).to_string();
    let mut units = units::units_in_file_name(cfg, &name);
    // An unrecognised cover name with one close roster unit: that unit is the likely sender,
    // and its feedback page asks it to correct the cover (outputs.md "Settled" 3).
    if units.is_empty()
        && let Some(raw) = out
            .findings
            .iter()
            .find(|f| f.code == Code::UnknownUnit && f.unit.is_none())
            .and_then(|f| f.raw.as_deref())
        && let [only] = units::closest_units(cfg, raw).as_slice()
    {
        units = vec![only.clone()];
    }
    // A file that does not count but whose name names one unit: its findings go to that unit's
    // feedback (a cover naming an unknown unit is not merged, only shown to its likely sender).
    if let [only] = units.as_slice()
        && out.findings.iter().all(|f| f.unit.is_none())
    {
        for f in &mut out.findings {
            f.unit = Some(only.clone());
        }
    }
    if role == Role::Unreadable {
        for u in units {
            inbox
                .unreadable_by_unit
                .entry(u)
                .or_default()
                .push(out.rel.clone());
        }
    }
    inbox
        .inputs
        .push(input(&out.rel, out.sha256, out.size, role));
    inbox.findings.extend(out.findings);
}
