//! Building blocks of rule results: a rule id → its clause and title (`meta`), and the
//! constructors every rule family uses to hand on `eval::RuleResult` and `eval::Item` values.

use crate::eval::{Item, RuleResult, Status};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;

/// Clause and short Chinese title of a rule.
pub fn meta(id: &str) -> (&'static str, &'static str) {
    match id {
        "R1" => ("一.1", "年度安全工作计划"),
        "R2" => ("二.1", "每学期安全工作会议"),
        "R3" => ("二.1", "主要负责人研究防范措施"),
        "R4" => ("二.1", "每月隐患排查"),
        "R5" => ("五.1", "季度报告"),
        "R6" => ("四.1", "领导基层调研督查"),
        "R7" => ("四.1", "领导述职报告含安全工作"),
        "R8" => ("四.2", "年度总结报告履职、述职述安"),
        "R9" => ("五.2", "安全事故多发"),
        "R10" => ("五.3", "惩戒措施书面整改报告"),
        "R11" => ("五.4", "事故书面检查报告及问责"),
        "R12" => ("六.1–3", "挂牌督办隐患整改"),
        "R13" => ("二.1、六.1", "隐患及时整改"),
        "R15" => ("一.1、五.1", "台账报送"),
        _ => ("", ""),
    }
}

/// A rule result with its clause and title filled in.
pub fn result(id: &str, status: Status, detail: impl Into<String>) -> RuleResult {
    let (clause, title) = meta(id);
    RuleResult {
        status,
        detail: detail.into(),
        clause: clause.to_string(),
        title: title.to_string(),
        items: Vec::new(),
        extra: BTreeMap::new(),
    }
}

/// A rule made of items: status is the worst item (不适用 with none), detail as given.
pub fn from_items(id: &str, items: Vec<Item>, detail: impl Into<String>) -> RuleResult {
    let status = Status::worst(items.iter().map(|i| i.status));
    let mut r = result(id, status, detail);
    r.items = items;
    r
}

/// A rule over `items`: 不适用 with `none` when there are none; else the worst item's status,
/// with the reasons of the items not met as detail, or `otherwise(status, items)` when every
/// item is met or pending.
pub fn items_result(
    id: &str,
    items: Vec<Item>,
    none: &str,
    otherwise: impl FnOnce(Status, &[Item]) -> String,
) -> RuleResult {
    if items.is_empty() {
        return result(id, Status::Na, none);
    }
    let detail = join_details(&items, Status::NotMet, "");
    let mut r = from_items(id, items, detail);
    if r.detail.is_empty() {
        r.detail = otherwise(r.status, &r.items);
    }
    r
}

/// An item with its rule-specific keys.
pub fn item(status: Status, detail: impl Into<String>, fields: Vec<(&str, Value)>) -> Item {
    Item {
        status,
        detail: detail.into(),
        fields: fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    }
}

/// ISO date or null.
pub fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// Text or null.
pub fn text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_string()))
}

/// Detail joining the reasons of the items that are not met (or the given fallback).
pub fn join_details(items: &[Item], status: Status, fallback: &str) -> String {
    let parts: Vec<&str> = items
        .iter()
        .filter(|i| i.status == status)
        .map(|i| i.detail.as_str())
        .collect();
    if parts.is_empty() {
        fallback.to_string()
    } else {
        parts.join("；")
    }
}

/// The message for a missing ledger sheet, e.g. 台账缺少「隐患排查」工作表.
pub fn missing_sheet(sheet: &str) -> String {
    format!("台账缺少「{sheet}」工作表")
}
