//! One sheet of a schema-shaped workbook: the cover (key in A, value in B, help in C) or a table
//! (optional title row, header row, data rows), with formats, widths and validations.

use super::lists::Lists;
use super::validate;
use super::{LAST_ROW, Table, Value};
use crate::report::xlsx::print::{self, Repeat};
use crate::schema::{Col, Kind, SheetSpec};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

const REQUIRED_FILL: u32 = 0xFCE4D6;
const OPTIONAL_FILL: u32 = 0xDDEBF7;
const DATE_FORMAT: &str = "yyyy-mm-dd";
/// Width of the cover's help column, which wraps (so the sheet fits an A4 page).
const HELP_WIDTH: usize = 40;

fn header_format(required: bool) -> Format {
    let fill = if required {
        REQUIRED_FILL
    } else {
        OPTIONAL_FILL
    };
    let f = Format::new()
        .set_num_format("@")
        .set_background_color(Color::RGB(fill))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    if required {
        f.set_bold().set_font_color(Color::RGB(0xC00000))
    } else {
        f
    }
}

/// The cell format a column's values are written in.
fn value_format(kind: Kind) -> Format {
    match kind {
        Kind::Date => Format::new().set_num_format(DATE_FORMAT),
        Kind::Count | Kind::Year => Format::new().set_num_format("0"),
        Kind::Number => Format::new().set_num_format("General"),
        _ => Format::new().set_num_format("@"),
    }
}

/// Display width of text in Excel character units (CJK counts double).
pub(crate) fn text_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// A sensible width for a column holding `kind`, before looking at its contents.
fn base_width(col: &Col) -> usize {
    match col.kind {
        Kind::Date => 12,
        Kind::Text => match col.name {
            "会议主题" | "隐患描述" | "事故概况" | "工作任务" | "排查范围" | "事由"
            | "整改措施" | "隐患名称" | "内容" | "说明" | "会议纪要" | "报告标题" => {
                30
            }
            _ => 12,
        },
        _ => 10,
    }
}

fn value_width(v: &Value) -> usize {
    match v {
        Value::Text(s) => text_width(s),
        Value::Date(_) => 10,
        Value::Number(n) => n.to_string().len(),
    }
}

fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    kind: Kind,
) -> Result<(), XlsxError> {
    let fmt = value_format(kind);
    match v {
        Value::Text(s) => ws.write_string_with_format(row, col, s, &fmt.set_quote_prefix())?,
        Value::Date(d) => ws.write_date_with_format(row, col, d, &fmt)?,
        Value::Number(n) => ws.write_number_with_format(row, col, *n, &fmt)?,
    };
    Ok(())
}

/// 封面: key in column A, value in B, a short help in C; a validation on each value cell.
pub(crate) fn write_cover(
    ws: &mut Worksheet,
    spec: &SheetSpec,
    values: &[(&'static str, Value)],
    lists: &Lists,
) -> Result<(), XlsxError> {
    ws.set_name(spec.name)?;
    let help_fmt = Format::new()
        .set_italic()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_font_color(Color::RGB(0x808080));
    let mut value_w = 24;
    for (i, col) in spec.cols.iter().enumerate() {
        let r = i as u32;
        ws.write_string_with_format(r, 0, col.name, &header_format(col.required))?;
        let fmt = value_format(col.kind).set_border(FormatBorder::Thin);
        match values.iter().find(|(k, _)| *k == col.name) {
            Some((_, v)) => {
                value_w = value_w.max(value_width(v) + 2);
                match v {
                    Value::Text(s) => ws.write_string_with_format(r, 1, s, &fmt)?,
                    Value::Date(d) => ws.write_date_with_format(r, 1, d, &fmt)?,
                    Value::Number(n) => ws.write_number_with_format(r, 1, *n, &fmt)?,
                };
            }
            None => {
                ws.write_blank(r, 1, &fmt)?;
            }
        }
        ws.write_string_with_format(r, 2, col.help, &help_fmt)?;
        if let Some(dv) = validate::for_col(col, lists)? {
            ws.add_data_validation(r, 1, r, 1, &dv)?;
        }
    }
    let key_w = spec
        .cols
        .iter()
        .map(|c| text_width(c.name))
        .max()
        .unwrap_or(8);
    let help_w = spec
        .cols
        .iter()
        .map(|c| text_width(c.help))
        .max()
        .unwrap_or(20)
        .min(HELP_WIDTH);
    let widths = [(key_w + 3) as f64, value_w.min(50) as f64, help_w as f64];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // The help column wraps at a fixed width: its rows get their height here.
    for (i, col) in spec.cols.iter().enumerate() {
        let lines = print::line_count(col.help, widths[2]);
        if lines > 1 {
            ws.set_row_height(i as u32, print::row_height(lines))?;
        }
    }
    ws.set_freeze_panes(0, 1)?;
    print::a4(ws, &widths, Repeat::default())
}

/// The columns of a table in the order they are written, with their header text.
fn columns<'a>(spec: &'a SheetSpec, table: &Table) -> Vec<(&'a Col, String)> {
    let order: Vec<&str> = match &table.order {
        Some(o) => o.to_vec(),
        None => spec.cols.iter().map(|c| c.name).collect(),
    };
    order
        .iter()
        .filter_map(|name| spec.col(name))
        .map(|c| {
            let text = table
                .header_text
                .iter()
                .find(|(k, _)| *k == c.name)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| c.name.to_string());
            (c, text)
        })
        .collect()
}

/// A table sheet: optional title row, the header row (frozen), data rows; column formats and
/// validations down to row `LAST_ROW`.
pub(crate) fn write_table(
    ws: &mut Worksheet,
    spec: &SheetSpec,
    table: &Table,
    lists: &Lists,
) -> Result<(), XlsxError> {
    ws.set_name(spec.name)?;
    let cols = columns(spec, table);
    let mut header_row = 0u32;
    if let Some(title) = &table.title {
        let fmt = Format::new().set_bold().set_font_size(14);
        ws.write_string_with_format(0, 0, title, &fmt)?;
        header_row = 1;
    }
    let first = header_row + 1;
    let last = (LAST_ROW - 1).max(first + table.rows.len() as u32);
    let mut widths = Vec::new();
    for (c, (col, text)) in cols.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(header_row, c, text, &header_format(col.required))?;
        let mut width = base_width(col).max(text_width(text) + 2);
        for (r, row) in table.rows.iter().enumerate() {
            if let Some((_, v)) = row.iter().find(|(k, _)| *k == col.name) {
                write_value(ws, first + r as u32, c, v, col.kind)?;
                width = width.max(value_width(v) + 2);
            }
        }
        ws.set_column_width(c, width.min(50) as f64)?;
        widths.push(width.min(50) as f64);
        ws.set_column_format(c, &value_format(col.kind))?;
        if let Some(dv) = validate::for_col(col, lists)? {
            ws.add_data_validation(first, c, last, c, &dv)?;
        }
    }
    ws.set_row_height(header_row, 24)?;
    ws.set_freeze_panes(first, 0)?;
    let repeat = Repeat {
        header_row: Some(header_row),
        key_cols: Some(0),
    };
    print::a4(ws, &widths, repeat)
}
