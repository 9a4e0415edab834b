//! `tongbao build`: config → inbox → findings → rules → scores/vetoes → rendered files →
//! atomic write of the period folder → archive index. Orchestration only.

use super::messages as say;
use crate::cli::{BuildArgs, Common};
use crate::eval::{PeriodKind, Results};
use crate::period::Period;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(common: &Common, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    run_with(common, args, None)
}

/// What `watch` keeps between rebuilds: the typed read of every workbook (`ingest::ReadCache`),
/// the last build's results, and its results.json line of every unit (`results::KeptLines`)
/// and feedback pages (`report::feedback::KeptPages`). A rebuild after one file changed parses
/// that file and writes the lines and pages of unchanged units as they were; results and
/// findings are compared whole with the last build's (the rank aside, which is put in), so
/// the bytes are those a cold build writes.
#[derive(Default)]
pub struct Kept {
    pub read: crate::ingest::ReadCache,
    /// The results the kept lines and pages were made from (None after a failed build: then
    /// nothing kept is used).
    pub last: Option<Arc<Results>>,
    pub lines: crate::results::KeptLines,
    pub pages: crate::report::feedback::KeptPages,
}

/// `run`, reading the inbox through `cache` when given (`watch` keeps one between rebuilds).
pub fn run_with(
    common: &Common,
    args: &BuildArgs,
    cache: Option<&mut Kept>,
) -> anyhow::Result<ExitCode> {
    let Built {
        results,
        cfg,
        out,
        files: count,
    } = generate(common, args, cache)?;
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
        eprintln!("{}", say::strict_errors(results.summary.errors));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What a build wrote.
pub struct Built {
    pub results: Arc<Results>,
    pub cfg: crate::config::Config,
    /// The output folder.
    pub out: PathBuf,
    /// Files written for the period.
    pub files: usize,
}

/// Everything `build` does up to the last file written (no closing lines): load the config, read
/// the inbox (through `cache` when given), evaluate, render, write the period and index.html.
pub fn generate(
    common: &Common,
    args: &BuildArgs,
    cache: Option<&mut Kept>,
) -> anyhow::Result<Built> {
    let period: Period = args.period()?;
    let as_of = args.as_of_date()?;
    let rectification_due = args.rectification_due_date(as_of)?;
    let cfg = crate::cmd::load_config(common)?;
    let inbox_dir = crate::cmd::inbox_dir(common, &cfg, period.year);
    if common.inbox.is_some() && !inbox_dir.exists() {
        // A folder named on the command line must exist (a typo would assess nothing); the
        // default inbox/<year> may be missing: then every unit is 未报送.
        anyhow::bail!(say::inbox_missing(&inbox_dir.display().to_string()));
    }
    if !inbox_dir.exists() {
        eprintln!(
            "{}",
            say::inbox_missing_hint(&inbox_dir.display().to_string())
        );
    }
    let out = common
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("public"));
    // A bar on a terminal only (crate::progress); the four steps below.
    let bar = crate::progress::bar(4, say::BUILD);
    bar.set_message(say::STEP_READ);
    let opts = crate::ingest::Options {
        year: Some(period.year),
        recursive: common.recursive,
    };
    // Versions dated after as-of do not count (outputs.md "Settled" 1).
    let sel = crate::ingest::Selection {
        as_of: Some(as_of),
        keep_all: false,
    };
    // The last results are taken: they are put back only when this build has written
    // everything, so after a failure nothing kept is used.
    let (inbox, trim, before, slot, kept_lines, kept_pages) = match cache {
        Some(Kept {
            read,
            last,
            lines,
            pages,
        }) => (
            crate::ingest::ingest_dir_cached(&inbox_dir, &cfg, &opts, sel, read),
            // A rebuild that parsed a few files frees little: the heap is not trimmed.
            read.last_run().parsed >= read.last_run().reused,
            last.take(),
            Some(last),
            Some(lines),
            Some(pages),
        ),
        None => (
            crate::ingest::ingest_dir_with(&inbox_dir, &cfg, &opts, sel),
            true,
            None,
            None,
            None,
            None,
        ),
    };
    let give_back = || {
        if trim {
            crate::heap::give_back();
        }
    };
    let inbox = inbox.with_context(|| say::inbox(&inbox_dir.display().to_string()))?;
    // The reading threads' grids are gone: their pages go back before the results are made.
    give_back();
    bar.inc(1);
    bar.set_message(say::STEP_EVALUATE);
    let setting = crate::eval::Setting {
        cfg: &cfg,
        period,
        as_of,
        doc_number: args.doc_number,
        freed: trim.then_some(crate::heap::give_back as fn()),
    };
    // Each typed ledger is freed once its unit is judged, before the outputs are rendered.
    let (results, register) = crate::eval::evaluate_inbox(&setting, inbox, rectification_due);
    let results = Arc::new(results);
    // Which units are as in the last build (rank aside): their lines and pages are kept ones.
    let same = before
        .as_deref()
        .map(|b| crate::results::unchanged_units(b, &results))
        .unwrap_or_default();
    // check.html carries the data of the period built last (outputs.md "Settled" 6).
    let config_text = config_text(common)?;
    let data = crate::report::check::page_data(&results, &config_text, register.as_ref());
    drop(register);
    // And the typed ledgers' pages, before the outputs are rendered.
    give_back();
    bar.inc(1);
    bar.set_message(say::STEP_RENDER);
    let templates = args.templates.as_deref();
    // One run at a time per output folder: the period and index.html come from the same run.
    let lock = crate::output::lock(&out)?;
    let stage = crate::output::PeriodStage::new(&out, &period.to_string())?;
    // results.json (the largest output by far at a city's scale) goes to disk a unit at a time,
    // beside check.html (staged: in place after the period) and the pages and workbooks, each
    // rendered and written on whichever core is free.
    let (json, pages) = rayon::join(
        || {
            stage.write_with("results.json", |sink| {
                match kept_lines {
                    Some(kept) => results.write_json_keeping(sink, kept, &same),
                    None => results.write_json(sink),
                }
                .map_err(std::io::Error::from)
            })
        },
        || {
            let (check, pages) = rayon::join(
                || {
                    let check = crate::report::check::render_check(&data, templates)?;
                    crate::output::stage_file(&out, "check.html", &check)
                        .with_context(|| say::check_page_unwritten(&out.display().to_string()))
                },
                || {
                    let reusing = kept_pages.map(|pages| crate::report::feedback::Reusing {
                        pages,
                        before: before.as_deref().map(|b| (b, same.as_slice())),
                    });
                    let files =
                        crate::report::render_pages_keeping(&results, &cfg, templates, reusing)?;
                    stage.write(&files)?;
                    anyhow::Ok(files.len())
                },
            );
            let check = check?;
            anyhow::Ok((pages?, check))
        },
    );
    drop(data);
    json?;
    let (count, check) = pages?;
    let count = count + 1;
    bar.inc(1);
    bar.set_message(say::STEP_WRITE);
    stage.commit()?;
    check.commit()?;
    let index =
        crate::report::render_index_with(&out, &cfg.school.name, templates, Some(&results))?;
    crate::output::write_index(&out, &index)?;
    drop(lock);
    if let Some(slot) = slot {
        *slot = Some(Arc::clone(&results));
    }
    bar.inc(1);
    bar.finish_and_clear();
    Ok(Built {
        results,
        cfg,
        out,
        files: count,
    })
}

/// The config file's text, as the build read it (for check.html's data).
fn config_text(common: &Common) -> anyhow::Result<String> {
    let path = crate::cmd::config_path(common);
    let bytes = std::fs::read(&path)
        .with_context(|| say::config_unreadable(&path.display().to_string()))?;
    let text = crate::config::messages::decode_text(&bytes)
        .map_err(|why| anyhow::anyhow!(why))
        .with_context(|| say::config_unreadable(&path.display().to_string()))?;
    Ok(text.to_string())
}

/// The closing lines: where the files are and a short summary.
pub fn report_lines(r: &Results, out: &Path, files: usize) -> String {
    let s = &r.summary;
    let dir = out.join(&r.period);
    let summary = say::summary(&say::Summary {
        roster: s.roster,
        submitted: s.submitted,
        late: s.late,
        overall_rate: &crate::report::view::percent(s.overall_rate),
        vetoes: match r.period_kind {
            PeriodKind::Year if !r.preview => Ok((s.vetoed.len(), s.commended.len())),
            _ => Err(s.veto_risk.len()),
        },
        errors: s.errors,
        warnings: s.warnings,
    });
    let shown = |p: PathBuf| p.display().to_string();
    say::written(
        &say::Written {
            title: &r.title,
            files,
            dir: &shown(dir.clone()),
            bulletin: &shown(dir.join("bulletin.html")),
            summary: &shown(dir.join("summary.xlsx")),
            feedback: &shown(dir.join("feedback")),
            index: &shown(out.join("index.html")),
        },
        &summary,
    )
}
