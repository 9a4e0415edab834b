//! SHA-256 in hex, for provenance (results.json `inputs`, 说明 sheet, config digest): bytes in
//! memory or a stream (a file the binary opened) → 64 lowercase hex digits.

use sha2::{Digest, Sha256};
use std::fmt::Write;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of a stream read in 64 KiB blocks (never the whole file in memory).
pub fn sha256_read(mut f: impl std::io::Read) -> std::io::Result<String> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match std::io::Read::read(&mut f, &mut buf)? {
            0 => break,
            n => h.update(buf.get(..n).unwrap_or_default()),
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
    fn stream_digest_matches_bytes() {
        let bytes = vec![7u8; 200 * 1024];
        let streamed = super::sha256_read(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(streamed, super::sha256_hex(&bytes));
    }
}
