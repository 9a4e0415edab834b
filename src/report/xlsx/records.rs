//! summary.xlsx sheets built from records rather than rule items: 安全事故 (accidents as
//! reported or determined) and 领导调研督查 (leaders' visits).

use super::sheet::{self, Cell, Formats, Sheet};
use crate::eval::Results;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 安全事故: every accident of every unit, from its ledger or the office's determination.
fn grade(g: Option<crate::model::AccidentGrade>) -> Cell {
    Cell::text(g.map_or("", |g| g.label()))
}

pub(super) fn accidents(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let head = [
        "单位",
        "事故日期",
        "事故概况",
        "报告等级",
        "认定等级",
        "推算等级",
        "采用等级",
        "死亡人数",
        "重伤人数",
        "受伤人数",
        "直接经济损失（万元）",
        "书面检查报告日期",
        "负有责任",
        "谎报瞒报",
        "不良影响",
        "组织活动",
        "来源",
        "启动问责（五.4）",
    ];
    let mut s = Sheet::new(ws, f, &head)?;
    for u in &r.units {
        for a in &u.accidents {
            s.row(vec![
                Cell::text(u.name.clone()),
                Cell::date(a.date),
                Cell::opt_text(&a.summary),
                grade(a.reported_grade),
                grade(a.determined_grade),
                grade(a.implied_grade),
                grade(a.grade),
                Cell::int(a.deaths),
                Cell::int(a.serious_injuries),
                Cell::int(a.injuries),
                a.loss.map_or(Cell::Blank, |x| Cell::Num(x, sheet::GENERAL)),
                Cell::date(a.report_date),
                Cell::yes_no(a.responsible),
                Cell::yes_no(a.concealed),
                Cell::yes_no(a.bad_influence),
                Cell::yes_no(a.in_activity),
                Cell::text(if a.source == crate::eval::AccidentSource::Register {
                    "保卫处认定"
                } else {
                    "单位台账"
                }),
                Cell::text(if a.accountability { "是" } else { "否" }),
            ]);
        }
    }
    s.finish(1)
}

/// 领导调研督查: each leader's visits with R6/R7 (四.1).
pub(super) fn leaders(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let head = [
        "领导",
        "职务",
        "调研督查次数",
        "R6 状态（四.1）",
        "R6 说明",
        "R7 状态（四.1）",
        "R7 说明",
        "调研督查记录",
    ];
    let mut s = Sheet::new(ws, f, &head)?;
    for l in &r.leaders {
        let row = s.rows;
        s.text(row, 0, &l.name);
        s.text(row, 1, l.title.as_deref().unwrap_or(""));
        s.put(row, 2, Cell::Num(l.visits.len() as f64, sheet::INT));
        for (i, id) in ["R6", "R7"].iter().enumerate() {
            if let Some(x) = l.rules.get(*id) {
                s.status(row, 3 + 2 * i, x.status);
                s.text(row, 4 + 2 * i, &x.detail);
            }
        }
        let visits: Vec<String> = l
            .visits
            .iter()
            .map(|v| {
                let mut t = v.date.format("%Y-%m-%d").to_string();
                for part in [&v.unit, &v.content].into_iter().flatten() {
                    t.push(' ');
                    t.push_str(part);
                }
                t
            })
            .collect();
        s.text(row, 7, &visits.join("；"));
        s.rows += 1;
    }
    s.finish(1)
}
