//! Every finding the rules raise, with its stable code and its Chinese text, in one place (as
//! cargo-deny keeps each check's wording in its diags.rs): a wording change is one edit here.
//! The callers add the location (file, sheet, cell, unit). (Titles and the per-rule advice of
//! the feedback pages are with the list of rules, `mechanism::RuleId`.)

use super::RuleId;
use crate::findings::{Code, Finding};
use chrono::NaiveDate;

/// `holiday_data_missing` (mechanism.md "working day"): `rule` counted working days through
/// `year` without holiday data; without a rule it is the bulletin's 整改要求 date.
pub fn holiday_data_missing(
    rule: Option<RuleId>,
    year: i32,
    rectification_due: Option<NaiveDate>,
) -> Finding {
    let message = match (rule, rectification_due) {
        (None, Some(due)) => format!(
            "节假日数据缺失：{year}年。通报整改要求的截止日期 {due} 是按周一至周五推算的，\
             可能落在{year}年的节假日期间。两种办法：在配置文件中补充 [[calendar.year]] \
             year = {year} 的放假和调休安排后重新生成；或用 build --rectification-due 日期 \
             直接指定截止日期"
        ),
        _ => {
            let what = match rule {
                None => "整改要求期限".to_string(),
                Some(id) => format!("{id}（{}）的期限", id.clause()),
            };
            format!(
                "节假日数据缺失：{year}年。{what}按周一至周五计算工作日，\
                 请在配置文件 [[calendar.year]] 中补充{year}年的放假和调休安排"
            )
        }
    };
    let f = Finding::warning(Code::HolidayDataMissing, message);
    match rule {
        Some(id) => f.rule(id.as_str()),
        None => f,
    }
}

/// `late_submission` (R15): `earlier` names the first version when it is not the counting file.
pub fn late_submission(earlier: Option<&str>, on: NaiveDate, due: NaiveDate) -> Finding {
    let which = earlier.map_or(String::new(), |file| format!("首次报送的版本“{file}”"));
    Finding::warning(
        Code::LateSubmission,
        format!("逾期报送：{which}报送日期{on}晚于截止日期{due}（一.1、五.1）"),
    )
    .rule(RuleId::R15.as_str())
}

/// How a listed hazard's 状态 contradicts its dates (R12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateConflict {
    /// 已销号 without a 销号日期.
    ClosedUndated,
    /// A 销号日期 with 状态 整改中.
    DatedInProgress,
    /// A 销号日期 with 状态 拒不整改.
    DatedRefused,
}

/// `inconsistent_value` (R12): 状态 contradicting the dates.
pub fn listed_state_conflict(conflict: StateConflict) -> Finding {
    let message = match conflict {
        StateConflict::ClosedUndated => {
            "状态为“已销号”但未填销号日期，按期销号处理，请补填销号日期（六.1）"
        }
        StateConflict::DatedInProgress => {
            "已填销号日期但状态为“整改中”，按销号日期判定，请核对状态（六.1）"
        }
        StateConflict::DatedRefused => {
            "已填销号日期但状态为“拒不整改”，按销号日期判定，请核对状态（六.3）"
        }
    };
    Finding::warning(Code::InconsistentValue, message).rule(RuleId::R12.as_str())
}

/// The rule field of the accident findings.
const ACCIDENT_RULES: &str = "R9、R11";

/// `unreported_accident` (R9, R11): a determination with no reported accident.
pub fn unreported_accident(date: Option<NaiveDate>) -> Finding {
    Finding::warning(
        Code::UnreportedAccident,
        format!(
            "疑似未报告事故：保卫处认定{}的事故在本单位台账“安全事故”中无对应记录（五.4；七.3 四）",
            date.map_or(String::new(), |x| x.to_string())
        ),
    )
    .rule(ACCIDENT_RULES)
}

/// `duplicate_value` (R9, R11): several accidents on one date, matched in row order.
pub fn accidents_share_date(reported: usize, determined: usize) -> Finding {
    Finding::warning(
        Code::DuplicateValue,
        format!(
            "同一发生日期有多起事故（台账{reported}起、认定{determined}起），按行序一一对应，请核对（五.4）"
        ),
    )
    .rule(ACCIDENT_RULES)
}

/// `grade_too_low` (R9, R11): the reported grade is below the one the figures imply.
pub fn grade_too_low(implied: &str, reported: &str) -> Finding {
    Finding::warning(
        Code::GradeTooLow,
        format!(
            "等级疑似偏低：按死亡、重伤人数和直接经济损失应为{implied}事故，台账报告为{reported}事故（国务院令第493号；七.3 四）"
        ),
    )
    .raw(reported)
    .rule(ACCIDENT_RULES)
}

/// `inconsistent_count` (R5, R9): a quarterly report's 事故起数 against the ledger's rows.
pub fn inconsistent_count(quarter: &str, count: u32, rows: usize) -> Finding {
    Finding::warning(
        Code::InconsistentCount,
        format!("{quarter}报告事故起数为{count}，“安全事故”表中该季度有{rows}起，请核对（五.1；七.3 四）"),
    )
    .raw(count.to_string())
    .rule("R5、R9")
}

/// The detail of a rule whose ledger sheet is missing, e.g. 台账缺少「隐患排查」工作表.
pub fn missing_sheet(sheet: &str) -> String {
    format!("台账缺少「{sheet}」工作表")
}
