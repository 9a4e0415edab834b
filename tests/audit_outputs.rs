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
    let as_of = if extra.contains(&"--as-of") {
        &[][..]
    } else {
        &["--as-of", "2026-07-15"][..]
    };
    tongbao(dir)
        .args(["build", "--period", period])
        .args(as_of)
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
    std::fs::write(p.join("inbox/2026/说明.docx"), "x").unwrap();
    std::fs::write(p.join("inbox/2026/坏文件.xlsx"), "not a zip").unwrap();
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
    for role in ["ledger", "register", "prose", "skipped"] {
        assert!(roles.contains(&role), "{role}: {roles:?}");
    }
    assert!(
        roles
            .iter()
            .all(|r| ["ledger", "register", "prose", "skipped"].contains(r))
    );
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

#[test]
fn bulletin_fixed_texts_and_print_css() {
    let dir = fixture(true);
    let p = dir.path();
    ok(&build(p, "2026H1", &["--doc-number", "12"]));
    let html = read(p, "public/2026H1/bulletin.html");
    let md = read(p, "public/2026H1/bulletin.md");
    for t in [&html, &md] {
        assert!(t.contains("关于2026年上半年安全工作跟踪督查情况的通报"));
        assert!(t.contains("测院综〔2026〕12号") && !t.contains("第12号"));
        assert!(t.contains("各部门、系部："));
        assert!(t.contains("2026年7月15日"));
        assert!(t.contains("总体情况") && t.contains("存在的主要问题"));
        assert!(t.contains("整改要求") && t.contains("2026年8月12日"));
        assert!(t.contains("各单位情况一览表"));
        assert!(t.contains("抄送：市教育局") && t.contains("印发"));
        assert!(t.contains("测试学院党政办公室"));
        // Sections only with content: no veto risk in this inbox.
        assert!(!t.contains("一票否决风险提示"));
    }
    // Print: A4 after GB/T 9704, page numbers, page break before the appendix.
    for css in [
        "size: A4",
        "37mm",
        "28mm",
        "16pt",
        "22pt",
        "counter(page)",
        "@bottom-center",
        "break-before: page",
    ] {
        assert!(html.contains(css), "{css}");
    }
    assert!(html.contains("— \" counter(page) \" —"));
    assert!(html.contains("仿宋") && html.contains("小标宋") && html.contains("黑体"));
    assert!(html.contains("楷体"));
    assert!(html.contains("<svg"), "met-rate chart");
    // Self-contained: no external reference, no script.
    for bad in [
        "<script", "<link", "<img", "src=\"", "http://", "https://", "@import", "url(",
    ] {
        assert!(!html.contains(bad), "{bad}");
    }
    // Without --doc-number the number is left blank for the office.
    ok(&build(p, "2026", &["--as-of", "2027-01-20", "--out", "y"]));
    let year = read(p, "y/2026/bulletin.md");
    assert!(year.contains("关于2026年度安全工作考核结果的通报"));
    assert!(year.contains("测院综〔2027〕 号") && year.contains("2027年1月20日"));
    assert!(year.contains("考核结果"));
    let r: Value = serde_json::from_str(&read(p, "y/2026/results.json")).unwrap();
    for u in r["units"].as_array().unwrap() {
        assert_eq!(u["provisional"], false);
        assert_eq!(u["veto_risks"], Value::Array(vec![]));
        assert!(u["vetoes"].is_array());
    }
}

/// Markdown lines that would let submission text change the document's structure.
fn markdown_injections(md: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let unescaped = md.replace("\\\\", "").replace("\\<", "").replace("\\]", "");
    for tag in ["<img", "<script", "<b>"] {
        if unescaped.contains(tag) {
            bad.push(format!("raw {tag}"));
        }
    }
    if unescaped.contains("](javascript") {
        bad.push("javascript link".into());
    }
    let mut cols: Option<usize> = None;
    for line in md.lines() {
        if line.trim_start().starts_with("# heading") {
            bad.push(format!("heading: {line}"));
        }
        if line.starts_with('|') {
            let n = line.replace("\\|", "").matches('|').count();
            if *cols.get_or_insert(n) != n {
                bad.push(format!("table row with {n} bars: {line}"));
            }
        } else {
            cols = None;
        }
    }
    bad
}

#[test]
fn hostile_values_are_escaped_everywhere() {
    let dir = fixture(true);
    let p = dir.path();
    // File names are user input too.
    let evil_file = "=1+1<img src=x onerror=alert(1)>| col | [x](javascript:alert(1)).xlsx";
    std::fs::write(p.join("inbox/2026").join(evil_file), "not a zip").unwrap();
    ledger("信息工程系", 2026, d(2026, 6, 1)).save(&p.join("inbox/2026"), "# a|b <b>c.xlsx");
    ok(&build(p, "2026H1", &[]));
    let all = files(&p.join("public"));
    let mut seen_evil = 0;
    for (name, bytes) in &all {
        let text = String::from_utf8_lossy(bytes);
        if name.ends_with(".html") {
            let tags = [
                "<img",
                "<script",
                "<b>",
                "href=\"javascript",
                "onerror=\"",
                "<link",
                "src=\"",
                "@import",
                "url(",
                "href=\"http",
            ];
            for tag in tags {
                assert!(!text.contains(tag), "{name}: {tag}");
            }
            seen_evil += text.matches("onerror=alert(1)&gt;").count();
        } else if name.ends_with(".md") {
            assert_eq!(markdown_injections(&text), Vec::<String>::new(), "{name}");
        }
    }
    assert!(seen_evil > 0, "hostile text is shown, escaped");
    let md = read(p, "public/2026H1/bulletin.md");
    assert!(md.contains("重视") && !md.contains("javascript:alert(1))\n"));
    // The workbook: never a formula, the raw text kept as text.
    let (_, sheets, strings) = xlsx_parts(&p.join("public/2026H1/summary.xlsx"));
    for s in &sheets {
        assert!(!s.contains("<f>") && !s.contains("<f "), "formula written");
    }
    assert!(strings.contains("=cmd|"), "raw finding text kept");
    assert!(
        strings.contains("=1+1&lt;img"),
        "accident summary kept as text"
    );
}

#[test]
fn summary_workbook_sheets() {
    let dir = fixture(true);
    let p = dir.path();
    ok(&build(p, "2026H1", &[]));
    let (names, sheets, strings) = xlsx_parts(&p.join("public/2026H1/summary.xlsx"));
    assert_eq!(
        names,
        [
            "总表",
            "隐患排查",
            "季度报告",
            "惩戒整改",
            "挂牌督办",
            "安全事故",
            "领导调研督查",
            "数据问题",
            "说明"
        ]
    );
    for (n, s) in names.iter().zip(&sheets) {
        assert!(s.contains("state=\"frozen\""), "{n}: frozen header");
        assert!(s.contains("<autoFilter"), "{n}: autofilter");
        assert!(s.contains("<cols>"), "{n}: column widths");
    }
    let r = json(p, "2026H1");
    assert!(strings.contains(r["config_sha256"].as_str().unwrap()));
    for i in r["inputs"].as_array().unwrap() {
        assert!(strings.contains(i["sha256"].as_str().unwrap()));
    }
    for month in ["2026-01", "2026-06"] {
        assert!(strings.contains(month), "隐患排查 month columns");
    }
    assert!(strings.contains("2026H1") && strings.contains("2026-07-15"));
}

#[test]
fn deterministic_and_atomic() {
    let dir = fixture(true);
    let p = dir.path();
    let inputs = files(&p.join("inbox"));
    ok(&build(p, "2026H1", &[]));
    assert_eq!(files(&p.join("inbox")), inputs, "input files are only read");
    ok(&build(p, "2026", &["--as-of", "2027-01-20"]));
    let first = files(&p.join("public"));
    ok(&build(p, "2026H1", &[]));
    ok(&build(p, "2026", &["--as-of", "2027-01-20"]));
    assert_eq!(files(&p.join("public")), first, "byte-identical rebuild");
    // The same inputs in another folder: the same bytes (no path leaks into the outputs).
    let other = tmp();
    let q = other.path();
    std::fs::create_dir_all(q.join("inbox/2026")).unwrap();
    std::fs::copy(p.join("tongbao.toml"), q.join("tongbao.toml")).unwrap();
    for (rel, bytes) in files(&p.join("inbox/2026")) {
        std::fs::write(q.join("inbox/2026").join(rel), bytes).unwrap();
    }
    ok(&build(q, "2026H1", &[]));
    ok(&build(q, "2026", &["--as-of", "2027-01-20"]));
    assert_eq!(
        files(&q.join("public")),
        first,
        "same bytes in another folder"
    );
    // Index: newest first.
    let index = read(p, "public/index.html");
    let year = index.find("2026/bulletin.html").unwrap();
    let h1 = index.find("2026H1/bulletin.html").unwrap();
    assert!(year < h1, "newest first");
    // A failing run (a broken template override) leaves the previous outputs intact.
    std::fs::create_dir_all(p.join("tpl")).unwrap();
    std::fs::write(p.join("tpl/bulletin.md.tera"), "{% if %}").unwrap();
    let o = build(p, "2026H1", &["--templates", "tpl"]);
    assert!(!o.status.success());
    assert_eq!(files(&p.join("public")), first, "previous outputs intact");
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

const YEAR_CONFIG: &str = r#"
[school]
name = "测试学院"
doc_prefix = "测院综"

[[units]]
name = "信息工程系"
kind = "系部"

[[units]]
name = "机电工程系"
kind = "系部"

[[leaders]]
name = "王某某"

[[semesters]]
name = "2025-2026学年第二学期"
start = 2026-02-23
end = 2026-07-10

[[semesters]]
name = "2026-2027学年第一学期"
start = 2026-09-01
end = 2027-01-20

[bulletin]
cc = ["市教育局"]
printed_by = "测试学院党政办公室"
"#;

/// A year inbox: 信息工程系 had a 重大 accident (V1), 机电工程系 is clean; a register.
fn year_fixture() -> tempfile::TempDir {
    let dir = tmp();
    let p = dir.path();
    std::fs::write(p.join("tongbao.toml"), YEAR_CONFIG).unwrap();
    let inbox = p.join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    let meeting = row![d(2026, 9, 10), "秋季学期会议", "是", "是", "张某某", 20, ""];
    ledger("信息工程系", 2026, d(2027, 1, 5))
        .push(schema::MEETINGS, meeting.clone())
        .push(
            schema::ACCIDENTS,
            row![
                d(2026, 5, 3),
                EVIL,
                "重大",
                3,
                12,
                10,
                2000,
                d(2026, 5, 4),
                "否"
            ],
        )
        .save(&inbox, "信息工程系.xlsx");
    ledger("机电工程系", 2026, d(2027, 1, 5))
        .push(schema::MEETINGS, meeting)
        .save(&inbox, "机电工程系.xlsx");
    register(2026, d(2027, 1, 6))
        .push(
            schema::VISITS,
            row!["王某某", d(2026, 3, 9), "信息工程系", "", ""],
        )
        .push(
            schema::VISITS,
            row!["王某某", d(2026, 10, 9), "机电工程系", "", ""],
        )
        .push(schema::LEADER_REPORTS, row!["王某某", "是", ""])
        .save(&inbox, "保卫处台账.xlsx");
    dir
}

#[test]
fn year_vetoes_commendation_and_h1_risks() {
    let dir = year_fixture();
    let p = dir.path();
    ok(&build(
        p,
        "2026",
        &["--as-of", "2027-01-20", "--doc-number", "3"],
    ));
    let r = json(p, "2026");
    let info = &r["units"][0];
    assert_eq!(info["name"], "信息工程系");
    assert_eq!(info["vetoes"][0]["id"], "V1");
    assert_eq!(info["veto_risks"], Value::Array(vec![]));
    assert_eq!(info["provisional"], false);
    let md = read(p, "public/2026/bulletin.md");
    assert!(md.contains("测院综〔2027〕3号"), "{md}");
    for s in [
        "考核结果",
        "一票否决情况",
        "七.3 一",
        "抄告",
        "市教育局",
        "安全事故情况",
    ] {
        assert!(md.contains(s), "{s}");
    }
    assert_eq!(markdown_injections(&md), Vec::<String>::new());
    // The same accident in H1 is a veto risk, never a veto.
    ok(&build(p, "2026H1", &[]));
    let h1 = json(p, "2026H1");
    let info = &h1["units"][0];
    assert_eq!(info["vetoes"], Value::Array(vec![]));
    assert_eq!(info["veto_risks"][0]["id"], "V1");
    let md = read(p, "public/2026H1/bulletin.md");
    assert!(md.contains("一票否决风险提示") && !md.contains("一票否决情况"));
    // H2 has its own title and the half-year sections.
    ok(&build(p, "2026H2", &["--as-of", "2027-01-20"]));
    let h2 = read(p, "public/2026H2/bulletin.md");
    assert!(h2.contains("关于2026年下半年安全工作跟踪督查情况的通报"));
    assert!(h2.contains("总体情况") && !h2.contains("考核结果"));
    assert_eq!(json(p, "2026H2")["units"][0]["provisional"], true);
}
