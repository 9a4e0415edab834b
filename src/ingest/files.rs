//! Reading one inbox file from disk: size check before reading, a non-blocking open that
//! refuses pipes and devices, the bytes handed to the core's `read::read_from_bytes`; digests
//! streamed from disk; the staff prose 按语.md. `cache` reuses `workbook_bytes` to know a file's
//! digest before deciding whether to parse it.

use super::Options;
use super::fsdiags as diags;
use super::limits::{self, MAX_PROSE_BYTES};
use super::read::{FileOut, read_from_bytes, refused};
use crate::config::Config;
use std::io::Read;
use std::path::Path;

/// Read and parse one workbook file; never panics, never fails.
pub(super) fn read_file(path: &Path, rel: &str, cfg: &Config, opts: &Options) -> FileOut {
    match workbook_bytes(path, rel) {
        Ok(bytes) => read_from_bytes(bytes, rel, cfg, opts),
        Err(refusal) => refusal,
    }
}

/// One workbook file's bytes, or the file refused (too large, cannot be opened or read) with
/// its reason. The size is checked before anything is read.
pub(super) fn workbook_bytes(path: &Path, rel: &str) -> Result<Vec<u8>, FileOut> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if let Err(msg) =
        super::guard::prescan::check_size(size, super::guard::sniff::ext(rel) == "xls")
    {
        return Err(refused(rel, hash_file(path), size, msg));
    }
    read_bytes(path, size).map_err(|msg| refused(rel, String::new(), size, msg))
}

/// The file's bytes (at most `MAX_FILE` + 1). Opened without blocking (a pipe that appeared
/// after discovery would otherwise wait forever for a writer) and refused unless it is a regular
/// file once open.
fn read_bytes(path: &Path, size: u64) -> Result<Vec<u8>, String> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(0o4000); // O_NONBLOCK
    }
    let f = opts.open(path).map_err(|e| open_error_text(&e))?;
    if !f.metadata().is_ok_and(|m| m.is_file()) {
        return Err(diags::NOT_A_FILE.into());
    }
    let mut bytes = Vec::with_capacity(size.min(limits::MAX_FILE) as usize);
    f.take(limits::MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            diags::cannot_read(&crate::oserror::explain(&e, crate::oserror::Access::Read))
        })?;
    Ok(bytes)
}

/// Why a file could not be opened. On Windows a file another program holds without read
/// sharing fails with ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33): say so.
fn open_error_text(e: &std::io::Error) -> String {
    if crate::oserror::in_use(e) {
        diags::IN_USE.to_string()
    } else {
        diags::cannot_open(&crate::oserror::explain(e, crate::oserror::Access::Read))
    }
}

/// SHA-256 of a file streamed from disk ("" when it cannot be read).
pub fn hash_file(path: &Path) -> String {
    std::fs::File::open(path)
        .and_then(crate::digest::sha256_read)
        .unwrap_or_default()
}

/// Read 按语.md, refusing an unreadable or oversized file with a Chinese reason.
pub(super) fn read_prose(path: &Path) -> Result<Vec<u8>, String> {
    let size = size_of(path);
    if size > MAX_PROSE_BYTES {
        return Err(diags::prose_too_large(size));
    }
    std::fs::read(path).map_err(|e| diags::prose_unreadable(&e))
}

pub(super) fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_digest_matches_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bin");
        let bytes = vec![7u8; 200 * 1024];
        std::fs::write(&p, &bytes).unwrap();
        assert_eq!(super::hash_file(&p), crate::digest::sha256_hex(&bytes));
        assert_eq!(super::hash_file(&dir.path().join("none")), "");
    }
}
