//! The preview of one unit (预览（以保卫处通报为准）): the file as the unit's ledger, the
//! register facts of the build, the period of the build and the day the unit chose → the same
//! `eval::evaluate` as `build` → that unit's rules R1–R5, R8, R13, R15 (from the file) and R10,
//! R12 (from the register facts), its provisional score and grade with the same rubric.

use super::Prepared;
use crate::eval::{EvalInput, evaluate};
use crate::mechanism::RuleId;
use crate::model::Inbox;
use crate::results::Status;
use chrono::NaiveDate;
use serde::Serialize;

/// The rules the preview shows, in this order (file rules, then register rules).
pub const PREVIEW_RULES: [RuleId; 10] = [
    RuleId::R1,
    RuleId::R2,
    RuleId::R3,
    RuleId::R4,
    RuleId::R5,
    RuleId::R8,
    RuleId::R13,
    RuleId::R15,
    RuleId::R10,
    RuleId::R12,
];

/// One rule of the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewRule {
    pub id: RuleId,
    pub title: String,
    pub clause: String,
    pub status: Status,
    /// 达标 / 未达标 / 待完成 / 不适用
    pub status_label: &'static str,
    pub detail: String,
    /// From the central register (R10, R12) rather than the file.
    pub from_register: bool,
}

/// A unit's preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preview {
    pub unit: String,
    /// 2026H1 and 2026年上半年
    pub period: String,
    pub period_label: String,
    pub as_of: NaiveDate,
    pub rules: Vec<PreviewRule>,
    /// One decimal, as in the bulletin; None while nothing is judged.
    pub score: Option<f64>,
    pub grade: &'static str,
    pub provisional: bool,
    /// 报送日期 after the period's submission due date.
    pub late_submission: bool,
    pub submission_due: NaiveDate,
    /// 一票否决风险 in words (condition: detail).
    pub veto_risks: Vec<String>,
    /// What could not be judged for want of register data (as the bulletin says it).
    pub notes: Vec<String>,
}

/// The preview of the unit whose ledger the file is; Err says why there is none.
pub fn preview(p: &Prepared, inbox: &Inbox, as_of: NaiveDate) -> Result<Preview, String> {
    if inbox.register.is_some() {
        return Err(
            "本文件是保卫处汇总台账：各单位的评价以保卫处通报为准，本页不作预览".to_string(),
        );
    }
    let Some((unit, _)) = inbox.ledgers.iter().next() else {
        return Err(format!(
            "本文件未作为{}的单位台账计入，暂无评价预览（请先按上面的问题修改）",
            p.period.label_cn()
        ));
    };
    if !p.cfg.units.iter().any(|u| &u.name == unit) {
        return Err("本文件的单位不在学校单位名册中，暂无评价预览".to_string());
    }
    let mut inbox = inbox.clone();
    inbox.register = p.register.clone();
    let results = evaluate(&EvalInput {
        cfg: &p.cfg,
        inbox: &inbox,
        period: p.period,
        as_of,
        doc_number: None,
    });
    let u = results
        .units
        .iter()
        .find(|r| &r.name == unit)
        .ok_or_else(|| "本单位不在学校单位名册中，暂无评价预览".to_string())?;
    let rules = PREVIEW_RULES
        .iter()
        .filter_map(|id| {
            let r = u.rules.get(id)?;
            Some(PreviewRule {
                id: *id,
                title: r.title.clone(),
                clause: r.clause.clone(),
                status: r.status,
                status_label: r.status.label(),
                detail: r.detail.clone(),
                from_register: matches!(id, RuleId::R10 | RuleId::R12),
            })
        })
        .collect();
    Ok(Preview {
        unit: unit.clone(),
        period: results.period.clone(),
        period_label: p.period.label_cn(),
        as_of,
        rules,
        score: u.score,
        grade: u.grade.label(),
        provisional: u.provisional,
        late_submission: u.late_submission,
        submission_due: results.submission_due,
        veto_risks: u
            .veto_risks
            .iter()
            .map(|v| format!("{}（{}）：{}", v.condition, v.clause, v.detail))
            .collect(),
        notes: results.notes.clone(),
    })
}
