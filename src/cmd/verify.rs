//! 印发前请核对: the short list the office must clear before issuing the bulletin, printed on the
//! terminal by `build` and `check` (outputs.md "The bulletin is the office's official text";
//! contract.md "The inbox"). Derived from the evaluation's findings and results only — never
//! from flags — so it says what the outputs actually rest on:
//! 1. files whose cover unit name is not on the roster (each otherwise reads as a 未报送);
//! 2. files dated after as-of (not counted; a mistyped date would make a unit 未报送 quietly);
//! 3. files that could not be read or were not counted for another reason;
//! 4. (`build`) deadlines counted through a year without holiday data, each date named, with the
//!    two ways out: a `[[calendar.year]]` block for that year, or `build --rectification-due`;
//! 5. (`build`) a year build made before the year has ended: a 预评, not the final result.
//!
//! The words are in `cmd::messages`.

use super::messages as say;
use crate::calendar::Calendar;
use crate::config::Config;
use crate::eval::{PeriodKind, Results};
use crate::findings::{Code, Finding};
use crate::model::{InputFile, Role};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Items about files (1–3), for `check` and `build`.
pub fn file_items(findings: &[Finding], inputs: &[InputFile]) -> Vec<String> {
    let mut out = Vec::new();
    let mut listed = BTreeSet::new();
    let unknown = findings.iter().filter(|f| {
        f.code == Code::UnknownUnit && f.sheet.as_deref() == Some(crate::schema::COVER)
    });
    let later = findings.iter().filter(|f| f.code == Code::AfterAsOf);
    for f in unknown.chain(later) {
        let file = f.file.as_deref().unwrap_or("");
        listed.insert(file);
        out.push(say::check_file(file, &f.message));
    }
    for i in inputs {
        if !matches!(i.role, Role::Unreadable | Role::Rejected) || listed.contains(i.file.as_str())
        {
            continue;
        }
        // The file's first error says why it does not count.
        let why = findings
            .iter()
            .filter(|f| f.file.as_deref() == Some(i.file.as_str()))
            .min_by_key(|f| f.severity)
            .map_or(say::NOT_COUNTED, |f| f.message.as_str());
        out.push(say::check_not_counted(
            &i.file,
            i.role == Role::Unreadable,
            why,
        ));
    }
    out
}

/// Every item for a build: the file items, then deadlines through years without holiday data,
/// then the preview notice.
pub fn build_items(r: &Results, cfg: &Config) -> Vec<String> {
    let mut out = file_items(&r.findings, &r.inputs);
    out.extend(holiday_items(r, cfg));
    if r.period_kind == PeriodKind::Year && r.as_of <= r.period_end {
        out.push(say::check_preview(r.year, r.as_of));
    }
    out
}

/// Dates counted Monday–Friday through a year the calendar does not know (`holiday_data_missing`).
fn holiday_items(r: &Results, cfg: &Config) -> Vec<String> {
    let cal = Calendar::new(&cfg.calendar);
    let unknown = |d: NaiveDate| (!cal.knows_year(d.year())).then_some(d.year());
    let mut out = Vec::new();
    let missing: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.code == Code::HolidayDataMissing)
        .collect();
    // The 整改要求 date: the finding with neither unit nor rule.
    if missing.iter().any(|f| f.unit.is_none() && f.rule.is_none()) {
        let years: BTreeSet<i32> = (r.as_of.year()..=r.rectification_due.year())
            .filter(|y| !cal.knows_year(*y))
            .collect();
        out.push(say::check_rectification(r.rectification_due, &years));
    }
    // Rule deadlines: every item date of the rules named, by rule.
    let mut by_rule: BTreeMap<&str, BTreeSet<(NaiveDate, &str)>> = BTreeMap::new();
    let mut years = BTreeSet::new();
    for f in missing.iter().filter(|f| f.rule.is_some()) {
        let (Some(rule), Some(unit)) = (f.rule.as_deref(), f.unit.as_deref()) else {
            continue;
        };
        let Some(u) = r.units.iter().find(|u| u.name == unit) else {
            continue;
        };
        for d in item_dates(u, rule)
            .into_iter()
            .filter_map(|d| unknown(d).map(|_| d))
        {
            years.insert(d.year());
            by_rule.entry(rule).or_default().insert((d, &u.name));
        }
    }
    for (rule, dates) in by_rule {
        out.push(say::check_rule_deadlines(rule, &years, &dates));
    }
    out
}

/// Deadline dates (`due`, `deadline`) of a rule's items for one unit.
fn item_dates(u: &crate::eval::UnitResult, rule: &str) -> Vec<NaiveDate> {
    let Some(res) = u.rules.get(rule) else {
        return Vec::new();
    };
    res.items
        .iter()
        .filter_map(|i| i.fields.due().or(i.fields.deadline()))
        .collect()
}

/// The list as printed: a heading and numbered lines; empty when there is nothing to check.
pub fn render(items: &[String]) -> String {
    say::check_list(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::cmd::check::tests::input;

    #[test]
    fn unknown_units_first_then_later_files_then_unreadable() {
        let findings = vec![
            Finding::error(Code::UnreadableFile, "文件已加密").file("a.xlsx"),
            Finding::warning(Code::AfterAsOf, "晚于评价基准日").file("b.xlsx"),
            Finding::error(Code::UnknownUnit, "不在单位名册中")
                .file("c.xlsx")
                .sheet("封面"),
            Finding::error(Code::UnknownUnit, "惩戒措施的单位")
                .file("r.xlsx")
                .sheet("惩戒措施"),
        ];
        let inputs = vec![
            input("a.xlsx", Role::Unreadable),
            input("b.xlsx", Role::AfterAsOf),
            input("c.xlsx", Role::Rejected),
            input("r.xlsx", Role::Register),
        ];
        let items = file_items(&findings, &inputs);
        assert_eq!(
            items,
            [
                "文件“c.xlsx”：不在单位名册中",
                "文件“b.xlsx”：晚于评价基准日",
                "文件“a.xlsx”无法读取：文件已加密",
            ]
        );
        let text = render(&items);
        assert!(
            text.starts_with("印发前请核对（3项）：\n  1. 文件“c.xlsx”"),
            "{text}"
        );
        assert_eq!(render(&[]), "");
    }
}
