//! A4 page setup shared by summary.xlsx and the two templates: portrait when the columns fit
//! at full size, else landscape scaled down to fit the page width — but never below
//! `MIN_SCALE`, so that 11 pt text stays about 7.7 pt on paper. A sheet still too wide at that
//! scale continues on a second page width, with its first column(s) repeated on every page.

use rust_xlsxwriter::{Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// Smallest print scale (percent): 11 pt × 70 % ≈ 7.7 pt on paper.
pub(crate) const MIN_SCALE: u16 = 70;
/// Pixels of one Excel character of column width, reckoned for the widest default font
/// likely to print it: Calibri gives 7, LibreOffice and WPS without Calibri fall back to
/// DejaVu Sans, about 9.3.
const CHAR_PX: f64 = 9.5;
/// Left and right margins (inches).
const MARGIN_LR: f64 = 0.4;
/// Printable width of A4 (8.27 × 11.69 in) at 96 px an inch, after the side margins, less 3 %
/// for rounding in the spreadsheet programs.
const PORTRAIT_PX: f64 = (8.27 - 2.0 * MARGIN_LR) * 96.0 * 0.97;
const LANDSCAPE_PX: f64 = (11.69 - 2.0 * MARGIN_LR) * 96.0 * 0.97;

/// Pixels of a column `w` Excel characters wide (the file stores w + 5/7 for the cell padding).
pub(crate) fn col_px(w: f64) -> f64 {
    (w + 5.0 / 7.0) * CHAR_PX
}

/// How a sheet of columns `widths` (Excel characters) prints: (landscape, scale percent).
pub(crate) fn layout(widths: &[f64]) -> (bool, u16) {
    let total: f64 = widths.iter().map(|w| col_px(*w)).sum();
    if total <= PORTRAIT_PX {
        return (false, 100);
    }
    let fit = (100.0 * LANDSCAPE_PX / total).floor();
    (true, fit.clamp(f64::from(MIN_SCALE), 100.0) as u16)
}

/// What to repeat on every printed page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Repeat {
    /// The header row (0-based), printed at the top of every page.
    pub header_row: Option<u32>,
    /// Columns 0..=n printed at the left of every page when the sheet needs two page widths.
    pub key_cols: Option<u16>,
}

/// A4 page setup for a sheet whose columns have `widths`: orientation and scale from
/// `layout`, narrow margins, page numbers in the footer, header row (and key columns when the
/// sheet spills onto a second page width) on every page, pages ordered across then down.
pub(crate) fn a4(ws: &mut Worksheet, widths: &[f64], repeat: Repeat) -> Result<(), XlsxError> {
    let (landscape, scale) = layout(widths);
    ws.set_paper_size(9)
        .set_margins(MARGIN_LR, MARGIN_LR, 0.6, 0.6, 0.3, 0.3)
        .set_print_scale(scale)
        .set_footer("&C第 &P 页，共 &N 页");
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    if let Some(r) = repeat.header_row {
        ws.set_repeat_rows(r, r)?;
    }
    let total: f64 = widths.iter().map(|w| col_px(*w)).sum();
    let spills = total * f64::from(scale) / 100.0 > LANDSCAPE_PX;
    if spills && let Some(c) = repeat.key_cols {
        ws.set_repeat_columns(0, c)?;
        ws.set_page_order(false);
    }
    Ok(())
}

/// Lines `text` takes in a wrapping column `width` characters wide (CJK counts double, with
/// a tenth to spare for the font's own spacing).
pub(crate) fn line_count(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.lines()
        .map(|l| {
            ((UnicodeWidthStr::width(l) as f64 * 1.1) / room)
                .ceil()
                .max(1.0) as usize
        })
        .sum::<usize>()
        .max(1)
}

/// Height (points) of a row of `lines` lines of 11 pt text, within Excel's 409 pt limit. Set
/// explicitly because LibreOffice keeps the default height of a row written without one,
/// which cuts wrapped text off.
pub(crate) fn row_height(lines: usize) -> f64 {
    (15 * lines).min(409) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_sheets_print_portrait_at_full_size() {
        assert_eq!(layout(&[12.0, 30.0, 20.0]), (false, 100));
    }

    #[test]
    fn wide_sheets_go_landscape_and_shrink_but_not_below_the_minimum() {
        let (landscape, scale) = layout(&[12.0; 8]);
        assert!(landscape);
        assert_eq!(scale, 100);
        let (_, scale) = layout(&[12.0; 10]);
        assert!((MIN_SCALE..100).contains(&scale), "{scale}");
        assert_eq!(layout(&[30.0; 40]), (true, MIN_SCALE));
    }

    #[test]
    fn wrapped_lines_count_cjk_double() {
        assert_eq!(line_count("短", 10.0), 1);
        // 20 CJK characters = width 40 (+10 %) in a 21-wide column: 44 / 20 → 3 lines.
        assert_eq!(line_count(&"字".repeat(20), 21.0), 3);
        assert_eq!(line_count("一\n二\n三", 10.0), 3);
        assert_eq!(row_height(1000), 409.0);
    }
}
