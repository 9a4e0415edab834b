//! The WebAssembly checker under Node — the page's own glue (templates/check/engine.js) and the
//! module embedded in a built check.html — on every workbook of the sample inbox and on hostile
//! files, against `tongbao check --json --config C --period P --as-of D FILE` on the same file:
//! the same findings (code, file, sheet, cell, severity, office message, rule, raw value, unit),
//! the same recognised unit, role and reason (outputs.md "Settled" 2–3).

use super::*;
use serde_json::Value;

const NODE: &str = "node";

fn cli_check(file: &Path) -> Value {
    let o = assert_cmd::Command::cargo_bin("tongbao")
        .unwrap()
        .arg("--config")
        .arg(sample_config())
        .args(["check", "--json", "--period", PERIOD, "--as-of", AS_OF])
        .arg(file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The page finding without what only the page adds.
fn office_view(f: &Value) -> Value {
    let mut f = f.clone();
    let obj = f.as_object_mut().unwrap();
    for key in ["unit_text", "severity_label", "clauses"] {
        assert!(obj.remove(key).is_some(), "page finding lacks {key}: {f:?}");
    }
    f
}

#[test]
fn wasm_under_node_equals_check_json() {
    let dir = tmp();
    let page = build_page(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    if !has_checker(&html) || !tool(NODE) {
        return;
    }
    let mut files = sample_workbooks();
    assert!(files.len() >= 30, "{files:?}");
    let hostile = dir.path().join("hostile");
    std::fs::create_dir(&hostile).unwrap();
    files.extend(hostile_files(&hostile));
    let o = Command::new(NODE)
        .arg(root().join("tests/check/run-engine.js"))
        .arg(&page)
        .arg(AS_OF)
        .args(&files)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reports: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(reports.len(), files.len());
    let mut codes = std::collections::BTreeSet::new();
    for (file, r) in files.iter().zip(&reports) {
        let r = &r["report"];
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(r.get("error").is_none(), "{name}: {r}");
        assert!(r.get("trapped").is_none(), "{name} trapped the module: {r}");
        let cli = cli_check(file);
        let want = cli["findings"].as_array().unwrap();
        let got: Vec<Value> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(office_view)
            .collect();
        assert_eq!(&got, want, "{name}: page and check --json differ");
        let f = &cli["files"][0];
        assert_eq!(f["file"], r["file"], "{name}");
        assert_eq!(f["unit"], r["unit"], "{name}: recognised unit");
        assert_eq!(f["role"], r["role"], "{name}: role");
        assert_eq!(f["reason"], r["reason"], "{name}: reason");
        for x in want {
            codes.insert(x["code"].as_str().unwrap().to_string());
        }
    }
    // The files exercise the cases that matter: unreadable files, unknown units, bad values,
    // dates after as-of, superseded-free single files.
    for code in [
        "unreadable_file",
        "unknown_unit",
        "after_as_of",
        "bad_value",
    ] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
    // The unit text of an unknown cover name tells the unit what to write (Settled 3).
    let unknown = reports
        .iter()
        .find(|x| x["path"].as_str().unwrap().ends_with("经济管理学院.xlsx"))
        .unwrap();
    let f = unknown["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "unknown_unit")
        .unwrap();
    assert!(
        f["unit_text"]
            .as_str()
            .unwrap()
            .contains("请将封面单位名称改为“经济管理系”"),
        "{f}"
    );
    assert!(!f["unit_text"].as_str().unwrap().contains("tongbao.toml"));
}

/// A trap (memory exhausted, or a reader's panic, which aborts in WebAssembly) ends that file's
/// check only: the glue starts a fresh instance, the file is reported unreadable as the CLI
/// reports a reader's panic, and the next file is checked as usual.
#[test]
fn a_trap_costs_one_file_and_the_next_is_checked() {
    let dir = tmp();
    let page = build_page(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    if !has_checker(&html) || !tool(NODE) {
        return;
    }
    let sample = root().join("sample-data/inbox/2026");
    let files = [
        sample.join("教务处2026年安全工作台账（7月）.xlsx"),
        sample.join("财务处2026年安全工作台账（7月）.xlsx"),
    ];
    let o = Command::new(NODE)
        .arg(root().join("tests/check/run-engine.js"))
        .arg(&page)
        .arg(AS_OF)
        .args(&files)
        .env("TB_TRAP", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reports: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let first = &reports[0]["report"];
    assert!(first["trapped"].is_string(), "{first}");
    assert_eq!(first["reason"], "unreadable");
    assert_eq!(first["findings"][0]["code"], "unreadable_file");
    assert_eq!(
        first["findings"][0]["message"],
        tongbao_core::ingest::diags::INTERNAL
    );
    let second = &reports[1]["report"];
    assert!(second.get("trapped").is_none(), "{second}");
    assert_eq!(second["unit"], "财务处");
    assert_eq!(second["role"], "ledger");
}
