//! Conformance audit against outputs.md (1/2): commands and flags, exit codes, the output tree,
//! results.json keys, feedback file names, empty inbox / missing register, init, template, check.

use crate::support::books::*;
use crate::support::work_folder::*;
use serde_json::Value;

#[test]
#[ignore = "writes a fixture for manual inspection into $AUDIT_DIR"]
fn write_fixture() {
    let target = std::path::PathBuf::from(std::env::var("AUDIT_DIR").unwrap());
    let dir = if std::env::var("AUDIT_KIND").is_ok_and(|k| k == "year") {
        year_fixture()
    } else {
        fixture(true)
    };
    let _ = std::fs::remove_dir_all(&target);
    std::fs::rename(dir.path(), &target)
        .or_else(|_| {
            std::process::Command::new("cp")
                .arg("-r")
                .arg(dir.path())
                .arg(&target)
                .status()
                .map(|_| ())
        })
        .unwrap();
}

#[test]
fn command_line_and_exit_codes() {
    let dir = fixture(true);
    let p = dir.path();
    for sub in ["init", "template", "check", "build", "watch"] {
        tongbao(p).args([sub, "--help"]).assert().success();
    }
    // Common flags before or after the command; --out relative to the current folder.
    let o = tongbao(p)
        .args([
            "--config",
            "tongbao.toml",
            "--out",
            "o1",
            "build",
            "--period",
            "2026H1",
        ])
        .args(["--as-of", "2026-07-15"])
        .output()
        .unwrap();
    ok(&o);
    assert!(p.join("o1/2026H1/results.json").is_file());
    ok(&build(
        p,
        "2026H1",
        &["--out", "o2", "--inbox", "inbox/2026"],
    ));
    assert!(p.join("o2/2026H1/bulletin.html").is_file());
    // Findings are business: 0; --strict with an error finding: 1, outputs still written.
    ok(&build(p, "2026H1", &[]));
    let strict = build(p, "2026H1", &["--strict", "--out", "o3"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(p.join("o3/2026H1/summary.xlsx").is_file());
    // Bad command line, bad config, unusable inbox: non-zero, nothing written.
    for args in [
        vec!["build", "--period", "2026H3"],
        vec!["build"],
        vec!["build", "--period", "2026", "--bogus"],
        vec!["frobnicate"],
        vec!["build", "--period", "2026", "--doc-number", "x"],
    ] {
        let o = tongbao(p).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    std::fs::write(p.join("bad.toml"), "[school]\nname = 5\n").unwrap();
    let o = tongbao(p)
        .args([
            "--config", "bad.toml", "--out", "x1", "build", "--period", "2026",
        ])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("name"));
    let o = tongbao(p)
        .args([
            "--config",
            "missing.toml",
            "--out",
            "x2",
            "build",
            "--period",
            "2026",
        ])
        .output()
        .unwrap();
    assert!(!o.status.success());
    for inbox in ["tongbao.toml", "no/such/folder"] {
        let o = build(p, "2026", &["--inbox", inbox, "--out", "x3"]);
        assert!(!o.status.success(), "{inbox}");
    }
    for x in ["x1", "x2", "x3"] {
        assert!(!p.join(x).join("2026").exists(), "{x}");
    }
}

#[test]
fn output_tree_and_results_json() {
    let dir = fixture(true);
    let p = dir.path();
    std::fs::write(p.join("inbox/2026/说明.docx"), "x").unwrap();
    std::fs::write(p.join("inbox/2026/坏文件.xlsx"), "not a zip").unwrap();
    let o = build(p, "2026H1", &["--doc-number", "12"]);
    ok(&o);
    // Piped: no progress bar, no terminal escapes.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!o.stdout.contains(&0x1b));
    let all = files(&p.join("public"));
    for f in [
        "index.html",
        "2026H1/bulletin.html",
        "2026H1/bulletin.md",
        "2026H1/summary.xlsx",
        "2026H1/results.json",
        "2026H1/feedback/信息工程系.html",
        "2026H1/feedback/信息工程系.md",
    ] {
        assert!(all.contains_key(f), "{f}: {:?}", all.keys());
    }
    let text = read(p, "public/2026H1/results.json");
    let r = top_level(&text);
    let units = r["units"].as_array().unwrap();
    assert_eq!(units.len(), 7);
    for u in units {
        unit_keys(u, p);
    }
    feedback_names(&all, units);
    // The unit's page names its findings by sheet!cell.
    let page = read(p, "public/2026H1/feedback/信息工程系.md");
    assert!(
        page.contains("隐患排查!A9") && page.contains("R4"),
        "{page}"
    );
    unit_details(&r, &text);
}

/// Feedback pages: one per unit, distinct, safe names (no traversal, no device names).
fn feedback_names(all: &std::collections::BTreeMap<String, Vec<u8>>, units: &[Value]) {
    let pages: std::collections::BTreeSet<String> = units
        .iter()
        .map(|u| u["feedback"].as_str().unwrap().to_lowercase())
        .collect();
    assert_eq!(pages.len(), units.len());
    let fb: Vec<&String> = all
        .keys()
        .filter(|k| k.starts_with("2026H1/feedback/"))
        .collect();
    assert_eq!(fb.len(), 2 * units.len(), "{fb:?}");
    for f in fb {
        let name = f.rsplit('/').next().unwrap();
        let stem = name.split('.').next().unwrap().to_ascii_uppercase();
        assert!(
            !["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()),
            "{f}"
        );
        assert!(!name.starts_with('.') && name.len() <= 200, "{f}");
        assert!(
            !name.contains(['\\', ':', '*', '?', '"', '<', '>', '|']),
            "{f}"
        );
    }
}

/// Top-level results.json: sorted keys, ISO dates, config digest, inputs with their roles.
fn top_level(text: &str) -> Value {
    let r: Value = serde_json::from_str(text).unwrap();
    // Keys sorted: serde_json's map is a BTreeMap, so re-serialising gives the same text.
    let again = tongbao::results::json::to_lines(&r).unwrap();
    assert_eq!(String::from_utf8(again).unwrap(), text);
    for k in [
        "period",
        "as_of",
        "units",
        "leaders",
        "findings",
        "rectification_due",
    ] {
        assert!(r.get(k).is_some(), "{k}");
    }
    assert_eq!(r["period"], "2026H1");
    assert_eq!(r["as_of"], "2026-07-15");
    assert_eq!(r["config_sha256"].as_str().unwrap().len(), 64);
    let roles: Vec<&str> = r["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["sha256"].as_str().unwrap().len(), 64);
            assert!(i["file"].is_string());
            i["role"].as_str().unwrap()
        })
        .collect();
    for role in ["ledger", "register", "prose", "skipped"] {
        assert!(roles.contains(&role), "{role}: {roles:?}");
    }
    assert!(
        roles
            .iter()
            .all(|r| ["ledger", "register", "prose", "skipped"].contains(r))
    );
    assert!(iso(&r["rectification_due"]));
    r
}

fn iso(v: &Value) -> bool {
    let s = v.as_str().unwrap();
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Every key outputs.md names for a unit, every rule with status/clause/detail/items.
fn unit_keys(u: &Value, p: &std::path::Path) {
    for k in [
        "name",
        "kind",
        "submitted",
        "file",
        "score",
        "provisional",
        "grade",
        "commended",
        "rules",
        "vetoes",
        "veto_risks",
        "submitted_on",
        "feedback",
        "points",
        "adjustments",
        "suggestions",
        "accidents",
    ] {
        assert!(u.get(k).is_some(), "{}: {k}", u["name"]);
    }
    assert_eq!(u["provisional"], true);
    assert_eq!(u["vetoes"], Value::Array(vec![]));
    assert!(u["veto_risks"].is_array());
    for id in [
        "R1", "R2", "R3", "R4", "R5", "R8", "R9", "R10", "R11", "R12", "R13", "R15",
    ] {
        let rule = &u["rules"][id];
        let st = rule["status"].as_str().unwrap();
        assert!(
            ["met", "not_met", "pending", "na"].contains(&st),
            "{id} {st}"
        );
        assert!(
            rule["clause"].is_string() && rule["detail"].is_string(),
            "{id}"
        );
        assert!(rule["items"].is_array(), "{}: {id} items", u["name"]);
    }
    assert!(
        u["rules"]["R4"]["missing_months"].is_array(),
        "{}",
        u["name"]
    );
    for (_, pts) in u["points"].as_object().unwrap() {
        assert!(pts["earned"].is_number() && pts["max"].is_number());
    }
    let fb = u["feedback"].as_str().unwrap();
    assert!(p.join("public/2026H1").join(fb).is_file(), "{fb}");
}

/// The details of the hostile fixture: a unit that sent nothing, accidents, R10, R5, leaders,
/// findings.
fn unit_details(r: &Value, text: &str) {
    let units = r["units"].as_array().unwrap();
    // A unit that sent nothing misses every ended month.
    let ab = units.iter().find(|u| u["name"] == "a/b").unwrap();
    assert_eq!(ab["submitted"], false);
    assert_eq!(
        ab["rules"]["R4"]["missing_months"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert!(text.contains("\"score\":0.0"));
    let info = units.iter().find(|u| u["name"] == "信息工程系").unwrap();
    assert!(iso(&info["submitted_on"]));
    let acc = &info["accidents"][0];
    for k in [
        "date",
        "summary",
        "reported_grade",
        "determined_grade",
        "implied_grade",
        "deaths",
        "injuries",
        "serious_injuries",
        "loss",
        "report_date",
        "responsible",
        "concealed",
    ] {
        assert!(acc.get(k).is_some(), "accident {k}");
    }
    let r10 = &info["rules"]["R10"]["items"][0];
    for k in ["measure", "imposed", "due", "submitted", "status", "detail"] {
        assert!(r10.get(k).is_some(), "R10 item {k}");
    }
    assert!(iso(&r10["imposed"]) && iso(&r10["due"]));
    for q in info["rules"]["R5"]["items"].as_array().unwrap() {
        assert!(q.get("due").is_some() && q.get("submitted").is_some());
    }
    let leader = &r["leaders"][0];
    assert_eq!(leader["rules"]["R6"]["visits"], 1);
    assert!(leader["rules"]["R7"]["status"].is_string());
    let f = &r["findings"][0];
    for k in [
        "file", "sheet", "cell", "severity", "code", "message", "rule", "unit", "raw",
    ] {
        assert!(f.get(k).is_some(), "finding {k}");
    }
    assert_eq!(f["severity"], "error");
    assert_eq!(f["raw"], "=cmd|' /C calc'!A0");
}

#[test]
fn empty_inbox_writes_everything_and_names_the_missing_register() {
    let dir = tmp();
    let p = dir.path();
    std::fs::write(p.join("tongbao.toml"), CONFIG).unwrap();
    std::fs::create_dir_all(p.join("inbox/2026")).unwrap();
    ok(&build(p, "2026H1", &[]));
    for f in [
        "index.html",
        "2026H1/bulletin.html",
        "2026H1/bulletin.md",
        "2026H1/summary.xlsx",
    ] {
        assert!(p.join("public").join(f).is_file(), "{f}");
    }
    let r = json(p, "2026H1");
    for u in r["units"].as_array().unwrap() {
        assert_eq!(u["submitted"], false);
        assert_eq!(u["rules"]["R15"]["status"], "not_met");
        assert_eq!(u["rules"]["R10"]["status"], "na");
        assert_eq!(u["rules"]["R12"]["status"], "na");
        assert!(
            p.join("public/2026H1")
                .join(u["feedback"].as_str().unwrap())
                .is_file()
        );
    }
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "missing_register")
    );
    for t in [
        read(p, "public/2026H1/bulletin.md"),
        read(p, "public/2026H1/bulletin.html"),
    ] {
        assert!(t.contains("未报送"));
        assert!(t.contains("R10") && t.contains("R12") && t.contains("不适用"));
        assert!(t.contains("V4") && t.contains("V5") && t.contains("无法评估"));
    }
}

#[test]
fn init_and_template() {
    let dir = tmp();
    let p = dir.path();
    tongbao(p).args(["init", "work"]).assert().success();
    let w = p.join("work");
    assert!(w.join("tongbao.toml").is_file());
    let year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    assert!(w.join(format!("inbox/{year}")).is_dir());
    let xlsx = files(&w).keys().filter(|k| k.ends_with(".xlsx")).count();
    assert!(xlsx >= 2, "blank templates");
    assert!(
        files(&w).keys().any(|k| k.ends_with(".md")),
        "README for staff"
    );
    // The scaffolded config loads and builds with the default inbox beside it.
    tongbao(&w)
        .args(["build", "--period", &year.to_string(), "--as-of"])
        .arg(format!("{year}-12-01"))
        .assert()
        .success();
    assert!(w.join(format!("public/{year}/results.json")).is_file());
    // --config elsewhere: the default inbox is beside the config file.
    tongbao(p)
        .args([
            "--config",
            "work/tongbao.toml",
            "--out",
            "pub2",
            "build",
            "--period",
        ])
        .arg(year.to_string())
        .assert()
        .success();
    assert!(p.join("pub2/index.html").is_file());
    // template --out DIR; a blank template has no structural finding.
    tongbao(p)
        .args(["template", "--out", "blank"])
        .assert()
        .success();
    let blank: Vec<String> = files(&p.join("blank")).into_keys().collect();
    assert_eq!(blank.len(), 2, "{blank:?}");
    let o = tongbao(p).args(["check", "blank"]).output().unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        !out.contains("missing_sheet") && !out.contains("missing_header"),
        "{out}"
    );
}

#[test]
fn check_prints_sheet_cell_locations_and_writes_nothing() {
    let dir = fixture(true);
    let p = dir.path();
    let before = files(p);
    let o = tongbao(p).args(["check", "inbox/2026"]).output().unwrap();
    ok(&o);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("信息工程系2026台账.xlsx"), "{out}");
    assert!(out.contains("隐患排查!A9"), "{out}");
    assert!(out.contains("bad_value"), "{out}");
    assert_eq!(files(p), before, "check writes nothing");
    let strict = tongbao(p)
        .args(["check", "--strict", "inbox/2026"])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
}
