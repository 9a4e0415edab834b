//! Acceptance: command-line values a clerk may mistype are refused in Chinese with exit 2, and
//! nothing is written.

use assert_cmd::Command;

#[test]
fn doc_number_starts_at_one() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("tongbao.toml"),
        "[school]\nname = \"测试学院\"\n",
    )
    .unwrap();
    for bad in ["0", "-3", "十二"] {
        let out = Command::cargo_bin("tongbao")
            .unwrap()
            .current_dir(tmp.path())
            .args(["build", "--period", "2026H1", "--as-of", "2026-07-15"])
            .arg(format!("--doc-number={bad}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("发文字号序号"), "{err}");
        assert!(
            !tmp.path().join("public").exists(),
            "{bad}: nothing written"
        );
    }
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(tmp.path())
        .args(["build", "--period", "2026H1", "--as-of", "2026-07-15"])
        .args(["--doc-number", "12"])
        .assert()
        .success();
    let md = std::fs::read_to_string(tmp.path().join("public/2026H1/bulletin.md")).unwrap();
    assert!(
        md.starts_with("〔2026〕12号") || md.contains("〔2026〕12号"),
        "{md}"
    );
}
