//! Scores, vetoes (七), commendation, adjustments, accident cross-checks.

use crate::support::rule_inputs::*;
use tongbao::eval::{AccidentSource, Grade, Results, Status};
use tongbao::findings::Code;
use tongbao::model::{AccidentGrade, Adjustment};

const U: &str = "信息工程系";

fn year(ledger: tongbao::model::Ledger, reg: tongbao::model::Register, target: u32) -> Results {
    let mut cfg = config(&[U]);
    cfg.rules.major_accident_control_target = target;
    run(
        &cfg,
        &inbox(vec![ledger], Some(reg)),
        "2026",
        d(2027, 1, 12),
    )
}

fn ids(r: &Results) -> Vec<String> {
    r.units[0].vetoes.iter().map(|v| v.id.to_string()).collect()
}

fn with_accident(grade: AccidentGrade) -> tongbao::model::Ledger {
    let mut l = full_ledger(U);
    l.accidents = Some(vec![accident("x.xlsx", 2, d(2026, 5, 6), grade, 0, 0)]);
    l
}

#[test]
fn v1_v5_clean_unit_has_no_veto() {
    let r = year(full_ledger(U), register(), 0);
    assert!(r.units[0].vetoes.is_empty() && r.units[0].veto_risks.is_empty());
}

#[test]
fn v1_serious_accident() {
    let r = year(with_accident(AccidentGrade::Serious), register(), 0);
    assert_eq!(ids(&r), ["V1"]);
    assert_eq!(r.units[0].grade, "不合格（一票否决）");
    assert_eq!(r.units[0].vetoes[0].clause, "七.3 一");
    assert!(r.units[0].vetoes[0].detail.contains("2026-05-06"));
    assert!(!r.units[0].commended);
    assert_eq!(r.summary.vetoed, [U]);
}

#[test]
fn v2_major_accidents_over_target() {
    let r = year(with_accident(AccidentGrade::Major), register(), 0);
    assert_eq!(ids(&r), ["V2"]);
    assert_eq!(r.units[0].score, Some(98.0));
    assert!(
        year(with_accident(AccidentGrade::Major), register(), 1).units[0]
            .vetoes
            .is_empty()
    );
}

#[test]
fn v3_score_below_pass_line() {
    let mut l = full_ledger(U);
    l.inspections = Some(vec![]);
    l.meetings = Some(vec![]);
    l.quarterly = Some(vec![]);
    l.plan = None;
    let r = year(l, register(), 0);
    assert_eq!(r.units[0].score, Some(35.0));
    assert_eq!(ids(&r), ["V3"]);
    assert_eq!(
        r.units[0].rules["R1"].detail,
        "台账缺少「年度安全工作计划」工作表"
    );
}

#[test]
fn v4_concealment_with_bad_influence() {
    let mut reg = register();
    let mut det = determination(U, 2, d(2026, 5, 6), AccidentGrade::General);
    det.concealed = Some(true);
    det.bad_influence = Some(true);
    reg.determinations = Some(vec![det]);
    let r = year(with_accident(AccidentGrade::General), reg.clone(), 0);
    assert_eq!(ids(&r), ["V4"]);
    reg.determinations.as_mut().unwrap()[0].bad_influence = Some(false);
    assert!(
        year(with_accident(AccidentGrade::General), reg, 0).units[0]
            .vetoes
            .is_empty()
    );
}

#[test]
fn v5_responsible_for_major_accident() {
    let mut reg = register();
    let mut det = determination(U, 2, d(2026, 5, 6), AccidentGrade::Major);
    det.responsible = Some(true);
    reg.determinations = Some(vec![det]);
    let mut l = with_accident(AccidentGrade::General);
    l.accidents.as_mut().unwrap()[0].report_on = Some(d(2026, 5, 20));
    let r = year(l, reg, 1);
    assert_eq!(ids(&r), ["V5"]);
    assert_eq!(
        r.units[0].accidents[0].grade,
        Some(AccidentGrade::Major),
        "the determination is authoritative"
    );
    assert_eq!(r.units[0].rules["R11"].status, Status::Met);
}

#[test]
fn v1_half_year_reports_risks_not_vetoes() {
    let cfg = config(&[U]);
    let r = run(
        &cfg,
        &inbox(
            vec![with_accident(AccidentGrade::Serious)],
            Some(register()),
        ),
        "2026H1",
        d(2026, 7, 15),
    );
    assert!(r.units[0].vetoes.is_empty());
    assert_eq!(r.units[0].veto_risks[0].id, "V1");
    assert!(!r.units[0].performing_well);
    assert_eq!(r.summary.veto_risk, [U]);
}

#[test]
fn v3_unit_without_ledger_scores_zero_and_is_vetoed_at_year_end() {
    let cfg = config(&[U, "机电工程系"]);
    let mut reg = register();
    reg.adjustments = Some(vec![adjustment("机电工程系", 50.0)]);
    let r = run(
        &cfg,
        &inbox(vec![full_ledger(U)], Some(reg)),
        "2026",
        d(2027, 1, 12),
    );
    let u = &r.units[1];
    assert_eq!(u.score, Some(0.0));
    assert_eq!(
        u.vetoes.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
        ["V3"]
    );
    assert_eq!(u.rules["R8"].status, Status::NotMet);
    assert_eq!(u.rank, 2);
    // Before the year's end V3 is not evaluated.
    let early = run(
        &cfg,
        &inbox(vec![full_ledger(U)], Some(register())),
        "2026",
        d(2026, 12, 31),
    );
    assert!(early.units[1].vetoes.is_empty());
}

fn adjustment(unit: &str, points: f64) -> Adjustment {
    Adjustment {
        loc: loc("保卫处台账.xlsx", "考评加减分", 2),
        unit: Some(unit.into()),
        points: Some(points),
        reason: Some("理由".into()),
        approver: None,
    }
}

#[test]
fn adjustments_are_clamped_and_rounded_half_up() {
    let mut reg = register();
    reg.adjustments = Some(vec![adjustment(U, 5.0)]);
    assert_eq!(
        year(full_ledger(U), reg.clone(), 0).units[0].score,
        Some(100.0)
    );
    reg.adjustments = Some(vec![adjustment(U, -3.75)]);
    let r = year(full_ledger(U), reg.clone(), 0);
    assert_eq!(r.units[0].score, Some(96.3));
    assert_eq!(r.units[0].adjustments[0].points, -3.75);
    let h1 = run(
        &config(&[U]),
        &inbox(vec![full_ledger(U)], Some(reg)),
        "2026H1",
        d(2026, 7, 15),
    );
    assert_eq!(
        h1.units[0].score,
        Some(100.0),
        "no adjustments in a half year"
    );
}

#[test]
fn r9_r11_accident_cross_checks() {
    let mut l = full_ledger(U);
    let mut a = accident("x.xlsx", 2, d(2026, 2, 2), AccidentGrade::General, 3, 0);
    std::sync::Arc::make_mut(&mut a.loc.at).cols = [("事故等级", 2u32)].into_iter().collect();
    l.accidents = Some(vec![
        a,
        accident("x.xlsx", 3, d(2026, 3, 3), AccidentGrade::General, 0, 0),
        accident("x.xlsx", 4, d(2026, 3, 3), AccidentGrade::General, 0, 0),
    ]);
    l.quarterly.as_mut().unwrap()[0].accident_count = Some(1);
    let mut reg = register();
    reg.determinations = Some(vec![
        determination(U, 2, d(2026, 3, 3), AccidentGrade::General),
        determination(U, 3, d(2026, 8, 8), AccidentGrade::General),
    ]);
    let r = year(l, reg, 0);
    let codes: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
    for c in [
        Code::GradeTooLow,
        Code::InconsistentCount,
        Code::UnreportedAccident,
        Code::DuplicateValue,
    ] {
        assert_eq!(
            codes.iter().filter(|x| **x == c).count(),
            1,
            "{c:?}: {:?}",
            r.findings
        );
    }
    let g = r
        .findings
        .iter()
        .find(|f| f.code == Code::GradeTooLow)
        .unwrap();
    assert_eq!(g.cell.as_deref(), Some("C2"));
    let u = &r.units[0];
    assert_eq!(u.accidents.len(), 4);
    assert_eq!(u.accidents[3].source, AccidentSource::Register);
    assert_eq!(u.accidents[0].implied_grade, Some(AccidentGrade::Major));
    assert_eq!(u.rules["R9"].status, Status::NotMet);
    assert_eq!(r.summary.frequent_accident_units, [U]);
    assert_eq!(
        u.rules["R11"].status,
        Status::NotMet,
        "3 deaths, no written report"
    );
    // 10 − 4×2 − 5 → 0 (floor).
    assert_eq!(u.points["accidents"].earned, 0.0);
    assert!(!u.commended);
}

#[test]
fn ranks_commendation_and_feedback_names() {
    let cfg = config(&["a/b", "a_b", "..", "信息工程系"]);
    let mut worse = full_ledger("信息工程系");
    worse.inspections.as_mut().unwrap().pop();
    let mut alias = full_ledger("a_b");
    alias.cover.unit_name_raw = Some("别名".into());
    let ib = inbox(vec![full_ledger("a/b"), alias, worse], Some(register()));
    let r = run(&cfg, &ib, "2026", d(2027, 1, 12));
    let feedback: Vec<&str> = r.units.iter().map(|u| u.feedback.as_str()).collect();
    assert_eq!(
        feedback,
        [
            "feedback/a_b.html",
            "feedback/a_b-2.html",
            "feedback/unit.html",
            "feedback/信息工程系.html"
        ]
    );
    let ranks: Vec<usize> = r.units.iter().map(|u| u.rank).collect();
    assert_eq!(ranks, [1, 2, 4, 3]);
    assert!(
        r.units[1].submitted,
        "a ledger resolved from an alias counts for its unit"
    );
    assert_eq!(r.summary.commended, ["a/b", "a_b", "信息工程系"]);
    assert_eq!(r.units[3].score, Some(98.3));
    assert_eq!(r.summary.grade_counts["优秀"], 3);
    let r4 = r.summary.met_rates.iter().find(|m| m.rule == "R4").unwrap();
    assert_eq!((r4.met, r4.not_met, r4.rate), (2, 2, Some(0.5)));
}

#[test]
fn suggestions_to_interview_name_the_clause() {
    let mut l = full_ledger(U);
    l.inspections = Some(vec![]);
    l.meetings = Some(vec![]);
    let r = year(l, register(), 0);
    assert_eq!(
        r.units[0].suggestions,
        ["建议约谈（五.3）：本期3项规定未达标（R2、R3、R4）"]
    );
}

/// Timing: `cargo test --release --test it rules::scoring -- --ignored --nocapture`.
#[test]
#[ignore]
fn evaluate_time_on_30_units() {
    let names: Vec<String> = (1..=30).map(|i| format!("单位{i:02}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let cfg = config(&refs);
    let mut reg = register();
    let mut ledgers = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let mut l = full_ledger(n);
        let row = i as u32 + 2;
        l.accidents = Some(vec![accident(
            "x.xlsx",
            2,
            d(2026, 5, 6),
            AccidentGrade::General,
            0,
            1,
        )]);
        reg.punishments.as_mut().unwrap().push(punishment(
            n,
            row,
            d(2026, 4, 28),
            Some(d(2026, 6, 1)),
        ));
        reg.determinations.as_mut().unwrap().push(determination(
            n,
            row,
            d(2026, 5, 6),
            AccidentGrade::General,
        ));
        reg.adjustments.as_mut().unwrap().push(adjustment(n, 1.0));
        ledgers.push(l);
    }
    let ib = inbox(ledgers, Some(reg));
    let mut times: Vec<f64> = (0..41)
        .map(|_| {
            let t = std::time::Instant::now();
            let r = run(&cfg, &ib, "2026", d(2027, 1, 12));
            assert_eq!(r.units.len(), 30);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "evaluate, 30 units, year: median {:.3} ms, min {:.3} ms, max {:.3} ms",
        times[20], times[0], times[40]
    );
    assert!(times[20] < 1000.0);
}

/// outputs.md "Settled" 5: in a year preview a unit with nothing judged yet (here: its ledger
/// is not due before January) has `score: null`, shown —, and no grade, ranked last; after
/// 31 Dec the same unit scores 0 (R15) and is vetoed (V3).
#[test]
fn year_preview_unit_with_nothing_judged_has_no_score() {
    let cfg = config(&[U, "学生处"]);
    let inbox = inbox(vec![full_ledger(U)], Some(register()));
    let preview = run(&cfg, &inbox, "2026", d(2026, 7, 15));
    assert!(preview.preview);
    let (sent, missing) = (&preview.units[0], &preview.units[1]);
    assert!(sent.score.is_some_and(|s| s > 0.0));
    assert_eq!(missing.score, None);
    assert_eq!(missing.grade, Grade::NotYet);
    assert_eq!(missing.rank, 2, "ranked after every scored unit");
    assert!(!preview.summary.grade_counts.contains_key("—"));
    let json: serde_json::Value = serde_json::from_slice(&preview.to_json()).unwrap();
    assert_eq!(json["units"][1]["score"], serde_json::Value::Null);
    assert_eq!(json["units"][1]["grade"], serde_json::Value::Null);
    assert!(json["units"][0]["score"].is_number());
    let done = run(&cfg, &inbox, "2026", d(2027, 1, 12));
    assert_eq!(done.units[1].score, Some(0.0));
    assert_eq!(done.units[1].grade, Grade::Vetoed, "V3 (七.3 三)");
}
