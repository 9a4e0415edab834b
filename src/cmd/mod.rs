//! One file per subcommand: orchestration only.

pub mod build;
pub mod check;
pub mod init;
pub mod template;
pub mod watch;

use crate::cli::{Cli, Command, Common};
use crate::config::Config;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Parse the command line, run, map the result to an exit code.
pub fn main() -> ExitCode {
    use clap::Parser;
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Init { dir } => init::run(&cli.common, dir),
        Command::Template { out } => template::run(&cli.common, out.as_deref()),
        Command::Check { paths } => check::run(&cli.common, paths),
        Command::Build(args) => build::run(&cli.common, args),
        Command::Watch(args) => watch::run(&cli.common, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e}");
            for cause in e.chain().skip(1) {
                eprintln!("  原因：{cause}");
            }
            ExitCode::from(2)
        }
    }
}

/// The config file named by `--config`, or `tongbao.toml` in the current folder.
pub fn config_path(common: &Common) -> PathBuf {
    common
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from("tongbao.toml"))
}

/// Load the config named on the command line.
pub fn load_config(common: &Common) -> anyhow::Result<Config> {
    let path = config_path(common);
    crate::config::load(&path).with_context(|| format!("配置文件 {}", path.display()))
}

/// `--inbox`, else `inbox/<year>` beside the config file.
pub fn inbox_dir(common: &Common, cfg: &Config, year: i32) -> PathBuf {
    match &common.inbox {
        Some(p) => p.clone(),
        None => cfg.base_dir.join("inbox").join(year.to_string()),
    }
}

/// Resolve a path given relative to the config file.
pub fn relative_to_config(cfg: &Config, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cfg.base_dir.join(p)
    }
}
