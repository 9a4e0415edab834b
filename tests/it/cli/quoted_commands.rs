//! Every command the user is told to type runs: the ones quoted in the config `init` writes, in
//! its 使用说明.md, in the README and in `tongbao --help`'s examples. Each runs in a folder made
//! by `tongbao init` (with the sample data copied in for the README's) and must exit 0; `watch`
//! must start watching. Syntax descriptions with placeholders (`[--out 文件夹]`, `路径…`) are not
//! commands and are left out.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tongbao"));
    c.env_remove("TONGBAO_TEST_PAUSE");
    c
}

/// Commands quoted in `text`: `tongbao …` in backticks, and code-block lines starting with
/// `tongbao ` or `cargo run --release -- ` (the README's way of running the binary).
fn quoted(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim().trim_start_matches("# ").trim();
        if t.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            if t.starts_with("tongbao ") {
                found.push(t.to_string());
            } else if let Some(rest) = t.strip_prefix("cargo run --release -- ") {
                found.push(format!("tongbao {rest}"));
            }
            continue;
        }
        for (i, span) in line.split('`').enumerate() {
            if i % 2 == 1 && span.starts_with("tongbao ") {
                found.push(span.to_string());
            }
        }
    }
    let placeholder = ["[", "|", "…", "<", "文件夹", "路径", "日期", "\\"];
    found.retain(|c| !placeholder.iter().any(|p| c.contains(p)) && !c.ends_with(" N"));
    found
}

/// Run one command in `dir`; `watch` is started, must say it is watching, and is stopped.
fn run(dir: &Path, command: &str) {
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    if args.contains(&"watch") {
        let mut child = bin()
            .current_dir(dir)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains("正在监视") {
                    tx.send(()).ok();
                }
            }
        });
        let started = rx.recv_timeout(Duration::from_secs(60));
        child.kill().ok();
        child.wait().ok();
        assert!(started.is_ok(), "`{command}` did not start watching");
        return;
    }
    // `init` makes a work folder where it runs (`tongbao init .`, the menu's 新建工作文件夹), so
    // it runs in an empty folder: in the one already made it refuses to overwrite, by design.
    let empty = tempfile::tempdir().unwrap();
    let dir = if args.first() == Some(&"init") {
        empty.path()
    } else {
        dir
    };
    let out = bin().current_dir(dir).args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "`{command}` failed in {}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

#[test]
fn every_quoted_command_runs() {
    let root = tempfile::tempdir().unwrap();
    let work: PathBuf = root.path().join("工作");
    let init = bin()
        .current_dir(root.path())
        .args(["init", "工作"])
        .output()
        .unwrap();
    assert!(init.status.success());
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("sample-data"), &work.join("sample-data"));

    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let help = bin().arg("--help").output().unwrap();
    let help_text = String::from_utf8(help.stdout).unwrap();
    let help_examples: Vec<String> = help_text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("tongbao ") && !l.contains("--help"))
        .map(String::from)
        .collect();
    let sources = [
        ("tongbao.toml", quoted(&read(&work.join("tongbao.toml"))), 1),
        ("使用说明.md", quoted(&read(&work.join("使用说明.md"))), 4),
        ("README.md", quoted(&read(&repo.join("README.md"))), 2),
        ("tongbao --help", help_examples, 3),
    ];
    // A command quoted in two places runs once (`init` refuses to overwrite, by design).
    let mut done = std::collections::BTreeSet::new();
    for (name, commands, at_least) in sources {
        assert!(
            commands.len() >= at_least,
            "{name}: only {commands:?} found"
        );
        for c in commands {
            if done.insert(c.clone()) {
                run(&work, &c);
            }
        }
    }
    // The folder the config tells staff to check is the one init made.
    let cfg = read(&work.join("tongbao.toml"));
    assert!(!cfg.contains("收件/"), "the inbox folder is inbox/<年度>");
}
