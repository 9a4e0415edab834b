//! The bulletin's sections (outputs.md "The bulletin", 1–9), each present only with content and
//! each statement naming the units and the clause behind it.

use super::svg;
use super::view::*;
use crate::eval::{PeriodKind, Results, Status};

/// Sections 1–8 in order (the appendix is built separately); numbers are assigned here.
pub fn sections(r: &Results, cc: &[String], esc: Esc, charts: bool) -> Vec<Section> {
    let pages = super::feedback::pages(r, if charts { "html" } else { "md" });
    let mut out: Vec<Section> = Vec::new();
    out.push(overview(r, esc, charts));
    if r.period_kind == PeriodKind::Year {
        out.extend(ranking(r, esc, charts));
    } else {
        out.extend(performing_well(r, esc));
    }
    out.extend(problems(r, esc, &pages));
    out.extend(super::sections2::punishments(r, esc));
    out.extend(super::sections2::accidents(r, esc));
    out.extend(super::sections2::vetoes(r, cc, esc));
    if r.period_kind == PeriodKind::Year {
        out.extend(super::sections2::commended(r, esc));
    }
    out.extend(super::sections2::rectification(r, esc, &pages));
    for (i, s) in out.iter_mut().enumerate() {
        s.num = format!("{}、", cn_numeral(i + 1));
        for (j, g) in s.groups.iter_mut().enumerate() {
            g.num = format!("（{}）", cn_numeral(j + 1));
        }
    }
    out
}

fn overview(r: &Results, esc: Esc, charts: bool) -> Section {
    let s = &r.summary;
    let mut paras = vec![submission_para(r, esc)];
    paras.push(format!(
        "按各项要求统计，总体达标率为{}（达标项 ÷（达标项 + 未达标项），待完成、不适用项不计入）。",
        percent(s.overall_rate)
    ));
    // What the central register's absence or its missing sheets mean (contract.md, mechanism.md).
    for note in &r.notes {
        paras.push(format!("{}。", esc(note).trim_end_matches('。')));
    }
    paras.extend(leader_para(r, esc));
    Section {
        heading: "总体情况".into(),
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
    let depts = r.units.iter().filter(|u| u.kind == "部门").count();
    let mut p = format!(
        "本次{}共{}个单位（部门{}个、系部{}个），已报送台账{}个，其中按时报送{}个",
        period_word(r),
        s.roster,
        depts,
        s.roster - depts.min(s.roster),
        s.submitted,
        s.on_time
    );
    let late: Vec<String> = r
        .units
        .iter()
        .filter(|u| u.submitted && u.late_submission)
        .map(|u| u.name.clone())
        .collect();
    if !late.is_empty() {
        p.push_str(&format!(
            "，逾期报送{}个（{}）",
            late.len(),
            names(&late, esc)
        ));
    }
    if s.missing.is_empty() {
        p.push_str("，全部单位均已报送（一.1、五.1）。");
    } else {
        p.push_str(&format!(
            "；未报送{}个：{}（一.1、五.1）。",
            s.missing.len(),
            names(&s.missing, esc)
        ));
    }
    p
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
    let head = [
        "要求",
        "条款",
        "达标",
        "未达标",
        "待完成",
        "不适用",
        "达标率",
    ];
    Table {
        head: head.map(String::from).to_vec(),
        rows,
    }
}

fn period_word(r: &Results) -> &'static str {
    match r.period_kind {
        PeriodKind::Year => "年终考核对象",
        _ => "跟踪督查对象",
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
            let label = st.map(|x| x.status.label()).unwrap_or("—");
            let detail = st
                .filter(|x| !x.detail.is_empty())
                .map(|x| format!("，{}", esc(&x.detail)))
                .unwrap_or_default();
            format!("{}{}次（{label}{detail}）", esc(&l.name), l.visits.len())
        })
        .collect();
    Some(format!(
        "学校领导深入基层开展安全工作调研督查（四.1，每年不少于2次）：{}。",
        parts.join("；")
    ))
}

fn performing_well(r: &Results, esc: Esc) -> Option<Section> {
    let list = &r.summary.performing_well;
    if list.is_empty() {
        return None;
    }
    Some(Section {
        heading: "表现较好的单位".into(),
        paras: vec![format!(
            "以下{}个单位各项要求均已达标或按进度推进，且无一票否决风险，予以肯定：{}。",
            list.len(),
            names(list, esc)
        )],
        ..Default::default()
    })
}

fn ranking(r: &Results, esc: Esc, charts: bool) -> Option<Section> {
    if r.units.is_empty() {
        return None;
    }
    let mut units: Vec<_> = r.units.iter().collect();
    units.sort_by_key(|u| (u.rank, u.order));
    let counts: Vec<String> = grade_order(&r.summary.grade_counts)
        .into_iter()
        .map(|(g, n)| format!("{}{}个", esc(g), n))
        .collect();
    let rows = units
        .iter()
        .map(|u| {
            let veto = if u.vetoes.is_empty() && u.veto_risks.is_empty() {
                ""
            } else {
                "是"
            };
            vec![
                Cell::num(u.rank.to_string()),
                Cell::text(esc(&u.name)),
                Cell::text(esc(&u.kind)),
                Cell::num(one_decimal(u.score)),
                Cell::text(esc(&u.grade)),
                Cell::text(veto),
            ]
        })
        .collect();
    let (heading, para) = if r.preview {
        (
            "预评结果",
            format!(
                "按现有数据预评（参考分，满分100分，待完成事项不计入），等级仅供参考：{}。排名如下表，同分按单位序列排列。",
                counts.join("，")
            ),
        )
    } else {
        (
            "考核结果",
            format!(
                "依照一.2、一.3，按年终考核评分（满分100分）确定等级：{}。排名如下表，同分按单位序列排列。",
                counts.join("，")
            ),
        )
    };
    // The ranking chart only while it fits on a printed page: beyond that it would run over
    // several pages (and leave a blank one before it); the table above holds the same figures.
    let title = if r.preview {
        "预评参考分排名"
    } else {
        "年终考核得分排名"
    };
    let chart = match (charts, units.len() <= MAX_RANKING_BARS) {
        (false, _) => String::new(),
        (true, true) => format!(
            "{}{}",
            svg::scores(title, &units),
            svg::grades(&r.summary.grade_counts)
        ),
        (true, false) => svg::grades(&r.summary.grade_counts),
    };
    Some(Section {
        heading: heading.into(),
        paras: vec![para],
        table: Some(Table {
            head: ["名次", "单位", "类别", score_word(r), "等级", veto_word(r)]
                .map(String::from)
                .to_vec(),
            rows,
        }),
        chart,
        ..Default::default()
    })
}

/// Units up to which the ranking is also drawn as a bar chart (one A4 page of bars).
const MAX_RANKING_BARS: usize = 40;

/// 得分 (year) / 参考分 (H1, H2, year preview).
pub fn score_word(r: &Results) -> &'static str {
    if final_year(r) { "得分" } else { "参考分" }
}

fn veto_word(r: &Results) -> &'static str {
    if r.preview {
        "一票否决风险"
    } else {
        "一票否决"
    }
}

/// Rules judged from a unit's own ledger: for a unit that did not submit, they are all
/// 未达标 because of R15 and are reported once, under R15.
pub const LEDGER_RULES: [&str; 8] = ["R1", "R2", "R3", "R4", "R5", "R8", "R11", "R13"];

fn problems(r: &Results, esc: Esc, pages: &Pages) -> Option<Section> {
    let mut groups = Vec::new();
    for id in all_unit_rules(r) {
        let mut group = Group::default();
        let mut label = String::new();
        for u in &r.units {
            let Some(rule) = u.rules.get(&id) else {
                continue;
            };
            if rule.status != Status::NotMet
                || (!u.submitted && LEDGER_RULES.contains(&id.as_str()))
            {
                continue;
            }
            if label.is_empty() {
                label = esc(&rule_label(&id, rule));
            }
            let mut rest = format!("：{}", esc(&why(rule)));
            if id == "R15" {
                rest.push_str("，依赖台账的各项要求（R1—R5、R8、R11、R13）均按未达标计");
            }
            rest.push('。');
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
            heading: "学校领导安全履职（四.1）".into(),
            lines: leaders,
            ..Default::default()
        });
    }
    if groups.is_empty() {
        return None;
    }
    Some(Section {
        heading: "存在的主要问题".into(),
        paras: vec!["对照《工作机制》各项要求，以下单位存在未达标情况：".into()],
        groups,
        ..Default::default()
    })
}

/// Leaders' 未达标 rules (R6, R7), one line each.
fn leader_problems(r: &Results, esc: Esc) -> Vec<String> {
    r.leaders
        .iter()
        .flat_map(|l| {
            rule_order(l.rules.keys().cloned())
                .into_iter()
                .filter_map(|id| l.rules.get(&id).map(|x| (id, x)))
                .filter(|(_, x)| x.status == Status::NotMet)
                .map(|(id, x)| {
                    format!(
                        "{}：{}，{}。",
                        esc(&l.name),
                        esc(&rule_label(&id, x)),
                        esc(&why(x))
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}
