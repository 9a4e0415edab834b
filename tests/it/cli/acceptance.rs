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

/// The default inbox is `inbox/<year>` beside the config file, whatever the current folder;
/// `--out` is relative to the current folder.
#[test]
fn inbox_is_found_beside_the_config_from_another_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let inbox = office.join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    let cfg = crate::support::roster::ROSTER;
    std::fs::write(office.join("tongbao.toml"), cfg).unwrap();
    let config = tongbao::config::from_toml_str(cfg, &office).unwrap();
    let fill = tongbao::template::Fill {
        cover: vec![
            ("单位名称", "信息工程系".into()),
            ("年度", tongbao::template::Value::Number(2026.0)),
            ("主要负责人", "张某某".into()),
            ("报送日期", "2026-07-01".into()),
        ],
        tables: Vec::new(),
    };
    let bytes = tongbao::template::fill_workbook(tongbao::schema::LEDGER, &config, &fill).unwrap();
    std::fs::write(inbox.join("信息工程系.xlsx"), bytes).unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(&elsewhere)
        .args([
            "--config",
            "../office/tongbao.toml",
            "build",
            "--period",
            "2026H1",
        ])
        .args(["--as-of", "2026-07-15", "--out", "pub"])
        .assert()
        .success();
    let json = std::fs::read_to_string(elsewhere.join("pub/2026H1/results.json")).unwrap();
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(r["units"][0]["submitted"], true, "{json}");
    assert_eq!(r["units"][0]["file"], "信息工程系.xlsx");
    assert!(!office.join("public").exists());
}
