//! A missing central register vs. a register lacking a sheet (mechanism.md, "bad or missing
//! data"; contract.md, `missing_register`): R10/R12, R6/R7, 事故认定, 考评加减分 and `notes`.

use crate::support::rule_inputs::*;
use tongbao::eval::{Results, Status};
use tongbao::model::Register;

const U: [&str; 2] = ["信息工程系", "图书馆"];

/// 信息工程系 submits a perfect ledger; 图书馆 sends nothing.
fn build(reg: Option<Register>, period: &str, as_of: chrono::NaiveDate) -> Results {
    let cfg = config(&U);
    run(&cfg, &inbox(vec![full_ledger(U[0])], reg), period, as_of)
}

fn leader(r: &Results, id: &str) -> (Status, String) {
    let x = &r.leaders[0].rules[id];
    (x.status, x.detail.clone())
}

#[test]
fn register_without_punishment_and_listed_sheets_fails_r10_r12_for_every_unit() {
    let y = build(without_r10_r12_sheets(), "2026", d(2027, 1, 12));
    for u in &y.units {
        for (id, sheet) in [("R10", "惩戒措施"), ("R12", "挂牌督办")] {
            let r = &u.rules[id];
            assert_eq!(r.status, Status::NotMet, "{} {id}", u.name);
            assert_eq!(
                r.detail,
                format!("保卫处台账缺少“{sheet}”工作表，按未达标处理")
            );
            assert_eq!(r.extra["missing_sheet"], sheet);
        }
    }
    let u = &y.units[0];
    assert_eq!(u.not_met, ["R10", "R12"]);
    assert_eq!(u.points["rectification_reports"].earned, 0.0);
    assert_eq!(u.points["listed_hazards"].earned, 0.0);
    assert_eq!(u.score, 80.0);
    assert_eq!(y.notes.len(), 2, "{:?}", y.notes);
    assert!(y.notes[0].starts_with("保卫处台账缺少“惩戒措施”工作表：各单位"));
    assert!(y.notes[1].contains("R12，六.1–3"));
    // The H1 provisional score loses the same 20 of 95 points: 75 / 95 → 78.9.
    let h1 = build(without_r10_r12_sheets(), "2026H1", d(2026, 7, 15));
    assert_eq!(h1.units[0].rules["R10"].status, Status::NotMet);
    assert_eq!(h1.units[0].score, 78.9);
}

fn without_r10_r12_sheets() -> Option<Register> {
    let mut reg = register();
    reg.punishments = None;
    reg.listed_hazards = None;
    Some(reg)
}

#[test]
fn no_register_keeps_r10_r12_na_and_says_v4_v5_cannot_be_evaluated() {
    let y = build(None, "2026", d(2027, 1, 12));
    for id in ["R10", "R12"] {
        assert_eq!(y.units[0].rules[id].status, Status::Na);
        assert_eq!(y.units[0].rules[id].detail, "未收到保卫处台账，本项不评");
    }
    assert_eq!(y.units[0].score, 100.0);
    assert!(!y.register_present);
    assert!(
        y.notes[0].contains("V4（七.3 四）、V5（七.1）无法评估"),
        "{:?}",
        y.notes
    );
    assert!(y.notes.iter().any(|n| n.contains("未计考评加减分")));
    // R6/R7 are judged from no data, naming the missing register.
    assert_eq!(
        leader(&y, "R6"),
        (
            Status::NotMet,
            "本年度调研督查0次，少于2次（未收到保卫处台账）".into()
        )
    );
    assert_eq!(
        leader(&y, "R7"),
        (Status::NotMet, "无述职报告记录（未收到保卫处台账）".into())
    );
    assert_eq!(y.leaders[0].rules["R6"].extra["visits"], 0);
    let dec31 = build(None, "2026", d(2026, 12, 31));
    assert_eq!(leader(&dec31, "R6").0, Status::Pending);
    assert_eq!(leader(&dec31, "R7").0, Status::Pending);
    let h1 = build(None, "2026H1", d(2026, 7, 15));
    assert_eq!(
        leader(&h1, "R6"),
        (
            Status::Pending,
            "进度滞后：上半年调研督查0次，全年应不少于2次（未收到保卫处台账）".into()
        )
    );
    assert_eq!(leader(&h1, "R7").0, Status::Na);
    assert_eq!(h1.notes.len(), 2, "R7 and 考评加减分 are year-end only");
}

#[test]
fn r6_r7_register_without_leader_sheets_is_pending_until_year_end_then_not_met() {
    let mut reg = register();
    reg.visits = None;
    reg.leader_reports = None;
    let h1 = build(Some(reg.clone()), "2026H1", d(2026, 7, 15));
    let (s, detail) = leader(&h1, "R6");
    assert_eq!(s, Status::Pending);
    assert!(detail.starts_with("进度滞后"), "{detail}");
    assert!(
        detail.ends_with("（保卫处台账缺少“领导调研督查”工作表）"),
        "{detail}"
    );
    assert_eq!(h1.notes.len(), 1, "{:?}", h1.notes);
    let h2 = build(Some(reg.clone()), "2026H2", d(2026, 12, 31));
    assert_eq!(leader(&h2, "R6").0, Status::Pending);
    let y = build(Some(reg), "2026", d(2027, 1, 1));
    assert_eq!(leader(&y, "R6").0, Status::NotMet);
    assert_eq!(
        leader(&y, "R7"),
        (
            Status::NotMet,
            "无述职报告记录（保卫处台账缺少“领导述职”工作表）".into()
        )
    );
    assert_eq!(y.notes.len(), 2, "{:?}", y.notes);
    // The units are not affected.
    assert_eq!(y.units[0].score, 100.0);
}

#[test]
fn r9_r11_v4_v5_register_without_determinations_or_adjustments_counts_none() {
    let mut reg = register();
    reg.determinations = None;
    reg.adjustments = None;
    let y = build(Some(reg), "2026", d(2027, 1, 12));
    let u = &y.units[0];
    assert_eq!(u.rules["R9"].status, Status::Met);
    assert_eq!(u.rules["R11"].status, Status::Na);
    assert!(u.adjustments.is_empty());
    assert_eq!(u.score, 100.0);
    assert_eq!(
        y.notes,
        [
            "保卫处台账缺少“事故认定”工作表：视为无事故认定，一票否决条件 V4（七.3 四）、V5（七.1）无法评估",
            "保卫处台账缺少“考评加减分”工作表：未计考评加减分"
        ]
    );
    let full = build(Some(register()), "2026", d(2027, 1, 12));
    assert!(full.notes.is_empty());
}
