//! 一票否决 (七): the conditions V1–V5. At year-end they are vetoes; in H1/H2 V1, V2, V4, V5 are
//! evaluated on the data so far and reported as 否决风险. Each names its evidence.

use crate::eval::{AccidentRecord, VetoRecord};
use crate::rules::Ctx;

fn rec(id: &str, clause: &str, condition: &str, detail: String) -> VetoRecord {
    VetoRecord {
        id: id.into(),
        clause: clause.into(),
        condition: condition.into(),
        detail,
    }
}

/// The accident's date and how its grade is known, e.g. 2026-03-05（保卫处认定）.
fn evidence(a: &AccidentRecord) -> String {
    let when = a.date.map_or("日期不详".to_string(), |d| d.to_string());
    let how = if a.determined_grade.is_some() {
        "保卫处认定"
    } else {
        "单位报告"
    };
    let what = a
        .summary
        .as_deref()
        .map_or(String::new(), |s| format!("，{s}"));
    format!(
        "{when}{}事故（{how}{what}）",
        a.grade.as_deref().unwrap_or("")
    )
}

fn is_grade(a: &AccidentRecord, grades: &[&str]) -> bool {
    a.grade.as_deref().is_some_and(|g| grades.contains(&g))
}

/// V1, V2, V4, V5 on a unit's accidents (the period's, or in H2 the year's so far).
pub fn conditions(ctx: &Ctx, accidents: &[AccidentRecord]) -> Vec<VetoRecord> {
    let mut out = Vec::new();
    let worst: Vec<String> = accidents
        .iter()
        .filter(|a| is_grade(a, &["重大", "特别重大"]))
        .map(evidence)
        .collect();
    if !worst.is_empty() {
        out.push(rec(
            "V1",
            "七.3 一",
            "发生重大校园安全事故",
            worst.join("；"),
        ));
    }
    let major: Vec<String> = accidents
        .iter()
        .filter(|a| is_grade(a, &["较大"]))
        .map(evidence)
        .collect();
    let target = ctx.cfg.rules.major_accident_control_target as usize;
    if major.len() > target {
        let detail = format!(
            "较大事故{}起，超过控制目标{target}起：{}",
            major.len(),
            major.join("；")
        );
        out.push(rec("V2", "七.3 二", "较大校园安全事故超过控制目标", detail));
    }
    let concealed: Vec<String> = accidents
        .iter()
        .filter(|a| a.concealed == Some(true) && a.bad_influence == Some(true))
        .map(|a| format!("保卫处认定{}谎报或瞒报，且造成不良影响", evidence(a)))
        .collect();
    if !concealed.is_empty() {
        out.push(rec(
            "V4",
            "七.3 四",
            "谎报或隐瞒不报安全事故，且造成不良影响",
            concealed.join("；"),
        ));
    }
    let responsible: Vec<String> = accidents
        .iter()
        .filter(|a| a.responsible == Some(true) && is_grade(a, &["较大", "重大", "特别重大"]))
        .map(|a| format!("保卫处认定对{}负有责任", evidence(a)))
        .collect();
    if !responsible.is_empty() {
        out.push(rec(
            "V5",
            "七.1",
            "对较大及以上学校安全事故负有责任",
            responsible.join("；"),
        ));
    }
    out
}

/// V3: the year-end score is below the pass line; evaluated only after the period's end.
pub fn v3(ctx: &Ctx, score: f64) -> Option<VetoRecord> {
    let pass = ctx.cfg.grades.pass;
    (ctx.period.is_year() && ctx.period_over() && score < pass).then(|| {
        rec(
            "V3",
            "七.3 三",
            "综治安全目标责任制考评不达标",
            format!("年终考核得分{score}分，低于合格线{pass}分"),
        )
    })
}
