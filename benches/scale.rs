//! Scale benchmark (issue 13): `tongbao build` against the floor of a bare calamine read of the
//! same inbox, measured in one invocation: `cargo bench --bench scale`.
//!
//! The corpus is an education bureau's inbox: `TONGBAO_BENCH_UNITS` ledgers (default 300) of
//! `TONGBAO_BENCH_ROWS` data rows each (default 2000: a third 隐患整改, most of the rest 隐患排查), a title
//! row above every table's header, about one date in six typed as text the way people type
//! them (2026年3月5日, 2026.3.5), shared strings (rust_xlsxwriter writes them as Excel does),
//! plus the central register. It is generated once into `TONGBAO_BENCH_CORPUS` (default
//! target/bench-corpus/u{units}-r{rows}) and reused.
//!
//! Each size prints, as medians of `TONGBAO_BENCH_RUNS` runs (default 3):
//! - floor: every sheet of every file read with calamine (`open_workbook_auto` +
//!   `worksheet_range`), rayon over files with tongbao's parallelism (`ingest::THREADS`);
//! - build: the real binary (`TONGBAO_BENCH_BIN`, default the one cargo built), `tongbao build
//!   --period 2026`, process start to exit (every output written), as a child process so that its
//!   whole-process peak RSS comes from wait4's rusage;
//! - the ratio build / floor.
//!
//! `TONGBAO_BENCH_SCALE=1`: the points instead — 100, 300 and 1,000 units × ROWS (linear
//! growth), then the small case 25 × 500 (target ≤ 3× the floor).

use calamine::Reader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tongbao::config::Config;
use tongbao::schema;
use tongbao::template::{Fill, Row, Table, Value, fill_workbook};

mod common;
use common::{config_text, d, ledger_cover, quarterly_rows, register};

/// A date as people type it: every sixth as 2026年3月5日, every sixth-but-three as 2026.3.5.
fn date(day: chrono::NaiveDate, k: usize) -> Value {
    use chrono::Datelike;
    let (y, m, dd) = (day.year(), day.month(), day.day());
    match k % 6 {
        0 => Value::Text(format!("{y}年{m}月{dd}日")),
        3 => Value::Text(format!("{y}.{m}.{dd}")),
        _ => Value::Date(day),
    }
}

/// The `k`-th of `n` days spread over 2026.
fn day_of(k: usize, n: usize) -> chrono::NaiveDate {
    let offset = (k * 365 / n.max(1)).min(364) as u64;
    d(2026, 1, 1) + chrono::Days::new(offset)
}

fn titled(sheet: &'static str, unit: &str, what: &str, rows: Vec<Row>) -> Table {
    Table {
        sheet,
        title: Some(format!("{unit}2026年{what}")),
        rows,
        ..Table::default()
    }
}

/// Unit `i`'s ledger with `rows` data rows: a third hazards, the rest (less 14) inspections.
fn ledger(cfg: &Config, i: usize, rows: usize) -> anyhow::Result<Vec<u8>> {
    let unit = format!("单位{i:03}");
    let t = |s: &str| Value::Text(s.to_string());
    let n_haz = rows / 3;
    let n_insp = rows.saturating_sub(n_haz + 14);
    let plan = (1..=6)
        .map(|k| {
            vec![
                ("工作任务", t(&format!("任务{k}"))),
                ("责任人", t("张三")),
                ("完成时限", date(d(2026, 2 * k as u32, 20), k)),
            ]
        })
        .collect();
    let meetings = [(3, 10), (5, 12), (9, 15), (11, 10)]
        .iter()
        .enumerate()
        .map(|(k, &(m, day))| {
            vec![
                ("会议日期", date(d(2026, m, day), k)),
                ("会议主题", t("安全工作部署")),
                ("主要负责人参加", t("是")),
                ("研究防范措施", t("是")),
            ]
        })
        .collect();
    let scopes = ["教学楼、实训室", "学生宿舍", "食堂", "图书馆", "实验室"];
    let inspections = (0..n_insp)
        .map(|k| {
            vec![
                ("排查日期", date(day_of(k, n_insp), k)),
                ("排查范围", t(scopes[k % scopes.len()])),
                ("参加人员", t("张三、李四")),
                ("发现隐患数", Value::Number((k % 3) as f64)),
                ("已整改数", Value::Number((k % 3) as f64)),
                ("备注", t("无")),
            ]
        })
        .collect();
    let what = [
        "消防通道堆放杂物",
        "灭火器过期",
        "电线私拉乱接",
        "应急灯损坏",
    ];
    let hazards = (0..n_haz)
        .map(|k| {
            let found = day_of(k, n_haz);
            let mut row = vec![
                ("发现日期", date(found, k)),
                ("隐患描述", t(what[k % what.len()])),
                ("隐患等级", t("一般")),
                ("整改期限", date(found + chrono::Days::new(20), k + 1)),
                ("整改措施", t("立即清理")),
                ("责任人", t("王五")),
            ];
            // One in fifty still open.
            if k % 50 != 49 {
                row.push(("整改完成日期", date(found + chrono::Days::new(12), k + 2)));
            }
            row
        })
        .collect();
    let quarterly = quarterly_rows();
    let fill = Fill {
        cover: ledger_cover(&unit),
        tables: vec![
            titled(schema::PLAN, &unit, "安全工作计划", plan),
            titled(schema::MEETINGS, &unit, "安全工作会议记录", meetings),
            titled(
                schema::INSPECTIONS,
                &unit,
                "安全隐患排查登记表",
                inspections,
            ),
            titled(schema::HAZARDS, &unit, "安全隐患整改台账", hazards),
            titled(schema::QUARTERLY, &unit, "季度安全报告", quarterly),
            Table::new(schema::ACCIDENTS, Vec::new()),
        ],
    };
    fill_workbook(schema::LEDGER, cfg, &fill)
}

/// The corpus folder for `units` × `rows` (config + inbox/2026), generated unless complete.
fn corpus(units: usize, rows: usize) -> anyhow::Result<PathBuf> {
    use rayon::prelude::*;
    let root = std::env::var_os("TONGBAO_BENCH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus"),
        PathBuf::from,
    );
    let dir = root.join(format!("u{units}-r{rows}"));
    let done = dir.join(".complete");
    if done.exists() {
        return Ok(dir);
    }
    let t0 = Instant::now();
    let cfg_path = dir.join("tongbao.toml");
    let inbox = dir.join("inbox/2026");
    std::fs::create_dir_all(&inbox)?;
    std::fs::write(&cfg_path, config_text(units))?;
    let cfg = tongbao::config::load(&cfg_path)?;
    (0..units).into_par_iter().try_for_each(|i| {
        let bytes = ledger(&cfg, i, rows)?;
        std::fs::write(inbox.join(format!("单位{i:03}2026台账.xlsx")), bytes)?;
        anyhow::Ok(())
    })?;
    std::fs::write(inbox.join("保卫处台账.xlsx"), register(&cfg, units)?)?;
    std::fs::write(&done, "")?;
    eprintln!(
        "generated {units} × {rows} in {} ({:.1} s)",
        dir.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(dir)
}

fn workbooks(inbox: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(inbox)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "xlsx") {
            v.push(p);
        }
    }
    v.sort();
    Ok(v)
}

/// The floor: every sheet of every file read with calamine, `THREADS` files at a time.
/// Returns the number of cells read.
fn bare_read(files: &[PathBuf]) -> anyhow::Result<usize> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(tongbao::ingest::THREADS)
        .build()?;
    pool.install(|| {
        files
            .par_iter()
            .map(|p| {
                let mut wb = calamine::open_workbook_auto(p)?;
                let mut cells = 0;
                for name in wb.sheet_names() {
                    let range = wb.worksheet_range(&name)?;
                    cells += range.used_cells().count();
                    std::hint::black_box(range);
                }
                anyhow::Ok(cells)
            })
            .sum()
    })
}

/// One `tongbao build` of the corpus in `dir`: wall time and the child's peak RSS in bytes.
fn build_once(bin: &Path, dir: &Path, out: &Path) -> anyhow::Result<(Duration, u64)> {
    // What earlier runs wrote goes to disk first: the build is not timed against it.
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let t0 = Instant::now();
    let child = Command::new(bin)
        .current_dir(dir)
        .args(["--config", "tongbao.toml", "build", "--period", "2026"])
        .args(["--as-of", "2027-01-12", "--out"])
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; both pointers are valid.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t0.elapsed();
    if got != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        anyhow::bail!("{} build failed (status {status})", bin.display());
    }
    // Linux reports ru_maxrss in KiB.
    Ok((wall, usage.ru_maxrss as u64 * 1024))
}

fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Measure one size and print its line.
fn measure(bin: &Path, units: usize, rows: usize, runs: usize) -> anyhow::Result<()> {
    let dir = corpus(units, rows)?;
    let files = workbooks(&dir.join("inbox/2026"))?;
    let mib: u64 = files
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    // Each build writes into a folder of its own, as a first build does: none is removed
    // between runs (on a file system without a journal, ext4 skips the inodes of files
    // deleted in the last minute when it makes new ones, which made the 2,000 feedback pages
    // of a 1,000-unit build take 0.1–0.9 s to create, depending on what the last run left).
    let outs = tempfile::tempdir()?;
    let (mut floor, mut wall, mut rss) = (Vec::new(), Vec::new(), Vec::new());
    let mut cells = 0;
    // Alternate the two so that a burst of load elsewhere hits both alike.
    for run in 0..runs {
        let t0 = Instant::now();
        cells = bare_read(&files)?;
        floor.push(t0.elapsed());
        let (w, r) = build_once(bin, &dir, &outs.path().join(format!("public-{run}")))?;
        wall.push(w);
        rss.push(r);
    }
    let (floor, wall, rss) = (median(floor), median(wall), median(rss));
    println!(
        "{units:>5} × {rows:<5} {:>6.1} MiB {:>5.1} M cells | floor {:>6.2} s | build {:>6.2} s | {:>4.2}× | peak RSS {:>6.0} MB",
        mib as f64 / 1048576.0,
        cells as f64 / 1e6,
        floor.as_secs_f64(),
        wall.as_secs_f64(),
        wall.as_secs_f64() / floor.as_secs_f64(),
        rss as f64 / 1e6,
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let bin = std::env::var_os("TONGBAO_BENCH_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_tongbao")),
        PathBuf::from,
    );
    let runs = env_usize("TONGBAO_BENCH_RUNS", 3).max(1);
    let rows = env_usize("TONGBAO_BENCH_ROWS", 2000);
    println!(
        "tongbao scale benchmark: {} vs a bare calamine read ({} threads), median of {runs} runs",
        bin.display(),
        tongbao::ingest::THREADS
    );
    if std::env::var("TONGBAO_BENCH_SCALE").is_ok_and(|v| v == "1") {
        for units in [100, 300, 1000] {
            measure(&bin, units, rows, runs)?;
        }
        measure(&bin, 25, 500, runs)?;
    } else {
        measure(&bin, env_usize("TONGBAO_BENCH_UNITS", 300), rows, runs)?;
    }
    Ok(())
}
