//! After the scores: rankings (ties by roster order), 考评加减分, commendation (一.3) and
//! 表现较好的单位, and the escalation suggestions (五.3, 六.3) — suggestions, never measures.

use crate::eval::{AdjustmentRecord, Status, UnitResult};
use crate::rules::Ctx;
use crate::rules::listed::{OVERDUE, REFUSED};

/// The central register's 考评加减分 rows for the unit (year only).
pub fn adjustments(ctx: &Ctx, unit: &str) -> Vec<AdjustmentRecord> {
    let Some(rows) = ctx.register.and_then(|r| r.adjustments.as_deref()) else {
        return Vec::new();
    };
    let mut v: Vec<_> = rows
        .iter()
        .filter(|a| a.unit.as_deref() == Some(unit))
        .filter_map(|a| {
            Some((
                a.loc.row,
                AdjustmentRecord {
                    points: a.points?,
                    reason: a.reason.clone().unwrap_or_default(),
                },
            ))
        })
        .collect();
    v.sort_by_key(|(row, _)| *row);
    v.into_iter().map(|(_, a)| a).collect()
}

/// 1-based rank by score, ties by roster order.
pub fn rank(units: &mut [UnitResult]) {
    let mut idx: Vec<usize> = (0..units.len()).collect();
    idx.sort_by(|&a, &b| {
        units[b]
            .score
            .total_cmp(&units[a].score)
            .then(units[a].order.cmp(&units[b].order))
    });
    for (r, i) in idx.into_iter().enumerate() {
        units[i].rank = r + 1;
    }
}

/// Year: 优秀, no veto, no R11 accident → commended. H1/H2: no 未达标 rule and no veto risk →
/// 表现较好.
pub fn commend(ctx: &Ctx, u: &mut UnitResult) {
    if ctx.final_year() {
        u.commended = u.grade == "优秀"
            && u.vetoes.is_empty()
            && !u.accidents.iter().any(|a| a.accountability);
    } else {
        u.performing_well = u.not_met.is_empty() && u.veto_risks.is_empty();
    }
}

/// `[suggestions]`: 建议约谈 / 建议通报批评 / 建议从重处罚 / 建议撤换部门主要负责人.
pub fn suggestions(ctx: &Ctx, u: &UnitResult) -> Vec<String> {
    let cfg = &ctx.cfg.suggestions;
    let mut out = Vec::new();
    let n = u.not_met.len();
    if cfg.interview_at > 0 && n >= cfg.interview_at as usize {
        out.push(format!(
            "建议约谈（五.3）：本期{n}项规定未达标（{}）",
            u.not_met.join("、")
        ));
    }
    if let Some(r10) = u
        .rules
        .get("R10")
        .filter(|_| cfg.criticism_on_missing_report)
    {
        for i in r10.items.iter().filter(|i| i.status == Status::NotMet) {
            if i.fields.get("submitted").is_none_or(|v| v.is_null()) {
                out.push(format!("建议通报批评（五.3）：{}", i.detail));
            }
        }
    }
    if let Some(r12) = u.rules.get("R12") {
        for i in &r12.items {
            match i.fields.get("state").and_then(|v| v.as_str()) {
                Some(OVERDUE) if cfg.heavier_on_overdue_hazard => {
                    out.push(format!("建议从重处罚（六.3）：{}", i.detail));
                }
                Some(REFUSED) if cfg.replace_head_on_refusal => {
                    out.push(format!("建议撤换部门主要负责人（六.3）：{}", i.detail));
                }
                _ => {}
            }
        }
    }
    out
}
