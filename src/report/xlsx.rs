//! summary.xlsx (汇总表): 总表, 隐患排查, 季度报告, 惩戒整改, 挂牌督办, 安全事故, 领导调研督查,
//! 数据问题, 说明. Every submission string goes through `write_string` (text starting with
//! = + - @ also gets a quote prefix); fixed metadata makes the bytes reproducible.

mod more;

use super::view::{all_unit_rules, rule_label, value_text, why};
use crate::eval::{Results, Status};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeSet;

struct Formats {
    head: Format,
    quoted: Format,
    score: Format,
    met: Format,
    not_met: Format,
    pending: Format,
}

impl Formats {
    fn new() -> Self {
        let fill = |bg: u32, fg: u32| {
            Format::new()
                .set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
        };
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin),
            quoted: Format::new().set_quote_prefix(),
            score: Format::new().set_num_format("0.0"),
            met: fill(0xC6EFCE, 0x006100),
            not_met: fill(0xFFC7CE, 0x9C0006),
            pending: fill(0xFFEB9C, 0x9C5700),
        }
    }
}

/// A sheet being filled: tracks column widths (unicode-width) and the last row.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    widths: Vec<usize>,
    rows: u32,
}

/// Display width at which a header wraps.
const HEAD_WRAP: usize = 10;

impl<'a> Sheet<'a> {
    fn new(ws: &'a mut Worksheet, f: &'a Formats, head: &[&str]) -> Result<Self, XlsxError> {
        let mut s = Sheet {
            ws,
            f,
            widths: Vec::new(),
            rows: 1,
        };
        // Long headers (R1 年度安全工作计划（一.1）) wrap over up to three lines instead of
        // widening a column of 达标/未达标 cells.
        let mut lines = 1;
        for (c, h) in head.iter().enumerate() {
            s.ws.write_string_with_format(0, c as u16, *h, &s.f.head)?;
            let w = unicode_width::UnicodeWidthStr::width(*h);
            s.track_width(c, w.min(HEAD_WRAP));
            lines = lines.max(w.div_ceil(HEAD_WRAP + 2).min(3));
        }
        s.ws.set_row_height(0, 15.0 * lines as f64)?;
        Ok(s)
    }
    fn track(&mut self, col: usize, text: &str) {
        self.track_width(col, unicode_width::UnicodeWidthStr::width(text));
    }
    fn track_width(&mut self, col: usize, w: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(w);
    }
    /// Text, with a quote prefix when it would look like a formula.
    fn text(&mut self, row: u32, col: usize, text: &str) -> Result<(), XlsxError> {
        self.track(col, text);
        if text.starts_with(['=', '+', '-', '@']) {
            self.ws
                .write_string_with_format(row, col as u16, text, &self.f.quoted)?;
        } else if !text.is_empty() {
            self.ws.write_string(row, col as u16, text)?;
        }
        Ok(())
    }
    fn status(&mut self, row: u32, col: usize, s: Status) -> Result<(), XlsxError> {
        self.track(col, s.label());
        let fmt = match s {
            Status::Met => &self.f.met,
            Status::NotMet => &self.f.not_met,
            Status::Pending => &self.f.pending,
            Status::Na => {
                self.ws.write_string(row, col as u16, s.label())?;
                return Ok(());
            }
        };
        self.ws
            .write_string_with_format(row, col as u16, s.label(), fmt)?;
        Ok(())
    }
    fn score(&mut self, row: u32, col: usize, x: f64) -> Result<(), XlsxError> {
        self.track(col, "100.0");
        self.ws
            .write_number_with_format(row, col as u16, x, &self.f.score)?;
        Ok(())
    }
    fn row(&mut self, cells: &[String]) -> Result<u32, XlsxError> {
        let r = self.rows;
        for (c, t) in cells.iter().enumerate() {
            self.text(r, c, t)?;
        }
        self.rows += 1;
        Ok(r)
    }
    fn finish(self, freeze_cols: u16) -> Result<(), XlsxError> {
        self.ws.set_freeze_panes(1, freeze_cols)?;
        // Print-ready: A4 landscape, all columns on one page width, the header row on every
        // page, page numbers in the footer.
        self.ws
            .set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_footer("&C第 &P 页，共 &N 页");
        self.ws.set_repeat_rows(0, 0)?;
        let last_col = self.widths.len().saturating_sub(1) as u16;
        self.ws
            .autofilter(0, 0, self.rows.saturating_sub(1), last_col)?;
        for (c, w) in self.widths.iter().enumerate() {
            self.ws
                .set_column_width(c as u16, ((*w + 2).clamp(6, 40)) as f64)?;
        }
        Ok(())
    }
}

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
    let f = Formats::new();
    summary_sheet(wb.add_worksheet().set_name("总表")?, &f, r)?;
    inspection_sheet(wb.add_worksheet().set_name("隐患排查")?, &f, r)?;
    items_sheet(wb.add_worksheet().set_name("季度报告")?, &f, r, "R5")?;
    items_sheet(wb.add_worksheet().set_name("惩戒整改")?, &f, r, "R10")?;
    items_sheet(wb.add_worksheet().set_name("挂牌督办")?, &f, r, "R12")?;
    more::accidents(wb.add_worksheet().set_name("安全事故")?, &f, r)?;
    more::leaders(wb.add_worksheet().set_name("领导调研督查")?, &f, r)?;
    more::findings(wb.add_worksheet().set_name("数据问题")?, &f, r)?;
    more::about(wb.add_worksheet().set_name("说明")?, &f, r)?;
    Ok(crate::zipfix::made_by_unix(wb.save_to_buffer()?))
}

fn summary_head(r: &Results, ids: &[String]) -> Vec<String> {
    let year = r.period_kind == crate::eval::PeriodKind::Year;
    let mut head: Vec<String> = vec!["单位".into(), "类别".into(), "报送".into()];
    for id in ids {
        let label = r
            .units
            .iter()
            .find_map(|u| u.rules.get(id))
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
        s.text(row, 0, &u.name)?;
        s.text(row, 1, &u.kind)?;
        s.text(
            row,
            2,
            if u.submitted {
                "已报送"
            } else {
                "未报送"
            },
        )?;
        for (i, id) in ids.iter().enumerate() {
            match u.rules.get(id) {
                Some(x) => s.status(row, 3 + i, x.status)?,
                None => s.text(row, 3 + i, "—")?,
            }
        }
        let c = 3 + ids.len();
        s.score(row, c, u.score)?;
        s.text(row, c + 1, &u.grade)?;
        s.ws.write_number(row, (c + 2) as u16, u.rank as f64)?;
        let vetoes = if u.vetoes.is_empty() {
            &u.veto_risks
        } else {
            &u.vetoes
        };
        let v: Vec<String> = vetoes
            .iter()
            .map(|v| format!("{}（{}）", v.id, v.clause))
            .collect();
        s.text(row, c + 3, &v.join("、"))?;
        let why_list: Vec<String> = u
            .not_met
            .iter()
            .filter_map(|id| u.rules.get(id).map(|x| format!("{id}：{}", why(x))))
            .collect();
        s.text(row, c + 4, &why_list.join("；"))?;
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
        s.text(row, 0, &u.name)?;
        if let Some(x) = u.rules.get("R4") {
            for (i, m) in months.iter().enumerate() {
                let item = x
                    .items
                    .iter()
                    .find(|it| it.fields.get("month").and_then(|v| v.as_str()) == Some(m.as_str()));
                let missing = x
                    .extra
                    .get("missing_months")
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(m.as_str())));
                if let Some(it) = item {
                    s.status(row, 1 + i, it.status)?;
                } else if missing {
                    // A unit that sent nothing: every ended month is 未达标.
                    s.status(row, 1 + i, crate::eval::Status::NotMet)?;
                }
            }
            s.text(row, 1 + months.len(), &x.detail)?;
        }
        s.rows += 1;
    }
    s.finish(1)
}

/// One row per item of `rule`: 单位, 状态, 说明, then every item key (sorted union).
fn items_sheet(ws: &mut Worksheet, f: &Formats, r: &Results, rule: &str) -> Result<(), XlsxError> {
    let keys: BTreeSet<&String> = r
        .units
        .iter()
        .filter_map(|u| u.rules.get(rule))
        .flat_map(|x| x.items.iter().flat_map(|i| i.fields.keys()))
        .collect();
    let mut head = vec!["单位".to_string(), "状态".into(), "说明".into()];
    head.extend(keys.iter().map(|k| key_label(k)));
    let head_ref: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut s = Sheet::new(ws, f, &head_ref)?;
    for u in &r.units {
        let Some(x) = u.rules.get(rule) else { continue };
        for it in &x.items {
            let row = s.rows;
            s.text(row, 0, &u.name)?;
            s.status(row, 1, it.status)?;
            s.text(row, 2, &it.detail)?;
            for (c, k) in keys.iter().enumerate() {
                let v = it.fields.get(*k).map(value_text).unwrap_or_default();
                s.text(row, 3 + c, &v)?;
            }
            s.rows += 1;
        }
    }
    s.finish(1)
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
