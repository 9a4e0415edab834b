//! Bulletin sections 4–9: punishments and listed hazards, accidents, vetoes, commendation,
//! rectification requirements and the appendix table.

use super::view::*;
use crate::eval::{AccidentRecord, Results, Status, UnitResult};

/// 四、挂牌督办及惩戒整改情况 (R10, R12).
pub fn punishments(r: &Results, esc: Esc) -> Option<Section> {
    let mut groups = Vec::new();
    let r10 = item_lines(r, "R10", esc, |i| {
        let measure = field(i, &["measure"]).unwrap_or_else(|| "惩戒措施".into());
        let imposed = field(i, &["imposed"])
            .map(|d| format!("（{d}实施）"))
            .unwrap_or_default();
        let due = field(i, &["due"])
            .map(|d| format!("，整改报告应于{d}前提交"))
            .unwrap_or_default();
        format!("{measure}{imposed}{due}")
    });
    if !r10.is_empty() {
        groups.push(Group {
            heading: "惩戒措施整改报告（五.3）".into(),
            lines: r10,
            ..Default::default()
        });
    }
    let r12 = item_lines(r, "R12", esc, |i| {
        let id = field(i, &["id", "number", "编号"])
            .map(|s| format!("{s} "))
            .unwrap_or_default();
        let name = field(i, &["name", "hazard", "名称"]).unwrap_or_else(|| "挂牌督办隐患".into());
        let level = field(i, &["level", "督办级别"])
            .map(|s| format!("，{s}督办"))
            .unwrap_or_default();
        let deadline = field(i, &["deadline", "整改时限"])
            .map(|s| format!("，整改时限{s}"))
            .unwrap_or_default();
        format!("{id}{name}{level}{deadline}")
    });
    if !r12.is_empty() {
        groups.push(Group {
            heading: "挂牌督办隐患整改（六.1–3）".into(),
            lines: r12,
            ..Default::default()
        });
    }
    (!groups.is_empty()).then(|| Section {
        heading: "挂牌督办及惩戒整改情况".into(),
        groups,
        ..Default::default()
    })
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
            if let Some(due) = field(i, &["due"]).filter(|d| !what.contains(d.as_str())) {
                what.push_str(&format!("，截止{due}"));
            }
            let hints = i
                .fields
                .get("hints")
                .map(value_text)
                .filter(|h| !h.is_empty())
                .map(|h| format!("；{h}"))
                .unwrap_or_default();
            lines.push(format!(
                "{}：{}（{}{}）。",
                esc(&u.name),
                esc(&what),
                i.status.label(),
                esc(&hints)
            ));
        }
    }
    lines
}

fn accident_text(a: &AccidentRecord) -> String {
    let mut parts = Vec::new();
    parts.push(iso(a.date));
    if let Some(s) = &a.summary {
        parts.push(s.clone());
    }
    if let Some(g) = &a.grade {
        parts.push(format!("{g}事故"));
    }
    let mut cas = Vec::new();
    if let Some(n) = a.deaths.filter(|n| *n > 0) {
        cas.push(format!("死亡{n}人"));
    }
    if let Some(n) = a.serious_injuries.filter(|n| *n > 0) {
        cas.push(format!("重伤{n}人"));
    }
    if let Some(n) = a.injuries.filter(|n| *n > 0) {
        cas.push(format!("受伤{n}人"));
    }
    if let Some(x) = a.loss.filter(|x| *x > 0.0) {
        cas.push(format!("直接经济损失{x}万元"));
    }
    let mut s = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("，");
    if !cas.is_empty() {
        s.push('，');
        s.push_str(&cas.join("、"));
    }
    s
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
        .map(|(u, a)| format!("{}：{}。", esc(&u.name), esc(&accident_text(a))))
        .collect();
    let frequent = &r.summary.frequent_accident_units;
    let frequent = if frequent.is_empty() {
        Vec::new()
    } else {
        vec![format!("{}，予以通报。", names(frequent, esc))]
    };
    let groups = [
        ("事故情况", list),
        ("事故多发单位（五.2）", frequent),
        (
            "书面检查报告与问责（五.4）",
            accountability_lines(&all, esc),
        ),
        ("事故等级提示", grading_warnings(&all, esc)),
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
        heading: "安全事故情况".into(),
        paras: vec![format!("本期共报告或认定安全事故{}起。", all.len())],
        groups,
        ..Default::default()
    })
}

/// Accidents that need a written inspection report and start accountability (五.4, R11).
fn accountability_lines(all: &[(&UnitResult, &AccidentRecord)], esc: Esc) -> Vec<String> {
    all.iter()
        .filter(|(_, a)| a.accountability)
        .map(|(u, a)| {
            let report = match a.report_date {
                Some(d) => format!("已于{}提交书面检查报告", iso(Some(d))),
                None => "尚未提交书面检查报告".into(),
            };
            format!(
                "{}：{}，{report}，启动问责机制。",
                esc(&u.name),
                esc(&accident_text(a))
            )
        })
        .collect()
}

/// Reported grade lower than the grade the figures imply (493号令; relevant to V4).
fn grading_warnings(all: &[(&UnitResult, &AccidentRecord)], esc: Esc) -> Vec<String> {
    all.iter()
        .filter_map(|(u, a)| {
            let implied = a.implied_grade.as_deref()?;
            let reported = a.reported_grade.as_deref().unwrap_or("未填");
            (grade_rank(implied) > grade_rank(reported)).then(|| {
                format!(
                    "{}：{}事故报告等级为{}，按伤亡和损失推算应为{}（国务院令第493号），请核实，防止谎报瞒报（七.3 四）。",
                    esc(&u.name),
                    iso(a.date),
                    esc(reported),
                    esc(implied)
                )
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
            let detail = if v.detail.is_empty() {
                String::new()
            } else {
                format!("：{}", v.detail)
            };
            lines.push(format!(
                "{}：{}（{}，{}）{}。",
                esc(&u.name),
                esc(&v.condition),
                esc(&v.clause),
                esc(&v.id),
                esc(&detail)
            ));
        }
    }
    if lines.is_empty() {
        return None;
    }
    let (heading, para) = if year {
        (
            "一票否决情况",
            "依照七.1、七.3，下列单位本年度安全考核实行“一票否决”，等级为不合格（一票否决），单位及其主要负责人和有关责任人取消当年度评先评优资格：",
        )
    } else {
        (
            "一票否决风险提示",
            "以下单位按现有数据已触及“一票否决”条件（七），请高度重视；年终考核时将依照七.3认定：",
        )
    };
    let closing = if year {
        vec![format!(
            "依照七.2，上述一票否决情况抄告{}，作为部门和领导干部评先评优的重要依据。",
            cc_text(cc, esc)
        )]
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

fn cc_text(cc: &[String], esc: Esc) -> String {
    if cc.is_empty() {
        "同级相关部门".into()
    } else {
        names(cc, esc)
    }
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
        .map(|u| {
            format!(
                "{}（{}分，{}）",
                esc(&u.name),
                one_decimal(u.score),
                esc(&u.grade)
            )
        })
        .collect();
    Some(Section {
        heading: "表彰建议名单".into(),
        paras: vec!["依照一.3，建议对以下安全工作成绩显著、无一票否决情形且无责任事故的单位给予表彰（按得分排列）：".into()],
        groups: vec![Group {
            lines,
            ..Default::default()
        }],
        ..Default::default()
    })
}

/// 八、整改要求: every unit with a 未达标 rule, what to fix and by when. The date is a fact of
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
            .filter(|(id, _)| u.submitted || !super::sections::LEDGER_RULES.contains(&id.as_str()))
            .map(|(id, x)| match id.as_str() {
                "R15" => "立即补报安全工作台账（一.1、五.1）".to_string(),
                _ => esc(&rule_label(id, x)),
            })
            .collect();
        let mut rest = format!("：{}", list.join("、"));
        if !u.suggestions.is_empty() {
            let s: Vec<String> = u.suggestions.iter().map(|s| esc(s)).collect();
            rest.push_str(&format!("（{}）", s.join("；")));
        }
        rest.push('。');
        group.push_linked(esc(&u.name), pages.get(&u.name), rest);
    }
    if group.lines.is_empty() {
        return None;
    }
    let para = format!(
        "请下列单位对照本通报指出的问题，逐项制定整改措施，于{}前将整改落实情况书面报送保卫处（五.3）。各单位存在的问题及所在台账位置见各单位反馈意见。",
        date_cn(r.rectification_due)
    );
    Some(Section {
        heading: "整改要求".into(),
        paras: vec![para],
        groups: vec![group],
        ..Default::default()
    })
}

/// 附件 各单位情况一览表: every unit × every rule status, score, grade.
pub fn appendix(r: &Results, esc: Esc, html: bool) -> Section {
    let ids = all_unit_rules(r);
    let pages = super::feedback::pages(r, if html { "html" } else { "md" });
    let score_head = super::sections::score_word(r);
    let mut head = vec!["单位".to_string()];
    head.extend(ids.iter().cloned());
    head.extend([score_head.to_string(), "等级".into()]);
    let rows = r
        .units
        .iter()
        .map(|u| {
            let page = pages.get(&u.name).map(|p| href(p)).unwrap_or_default();
            let mut row = vec![Cell::link(esc(&u.name), page)];
            for id in &ids {
                row.push(match u.rules.get(id) {
                    Some(x) => Cell::status_mark(x.status),
                    None => Cell::text("—"),
                });
            }
            row.push(Cell::num(one_decimal(u.score)));
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
            let x = r.units.iter().find_map(|u| u.rules.get(id))?;
            Some(format!("{id} {}", esc(&rule_label(id, x))))
        })
        .collect();
    Section {
        heading: "各单位情况一览表".into(),
        paras: vec![
            "√ 达标　× 未达标　△ 待完成　— 不适用".into(),
            format!("规则：{}。", legend.join("；")),
        ],
        table: Some(Table { head, rows }),
        ..Default::default()
    }
}
