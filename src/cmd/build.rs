//! `tongbao build`: config → inbox → findings → rules → scores/vetoes → rendered files →
//! atomic write of the period folder → archive index. Orchestration only.

use crate::cli::{BuildArgs, Common};
use crate::eval::{PeriodKind, Results};
use crate::period::Period;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(common: &Common, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let period: Period = args.period()?;
    let as_of = args.as_of_date()?;
    let rectification_due = args.rectification_due_date(as_of)?;
    let cfg = crate::cmd::load_config(common)?;
    let inbox_dir = crate::cmd::inbox_dir(common, &cfg, period.year);
    if common.inbox.is_some() && !inbox_dir.exists() {
        // A folder named on the command line must exist (a typo would assess nothing); the
        // default inbox/<year> may be missing: then every unit is 未报送.
        anyhow::bail!("收件文件夹 {} 不存在", inbox_dir.display());
    }
    if !inbox_dir.exists() {
        eprintln!(
            "提示：收件文件夹 {} 不存在，按空收件处理（各单位均为未报送）。",
            inbox_dir.display()
        );
    }
    let out = common
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("public"));
    // A bar on a terminal only (crate::progress); the four steps below.
    let bar = crate::progress::bar(4, "生成");
    bar.set_message("读取收件文件夹");
    let opts = crate::ingest::Options {
        year: Some(period.year),
        recursive: common.recursive,
    };
    // Versions dated after as-of do not count (outputs.md "Settled" 1).
    let sel = crate::ingest::Selection {
        as_of: Some(as_of),
        keep_all: false,
    };
    let inbox = crate::ingest::ingest_dir_with(&inbox_dir, &cfg, &opts, sel)
        .with_context(|| format!("收件文件夹 {}", inbox_dir.display()))?;
    bar.inc(1);
    bar.set_message("评估各项要求");
    let input = crate::rules::EvalInput {
        cfg: &cfg,
        inbox: &inbox,
        period,
        as_of,
        doc_number: args.doc_number,
    };
    let results = crate::rules::evaluate_with(&input, rectification_due);
    bar.inc(1);
    bar.set_message("生成通报、汇总表和反馈");
    let templates = args.templates.as_deref();
    let files = crate::report::render_all(&results, &cfg, templates)?;
    let count = files.len();
    bar.inc(1);
    bar.set_message("写入输出文件夹");
    // One run at a time per output folder: the period and index.html come from the same run.
    let lock = crate::output::lock(&out)?;
    crate::output::write_period(&out, &period.to_string(), files)?;
    let index = crate::report::render_index(&out, &cfg.school.name, templates)?;
    crate::output::write_index(&out, &index)?;
    drop(lock);
    bar.inc(1);
    bar.finish_and_clear();
    println!("{}", report_lines(&results, &out, count));
    // What the office must verify before issuing, once per build (never in the bulletin).
    print!(
        "{}",
        super::verify::render(&super::verify::build_items(&results, &cfg))
    );
    if args.open {
        // The bulletin is written; a browser that cannot start is said, not an error.
        let bulletin = out.join(&results.period).join("bulletin.html");
        if let Err(e) = crate::cmd::open::open(&bulletin) {
            crate::cmd::print_error(&e);
        }
    }
    if common.strict && results.summary.errors > 0 {
        eprintln!("存在{}条错误级问题（--strict）。", results.summary.errors);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The closing lines: where the files are and a short summary.
pub fn report_lines(r: &Results, out: &Path, files: usize) -> String {
    let s = &r.summary;
    let dir = out.join(&r.period);
    let mut summary = format!("单位{}个，已报送{}个", s.roster, s.submitted);
    if s.late > 0 {
        summary.push_str(&format!("（逾期{}个）", s.late));
    }
    summary.push_str(&format!(
        "；总体达标率{}",
        crate::report::view::percent(s.overall_rate)
    ));
    match r.period_kind {
        PeriodKind::Year if !r.preview => summary.push_str(&format!(
            "；一票否决{}个；建议表彰{}个",
            s.vetoed.len(),
            s.commended.len()
        )),
        _ => summary.push_str(&format!("；一票否决风险{}个", s.veto_risk.len())),
    }
    summary.push_str(&format!(
        "；数据问题：错误{}条、警告{}条。",
        s.errors, s.warnings
    ));
    format!(
        "{}\n已生成 {} 个文件：{}\n  通报：{}\n  汇总表：{}\n  各单位反馈：{}\n  索引：{}\n{}",
        r.title,
        files,
        dir.display(),
        dir.join("bulletin.html").display(),
        dir.join("summary.xlsx").display(),
        dir.join("feedback").display(),
        out.join("index.html").display(),
        summary
    )
}
