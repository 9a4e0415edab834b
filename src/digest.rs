//! SHA-256 in hex, for provenance (results.json `inputs`, 说明 sheet, config digest): bytes in
//! memory or a file streamed from disk → 64 lowercase hex digits.

use sha2::{Digest, Sha256};
use std::fmt::Write;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of a file streamed from disk in 64 KiB blocks (never the whole file in memory).
pub fn sha256_file(path: &std::path::Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match std::io::Read::read(&mut f, &mut buf)? {
            0 => break,
            n => h.update(&buf[..n]),
        }
    }
    Ok(hex(&h.finalize()))
}

fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn empty_digest() {
        assert_eq!(
            super::sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn file_digest_matches_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bin");
        let bytes = vec![7u8; 200 * 1024];
        std::fs::write(&p, &bytes).unwrap();
        assert_eq!(super::sha256_file(&p).unwrap(), super::sha256_hex(&bytes));
        assert!(super::sha256_file(&dir.path().join("none")).is_err());
    }
}
