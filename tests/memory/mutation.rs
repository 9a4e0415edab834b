//! Deterministic mutation test of `ingest` from bytes (the stable, CI-sized sibling of the fuzz
//! target in fuzz/): every sample ledger and other-writer fixture, mutated inside its zip parts
//! (the XML/BIFF12 that calamine parses) and as raw bytes, is read with
//! `read::read_from_bytes`. No panic may escape, no caught panic (内部错误) may be reported for
//! a cell-level defect that has a precise finding, every finding names the file, and the
//! process's peak memory stays under 300 MB. `TONGBAO_MUTANTS=N` runs N mutants (default
//! 1,500, about 20 s here); `TONGBAO_SEED` changes the seed for a longer run by hand.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use tongbao::ingest::Options;
use tongbao::ingest::read::{Parsed, read_from_bytes};

/// xorshift64*: the same mutants on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "sample-data/inbox/2026",
        "tests/fixtures/writers",
        "tests/fixtures",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let e = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                ["xlsx", "xls", "xlsb", "ods"].contains(&e)
                    && !p.file_name().unwrap().to_string_lossy().starts_with("~$")
            })
            .collect();
        files.sort();
        for p in files {
            let name = format!("m.{}", p.extension().unwrap().to_string_lossy());
            out.push((name, std::fs::read(&p).unwrap()));
        }
    }
    assert!(out.len() >= 20, "sample ledgers and fixtures must be there");
    out
}

/// Values that hurt parsers: huge counts, far dates, negative and odd numbers.
const NASTY: [&[u8]; 10] = [
    b"4294967295",
    b"-100000000000",
    b"1e308",
    b"-1",
    b"NaN",
    b"XFD1048576",
    b"99999999999999999999",
    b"0",
    b"&#0;",
    b"<",
];

/// One mutation of a byte string.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    if data.is_empty() {
        data.push(b'x');
        return;
    }
    let at = rng.below(data.len());
    match rng.below(7) {
        0 => data[at] ^= 1 << rng.below(8),
        1 => data.truncate(at),
        2 => {
            let len = rng.below(64).min(data.len() - at);
            data.drain(at..at + len);
        }
        3 => {
            let len = rng.below(256).min(data.len() - at);
            let chunk = data[at..at + len].to_vec();
            let to = rng.below(data.len());
            data.splice(to..to, chunk);
        }
        4 | 5 => {
            // Replace a run of digits (a count, index, date serial, size) with a nasty value.
            let start = (at..data.len()).find(|&i| data[i].is_ascii_digit());
            if let Some(s) = start {
                let end = (s..data.len())
                    .find(|&i| !data[i].is_ascii_digit())
                    .unwrap_or(data.len());
                data.splice(s..end, NASTY[rng.below(NASTY.len())].iter().copied());
            }
        }
        _ => data[at] = rng.next() as u8,
    }
}

/// Mutate one part inside the zip (then re-zip), or the raw bytes of a non-zip file.
fn mutant(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let Ok(mut zin) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        let mut b = bytes.to_vec();
        for _ in 0..=rng.below(4) {
            mutate(rng, &mut b);
        }
        return b;
    };
    if rng.below(10) == 0 {
        let mut b = bytes.to_vec();
        mutate(rng, &mut b);
        return b;
    }
    let pick = rng.below(zin.len());
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if i == pick {
            for _ in 0..=rng.below(3) {
                mutate(rng, &mut data);
            }
        }
        let opts = zip::write::SimpleFileOptions::default();
        zout.start_file(name, opts).unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap().into_inner()
}

/// Peak resident memory of this process (Linux), in MB.
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string(Path::new("/proc/self/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

#[test]
fn mutated_ledgers_never_escape_a_finding() {
    let _alone = crate::alone();
    let n: usize = std::env::var("TONGBAO_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_500);
    let seed: u64 = std::env::var("TONGBAO_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let seeds = seeds();
    let cfg = tongbao::config::Config::default();
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    // A panic inside the readers is caught and reported as a finding: keep its noise off stderr.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let started = std::time::Instant::now();
    for i in 0..n {
        let (name, bytes) = &seeds[i % seeds.len()];
        let m = mutant(&mut rng, bytes);
        let out = std::panic::catch_unwind(|| read_from_bytes(m.clone(), name, &cfg, &opts))
            .unwrap_or_else(|_| {
                let path = std::env::temp_dir().join(format!("tongbao-mutant-{seed}-{i}-{name}"));
                std::fs::write(&path, &m).unwrap();
                panic!(
                    "mutant {i} of seed {seed}: a panic escaped; saved as {}",
                    path.display()
                )
            });
        assert!(
            out.findings
                .iter()
                .all(|f| f.file.as_deref() == Some(name.as_str())),
            "mutant {i}: a finding without its file"
        );
        let kind = match &out.parsed {
            Parsed::Unreadable => {
                assert!(
                    !out.findings.is_empty(),
                    "mutant {i}: unreadable without a finding"
                );
                let msg = &out.findings[0].message;
                let head: String = msg.chars().take(12).collect();
                if msg.contains("内部错误") {
                    let path =
                        std::env::temp_dir().join(format!("tongbao-internal-{seed}-{i}-{name}"));
                    std::fs::write(&path, &m).unwrap();
                    panic!(
                        "mutant {i}: 内部错误 (a caught panic), saved as {}",
                        path.display()
                    );
                }
                format!("unreadable: {head}")
            }
            Parsed::Ledger { .. } => "ledger".into(),
            Parsed::Register { .. } => "register".into(),
        };
        *outcomes.entry(kind).or_default() += 1;
    }
    let _ = std::panic::take_hook();
    let peak = peak_rss_mb();
    eprintln!(
        "{n} mutants (seed {seed}) in {:?}, peak RSS {peak:?} MB",
        started.elapsed()
    );
    for (k, v) in &outcomes {
        eprintln!("{v:6}  {k}");
    }
    assert!(
        outcomes.len() > 3,
        "mutants must reach more than one outcome: {outcomes:?}"
    );
    if let Some(mb) = peak {
        assert!(mb < 300, "peak RSS {mb} MB");
    }
}
