//! Acceptance: `tongbao check sample-data/inbox/2026` (with the sample's config) prints the
//! sample's designed findings (sample-data/EXPECTED.md) and nothing else, and writes nothing.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// `tongbao --config sample-data/tongbao.toml`, run in `cwd`.
fn on_sample(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("tongbao").unwrap();
    c.current_dir(cwd)
        .arg("--config")
        .arg(sample_data().join("tongbao.toml"));
    c
}

#[test]
fn check_on_the_sample_prints_exactly_the_designed_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = on_sample(tmp.path())
        .arg("check")
        .arg(sample_data().join("inbox/2026"))
        // as-of defaults to today; fixed at the year build's as-of so that the January files
        // count and the July ones are superseded, whatever the day the test runs.
        .arg("--as-of")
        .arg("2027-01-12")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "findings are not a failure");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let findings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with('['))
        .map(str::trim)
        .collect();
    // 2 skipped files, the bad date in both versions of 建筑工程系 (check keeps the findings of
    // files that do not count), and 16 superseded July files.
    assert_eq!(findings.len(), 20, "{stdout}");
    let count = |code: &str| findings.iter().filter(|l| l.ends_with(code)).count();
    assert_eq!(count("(skipped_file)"), 2, "{stdout}");
    assert_eq!(count("(superseded_file)"), 16, "{stdout}");
    assert_eq!(count("(R4, bad_value)"), 2, "{stdout}");
    for l in &findings {
        if l.ends_with("(skipped_file)") || l.ends_with("(superseded_file)") {
            assert!(l.starts_with("[提示]"), "{l}");
        } else {
            assert!(
                l.starts_with("[错误] 隐患排查!A3：日期无法识别：2026-02-30")
                    && l.ends_with("(R4, bad_value)"),
                "{l}"
            );
        }
    }
    // Each finding sits under its file's heading: 文件 › 工作表!单元格.
    let file_of = |needle: &str| {
        let at = stdout.find(needle).unwrap();
        stdout[..at]
            .lines()
            .rev()
            .find(|l| !l.starts_with(' '))
            .unwrap()
            .to_string()
    };
    assert!(file_of("2026-02-30").starts_with("建筑工程系2026年安全工作台账.xlsx"));
    assert!(
        file_of("“机电工程系2026年安全工作台账（更新版）.xlsx”")
            .starts_with("机电工程系2026年安全工作台账.xlsx")
    );
    assert!(file_of("临时锁定文件").starts_with("~$信息工程系.xlsx"));
    // Every other file says plainly that it is clean: 35 files, 19 with findings.
    assert_eq!(stdout.matches("没有发现问题").count(), 16, "{stdout}");
    // With --as-of, check also names the roster's units with no counting file.
    assert!(
        stdout.trim_end().ends_with(
            "共检查35个文件：错误2项，警告0项，提示18项\n名册中尚未报送的单位（1个）：图书馆"
        ),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "check writes nothing"
    );
}

/// The README's main command (`build --period 2026 --as-of 2027-01-12 --out public` on the
/// sample) writes the year's files into `public/` and sums up the designed outcome.
#[test]
fn readme_main_command_builds_the_sample_year() {
    let tmp = tempfile::tempdir().unwrap();
    let out = on_sample(tmp.path())
        .args([
            "build",
            "--period",
            "2026",
            "--as-of",
            "2027-01-12",
            "--out",
            "public",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("关于2026年度安全工作考核结果的通报"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "单位16个，已报送15个（逾期1个）；总体达标率84.5%；一票否决2个；建议表彰11个"
        ),
        "{stdout}"
    );
    for f in [
        "index.html",
        "2026/bulletin.html",
        "2026/bulletin.md",
        "2026/summary.xlsx",
        "2026/results.json",
        "2026/feedback/图书馆.html",
        "2026/feedback/图书馆.md",
    ] {
        assert!(tmp.path().join("public").join(f).is_file(), "{f}");
    }
    // Every page (bulletin, feedback, index) is self-contained: nothing is fetched from outside.
    let mut pages = vec![tmp.path().join("public/index.html")];
    for dir in ["public/2026", "public/2026/feedback"] {
        for e in std::fs::read_dir(tmp.path().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "html") {
                pages.push(p);
            }
        }
    }
    assert_eq!(
        pages.len(),
        2 + 16,
        "index, bulletin and one feedback page per unit"
    );
    for p in pages {
        let html = std::fs::read_to_string(&p).unwrap();
        crate::support::read_back::assert_self_contained(&html, &p.display().to_string());
    }
}
