//! View structs for tera: `Results` → plain, already formatted, already escaped-for-Markdown
//! strings. Templates never see internal types; numbers and dates are formatted here.

pub use super::phrases::cn_numeral;
use crate::eval::{Results, RuleResult, Status, UnitResult};
use crate::mechanism::RuleId;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How submission text is escaped for the target: identity for HTML (tera autoescapes),
/// Markdown escaping for `.md` (not autoescaped).
pub type Esc<'a> = &'a dyn Fn(&str) -> String;

/// A heading like 一、总体情况 with its paragraphs, sub-groups, optional table and chart.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Section {
    /// 一、
    pub num: String,
    pub heading: String,
    pub paras: Vec<String>,
    pub groups: Vec<Group>,
    pub table: Option<Table>,
    /// Inline SVG (HTML only; empty for Markdown).
    pub chart: String,
    /// Paragraphs after the groups (e.g. the 抄告 sentence).
    pub closing: Vec<String>,
}

/// （一）heading and its numbered lines.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Group {
    pub num: String,
    pub heading: String,
    pub lines: Vec<String>,
    /// Parallel to `lines` when not empty: the line split into the unit it opens with and the
    /// unit's feedback page (`lines[i] == links[i].unit + links[i].rest`), so HTML can link
    /// the unit name. Empty `href` = no link.
    pub links: Vec<LineLink>,
}

impl Group {
    /// Append a line opening with the (escaped) unit name, linked to `page` when given.
    pub fn push_linked(&mut self, unit: String, page: Option<&String>, rest: String) {
        self.lines.push(format!("{unit}{rest}"));
        self.links
            .push(line_link(&unit, page.map(String::as_str), &rest));
    }
}

/// Unit name → feedback page (relative to the period folder).
pub type Pages = std::collections::BTreeMap<String, String>;

/// A line that opens with a unit's name, linked to that unit's feedback page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LineLink {
    pub unit: String,
    /// Relative to the period folder, percent-encoded (e.g. `feedback/信息工程系.html`).
    pub href: String,
    pub rest: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Cell {
    pub text: String,
    /// CSS class: met / not_met / pending / na / num / ""
    pub class: String,
    /// A link (the unit's feedback page), or empty.
    pub href: String,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            ..Default::default()
        }
    }
    pub fn num(s: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            class: "num".into(),
            ..Default::default()
        }
    }
    /// A unit name linking to its feedback page.
    pub fn link(s: impl Into<String>, href: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            href: href.into(),
            ..Default::default()
        }
    }
    /// √ × △ — in the appendix grid, where 17 columns share 156 mm.
    pub fn status_mark(s: Status) -> Self {
        Cell {
            text: super::phrases::status_mark(s).into(),
            class: status_class(s).into(),
            ..Default::default()
        }
    }
    pub fn status(s: Status) -> Self {
        Cell {
            text: s.label().into(),
            class: status_class(s).into(),
            ..Default::default()
        }
    }
}

/// The whole bulletin, ready for bulletin.html.tera / bulletin.md.tera.
#[derive(Debug, Clone, Serialize)]
pub struct BulletinView {
    /// 发文机关标志 (`[school] masthead`), empty = none.
    pub masthead: String,
    pub title: String,
    pub doc_number: String,
    pub addressee: String,
    /// Staff prose: sanitised HTML (HTML) or sanitised Markdown (Markdown). Trusted by templates.
    pub preamble: String,
    /// A year preview's opening paragraph (年终考核预评…), before everything else; else empty.
    pub lead: String,
    pub intro: String,
    pub is_year: bool,
    /// A year build made before the year ended (预评).
    pub preview: bool,
    pub sections: Vec<Section>,
    /// 附件 (the label over the appendix).
    pub attachment: String,
    /// 附件说明 under the text: 附件：各单位情况一览表
    pub attachment_note: String,
    pub appendix: Section,
    pub issuer: String,
    pub date_cn: String,
    /// The cc names (抄送), joined; empty = none.
    pub cc: String,
    /// 版记's 抄送 line (抄送：….), empty without a cc list.
    pub cc_line: String,
    pub printed_by: String,
    pub print_date_cn: String,
    /// 版记's 印发日期: 2026年7月15日印发
    pub printed_on: String,
    /// Inline stylesheet (HTML only).
    pub css: String,
}

/// A year assessment after the year: final scores, vetoes, commendation (not a preview).
pub fn final_year(r: &Results) -> bool {
    r.period_kind == crate::eval::PeriodKind::Year && !r.preview
}

/// A relative link target: ASCII other than letters, digits and `-_.~/` percent-encoded
/// (CJK kept as is), so `#`, `%`, `?` or spaces in a unit's file name cannot break it.
pub fn href(path: &str) -> String {
    let mut out = String::new();
    for c in path.chars() {
        if !c.is_ascii() || c.is_ascii_alphanumeric() || "-_.~/".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", c as u32));
        }
    }
    out
}

/// A line opening with `unit`, linked to `page` (None: no link).
pub fn line_link(unit: &str, page: Option<&str>, rest: &str) -> LineLink {
    LineLink {
        unit: unit.to_string(),
        href: page.map(href).unwrap_or_default(),
        rest: rest.to_string(),
    }
}

/// 2026年7月15日 (Arabic numerals, no padding).
pub fn date_cn(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// ISO date or empty.
pub fn iso(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// 87.5 → "87.5"; scores always carry one decimal.
pub fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

/// A unit's score with one decimal, or — while it has none (a year preview with nothing judged
/// yet, outputs.md "Settled" 5).
pub fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), one_decimal)
}

/// 0.875 → "87.5%"; None → "—".
pub fn percent(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "—".into())
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Pending => "pending",
        Status::Na => "na",
    }
}

/// Grades in the usual order (优秀 … 不合格（一票否决）), unknown grades after them.
pub fn grade_order(counts: &std::collections::BTreeMap<String, usize>) -> Vec<(&String, usize)> {
    const ORDER: [&str; 5] = ["优秀", "良好", "合格", "不合格", "不合格（一票否决）"];
    let mut v: Vec<(&String, usize)> = counts.iter().map(|(k, n)| (k, *n)).collect();
    v.sort_by_key(|(k, _)| {
        (
            ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()),
            (*k).clone(),
        )
    });
    v
}

/// Rule IDs in mechanism order (numeric: R1 … R5, R8 … R13, R15).
pub fn rule_order(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort_by_key(|id| {
        (
            id.trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .unwrap_or(u32::MAX),
            id.clone(),
        )
    });
    v.dedup();
    v
}

/// Every rule ID any unit carries, in mechanism order.
pub fn all_unit_rules(results: &Results) -> Vec<String> {
    rule_order(
        results
            .units
            .iter()
            .flat_map(|u| u.rules.keys().map(ToString::to_string))
            .collect::<Vec<_>>(),
    )
}

/// Any JSON value as display text (for workbook cells).
pub fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => if *b { "是" } else { "否" }.into(),
        serde_json::Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join("、"),
        other => other.to_string(),
    }
}

/// "名称（二.1）" for a rule.
pub fn rule_label(id: &str, r: &RuleResult) -> String {
    let title = if r.title.is_empty() { id } else { &r.title };
    super::phrases::rule_label(title, &r.clause)
}

/// Why a rule is not met: its detail, else its not-met items' details.
pub fn why(r: &RuleResult) -> String {
    if !r.detail.is_empty() {
        return r.detail.clone();
    }
    let parts: Vec<&str> = r
        .items
        .iter()
        .filter(|i| i.status == Status::NotMet && !i.detail.is_empty())
        .map(|i| i.detail.as_str())
        .collect();
    if parts.is_empty() {
        r.status.label().into()
    } else {
        parts.join("；")
    }
}

/// Unit names joined with 、 (escaped).
pub fn names(list: &[String], esc: Esc) -> String {
    super::phrases::list(&list.iter().map(|s| esc(s)).collect::<Vec<_>>())
}

/// Rules of a unit with a given status, in mechanism order.
pub fn unit_rules_with(u: &UnitResult, status: Status) -> Vec<(&RuleId, &RuleResult)> {
    rule_order(u.rules.keys().map(ToString::to_string))
        .into_iter()
        .filter_map(|id| u.rules.get_key_value(id.as_str()))
        .filter(|(_, r)| r.status == status)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 5).unwrap();
        assert_eq!(date_cn(d), "2026年7月5日");
        assert_eq!(one_decimal(78.0), "78.0");
        assert_eq!(percent(Some(0.875)), "87.5%");
        assert_eq!(cn_numeral(9), "九");
        assert_eq!(cn_numeral(12), "十二");
        let ids = ["R10", "R2", "R15", "R1"].map(String::from);
        assert_eq!(rule_order(ids), vec!["R1", "R2", "R10", "R15"]);
        assert_eq!(href("feedback/a b#1?.html"), "feedback/a%20b%231%3F.html");
        assert_eq!(href("feedback/信息工程系.html"), "feedback/信息工程系.html");
    }
}
