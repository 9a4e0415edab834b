//! The 填表说明 sheet: every sheet and column explained in plain Chinese, from `Col::help`.

use super::HELP_SHEET;
use super::sheet::text_width;
use crate::report::xlsx::print::{self, Repeat};
use crate::schema::{Kind, Layout, SheetSpec};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

const GENERAL: &[&str] = &[
    "1. 每个工作表的第一行是表头，请不要修改表头文字，也不要删除工作表；可以在表格下方逐行添加内容，中间不要留空行。",
    "2. 表头为红色加粗、橙色底的列是必填项；蓝色底的列为选填项。",
    "3. 日期请填写真实日期，例如 2026-03-05；“是/否”、季度、等级等请从下拉列表中选择。",
    "4. “封面”表：A列是项目名称，请在B列填写内容（C列为说明）。",
    "5. 每个单位每年一个台账文件，每次更新后报送完整的文件；以封面“报送日期”最新的一份为准。",
    "6. 文件请保存为 .xlsx 格式，不要加密。",
];

fn kind_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "日期",
        Kind::YesNo => "是/否",
        Kind::Quarter => "季度",
        Kind::AccidentGrade | Kind::HazardGrade => "等级（下拉选择）",
        Kind::Measure | Kind::Level | Kind::ListedState | Kind::UnitKind => "下拉选择",
        Kind::Unit => "单位名称（下拉选择）",
        Kind::Leader => "领导姓名（下拉选择）",
        Kind::LedgerType => "固定内容",
        Kind::Year => "年份",
        Kind::Count => "整数",
        Kind::Number => "数字",
        Kind::Text => "文字",
    }
}

/// 填表说明: general notes, then sheet by sheet, one row per column (栏目, 必填, 类型, 填写说明).
pub(crate) fn write_help(ws: &mut Worksheet, specs: &[SheetSpec]) -> Result<(), XlsxError> {
    ws.set_name(HELP_SHEET)?;
    let title = Format::new().set_bold().set_font_size(14);
    let section = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9D9D9));
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_num_format("@");
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let req = cell.clone().set_bold().set_font_color(Color::RGB(0xC00000));
    ws.write_string_with_format(0, 0, "填表说明", &title)?;
    let widths = help_widths(specs);
    let total: f64 = widths.iter().sum();
    let para = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut r = 1u32;
    // Paragraphs span the five columns and wrap there instead of running off the page.
    let paragraph = |ws: &mut Worksheet, r: u32, text: &str, f: &Format| {
        ws.merge_range(r, 0, r, 4, text, f)?;
        ws.set_row_height(r, print::row_height(print::line_count(text, total)))?;
        Ok::<(), XlsxError>(())
    };
    for line in GENERAL {
        paragraph(ws, r, line, &para)?;
        r += 1;
    }
    for spec in specs {
        r += 1;
        let what = match spec.layout {
            Layout::Cover => format!("【{}】{}", spec.name, spec.row_is),
            Layout::Table => format!("【{}】每一行是：{}", spec.name, spec.row_is),
        };
        paragraph(ws, r, &what, &section)?;
        r += 1;
        for (c, h) in ["工作表", "栏目", "必填", "类型", "填写说明"]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *h, &head)?;
        }
        r += 1;
        for col in spec.cols {
            let must = if col.required { "必填" } else { "选填" };
            let fmt = if col.required { &req } else { &cell };
            let texts = [spec.name, col.name, must, kind_hint(col.kind), col.help];
            let mut lines = 1;
            for (c, t) in texts.iter().enumerate() {
                ws.write_string_with_format(r, c as u16, *t, fmt)?;
                lines = lines.max(print::line_count(t, widths[c]));
            }
            ws.set_row_height(r, print::row_height(lines))?;
            r += 1;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    print::a4(ws, &widths, Repeat::default())
}

/// Column widths of 填表说明: each fits its longest text, the last (填写说明) wraps at 40.
fn help_widths(specs: &[SheetSpec]) -> [f64; 5] {
    let mut widths = [10usize, 10, 6, 16, 40];
    for spec in specs {
        for col in spec.cols {
            let texts = [spec.name, col.name, "选填", kind_hint(col.kind)];
            for (c, t) in texts.iter().enumerate() {
                widths[c] = widths[c].max(text_width(t) + 2);
            }
        }
    }
    widths.map(|w| w.min(40) as f64)
}
