//! WordprocessingML building blocks: text escaping, runs, paragraph properties in schema order,
//! and tables. Text from submissions only ever becomes `w:t` content (XML-escaped), so it can
//! never turn into a field code, a hyperlink or markup.

use std::fmt::Write as _;

/// `mm` in twips, rounded (1 in = 1440 twips = 25.4 mm).
#[cfg(test)]
pub fn mm(mm: f64) -> u32 {
    (mm * 1440.0 / 25.4).round() as u32
}

/// Text for `w:t` or an attribute: XML-escaped; characters XML 1.0 forbids are dropped; line
/// breaks and tabs become spaces (a submission cannot add structure).
pub fn esc(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect();
    crate::report::svg::xml_escape(&cleaned)
}

/// Run properties (`w:rPr`), children in schema order.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rpr<'a> {
    /// East-Asian font name (ASCII text keeps Times New Roman).
    pub font: Option<&'a str>,
    pub bold: bool,
    /// Hex colour, e.g. "FF0000".
    pub color: Option<&'a str>,
    /// Size in half-points (16 pt = 32).
    pub size: Option<u32>,
}

impl Rpr<'_> {
    pub fn xml(&self) -> String {
        let mut x = String::new();
        if let Some(f) = self.font {
            let f = esc(f);
            let _ = write!(
                x,
                r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{f}" w:cs="Times New Roman"/>"#
            );
        }
        if self.bold {
            x.push_str("<w:b/><w:bCs/>");
        }
        if let Some(c) = self.color {
            let _ = write!(x, r#"<w:color w:val="{c}"/>"#);
        }
        if let Some(s) = self.size {
            let _ = write!(x, r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#);
        }
        if x.is_empty() {
            x
        } else {
            format!("<w:rPr>{x}</w:rPr>")
        }
    }
}

/// A run of plain text.
pub fn run(text: &str) -> String {
    run_with(&Rpr::default(), text)
}

/// A run of text with properties.
pub fn run_with(rpr: &Rpr, text: &str) -> String {
    format!(
        r#"<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        rpr.xml(),
        esc(text)
    )
}

/// Paragraph properties (`w:pPr`), children in the order the schema requires (Word rejects
/// documents whose elements are out of order).
#[derive(Debug, Clone, Default)]
pub struct Ppr<'a> {
    pub style: &'a str,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// Raw `w:tabs` children.
    pub tabs: Option<String>,
    /// Raw `w:spacing` attributes.
    pub spacing: Option<String>,
    /// Raw `w:ind` attributes.
    pub ind: Option<String>,
    pub jc: Option<&'a str>,
}

impl Ppr<'_> {
    pub fn xml(&self) -> String {
        let mut x = String::from("<w:pPr>");
        if !self.style.is_empty() {
            let _ = write!(x, r#"<w:pStyle w:val="{}"/>"#, self.style);
        }
        if self.keep_next {
            x.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            x.push_str("<w:pageBreakBefore/>");
        }
        if let Some(t) = &self.tabs {
            let _ = write!(x, "<w:tabs>{t}</w:tabs>");
        }
        if let Some(s) = &self.spacing {
            let _ = write!(x, "<w:spacing {s}/>");
        }
        if let Some(i) = &self.ind {
            let _ = write!(x, "<w:ind {i}/>");
        }
        if let Some(j) = self.jc {
            let _ = write!(x, r#"<w:jc w:val="{j}"/>"#);
        }
        x.push_str("</w:pPr>");
        x
    }
}

/// A paragraph of the given style holding `runs` (already built run XML).
pub fn para(ppr: &Ppr, runs: &str) -> String {
    format!("<w:p>{}{runs}</w:p>", ppr.xml())
}

/// A paragraph of one plain run in `style`.
pub fn styled(style: &str, text: &str) -> String {
    para(
        &Ppr {
            style,
            ..Default::default()
        },
        &run(text),
    )
}

/// One table cell: its text, whether it is left-aligned (else centred), and the cell style.
pub struct CellSpec<'a> {
    pub text: &'a str,
    pub left: bool,
}

/// A bordered table over the full text width: `widths` in twips, the first row a header
/// repeated on every page, no row split across pages.
pub fn table(
    widths: &[u32],
    head: &[CellSpec],
    rows: &[Vec<CellSpec>],
    font_half_pt: u32,
) -> String {
    let total: u32 = widths.iter().sum();
    let mut x = format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="GongwenTable"/><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
    );
    for w in widths {
        let _ = write!(x, r#"<w:gridCol w:w="{w}"/>"#);
    }
    x.push_str("</w:tblGrid>");
    x.push_str(&row(widths, head, true, font_half_pt));
    for r in rows {
        x.push_str(&row(widths, r, false, font_half_pt));
    }
    x.push_str("</w:tbl>");
    x
}

fn row(widths: &[u32], cells: &[CellSpec], header: bool, font_half_pt: u32) -> String {
    let mut x = String::from("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        x.push_str("<w:tblHeader/>");
    }
    x.push_str("</w:trPr>");
    let style = if header { "TableHead" } else { "TableText" };
    let rpr = Rpr {
        size: Some(font_half_pt),
        ..Default::default()
    };
    for (w, c) in widths.iter().zip(cells) {
        let ppr = Ppr {
            style,
            jc: Some(if c.left && !header { "left" } else { "center" }),
            ..Default::default()
        };
        let _ = write!(
            x,
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{}</w:tc>"#,
            para(&ppr, &run_with(&rpr, c.text))
        );
    }
    x.push_str("</w:tr>");
    x
}

/// Column widths in twips for a table of `cols` text columns at `font_pt`: each column as wide
/// as its widest entry (CJK counts double), capped, then scaled to fit `total` twips.
pub fn column_widths(cols: &[Vec<&str>], font_pt: f64, total: u32) -> Vec<u32> {
    use unicode_width::UnicodeWidthStr;
    let pad = 2.0 * 60.0 + 20.0;
    let want: Vec<f64> = cols
        .iter()
        .map(|col| {
            let cells = col.iter().map(|s| s.width()).max().unwrap_or(1);
            let half = cells.clamp(2, 24) as f64;
            half * font_pt * 10.0 + pad
        })
        .collect();
    let sum: f64 = want.iter().sum::<f64>().max(1.0);
    let scale = f64::from(total) / sum;
    let mut w: Vec<u32> = want.iter().map(|x| (x * scale).floor() as u32).collect();
    // Give the rounding remainder to the first column so the table spans exactly `total`.
    let used: u32 = w.iter().sum();
    if let Some(first) = w.first_mut() {
        *first += total.saturating_sub(used);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            esc("<w:fldSimple w:instr=\"HYPERLINK\"/>&\u{1}\n'"),
            "&lt;w:fldSimple w:instr=&quot;HYPERLINK&quot;/&gt;&amp; &#39;"
        );
    }

    #[test]
    fn widths_fill_the_text_block() {
        let cols = vec![
            vec!["单位", "信息工程系"],
            vec!["R1", "√"],
            vec!["得分", "87.5"],
        ];
        let w = column_widths(&cols, 10.5, 8844);
        assert_eq!(w.iter().sum::<u32>(), 8844);
        assert!(w[0] > w[1], "{w:?}");
    }

    #[test]
    fn millimetres_to_twips() {
        assert_eq!(mm(37.0), 2098);
        assert_eq!(mm(28.0), 1587);
        assert_eq!(mm(210.0), 11906);
    }
}
