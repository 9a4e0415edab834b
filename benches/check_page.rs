//! check.html in headless Chromium: `cargo bench --bench check_page`. Builds the sample's
//! 2026H1 page (as `tongbao build` writes it), generates a 2,000-row ledger (隐患排查, one
//! unreadable date every 50 rows, so there are findings to render), then times — from setting
//! the file on the page's input over the DevTools protocol to the rendered findings in the DOM —
//! `TONGBAO_BENCH_RUNS` (default 7) checks, and prints the median, min, max and the page size.
//! Not a test: the numbers depend on the machine and its load.

#[path = "../tests/check/cdp.rs"]
mod cdp;

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tongbao::schema;
use tongbao::template::{Fill, Table, Value, fill_workbook};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample's 2026H1 check.html, as `build` renders it.
fn page(dir: &Path) -> anyhow::Result<PathBuf> {
    let config = root().join("sample-data/tongbao.toml");
    let cfg = tongbao::config::load(&config)?;
    let as_of = d(2026, 7, 15);
    let period = "2026H1".parse().map_err(anyhow::Error::msg)?;
    let opts = tongbao::ingest::Options {
        year: Some(2026),
        recursive: false,
    };
    let sel = tongbao::ingest::Selection {
        as_of: Some(as_of),
        keep_all: false,
    };
    let inbox =
        tongbao::ingest::ingest_dir_with(&root().join("sample-data/inbox/2026"), &cfg, &opts, sel)?;
    let results = tongbao::rules::evaluate(&tongbao::rules::EvalInput {
        cfg: &cfg,
        inbox: &inbox,
        period,
        as_of,
        doc_number: None,
    });
    let text = std::fs::read_to_string(&config)?;
    let data = tongbao::report::check::page_data(&results, &text, inbox.register.as_ref());
    let html = tongbao::report::check::render_check(&data, None)?;
    let path = dir.join("check.html");
    std::fs::write(&path, html)?;
    Ok(path)
}

/// 机电工程系's ledger with `rows` 隐患排查 rows.
fn big_ledger(dir: &Path, rows: usize) -> anyhow::Result<PathBuf> {
    let cfg = tongbao::config::load(&root().join("sample-data/tongbao.toml"))?;
    let t = |s: &str| Value::Text(s.to_string());
    let inspections = (0..rows)
        .map(|i| {
            let date = if i % 50 == 49 {
                t("2026-02-30")
            } else {
                Value::Date(d(2026, 1 + (i % 6) as u32, 1 + (i % 28) as u32))
            };
            vec![
                ("排查日期", date),
                ("排查范围", t(&format!("实训楼{}层", i % 7 + 1))),
                ("发现隐患数", Value::Number((i % 3) as f64)),
            ]
        })
        .collect();
    let fill = Fill {
        cover: vec![
            ("单位名称", t("机电工程系")),
            ("年度", Value::Number(2026.0)),
            ("主要负责人", t("李四")),
            ("报送日期", Value::Date(d(2026, 7, 3))),
        ],
        tables: vec![Table {
            sheet: schema::INSPECTIONS,
            rows: inspections,
            ..Table::default()
        }],
    };
    let path = dir.join("机电工程系2026年安全工作台账（2000行）.xlsx");
    std::fs::write(&path, fill_workbook(schema::LEDGER, &cfg, &fill)?)?;
    Ok(path)
}

fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::var("TONGBAO_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let dir = tempfile::tempdir()?;
    // TONGBAO_BENCH_OUT=DIR keeps the page and the ledger there (e.g. to time the engine alone
    // with tests/check/run-engine.js).
    let keep = std::env::var_os("TONGBAO_BENCH_OUT").map(PathBuf::from);
    let out = keep.clone().unwrap_or_else(|| dir.path().to_path_buf());
    std::fs::create_dir_all(&out)?;
    let page = page(&out)?;
    let size = std::fs::metadata(&page)?.len();
    let ledger = big_ledger(&out, 2_000)?;
    if keep.is_some() && runs == 0 {
        return Ok(());
    }
    let mut b = cdp::Browser::start(&dir.path().join("profile"));
    let started = Instant::now();
    b.open(&format!("file://{}", page.display()));
    b.wait_for(
        &format!("{} === 'ready'", cdp::STATE),
        Duration::from_secs(60),
    );
    let load = started.elapsed();
    let mut times = Vec::new();
    let mut findings = 0;
    for _ in 0..runs {
        b.eval("document.getElementById('tb-status').dataset.state = 'waiting'");
        let t0 = Instant::now();
        b.set_file("#tb-file", &ledger);
        let st = cdp::STATE;
        b.wait_for(
            &format!("{st} === 'done' || {st} === 'failed'"),
            Duration::from_secs(120),
        );
        times.push(t0.elapsed());
        let state = b.eval(st);
        if state != "done" {
            let text = b.eval("document.getElementById('tb-status').textContent");
            anyhow::bail!("the check did not finish: {text}");
        }
        findings = b
            .eval("document.querySelectorAll('#tb-findings tr.finding').length")
            .as_u64()
            .unwrap_or(0);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "check.html: {size} bytes ({:.2} MB); page load to checker ready: {:.0} ms",
        size as f64 / 1_048_576.0,
        ms(load)
    );
    println!(
        "2,000-row ledger ({} bytes) → {findings} findings rendered: median {:.0} ms, min {:.0} ms, max {:.0} ms ({runs} runs)",
        std::fs::metadata(&ledger)?.len(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    Ok(())
}
