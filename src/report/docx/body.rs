//! document.xml from the bulletin's view (the same `BulletinView` the HTML and Markdown render
//! from): 发文机关标志, 发文字号 over the red rule, title, 主送机关, the staff prose, sections with
//! 一、/（一） headings, tables, 附件说明, 署名 and 成文日期 kept with the last lines of text, the
//! 附件 on a new page, and the 版记 at the foot of the last page.

use super::parts::{self, CHAR, LINE_PITCH, TEXT_W};
use super::xml::{CellSpec, Ppr, Rpr, column_widths, para, run, run_with, styled, table};
use crate::report::view::{BulletinView, Section, Table};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthStr;

/// The whole `word/document.xml`.
pub fn document(v: &BulletinView, masthead: Option<&str>) -> String {
    let mut blocks = vec![head(v, masthead)];
    blocks.extend(prose(&v.preamble));
    blocks.push(styled("Normal", &v.intro));
    for s in &v.sections {
        blocks.extend(section(s));
    }
    // The last lines of text travel with the 附件说明, 署名 and 成文日期 (GB/T 9704 7.3.5).
    if let Some(last) = blocks.last_mut() {
        keep_with_next(last);
    }
    let mut b = blocks.concat();
    b.push_str(&signature(v));
    b.push_str(&appendix(&v.attachment, &v.appendix));
    b.push_str(&banji(v));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {}><w:body>{b}{}</w:body></w:document>"#,
        parts::W_NS,
        parts::section()
    )
}

/// 发文机关标志 (when configured), 发文字号 over the red rule, title, 主送机关.
fn head(v: &BulletinView, masthead: Option<&str>) -> String {
    let mut x = String::new();
    if let Some(m) = masthead {
        // As large as the block allows on one line, at most 小初 (36 pt) … GB/T: 红色小标宋.
        let chars = (m.width() as f64 / 2.0).max(1.0);
        let pt = (156.0 * 72.0 / 25.4 / chars).clamp(16.0, 36.0);
        let ppr = Ppr {
            style: "Masthead",
            spacing: Some(format!(
                r#"w:after="{}" w:line="240" w:lineRule="auto""#,
                2 * LINE_PITCH
            )),
            ..Default::default()
        };
        let rpr = Rpr {
            size: Some((pt * 2.0).floor() as u32),
            ..Default::default()
        };
        x.push_str(&para(&ppr, &run_with(&rpr, m)));
    }
    x.push_str(&styled("DocNumber", &v.doc_number));
    // 标题: two lines under the red rule; 主送机关 one line under the title.
    let title = Ppr {
        style: "DocTitle",
        spacing: Some(format!(
            r#"w:before="{}" w:after="{LINE_PITCH}""#,
            2 * LINE_PITCH
        )),
        ..Default::default()
    };
    let lines: Vec<String> = balanced_lines(&v.title, TITLE_LINE)
        .iter()
        .map(|l| run(l))
        .collect();
    x.push_str(&para(&title, &lines.join("<w:r><w:br/></w:r>")));
    x.push_str(&styled("Addressee", &v.addressee));
    x
}

/// A section as blocks (paragraphs and tables), in the order the HTML shows them.
/// Half-width cells of one title line: 156 mm of 22 pt (2号) characters = 20 characters.
const TITLE_LINE: usize = 40;

/// A title too long for one line, cut into lines of nearly equal width (GB/T 9704 7.3.1: 标题
/// 排列应当使用梯形或菱形, never one character left alone on the last line). Runs of ASCII
/// letters and digits (2026) are not cut.
fn balanced_lines(title: &str, cells: usize) -> Vec<String> {
    let total = title.width();
    if total <= cells {
        return vec![title.to_string()];
    }
    let n = total.div_ceil(cells);
    let target = total.div_ceil(n);
    let mut lines = vec![String::new()];
    let mut width = 0;
    let mut prev: Option<char> = None;
    for c in title.chars() {
        let inside_word =
            prev.is_some_and(|p| p.is_ascii_alphanumeric()) && c.is_ascii_alphanumeric();
        if width >= target && lines.len() < n && !inside_word {
            lines.push(String::new());
            width = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
        width += c.to_string().width();
        prev = Some(c);
    }
    lines
}

fn section(s: &Section) -> Vec<String> {
    let mut x = vec![styled("Heading1", &format!("{}{}", s.num, s.heading))];
    x.extend(s.paras.iter().map(|p| styled("Normal", p)));
    if let Some(t) = &s.table {
        x.push(grid(t, 0));
    }
    for g in &s.groups {
        if !g.heading.is_empty() {
            x.push(styled("Heading2", &format!("{}{}", g.num, g.heading)));
        }
        for (i, l) in g.lines.iter().enumerate() {
            x.push(styled("Normal", &format!("{}. {l}", i + 1)));
        }
    }
    x.extend(s.closing.iter().map(|p| styled("Normal", p)));
    x
}

/// A view table as a Word table; `left_col` is left-aligned (names), the rest centred. Wide
/// tables (the 附件 grid) use 小五 (9 pt), others 五号 (10.5 pt).
fn grid(t: &Table, left_col: usize) -> String {
    let half_pt = if t.head.len() > 8 { 18 } else { 21 };
    let cols: Vec<Vec<&str>> = (0..t.head.len())
        .map(|c| {
            std::iter::once(t.head[c].as_str())
                .chain(
                    t.rows
                        .iter()
                        .filter_map(|r| r.get(c))
                        .map(|x| x.text.as_str()),
                )
                .collect()
        })
        .collect();
    let widths = column_widths(&cols, f64::from(half_pt) / 2.0, TEXT_W);
    let head: Vec<CellSpec> = t
        .head
        .iter()
        .map(|h| CellSpec {
            text: h,
            left: false,
        })
        .collect();
    let rows: Vec<Vec<CellSpec>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, c)| CellSpec {
                    text: &c.text,
                    left: i == left_col && c.class != "num",
                })
                .collect()
        })
        .collect();
    table(&widths, &head, &rows, half_pt)
}

/// 附件说明, 发文机关署名 and 成文日期. The date is 右空四字 (Settled 8); the 署名 is centred
/// over the date (GB/T 9704 7.3.5.1) and leaves two lines for the seal. Each paragraph keeps
/// with the next, so the date never stands alone on a page: the last lines of text come along.
fn signature(v: &BulletinView) -> String {
    let note = Ppr {
        style: "AttachNote",
        keep_next: true,
        spacing: Some(format!(r#"w:before="{LINE_PITCH}""#)),
        ..Default::default()
    };
    let mut x = para(&note, &run(&v.attachment_note));
    let date_w = v.date_cn.width() as u32;
    let issuer_w = v.issuer.width() as u32;
    // Widths in half characters; the 署名's centre sits over the date's centre.
    let right = if issuer_w <= date_w {
        4 * CHAR + (date_w - issuer_w) * CHAR / 4
    } else {
        2 * CHAR
    };
    let issuer = Ppr {
        style: "Issuer",
        keep_next: true,
        spacing: Some(format!(r#"w:before="{}""#, 2 * LINE_PITCH)),
        ind: Some(format!(
            r#"w:right="{right}" w:firstLineChars="0" w:firstLine="0""#
        )),
        ..Default::default()
    };
    x.push_str(&para(&issuer, &run(&v.issuer)));
    x.push_str(&styled("DocDate", &v.date_cn));
    x
}

/// Mark a paragraph "keep with next" (a table is left as it is).
fn keep_with_next(block: &mut String) {
    const STYLE: &str = "<w:p><w:pPr><w:pStyle w:val=\"";
    if block.starts_with(STYLE)
        && let Some(end) = block[STYLE.len()..].find("\"/>")
    {
        block.insert_str(STYLE.len() + end + 3, "<w:keepNext/>");
    }
}

/// 附件: new page, 附件 label, title, legend, the grid.
fn appendix(label: &str, a: &Section) -> String {
    let mut x = styled("AttachLabel", label);
    x.push_str(&styled("AttachTitle", &a.heading));
    for p in &a.paras {
        x.push_str(&styled("TableNote", p));
    }
    if let Some(t) = &a.table {
        x.push_str(&grid(t, 0));
    }
    x
}

/// Width of the 版记 table: LibreOffice (7.4) leaves a floating table inline — under the 附件
/// table instead of at the foot of the page — unless it is about 0.5 cm narrower than the text
/// block (measured: 8545 twips floats, 8580 does not). Word and WPS float it either way.
const BANJI_W: u32 = TEXT_W - 300;

/// 版记 (抄送, 印发机关 and 印发日期 between rules) as a table floating at the foot of the last
/// page; a 1-point paragraph after it anchors it (a body must end with a paragraph).
fn banji(v: &BulletinView) -> String {
    let rule = |side: &str, sz: u32| {
        format!(r#"<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>"#)
    };
    let none = |side: &str| format!(r#"<w:{side} w:val="nil"/>"#);
    let mut x = format!(
        r#"<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="{LINE_PITCH}" w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="margin" w:tblpXSpec="center" w:tblpYSpec="bottom"/><w:tblOverlap w:val="never"/><w:tblW w:w="{BANJI_W}" w:type="dxa"/><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{BANJI_W}"/></w:tblGrid>"#,
        rule("top", 8),
        none("left"),
        rule("bottom", 8),
        none("right"),
        rule("insideH", 4),
        none("insideV"),
    );
    let cell = |content: String| {
        format!(
            r#"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{BANJI_W}" w:type="dxa"/></w:tcPr>{content}</w:tc></w:tr>"#
        )
    };
    if !v.cc_line.is_empty() {
        x.push_str(&cell(styled("Banji", &v.cc_line)));
    }
    let tab = format!(r#"<w:tab w:val="right" w:pos="{}"/>"#, BANJI_W - 280);
    let ppr = Ppr {
        style: "Banji",
        tabs: Some(tab),
        ..Default::default()
    };
    let runs = format!(
        "{}<w:r><w:tab/></w:r>{}",
        run(&v.printed_by),
        run(&v.printed_on)
    );
    x.push_str(&cell(para(&ppr, &runs)));
    x.push_str("</w:tbl>");
    x.push_str(r#"<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>"#);
    x
}

/// Staff prose (按语, the view's sanitised Markdown) as body paragraphs: every block becomes a
/// paragraph of plain text, **bold** stays bold; links keep their text only, raw HTML and
/// images' alt text are text. No field, hyperlink or picture can come from it.
fn prose(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut runs = String::new();
    let mut bold = 0usize;
    let flush = |runs: &mut String, out: &mut Vec<String>| {
        if !runs.is_empty() {
            out.push(para(
                &Ppr {
                    style: "Normal",
                    ..Default::default()
                },
                runs,
            ));
            runs.clear();
        }
    };
    for ev in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let rpr = Rpr {
                    bold: bold > 0,
                    ..Default::default()
                };
                runs.push_str(&run_with(&rpr, &t));
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::HardBreak => flush(&mut runs, &mut out),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock,
            ) => flush(&mut runs, &mut out),
            Event::End(TagEnd::TableCell) => runs.push_str(&run("　")),
            _ => {}
        }
    }
    flush(&mut runs, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_balanced() {
        let t = "关于2026年上半年安全工作跟踪督查情况的通报";
        let lines = balanced_lines(t, TITLE_LINE);
        assert_eq!(lines.concat(), t);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let (a, b) = (lines[0].width(), lines[1].width());
        assert!(a.abs_diff(b) <= 4, "{lines:?}");
        assert_eq!(
            balanced_lines("关于2026年度安全工作的通报", TITLE_LINE).len(),
            1
        );
        assert!(
            balanced_lines("2026202620262026202620262026202620262026202620262026", 40)[0].len()
                > 40
        );
    }
}
