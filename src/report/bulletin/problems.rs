//! What is not met and what to fix: 存在的主要问题 (every 未达标 rule with its units, leaders'
//! R6/R7 under 四.1) and 整改要求 (per unit, what to fix by the 整改 date, 五.3). Both name
//! each unit with a link to its feedback page.

use super::super::phrases as say;
use super::super::view::*;
use crate::eval::{Results, Status};

/// Rules judged from a unit's own ledger: for a unit that did not submit, they are all
/// 未达标 because of R15 and are reported once, under R15.
pub fn ledger_rule(id: &str) -> bool {
    crate::rules::RuleId::parse(id).is_some_and(|r| r.needs_ledger())
}

pub fn problems(r: &Results, esc: Esc, pages: &Pages) -> Option<Section> {
    let mut groups = Vec::new();
    for id in all_unit_rules(r) {
        let mut group = Group::default();
        let mut label = String::new();
        for u in &r.units {
            let Some(rule) = u.rules.get(id.as_str()) else {
                continue;
            };
            if rule.status != Status::NotMet || (!u.submitted && ledger_rule(&id)) {
                continue;
            }
            if label.is_empty() {
                label = esc(&rule_label(&id, rule));
            }
            let rest = say::not_met(&esc(&why(rule)), id == "R15");
            group.push_linked(esc(&u.name), pages.get(&u.name), rest);
        }
        if !group.lines.is_empty() {
            group.heading = label;
            groups.push(group);
        }
    }
    let leaders = leader_problems(r, esc);
    if !leaders.is_empty() {
        groups.push(Group {
            heading: say::LEADER_PROBLEMS.into(),
            lines: leaders,
            ..Default::default()
        });
    }
    if groups.is_empty() {
        return None;
    }
    Some(Section {
        heading: say::PROBLEMS.into(),
        paras: vec![say::PROBLEMS_LEAD.into()],
        groups,
        ..Default::default()
    })
}

/// Leaders' 未达标 rules (R6, R7), one line each.
fn leader_problems(r: &Results, esc: Esc) -> Vec<String> {
    r.leaders
        .iter()
        .flat_map(|l| {
            rule_order(l.rules.keys().map(ToString::to_string))
                .into_iter()
                .filter_map(|id| l.rules.get(id.as_str()).map(|x| (id, x)))
                .filter(|(_, x)| x.status == Status::NotMet)
                .map(|(id, x)| {
                    say::leader_not_met(&esc(&l.name), &esc(&rule_label(&id, x)), &esc(&why(x)))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// 整改要求: every unit with a 未达标 rule, what to fix and by when. The date is a fact of
/// the bulletin (counted in working days, or `--rectification-due`); whether it was counted
/// without holiday data is for the office's terminal list, never for this text.
pub fn rectification(r: &Results, esc: Esc, pages: &Pages) -> Option<Section> {
    let mut group = Group::default();
    for u in &r.units {
        let bad = unit_rules_with(u, Status::NotMet);
        if bad.is_empty() {
            continue;
        }
        let list: Vec<String> = bad
            .iter()
            .filter(|(id, _)| u.submitted || !ledger_rule(id))
            .map(|(id, x)| match id.as_str() {
                "R15" => say::RESUBMIT.to_string(),
                _ => esc(&rule_label(id, x)),
            })
            .collect();
        let suggestions: Vec<String> = u.suggestions.iter().map(|s| esc(s)).collect();
        group.push_linked(
            esc(&u.name),
            pages.get(&u.name),
            say::to_fix(&list, &suggestions),
        );
    }
    if group.lines.is_empty() {
        return None;
    }
    Some(Section {
        heading: say::RECTIFICATION.into(),
        paras: vec![say::rectification(&date_cn(r.rectification_due))],
        groups: vec![group],
        ..Default::default()
    })
}
