//! What the binary says, end to end: command-line mistakes, config syntax and encoding errors and
//! operating-system errors are Chinese with a way out; `watch` rebuilds when the config or
//! `按语.md` changes and names the file.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::support::roster::ROSTER as CONFIG;

fn bin(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tongbao"));
    c.current_dir(dir).env_remove("TONGBAO_TEST_PAUSE");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin(dir).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No run of two or more Latin letters outside flag names, file names and quoted values.
fn assert_no_english(text: &str) {
    let allowed = [
        "tongbao", "build", "check", "init", "template", "watch", "toml", "PERIOD", "UTF", "GBK",
        "ANSI", "WPS", "TOML", "Excel", "period", "as", "of", "out", "help", "public", "inbox",
        "xlsx", "html", "index", "results", "json", "md", "PATH", "DIR", "name", "afile",
        "aliases",
    ];
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let latin = word.chars().filter(char::is_ascii_alphabetic).count();
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        assert!(
            latin < 2 || has_digit || allowed.contains(&word),
            "English “{word}” in:\n{text}"
        );
    }
}

#[test]
fn command_line_mistakes_are_chinese_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for (args, want) in [
        (
            &["build", "--period", "2026H3"][..],
            "选项 --period 的值“2026H3”无效",
        ),
        (&["build"], "缺少必需的参数：--period <PERIOD>"),
        (&["biuld"], "是否想写 build？"),
        (
            &["build", "--period", "2026", "--frob"],
            "不认识的选项 --frob",
        ),
        (
            &["watch", "--period", "2026", "--debounce", "-1"],
            "选项 --debounce 的值“-1”无效：秒数“-1”无效",
        ),
    ] {
        let o = run(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("命令行有误：") && err.contains(want),
            "{args:?}: {err}"
        );
        assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    }
    let help = run(dir.path(), &["watch", "--help"]);
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(
        text.contains("[默认：2]") && !text.contains("default"),
        "{text}"
    );
}

#[test]
fn config_syntax_and_encoding_errors_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[u8], &str); 3] = [
        (
            "[school]\nname = “学工处”\n".as_bytes(),
            "第2行：这一行用了中文（全角）标点：中文引号“”（应为英文双引号 \"）",
        ),
        (
            "[school]\nname = \"x\"\n[[units]]\nname = \"信息工程系\"\nkind = \"系部\"\naliases = [\"信息系\"，\"信息工程学院\"]\n"
                .as_bytes(),
            "第6行：这一行用了中文（全角）标点：全角逗号，（应为英文逗号 ,）",
        ),
        (
            b"[school]\nname = \"\xD1\xA7\xB9\xA4\xB4\xA6\"\n",
            "不是 UTF-8 编码（第2行起有无法识别的文字，多半是按 GBK/ANSI 编码保存的）。请用记事本打开它",
        ),
    ];
    for (bytes, want) in cases {
        std::fs::write(dir.path().join("tongbao.toml"), bytes).unwrap();
        let o = run(
            dir.path(),
            &["build", "--period", "2026H1", "--as-of", "2026-07-15"],
        );
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains(want), "{err}");
        assert_no_english(&err);
    }
    let o = run(
        dir.path(),
        &["build", "--period", "2026H1", "--config", "none.toml"],
    );
    assert!(stderr(&o).contains("无法读取配置文件 none.toml：文件不存在"));
}

#[test]
fn os_errors_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tongbao.toml"), CONFIG).unwrap();
    // --out below a file: the OS says "Not a directory"; the user reads Chinese.
    std::fs::write(dir.path().join("afile"), "x").unwrap();
    let o = run(
        dir.path(),
        &[
            "build",
            "--period",
            "2026H1",
            "--as-of",
            "2026-07-15",
            "--out",
            "afile/out",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("路径中有一部分是文件而不是文件夹（系统错误代码 20）"),
        "{err}"
    );
    assert_no_english(&err);
}

fn lines_of(child: &mut std::process::Child) -> Receiver<String> {
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for(rx: &Receiver<String>, want: &str) -> bool {
    line_with(rx, want).is_some()
}

/// The next line containing `want` (30 s at most).
fn line_with(rx: &Receiver<String>, want: &str) -> Option<String> {
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
        if line.contains(want) {
            return Some(line);
        }
    }
    None
}

/// `12:03:04 重新生成完成（0.41 秒）`: the time of day, then the seconds with two decimals.
fn is_timed(line: &str, done: &str) -> bool {
    let Some((clock, rest)) = line.split_once(' ') else {
        return false;
    };
    let secs = rest
        .strip_prefix(done)
        .and_then(|r| r.strip_prefix('（'))
        .and_then(|r| r.strip_suffix(" 秒）"));
    let two_decimals = secs
        .and_then(|s| s.split_once('.'))
        .is_some_and(|(i, f)| i.parse::<u32>().is_ok() && f.len() == 2 && f.parse::<u8>().is_ok());
    chrono::NaiveTime::parse_from_str(clock, "%H:%M:%S").is_ok() && two_decimals
}

#[test]
fn watch_rebuilds_on_config_and_prose_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("tongbao.toml"), CONFIG).unwrap();
    std::fs::create_dir_all(d.join("inbox/2026")).unwrap();
    let mut child = bin(d)
        .args(["watch", "--period", "2026H1", "--as-of", "2026-07-15"])
        .args(["--debounce", "0", "--out", "out"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    // The first build's line, then the watching notice (asserted after the child is ended).
    let first = line_with(&rx, "生成完成（").unwrap_or_default();
    let started = wait_for(&rx, "正在监视");
    std::thread::sleep(Duration::from_millis(300));
    let config = CONFIG.replace("测试学院", "改名学院");
    std::fs::write(d.join("tongbao.toml"), config).unwrap();
    let config_seen = wait_for(&rx, "检测到变化：tongbao.toml（配置文件）");
    let rebuilt = line_with(&rx, "重新生成完成（").unwrap_or_default();
    let rebuilt_config = is_timed(&rebuilt, "重新生成完成");
    std::fs::write(d.join("inbox/2026/按语.md"), "请各单位高度重视。\n").unwrap();
    let prose_seen = wait_for(&rx, "检测到变化：按语.md（按语）");
    let rebuilt_prose = wait_for(&rx, "重新生成完成（");
    child.kill().ok();
    child.wait().ok();
    assert!(is_timed(&first, "生成完成"), "{first}");
    assert!(rebuilt_config, "{rebuilt}");
    assert!(
        started && config_seen && rebuilt_config,
        "config change not seen"
    );
    assert!(prose_seen && rebuilt_prose, "按语.md change not seen");
    let bulletin = std::fs::read_to_string(d.join("out/2026H1/bulletin.html")).unwrap();
    assert!(bulletin.contains("改名学院") && bulletin.contains("请各单位高度重视"));
}
