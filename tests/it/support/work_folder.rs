//! Shared fixtures of the conformance audit (`output::audit`, `report::audit`): a hostile working
//! folder, a year folder with a veto, running the binary, reading outputs, xlsx parts, Markdown
//! checks.
#![allow(dead_code)]

use super::books::*;
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use tongbao::schema;

/// Every hostile trick in one string: HTML, Markdown table/heading/link injection, a formula.
pub const EVIL: &str =
    "=1+1<img src=x onerror=alert(1)>| col |\n# heading [x](javascript:alert(1)) *b*";

pub const CONFIG: &str = r#"
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
pub fn fixture(with_register: bool) -> tempfile::TempDir {
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

pub fn tongbao(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("tongbao").unwrap();
    c.current_dir(dir);
    c
}

pub fn build(dir: &Path, period: &str, extra: &[&str]) -> std::process::Output {
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

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn json(dir: &Path, period: &str) -> Value {
    serde_json::from_str(&read(dir, &format!("public/{period}/results.json"))).unwrap()
}

pub fn files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
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
pub fn xlsx_parts(path: &Path) -> (Vec<String>, Vec<String>, String) {
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

pub fn ok(o: &std::process::Output) {
    assert!(
        o.status.success(),
        "status {:?}\n{}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Markdown lines that would let submission text change the document's structure.
pub fn markdown_injections(md: &str) -> Vec<String> {
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

pub const YEAR_CONFIG: &str = r#"
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
pub fn year_fixture() -> tempfile::TempDir {
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
