//! Benchmark of the whole pipeline on a generated college: `cargo bench --bench pipeline`.
//! Units from `TONGBAO_BENCH_UNITS` (default 100), each with a full year of ledger rows,
//! plus a central register. Prints the median of `TONGBAO_BENCH_RUNS` (default 7) runs of each
//! stage: ingest (read + validate every workbook), evaluate (rules + scoring), render (bulletin,
//! workbook, feedback, results.json) and write (atomic swap of the output folder).
//! `TONGBAO_BENCH_SAMPLE=1` runs the same stages on the shipped sample-data/ instead.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tongbao::config::Config;
use tongbao::rules::{EvalInput, evaluate};
use tongbao::schema;
use tongbao::template::{Fill, Value, fill_workbook};

mod common;
use common::{config_text, d, ledger_cover, quarterly_rows, register, table};

fn ledger(cfg: &Config, i: usize) -> anyhow::Result<Vec<u8>> {
    let unit = format!("单位{i:03}");
    let t = |s: &str| Value::Text(s.to_string());
    let plan = (1..=6)
        .map(|k| {
            vec![
                ("工作任务", t(&format!("任务{k}"))),
                ("责任人", t("张三")),
                ("完成时限", Value::Date(d(2026, 2 * k, 20))),
            ]
        })
        .collect();
    let meetings = [
        d(2026, 3, 10),
        d(2026, 5, 12),
        d(2026, 9, 15),
        d(2026, 11, 10),
    ]
    .iter()
    .map(|&day| {
        vec![
            ("会议日期", Value::Date(day)),
            ("会议主题", t("安全工作部署")),
            ("主要负责人参加", t("是")),
            ("研究防范措施", t("是")),
        ]
    })
    .collect();
    let inspections = (1..=12)
        .flat_map(|m| {
            [5u32, 20].map(|day| {
                vec![
                    ("排查日期", Value::Date(d(2026, m, day))),
                    ("排查范围", t("教学楼、实训室")),
                    ("发现隐患数", Value::Number(1.0)),
                ]
            })
        })
        .collect();
    let hazards = (1..=10)
        .map(|m| {
            vec![
                ("发现日期", Value::Date(d(2026, m, 6))),
                ("隐患描述", t("消防通道堆放杂物")),
                ("隐患等级", t("一般")),
                ("整改期限", Value::Date(d(2026, m, 25))),
                ("整改完成日期", Value::Date(d(2026, m, 20))),
            ]
        })
        .collect();
    let quarterly = quarterly_rows();
    let fill = Fill {
        cover: ledger_cover(&unit),
        tables: vec![
            table(schema::PLAN, plan),
            table(schema::MEETINGS, meetings),
            table(schema::INSPECTIONS, inspections),
            table(schema::HAZARDS, hazards),
            table(schema::QUARTERLY, quarterly),
            table(schema::ACCIDENTS, Vec::new()),
        ],
    };
    fill_workbook(schema::LEDGER, cfg, &fill)
}

/// Write a generated college into `dir`: config, `units` ledgers and the register.
fn generate(dir: &Path, units: usize) -> anyhow::Result<(Config, PathBuf, usize, usize)> {
    let cfg_path = dir.join("tongbao.toml");
    std::fs::write(&cfg_path, config_text(units))?;
    let cfg = tongbao::config::load(&cfg_path)?;
    let inbox_dir = dir.join("inbox/2026");
    std::fs::create_dir_all(&inbox_dir)?;
    let mut bytes = 0usize;
    for i in 0..units {
        let b = ledger(&cfg, i)?;
        bytes += b.len();
        std::fs::write(inbox_dir.join(format!("单位{i:03}2026台账.xlsx")), b)?;
    }
    let reg = register(&cfg, units)?;
    bytes += reg.len();
    std::fs::write(inbox_dir.join("保卫处台账.xlsx"), reg)?;
    Ok((cfg, inbox_dir, bytes, units))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> anyhow::Result<()> {
    let units: usize = std::env::var("TONGBAO_BENCH_UNITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let runs: usize = std::env::var("TONGBAO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7)
        .max(1);
    // TONGBAO_BENCH_GENERATE=DIR: only write the generated college into DIR (config + inbox/2026),
    // e.g. for scripts/same-outputs.sh.
    if let Ok(keep) = std::env::var("TONGBAO_BENCH_GENERATE") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep)?;
        generate(keep, units)?;
        println!("generated {units} units in {}", keep.display());
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let sample = std::env::var("TONGBAO_BENCH_SAMPLE").is_ok_and(|v| v == "1");
    let (cfg, inbox_dir, bytes, units) = if sample {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let cfg = tongbao::config::load(&base.join("tongbao.toml"))?;
        let inbox_dir = base.join("inbox/2026");
        let mut bytes = 0u64;
        for e in std::fs::read_dir(&inbox_dir)? {
            bytes += e?.metadata()?.len();
        }
        let n = cfg.units.len();
        (cfg, inbox_dir, bytes as usize, n)
    } else {
        generate(dir.path(), units)?
    };

    let opts = tongbao::ingest::Options {
        year: Some(2026),
        recursive: false,
    };
    let period = "2026".parse().map_err(anyhow::Error::msg)?;
    let out = dir.path().join("public");
    let (mut t_ingest, mut t_eval, mut t_render, mut t_write) = (vec![], vec![], vec![], vec![]);
    let mut t_docx = vec![];
    let mut findings = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let inbox = tongbao::ingest::ingest_dir(&inbox_dir, &cfg, &opts)?;
        let t1 = Instant::now();
        let input = EvalInput {
            cfg: &cfg,
            inbox: &inbox,
            period,
            as_of: d(2027, 1, 12),
            doc_number: Some(1),
        };
        let results = evaluate(&input);
        let t2 = Instant::now();
        let files = tongbao::report::render_all(&results, &cfg, None)?;
        let t3 = Instant::now();
        // bulletin.docx alone (already part of `render`): what it adds to a build.
        let docx = tongbao::report::docx::render(&results, &cfg)?;
        t_docx.push(t3.elapsed());
        std::hint::black_box(docx);
        let t3 = Instant::now();
        tongbao::output::write_period(&out, "2026", files)?;
        let t4 = Instant::now();
        findings = results.findings.len();
        t_ingest.push(t1 - t0);
        t_eval.push(t2 - t1);
        t_render.push(t3 - t2);
        t_write.push(t4 - t3);
    }
    let total: Vec<Duration> = (0..runs)
        .map(|i| t_ingest[i] + t_eval[i] + t_render[i] + t_write[i])
        .collect();
    println!(
        "tongbao pipeline benchmark: {units} units + register, {:.1} MB of xlsx, {findings} findings, median of {runs} runs",
        bytes as f64 / 1e6
    );
    println!("  ingest   {}", ms(median(t_ingest)));
    println!("  evaluate {}", ms(median(t_eval)));
    println!("  render   {}", ms(median(t_render)));
    println!("    of which bulletin.docx {}", ms(median(t_docx)));
    println!("  write    {}", ms(median(t_write)));
    println!("  total    {}", ms(median(total)));
    Ok(())
}
