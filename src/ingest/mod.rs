//! Ingest: inbox folder (or the paths given to `check`) → typed `model::Inbox` + findings.
//!
//! discover (names, skip notices) → per file, in parallel on a small pool: size check, content
//! sniffing, zip pre-scan, bounded cell reading, sheets/headers, typed values → per unit the
//! version dated on or before as-of counts (select), likewise the central register → `Inbox`,
//! findings sorted.
//!
//! The file-system side's findings and skip/unreadable reasons are worded in `fsdiags`; everything
//! read from a workbook's bytes in core's `ingest::diags`.

mod cache;
pub mod discover;
mod files;
mod fsdiags;

pub use cache::{CacheStats, ReadCache};
pub use files::hash_file;
pub use tongbao_core::ingest::*;

use crate::config::Config;
use crate::model::{Inbox, Role};
use discover::{Found, Kind};
use files::{read_prose, size_of};
use read::{FileOut, Parsed};
use std::path::{Path, PathBuf};

/// Files read at once (the office PC is small; calamine is single-threaded per file).
pub const THREADS: usize = 4;

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
    ingest_dir_reading(dir, cfg, opts, sel, None)
}

/// `ingest_dir_with`, parsing only the workbooks `cache` does not hold for these bytes, config
/// and options (`watch`); the result is the same `Inbox`.
pub fn ingest_dir_cached(
    dir: &Path,
    cfg: &Config,
    opts: &Options,
    sel: Selection,
    cache: &mut ReadCache,
) -> Result<Inbox, IngestError> {
    ingest_dir_reading(dir, cfg, opts, sel, Some(cache))
}

fn ingest_dir_reading(
    dir: &Path,
    cfg: &Config,
    opts: &Options,
    sel: Selection,
    cache: Option<&mut ReadCache>,
) -> Result<Inbox, IngestError> {
    let found = if !dir.exists() {
        Vec::new()
    } else if !dir.is_dir() {
        return Err(IngestError::NotADirectory(dir.to_path_buf()));
    } else {
        list(dir, opts)?
    };
    Ok(finish(found, cfg, opts, true, sel, cache))
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
    Ok(finish(found, cfg, opts, any_dir, sel, None))
}

fn list(dir: &Path, opts: &Options) -> Result<Vec<Found>, IngestError> {
    discover::list(dir, opts.recursive).map_err(|source| IngestError::List {
        path: dir.to_path_buf(),
        source,
    })
}

/// Everything after discovery: notices, parallel reads (through `cache` when given), selection,
/// sorting.
fn finish(
    found: Vec<Found>,
    cfg: &Config,
    opts: &Options,
    want_register: bool,
    sel: Selection,
    cache: Option<&mut ReadCache>,
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
                        let finding = fsdiags::unreadable(why).file(&f.rel);
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
                inbox.findings.push(fsdiags::skipped(why).file(&f.rel));
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
                let out = FileOut {
                    rel: f.rel.clone(),
                    sha256: hash_file(&f.path),
                    size: size_of(&f.path),
                    parsed: Parsed::Unreadable,
                    findings: vec![fsdiags::wps_only().file(&f.rel)],
                };
                place(&mut inbox, cfg, out, Role::Unreadable);
            }
        }
    }
    let outs = match cache {
        Some(cache) => cache.read_all(&books, cfg, opts),
        None => read_all(&books, |f| files::read_file(&f.path, &f.rel, cfg, opts)),
    };
    assemble(&mut inbox, cfg, outs, want_register, sel);
    inbox
}

/// Read workbooks with `read` on a capped pool; results in path order.
fn read_all(books: &[Found], read: impl Fn(&Found) -> FileOut + Sync) -> Vec<FileOut> {
    use rayon::prelude::*;
    let run = || books.par_iter().map(&read).collect::<Vec<_>>();
    let mut outs = match rayon::ThreadPoolBuilder::new().num_threads(THREADS).build() {
        Ok(pool) => pool.install(run),
        Err(_) => books.iter().map(&read).collect(),
    };
    outs.sort_by(|a, b| a.rel.cmp(&b.rel));
    outs
}
