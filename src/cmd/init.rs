//! `tongbao init DIR`: scaffolds a working folder — a fully commented `tongbao.toml` with a
//! small example roster, `inbox/<year>/`, the blank templates in `模板/`, and `使用说明.md`.
//! Never overwrites an existing non-empty config.

use super::CONFIG_FILE;
use crate::cli::Common;
use anyhow::Context;
use chrono::Datelike;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const README: &str = include_str!("init_readme.md");
/// Folder of the blank templates inside the working folder.
pub const TEMPLATES_DIR: &str = "模板";
pub const README_FILE: &str = "使用说明.md";

pub fn run(_common: &Common, dir: &Path) -> anyhow::Result<ExitCode> {
    let year = chrono::Local::now().year();
    let written = scaffold(dir, year)?;
    println!("已创建工作文件夹 {}：", dir.display());
    for p in &written {
        let shown = p.strip_prefix(dir).unwrap_or(p);
        println!("  {}", shown.display());
    }
    println!(
        "下一步：修改 tongbao.toml 中的单位名单，再运行 tongbao template --out {TEMPLATES_DIR}。详见 {README_FILE}。"
    );
    Ok(ExitCode::SUCCESS)
}

/// The commented example config for `year` (semesters and examples dated in that year),
/// generated from the config's documented fields.
pub fn example_config(year: i32) -> String {
    crate::config::example::example_toml(year)
}

fn fill_year(text: &str, year: i32) -> String {
    text.replace("{PREV}", &(year - 1).to_string())
        .replace("{NEXT}", &(year + 1).to_string())
        .replace("{YEAR}", &year.to_string())
}

/// Create the working folder; returns every path written (config, inbox, templates, README).
pub fn scaffold(dir: &Path, year: i32) -> anyhow::Result<Vec<PathBuf>> {
    let config = dir.join(CONFIG_FILE);
    if has_content(&config) {
        anyhow::bail!(
            "{} 已有配置文件，为免覆盖，未做任何改动。如需重新生成，请先把它改名或移走。",
            config.display()
        );
    }
    let inbox = dir.join("inbox").join(year.to_string());
    std::fs::create_dir_all(&inbox)
        .with_context(|| format!("无法创建文件夹 {}", inbox.display()))?;
    crate::output::write_file_atomic(dir, CONFIG_FILE, example_config(year).as_bytes())?;
    // The file we wrote must load: the same check staff get after editing it.
    let cfg = crate::config::load(&config)?;
    let mut written = vec![config, inbox];
    written.extend(crate::template::write_templates(
        &dir.join(TEMPLATES_DIR),
        &cfg,
    )?);
    let readme = dir.join(README_FILE);
    if !readme.exists() {
        crate::output::write_file_atomic(dir, README_FILE, fill_year(README, year).as_bytes())?;
        written.push(readme);
    }
    Ok(written)
}

/// True when `path` is a file holding anything but whitespace.
fn has_content(path: &Path) -> bool {
    match std::fs::read(path) {
        Ok(bytes) => bytes.iter().any(|b| !b.is_ascii_whitespace()),
        Err(_) => path.exists(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_loads_with_every_section() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tongbao.toml");
        std::fs::write(&p, example_config(2026)).unwrap();
        let cfg = crate::config::load(&p).unwrap();
        assert_eq!(cfg.units.len(), 3);
        assert_eq!(cfg.semesters[0].name, "2025-2026学年第二学期");
        assert_eq!(cfg.semesters[1].end.to_string(), "2027-01-20");
        // Every key of contract.md is written out with its default.
        assert_eq!(cfg.rules, crate::config::RulesCfg::default());
        assert_eq!(cfg.scoring, crate::config::ScoringCfg::default());
        assert_eq!(cfg.grades, crate::config::GradesCfg::default());
        assert_eq!(cfg.suggestions, crate::config::SuggestionsCfg::default());
        assert!(!example_config(2026).contains('{'));
    }

    #[test]
    fn commented_calendar_year_loads_when_uncommented() {
        let text: String = example_config(2026)
            .lines()
            .map(|l| {
                let keys = [
                    "# [[calendar.year]]",
                    "# year",
                    "# holidays",
                    "# makeup",
                    "# source",
                ];
                let l = if keys.iter().any(|k| l.starts_with(k)) {
                    &l[2..]
                } else {
                    l
                };
                format!("{l}\n")
            })
            .collect();
        let cfg = crate::config::from_toml_str(&text, Path::new(".")).unwrap();
        assert_eq!(cfg.calendar.year[0].year, 2027);
        assert!(cfg.calendar.year[0].source.is_some());
    }

    #[test]
    fn scaffold_writes_everything_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("工作");
        let written = scaffold(&root, 2026).unwrap();
        assert!(root.join("inbox/2026").is_dir());
        assert!(
            root.join(TEMPLATES_DIR)
                .join(crate::template::LEDGER_FILE)
                .is_file()
        );
        assert!(
            root.join(TEMPLATES_DIR)
                .join(crate::template::REGISTER_FILE)
                .is_file()
        );
        assert!(
            std::fs::read_to_string(root.join(README_FILE))
                .unwrap()
                .contains("inbox/2026/")
        );
        assert_eq!(written.len(), 5);
        let before = std::fs::read(root.join("tongbao.toml")).unwrap();
        let err = scaffold(&root, 2026).unwrap_err().to_string();
        assert!(err.contains("已有配置文件"), "{err}");
        assert_eq!(std::fs::read(root.join("tongbao.toml")).unwrap(), before);
    }

    #[test]
    fn empty_config_file_may_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tongbao.toml"), "\n  \n").unwrap();
        assert!(scaffold(dir.path(), 2026).is_ok());
    }
}
