//! clap's words in Chinese. Command-line mistakes are rebuilt from each error's kind and context
//! (the argument, the value, clap's suggestion) instead of translating its English sentences;
//! help pages get their remaining English markers (`[default: 2]`, `[OPTIONS]`…) replaced.
//! Flag names stay English: they are the contract.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The commands, for messages that list them.
const COMMANDS: &str = "init、template、check、build、watch";

/// The whole message for a command-line mistake: what is wrong, clap's suggestion, the usage
/// line and where to find help, all Chinese. `args` is the command line (for the subcommand
/// when clap's error does not carry a usage line).
pub fn error_text(e: &clap::Error, args: &[String]) -> String {
    let mut out = format!("命令行有误：{}", what(e));
    if let Some(s) = suggestion(e) {
        out.push_str(&s);
    }
    out.push('\n');
    if let Some(usage) = ctx(e, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n用法：{}\n", help_text(usage).trim_end()));
    }
    let cmd = match subcommand(args) {
        Some(sub) => format!("tongbao {sub}"),
        None => "tongbao".into(),
    };
    out.push_str(&format!("\n查看用法和示例：{cmd} --help\n"));
    out
}

/// The subcommand named on the command line, if any.
fn subcommand(args: &[String]) -> Option<&str> {
    args.iter()
        .skip(1)
        .map(String::as_str)
        .find(|a| COMMANDS.split('、').any(|c| c == *a))
}

/// One context value as text (lists joined with 、).
fn ctx(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// An argument as users typed it: `--period <PERIOD>` → `--period`; a positional `<DIR>` stays.
fn arg_name(e: &clap::Error) -> String {
    let a = ctx(e, ContextKind::InvalidArg).unwrap_or_default();
    match a.split_once([' ', '=']) {
        Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
        _ => a,
    }
}

fn what(e: &clap::Error) -> String {
    let arg = arg_name(e);
    let value = ctx(e, ContextKind::InvalidValue).unwrap_or_default();
    let count = |k| ctx(e, k).unwrap_or_else(|| "?".into());
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("选项 {arg} 后面缺少值"),
        ErrorKind::InvalidValue => {
            let mut s = format!("选项 {arg} 的值“{value}”无效");
            if let Some(valid) = ctx(e, ContextKind::ValidValue) {
                s.push_str(&format!("，可用的值：{valid}"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let mut s = format!("选项 {arg} 的值“{value}”无效");
            // Our own value parsers explain in Chinese; a library's English reason is left out.
            if let Some(src) = std::error::Error::source(e).map(ToString::to_string)
                && !src.is_ascii()
            {
                s = format!("{s}：{src}");
            }
            s
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("不认识的选项 {arg}"),
        ErrorKind::UnknownArgument => format!("多余的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有“{sub}”这个命令（可用的命令：{COMMANDS}）")
        }
        ErrorKind::NoEquals => format!("选项 {arg} 的值要用等号连写，如 {arg}=值"),
        ErrorKind::TooManyValues if arg.is_empty() => format!("多余的参数“{value}”"),
        ErrorKind::TooManyValues => format!("选项 {arg} 的值太多，多出了“{value}”"),
        ErrorKind::TooFewValues => format!(
            "选项 {arg} 至少要有 {} 个值，实际只有 {} 个",
            count(ContextKind::MinValues),
            count(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "选项 {arg} 要有 {} 个值，实际有 {} 个",
            count(ContextKind::ExpectedNumValues),
            count(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => conflict(e, &arg),
        ErrorKind::MissingRequiredArgument => format!(
            "缺少必需的参数：{}",
            ctx(e, ContextKind::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("请指定要运行的命令：{COMMANDS}")
        }
        ErrorKind::InvalidUtf8 => "命令行中有无法识别的字符（不是 UTF-8 编码的文字）".into(),
        ErrorKind::Io | ErrorKind::Format => "无法在终端上显示信息".into(),
        _ => "无法识别这条命令".into(),
    }
}

fn conflict(e: &clap::Error, arg: &str) -> String {
    let prior = ctx(e, ContextKind::PriorArg);
    let full = ctx(e, ContextKind::InvalidArg);
    if arg.is_empty() {
        let sub = ctx(e, ContextKind::InvalidSubcommand).unwrap_or_default();
        return format!("命令 {sub} 不能与其他参数同时使用");
    }
    match prior {
        Some(p) if Some(&p) == full.as_ref() => format!("选项 {arg} 只能写一次"),
        Some(p) => {
            let p = p.split(' ').next().unwrap_or(&p).to_string();
            format!("选项 {arg} 不能与 {p} 同时使用")
        }
        None => format!("选项 {arg} 不能与其他选项同时使用"),
    }
}

/// clap's "did you mean" and tips, in Chinese.
fn suggestion(e: &clap::Error) -> Option<String> {
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = ctx(e, kind) {
            return Some(format!("。是否想写 {s}？"));
        }
    }
    let tips = ctx(e, ContextKind::Suggested)?;
    if tips.contains("as a value") {
        let arg = arg_name(e);
        return Some(format!(
            "。如果 {arg} 是要填的值而不是选项，请在它前面加 -- （如 -- {arg}）"
        ));
    }
    None
}

/// A rendered help page with clap's remaining English words in Chinese.
pub fn help_text(rendered: &str) -> String {
    let mut s = rendered
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("[default: ", "[默认：")
        .replace("[possible values: ", "[可选值：")
        .replace("[aliases: ", "[别名：")
        .replace("[env: ", "[环境变量：");
    if let Some(rest) = s.strip_prefix("Usage: ") {
        s = format!("用法：{rest}");
    }
    // Section headings (`选项:`) end with clap's ASCII colon.
    s.lines()
        .map(|l| match l.strip_suffix(':') {
            Some(h) if !h.starts_with(' ') && !h.is_ascii() => format!("{h}：\n"),
            _ => format!("{l}\n"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{Arg, ArgAction, Command, Parser};

    /// No English left besides flag names, placeholders, command, file and value names and
    /// what the user typed (quoted “…”).
    fn assert_chinese(text: &str) {
        let mut unquoted = String::new();
        let mut quoted = false;
        for c in text.chars() {
            match c {
                '“' => quoted = true,
                '”' => quoted = false,
                _ if !quoted => unquoted.push(c),
                _ => {}
            }
        }
        let text = unquoted.as_str();
        let allowed = [
            "tongbao", "init", "template", "check", "build", "watch", "help", "PERIOD", "DATE",
            "DIR", "PATH", "FILE", "SECONDS", "UTF", "Ctrl-C", "results", "json", "toml", "inbox",
            "public",
        ];
        for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
            let w = word.trim_start_matches('-');
            let flag = word.starts_with("--") || word.starts_with('-') && w.len() == 1;
            let latin = w.chars().filter(char::is_ascii_alphabetic).count();
            let value_like = w.chars().any(|c| c.is_ascii_digit());
            assert!(
                latin < 2 || flag || value_like || allowed.contains(&w),
                "English word “{word}” in:\n{text}"
            );
        }
    }

    fn err(args: &[&str]) -> (ErrorKind, String) {
        let e = Cli::try_parse_from(args).unwrap_err();
        let owned: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let text = error_text(&e, &owned);
        assert_chinese(&text);
        (e.kind(), text)
    }

    #[test]
    fn every_mistake_on_our_command_line_is_chinese() {
        let cases: [(&[&str], ErrorKind, &str); 10] = [
            (
                &["tongbao", "build", "--period"],
                ErrorKind::InvalidValue,
                "选项 --period 后面缺少值",
            ),
            (
                &["tongbao", "build", "--period", "2026H3"],
                ErrorKind::ValueValidation,
                "选项 --period 的值“2026H3”无效：考核期间",
            ),
            (
                &[
                    "tongbao",
                    "build",
                    "--period",
                    "2026",
                    "--as-of",
                    "2026-02-30",
                ],
                ErrorKind::ValueValidation,
                "日期“2026-02-30”无法识别",
            ),
            (
                &["tongbao", "watch", "--period", "2026", "--debounce", "x"],
                ErrorKind::ValueValidation,
                "选项 --debounce 的值“x”无效：",
            ),
            (
                &[
                    "tongbao",
                    "build",
                    "--period",
                    "2026",
                    "--as-off",
                    "2026-07-15",
                ],
                ErrorKind::UnknownArgument,
                "不认识的选项 --as-off。是否想写 --as-of？",
            ),
            (
                &["tongbao", "init", "a", "b"],
                ErrorKind::UnknownArgument,
                "多余的参数“b”",
            ),
            (
                &["tongbao", "biuld"],
                ErrorKind::InvalidSubcommand,
                "没有“biuld”这个命令（可用的命令：init、template、check、build、watch）。是否想写 build？",
            ),
            (
                &["tongbao", "build"],
                ErrorKind::MissingRequiredArgument,
                "缺少必需的参数：--period <PERIOD>",
            ),
            (
                &["tongbao"],
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
                "请指定要运行的命令",
            ),
            (
                &["tongbao", "build", "--period", "2026", "--period", "2026H1"],
                ErrorKind::ArgumentConflict,
                "选项 --period 只能写一次",
            ),
        ];
        for (args, kind, want) in cases {
            let (k, text) = err(args);
            assert_eq!(k, kind, "{args:?}: {text}");
            assert!(text.contains(want), "{args:?}: {text}");
            assert!(text.contains("查看用法和示例：tongbao"), "{text}");
        }
        let (_, text) = err(&["tongbao", "build", "--period", "2026H3"]);
        assert!(
            text.contains("查看用法和示例：tongbao build --help"),
            "{text}"
        );
        let (_, text) = err(&["tongbao", "build"]);
        assert!(
            text.contains("用法：tongbao build --period <PERIOD>"),
            "{text}"
        );
        assert!(
            text.contains("查看用法和示例：tongbao build --help"),
            "{text}"
        );
    }

    #[test]
    fn kinds_our_command_line_cannot_produce_are_chinese_too() {
        let cmd = || {
            Command::new("tongbao")
                .arg(Arg::new("eq").long("eq").require_equals(true))
                .arg(Arg::new("two").long("two").num_args(2))
                .arg(Arg::new("few").long("few").num_args(2..=3))
                .arg(
                    Arg::new("one")
                        .long("one")
                        .num_args(1)
                        .action(ArgAction::Set),
                )
                .arg(
                    Arg::new("a")
                        .long("a")
                        .action(ArgAction::SetTrue)
                        .conflicts_with("b"),
                )
                .arg(Arg::new("b").long("b").action(ArgAction::SetTrue))
                .arg(Arg::new("mode").long("mode").value_parser(["fast", "slow"]))
        };
        let cases: [(&[&str], ErrorKind, &str); 5] = [
            (
                &["tongbao", "--eq", "x"],
                ErrorKind::NoEquals,
                "选项 --eq 的值要用等号连写，如 --eq=值",
            ),
            (
                &["tongbao", "--two", "x", "--a"],
                ErrorKind::WrongNumberOfValues,
                "选项 --two 要有 2 个值，实际有 1 个",
            ),
            (
                &["tongbao", "--few", "x", "--a"],
                ErrorKind::TooFewValues,
                "选项 --few 至少要有 2 个值，实际只有 1 个",
            ),
            (
                &["tongbao", "--a", "--b"],
                ErrorKind::ArgumentConflict,
                "选项 --a 不能与 --b 同时使用",
            ),
            (
                &["tongbao", "--mode", "fsat"],
                ErrorKind::InvalidValue,
                "选项 --mode 的值“fsat”无效，可用的值：fast、slow。是否想写 fast？",
            ),
        ];
        for (args, kind, want) in cases {
            let e = cmd().try_get_matches_from(args).unwrap_err();
            assert_eq!(e.kind(), kind, "{args:?}");
            let text = error_text(&e, &[]);
            assert!(text.contains(want), "{args:?}: {text}");
        }
        let e = Command::new("tongbao")
            .arg(Arg::new("x").num_args(1))
            .try_get_matches_from(["tongbao", "a", "b"])
            .unwrap_err();
        assert!(
            error_text(&e, &[]).contains("多余的参数“b”"),
            "{}",
            error_text(&e, &[])
        );
        let e = Command::new("tongbao")
            .subcommand_required(true)
            .arg(Arg::new("a").long("a").action(ArgAction::SetTrue))
            .subcommand(Command::new("build"))
            .try_get_matches_from(["tongbao", "--a"])
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MissingSubcommand);
        assert!(error_text(&e, &[]).contains("请指定要运行的命令"));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let bad = std::ffi::OsStr::from_bytes(b"\xFF");
            let e = Command::new("tongbao")
                .arg(Arg::new("x"))
                .try_get_matches_from([std::ffi::OsStr::new("tongbao"), bad])
                .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
            assert!(error_text(&e, &[]).contains("不是 UTF-8 编码"));
        }
    }

    #[test]
    fn help_pages_have_no_english_markers() {
        for args in [
            &["tongbao", "--help"][..],
            &["tongbao", "build", "--help"],
            &["tongbao", "watch", "--help"],
            &["tongbao", "check", "--help"],
            &["tongbao", "init", "--help"],
            &["tongbao", "template", "--help"],
        ] {
            let e = Cli::try_parse_from(args).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::DisplayHelp);
            let text = help_text(&e.render().to_string());
            assert_chinese(&text);
            assert!(!text.contains("项:") && text.contains("选项："), "{text}");
            assert!(
                !text.contains("default") && !text.contains("Usage"),
                "{text}"
            );
        }
        let e = Cli::try_parse_from(["tongbao", "watch", "--help"]).unwrap_err();
        assert!(help_text(&e.render().to_string()).contains("[默认：2]"));
    }
}
