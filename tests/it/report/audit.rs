//! Conformance audit against outputs.md (2/2): the bulletin's fixed texts and print CSS,
//! escaping of hostile submission values, the summary workbook, determinism and atomicity,
//! year vetoes and half-year veto risks.

use crate::support::books::*;
use crate::support::work_folder::*;
use serde_json::Value;

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
        "156mm",
        "225mm",
        "28mm",
        "16pt",
        "22pt",
        "counter(page)",
        "@page :right { @bottom-right",
        "@page :left { @bottom-left",
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
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        if name.ends_with("check.html") {
            // Its scripts are the program's own (the data in them is JSON with `<` escaped, see
            // check::page): the markup around them is checked like every page.
            while let Some(start) = text.find("<script") {
                let end = text[start..]
                    .find("</script>")
                    .map_or(text.len(), |e| start + e + 9);
                text.replace_range(start..end, "");
            }
        }
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
            "得分明细",
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
    assert!(strings.contains("2026H1") && strings.contains("2026-01-01 至 2026-06-30"));
    // The as-of date (说明, last sheet) is an Excel date: serial 46218 = 2026-07-15.
    assert!(
        sheets[sheets.len() - 1].contains("<v>46218</v>"),
        "as-of as a date"
    );
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
    let mut top: Vec<String> = std::fs::read_dir(p.join("public"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(
        top,
        // The lock file stays (outputs.md "Atomic": a lock file in the output folder).
        [
            ".tongbao.lock",
            "2026",
            "2026H1",
            "check.html",
            "index.html"
        ],
        "no temporary folder left"
    );
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
    // The same accident in H1 is a veto risk, never a veto. The January files are dated after
    // the H1 as-of (2026-07-15) and do not count (outputs.md "Settled" 1): the inbox also holds
    // the versions sent in July, with the same accident.
    let inbox = p.join("inbox/2026");
    ledger("信息工程系", 2026, d(2026, 7, 10))
        .push(
            tongbao::schema::ACCIDENTS,
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
        .save(&inbox, "信息工程系-07.xlsx");
    ledger("机电工程系", 2026, d(2026, 7, 10)).save(&inbox, "机电工程系-07.xlsx");
    register(2026, d(2026, 7, 10))
        .push(
            tongbao::schema::VISITS,
            row!["王某某", d(2026, 3, 9), "信息工程系", "", ""],
        )
        .save(&inbox, "保卫处台账-07.xlsx");
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
