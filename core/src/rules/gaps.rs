//! What the central register's absence, or a missing register sheet, does to the rules
//! (mechanism.md "bad or missing data"; contract.md `missing_register`), and the `notes` that
//! say so in results.json.

use super::result;
use crate::eval::{RuleResult, Status};
use crate::schema::{ADJUSTMENTS, DETERMINATIONS, LEADER_REPORTS, LISTED, PUNISHMENTS, VISITS};
use serde_json::Value;

/// Why a central-register sheet gives no rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterGap {
    /// No central register in the inbox (contract.md: `missing_register`).
    NoRegister,
    /// The register lacks this sheet (an error finding from ingest).
    MissingSheet(&'static str),
}

impl RegisterGap {
    /// 未收到保卫处台账 / 保卫处台账缺少“惩戒措施”工作表
    pub fn text(&self) -> String {
        match self {
            RegisterGap::NoRegister => "未收到保卫处台账".to_string(),
            RegisterGap::MissingSheet(s) => format!("保卫处台账缺少“{s}”工作表"),
        }
    }
}

/// R10/R12 without their register sheet: 不适用 with no register at all (contract.md), 未达标
/// when the register lacks the sheet (mechanism.md, "bad or missing data").
pub fn register_gap_result(id: &str, gap: RegisterGap) -> RuleResult {
    match gap {
        RegisterGap::NoRegister => result(id, Status::Na, "未收到保卫处台账，本项不评"),
        RegisterGap::MissingSheet(sheet) => {
            let mut r = result(id, Status::NotMet, format!("{}，按未达标处理", gap.text()));
            r.extra.insert("missing_sheet".into(), Value::from(sheet));
            r
        }
    }
}

/// What the missing central register, or each missing register sheet, leaves unevaluated
/// (results.json `notes`, for the bulletin).
pub fn register_notes(ctx: &super::Ctx) -> Vec<String> {
    let year = ctx.period.is_year();
    let Some(reg) = ctx.register else {
        let mut n = vec![
            "未收到保卫处台账：惩戒整改报告（R10，五.3）、挂牌督办整改（R12，六.1–3）不适用；\
             无事故认定，一票否决条件 V4（七.3 四）、V5（七.1）无法评估"
                .to_string(),
            "未收到保卫处台账：校领导基层调研督查（R6，四.1）按无调研督查记录判定".to_string(),
        ];
        if year {
            n.push(
                "未收到保卫处台账：校领导述职报告（R7，四.1）按无述职记录判定，未计考评加减分"
                    .into(),
            );
        }
        return n;
    };
    let sheets: [(&str, bool, bool, &str); 6] = [
        (
            PUNISHMENTS,
            reg.punishments.is_none(),
            true,
            "各单位惩戒整改报告（R10，五.3）按未达标处理",
        ),
        (
            LISTED,
            reg.listed_hazards.is_none(),
            true,
            "各单位挂牌督办整改（R12，六.1–3）按未达标处理",
        ),
        (
            DETERMINATIONS,
            reg.determinations.is_none(),
            true,
            "视为无事故认定，一票否决条件 V4（七.3 四）、V5（七.1）无法评估",
        ),
        (
            VISITS,
            reg.visits.is_none(),
            true,
            "校领导基层调研督查（R6，四.1）按无调研督查记录判定",
        ),
        (
            LEADER_REPORTS,
            reg.leader_reports.is_none(),
            year,
            "校领导述职报告（R7，四.1）按无述职记录判定",
        ),
        (
            ADJUSTMENTS,
            reg.adjustments.is_none(),
            year,
            "未计考评加减分",
        ),
    ];
    sheets
        .iter()
        .filter(|(_, missing, relevant, _)| *missing && *relevant)
        .map(|(sheet, _, _, what)| format!("{}：{what}", RegisterGap::MissingSheet(sheet).text()))
        .collect()
}
