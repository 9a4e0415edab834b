//! The binary's command line: Chinese help, exit codes for bad command lines and bad configs,
//! `init` scaffolding a folder whose config loads.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn tongbao() -> Command {
    Command::cargo_bin("tongbao").unwrap()
}

#[test]
fn help_is_chinese() {
    tongbao()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("用法："))
        .stdout(predicate::str::contains("命令"))
        .stdout(predicate::str::contains("只检查文件"))
        .stdout(predicate::str::contains("--config"));
    tongbao()
        .args(["build", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("考核期间"))
        .stdout(predicate::str::contains("--as-of"))
        .stdout(predicate::str::contains("显示帮助"));
}

#[test]
fn bad_command_line_exits_2_in_chinese() {
    tongbao()
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("这个命令（可用的命令：init"));
    tongbao()
        .args(["build", "--period", "2026H3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("考核期间“2026H3”无法识别"));
    tongbao()
        .args(["build", "--period", "2026H1", "--as-of", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("日期“2026-02-30”无法识别"));
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn bad_config_names_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("inbox/2026")).unwrap();
    let cfg = write(
        dir.path(),
        "tongbao.toml",
        "[school]\nname = \"某学院\"\n\n[rules]\nplan_due = \"3-31x\"\n",
    );
    tongbao()
        .args(["watch", "--period", "2026", "--config"])
        .arg(&cfg)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("第5行"))
        .stderr(predicate::str::contains("[rules] plan_due"))
        .stderr(predicate::str::contains("3-31x"));
}

#[test]
fn unknown_config_key_suggests_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(
        dir.path(),
        "tongbao.toml",
        "[school]\nname = \"某学院\"\n\n[[units]]\nname = \"信息工程系\"\nkind = \"系部\"\nalias = [\"信息系\"]\n",
    );
    tongbao()
        .args(["watch", "--period", "2026", "--config"])
        .arg(&cfg)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "未知的配置项 [[units]] 第1项 alias",
        ))
        .stderr(predicate::str::contains("第7行"))
        .stderr(predicate::str::contains("是否想写 aliases？"));
}

#[test]
fn init_scaffolds_a_working_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("安全台账");
    tongbao()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("tongbao.toml"));
    assert!(root.join("使用说明.md").is_file());
    assert!(root.join("模板/单位安全工作台账模板.xlsx").is_file());
    let cfg = tongbao::config::load(&root.join("tongbao.toml")).unwrap();
    assert!(!cfg.units.is_empty());
    let year = std::fs::read_dir(root.join("inbox")).unwrap().count();
    assert_eq!(year, 1);
    tongbao()
        .arg("init")
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("已有配置文件"));
}
