//! summary.xlsx sheets built from records rather than rule items: 安全事故, 领导调研督查,
//! 数据问题, 说明.

use super::sheet::{self, Cell};
use super::{Formats, Sheet};
use crate::eval::Results;
use crate::report::view::iso;
use rust_xlsxwriter::{Worksheet, XlsxError};

fn yes_no(v: Option<bool>) -> Cell {
    match v {
        Some(true) => Cell::text("是"),
        Some(false) => Cell::text("否"),
        None => Cell::Blank,
    }
}

fn text(v: &Option<String>) -> Cell {
    Cell::text(v.clone().unwrap_or_default())
}

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
                text(&a.summary),
                grade(a.reported_grade),
                grade(a.determined_grade),
                grade(a.implied_grade),
                grade(a.grade),
                Cell::int(a.deaths),
                Cell::int(a.serious_injuries),
                Cell::int(a.injuries),
                a.loss.map_or(Cell::Blank, |x| Cell::Num(x, sheet::GENERAL)),
                Cell::date(a.report_date),
                yes_no(a.responsible),
                yes_no(a.concealed),
                yes_no(a.bad_influence),
                yes_no(a.in_activity),
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

pub(super) fn findings(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let head = [
        "文件",
        "工作表",
        "单元格",
        "严重程度",
        "代码",
        "问题",
        "原始内容",
        "规则",
        "单位",
    ];
    let mut s = Sheet::new(ws, f, &head)?;
    for x in &r.findings {
        s.row(vec![
            text(&x.file),
            text(&x.sheet),
            text(&x.cell),
            Cell::text(x.severity.label()),
            Cell::text(x.code.as_str()),
            Cell::text(x.message.clone()),
            text(&x.raw),
            text(&x.rule),
            text(&x.unit),
        ]);
    }
    s.finish(0)
}

pub(super) fn about(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let mut s = Sheet::new(ws, f, &["项目", "内容", "SHA-256", "大小（字节）"])?;
    let fixed = [
        ("通报", Cell::text(r.title.clone())),
        ("考核期间", Cell::text(r.period.clone())),
        (
            "期间起止",
            Cell::text(format!(
                "{} 至 {}",
                iso(Some(r.period_start)),
                iso(Some(r.period_end))
            )),
        ),
        ("评价基准日", Cell::date(Some(r.as_of))),
        ("发文字号", Cell::text(r.doc_number.clone())),
        ("整改报告截止", Cell::date(Some(r.rectification_due))),
        ("配置文件 SHA-256", Cell::text(r.config_sha256.clone())),
        ("单位数", Cell::Num(r.units.len() as f64, sheet::INT)),
        (
            "总体达标率",
            r.summary
                .overall_rate
                .map_or(Cell::Blank, |x| Cell::Num(x, sheet::PERCENT)),
        ),
    ];
    for (k, v) in fixed {
        s.row(vec![Cell::text(k), v]);
    }
    for i in &r.inputs {
        let role = match i.role {
            crate::model::Role::Ledger => "单位台账",
            crate::model::Role::Register => "保卫处台账",
            crate::model::Role::Prose => "按语",
            crate::model::Role::Skipped => "跳过",
            crate::model::Role::Superseded => "已被替代",
            crate::model::Role::Unreadable => "无法读取",
            crate::model::Role::Rejected => "未采用",
            crate::model::Role::AfterAsOf => "晚于评价基准日，未采用",
        };
        s.row(vec![
            Cell::text(format!("输入文件（{role}）")),
            Cell::text(i.file.clone()),
            Cell::text(i.sha256.clone()),
            Cell::Num(i.size as f64, sheet::INT),
        ]);
    }
    s.finish(0)
}
