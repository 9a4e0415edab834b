//! The read cache `watch` keeps between rebuilds: each workbook's `FileOut` (typed ledger or
//! register and its findings), so that a rebuild parses only the files that changed.
//!
//! An entry is used only for the same file name, the same bytes (SHA-256 of what was just read)
//! and the same config and ingest options (outputs.md "Settled" 7: the key includes the config's
//! digest; the whole parsed config is compared too, so a config built without a digest cannot
//! mix either). Parsing is a pure function of exactly these (`read::read_from_bytes`), so a
//! reused entry is the `FileOut` a fresh parse would give, and a cached rebuild writes the same
//! bytes as a cold build. Every file is still read and hashed — a (path, size, mtime) check would
//! miss an edit that keeps the size within the timestamp granularity (FAT and SMB shares: 2 s),
//! or a copy tool that keeps modification times; hashing 23 MB costs tens of milliseconds.
//! Files that are gone drop out after each run; a different config or options empties it.

use super::discover::Found;
use super::read::{FileOut, read_from_bytes};
use super::{Options, files};
use crate::config::Config;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What the last run did: workbooks parsed, workbooks taken from the cache (a file refused
/// before parsing — too large, cannot be opened — is neither).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub parsed: usize,
    pub reused: usize,
}

/// Typed read results of the last run's workbooks, by file name relative to the inbox.
#[derive(Debug, Default)]
pub struct ReadCache {
    /// The config and options every entry was read with.
    context: Option<(Config, Options)>,
    entries: HashMap<String, FileOut>,
    last: CacheStats,
}

impl ReadCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// What the last run parsed and reused.
    pub fn last_run(&self) -> CacheStats {
        self.last
    }

    /// Files held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Read `books` (in parallel, as `read_all`), parsing only those without a matching entry;
    /// afterwards the cache holds exactly these files.
    pub(super) fn read_all(
        &mut self,
        books: &[Found],
        cfg: &Config,
        opts: &Options,
    ) -> Vec<FileOut> {
        let same = matches!(&self.context, Some((c, o)) if c == cfg && o == opts);
        if !same {
            self.entries.clear();
            self.context = Some((cfg.clone(), opts.clone()));
        }
        let (parsed, reused) = (AtomicUsize::new(0), AtomicUsize::new(0));
        // Each entry is handed over, not copied (a ledger of 2,000 rows is a deep copy): one
        // slot per file, taken by the one reader of that file.
        let slots: HashMap<String, Mutex<Option<FileOut>>> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(|(rel, out)| (rel, Mutex::new(Some(out))))
            .collect();
        let outs = super::read_all(books, |f| {
            let bytes = match files::workbook_bytes(&f.path, &f.rel) {
                Ok(bytes) => bytes,
                Err(refusal) => return refusal,
            };
            let sha256 = crate::digest::sha256_hex(&bytes);
            let hit = slots.get(&f.rel).and_then(|slot| {
                let mut slot = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                slot.take_if(|hit| hit.sha256 == sha256)
            });
            match hit {
                Some(hit) => {
                    reused.fetch_add(1, Ordering::Relaxed);
                    hit
                }
                None => {
                    parsed.fetch_add(1, Ordering::Relaxed);
                    read_from_bytes(bytes, &f.rel, cfg, opts)
                }
            }
        });
        drop(slots);
        self.last = CacheStats {
            parsed: parsed.into_inner(),
            reused: reused.into_inner(),
        };
        // Only what was read from bytes has a digest to match; a refusal is tried again.
        self.entries = outs
            .iter()
            .filter(|o| !o.sha256.is_empty())
            .map(|o| (o.rel.clone(), o.clone()))
            .collect();
        outs
    }
}
