//! The unit ledger (单位安全工作台账): cover and the six table sheets → `model::Ledger`, with
//! event dates judged against the ledger's year (`out_of_period`) and every event or submission
//! date judged against the file's own cover 报送日期 (`future_date`).

use super::grid::cells::{Book, Grid, Value};
use super::grid::cover::Cover;
use super::grid::sheets::{Ctx, Table, find_sheet, with_rule};
use super::grid::values;
use super::guard::limits;
use crate::findings::{Code, Finding};
use crate::model::*;
use crate::schema::{self, SheetSpec};
use chrono::{Datelike, NaiveDate};

/// What a missing central-register sheet means where it is not simply 未达标 (rules::mod).
fn register_gap_effect(sheet: &str) -> Option<&'static str> {
    match sheet {
        schema::DETERMINATIONS => Some("，视为无事故认定，否决条件 V4、V5 无法评估"),
        schema::VISITS => Some("，R6 按无调研督查记录判定"),
        schema::LEADER_REPORTS => Some("，R7 按无述职记录判定"),
        schema::ADJUSTMENTS => Some("，不计考评加减分"),
        _ => None,
    }
}

/// Sheet names listed in the `not_a_ledger` message, and characters kept of each.
const LISTED_SHEETS: usize = 5;
const SHEET_NAME_CHARS: usize = 31;

/// Did reading a coverless workbook find nothing of a ledger (no table sheet with its header
/// row, no sheet that failed to read)? Then it is some other spreadsheet (a timetable, last
/// year's summary.xlsx): one finding says so instead of a ledger's worth of missing sheets.
pub fn nothing_of_a_ledger(names: &[String], ledger: &Ledger, findings: &[Finding]) -> bool {
    find_sheet(names, schema::COVER).is_none()
        && ledger.plan.is_none()
        && ledger.meetings.is_none()
        && ledger.inspections.is_none()
        && ledger.hazards.is_none()
        && ledger.quarterly.is_none()
        && ledger.accidents.is_none()
        && !findings.iter().any(|f| f.code == Code::UnreadableFile)
}

/// The one `missing_sheet` error of a workbook that is not a ledger, naming its own sheets.
pub fn not_a_ledger(names: &[String]) -> Finding {
    let listed: Vec<String> = names
        .iter()
        .take(LISTED_SHEETS)
        .map(|n| {
            let n = n.trim();
            match n.char_indices().nth(SHEET_NAME_CHARS) {
                Some((i, _)) => format!("{}…", &n[..i]),
                None => n.to_string(),
            }
        })
        .collect();
    let mut listed = listed.join("、");
    if names.len() > LISTED_SHEETS {
        listed.push_str(&format!("等共 {} 张", names.len()));
    }
    let contract = schema::LEDGER
        .iter()
        .chain(schema::REGISTER)
        .find_map(|s| find_sheet(names, s.name).map(|_| s.name));
    let why = match contract {
        Some(s) => format!("没有“封面”工作表，“{s}”等工作表中也找不到台账的表头"),
        None => "未找到“封面”等台账工作表".to_string(),
    };
    let msg = format!(
        "不是安全工作台账：{why}（本文件的工作表：{listed}），本文件未读取、不计入；请使用 tongbao template 生成的模板填报"
    );
    Finding::error(Code::MissingSheet, msg).sheet(schema::COVER)
}

/// Read a sheet of `spec` into a grid, or raise `missing_sheet` / a read finding.
pub fn load_grid(
    book: &mut Book,
    names: &[String],
    spec: &'static SheetSpec,
    ctx: &mut Ctx,
) -> Option<(String, Grid)> {
    let Some(name) = find_sheet(names, spec.name).cloned() else {
        let what = if spec.name == schema::ACCIDENTS {
            "，视为未报告事故".to_string()
        } else if let Some(w) = register_gap_effect(spec.name) {
            w.to_string()
        } else if spec.rules.is_empty() {
            String::new()
        } else {
            format!("，{} 按未达标处理", spec.rules)
        };
        let msg = format!("缺少工作表“{}”{what}", spec.name);
        let rule = (!spec.rules.is_empty()).then_some(spec.rules);
        // The finding names the sheet that should be there.
        ctx.push(
            with_rule(Finding::error(Code::MissingSheet, msg), rule),
            spec.name,
            None,
        );
        return None;
    };
    // Findings and row locations use the contract's name: `隐患排查 ` (a trailing space, invisible
    // on the tab) is reported as 隐患排查.
    let found = name;
    let name = spec.name.to_string();
    match book.read_sheet(&found) {
        Ok(grid) => {
            if let Some((r, c)) = grid.overflow {
                let cell = crate::findings::a1(r, c);
                let msg = format!(
                    "单元格 {cell} 超出读取范围（最多 {} 行、{} 列、{} 个单元格、文字合计 {} MB），本表自该处起的内容未读取；请删除表格以外的多余内容",
                    limits::MAX_ROWS,
                    limits::MAX_COLS,
                    limits::MAX_CELLS,
                    limits::MAX_SHEET_TEXT / 1024 / 1024
                );
                ctx.push(
                    Finding::warning(Code::UnreadableFile, msg),
                    &name,
                    Some(cell),
                );
            }
            Some((name, grid))
        }
        Err(e) => {
            let msg = format!("工作表“{name}”无法读取（{e}），该表按缺失处理");
            ctx.push(Finding::error(Code::UnreadableFile, msg), &name, None);
            None
        }
    }
}

/// Judges dates against the ledger year and the cover's 报送日期.
pub struct Judge {
    pub year: Option<i32>,
    pub submitted: Option<NaiveDate>,
}

impl Judge {
    /// An event date (meeting, inspection, hazard found, accident): false → drop the row.
    pub fn event(
        &self,
        ctx: &mut Ctx,
        t: &Table,
        row: u32,
        col: &str,
        d: Option<NaiveDate>,
    ) -> bool {
        let Some(d) = d else { return true };
        if let Some(y) = self.year.filter(|y| d.year() != *y) {
            let msg = format!("“{col}”{d} 不在台账年度 {y} 年内，该行不计入");
            let f = with_rule(
                Finding::warning(Code::OutOfPeriod, msg).raw(d.to_string()),
                Some(t.spec.rules),
            );
            ctx.push(f, &t.sheet, Some(t.cell(row, col)));
            return false;
        }
        self.not_future(ctx, t, row, col, Some(d)).is_some()
    }

    /// A submission or closing date: later than the cover 报送日期 → `future_date`, None.
    pub fn not_future(
        &self,
        ctx: &mut Ctx,
        t: &Table,
        row: u32,
        col: &str,
        d: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let d = d?;
        match self.submitted {
            Some(s) if d > s => {
                let msg = format!("“{col}”{d} 晚于本台账封面报送日期 {s}，不可能属实，按未填处理");
                let rule = super::grid::sheets::rule_for(t.spec, col);
                let f = with_rule(
                    Finding::warning(Code::FutureDate, msg).raw(d.to_string()),
                    rule,
                );
                ctx.push(f, &t.sheet, Some(t.cell(row, col)));
                None
            }
            _ => Some(d),
        }
    }
}

/// The ledger cover.
pub fn read_cover(c: &Cover, ctx: &mut Ctx) -> LedgerCover {
    let is_1904 = ctx.is_1904;
    let date = |v: &Value| values::date(v, is_1904);
    let mut cover = LedgerCover {
        unit_name_raw: c.get(ctx, "单位名称", values::text),
        year: c.get(ctx, "年度", values::year),
        principal: c.get(ctx, "主要负责人", values::text),
        submitted_on: c.get(ctx, "报送日期", date),
        kind: c.get(ctx, "单位类型", values::unit_kind),
        safety_deputy: c.get(ctx, "分管安全负责人", values::text),
        filled_by: c.get(ctx, "填报人", values::text),
        phone: c.get(ctx, "联系电话", values::text),
        plan_copied_on: c.get(ctx, "计划抄送保卫处日期", date),
        annual_summary_duty: c.get(ctx, "年度总结报告安全履职", values::yes_no),
        performance_review_duty: c.get(ctx, "绩效述职述安", values::yes_no),
        cells: c.cells(),
        sheet: c.sheet.clone(),
    };
    if let (Some(p), Some(s)) = (cover.plan_copied_on, cover.submitted_on)
        && p > s
    {
        let msg =
            format!("“计划抄送保卫处日期”{p} 晚于本台账封面报送日期 {s}，不可能属实，按未填处理");
        let f = Finding::warning(Code::FutureDate, msg)
            .raw(p.to_string())
            .rule("R1");
        ctx.push(f, &c.sheet, c.cell("计划抄送保卫处日期"));
        cover.plan_copied_on = None;
    }
    cover
}

/// The six table sheets of a ledger.
pub fn read_tables(
    book: &mut Book,
    names: &[String],
    ctx: &mut Ctx,
    judge: &Judge,
    ledger: &mut Ledger,
) {
    let spec = |n| schema::ledger_sheet(n).unwrap_or(&schema::LEDGER_COVER);
    ledger.plan = with_table(book, names, spec(schema::PLAN), ctx, plan);
    ledger.meetings = with_table(book, names, spec(schema::MEETINGS), ctx, |t, ctx| {
        meetings(t, ctx, judge)
    });
    ledger.inspections = with_table(book, names, spec(schema::INSPECTIONS), ctx, |t, ctx| {
        inspections(t, ctx, judge)
    });
    ledger.hazards = with_table(book, names, spec(schema::HAZARDS), ctx, |t, ctx| {
        hazards(t, ctx, judge)
    });
    ledger.quarterly = with_table(book, names, spec(schema::QUARTERLY), ctx, |t, ctx| {
        quarterly(t, ctx, judge)
    });
    ledger.accidents = with_table(book, names, spec(schema::ACCIDENTS), ctx, |t, ctx| {
        accidents(t, ctx, judge)
    });
}

/// Load a sheet, find its header, and read its rows with `f`.
pub fn with_table<T>(
    book: &mut Book,
    names: &[String],
    spec: &'static SheetSpec,
    ctx: &mut Ctx,
    f: impl FnOnce(&Table, &mut Ctx) -> Vec<T>,
) -> Option<Vec<T>> {
    let (name, grid) = load_grid(book, names, spec, ctx)?;
    let table = Table::find(&grid, spec, &name, ctx)?;
    Some(f(&table, ctx))
}

fn plan(t: &Table, ctx: &mut Ctx) -> Vec<PlanTask> {
    let file = ctx.file;
    t.rows
        .iter()
        .map(|&r| PlanTask {
            loc: t.loc(file, r),
            task: t.text(ctx, r, "工作任务"),
            responsible: t.text(ctx, r, "责任人"),
            deadline: t.date(ctx, r, "完成时限"),
            note: t.text(ctx, r, "备注"),
        })
        .collect()
}

fn meetings(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Meeting> {
    let file = ctx.file;
    let mut out = Vec::new();
    for &r in &t.rows {
        let m = Meeting {
            loc: t.loc(file, r),
            date: t.date(ctx, r, "会议日期"),
            topic: t.text(ctx, r, "会议主题"),
            principal_attended: t.yes_no(ctx, r, "主要负责人参加"),
            prevention_studied: t.yes_no(ctx, r, "研究防范措施"),
            host: t.text(ctx, r, "主持人"),
            attendees: t.count(ctx, r, "参会人数").map(f64::from),
            minutes: t.text(ctx, r, "会议纪要"),
        };
        if judge.event(ctx, t, r, "会议日期", m.date) {
            out.push(m);
        }
    }
    out
}

fn inspections(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Inspection> {
    let file = ctx.file;
    let mut out = Vec::new();
    for &r in &t.rows {
        let i = Inspection {
            loc: t.loc(file, r),
            date: t.date(ctx, r, "排查日期"),
            scope: t.text(ctx, r, "排查范围"),
            participants: t.text(ctx, r, "参加人员"),
            hazards_found: t.count(ctx, r, "发现隐患数").map(f64::from),
            hazards_fixed: t.count(ctx, r, "已整改数").map(f64::from),
            note: t.text(ctx, r, "备注"),
        };
        if judge.event(ctx, t, r, "排查日期", i.date) {
            out.push(i);
        }
    }
    out
}

fn hazards(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Hazard> {
    let file = ctx.file;
    let mut out = Vec::new();
    for &r in &t.rows {
        let mut h = Hazard {
            loc: t.loc(file, r),
            found_on: t.date(ctx, r, "发现日期"),
            description: t.text(ctx, r, "隐患描述"),
            grade: t.get(ctx, r, "隐患等级", values::hazard_grade),
            deadline: t.date(ctx, r, "整改期限"),
            measure: t.text(ctx, r, "整改措施"),
            completed_on: t.date(ctx, r, "整改完成日期"),
            responsible: t.text(ctx, r, "责任人"),
        };
        if judge.event(ctx, t, r, "发现日期", h.found_on) {
            h.completed_on = judge.not_future(ctx, t, r, "整改完成日期", h.completed_on);
            out.push(h);
        }
    }
    out
}

fn quarterly(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<QuarterlyReport> {
    let file = ctx.file;
    let mut out = Vec::new();
    for &r in &t.rows {
        let mut q = QuarterlyReport {
            loc: t.loc(file, r),
            quarter: t.get(ctx, r, "季度", values::quarter),
            submitted_on: t.date(ctx, r, "报送日期"),
            title: t.text(ctx, r, "报告标题"),
            accident_count: t.count(ctx, r, "事故起数"),
        };
        q.submitted_on = judge.not_future(ctx, t, r, "报送日期", q.submitted_on);
        out.push(q);
    }
    out
}

fn accidents(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Accident> {
    let file = ctx.file;
    let loss_col = "直接经济损失（万元）";
    // A note naming 元 but not 万元 means the column is in yuan.
    let yuan = t
        .notes
        .get(loss_col)
        .is_some_and(|n| n.contains('元') && !n.contains("万元"));
    let mut out = Vec::new();
    for &r in &t.rows {
        let loss = t.get(ctx, r, loss_col, |v| values::money_wan(v, yuan));
        let mut a = Accident {
            loc: t.loc(file, r),
            date: t.date(ctx, r, "发生日期"),
            summary: t.text(ctx, r, "事故概况"),
            grade: t.get(ctx, r, "事故等级", values::accident_grade),
            deaths: t.count(ctx, r, "死亡人数"),
            injuries: t.count(ctx, r, "受伤人数"),
            serious_injuries: t.count(ctx, r, "重伤人数"),
            loss_wan: loss,
            report_on: t.date(ctx, r, "书面检查报告日期"),
            in_activity: t.yes_no(ctx, r, "是否在活动中发生"),
        };
        if judge.event(ctx, t, r, "发生日期", a.date) {
            a.report_on = judge.not_future(ctx, t, r, "书面检查报告日期", a.report_on);
            out.push(a);
        }
    }
    out
}
