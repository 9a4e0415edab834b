//! Data validation per column kind: drop-down lists for closed sets, roster lists through the
//! hidden `_lists` sheet, date and whole-number checks, and an input message with the help text.

use super::lists::Lists;
use crate::schema::{Col, Kind};
use chrono::NaiveDate;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, DataValidationRule, XlsxError};

pub(crate) const YES_NO: &[&str] = &["是", "否"];
pub(crate) const QUARTERS: &[&str] = &["第一季度", "第二季度", "第三季度", "第四季度"];
pub(crate) const ACCIDENT_GRADES: &[&str] = &["一般", "较大", "重大", "特别重大"];
pub(crate) const HAZARD_GRADES: &[&str] = &["一般", "较大", "重大"];
pub(crate) const MEASURES: &[&str] =
    &["约谈", "黄牌警告", "通报批评", "下发整改通知书", "挂牌督办"];
pub(crate) const LEVELS: &[&str] = &["学校", "市教育局"];
pub(crate) const LISTED_STATES: &[&str] = &["整改中", "已销号", "拒不整改"];
pub(crate) const UNIT_KINDS: &[&str] = &["部门", "系部"];

/// The fixed drop-down of a closed-set kind.
pub(crate) fn fixed_list(kind: Kind) -> Option<&'static [&'static str]> {
    Some(match kind {
        Kind::YesNo => YES_NO,
        Kind::Quarter => QUARTERS,
        Kind::AccidentGrade => ACCIDENT_GRADES,
        Kind::HazardGrade => HAZARD_GRADES,
        Kind::Measure => MEASURES,
        Kind::Level => LEVELS,
        Kind::ListedState => LISTED_STATES,
        Kind::UnitKind => UNIT_KINDS,
        Kind::LedgerType => &[crate::schema::REGISTER_TYPE],
        _ => return None,
    })
}

/// Truncate to Excel's limit, counted in UTF-16 units.
fn clip(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for ch in s.chars() {
        n += ch.len_utf16();
        if n > max {
            break;
        }
        out.push(ch);
    }
    out
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The validation for one column, or None when there is nothing to check or say.
pub(crate) fn for_col(col: &Col, lists: &Lists) -> Result<Option<DataValidation>, XlsxError> {
    let mut error = None;
    let dv = if let Some(list) = fixed_list(col.kind) {
        error = Some(format!("请从下拉列表中选择：{}", list.join("、")));
        DataValidation::new().allow_list_strings(list)?
    } else {
        match col.kind {
            Kind::Unit | Kind::Leader => match lists.formula(col.kind) {
                // The roster may be out of date: warn, do not refuse.
                Some(formula) => DataValidation::new()
                    .allow_list_formula(formula.as_str().into())
                    .set_error_style(DataValidationErrorStyle::Warning)
                    .set_error_message("不在学校名单中，请核对名称")?,
                // No roster: no list, but the input message all the same.
                None => DataValidation::new().allow_any_value(),
            },
            Kind::Date => {
                error = Some("请填写日期，例如 2026-03-05".to_string());
                DataValidation::new().allow_date(DataValidationRule::Between(
                    ymd(1990, 1, 1),
                    ymd(2099, 12, 31),
                ))
            }
            Kind::Count => {
                error = Some("请填写不小于0的整数".to_string());
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            }
            Kind::Year => {
                error = Some("请填写四位年份，例如 2026".to_string());
                DataValidation::new().allow_whole_number(DataValidationRule::Between(1990, 2099))
            }
            _ => DataValidation::new().allow_any_value(),
        }
    };
    let mut dv = dv
        .set_input_title(clip(col.name, 32))?
        .set_input_message(clip(col.help, 255))?;
    if let Some(msg) = error {
        dv = dv
            .set_error_title("输入有误")?
            .set_error_message(clip(&msg, 255))?;
    }
    Ok(Some(dv))
}
