//! Timing of ingest on a folder of 20 realistic ledgers and a register (ignored by default):
//! `cargo test --release --test it ingest::perf -- --ignored --nocapture`.

use crate::support::books::*;
use tongbao::ingest::{Options, ingest_dir};
use tongbao::schema;

/// A full year's ledger: 20 plan tasks, 4 meetings, 3 inspections a month, 40 hazards,
/// 4 quarterly reports, 2 accidents.
fn full_ledger(unit: &str) -> Book {
    let mut b = ledger(unit, 2026, d(2027, 1, 8));
    let plan = b.rows(schema::PLAN);
    for i in 2..=20 {
        plan.push(row![
            i,
            format!("安全工作任务{i}"),
            "李四",
            d(2026, (i % 12) as u32 + 1, 28)
        ]);
    }
    let insp = b.rows(schema::INSPECTIONS);
    for m in 1..=12 {
        for day in [15, 25] {
            insp.push(row![
                d(2026, m, day),
                "教学楼、实验室、宿舍、食堂",
                "张三、李四、王五",
                2,
                2,
                "已整改"
            ]);
        }
    }
    let haz = b.rows(schema::HAZARDS);
    for i in 0..40u32 {
        let found = d(2026, i % 12 + 1, 3);
        haz.push(row![
            found,
            format!("隐患{i}：消防通道堵塞"),
            "一般隐患",
            found + chrono::Duration::days(20),
            "清理",
            found + chrono::Duration::days(10),
            "李四"
        ]);
    }
    let meet = b.rows(schema::MEETINGS);
    for m in [4, 9, 11] {
        meet.push(row![
            d(2026, m, 8),
            "安全工作会议",
            "是",
            "是",
            "张某某",
            25,
            "纪要"
        ]);
    }
    let acc = b.rows(schema::ACCIDENTS);
    acc.push(row![
        d(2026, 5, 6),
        "学生体育课扭伤",
        "一般",
        0,
        1,
        0,
        0.2,
        d(2026, 5, 20),
        "是"
    ]);
    acc.push(row![
        d(2026, 10, 6),
        "实验室小火情",
        "一般",
        0,
        0,
        0,
        1.1,
        "",
        "否"
    ]);
    b
}

#[test]
#[ignore]
fn time_twenty_ledgers() {
    let dir = tmp();
    let mut units: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for i in 0..20 {
        let name = format!("单位{i:02}");
        full_ledger(&name).save(dir.path(), &format!("{name}.xlsx"));
        units.push((name, if i % 2 == 0 { "系部" } else { "部门" }, vec![]));
    }
    register(2026, d(2027, 1, 9)).save(dir.path(), "保卫处台账.xlsx");
    let refs: Vec<(&str, &str, &[&str])> = units
        .iter()
        .map(|(n, k, a)| (n.as_str(), *k, a.as_slice()))
        .collect();
    let cfg = config(&refs, &[]);
    let opts = Options {
        year: Some(2026),
        recursive: false,
    };
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let inbox = ingest_dir(dir.path(), &cfg, &opts).unwrap();
        times.push(t.elapsed());
        assert_eq!(inbox.ledgers.len(), 20);
        assert!(
            inbox.findings.is_empty(),
            "{:#?}",
            &inbox.findings[..3.min(inbox.findings.len())]
        );
    }
    times.sort();
    eprintln!(
        "20 ledgers + register: median {:?} (min {:?}, max {:?})",
        times[2], times[0], times[4]
    );
}
