//! How the units stand: 总体情况 (roster, submissions 一.1、五.1, met rates, the register's
//! notes, leaders' visits 四.1), then 表现较好的单位 (H1/H2) or the ranking with grades
//! (考核结果 / 预评结果, 一.2、一.3).

use super::super::phrases as say;
use super::super::svg;
use super::super::view::*;
use crate::eval::Results;

pub fn overview(r: &Results, esc: Esc, charts: bool) -> Section {
    let s = &r.summary;
    let mut paras = vec![submission_para(r, esc)];
    paras.push(say::overall_rate(&percent(s.overall_rate)));
    // What the central register's absence or its missing sheets mean (contract.md, mechanism.md).
    for note in &r.notes {
        paras.push(say::note(&esc(note)));
    }
    paras.extend(leader_para(r, esc));
    Section {
        heading: say::OVERVIEW.into(),
        paras,
        table: Some(rates_table(r, esc)),
        chart: if charts {
            svg::met_rates(&s.met_rates)
        } else {
            String::new()
        },
        ..Default::default()
    }
}

/// Roster size, submitted / on time / late / missing units (一.1、五.1).
fn submission_para(r: &Results, esc: Esc) -> String {
    let s = &r.summary;
    let late: Vec<String> = r
        .units
        .iter()
        .filter(|u| u.submitted && u.late_submission)
        .map(|u| u.name.clone())
        .collect();
    say::submissions(&say::Submissions {
        assessed: say::assessed(r.period_kind),
        roster: s.roster,
        departments: r.units.iter().filter(|u| u.kind == "部门").count(),
        submitted: s.submitted,
        on_time: s.on_time,
        late: (late.len(), names(&late, esc)),
        missing: (s.missing.len(), names(&s.missing, esc)),
    })
}

/// Met rate per rule.
fn rates_table(r: &Results, esc: Esc) -> Table {
    let rows = r
        .summary
        .met_rates
        .iter()
        .map(|m| {
            vec![
                Cell::text(esc(&m.title)),
                Cell::text(esc(&m.clause)),
                Cell::num(m.met.to_string()),
                Cell::num(m.not_met.to_string()),
                Cell::num(m.pending.to_string()),
                Cell::num(m.na.to_string()),
                Cell::num(percent(m.rate)),
            ]
        })
        .collect();
    Table {
        head: say::RATES_HEAD.map(String::from).to_vec(),
        rows,
    }
}

fn leader_para(r: &Results, esc: Esc) -> Option<String> {
    if r.leaders.is_empty() {
        return None;
    }
    let parts: Vec<String> = r
        .leaders
        .iter()
        .map(|l| {
            let st = l.rules.get("R6");
            let label = st.map(|x| x.status.label()).unwrap_or(say::NONE);
            let detail = st.map(|x| esc(&x.detail)).unwrap_or_default();
            say::leader_visits(&esc(&l.name), l.visits.len(), label, &detail)
        })
        .collect();
    Some(say::leaders(&parts))
}

pub fn performing_well(r: &Results, esc: Esc) -> Option<Section> {
    let list = &r.summary.performing_well;
    if list.is_empty() {
        return None;
    }
    Some(Section {
        heading: say::PERFORMING_WELL.into(),
        paras: vec![say::performing_well(list.len(), &names(list, esc))],
        ..Default::default()
    })
}

pub fn ranking(r: &Results, esc: Esc, charts: bool) -> Option<Section> {
    if r.units.is_empty() {
        return None;
    }
    let mut units: Vec<_> = r.units.iter().collect();
    units.sort_by_key(|u| (u.rank, u.order));
    let counts: Vec<String> = grade_order(&r.summary.grade_counts)
        .into_iter()
        .map(|(g, n)| say::grade_count(&esc(g), n))
        .collect();
    let rows = units
        .iter()
        .map(|u| {
            let veto = if u.vetoes.is_empty() && u.veto_risks.is_empty() {
                ""
            } else {
                say::YES
            };
            vec![
                Cell::num(u.rank.to_string()),
                Cell::text(esc(&u.name)),
                Cell::text(esc(&u.kind)),
                Cell::num(score_text(u.score)),
                Cell::text(esc(&u.grade)),
                Cell::text(veto),
            ]
        })
        .collect();
    let (heading, para) = say::ranking(r.preview, &counts);
    // The ranking chart only while it fits on a printed page: beyond that it would run over
    // several pages (and leave a blank one before it); the table above holds the same figures.
    let chart = match (charts, units.len() <= MAX_RANKING_BARS) {
        (false, _) => String::new(),
        (true, true) => format!(
            "{}{}",
            svg::scores(say::ranking_chart_title(r.preview), &units),
            svg::grades(&r.summary.grade_counts)
        ),
        (true, false) => svg::grades(&r.summary.grade_counts),
    };
    Some(Section {
        heading: heading.into(),
        paras: vec![para],
        table: Some(Table {
            head: say::ranking_head(say::score_word(final_year(r)), say::veto_word(r.preview)),
            rows,
        }),
        chart,
        ..Default::default()
    })
}

/// Units up to which the ranking is also drawn as a bar chart (one A4 page of bars).
const MAX_RANKING_BARS: usize = 40;
