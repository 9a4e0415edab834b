//! Command line (clap derive). Chinese help, English flag names (outputs.md). Raw arguments are
//! checked while parsing (period, as-of date), so a bad command line stops before any work.

use crate::period::Period;
use chrono::NaiveDate;
use clap::{ArgAction, Args, Parser, Subcommand};
use std::path::PathBuf;

/// Help layout with Chinese headings (clap's own words are English).
const HELP: &str = "\
{before-help}{about-with-newline}
用法：{usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "tongbao",
    version,
    about = "安全工作“党政同责、一岗双责”机制：台账汇总、半年跟踪督查、年终考核与通报生成",
    long_about = None,
    help_template = HELP,
    subcommand_help_heading = "命令",
    subcommand_value_name = "命令",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "示例：\n  tongbao init 安全台账2026\n  tongbao check inbox/2026\n  tongbao build --period 2026H1 --as-of 2026-07-15 --doc-number 12\n\n各命令的详细说明：tongbao 命令 --help"
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    /// 显示版本号
    #[arg(short = 'V', long, action = ArgAction::Version, help_heading = "通用选项")]
    pub version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "通用选项")]
pub struct Common {
    /// 配置文件（默认 tongbao.toml）
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 收件文件夹（默认 inbox/<年度>，相对于配置文件）
    #[arg(long, global = true, value_name = "DIR")]
    pub inbox: Option<PathBuf>,
    /// 输出文件夹（build、watch 默认 public，template 默认当前文件夹；相对于当前文件夹）
    #[arg(long, global = true, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// 有任何“错误”级问题时以非零状态（1）退出
    #[arg(long, global = true)]
    pub strict: bool,
    /// 同时读取子文件夹中的文件
    #[arg(long, global = true)]
    pub recursive: bool,
    /// 显示帮助
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    pub help: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 新建工作文件夹：带注释的配置、收件文件夹、空白模板和使用说明
    #[command(help_template = HELP)]
    Init {
        /// 要创建的文件夹
        #[arg(value_name = "DIR", help_heading = "参数")]
        dir: PathBuf,
    },
    /// 生成空白的单位台账模板和保卫处台账模板
    #[command(help_template = HELP)]
    Template,
    /// 只检查文件，按文件列出问题（不写任何文件）
    #[command(help_template = HELP)]
    Check(CheckArgs),
    /// 完整流程：读取收件 → 检查 → 规则 → 评分与否决 → 生成通报、汇总表、反馈和 results.json
    #[command(help_template = HELP)]
    Build(BuildArgs),
    /// 监视收件文件夹，文件变化后自动重新生成（Ctrl-C 结束）
    #[command(help_template = HELP)]
    Watch(WatchArgs),
}

#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "选项")]
pub struct BuildArgs {
    /// 考核期间：2026H1（上半年）、2026H2（下半年）或 2026（年度）
    #[arg(long, value_name = "PERIOD", value_parser = check_period)]
    pub period: String,
    /// 评价基准日（默认今天），如 2026-07-15、2026/7/15 或 20260715
    #[arg(long, value_name = "DATE", value_parser = check_as_of)]
    pub as_of: Option<String>,
    /// 发文字号中的序号，如 12 → 厦城院综〔2026〕12号（从 1 起）
    #[arg(long, value_name = "N", value_parser = check_doc_number)]
    pub doc_number: Option<u32>,
    /// 通报“整改要求”的截止日期（须晚于基准日），如 2027-03-05；不写则按成文日期后的工作日推算
    #[arg(long, value_name = "DATE", value_parser = check_as_of)]
    pub rectification_due: Option<String>,
    /// 用此文件夹中的同名模板替换内置模板
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// 生成后用默认浏览器打开通报（watch：只在第一次生成后打开）
    #[arg(long)]
    pub open: bool,
}

impl BuildArgs {
    /// The assessed period (already checked while parsing).
    pub fn period(&self) -> anyhow::Result<Period> {
        self.period.parse().map_err(anyhow::Error::msg)
    }
    /// `--as-of`, or today (local time).
    pub fn as_of_date(&self) -> anyhow::Result<NaiveDate> {
        match &self.as_of {
            Some(s) => parse_date(s).map_err(anyhow::Error::msg),
            None => Ok(chrono::Local::now().date_naive()),
        }
    }
    /// `--rectification-due`, which must fall after as-of (outputs.md "Settled" 9).
    pub fn rectification_due_date(&self, as_of: NaiveDate) -> anyhow::Result<Option<NaiveDate>> {
        let Some(s) = &self.rectification_due else {
            return Ok(None);
        };
        let due = parse_date(s).map_err(anyhow::Error::msg)?;
        if due <= as_of {
            anyhow::bail!(
                "--rectification-due {due} 不晚于基准日 {as_of}：整改要求的截止日期须在通报成文日期（基准日）之后，请改为 {as_of} 之后的日期"
            );
        }
        Ok(Some(due))
    }
}

/// `check`: the paths, and the period and as-of date that choose versions as `build` does.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "选项")]
pub struct CheckArgs {
    /// 要检查的文件或文件夹
    #[arg(required = true, value_name = "PATH", help_heading = "参数")]
    pub paths: Vec<PathBuf>,
    /// 考核期间（同 build）：按该年度核对封面年度；不给时用收件文件夹名中的年度，再没有则按各文件自己的封面年度
    #[arg(long, value_name = "PERIOD", value_parser = check_period)]
    pub period: Option<String>,
    /// 评价基准日（默认今天）：报送日期晚于此日的文件不计入，与 build 相同
    #[arg(long, value_name = "DATE", value_parser = check_as_of)]
    pub as_of: Option<String>,
    /// 以 json 格式输出到标准输出（问题、文件、未报送单位），供其他程序读取
    #[arg(long)]
    pub json: bool,
}

impl CheckArgs {
    /// `--period`, when given (already checked while parsing).
    pub fn period(&self) -> anyhow::Result<Option<Period>> {
        self.period
            .as_deref()
            .map(|p| p.parse().map_err(anyhow::Error::msg))
            .transpose()
    }
    /// `--as-of`, or today (local time).
    pub fn as_of_date(&self) -> anyhow::Result<NaiveDate> {
        match &self.as_of {
            Some(s) => parse_date(s).map_err(anyhow::Error::msg),
            None => Ok(chrono::Local::now().date_naive()),
        }
    }
}

/// `watch`: the build arguments plus how to watch.
#[derive(Debug, Args, Clone)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// 用轮询方式监视（网络共享文件夹收不到变化通知时使用）
    #[arg(long, help_heading = "选项")]
    pub poll: bool,
    /// 文件变化后等待多少秒再重新生成
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 2,
        value_parser = check_seconds,
        allow_negative_numbers = true,
        help_heading = "选项"
    )]
    pub debounce: u64,
}

fn check_period(s: &str) -> Result<String, String> {
    s.parse::<Period>().map(|p| p.to_string())
}

/// `--debounce`: whole seconds, 0–3600.
fn check_seconds(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(n) if n <= 3600 => Ok(n),
        _ => Err(format!("秒数“{s}”无效，应为 0 到 3600 之间的整数，如 2")),
    }
}

/// 发文字号的序号: a whole number from 1, no zero padding in the output.
fn check_doc_number(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("发文字号序号“{s}”无效，应为从 1 起的整数，如 12")),
    }
}

fn check_as_of(s: &str) -> Result<String, String> {
    parse_date(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A date typed on the command line: `2026-07-15`, `2026/7/15`, `2026.7.15`, `20260715`,
/// `2026年7月15日`, full-width digits allowed.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("日期“{s}”无法识别，应写作 2026-07-15、2026/7/15 或 20260715");
    let t: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '年' | '月' | '/' | '.' | '／' | '－' => '-',
            _ => c,
        })
        .filter(|c| *c != '日')
        .collect();
    let (y, m, d) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        (&t[0..4], &t[4..6], &t[6..8])
    } else {
        let mut it = t.split('-');
        match (it.next(), it.next(), it.next(), it.next()) {
            (Some(y), Some(m), Some(d), None) => (y, m, d),
            _ => return Err(bad()),
        }
    };
    let num = |x: &str| x.trim().parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
        return Err(bad());
    };
    if !(1990..=2099).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_are_read_forgivingly() {
        let want = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        for s in [
            "2026-07-15",
            "2026/7/15",
            "20260715",
            "2026.7.15",
            "2026年7月15日",
            "２０２６-０７-１５",
        ] {
            assert_eq!(parse_date(s), Ok(want), "{s}");
        }
        for s in ["2026-02-30", "15/7/2026", "明天", "2026-7", ""] {
            let e = parse_date(s).unwrap_err();
            assert!(e.contains("无法识别"), "{s}: {e}");
        }
    }

    #[test]
    fn build_args_are_checked_while_parsing() {
        let cli = Cli::try_parse_from([
            "tongbao", "build", "--period", "2026h1", "--as-of", "2026/7/5",
        ])
        .unwrap();
        let Command::Build(args) = cli.command else {
            panic!("not build")
        };
        assert_eq!(args.period, "2026H1");
        assert_eq!(args.as_of.as_deref(), Some("2026-07-05"));
        assert_eq!(
            args.as_of_date().unwrap(),
            NaiveDate::from_ymd_opt(2026, 7, 5).unwrap()
        );
        assert!(Cli::try_parse_from(["tongbao", "build", "--period", "2026H3"]).is_err());
        assert!(
            Cli::try_parse_from(["tongbao", "build", "--period", "2026", "--as-of", "x"]).is_err()
        );
    }

    #[test]
    fn watch_takes_build_args() {
        let cli = Cli::try_parse_from(["tongbao", "watch", "--period", "2026", "--poll"]).unwrap();
        let Command::Watch(w) = cli.command else {
            panic!("not watch")
        };
        assert!(w.poll);
        assert_eq!(w.debounce, 2);
        assert_eq!(w.build.period, "2026");
    }
}
