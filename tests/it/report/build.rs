//! `tongbao build` end to end: exit status, files, byte-identical rebuilds, the closing summary.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const CONFIG: &str = r#"
[school]
name = "厦门城市职业学院"
doc_prefix = "厦城院综"

[[units]]
name = "信息工程系"
kind = "系部"

[[units]]
name = "<script>alert(1)</script>"
kind = "部门"

[[leaders]]
name = "王某某"

[[semesters]]
name = "2025-2026学年第二学期"
start = "2026-02-23"
end = "2026-07-10"

[bulletin]
cc = ["学校党委"]
printed_by = "厦门城市职业学院保卫处"
"#;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tongbao.toml"), CONFIG).unwrap();
    let inbox = dir.path().join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("按语.md"),
        "各单位<b>务必</b>重视。[x](javascript:alert(1))\n",
    )
    .unwrap();
    dir
}

fn build(dir: &Path, period: &str, as_of: &str) -> String {
    let out = Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir)
        .args([
            "build",
            "--period",
            period,
            "--as-of",
            as_of,
            "--doc-number",
            "12",
        ])
        .output()
        .unwrap();
    crate::support::work_folder::ok(&out);
    String::from_utf8(out.stdout).unwrap()
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            for (k, v) in files(&p) {
                out.insert(Path::new(p.file_name().unwrap()).join(k), v);
            }
        } else {
            out.insert(
                PathBuf::from(p.file_name().unwrap()),
                std::fs::read(&p).unwrap(),
            );
        }
    }
    out
}

#[test]
fn build_writes_everything_and_is_reproducible() {
    let dir = setup();
    let stdout = build(dir.path(), "2026H1", "2026-07-15");
    assert!(stdout.contains("单位2个"), "{stdout}");
    assert!(stdout.contains("public"), "{stdout}");
    let first = files(&dir.path().join("public"));
    for want in [
        "index.html",
        "2026H1/bulletin.html",
        "2026H1/bulletin.md",
        "2026H1/summary.xlsx",
        "2026H1/results.json",
        "2026H1/feedback/信息工程系.html",
    ] {
        assert!(
            first.contains_key(Path::new(want)),
            "{want}: {:?}",
            first.keys()
        );
    }
    build(dir.path(), "2026H1", "2026-07-15");
    assert_eq!(
        files(&dir.path().join("public")),
        first,
        "byte-identical rebuild"
    );
    let html = String::from_utf8(first[Path::new("2026H1/bulletin.html")].clone()).unwrap();
    assert!(!html.contains("<script") && !html.contains("<b>") && !html.contains("javascript"));
    assert!(html.contains("厦城院综〔2026〕12号") && html.contains("2026年7月15日"));
}

#[test]
fn bad_period_and_as_of_fail() {
    let dir = setup();
    for args in [
        ["--period", "2026H3", "--as-of", "2026-07-15"],
        ["--period", "2026H1", "--as-of", "2026-02-30"],
    ] {
        Command::cargo_bin("tongbao")
            .unwrap()
            .current_dir(dir.path())
            .arg("build")
            .args(args)
            .assert()
            .failure();
    }
    assert!(!dir.path().join("public").exists());
}

/// The shipped sample inbox (sample-data/, see EXPECTED.md): --strict with an error finding
/// exits 1 but still writes everything; a rebuild is byte-identical.
#[test]
fn sample_strict_exit_and_reproducible() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = manifest.join("sample-data/tongbao.toml");
    if !config.exists() {
        println!("跳过：没有 sample-data/");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let run = |strict: bool| {
        let mut cmd = Command::cargo_bin("tongbao").unwrap();
        cmd.arg("--config").arg(&config);
        if strict {
            cmd.arg("--strict");
        }
        cmd.args([
            "build",
            "--period",
            "2026H1",
            "--as-of",
            "2026-07-15",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap()
    };
    let first = run(true);
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stdout = String::from_utf8_lossy(&first.stdout);
    // 基础部's only file is dated after as-of 2026-07-15: 未报送 in H1 (outputs.md "Settled" 1).
    assert!(stdout.contains("单位16个，已报送14个"), "{stdout}");
    let a = files(out.path());
    assert!(a.contains_key(Path::new("2026H1/feedback/图书馆.html")));
    let second = run(false);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(files(out.path()), a, "byte-identical rebuild");
}
