//! `watch`'s read cache (`ingest::ReadCache`): a rebuild parses only workbooks whose bytes,
//! name, config or ingest options changed; files that are gone drop out; the `Inbox` and the
//! written outputs are those of a cold build of the same inbox.

use crate::support::books::{d, ledger, register, tmp};
use crate::support::inbox::opts;
use crate::support::roster::{ROSTER, roster};
use crate::support::work_folder::files;
use clap::Parser;
use std::path::Path;
use tongbao::config::Config;
use tongbao::ingest::{
    CacheStats, Options, ReadCache, Selection, ingest_dir_cached, ingest_dir_with,
};
use tongbao::schema;

fn stats(parsed: usize, reused: usize) -> CacheStats {
    CacheStats { parsed, reused }
}

/// An inbox of the test roster: three ledgers, the register and 按语.md.
fn inbox(dir: &Path) {
    for unit in ["信息工程系", "机电工程系", "学生处"] {
        ledger(unit, 2026, d(2026, 7, 1)).save(dir, &format!("{unit}2026台账.xlsx"));
    }
    register(2026, d(2026, 7, 2)).save(dir, "保卫处台账.xlsx");
    std::fs::write(dir.join("按语.md"), "请各单位高度重视。\n").unwrap();
}

/// 学生处 sends a corrected ledger: one more hazard, other bytes.
fn change_one(dir: &Path) {
    ledger("学生处", 2026, d(2026, 7, 1))
        .push(
            schema::HAZARDS,
            crate::row![
                d(2026, 6, 1),
                "电线老化",
                "一般",
                d(2026, 6, 30),
                "",
                "",
                "王五"
            ],
        )
        .save(dir, "学生处2026台账.xlsx");
}

/// Read `dir` through `cache` and cold; both `Inbox`es must be the same.
fn read(dir: &Path, cfg: &Config, opts: &Options, cache: &mut ReadCache) -> CacheStats {
    let sel = Selection::default();
    let cached = ingest_dir_cached(dir, cfg, opts, sel, cache).unwrap();
    let cold = ingest_dir_with(dir, cfg, opts, sel).unwrap();
    assert_eq!(format!("{cached:?}"), format!("{cold:?}"));
    cache.last_run()
}

#[test]
fn a_rebuild_parses_only_what_changed() {
    let dir = tmp();
    let p = dir.path();
    inbox(p);
    let (cfg, opts) = (roster(), opts());
    let mut cache = ReadCache::new();
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(4, 0));
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(0, 4));
    change_one(p);
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(1, 3));
    // Gone: dropped from the cache, not reused under another name.
    std::fs::remove_file(p.join("机电工程系2026台账.xlsx")).unwrap();
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(0, 3));
    assert_eq!(cache.len(), 3);
    // The same bytes under a new name are parsed again: findings name the file.
    std::fs::rename(p.join("学生处2026台账.xlsx"), p.join("学生处台账v2.xlsx")).unwrap();
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(1, 2));
    // Other bytes with the old modification time: the digest decides, not the clock.
    let path = p.join("信息工程系2026台账.xlsx");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    ledger("信息工程系", 2026, d(2026, 7, 2)).save(p, "信息工程系2026台账.xlsx");
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(mtime).unwrap();
    assert_eq!(read(p, &cfg, &opts, &mut cache), stats(1, 2));
}

#[test]
fn another_config_or_options_reads_everything_again() {
    let dir = tmp();
    let p = dir.path();
    inbox(p);
    let mut cache = ReadCache::new();
    let cfg = roster();
    assert_eq!(read(p, &cfg, &opts(), &mut cache), stats(4, 0));
    // A config with another digest (a comment added) is another key.
    let commented = format!("# 2026年12月修改\n{ROSTER}");
    let cfg2 = tongbao::config::from_toml_str(&commented, Path::new(".")).unwrap();
    assert_ne!(cfg2.sha256, cfg.sha256);
    assert_eq!(read(p, &cfg2, &opts(), &mut cache), stats(4, 0));
    assert_eq!(read(p, &cfg2, &opts(), &mut cache), stats(0, 4));
    // Another assessed year.
    let other = Options {
        year: Some(2025),
        ..opts()
    };
    assert_eq!(read(p, &cfg2, &other, &mut cache), stats(4, 0));
    // Back to the first config: nothing of it was kept.
    assert_eq!(read(p, &cfg, &opts(), &mut cache), stats(4, 0));
}

/// What `watch` runs: `cmd::build::generate` with its cache.
fn generate(dir: &Path, out: &str, cache: Option<&mut tongbao::cmd::build::Kept>) {
    let args = ["tongbao", "--config"]
        .map(String::from)
        .into_iter()
        .chain([dir.join("tongbao.toml").display().to_string()])
        .chain(["--out".into(), dir.join(out).display().to_string()])
        .chain(["build", "--period", "2026H1", "--as-of", "2026-07-15"].map(String::from))
        .chain(["--doc-number", "12"].map(String::from));
    let cli = tongbao::cli::Cli::try_parse_from(args).unwrap();
    let tongbao::cli::Command::Build(build) = &cli.command else {
        unreachable!()
    };
    tongbao::cmd::build::generate(&cli.common, build, cache).unwrap();
}

#[test]
fn a_cached_rebuild_writes_what_a_cold_build_writes() {
    let dir = tmp();
    let p = dir.path();
    std::fs::write(p.join("tongbao.toml"), ROSTER).unwrap();
    let inbox_dir = p.join("inbox/2026");
    std::fs::create_dir_all(&inbox_dir).unwrap();
    inbox(&inbox_dir);
    let mut cache = tongbao::cmd::build::Kept::default();
    generate(p, "watched", Some(&mut cache));
    change_one(&inbox_dir);
    std::fs::remove_file(inbox_dir.join("机电工程系2026台账.xlsx")).unwrap();
    generate(p, "watched", Some(&mut cache));
    assert_eq!(cache.read.last_run(), stats(1, 2));
    generate(p, "cold", None);
    let (watched, cold) = (files(&p.join("watched")), files(&p.join("cold")));
    assert!(watched.contains_key("2026H1/results.json"));
    assert_eq!(
        watched.keys().collect::<Vec<_>>(),
        cold.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &watched {
        assert!(bytes == &cold[name], "{name} differs");
    }
}
