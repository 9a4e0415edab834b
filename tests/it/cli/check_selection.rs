//! `check` uses `build`'s selection and reports every file's own findings (outputs.md "Settled"
//! 2), `check --json`, the roster units not submitted, the `unknown_unit` texts (Settled 3) and
//! the 印发前请核对 list printed by `build` and `check` (issues 7 and 8).

use crate::support::books::*;
use crate::support::roster::ROSTER;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A working folder with the test roster and an `inbox/2026` holding `books`.
fn folder(books: &[(&str, Book)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tmp();
    let inbox = dir.path().join("inbox").join("2026");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(dir.path().join("tongbao.toml"), ROSTER).unwrap();
    for (name, b) in books {
        b.save(&inbox, name);
    }
    (dir, inbox)
}

fn tongbao(dir: &Path, args: &[&str]) -> (String, bool) {
    let out = Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (text, out.status.success())
}

fn check_json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["check", "--json"];
    all.extend_from_slice(args);
    let (text, ok) = tongbao(dir, &all);
    assert!(ok, "{text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn file<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == name)
        .unwrap_or_else(|| panic!("{name}: {v}"))
}

#[test]
fn check_and_build_agree_about_a_copy_of_another_year() {
    // The copy with cover 年度 2025 is newer; it must not supersede the right file in check.
    let right = ledger("信息工程系", 2026, d(2026, 7, 1));
    let copy = ledger("信息工程系", 2025, d(2026, 7, 3));
    let (dir, _) = folder(&[("信息-2026.xlsx", right), ("信息-副本.xlsx", copy)]);
    let v = check_json(dir.path(), &["inbox/2026", "--as-of", "2026-07-15"]);
    assert_eq!(file(&v, "信息-2026.xlsx")["role"], "ledger");
    assert_eq!(file(&v, "信息-2026.xlsx")["unit"], "信息工程系");
    assert_eq!(file(&v, "信息-副本.xlsx")["reason"], "rejected");
    let out = &v["findings"].as_array().unwrap();
    assert!(
        out.iter()
            .any(|f| f["file"] == "信息-副本.xlsx" && f["code"] == "out_of_period"),
        "{v}"
    );
    let results = crate::support::results_json::run(
        dir.path(),
        &dir.path().join("inbox/2026"),
        &dir.path().join("tongbao.toml"),
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(
        crate::support::results_json::unit(&results, "信息工程系")["file"],
        "信息-2026.xlsx"
    );
    // --period names the year explicitly; the same selection.
    let v = check_json(
        dir.path(),
        &["inbox/2026", "--period", "2026H1", "--as-of", "2026-07-15"],
    );
    assert_eq!(file(&v, "信息-2026.xlsx")["role"], "ledger");
}

#[test]
fn check_applies_as_of_and_keeps_every_files_own_findings() {
    let july = ledger("信息工程系", 2026, d(2026, 7, 1));
    let dec =
        ledger("信息工程系", 2026, d(2026, 12, 1)).push("隐患排查", row!["2026-02-30", "食堂"]);
    let (dir, _) = folder(&[("信息-7月.xlsx", july), ("信息-12月.xlsx", dec)]);
    let v = check_json(dir.path(), &["inbox/2026", "--as-of", "2026-07-15"]);
    assert_eq!(file(&v, "信息-7月.xlsx")["role"], "ledger");
    assert_eq!(file(&v, "信息-12月.xlsx")["reason"], "after_as_of");
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "信息-12月.xlsx")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    // The notice is added; the file's own bad date is still shown.
    assert!(
        codes.contains(&"after_as_of") && codes.contains(&"bad_value"),
        "{codes:?}"
    );
    // Findings are shaped as in results.json.
    let f = &v["findings"][0];
    for key in [
        "code", "severity", "file", "sheet", "cell", "message", "rule", "unit", "raw",
    ] {
        assert!(f.get(key).is_some(), "{key} missing in {f}");
    }
    // Later, the December file counts and the July one is superseded but still checked.
    let v = check_json(dir.path(), &["inbox/2026", "--as-of", "2026-12-20"]);
    assert_eq!(file(&v, "信息-12月.xlsx")["role"], "ledger");
    assert_eq!(file(&v, "信息-7月.xlsx")["reason"], "superseded");
}

#[test]
fn check_lists_units_not_submitted() {
    let (dir, _) = folder(&[("信息.xlsx", ledger("信息系", 2026, d(2026, 7, 1)))]);
    let v = check_json(dir.path(), &["inbox/2026", "--as-of", "2026-07-15"]);
    assert_eq!(
        v["not_submitted"],
        serde_json::json!(["机电工程系", "学生处"])
    );
    let (text, ok) = tongbao(
        dir.path(),
        &["check", "inbox/2026", "--as-of", "2026-07-15"],
    );
    assert!(ok);
    assert!(
        text.contains("名册中尚未报送的单位（2个）：机电工程系、学生处"),
        "{text}"
    );
    // A single file is not an inbox: no list.
    let v = check_json(dir.path(), &["inbox/2026/信息.xlsx"]);
    assert_eq!(v["not_submitted"], serde_json::json!([]));
}

#[test]
fn unknown_unit_names_closest_units_and_is_listed_first() {
    let econ = ledger("经济管理学院", 2026, d(2026, 7, 1));
    let later = ledger("学生处", 2026, d(2026, 12, 1));
    let (dir, inbox) = folder(&[("b-学生处.xlsx", later), ("c-经管.xlsx", econ)]);
    std::fs::write(inbox.join("a-加密.xlsx"), b"junk").unwrap();
    let roster = format!("{ROSTER}\n[[units]]\nname = \"经济管理系\"\nkind = \"系部\"\n");
    std::fs::write(dir.path().join("tongbao.toml"), roster).unwrap();
    let v = check_json(dir.path(), &["inbox/2026", "--as-of", "2026-07-15"]);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "unknown_unit")
        .unwrap();
    let msg = f["message"].as_str().unwrap();
    assert!(msg.contains("最接近的名册单位：“经济管理系”"), "{msg}");
    assert!(msg.contains("aliases") && msg.contains("更正封面"), "{msg}");
    for args in [
        vec!["check", "inbox/2026", "--as-of", "2026-07-15"],
        vec!["build", "--period", "2026H1", "--as-of", "2026-07-15"],
    ] {
        let (text, ok) = tongbao(dir.path(), &args);
        assert!(ok, "{text}");
        let list = &text[text
            .find("印发前请核对（3项）")
            .unwrap_or_else(|| panic!("{text}"))..];
        let pos = |s: &str| list.find(s).unwrap_or_else(|| panic!("{s}: {list}"));
        assert!(
            pos("1. 文件“c-经管.xlsx”") < pos("2. 文件“b-学生处.xlsx”"),
            "{list}"
        );
        assert!(
            pos("2. 文件“b-学生处.xlsx”") < pos("3. 文件“a-加密.xlsx”"),
            "{list}"
        );
    }
    // The unit's feedback page asks for a corrected cover, never for a config change.
    let page =
        std::fs::read_to_string(dir.path().join("public/2026H1/feedback/经济管理系.html")).unwrap();
    assert!(
        page.contains("请将封面单位名称改为“经济管理系”"),
        "feedback page"
    );
    assert!(!page.contains("tongbao.toml") && !page.contains("aliases"));
}

#[test]
fn build_lists_holiday_dates_and_the_year_preview() {
    let l = ledger("信息工程系", 2026, d(2026, 7, 1));
    let (dir, _) = folder(&[("信息.xlsx", l)]);
    // A year build in July: a preview; 整改要求 stays within 2026 (known holidays).
    let (text, ok) = tongbao(
        dir.path(),
        &["build", "--period", "2026", "--as-of", "2026-07-15"],
    );
    assert!(ok, "{text}");
    assert!(text.contains("印发前请核对（1项）"), "{text}");
    assert!(
        text.contains("2026年度考核预评（截至2026-07-15）"),
        "{text}"
    );
    // In December the 整改要求 date runs into 2027, which has no holiday data yet.
    let (text, ok) = tongbao(
        dir.path(),
        &["build", "--period", "2026H2", "--as-of", "2026-12-20"],
    );
    assert!(ok, "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("整改要求”的期限"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("2027年") && line.contains("2027-01-"),
        "{line}"
    );
    assert!(
        line.contains("[[calendar.year]]") && line.contains("--rectification-due"),
        "{line}"
    );
    assert!(!text.contains("预评"), "{text}");
    // Nothing to verify: no list at all.
    let (text, _) = tongbao(
        dir.path(),
        &["build", "--period", "2026H1", "--as-of", "2026-07-15"],
    );
    assert!(!text.contains("印发前请核对"), "{text}");
}
