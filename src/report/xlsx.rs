//! summary.xlsx (汇总表): 总表, 隐患排查, 季度报告, 惩戒整改, 挂牌督办, 安全事故, 领导调研督查,
//! 数据问题, 得分明细, 说明. Cells are typed (`sheet::Cell`): dates are Excel dates, counts,
//! days and scores numbers, only text is text; every submission string is written as text
//! (text starting with = + - @ also gets a quote prefix) and cut to Excel's cell limit.
//! Fixed metadata makes the bytes reproducible; every sheet prints legibly on A4 (`print`).

mod audit;
pub(crate) mod print;
mod records;
mod score;
mod sheet;

pub use sheet::{CELL_MAX, LONG_TEXT};

use super::view::{all_unit_rules, rule_label, value_text, why};
use crate::eval::Results;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};
use sheet::{Cell, Formats, Sheet};
use std::collections::BTreeSet;

/// summary.xlsx bytes.
pub fn render(r: &Results) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let created = r.as_of.and_hms_opt(0, 0, 0).unwrap_or_default();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&r.title)
            .set_author(&r.issuer)
            .set_creation_datetime(&created),
    );
    // The sheets are filled side by side (each its own formats and strings, put together in
    // sheet order when saved: the same bytes as filled one after another).
    use rayon::prelude::*;
    type Fill = fn(&mut Worksheet, &Formats, &Results) -> Result<(), XlsxError>;
    let sheets: [(&str, Fill); 10] = [
        ("总表", summary_sheet),
        ("隐患排查", inspection_sheet),
        ("季度报告", |ws, f, r| items_sheet(ws, f, r, "R5")),
        ("惩戒整改", |ws, f, r| items_sheet(ws, f, r, "R10")),
        ("挂牌督办", |ws, f, r| items_sheet(ws, f, r, "R12")),
        ("安全事故", records::accidents),
        ("领导调研督查", records::leaders),
        ("数据问题", audit::findings),
        ("得分明细", score::points),
        ("说明", audit::about),
    ];
    let f = Formats::new();
    let filled: Vec<Result<Worksheet, XlsxError>> = sheets
        .par_iter()
        .map(|(name, fill)| {
            let mut ws = Worksheet::new();
            ws.set_name(*name)?;
            fill(&mut ws, &f, r)?;
            Ok(ws)
        })
        .collect();
    for ws in filled {
        wb.push_worksheet(ws?);
    }
    Ok(crate::zipfix::made_by_unix(wb.save_to_buffer()?))
}

fn summary_head(r: &Results, ids: &[String]) -> Vec<String> {
    let year = r.period_kind == crate::eval::PeriodKind::Year;
    let mut head: Vec<String> = vec!["单位".into(), "类别".into(), "报送".into()];
    for id in ids {
        let label = r
            .units
            .iter()
            .find_map(|u| u.rules.get(id.as_str()))
            .map(|x| format!("{id} {}", rule_label(id, x)))
            .unwrap_or_else(|| id.clone());
        head.push(label);
    }
    head.extend([
        if year { "得分" } else { "参考分" }.into(),
        "等级".into(),
        "名次".into(),
        if year { "一票否决" } else { "否决风险" }.into(),
        "未达标说明".into(),
    ]);
    head
}

fn summary_sheet(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let ids = all_unit_rules(r);
    let head = summary_head(r, &ids);
    let head_ref: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut s = Sheet::new(ws, f, &head_ref)?;
    for u in &r.units {
        let row = s.rows;
        s.text(row, 0, &u.name);
        s.text(row, 1, &u.kind);
        s.text(
            row,
            2,
            if u.submitted {
                "已报送"
            } else {
                "未报送"
            },
        );
        for (i, id) in ids.iter().enumerate() {
            match u.rules.get(id.as_str()) {
                Some(x) => s.status(row, 3 + i, x.status),
                None => s.text(row, 3 + i, "—"),
            }
        }
        let c = 3 + ids.len();
        match u.score {
            Some(score) => s.put(row, c, Cell::Num(score, sheet::SCORE)),
            None => s.text(row, c, "—"),
        }
        s.text(row, c + 1, &u.grade);
        s.put(row, c + 2, Cell::Num(u.rank as f64, sheet::INT));
        let vetoes = if u.vetoes.is_empty() {
            &u.veto_risks
        } else {
            &u.vetoes
        };
        let v: Vec<String> = vetoes
            .iter()
            .map(|v| format!("{}（{}）", v.id, v.clause))
            .collect();
        s.text(row, c + 3, &v.join("、"));
        let why_list: Vec<String> = u
            .not_met
            .iter()
            .filter_map(|id| u.rules.get(id).map(|x| format!("{id}：{}", why(x))))
            .collect();
        s.text(row, c + 4, &why_list.join("；"));
        s.rows += 1;
    }
    s.finish(1)
}

/// Unit × month matrix from R4 items (field `month` = YYYY-MM).
fn inspection_sheet(ws: &mut Worksheet, f: &Formats, r: &Results) -> Result<(), XlsxError> {
    let mut months = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(r.period_start.year(), r.period_start.month(), 1);
    while let Some(m) = d.filter(|m| *m <= r.period_end) {
        months.push(format!("{:04}-{:02}", m.year(), m.month()));
        d = m.checked_add_months(chrono::Months::new(1));
    }
    let mut head = vec!["单位".to_string()];
    head.extend(months.iter().cloned());
    head.push("说明".into());
    let head_ref: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut s = Sheet::new(ws, f, &head_ref)?;
    for u in &r.units {
        let row = s.rows;
        s.text(row, 0, &u.name);
        if let Some(x) = u.rules.get("R4") {
            for (i, m) in months.iter().enumerate() {
                let item = x.items.iter().find(
                    |it| matches!(&it.fields, crate::eval::ItemFields::Month(i) if i.month == *m),
                );
                let missing = x
                    .facts
                    .as_ref()
                    .is_some_and(|f| f.missing_months().contains(m));
                if let Some(it) = item {
                    s.status(row, 1 + i, it.status);
                } else if missing {
                    // A unit that sent nothing: every ended month is 未达标.
                    s.status(row, 1 + i, crate::eval::Status::NotMet);
                }
            }
            s.text(row, 1 + months.len(), &x.detail);
        }
        s.rows += 1;
    }
    s.finish(1)
}

/// One row per item of `rule`: 单位, 状态, 说明, then every item key (sorted union), typed.
fn items_sheet(ws: &mut Worksheet, f: &Formats, r: &Results, rule: &str) -> Result<(), XlsxError> {
    let columns: Vec<Vec<_>> = r
        .units
        .iter()
        .filter_map(|u| u.rules.get(rule))
        .map(|x| x.items.iter().map(|i| i.fields.columns()).collect())
        .collect();
    let keys: BTreeSet<&String> = columns.iter().flatten().flat_map(|c| c.keys()).collect();
    let mut head = vec!["单位".to_string(), "状态".into(), "说明".into()];
    head.extend(keys.iter().map(|k| key_label(k)));
    let head_ref: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut s = Sheet::new(ws, f, &head_ref)?;
    let units = r.units.iter().filter_map(|u| Some((u, u.rules.get(rule)?)));
    for ((u, x), cols) in units.zip(&columns) {
        for (it, col) in x.items.iter().zip(cols) {
            let row = s.rows;
            s.text(row, 0, &u.name);
            s.status(row, 1, it.status);
            s.text(row, 2, &it.detail);
            for (c, k) in keys.iter().enumerate() {
                if let Some(v) = col.get(*k) {
                    s.put(row, 3 + c, field_cell(k, v));
                }
            }
            s.rows += 1;
        }
    }
    s.finish(1)
}

/// An item field as a typed cell: `YYYY-MM-DD` → date, `month` `YYYY-MM` → month date,
/// `quarter` → number shown as 第N季度, other numbers → numbers, the rest → text.
fn field_cell(key: &str, v: &serde_json::Value) -> Cell {
    use serde_json::Value as J;
    match v {
        J::Null => Cell::Blank,
        J::Number(n) => match n.as_f64() {
            Some(x) if key == "quarter" => Cell::Num(x, sheet::QUARTER),
            Some(x) if x.fract() == 0.0 => Cell::Num(x, sheet::INT),
            Some(x) => Cell::Num(x, sheet::GENERAL),
            None => Cell::text(n.to_string()),
        },
        J::String(t) => {
            let day = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
            let month = (key == "month")
                .then(|| NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d").ok())
                .flatten();
            match (day, month) {
                (Some(d), _) if t.len() == 10 => Cell::Date(d, sheet::DATE),
                (_, Some(m)) if t.len() == 7 => Cell::Date(m, sheet::MONTH),
                _ => Cell::text(t.clone()),
            }
        }
        other => Cell::text(value_text(other)),
    }
}

/// Chinese column names for the item keys the rules use; unknown keys as they are.
fn key_label(k: &str) -> String {
    match k {
        "measure" => "措施",
        "imposed" => "实施日期",
        "due" => "截止日期",
        "submitted" => "提交日期",
        "quarter" => "季度",
        "month" => "月份",
        "deadline" => "整改时限",
        "closed" => "销号日期",
        "listed" => "挂牌日期",
        "level" => "督办级别",
        "id" | "number" => "编号",
        "name" | "hazard" => "名称",
        "state" => "判定状态",
        "late_days" => "逾期天数",
        "late_working_days" => "逾期工作日",
        "semester" => "学期",
        "meetings" => "会议次数",
        "count" | "inspections" => "次数",
        "completed" => "整改完成日期",
        "date" => "日期",
        "deaths" => "死亡人数",
        "injuries" => "受伤人数",
        "description" => "描述",
        "start" => "开始日期",
        "end" => "结束日期",
        "found" => "发现日期",
        "grade" => "等级",
        "hints" => "提示",
        "register_state" => "登记状态",
        "report_date" => "报告日期",
        "summary" => "概况",
        other => other,
    }
    .to_string()
}
