//! Benchmark of `watch`'s rebuild after one file changed, against a cold build of the same
//! inbox: `cargo bench --bench watch`. Both call what the commands call
//! (`cmd::build::generate`: config, inbox, rules, render, write; `watch` passes what it keeps,
//! `cmd::build::Kept`: read cache, results.json lines, feedback pages). The working folder is
//! `TONGBAO_BENCH_DIR` (a folder with tongbao.toml and inbox/2026, e.g. written by
//! `TONGBAO_BENCH_GENERATE=DIR cargo bench --bench pipeline`),
//! else sample-data/; it is copied to a temporary folder first, so it is only read.
//! Each rebuild swaps one ledger's bytes (its unit sends another version: the first ledger's
//! file takes the second one's bytes, then its own again). Prints medians of
//! `TONGBAO_BENCH_RUNS` (default 5), the ratio, and the rebuild's stages; fails unless the
//! last rebuild wrote the same bytes as a cold build of the same inbox.

use clap::Parser;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tongbao::cli::{BuildArgs, Cli, Command, Common};
use tongbao::ingest::{ReadCache, Selection};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), target)?;
        }
    }
    Ok(())
}

/// `tongbao --config DIR/tongbao.toml --out DIR/public build --period 2026 --as-of 2027-01-12`.
fn command(dir: &Path) -> anyhow::Result<(Common, BuildArgs)> {
    let path = |p: &str| dir.join(p).display().to_string();
    let cli = Cli::try_parse_from([
        "tongbao".to_string(),
        "--config".into(),
        path("tongbao.toml"),
        "--out".into(),
        path("public"),
        "build".into(),
        "--period".into(),
        "2026".into(),
        "--as-of".into(),
        "2027-01-12".into(),
    ])?;
    match cli.command {
        Command::Build(args) => Ok((cli.common, args)),
        _ => anyhow::bail!("not a build command"),
    }
}

/// The two workbooks whose bytes the rebuilds swap: the first two ledgers by name.
fn pair(inbox: &Path) -> anyhow::Result<(PathBuf, Vec<u8>, Vec<u8>)> {
    let mut books: Vec<PathBuf> = std::fs::read_dir(inbox)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .filter(|p| !p.to_string_lossy().contains("保卫处") && !p.to_string_lossy().contains('~'))
        .collect();
    books.sort();
    let (Some(a), Some(b)) = (books.first(), books.get(1)) else {
        anyhow::bail!("need two ledgers in {}", inbox.display());
    };
    Ok((a.clone(), std::fs::read(a)?, std::fs::read(b)?))
}

fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::var("TONGBAO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    let source = std::env::var_os("TONGBAO_BENCH_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        PathBuf::from,
    );
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path();
    copy_dir(&source, dir)?;
    let (common, args) = command(dir)?;
    let inbox = dir.join("inbox/2026");
    let (swapped, own, other) = pair(&inbox)?;
    let files = std::fs::read_dir(&inbox)?.count();

    // Cold: no read cache and no earlier output (the folder is removed first); then the same
    // over the output just written, whose unchanged files are linked, not written again.
    let (mut cold, mut over) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(dir.join("public"));
        let t = Instant::now();
        tongbao::cmd::build::generate(&common, &args, None)?;
        cold.push(t.elapsed());
        let t = Instant::now();
        tongbao::cmd::build::generate(&common, &args, None)?;
        over.push(t.elapsed());
    }

    let mut cache = tongbao::cmd::build::Kept::default();
    tongbao::cmd::build::generate(&common, &args, Some(&mut cache))?;
    let mut warm = Vec::new();
    let mut stats = cache.read.last_run();
    for i in 0..runs {
        std::fs::write(&swapped, if i % 2 == 0 { &other } else { &own })?;
        let t = Instant::now();
        tongbao::cmd::build::generate(&common, &args, Some(&mut cache))?;
        warm.push(t.elapsed());
        stats = cache.read.last_run();
    }
    // What the last rebuild wrote must be what a cold build writes.
    let rebuilt = read_tree(&dir.join("public/2026"))?;
    let mut fresh = common.clone();
    fresh.out = Some(dir.join("fresh"));
    tongbao::cmd::build::generate(&fresh, &args, None)?;
    if rebuilt != read_tree(&dir.join("fresh/2026"))? {
        anyhow::bail!("the rebuild's files differ from a cold build's");
    }
    let (cold, over, warm) = (median(cold), median(over), median(warm));
    println!(
        "tongbao watch benchmark: {} ({files} files), median of {runs} runs",
        source.display()
    );
    println!("  cold build             {} (no earlier output)", ms(cold));
    println!("  cold build, over it    {} (no read cache)", ms(over));
    println!(
        "  rebuild, 1 file changed {} (parsed {}, reused {})",
        ms(warm),
        stats.parsed,
        stats.reused
    );
    println!("  the last rebuild's files are a cold build's, byte for byte");
    println!(
        "  rebuild / cold         {:.1} %",
        100.0 * warm.as_secs_f64() / cold.as_secs_f64()
    );
    stages(dir, &mut cache.read, runs)?;
    Ok(())
}

/// Every file under `dir` by its path relative to it, with its bytes.
fn read_tree(dir: &Path) -> anyhow::Result<std::collections::BTreeMap<PathBuf, Vec<u8>>> {
    let mut files = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d)? {
            let path = e?.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir)?.to_path_buf();
                files.insert(rel, std::fs::read(&path)?);
            }
        }
    }
    Ok(files)
}

/// Where a cached rebuild's time goes (no file changed): read, evaluate, render, write.
fn stages(dir: &Path, cache: &mut ReadCache, runs: usize) -> anyhow::Result<()> {
    let cfg = tongbao::config::load(&dir.join("tongbao.toml"))?;
    let opts = tongbao::ingest::Options {
        year: Some(2026),
        recursive: false,
    };
    let period = "2026".parse().map_err(anyhow::Error::msg)?;
    let as_of = chrono::NaiveDate::from_ymd_opt(2027, 1, 12).unwrap_or_default();
    let sel = Selection {
        as_of: Some(as_of),
        keep_all: false,
    };
    let out = dir.join("public");
    let mut t = [(); 4].map(|_| Vec::new());
    for _ in 0..runs {
        let t0 = Instant::now();
        let inbox =
            tongbao::ingest::ingest_dir_cached(&dir.join("inbox/2026"), &cfg, &opts, sel, cache)?;
        let t1 = Instant::now();
        let input = tongbao::rules::EvalInput {
            cfg: &cfg,
            inbox: &inbox,
            period,
            as_of,
            doc_number: None,
        };
        let results = tongbao::rules::evaluate(&input);
        let t2 = Instant::now();
        let files = tongbao::report::render_all(&results, &cfg, None)?;
        let t3 = Instant::now();
        tongbao::output::write_period(&out, "2026", files)?;
        let t4 = Instant::now();
        for (i, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3].into_iter().enumerate() {
            t[i].push(d);
        }
    }
    let [read, eval, render, write] = t.map(median);
    println!(
        "  cached rebuild's stages: read (hash every file, parse none) {}, evaluate {}, render {}, write {}",
        ms(read),
        ms(eval),
        ms(render),
        ms(write)
    );
    Ok(())
}
