//! One file per subcommand: orchestration only.

pub mod build;
pub mod check;
pub mod init;
pub mod template;
pub mod verify;
pub mod watch;

use crate::cli::{Cli, Command, Common};
use crate::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

/// Parse the command line, run, map the result to an exit code: 0 done, 1 `--strict` with
/// error findings, 2 bad command line / bad config / unusable inbox.
pub fn main() -> ExitCode {
    use clap::Parser;
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    let result = match &cli.command {
        Command::Init { dir } => init::run(&cli.common, dir),
        Command::Template => template::run(&cli.common, cli.common.out.as_deref()),
        Command::Check(args) => check::run(&cli.common, args),
        Command::Build(args) => build::run(&cli.common, args),
        Command::Watch(args) => watch::run(&cli.common, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            print_error(&e);
            ExitCode::from(2)
        }
    }
}

/// A fatal error on stderr: 错误：… then each cause on its own 原因： line.
pub fn print_error(e: &anyhow::Error) {
    eprintln!("错误：{e}");
    for cause in e.chain().skip(1) {
        eprintln!("  原因：{cause}");
    }
}

/// Help and version go to stdout with status 0; a bad command line gets a Chinese first line,
/// clap's detail, and status 2.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
        print!("{e}");
        return ExitCode::SUCCESS;
    }
    let what = match e.kind() {
        K::InvalidValue | K::ValueValidation => "参数的值无效",
        K::UnknownArgument => "不认识的选项",
        K::InvalidSubcommand => "没有这个命令（可用：init、template、check、build、watch）",
        K::MissingRequiredArgument => "缺少必需的参数",
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            "请指定命令：init、template、check、build 或 watch"
        }
        K::ArgumentConflict => "选项相互冲突",
        K::TooManyValues | K::WrongNumberOfValues => "参数过多",
        _ => "命令行有误",
    };
    eprintln!("命令行有误：{what}。用 tongbao --help 查看用法。");
    eprint!("{}", clap_detail(&e.render().to_string()));
    ExitCode::from(2)
}

/// clap's rendered error with its English framing turned Chinese.
fn clap_detail(rendered: &str) -> String {
    let mut out = String::new();
    for line in rendered.lines() {
        if line.starts_with("For more information") {
            continue;
        }
        let line = if let Some(r) = line.strip_prefix("error: ") {
            format!("详情：{r}")
        } else if let Some(r) = line.strip_prefix("Usage: ") {
            format!("用法：{r}")
        } else {
            line.replace("  tip: ", "  提示：")
        };
        out.push_str(&line);
        out.push('\n');
    }
    format!("{}\n", out.trim_end())
}

/// The config file's default name (in the current folder; `init` writes it).
pub const CONFIG_FILE: &str = "tongbao.toml";

/// The config file named by `--config`, or `tongbao.toml` in the current folder.
pub fn config_path(common: &Common) -> PathBuf {
    common
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from(CONFIG_FILE))
}

/// Load the config named on the command line.
pub fn load_config(common: &Common) -> anyhow::Result<Config> {
    let path = config_path(common);
    // The error already names the file, the key and the line.
    Ok(crate::config::load(&path)?)
}

/// `--inbox`, else `inbox/<year>` beside the config file.
pub fn inbox_dir(common: &Common, cfg: &Config, year: i32) -> PathBuf {
    match &common.inbox {
        Some(p) => p.clone(),
        None => cfg.base_dir.join("inbox").join(year.to_string()),
    }
}
