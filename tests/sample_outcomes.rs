//! The designed outcomes of sample-data/EXPECTED.md: ingest sample-data/inbox/2026 with
//! sample-data/tongbao.toml, evaluate 2026H1 (as-of 2026-07-15) and 2026 (as-of 2027-01-12).

use chrono::NaiveDate;
use std::path::Path;
use tongbao::eval::{Results, Status};
use tongbao::rules::{EvalInput, evaluate};

fn build(period: &str, as_of: NaiveDate) -> Results {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let cfg = tongbao::config::load(&base.join("tongbao.toml")).unwrap();
    let opts = tongbao::ingest::Options { year: Some(2026), recursive: false };
    let inbox = tongbao::ingest::ingest_dir(&base.join("inbox/2026"), &cfg, &opts).unwrap();
    evaluate(&EvalInput { cfg: &cfg, inbox: &inbox, period: period.parse().unwrap(), as_of, doc_number: None })
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn probe() {
    for (p, a) in [("2026H1", d(2026, 7, 15)), ("2026", d(2027, 1, 12))] {
        let r = build(p, a);
        println!("=== {p}");
        for u in &r.units {
            let nm: Vec<String> = u.rules.iter().filter(|(_, r)| matches!(r.status, Status::NotMet | Status::Pending)).map(|(k, r)| format!("{k}:{:?}:{}", r.status, r.detail)).collect();
            println!("{} {} {} vetoes={:?} risks={:?} pw={} c={} {:?}", u.name, u.score, u.grade, u.vetoes.iter().map(|v| &v.id).collect::<Vec<_>>(), u.veto_risks.iter().map(|v| &v.id).collect::<Vec<_>>(), u.performing_well, u.commended, nm);
            println!("   sugg {:?}", u.suggestions);
        }
        for l in &r.leaders { println!("{} {:?}", l.name, l.rules.iter().map(|(k, r)| format!("{k}:{:?}:{}", r.status, r.detail)).collect::<Vec<_>>()); }
        for f in &r.findings { println!("{:?} {:?} {:?} {:?} {:?} {}", f.code, f.severity, f.file, f.sheet, f.cell, f.message); }
        println!("{:?} {:?} {:?}", r.rectification_due, r.summary.commended, r.summary.performing_well);
    }
}
