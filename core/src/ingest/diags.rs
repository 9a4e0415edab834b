//! Every finding the ingest layer raises, with its stable code and its Chinese text, in one
//! place (as `rules::diags` does for the rules): a wording change is one edit here. The callers
//! add the location (file, sheet, cell, unit) and the raw value where it is a cell's text.
//! Data words (accepted values 是/否, header synonyms, total-row words) stay with the readers.

use super::grid::sheets::with_rule;
use super::guard::limits;
use crate::findings::{Code, Finding};
use crate::schema::{self, SheetSpec};
use chrono::NaiveDate;

/// `missing_sheet`: a workbook that is not a ledger; `contract` is a contract sheet it has
/// (without its header row), `listed` its own sheet names, already joined.
pub fn not_a_ledger(contract: Option<&str>, listed: &str) -> Finding {
    let why = match contract {
        Some(s) => format!("没有“封面”工作表，“{s}”等工作表中也找不到台账的表头"),
        None => "未找到“封面”等台账工作表".to_string(),
    };
    let msg = format!(
        "不是安全工作台账：{why}（本文件的工作表：{listed}），本文件未读取、不计入；请使用 tongbao template 生成的模板填报"
    );
    Finding::error(Code::MissingSheet, msg)
}

/// The `not_a_ledger` tail when a workbook has more sheets than are listed.
pub fn sheets_in_all(count: usize) -> String {
    format!("等共 {count} 张")
}

/// What a missing central-register sheet means where it is not simply 未达标 (rules::mod).
fn register_gap_effect(sheet: &str) -> Option<&'static str> {
    match sheet {
        schema::DETERMINATIONS => Some("，视为无事故认定，否决条件 V4、V5 无法评估"),
        schema::VISITS => Some("，R6 按无调研督查记录判定"),
        schema::LEADER_REPORTS => Some("，R7 按无述职记录判定"),
        schema::ADJUSTMENTS => Some("，不计考评加减分"),
        _ => None,
    }
}

/// `missing_sheet`: the sheet of `spec` is not in the workbook, with what that means.
pub fn missing_sheet(spec: &SheetSpec) -> Finding {
    let what = if spec.name == schema::ACCIDENTS {
        "，视为未报告事故".to_string()
    } else if let Some(w) = register_gap_effect(spec.name) {
        w.to_string()
    } else if spec.rules.is_empty() {
        String::new()
    } else {
        format!("，{} 按未达标处理", spec.rules)
    };
    let msg = format!("缺少工作表“{}”{what}", spec.name);
    let rule = (!spec.rules.is_empty()).then_some(spec.rules);
    with_rule(Finding::error(Code::MissingSheet, msg), rule)
}

/// `unreadable_file` (warning): a sheet's content beyond the read limits from `cell` on.
pub fn sheet_overflow(cell: &str) -> Finding {
    let msg = format!(
        "单元格 {cell} 超出读取范围（最多 {} 行、{} 列、{} 个单元格、文字合计 {} MB），本表自该处起的内容未读取；请删除表格以外的多余内容",
        limits::MAX_ROWS,
        limits::MAX_COLS,
        limits::MAX_CELLS,
        limits::MAX_SHEET_TEXT / 1024 / 1024
    );
    Finding::warning(Code::UnreadableFile, msg)
}

/// `unreadable_file`: sheet `name` could not be read (`why`).
pub fn sheet_unreadable(name: &str, why: &str) -> Finding {
    let msg = format!("工作表“{name}”无法读取（{why}），该表按缺失处理");
    Finding::error(Code::UnreadableFile, msg)
}

/// `out_of_period`: an event date in column `col` outside the ledger year `year`.
pub fn event_out_of_period(col: &str, d: NaiveDate, year: i32, rule: Option<&str>) -> Finding {
    let msg = format!("“{col}”{d} 不在台账年度 {year} 年内，该行不计入");
    with_rule(
        Finding::warning(Code::OutOfPeriod, msg).raw(d.to_string()),
        rule,
    )
}

/// `future_date`: the date `d` in `col` is later than the cover's 报送日期 `submitted`.
pub fn future_date(col: &str, d: NaiveDate, submitted: NaiveDate, rule: Option<&str>) -> Finding {
    let msg = format!("“{col}”{d} 晚于本台账封面报送日期 {submitted}，不可能属实，按未填处理");
    with_rule(
        Finding::warning(Code::FutureDate, msg).raw(d.to_string()),
        rule,
    )
}
