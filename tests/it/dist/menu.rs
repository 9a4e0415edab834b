//! Double-click use (issue 11), through a pseudo-terminal made by util-linux `script`: with no
//! arguments on a terminal the menu appears, 1 checks the inbox, 0 exits, and outside a work
//! folder 1 creates one; without a terminal or with arguments nothing changes; a dropped file is
//! checked; `build --open` hands the bulletin to the desktop's opener.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tongbao");
const SCRIPT: &str = "/usr/bin/script";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// A work folder: the sample config and its inbox as `inbox/<year the menu suggests>`.
fn work_folder() -> (tempfile::TempDir, i32) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample().join("tongbao.toml"),
        dir.path().join("tongbao.toml"),
    )
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let year = tongbao::cmd::menu::suggested_periods(today)[0].year;
    let inbox = dir.path().join("inbox").join(year.to_string());
    std::fs::create_dir_all(&inbox).unwrap();
    for e in std::fs::read_dir(sample().join("inbox/2026")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), inbox.join(e.file_name())).unwrap();
    }
    (dir, year)
}

/// Run tongbao with no arguments on a pseudo-terminal in `cwd`, typing `input`.
fn on_terminal(cwd: &Path, input: &str) -> Option<(bool, String)> {
    if !Path::new(SCRIPT).exists() {
        // util-linux is part of every Debian install; in CI its absence is a failure.
        assert!(std::env::var_os("CI").is_none(), "CI 中应有 {SCRIPT}");
        eprintln!("跳过：没有 {SCRIPT}");
        return None;
    }
    let mut child = Command::new(SCRIPT)
        .args(["-qefc", BIN, "/dev/null"])
        .current_dir(cwd)
        .env("TONGBAO_NO_PROGRESS", "1")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    // Keep stdin open until the program ends: `script` passes an end of input on to it.
    let out = wait_with_timeout(child, 60);
    drop(stdin);
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    Some((out.status.success(), text))
}

fn wait_with_timeout(mut child: std::process::Child, secs: u64) -> Output {
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > secs {
            child.kill().unwrap();
            panic!("tongbao 在 {secs} 秒内没有结束");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn the_menu_checks_the_inbox_and_waits_for_enter() {
    let (dir, year) = work_folder();
    let Some((ok, text)) = on_terminal(dir.path(), "1\n\n") else {
        return;
    };
    assert!(ok, "{text}");
    for want in [
        "工作文件夹",
        &format!("1  检查收件文件夹（inbox/{year}）"),
        "2  生成上半年/下半年/年度通报",
        "3  生成空白模板",
        "4  打开最新通报",
        "0  退出",
        // the check's report names the files of the inbox
        "信息系2026安全台账.xlsx",
        "按回车键退出",
    ] {
        assert!(text.contains(want), "缺少“{want}”：\n{text}");
    }
    assert!(text.find("信息系2026").unwrap() < text.find("按回车键退出").unwrap());
    // the check wrote nothing
    assert!(!dir.path().join("public").exists());
}

#[test]
fn zero_exits_at_once() {
    let (dir, _) = work_folder();
    let Some((ok, text)) = on_terminal(dir.path(), "0\n") else {
        return;
    };
    assert!(ok, "{text}");
    assert!(text.contains("0  退出"), "{text}");
    assert!(!text.contains("按回车键退出"), "{text}");
    assert!(!text.contains("信息系2026"), "{text}");
}

#[test]
fn outside_a_work_folder_the_menu_creates_one() {
    let dir = tempfile::tempdir().unwrap();
    let Some((ok, text)) = on_terminal(dir.path(), "1\n0\n") else {
        return;
    };
    assert!(ok, "{text}");
    assert!(text.contains("还不是工作文件夹"), "{text}");
    assert!(text.contains("1  在这里新建工作文件夹"), "{text}");
    assert!(dir.path().join("tongbao.toml").is_file(), "{text}");
    // then the work menu of the new folder
    assert!(text.contains("1  检查收件文件夹"), "{text}");
}

#[test]
fn without_a_terminal_nothing_changes() {
    let (dir, _) = work_folder();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("请指定要运行的命令"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_dropped_workbook_is_checked() {
    let (dir, year) = work_folder();
    let file = dir
        .path()
        .join(format!("inbox/{year}/信息系2026安全台账.xlsx"));
    let out = Command::new(BIN)
        .arg(&file)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("信息系2026安全台账.xlsx"), "{text}");
    assert!(!text.contains("按回车键退出"), "{text}");
    // an argument that is not a path stays a command-line error
    let out = Command::new(BIN)
        .arg("no-such-file.xlsx")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `build --open` runs the desktop's opener (xdg-open on Linux) on the bulletin just written.
#[cfg(unix)]
#[test]
fn build_open_opens_the_bulletin() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = dir.path().join("opened.txt");
    let fake = bin.join("xdg-open");
    let script = format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display());
    std::fs::write(&fake, script).unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(BIN)
        .args([
            "build",
            "--period",
            "2026H1",
            "--as-of",
            "2026-07-15",
            "--open",
        ])
        .arg("--config")
        .arg(sample().join("tongbao.toml"))
        .current_dir(dir.path())
        .env("PATH", path)
        .env("TONGBAO_NO_PROGRESS", "1")
        .output()
        .unwrap();
    crate::support::work_folder::ok(&out);
    // opener waits for xdg-open to start, not to finish: give the script a moment.
    let mut opened = String::new();
    for _ in 0..100 {
        opened = std::fs::read_to_string(&log).unwrap_or_default();
        if !opened.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        opened.trim_end().ends_with("public/2026H1/bulletin.html"),
        "{opened}"
    );
}
