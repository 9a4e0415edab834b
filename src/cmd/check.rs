//! `tongbao check PATH…`: reads the files through ingest and prints the findings grouped by file
//! (文件，工作表!单元格), the roster units not yet submitted (when a folder is checked) and the
//! 印发前请核对 list; `--json` prints the same as one JSON object. Versions are chosen as `build`
//! chooses them (same year, same as-of). Writes nothing. Exit 0, or 1 with `--strict` when
//! errors exist.

use super::messages as say;
use crate::cli::{CheckArgs, Common};
use crate::config::Config;
use crate::findings::{Finding, Severity};
use crate::model::{Inbox, Role};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(common: &Common, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (cfg, note) = config_for_check(common)?;
    if let Some(note) = note {
        // `--json` keeps stdout for the JSON alone.
        if args.json {
            eprintln!("{note}");
        } else {
            println!("{note}");
        }
    }
    let paths = &args.paths;
    // build's selection (outputs.md "Settled" 2): the year from --period, else the inbox
    // folder's name; versions dated after as-of (default today) do not count.
    let year = args
        .period()?
        .map(|p| p.year)
        .or_else(|| folder_year(paths));
    let opts = crate::ingest::Options {
        year,
        recursive: common.recursive,
    };
    let sel = crate::ingest::Selection {
        as_of: Some(args.as_of_date()?),
        keep_all: true,
    };
    let inbox = crate::ingest::ingest_paths_with(paths, &cfg, &opts, sel)?;
    let missing = not_submitted(&cfg, &inbox, paths);
    let mut report = if args.json {
        json_report(&inbox, missing.as_deref())
    } else {
        let mut text = format_report(&inbox);
        text.push_str(&missing_line(missing.as_deref()));
        let items = super::verify::file_items(&inbox.findings, &inbox.inputs);
        text.push_str(&super::verify::render(&items));
        text
    };
    if !args.json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        report = colourise(&report);
    }
    // `tongbao check inbox | head` closes the pipe early: that is not an error.
    if let Err(e) = std::io::stdout().lock().write_all(report.as_bytes())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e.into());
    }
    let errors = inbox.findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if common.strict && errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The assessed year from a folder named like a year (`inbox/2026`), as `build` reads it.
fn folder_year(paths: &[PathBuf]) -> Option<i32> {
    let years: Vec<i32> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .filter_map(|p| p.file_name()?.to_str()?.parse().ok())
        .filter(|y| (1990..=2099).contains(y))
        .collect();
    match years.as_slice() {
        [first, rest @ ..] if rest.iter().all(|y| y == first) => Some(*first),
        _ => None,
    }
}

/// Roster units with no counting ledger, when a folder was checked against a roster.
fn not_submitted(cfg: &Config, inbox: &Inbox, paths: &[PathBuf]) -> Option<Vec<String>> {
    if cfg.units.is_empty() || !paths.iter().any(|p| p.is_dir()) {
        return None;
    }
    let missing = cfg
        .units
        .iter()
        .filter(|u| !inbox.ledgers.contains_key(&u.name))
        .map(|u| u.name.clone())
        .collect();
    Some(missing)
}

/// `名册中尚未报送的单位（2个）：机电工程系、学生处` (like a collection form's 未提交名单).
fn missing_line(missing: Option<&[String]>) -> String {
    match missing {
        None => String::new(),
        Some(list) => format!("{}\n", say::not_submitted(list)),
    }
}

/// `check --json` (outputs.md "Settled" 2): `{"findings": [...], "files": [{"file", "role",
/// "reason", "unit"}], "not_submitted": [...]}`, findings shaped as in results.json.
pub fn json_report(inbox: &Inbox, missing: Option<&[String]>) -> String {
    let files: Vec<serde_json::Value> = inbox
        .inputs
        .iter()
        .map(|i| {
            let unit = inbox.file_unit(&i.file);
            serde_json::json!({
                "file": i.file,
                "role": i.role.contract_role(),
                "reason": i.role.skip_reason(),
                "unit": unit,
            })
        })
        .collect();
    let value = serde_json::json!({
        "findings": inbox.findings,
        "files": files,
        "not_submitted": missing.unwrap_or(&[]),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// The config when there is one; without `--config` and without `tongbao.toml`, an empty
/// roster and a one-line note saying unit names are not judged.
fn config_for_check(common: &Common) -> anyhow::Result<(Config, Option<String>)> {
    let path = super::config_path(common);
    if common.config.is_none() && !path.exists() {
        let note = say::check_without_config(&path.display().to_string());
        return Ok((Config::default(), Some(note)));
    }
    Ok((super::load_config(common)?, None))
}

/// One finding line: `  [错误] 隐患排查!B7：日期无法识别：2026-02-30  (R4, bad_value)` — the
/// location as `sheet!cell` (outputs.md), then the rule and the finding's stable code.
fn finding_line(f: &Finding) -> String {
    let place = match (&f.sheet, &f.cell) {
        (Some(s), Some(c)) => format!("{s}!{c}"),
        (Some(s), None) => s.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => String::new(),
    };
    let mut line = format!("  [{}] ", f.severity.label());
    if !place.is_empty() {
        let _ = write!(line, "{place}：");
    }
    line.push_str(&f.message);
    let code = f.code.as_str();
    match &f.rule {
        Some(r) => {
            let _ = write!(line, "  ({r}, {code})");
        }
        None => {
            let _ = write!(line, "  ({code})");
        }
    }
    line
}

/// The whole `check` report: every input file with its role and findings (or 没有发现问题),
/// findings that concern no file, then the total line. Pure, for tests.
pub fn format_report(inbox: &Inbox) -> String {
    let unit_of: BTreeMap<&str, &str> = inbox
        .ledgers
        .values()
        .map(|l| (l.file.as_str(), l.unit.as_str()))
        .collect();
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    let mut general = Vec::new();
    for f in &inbox.findings {
        match &f.file {
            Some(file) => by_file.entry(file.as_str()).or_default().push(f),
            None => general.push(f),
        }
    }
    // Every input, then any file named only by a finding.
    let mut files: Vec<(&str, Option<Role>)> = inbox
        .inputs
        .iter()
        .map(|i| (i.file.as_str(), Some(i.role)))
        .collect();
    for file in by_file.keys() {
        if !inbox.inputs.iter().any(|i| i.file == *file) {
            files.push((file, None));
        }
    }
    let mut out = String::new();
    for (file, role) in &files {
        let mut head = file.to_string();
        if let Some(role) = role {
            let _ = write!(head, "（{}", say::role(*role));
            if let Some(unit) = unit_of.get(file).filter(|_| *role == Role::Ledger) {
                let _ = write!(head, "：{unit}");
            }
            head.push('）');
        }
        out.push_str(&head);
        out.push('\n');
        match by_file.get(file) {
            Some(list) => list.iter().for_each(|f| {
                out.push_str(&finding_line(f));
                out.push('\n');
            }),
            None => {
                let _ = writeln!(out, "  {}", say::NO_FINDINGS);
            }
        }
        out.push('\n');
    }
    if !general.is_empty() {
        let _ = writeln!(out, "{}", say::GENERAL_FINDINGS);
        for f in &general {
            out.push_str(&finding_line(f));
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&total_line(files.len(), &inbox.findings));
    out.push('\n');
    out
}

/// ANSI colours for the severity tags at the start of finding lines (terminal only).
fn colourise(report: &str) -> String {
    let tags = [("  [错误]", "31"), ("  [警告]", "33"), ("  [提示]", "36")];
    report
        .lines()
        .map(|line| {
            tags.iter()
                .find_map(|(tag, code)| {
                    line.strip_prefix(tag)
                        .map(|rest| format!("  \x1b[{code}m{}\x1b[0m{rest}", tag.trim_start()))
                })
                .unwrap_or_else(|| line.to_string())
        })
        .fold(String::new(), |mut out, l| {
            out.push_str(&l);
            out.push('\n');
            out
        })
}

/// `共检查12个文件：错误3项，警告5项，提示1项`
pub fn total_line(files: usize, findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    say::checked(
        files,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::findings::Code;
    use crate::model::{InputFile, Ledger};

    /// An inbox entry with only a name and a role (also used by verify's tests).
    pub(crate) fn input(file: &str, role: Role) -> InputFile {
        InputFile {
            file: file.into(),
            sha256: String::new(),
            role,
            size: 0,
        }
    }

    fn sample() -> Inbox {
        let mut inbox = Inbox {
            inputs: vec![
                input("a信息系.xlsx", Role::Ledger),
                input("b后勤处.xlsx", Role::Ledger),
                input("~$a信息系.xlsx", Role::Skipped),
            ],
            ..Inbox::default()
        };
        inbox.ledgers.insert(
            "信息工程系".into(),
            std::sync::Arc::new(Ledger {
                file: "a信息系.xlsx".into(),
                unit: "信息工程系".into(),
                ..Ledger::default()
            }),
        );
        inbox.findings = vec![
            Finding::error(
                Code::BadValue,
                "日期无法识别：2026-02-30（应为日期，如 2026-03-05）",
            )
            .file("a信息系.xlsx")
            .sheet("隐患排查")
            .cell("B7")
            .rule("R4"),
            Finding::warning(Code::FutureDate, "会议日期晚于报送日期")
                .file("a信息系.xlsx")
                .sheet("安全工作会议")
                .cell("A3"),
            Finding::info(Code::SkippedFile, "已跳过：Excel/WPS 临时锁文件").file("~$a信息系.xlsx"),
            Finding::warning(Code::MissingRegister, "收件中没有保卫处台账"),
        ];
        inbox
    }

    #[test]
    fn groups_by_file_with_locations() {
        let text = format_report(&sample());
        let want = "\
a信息系.xlsx（单位台账：信息工程系）
  [错误] 隐患排查!B7：日期无法识别：2026-02-30（应为日期，如 2026-03-05）  (R4, bad_value)
  [警告] 安全工作会议!A3：会议日期晚于报送日期  (future_date)

b后勤处.xlsx（单位台账）
  没有发现问题

~$a信息系.xlsx（已跳过）
  [提示] 已跳过：Excel/WPS 临时锁文件  (skipped_file)

（不属于某个文件的问题）
  [警告] 收件中没有保卫处台账  (missing_register)

共检查3个文件：错误1项，警告2项，提示1项
";
        assert_eq!(text, want);
    }

    #[test]
    fn colour_only_touches_tags() {
        let c = colourise("a.xlsx\n  [错误] x [警告]\n  没有发现问题\n");
        assert_eq!(
            c,
            "a.xlsx\n  \x1b[31m[错误]\x1b[0m x [警告]\n  没有发现问题\n"
        );
    }

    #[test]
    fn empty_inbox_still_has_total() {
        assert_eq!(
            format_report(&Inbox::default()),
            "共检查0个文件：错误0项，警告0项，提示0项\n"
        );
    }

    #[test]
    fn file_named_only_by_a_finding_is_listed() {
        let inbox = Inbox {
            findings: vec![Finding::error(Code::UnreadableFile, "文件已加密").file("x.xlsx")],
            ..Inbox::default()
        };
        let text = format_report(&inbox);
        assert!(
            text.starts_with("x.xlsx\n  [错误] 文件已加密  (unreadable_file)\n"),
            "{text}"
        );
        assert!(text.contains("共检查1个文件：错误1项"), "{text}");
    }
}
