//! Acceptance scenarios found by running the pipeline as the office would (e.g. `watch` while
//! ledgers are still arriving): a unit whose ledger is not yet due is 待完成, not 未达标.

use crate::support::books::*;
use tongbao::eval::{Results, Status};
use tongbao::rules::{EvalInput, evaluate};

fn run(period: &str, as_of: NaiveDate) -> Results {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 6, 10)).save(dir.path(), "信息系.xlsx");
    ledger("机电工程系", 2026, d(2026, 6, 10)).save(dir.path(), "机电.xlsx");
    register(2026, d(2026, 6, 10)).save(dir.path(), "保卫处.xlsx");
    let cfg = roster();
    let opts = tongbao::ingest::Options {
        year: Some(2026),
        recursive: false,
    };
    let inbox = tongbao::ingest::ingest_dir(dir.path(), &cfg, &opts).unwrap();
    evaluate(&EvalInput {
        cfg: &cfg,
        inbox: &inbox,
        period: period.parse().unwrap(),
        as_of,
        doc_number: None,
    })
}

fn statuses(r: &Results, unit: &str) -> Vec<(String, Status)> {
    let u = r.units.iter().find(|u| u.name == unit).unwrap();
    ["R1", "R2", "R3", "R4", "R5", "R11", "R13", "R15"]
        .iter()
        .map(|id| (id.to_string(), u.rules[*id].status))
        .collect()
}

#[test]
fn r15_r4_ledger_not_yet_due_is_pending_not_failed() {
    // H1 submissions are due 07-05: on 06-15 学生处 has simply not sent its ledger yet.
    let r = run("2026H1", d(2026, 6, 15));
    for (id, s) in statuses(&r, "学生处") {
        assert_eq!(s, Status::Pending, "{id} before the due date");
    }
    let u = r.units.iter().find(|u| u.name == "学生处").unwrap();
    assert_eq!(u.rules["R4"].detail, "未报送，截止2026-07-05");
    assert!(u.not_met.is_empty(), "{:?}", u.not_met);
    assert!(
        u.suggestions.is_empty(),
        "no 建议约谈 for a ledger not yet due"
    );
    let md = tongbao::report::render_all(&r, &roster(), None).unwrap();
    let md = String::from_utf8(md[&std::path::PathBuf::from("bulletin.md")].clone()).unwrap();
    assert!(!md.contains("学生处：（"), "empty 整改要求 line:\n{md}");

    // After the due date (as-of 07-15) the same inbox makes them 未达标.
    let r = run("2026H1", d(2026, 7, 15));
    for (id, s) in statuses(&r, "学生处") {
        assert_eq!(s, Status::NotMet, "{id} after the due date");
    }
}
