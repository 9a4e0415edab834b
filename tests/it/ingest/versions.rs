//! Versions and as-of (contract.md "The inbox", outputs.md "Settled" 1; issue 7 "Files dated
//! after as-of"): versions dated on or before as-of count, a later one is one `after_as_of`
//! warning with `inputs[].reason = after_as_of` and no other finding, a unit whose only file is
//! later is 未报送, lateness is judged on the earliest eligible version, an alias added makes a
//! file join its unit's versions.

use crate::support::books::*;
use crate::support::results_json::*;
use serde_json::Value;

fn reason<'a>(v: &'a Value, file: &str) -> &'a Value {
    let i = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in inputs"));
    &i["reason"]
}

/// A ledger with a bad date in it, so that its own findings would show if it were read.
fn flawed(unit: &str, submitted: NaiveDate) -> Book {
    ledger(unit, 2026, submitted).push("隐患排查", row!["2026-02-30", "食堂"])
}

#[test]
fn rebuilding_h1_in_december_with_july_and_december_files_gives_the_july_result() {
    let july = ledger("信息工程系", 2026, d(2026, 7, 3));
    let dec = flawed("信息工程系", d(2026, 12, 1));
    let only_dec = flawed("机电工程系", d(2026, 12, 2));
    let files = [
        ("信息-7月.xlsx", &july),
        ("信息-12月.xlsx", &dec),
        ("机电-12月.xlsx", &only_dec),
    ];
    let v = build(&files, "", "2026H1", "2026-07-15");
    assert_eq!(unit(&v, "信息工程系")["file"], "信息-7月.xlsx");
    assert_eq!(rule(&v, "信息工程系", "R15")["status"], "met");
    // Only a later file: 未报送, never 按时报送.
    assert_eq!(unit(&v, "机电工程系")["submitted"], false);
    assert_eq!(st(&v, "机电工程系", "R15"), "not_met");
    for f in ["信息-12月.xlsx", "机电-12月.xlsx"] {
        assert_eq!(reason(&v, f), "after_as_of");
        let own: Vec<_> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["file"] == f)
            .collect();
        assert_eq!(own.len(), 1, "{own:#?}");
        assert_eq!(own[0]["code"], "after_as_of");
        assert_eq!(own[0]["severity"], "warning");
        assert_eq!(own[0]["cell"], "B4");
        assert!(
            own[0]["message"].as_str().unwrap().contains("2026-07-15"),
            "{}",
            own[0]["message"]
        );
    }
    assert_eq!(reason(&v, "信息-7月.xlsx"), &Value::Null);
    // In December both December files count.
    let v = build(&files, "", "2026H1", "2026-12-20");
    assert_eq!(unit(&v, "信息工程系")["file"], "信息-12月.xlsx");
    assert_eq!(reason(&v, "信息-7月.xlsx"), "superseded");
    assert_eq!(unit(&v, "机电工程系")["submitted"], true);
}

#[test]
fn lateness_is_judged_on_the_earliest_eligible_version() {
    // 信息: on time (07-01), resent late (07-12) → on time. 机电: first sent 07-10 → late.
    // 学生处: an undated version ranks lowest and never hides the dated one.
    let files = [
        ("信息1.xlsx", &ledger("信息工程系", 2026, d(2026, 7, 1))),
        ("信息2.xlsx", &ledger("信息工程系", 2026, d(2026, 7, 12))),
        ("机电1.xlsx", &ledger("机电工程系", 2026, d(2026, 7, 10))),
        ("机电2.xlsx", &ledger("机电工程系", 2026, d(2026, 7, 14))),
        ("学生处1.xlsx", &ledger("学生处", 2026, d(2026, 7, 2))),
        (
            "学生处2.xlsx",
            &ledger("学生处", 2026, d(2026, 7, 2)).sheet(
                "封面",
                cover(vec![
                    ("单位名称", "学生处".into()),
                    ("年度", 2026.into()),
                    ("主要负责人", "张某某".into()),
                ]),
            ),
        ),
    ];
    let v = build(&files, "", "2026H1", "2026-07-15");
    assert_eq!(unit(&v, "信息工程系")["file"], "信息2.xlsx");
    assert_eq!(rule(&v, "信息工程系", "R15")["late"], false);
    assert_eq!(unit(&v, "机电工程系")["file"], "机电2.xlsx");
    assert_eq!(rule(&v, "机电工程系", "R15")["late"], true);
    let late = findings(&v, "late_submission", Some("机电工程系"));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0]["file"], "机电2.xlsx");
    let msg = late[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("机电1.xlsx") && msg.contains("2026-07-10"),
        "{msg}"
    );
    assert!(findings(&v, "late_submission", Some("信息工程系")).is_empty());
    assert_eq!(unit(&v, "学生处")["file"], "学生处1.xlsx");
    assert_eq!(reason(&v, "学生处2.xlsx"), "superseded");
    assert_eq!(v["summary"]["late"], 1);
}

#[test]
fn a_register_dated_after_as_of_does_not_count() {
    let l = ledger("信息工程系", 2026, d(2026, 7, 1));
    let old = register(2026, d(2026, 7, 2));
    let new = register(2026, d(2026, 12, 1));
    let v = build(
        &[("l.xlsx", &l), ("r7.xlsx", &old), ("r12.xlsx", &new)],
        "",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(v["register_file"], "r7.xlsx");
    assert_eq!(reason(&v, "r12.xlsx"), "after_as_of");
    let v = build(
        &[("l.xlsx", &l), ("r12.xlsx", &new)],
        "",
        "2026H1",
        "2026-07-15",
    );
    assert_eq!(v["register_present"], false);
    assert_eq!(findings(&v, "after_as_of", None).len(), 1);
    assert_eq!(findings(&v, "missing_register", None).len(), 1);
}

#[test]
fn an_alias_added_makes_the_file_join_its_units_versions() {
    let old = ledger("经济管理系", 2026, d(2026, 7, 1));
    let new = ledger("经济管理学院", 2026, d(2026, 7, 10));
    let files = [("经管-旧.xlsx", &old), ("经管-新.xlsx", &new)];
    let roster = "[[units]]\nname = \"经济管理系\"\nkind = \"系部\"\n";
    let v = build(&files, roster, "2026H1", "2026-07-15");
    assert_eq!(unit(&v, "经济管理系")["file"], "经管-旧.xlsx");
    assert_eq!(reason(&v, "经管-新.xlsx"), "rejected");
    assert_eq!(findings(&v, "unknown_unit", None).len(), 1);
    let aliased =
        "[[units]]\nname = \"经济管理系\"\nkind = \"系部\"\naliases = [\"经济管理学院\"]\n";
    let v = build(&files, aliased, "2026H1", "2026-07-15");
    assert_eq!(unit(&v, "经济管理系")["file"], "经管-新.xlsx");
    assert_eq!(reason(&v, "经管-旧.xlsx"), "superseded");
    assert!(findings(&v, "unknown_unit", None).is_empty());
    // Lateness still on the earliest version, the one sent under the roster name.
    assert_eq!(rule(&v, "经济管理系", "R15")["late"], false);
}
