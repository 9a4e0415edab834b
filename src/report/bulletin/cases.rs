//! The cases the bulletin names one by one: 挂牌督办及惩戒整改 (R10 五.3, R12 六.1–3), 安全事故
//! (R9 五.2, R11 五.4, grading against 493号令), 一票否决 (七.1–3, V1–V5) and 表彰建议 (一.3).

use super::super::phrases as say;
use super::super::view::*;
use crate::eval::{AccidentRecord, ItemFields, Results, UnitResult};

/// 四、挂牌督办及惩戒整改情况 (R10, R12).
pub fn punishments(r: &Results, esc: Esc) -> Option<Section> {
    let mut groups = Vec::new();
    let r10 = item_lines(r, "R10", esc, |i| {
        let ItemFields::Punishment(p) = &i.fields else {
            return String::new();
        };
        let imposed = p.imposed.map(|d| d.to_string());
        say::punishment(
            Some(p.measure.map_or(say::PUNISHMENT_MEASURE, |m| m.label())),
            imposed.as_deref(),
            Some(&p.due.to_string()),
        )
    });
    if !r10.is_empty() {
        groups.push(Group {
            heading: say::PUNISHMENTS.into(),
            lines: r10,
            ..Default::default()
        });
    }
    let r12 = item_lines(r, "R12", esc, |i| {
        let ItemFields::Listed(h) = &i.fields else {
            return String::new();
        };
        let deadline = h.deadline.map(|d| d.to_string());
        say::listed_hazard(
            non_empty(&h.id),
            non_empty(&h.name),
            h.level.map(|l| l.label()),
            deadline.as_deref(),
        )
    });
    if !r12.is_empty() {
        groups.push(Group {
            heading: say::LISTED.into(),
            lines: r12,
            ..Default::default()
        });
    }
    (!groups.is_empty()).then(|| Section {
        heading: say::CASES.into(),
        groups,
        ..Default::default()
    })
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

/// One line per item of `rule` across units: "单位：说明（状态）", with the rule's hints.
/// An item's own `detail` says what it is; `describe` is the fallback when it is empty.
fn item_lines(
    r: &Results,
    rule: &str,
    esc: Esc,
    describe: impl Fn(&crate::eval::Item) -> String,
) -> Vec<String> {
    let mut lines = Vec::new();
    for u in &r.units {
        let Some(rr) = u.rules.get(rule) else {
            continue;
        };
        for i in &rr.items {
            let mut what = if i.detail.is_empty() {
                describe(i)
            } else {
                i.detail.clone()
            };
            // outputs.md: statuses "with due dates" — name the due date when the detail does not.
            let due = i.fields.due().map(|d| d.to_string());
            if let Some(due) = due.filter(|d| !what.contains(d.as_str())) {
                what.push_str(&say::item_due(&due));
            }
            let hints = match &i.fields {
                ItemFields::Listed(l) if !l.hints.is_empty() => say::item_hints(&l.hints),
                _ => String::new(),
            };
            lines.push(say::item_line(
                &esc(&u.name),
                &esc(&what),
                i.status.label(),
                &esc(&hints),
            ));
        }
    }
    lines
}

fn accident_text(a: &AccidentRecord) -> String {
    say::accident(&say::AccidentFacts {
        date: iso(a.date),
        summary: a.summary.as_deref(),
        grade: a.grade.map(|g| g.label()),
        deaths: a.deaths,
        serious_injuries: a.serious_injuries,
        injuries: a.injuries,
        loss: a.loss,
    })
}

fn grade_rank(g: &str) -> u8 {
    match g {
        "特别重大" => 4,
        "重大" => 3,
        "较大" => 2,
        "一般" => 1,
        _ => 0,
    }
}

/// 五、安全事故情况 (R9, R11, grading warnings).
pub fn accidents(r: &Results, esc: Esc) -> Option<Section> {
    let all: Vec<(&UnitResult, &AccidentRecord)> = r
        .units
        .iter()
        .flat_map(|u| u.accidents.iter().map(move |a| (u, a)))
        .collect();
    if all.is_empty() {
        return None;
    }
    let list = all
        .iter()
        .map(|(u, a)| say::unit_line(&esc(&u.name), &esc(&accident_text(a))))
        .collect();
    let frequent = &r.summary.frequent_accident_units;
    let frequent = if frequent.is_empty() {
        Vec::new()
    } else {
        vec![say::frequent(&names(frequent, esc))]
    };
    let groups = [
        (say::ACCIDENT_LIST, list),
        (say::FREQUENT, frequent),
        (say::ACCOUNTABILITY, accountability_lines(&all, esc)),
        (say::GRADING, grading_warnings(&all, esc)),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(heading, lines)| Group {
        heading: heading.into(),
        lines,
        ..Default::default()
    })
    .collect();
    Some(Section {
        heading: say::ACCIDENTS.into(),
        paras: vec![say::accident_count(all.len())],
        groups,
        ..Default::default()
    })
}

/// Accidents that need a written inspection report and start accountability (五.4, R11).
fn accountability_lines(all: &[(&UnitResult, &AccidentRecord)], esc: Esc) -> Vec<String> {
    all.iter()
        .filter(|(_, a)| a.accountability)
        .map(|(u, a)| {
            let report = a.report_date.map(|d| iso(Some(d)));
            say::accountability(&esc(&u.name), &esc(&accident_text(a)), report.as_deref())
        })
        .collect()
}

/// Reported grade lower than the grade the figures imply (493号令; relevant to V4).
fn grading_warnings(all: &[(&UnitResult, &AccidentRecord)], esc: Esc) -> Vec<String> {
    all.iter()
        .filter_map(|(u, a)| {
            let implied = a.implied_grade?.label();
            let reported = a.reported_grade.map_or(say::GRADE_BLANK, |g| g.label());
            (grade_rank(implied) > grade_rank(reported)).then(|| {
                say::grade_too_low(&esc(&u.name), &iso(a.date), &esc(reported), &esc(implied))
            })
        })
        .collect()
}

/// 六、一票否决风险提示 (H1/H2) / 一票否决情况 (year), with the 抄告 list (七.2).
pub fn vetoes(r: &Results, cc: &[String], esc: Esc) -> Option<Section> {
    // A year preview shows risks, like H1/H2 (outputs.md "Settled" 5).
    let year = final_year(r);
    let mut lines = Vec::new();
    for u in &r.units {
        let list = if year { &u.vetoes } else { &u.veto_risks };
        for v in list {
            let veto = say::veto(&esc(&v.condition), &esc(&v.clause), &esc(&v.id));
            let detail = esc(&say::veto_detail(&v.detail));
            lines.push(say::veto_line(&esc(&u.name), &veto, &detail));
        }
    }
    if lines.is_empty() {
        return None;
    }
    let (heading, para) = say::vetoes(year);
    let closing = if year {
        let cc = (!cc.is_empty()).then(|| names(cc, esc));
        vec![say::veto_cc(cc.as_deref())]
    } else {
        Vec::new()
    };
    Some(Section {
        heading: heading.into(),
        paras: vec![para.into()],
        groups: vec![Group {
            heading: String::new(),
            lines,
            ..Default::default()
        }],
        closing,
        ..Default::default()
    })
}

/// 七、表彰建议名单 (year, 一.3).
pub fn commended(r: &Results, esc: Esc) -> Option<Section> {
    if r.summary.commended.is_empty() {
        return None;
    }
    let lines = r
        .summary
        .commended
        .iter()
        .filter_map(|n| r.units.iter().find(|u| &u.name == n))
        .map(|u| say::commended(&esc(&u.name), &score_text(u.score), &esc(&u.grade)))
        .collect();
    Some(Section {
        heading: say::COMMENDED.into(),
        paras: vec![say::COMMENDED_LEAD.into()],
        groups: vec![Group {
            lines,
            ..Default::default()
        }],
        ..Default::default()
    })
}
