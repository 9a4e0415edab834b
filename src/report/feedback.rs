//! Per-unit 反馈意见: the unit's findings (file › sheet!cell, what was expected) and its
//! not-met and pending rules with clauses and what to do, as feedback/<stem>.html and .md.

use super::phrases as say;
use super::view::{self, Esc};
use crate::config::Config;
use crate::eval::{Results, RuleResult, Status, UnitResult};
use crate::findings::Finding;
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::PathBuf;
use tera::Tera;

#[derive(Debug, Serialize)]
pub struct FeedbackView {
    pub unit: String,
    pub title: String,
    pub period_label: String,
    pub as_of_cn: String,
    /// 关于…的通报（2026H1，截至2026年7月15日）
    pub subtitle: String,
    pub issuer: String,
    pub status_line: String,
    pub findings: Vec<FindingView>,
    pub not_met: Vec<RuleView>,
    pub pending: Vec<RuleView>,
    pub suggestions: Vec<String>,
    /// 一票否决情况 (year) / 一票否决风险 (H1/H2)
    pub veto_heading: String,
    pub vetoes: Vec<String>,
    pub rectification_due_cn: String,
    /// 请于…前将整改落实情况书面报送保卫处。
    pub rectification: String,
    /// Fixed headings and labels.
    pub words: &'static say::FeedbackWords,
    pub css: String,
}

#[derive(Debug, Serialize)]
pub struct FindingView {
    pub severity: String,
    pub location: String,
    pub message: String,
    pub raw: String,
    pub rule: String,
}

#[derive(Debug, Serialize)]
pub struct RuleView {
    pub label: String,
    pub detail: String,
    pub todo: String,
    /// The whole line: label：detail。应当 / 请按时完成：todo
    pub line: String,
}

/// What a unit should do about a rule, in plain Chinese; deadlines from the config
/// (`rules::RuleId::todo`).
fn todo(id: &str, cfg: &Config) -> String {
    crate::rules::RuleId::parse(id)
        .map_or_else(|| "对照通报要求整改。".to_string(), |r| r.todo(&cfg.rules))
}

/// File-name stem that is safe on every system: path separators, reserved characters,
/// control characters, leading dots and Windows device names are replaced.
pub fn safe_stem(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    s = s.trim_matches(|c: char| c == '.' || c == ' ').to_string();
    if s.is_empty() {
        s = "unit".into();
    }
    if crate::eval::is_reserved_file_name(s.split('.').next().unwrap_or("")) {
        s.insert(0, '_');
    }
    s.chars().take(100).collect()
}

/// The unit's page stem: from `UnitResult.feedback` (file stem), made safe again.
pub fn stem_of(u: &UnitResult) -> String {
    stem_from(&u.feedback, &u.name)
}

/// A page stem from results.json's `feedback` (e.g. `feedback/信息工程系.html`), else the
/// unit's name, made safe (the index reads results.json and must name the same files).
pub fn stem_from(feedback: &str, name: &str) -> String {
    let from_field = std::path::Path::new(feedback)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    safe_stem(if from_field.is_empty() {
        name
    } else {
        from_field
    })
}

fn rule_views(u: &UnitResult, status: Status, esc: Esc, cfg: &Config) -> Vec<RuleView> {
    view::unit_rules_with(u, status)
        .into_iter()
        .map(|(id, r): (&crate::rules::RuleId, &RuleResult)| {
            let label = esc(&view::rule_label(id, r));
            let detail = esc(&view::why(r));
            let todo = todo(id, cfg);
            let line = match status {
                Status::Pending => say::pending_todo(&label, &detail, &todo),
                _ => say::not_met_todo(&label, &detail, &todo),
            };
            RuleView {
                label,
                detail,
                todo,
                line,
            }
        })
        .collect()
}

/// A finding as the unit reads it (outputs.md "Settled" 3: the unit text, never the office's).
fn finding_view(f: &Finding, unit: &str, esc: Esc) -> FindingView {
    FindingView {
        severity: f.severity.label().into(),
        location: esc(&f.location()),
        message: esc(&f.unit_message(unit)),
        raw: esc(f.raw.as_deref().unwrap_or("")),
        rule: esc(f.rule.as_deref().unwrap_or("")),
    }
}

/// 得分87.5分（含考评加减分 +1分：…），良好；未达标1项，待完成2项。
fn status_line(u: &UnitResult, not_met: usize, esc: Esc) -> String {
    let adjustments: Vec<String> = u
        .adjustments
        .iter()
        .map(|a| say::adjustment(a.points, &esc(&a.reason)))
        .collect();
    let pending = view::unit_rules_with(u, Status::Pending).len();
    let Some(score) = u.score else {
        // A year preview with nothing judged yet (outputs.md "Settled" 5).
        return say::status_line_unscored(say::score_word(!u.provisional), not_met, pending);
    };
    say::status_line(
        say::score_word(!u.provisional),
        &view::one_decimal(score),
        &adjustments,
        &esc(&u.grade),
        not_met,
        pending,
    )
}

/// The vetoes (year) or veto risks (half-year), one line each.
fn veto_lines(u: &UnitResult, year: bool, esc: Esc) -> Vec<String> {
    if year { &u.vetoes } else { &u.veto_risks }
        .iter()
        .map(|v| {
            let veto = say::veto(&esc(&v.condition), &esc(&v.clause), &esc(&v.id));
            say::feedback_veto(&veto, &esc(&v.detail))
        })
        .collect()
}

/// One unit's view; `findings` are the unit's (`unit_findings`).
pub fn feedback_view(
    r: &Results,
    cfg: &Config,
    u: &UnitResult,
    findings: &[&Finding],
    esc: Esc,
    css: &str,
) -> FeedbackView {
    let findings = findings
        .iter()
        .map(|f| finding_view(f, &u.name, esc))
        .collect();
    let not_met = rule_views(u, Status::NotMet, esc, cfg);
    let year = view::final_year(r);
    FeedbackView {
        veto_heading: say::veto_heading(year).into(),
        vetoes: veto_lines(u, year, esc),
        unit: esc(&u.name),
        title: esc(&r.title),
        period_label: esc(&r.period),
        as_of_cn: view::date_cn(r.as_of),
        subtitle: say::feedback_subtitle(&esc(&r.title), &esc(&r.period), &view::date_cn(r.as_of)),
        issuer: esc(&r.issuer),
        status_line: status_line(u, not_met.len(), esc),
        findings,
        not_met,
        pending: rule_views(u, Status::Pending, esc, cfg),
        suggestions: u.suggestions.iter().map(|s| esc(s)).collect(),
        rectification_due_cn: view::date_cn(r.rectification_due),
        rectification: say::feedback_rectification(&view::date_cn(r.rectification_due)),
        words: &say::FEEDBACK,
        css: css.to_string(),
    }
}

/// Each unit's feedback page stem (roster order, unique): `feedback/<stem>.html` and `.md`.
pub fn page_stems(r: &Results) -> Vec<String> {
    let mut used = crate::eval::UniqueStems::default();
    r.units.iter().map(|u| used.take(&stem_of(u))).collect()
}

/// Unit name → its feedback page relative to the period folder (`ext`: html or md).
pub fn pages(r: &Results, ext: &str) -> BTreeMap<String, String> {
    r.units
        .iter()
        .zip(page_stems(r))
        .map(|(u, stem)| (u.name.clone(), format!("feedback/{stem}.{ext}")))
        .collect()
}

/// Each unit's findings, in the order of `r.findings`: those naming the unit, and those naming
/// no unit but the unit's ledger file. Grouped once for all units (a city's inbox has
/// thousands of findings and a thousand units).
pub fn unit_findings(r: &Results) -> Vec<Vec<&Finding>> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in r.findings.iter().enumerate() {
        match (&f.unit, &f.file) {
            (Some(unit), _) => by_name.entry(unit).or_default().push(i),
            (None, Some(file)) => by_file.entry(file).or_default().push(i),
            (None, None) => {}
        }
    }
    r.units
        .iter()
        .map(|u| {
            let mut at: Vec<usize> = by_name.get(u.name.as_str()).cloned().unwrap_or_default();
            if let Some(file) = &u.file {
                at.extend(by_file.get(file.as_str()).into_iter().flatten());
                at.sort_unstable();
            }
            at.iter().filter_map(|&i| r.findings.get(i)).collect()
        })
        .collect()
}

/// feedback/<stem>.html and .md for every unit; stems are unique.
pub fn render_all(
    r: &Results,
    cfg: &Config,
    tera: &Tera,
    css: &str,
    kept: Option<Reusing<'_>>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    use rayon::prelude::*;
    // A city's inbox has a thousand units: their pages are rendered on every core.
    let plain = |s: &str| s.to_string();
    let findings = unit_findings(r);
    let units: Vec<_> = r
        .units
        .iter()
        .zip(page_stems(r))
        .zip(&findings)
        .map(|((u, stem), f)| (u, stem, f))
        .collect();
    // What every page shows besides its unit: kept pages are used only when it is the same.
    let common = kept.as_ref().map(|_| common_key(r)).unwrap_or_default();
    let (pages_before, before) = match kept {
        Some(k) => (Some(k.pages), k.before),
        None => (None, None),
    };
    // The unit's findings in the build the pages were kept from, by unit name.
    let findings_before: HashMap<&str, Vec<&Finding>> = before
        .map(|(b, _)| {
            b.units
                .iter()
                .map(|u| u.name.as_str())
                .zip(unit_findings(b))
                .collect()
        })
        .unwrap_or_default();
    let reusable = pages_before.as_deref().filter(|k| k.common == common);
    let pages: Vec<[(PathBuf, Vec<u8>); 2]> = units
        .par_iter()
        .enumerate()
        .map(|(i, (u, stem, findings))| {
            let dir = PathBuf::from("feedback");
            let (html, md) = (
                dir.join(format!("{stem}.html")),
                dir.join(format!("{stem}.md")),
            );
            if let Some(pages) = reusable.and_then(|k| k.units.get(&u.name))
                && before.is_some_and(|(_, same)| same.get(i).copied().unwrap_or(false))
                && pages[0].0 == html
                && pages[1].0 == md
                && findings_before
                    .get(u.name.as_str())
                    .is_some_and(|was| was == *findings)
            {
                return anyhow::Ok(pages.clone());
            }
            let hv = feedback_view(r, cfg, u, findings, &plain, css);
            let html_bytes = super::templates::render(tera, "feedback.html", &hv)?;
            let mv = feedback_view(r, cfg, u, findings, &super::markdown::escape, "");
            let md_bytes = super::templates::render(tera, "feedback.md", &mv)?;
            anyhow::Ok([(html, html_bytes), (md, md_bytes)])
        })
        .collect::<anyhow::Result<_>>()?;
    if let Some(kept) = pages_before {
        kept.common = common;
        kept.units = units
            .iter()
            .zip(&pages)
            .map(|((u, _, _), p)| (u.name.clone(), p.clone()))
            .collect();
    }
    Ok(pages.into_iter().flatten().collect())
}

/// What a rebuild may take feedback pages from: the pages kept, and the results they were
/// rendered from with which units are unchanged since (`results::unchanged_units`); the
/// pages are kept for the next rebuild. Without `before` every page is rendered.
pub struct Reusing<'a> {
    pub pages: &'a mut KeptPages,
    pub before: Option<(&'a Results, &'a [bool])>,
}

/// The fields of the results every feedback page shows besides its unit's (title, period,
/// dates, issuer, the config the rules were judged with).
fn common_key(r: &Results) -> Vec<u8> {
    let common = (
        &r.title,
        &r.period,
        r.as_of,
        &r.issuer,
        r.rectification_due,
        &r.period_kind,
        r.preview,
        &r.config_sha256,
        &r.school,
    );
    serde_json::to_vec(&common).unwrap_or_default()
}

/// The feedback pages of the last build, by unit (`watch` keeps them): a rebuild after one
/// ledger changed renders the pages of the units whose result (rank aside: pages do not show
/// it) or findings changed, and takes the others as they were — when everything else the
/// pages show is unchanged too (`common_key`). The results they were rendered from are kept
/// beside them (`Reusing`).
#[derive(Debug, Default)]
pub struct KeptPages {
    common: Vec<u8>,
    units: HashMap<String, [(PathBuf, Vec<u8>); 2]>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(safe_stem("../../etc/x"), "_.._etc_x");
        assert_eq!(safe_stem("CON"), "_CON");
        assert_eq!(safe_stem("a:b*c?"), "a_b_c_");
        assert_eq!(safe_stem(".."), "unit");
        assert_eq!(safe_stem("信息工程系"), "信息工程系");
    }

    #[test]
    fn deadlines_come_from_the_config() {
        let mut cfg = Config::default();
        cfg.rules.rectification_working_days = 15;
        cfg.rules.quarterly_report_grace_days = 7;
        assert!(todo("R10", &cfg).contains("15个工作日"));
        assert!(todo("R5", &cfg).contains("7日内"));
        for id in [
            "R1", "R2", "R3", "R4", "R8", "R9", "R11", "R12", "R13", "R15",
        ] {
            assert!(!todo(id, &cfg).contains("20"), "{id}");
        }
    }
}
