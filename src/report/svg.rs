//! Inline SVG charts (deterministic text, no script, no external reference): met rate per rule,
//! year-end score ranking and grade distribution. Labels are XML-escaped here.

use super::phrases as say;
use crate::eval::{MetRate, UnitResult};
use std::collections::BTreeMap;
use std::fmt::Write;

struct Bar {
    label: String,
    value: f64,
    text: String,
    class: &'static str,
}

/// Escape text for SVG/XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Horizontal bar chart; `max` is the full-scale value.
fn hbar(title: &str, bars: &[Bar], max: f64) -> String {
    const BAR_W: f64 = 360.0;
    const ROW: f64 = 26.0;
    // Labels are 13px: a CJK character is about 13px wide, an ASCII one about 7px.
    let longest = bars
        .iter()
        .map(|b| unicode_width::UnicodeWidthStr::width(b.label.as_str()))
        .max()
        .unwrap_or(0);
    let label_w = (longest as f64 * 6.8 + 16.0).max(80.0);
    let width = label_w + BAR_W + 70.0;
    let height = 34.0 + ROW * bars.len() as f64 + 6.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" role="img" aria-label="{t}" viewBox="0 0 {width:.1} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title>{t}</title><text x="0" y="18" class="ct">{t}</text>"#,
        t = xml_escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 30.0 + ROW * i as f64;
        let frac = if max > 0.0 {
            (b.value / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let w = BAR_W * frac;
        let _ = write!(
            s,
            r#"<text x="{lx:.1}" y="{ty:.1}" text-anchor="end" class="cl">{label}</text><rect x="{bx:.1}" y="{y:.1}" width="{bw:.1}" height="18" class="bg"/><rect x="{bx:.1}" y="{y:.1}" width="{w:.1}" height="18" class="{cls}"/><text x="{vx:.1}" y="{ty:.1}" class="cv">{v}</text>"#,
            lx = label_w - 8.0,
            ty = y + 14.0,
            label = xml_escape(&b.label),
            bx = label_w,
            bw = BAR_W,
            cls = b.class,
            vx = label_w + w + 6.0,
            v = xml_escape(&b.text),
        );
    }
    s.push_str("</svg>");
    s
}

/// 各项要求达标率 (only rules with something judged).
pub fn met_rates(rates: &[MetRate]) -> String {
    let bars: Vec<Bar> = rates
        .iter()
        .filter_map(|m| {
            let r = m.rate?;
            Some(Bar {
                label: format!("{}（{}）", m.title, m.clause),
                value: r * 100.0,
                text: format!("{:.1}%", r * 100.0),
                class: if r >= 0.999_999 {
                    "b-met"
                } else if r >= 0.6 {
                    "b-mid"
                } else {
                    "b-low"
                },
            })
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    hbar(say::MET_RATES_CHART, &bars, 100.0)
}

/// 得分排名 (units in ranking order), coloured by grade (the thresholds are the config's
/// `[grades]`, already applied to `grade`).
pub fn scores(title: &str, units: &[&UnitResult]) -> String {
    let bars: Vec<Bar> = units
        .iter()
        .map(|u| Bar {
            label: format!("{}. {}", u.rank, u.name),
            value: u.score.unwrap_or(0.0),
            text: super::view::score_text(u.score),
            class: if !u.vetoes.is_empty() || u.grade.starts_with("不合格") {
                "b-low"
            } else if u.grade == "优秀" {
                "b-met"
            } else {
                "b-mid"
            },
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    hbar(title, &bars, 100.0)
}

/// 等级分布 in the usual grade order, then any other grade.
pub fn grades(counts: &BTreeMap<String, usize>) -> String {
    let max = counts.values().copied().max().unwrap_or(0) as f64;
    let bars: Vec<Bar> = crate::report::view::grade_order(counts)
        .into_iter()
        .map(|(k, n)| Bar {
            label: k.clone(),
            value: n as f64,
            text: say::grade_count("", n),
            class: if k.starts_with("不合格") {
                "b-low"
            } else {
                "b-met"
            },
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    hbar(say::GRADES_CHART, &bars, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_output_is_stable() {
        let rates = vec![MetRate {
            rule: crate::rules::RuleId::R4,
            title: "<script>".into(),
            clause: "二.1".into(),
            met: 3,
            not_met: 1,
            pending: 0,
            na: 0,
            rate: Some(0.75),
        }];
        let a = met_rates(&rates);
        assert!(a.contains("&lt;script&gt;"));
        assert!(!a.contains("<script"));
        assert!(a.contains("75.0%"));
        assert_eq!(a, met_rates(&rates));
    }
}
