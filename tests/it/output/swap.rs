//! The output folder survives anything (outputs.md "Atomic", Settled 4): a build killed with
//! SIGKILL at every point of the swap leaves a complete period folder and the next run restores
//! or removes the leftovers; two builds into one `--out` never interleave (the second waits and
//! says so); a killed lock holder never leaves the folder locked. The kill points come from the
//! binary's `TONGBAO_TEST_PAUSE` hook.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// One unit, no leaders: the outputs stay small enough for the 96 KiB tmpfs of
/// `disk_full_keeps_the_previous_output` (the full test roster's do not fit).
fn config() -> String {
    crate::support::roster::toml(&[("信息工程系", "系部", &[])], &[])
}

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tongbao.toml"), config()).unwrap();
    std::fs::create_dir_all(dir.path().join("inbox/2026")).unwrap();
    dir
}

fn build_cmd(dir: &Path, period: &str, as_of: &str) -> Command {
    build_into(dir, period, as_of, Path::new("out"))
}

fn build_into(dir: &Path, period: &str, as_of: &str, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tongbao"));
    c.current_dir(dir)
        .args(["build", "--period", period, "--as-of", as_of, "--out"])
        .arg(out)
        .env_remove("TONGBAO_TEST_PAUSE");
    c
}

fn build(dir: &Path, period: &str, as_of: &str) -> Output {
    let out = build_cmd(dir, period, as_of).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Start a build that stops at `point` (for `ms` milliseconds, or for ever) and return once it
/// has said so, with the rest of its stderr collected by a thread.
fn paused_build(dir: &Path, as_of: &str, point: &str) -> (Child, std::thread::JoinHandle<String>) {
    let mut child = build_cmd(dir, "2026H1", as_of)
        .env("TONGBAO_TEST_PAUSE", point)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let name = point.split(':').next().unwrap().to_string();
    let marker = format!("[test] paused at {name}");
    for line in lines.by_ref() {
        if line.unwrap() == marker {
            let rest = std::thread::spawn(move || {
                lines.map_while(Result::ok).collect::<Vec<_>>().join("\n")
            });
            return (child, rest);
        }
    }
    child.kill().ok();
    child.wait().ok();
    panic!("the build never reached {point}");
}

fn as_of_in(period_dir: &Path) -> Option<String> {
    let bytes = std::fs::read(period_dir.join("results.json")).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some(v["as_of"].as_str()?.to_string())
}

/// Every file of a complete period folder is there.
fn is_complete(period_dir: &Path) -> bool {
    [
        "bulletin.html",
        "bulletin.md",
        "summary.xlsx",
        "results.json",
    ]
    .iter()
    .all(|f| period_dir.join(f).is_file())
        && period_dir.join("feedback/信息工程系.html").is_file()
}

fn entries(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn killed_at_any_point_a_complete_period_remains_and_the_next_run_cleans_up() {
    let points = [
        "locked",
        "period-written",
        "old-aside",
        "new-in",
        "temp-index.html",
    ];
    for point in points {
        let dir = workdir();
        let out = dir.path().join("out");
        build(dir.path(), "2026H1", "2026-07-15");
        let (mut child, _rest) = paused_build(dir.path(), "2026-07-20", point);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        // Right after the kill: a complete copy under the period's name or its hidden .old name.
        let live = out.join("2026H1");
        let old = out.join(".2026H1.old");
        let survivor: PathBuf = if live.is_dir() {
            live.clone()
        } else {
            old.clone()
        };
        assert!(is_complete(&survivor), "{point}: {:?}", entries(&out));
        if point == "old-aside" {
            assert!(
                !live.exists() && old.is_dir(),
                "{point}: {:?}",
                entries(&out)
            );
        }

        // The next run (another period, so nothing of 2026H1 is rewritten) restores/removes.
        let next = build(dir.path(), "2026", "2027-01-12");
        let err = stderr(&next);
        assert!(
            !err.contains("正被另一次生成使用"),
            "{point}: lock left held: {err}"
        );
        if point == "old-aside" {
            assert!(err.contains("已恢复上一次中断的生成留下的 2026H1"), "{err}");
        }
        assert_eq!(
            entries(&out),
            [
                ".tongbao.lock",
                "2026",
                "2026H1",
                "check.html",
                "index.html"
            ],
            "{point}"
        );
        assert!(is_complete(&live), "{point}");
        let as_of = as_of_in(&live).unwrap();
        let expect_new = matches!(point, "new-in" | "temp-index.html");
        assert_eq!(
            as_of,
            if expect_new {
                "2026-07-20"
            } else {
                "2026-07-15"
            },
            "{point}"
        );
        // index.html lists what is on disk.
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            index.contains("2026H1/") && index.contains(&as_of),
            "{point}"
        );
    }
}

#[test]
fn a_second_build_waits_for_the_first_and_says_so() {
    let dir = workdir();
    let out = dir.path().join("out");
    let (mut first, first_rest) = paused_build(dir.path(), "2026-07-15", "locked:1500");
    let second = build(dir.path(), "2026H1", "2026-07-20");
    assert!(
        first.wait().unwrap().success(),
        "{}",
        first_rest.join().unwrap()
    );
    let err = stderr(&second);
    assert!(
        err.contains("正被另一次生成使用，等它完成后再继续"),
        "{err}"
    );
    // The second ran after the first: its period and its index are what is left.
    assert_eq!(as_of_in(&out.join("2026H1")).as_deref(), Some("2026-07-20"));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("2026-07-20") && !index.contains("2026-07-15"));
}

#[test]
fn concurrent_builds_never_mix_index_and_period() {
    let dir = workdir();
    let out = dir.path().join("out");
    for round in 0..6 {
        let dates = ["2026-07-15", "2026-07-20"];
        let children: Vec<Child> = dates
            .iter()
            .map(|d| {
                build_cmd(dir.path(), "2026H1", d)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut c in children {
            assert!(c.wait().unwrap().success(), "round {round}");
        }
        let as_of = as_of_in(&out.join("2026H1")).unwrap();
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        let other = dates.iter().find(|d| **d != as_of).unwrap();
        assert!(
            index.contains(&as_of) && !index.contains(other),
            "round {round}: index.html and 2026H1/ come from different runs"
        );
        assert_eq!(
            entries(&out),
            [".tongbao.lock", "2026H1", "check.html", "index.html"]
        );
    }
}

#[test]
fn a_killed_lock_holder_does_not_block_the_next_run() {
    let dir = workdir();
    let (mut holder, _rest) = paused_build(dir.path(), "2026-07-15", "locked");
    holder.kill().unwrap();
    holder.wait().unwrap();
    let start = std::time::Instant::now();
    let next = build(dir.path(), "2026H1", "2026-07-20");
    assert!(!stderr(&next).contains("正被另一次生成使用"));
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

/// Room for check.html (its module in base64 and the page around it), so that the first build
/// fits and the second runs out of space before it changes anything.
fn check_page_kib() -> usize {
    (tongbao::report::check::CHECK_WASM.len() * 4 / 3 + (64 << 10)) >> 10
}

/// Disk full (a small tmpfs; needs root on Linux, otherwise said and skipped): a clear Chinese
/// message, exit 2, the previous output intact and no temporary folder left.
#[test]
fn disk_full_keeps_the_previous_output() {
    let dir = workdir();
    let mnt = dir.path().join("small");
    std::fs::create_dir_all(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o"])
        .arg(format!("size={}k", 96 + check_page_kib()))
        .arg("tmpfs")
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("跳过：无法挂载 tmpfs（需要 root 权限）");
        return;
    }
    let run = |as_of: &str| {
        build_into(dir.path(), "2026H1", as_of, &mnt.join("out"))
            .output()
            .unwrap()
    };
    let first = run("2026-07-15");
    let second = run("2026-07-20");
    let out = mnt.join("out");
    let left = entries(&out);
    let kept = as_of_in(&out.join("2026H1"));
    Command::new("umount").arg(&mnt).status().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(2));
    let err = stderr(&second);
    assert!(
        err.contains("（上一次的结果保持不变）：写 ") && err.contains("磁盘已满"),
        "{err}"
    );
    assert_eq!(kept.as_deref(), Some("2026-07-15"));
    assert_eq!(
        left,
        [".tongbao.lock", "2026H1", "check.html", "index.html"]
    );
}
