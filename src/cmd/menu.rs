//! Double-click use (issue 11). Started with no arguments and stdin a terminal — a double-click
//! in Windows Explorer opens a console for the program — tongbao shows a short Chinese menu
//! instead of a usage error and ends with 按回车键退出, so the window never flashes and vanishes.
//! Files or folders dropped onto the exe arrive as arguments that are existing paths: they are
//! checked. Any other command line, or stdin not a terminal, runs exactly as before.
//!
//! Every menu item runs the ordinary command through `cmd::run_args`, so the menu adds no
//! behaviour of its own.

use super::{CONFIG_FILE, console};
use crate::eval::PeriodKind;
use crate::period::Period;
use chrono::{Datelike, NaiveDate};
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const COMMANDS: [&str; 5] = ["init", "template", "check", "build", "watch"];

/// The menu or the drop check, when the command line asks for one; `None` = parse as usual.
pub fn intercept(args: &[OsString]) -> Option<ExitCode> {
    if args.len() == 1 && std::io::stdin().is_terminal() {
        return Some(run_menu().map_or(ExitCode::SUCCESS, |code| {
            pause();
            code
        }));
    }
    if is_drop(args) {
        let code = check_dropped(&args[1..]);
        if console::owns_console() && std::io::stdin().is_terminal() {
            pause();
        }
        return Some(code);
    }
    None
}

/// Every argument is an existing file or folder and the first is not a command name or option:
/// what Explorer passes when files are dropped onto the exe (a usage error before).
fn is_drop(args: &[OsString]) -> bool {
    let Some(first) = args.get(1) else {
        return false;
    };
    let first = first.to_string_lossy();
    !first.starts_with('-')
        && !COMMANDS.contains(&first.as_ref())
        && args[1..].iter().all(|a| Path::new(a).exists())
}

fn check_dropped(paths: &[OsString]) -> ExitCode {
    let mut args: Vec<OsString> = vec!["tongbao".into()];
    if let Some(dir) = work_folder() {
        args.extend(["--config".into(), dir.join(CONFIG_FILE).into_os_string()]);
    }
    args.push("check".into());
    args.extend(paths.iter().cloned());
    super::run_args(args)
}

/// The work folder: the current folder if it has a `tongbao.toml`, else the exe's folder.
fn work_folder() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok();
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    [cwd, exe_dir]
        .into_iter()
        .flatten()
        .find(|d| d.join(CONFIG_FILE).is_file())
}

/// Periods to offer on `today`, the likeliest first: from July the year's H1 (then H2 and a
/// year preview); before July the previous year (year assessment, then its H2), then this H1.
pub fn suggested_periods(today: NaiveDate) -> Vec<Period> {
    let y = today.year();
    let p = |year, kind| Period { year, kind };
    if today.month() >= 7 {
        vec![
            p(y, PeriodKind::H1),
            p(y, PeriodKind::H2),
            p(y, PeriodKind::Year),
        ]
    } else {
        vec![
            p(y - 1, PeriodKind::Year),
            p(y - 1, PeriodKind::H2),
            p(y, PeriodKind::H1),
        ]
    }
}

/// `None` when the clerk chose 0 or input ended: exit at once, nothing to read.
fn run_menu() -> Option<ExitCode> {
    println!(
        "tongbao {} 安全工作台账汇总与通报",
        env!("CARGO_PKG_VERSION")
    );
    let dir = match work_folder() {
        Some(dir) => dir,
        None => {
            let dir = setup_menu()?;
            println!();
            dir
        }
    };
    work_menu(&dir)
}

/// Outside a work folder: create one here (`init .`) or try the sample beside the exe.
fn setup_menu() -> Option<PathBuf> {
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let sample = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("示例")))
        .filter(|d| d.join(CONFIG_FILE).is_file());
    println!(
        "当前文件夹 {} 还不是工作文件夹（没有 {CONFIG_FILE}）。",
        here.display()
    );
    println!("  1  在这里新建工作文件夹（配置、收件文件夹、空白模板和使用说明）");
    if sample.is_some() {
        println!("  2  试用示例数据（示例 文件夹）");
    }
    println!("  0  退出");
    match ask(if sample.is_some() { 2 } else { 1 })? {
        1 => {
            let code = super::run_args(vec!["tongbao".into(), "init".into(), ".".into()]);
            if code == ExitCode::SUCCESS {
                return Some(here);
            }
            pause();
            None
        }
        _ => sample,
    }
}

/// The work menu; `None` when the clerk chose 0 (exit at once, no pause).
fn work_menu(dir: &Path) -> Option<ExitCode> {
    let config = dir.join(CONFIG_FILE);
    let periods = suggested_periods(chrono::Local::now().date_naive());
    let year = periods[0].year;
    println!("工作文件夹：{}", dir.display());
    println!("  1  检查收件文件夹（inbox/{year}）");
    println!("  2  生成上半年/下半年/年度通报");
    println!("  3  生成空白模板（模板 文件夹）");
    println!("  4  打开最新通报");
    println!("  0  退出");
    let base = |cmd: &str| -> Vec<OsString> {
        vec![
            "tongbao".into(),
            "--config".into(),
            config.clone().into_os_string(),
            cmd.into(),
        ]
    };
    let out = dir.join("public");
    let args = match ask(4) {
        None => return None,
        Some(1) => [
            base("check"),
            vec![dir.join("inbox").join(year.to_string()).into()],
        ]
        .concat(),
        Some(2) => {
            let p = choose_period(&periods)?;
            let period = vec!["--period".into(), p.to_string().into()];
            [base("build"), period, vec!["--out".into(), out.into()]].concat()
        }
        Some(3) => [
            base("template"),
            vec!["--out".into(), dir.join("模板").into()],
        ]
        .concat(),
        Some(_) => return Some(super::open::open_latest(&out)),
    };
    Some(super::run_args(args))
}

fn choose_period(periods: &[Period]) -> Option<Period> {
    for (i, p) in periods.iter().enumerate() {
        let what = if p.is_year() {
            "年终考核"
        } else {
            "跟踪督查"
        };
        println!("  {}  {}{what}（{p}）", i + 1, p.label_cn());
    }
    println!("  0  返回");
    let n = ask_or(periods.len(), Some(1))?;
    periods.get(n.checked_sub(1)?).copied()
}

fn ask(max: usize) -> Option<usize> {
    ask_or(max, None)
}

/// Read a number 0..=max (Enter = `default`); `None` for 0 or end of input.
fn ask_or(max: usize, default: Option<usize>) -> Option<usize> {
    let stdin = std::io::stdin();
    for _ in 0..5 {
        match default {
            Some(d) => print!("请输入数字后按回车（直接按回车 = {d}）："),
            None => print!("请输入数字后按回车："),
        }
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        if stdin.lock().read_line(&mut line).unwrap_or(0) == 0 {
            return None;
        }
        let t = line.trim();
        let n = if t.is_empty() {
            default
        } else {
            parse_digit(t)
        };
        match n {
            Some(0) => return None,
            Some(n) if n <= max => return Some(n),
            _ => println!("请输入 0 到 {max} 之间的数字。"),
        }
    }
    None
}

/// `1`, `１` (full width) or `1.` as typed with a Chinese input method.
fn parse_digit(t: &str) -> Option<usize> {
    let t: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    t.trim_end_matches(['.', '。', '、']).parse().ok()
}

/// 按回车键退出: keeps a console the program owns open until the clerk has read it.
fn pause() {
    print!("\n按回车键退出");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_date_suggests_the_period() {
        let first = |t| suggested_periods(t)[0].to_string();
        assert_eq!(first(d(2026, 7, 10)), "2026H1");
        assert_eq!(first(d(2026, 12, 3)), "2026H1");
        assert_eq!(first(d(2027, 1, 12)), "2026");
        assert_eq!(first(d(2027, 6, 30)), "2026");
        let jan: Vec<String> = suggested_periods(d(2027, 1, 12))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(jan, ["2026", "2026H2", "2027H1"]);
    }

    #[test]
    fn digits_are_read_forgivingly() {
        assert_eq!(parse_digit("1"), Some(1));
        assert_eq!(parse_digit("２"), Some(2));
        assert_eq!(parse_digit("3."), Some(3));
        assert_eq!(parse_digit("x"), None);
    }

    #[test]
    fn only_existing_paths_are_a_drop() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let here = env!("CARGO_MANIFEST_DIR");
        assert!(is_drop(&os(&["tongbao", here])));
        assert!(!is_drop(&os(&["tongbao"])));
        assert!(!is_drop(&os(&["tongbao", "check", here])));
        assert!(!is_drop(&os(&["tongbao", "--version"])));
        assert!(!is_drop(&os(&["tongbao", here, "no-such-file.xlsx"])));
    }
}
