//! 附件 各单位情况一览表: every unit × every rule status (√ × △ —), score and grade, each unit
//! linked to its feedback page, with the marks' legend and the rules' names.

use super::super::phrases as say;
use super::super::view::*;
use crate::eval::Results;

pub fn appendix(r: &Results, esc: Esc, html: bool) -> Section {
    let ids = all_unit_rules(r);
    let pages = super::super::feedback::pages(r, if html { "html" } else { "md" });
    let mut head = vec![say::UNIT.to_string()];
    head.extend(ids.iter().cloned());
    head.extend([
        say::score_word(final_year(r)).to_string(),
        say::GRADE.into(),
    ]);
    let rows = r
        .units
        .iter()
        .map(|u| {
            let page = pages.get(&u.name).map(|p| href(p)).unwrap_or_default();
            let mut row = vec![Cell::link(esc(&u.name), page)];
            for id in &ids {
                row.push(match u.rules.get(id.as_str()) {
                    Some(x) => Cell::status_mark(x.status),
                    None => Cell::text(say::NONE),
                });
            }
            row.push(Cell::num(score_text(u.score)));
            row.push(Cell {
                class: "grade".into(),
                ..Cell::text(esc(&u.grade))
            });
            row
        })
        .collect();
    let legend: Vec<String> = ids
        .iter()
        .filter_map(|id| {
            let x = r.units.iter().find_map(|u| u.rules.get(id.as_str()))?;
            Some(say::legend_entry(id, &esc(&rule_label(id, x))))
        })
        .collect();
    Section {
        heading: say::APPENDIX.into(),
        paras: vec![say::legend(), say::legend_rules(&legend)],
        table: Some(Table { head, rows }),
        ..Default::default()
    }
}
