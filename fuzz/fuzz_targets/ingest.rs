//! `ingest` from bytes: the first byte picks the extension the file arrives with, the rest is the
//! file. No panic may escape `read_from_bytes`, and with `-rss_limit_mb=300` no input may take
//! more than the 300 MB the issue allows. Seeds: `fuzz/seed.sh` copies the sample ledgers and
//! the other writers' fixtures into fuzz/corpus/ingest. Run (nightly, `cargo install cargo-fuzz`):
//!   fuzz/seed.sh && cd fuzz && cargo +nightly fuzz run -s none ingest -- -rss_limit_mb=300 -max_total_time=600
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongbao::ingest::{Options, read::read_from_bytes};

const EXTS: [&str; 4] = ["xlsx", "xls", "xlsb", "ods"];

fuzz_target!(|data: &[u8]| {
    let Some((pick, bytes)) = data.split_first() else {
        return;
    };
    let name = format!("f.{}", EXTS[usize::from(*pick) % EXTS.len()]);
    let cfg = tongbao::config::Config::default();
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    let out = read_from_bytes(bytes.to_vec(), &name, &cfg, &opts);
    // Every finding names the file it is about.
    assert!(out.findings.iter().all(|f| f.file.as_deref() == Some(name.as_str())));
});
