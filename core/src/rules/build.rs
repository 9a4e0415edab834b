//! Building blocks of rule results: the constructors every rule family uses to hand on
//! `results::RuleResult` and `results::Item` values, clause and title from `RuleId`.

use super::RuleId;
use crate::results::{Item, ItemFields, RuleFacts, RuleResult, Status};

/// A rule result with its clause and title filled in.
pub fn result(id: RuleId, status: Status, detail: impl Into<String>) -> RuleResult {
    RuleResult {
        status,
        detail: detail.into(),
        clause: id.clause().to_string(),
        title: id.title().to_string(),
        items: Vec::new(),
        facts: None,
    }
}

/// `result` with the rule's own facts.
pub fn with_facts(
    id: RuleId,
    status: Status,
    detail: impl Into<String>,
    facts: RuleFacts,
) -> RuleResult {
    RuleResult {
        facts: Some(facts),
        ..result(id, status, detail)
    }
}

/// A rule made of items: status is the worst item (不适用 with none), detail as given.
pub fn from_items(id: RuleId, items: Vec<Item>, detail: impl Into<String>) -> RuleResult {
    let status = Status::worst(items.iter().map(|i| i.status));
    let mut r = result(id, status, detail);
    r.items = items;
    r
}

/// A rule over `items`: 不适用 with `none` when there are none; else the worst item's status,
/// with the reasons of the items not met as detail, or `otherwise(status, items)` when every
/// item is met or pending.
pub fn items_result(
    id: RuleId,
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

/// An item with its rule-specific fields.
pub fn item(status: Status, detail: impl Into<String>, fields: ItemFields) -> Item {
    Item {
        status,
        detail: detail.into(),
        fields,
    }
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
