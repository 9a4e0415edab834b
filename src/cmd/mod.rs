//! One file per subcommand: orchestration only.

pub mod build;
pub mod check;
pub mod console;
pub mod init;
pub mod menu;
pub mod messages;
pub mod open;
pub mod template;
pub mod verify;
pub mod watch;

use crate::cli::{Cli, Command, Common};
use crate::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

/// The program: the double-click menu or a drop check when `menu` says so (issue 11), else
/// the command line as given.
pub fn main() -> ExitCode {
    console::prepare();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(code) = menu::intercept(&args) {
        return code;
    }
    run_args(args)
}

/// Parse one command line (the program's, or one the menu made), run, map the result to an
/// exit code: 0 done, 1 `--strict` with error findings, 2 bad command line / bad config /
/// unusable inbox.
pub fn run_args(args: Vec<std::ffi::OsString>) -> ExitCode {
    use clap::Parser;
    let cli = match Cli::try_parse_from(args) {
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

/// A fatal error on stderr: 错误：… then each cause on its own 原因： line; an operating-system
/// error is explained in Chinese (没有写入权限, 磁盘已满 …), never shown in English.
pub fn print_error(e: &anyhow::Error) {
    eprintln!("错误：{}", cause_text(e.as_ref()));
    for cause in e.chain().skip(1) {
        eprintln!("  原因：{}", cause_text(cause));
    }
}

fn cause_text(cause: &(dyn std::error::Error + 'static)) -> String {
    match cause.downcast_ref::<std::io::Error>() {
        Some(io) => crate::oserror::explain(io, crate::oserror::Access::Write),
        None => cause.to_string(),
    }
}

/// Help and version go to stdout with status 0; a bad command line gets a Chinese message
/// (`crate::clap_cn`) and status 2.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    let rendered = crate::clap_cn::help_text(&e.render().to_string());
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => {
            print!("{rendered}");
            ExitCode::SUCCESS
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("命令行有误：请指定要运行的命令。\n");
            eprint!("{rendered}");
            ExitCode::from(2)
        }
        _ => {
            let args: Vec<String> = std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            eprint!("{}", crate::clap_cn::error_text(&e, &args));
            ExitCode::from(2)
        }
    }
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
