//! Acceptance: on a messy inbox built in code, `tongbao build` turns every problem into a finding
//! that points at its place — every finding about a cell names file, sheet and A1 cell, carries
//! the unit it concerns, and the findings are the same, in the same order, on a rebuild.

use crate::support::books::*;
use crate::support::roster::ROSTER;
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use tongbao::schema;

fn messy_inbox(dir: &std::path::Path) {
    let inbox = dir.join("inbox/2026");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(dir.join("tongbao.toml"), ROSTER).unwrap();
    let sub = d(2026, 7, 3);
    let mut info = ledger("信息系", 2026, sub)
        .push(schema::MEETINGS, row!["2026-02-30", "会", "是", "是"])
        .push(schema::MEETINGS, row![d(2026, 7, 20), "未来会", "是", "是"])
        .push(
            schema::MEETINGS,
            row![d(2025, 12, 20), "去年会", "是", "是"],
        )
        .push(
            schema::HAZARDS,
            row![d(2026, 3, 1), "", "一般", d(2026, 4, 1)],
        )
        .push(schema::QUARTERLY, row!["第五季度", d(2026, 4, 5)])
        .push(
            schema::ACCIDENTS,
            row![d(2026, 5, 1), "火灾", "一般", 0, 2, 0, 1500],
        );
    // Q1 says 2 accidents, the ledger has none in Q1.
    info.rows(schema::QUARTERLY)[1] = row!["第一季度", d(2026, 4, 5), "季度报告", 2];
    info.save(&inbox, "信息系.xlsx");
    ledger("图书馆", 2026, sub).save(&inbox, "图书馆.xlsx");
    ledger("机电工程系", 2025, d(2025, 12, 30)).save(&inbox, "机电2025.xlsx");
    ledger("学生处", 2026, d(2026, 7, 8))
        .without(schema::INSPECTIONS)
        .save(&inbox, "学生处.xlsx");
    std::fs::write(inbox.join("坏文件.xlsx"), b"%PDF-1.4 garbage").unwrap();
    register(2026, sub)
        .push(schema::PUNISHMENTS, row!["不存在系", "约谈", d(2026, 3, 2)])
        .push(schema::PUNISHMENTS, row!["学生处", "警告", d(2026, 3, 2)])
        .push(schema::VISITS, row!["李不在", d(2026, 3, 2), "学生处"])
        .push(
            schema::DETERMINATIONS,
            row!["机电工程系", d(2026, 5, 5), "一般", "是", "否", "否"],
        )
        .push(
            schema::LISTED,
            row![
                "G1",
                "隐患",
                "学生处",
                "学校",
                d(2026, 3, 1),
                d(2026, 4, 1),
                "",
                "已销号"
            ],
        )
        .save(&inbox, "reg.xlsx");
}

fn build(dir: &std::path::Path) -> Vec<Value> {
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir)
        .args(["build", "--period", "2026H1", "--as-of", "2026-07-15"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.join("public/2026H1/results.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn every_cell_finding_names_file_sheet_cell_and_unit() {
    let dir = tmp();
    messy_inbox(dir.path());
    let findings = build(dir.path());
    let codes: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for want in [
        "bad_value",
        "missing_value",
        "future_date",
        "out_of_period",
        "unknown_unit",
        "unreadable_file",
        "missing_sheet",
        "grade_too_low",
        "inconsistent_count",
        "inconsistent_value",
        "unreported_accident",
        "late_submission",
        "unknown_leader",
    ] {
        assert!(codes.contains(want), "{want} missing from {codes:?}");
    }
    // File-level codes have no cell; a missing sheet has a sheet and no cell.
    let whole_file = ["unreadable_file", "skipped_file", "superseded_file"];
    for f in &findings {
        let code = f["code"].as_str().unwrap();
        assert!(f["file"].is_string(), "{f}");
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
        if whole_file.contains(&code) {
            continue;
        }
        assert!(f["sheet"].is_string(), "{f}");
        if code != "missing_sheet" {
            let cell = f["cell"].as_str().unwrap_or_else(|| panic!("no cell: {f}"));
            assert!(
                cell.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && cell.chars().last().is_some_and(|c| c.is_ascii_digit()),
                "{f}"
            );
        }
        // A finding about a roster unit's data names the unit (the unknown ones cannot).
        if code != "unknown_unit" && f["file"] != "reg.xlsx" {
            assert!(f["unit"].is_string(), "{f}");
        }
    }
    let at = |code: &str| {
        let f = findings.iter().find(|f| f["code"] == code).unwrap();
        format!(
            "{}!{}",
            f["sheet"].as_str().unwrap(),
            f["cell"].as_str().unwrap()
        )
    };
    assert_eq!(at("grade_too_low"), "安全事故!C2");
    assert_eq!(at("late_submission"), "封面!B4");
    assert_eq!(at("unreported_accident"), "事故认定!B2");
    assert_eq!(at("inconsistent_count"), "季度报告!D2");
    assert_eq!(at("future_date"), "安全工作会议!A4");

    // Same findings, same order, on a rebuild.
    assert_eq!(build(dir.path()), findings);
}
