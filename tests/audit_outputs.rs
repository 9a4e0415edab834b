//! Conformance audit against outputs.md: commands, exit codes, the output tree, results.json
//! keys, the bulletin's fixed texts, print CSS, escaping of hostile submission values, the
//! summary workbook's sheets, determinism and safe feedback file names.

mod common;
use assert_cmd::Command;
use common::*;
use serde_json::Value;
use std::path::Path;
use tongbao::schema;

/// Every hostile trick in one string: HTML, Markdown table/heading/link injection, a formula.
const EVIL: &str =
    "=1+1<img src=x onerror=alert(1)>| col |\n# heading [x](javascript:alert(1)) *b*";

const CONFIG: &str = r#"
[school]
name = "测试学院"
issuer = "测试学院"
doc_prefix = "测院综"

[[units]]
name = "信息工程系"
kind = "系部"

[[units]]
name = "a/b"
kind = "部门"

[[units]]
name = "CON"
kind = "部门"

[[units]]
name = ".."
kind = "部门"

[[units]]
name = "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的单位"
kind = "部门"

[[units]]
name = "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长另一个单位"
kind = "部门"

[[units]]
name = "nul"
kind = "部门"

[[leaders]]
name = "王某某"
title = "党委书记"

[[semesters]]
name = "2025-2026学年第二学期"
start = 2026-02-23
end = 2026-07-10

[bulletin]
cc = ["市教育局"]
printed_by = "测试学院党政办公室"
"#;

/// A working folder: config, an inbox with one hostile ledger, a hostile register and 按语.md.
fn fixture(with_register: bool) -> tempfile::TempDir {
    let dir = tmp();
    std::fs::write(dir.path().join("tongbao.toml"), CONFIG).unwrap();
    let inbox = dir.path().join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut b = ledger("信息工程系", 2026, d(2026, 7, 1));
    b = b.push(
        schema::HAZARDS,
        row![d(2026, 4, 1), EVIL, "一般", d(2026, 5, 1), EVIL, "", "李四"],
    );
    b = b.push(
        schema::ACCIDENTS,
        row![
            d(2026, 5, 3),
            EVIL,
            "一般",
            0,
            1,
            0,
            0.5,
            d(2026, 5, 4),
            "否"
        ],
    );
    b = b.push(
        schema::INSPECTIONS,
        row!["=cmd|' /C calc'!A0", "<b>x</b>", "", 1, 1, ""],
    );
    b.save(&inbox, "信息工程系2026台账.xlsx");
    if with_register {
        register(2026, d(2026, 7, 2))
            .push(
                schema::PUNISHMENTS,
                row!["信息工程系", "约谈", d(2026, 4, 28), EVIL, d(2026, 5, 20)],
            )
            .push(
                schema::LISTED,
                row![
                    "D-1",
                    EVIL,
                    "信息工程系",
                    "学校",
                    d(2026, 3, 1),
                    d(2026, 6, 1),
                    "",
                    "整改中"
                ],
            )
            .push(
                schema::VISITS,
                row!["王某某", d(2026, 3, 9), "信息工程系", "书记", EVIL],
            )
            .push(schema::ADJUSTMENTS, row!["信息工程系", 1, EVIL, "校长"])
            .save(&inbox, "保卫处台账.xlsx");
    }
    std::fs::write(
        inbox.join("按语.md"),
        "各单位<script>alert(1)</script><b>务必</b>重视。[x](javascript:alert(1))\n",
    )
    .unwrap();
    dir
}

fn tongbao(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("tongbao").unwrap();
    c.current_dir(dir);
    c
}

fn build(dir: &Path, period: &str, extra: &[&str]) -> std::process::Output {
    tongbao(dir)
        .args(["build", "--period", period, "--as-of", "2026-07-15"])
        .args(extra)
        .output()
        .unwrap()
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(dir: &Path, period: &str) -> Value {
    serde_json::from_str(&read(dir, &format!("public/{period}/results.json"))).unwrap()
}

#[test]
#[ignore = "writes a fixture for manual inspection into $AUDIT_DIR"]
fn write_fixture() {
    let target = std::path::PathBuf::from(std::env::var("AUDIT_DIR").unwrap());
    let dir = fixture(true);
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

fn files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// The text of every sheet XML in an xlsx, by sheet name, plus the shared strings.
fn xlsx_parts(path: &Path) -> (Vec<String>, Vec<String>, String) {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = |name: &str| {
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let wb = text("xl/workbook.xml");
    let names: Vec<String> = wb
        .split("<sheet ")
        .skip(1)
        .map(|s| {
            s.split("name=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let sheets = (1..=names.len())
        .map(|i| text(&format!("xl/worksheets/sheet{i}.xml")))
        .collect();
    (names, sheets, text("xl/sharedStrings.xml"))
}

fn ok(o: &std::process::Output) {
    assert!(
        o.status.success(),
        "status {:?}\n{}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
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
    ok(&build(p, "2026H1", &["--doc-number", "12"]));
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
    let r: Value = serde_json::from_str(&text).unwrap();
    // Keys sorted: serde_json's map is a BTreeMap, so re-serialising gives the same text.
    assert_eq!(
        serde_json::to_string_pretty(&r).unwrap().trim(),
        text.trim()
    );
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
    assert_eq!(roles, ["register", "ledger", "prose"]);
    let iso = |v: &Value| {
        let s = v.as_str().unwrap();
        s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
    };
    assert!(iso(&r["rectification_due"]));
    let units = r["units"].as_array().unwrap();
    assert_eq!(units.len(), 7);
    for u in units {
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
    // Feedback pages: one per unit, distinct, safe names (no traversal, no device names).
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
    assert!(text.contains("\"score\": 0.0"));
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
