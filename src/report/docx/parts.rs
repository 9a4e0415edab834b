//! The fixed parts of bulletin.docx: package relationships, content types, styles (公文 styles
//! named in Chinese), settings (odd/even footers), the font table with fall-back names, the two
//! page-number footers and the document properties. Page geometry after GB/T 9704-2012 and
//! outputs.md "Settled" 8 lives here as constants.

use super::xml::esc;
#[cfg(test)]
use super::xml::mm;

/// A4 in twips.
pub const PAGE_W: u32 = 11906;
pub const PAGE_H: u32 = 16838;
/// Margins (Settled 8): top 37, bottom 35, left 28, right 26 mm.
pub const TOP: u32 = 2098;
pub const BOTTOM: u32 = 1984;
pub const LEFT: u32 = 1587;
pub const RIGHT: u32 = 1474;
/// The 156 mm text block width.
pub const TEXT_W: u32 = PAGE_W - LEFT - RIGHT;
/// 22 lines in 225 mm: 579 twips = 28.95 pt.
pub const LINE_PITCH: u32 = 579;
// 22 lines fit the 225 mm block, 23 do not.
const _: () = assert!(22 * LINE_PITCH <= PAGE_H - TOP - BOTTOM);
const _: () = assert!(23 * LINE_PITCH > PAGE_H - TOP - BOTTOM);
/// Character grid: 28 characters in 156 mm. Word stores the pitch as the difference from the
/// 16 pt body size in 1/4096 pt: 16 − 842/4096 = 15.794 pt (× 28 = 8844.9 twips ≤ TEXT_W).
pub const CHAR_SPACE: i32 = -842;
/// One body character (16 pt) in twips.
pub const CHAR: u32 = 320;
/// Footer distance from the page edge: the page number's top sits about 7 mm under the block.
pub const FOOTER: u32 = 1247;

pub const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// East-Asian fonts: the 公文 name, the name Word/WPS fall back to, and the family
/// LibreOffice passes to fontconfig (roman → Noto Serif CJK, swiss → Noto Sans CJK).
pub const FANGSONG: &str = "仿宋_GB2312";
pub const XIAOBIAOSONG: &str = "方正小标宋简体";
pub const HEITI: &str = "黑体";
pub const KAITI: &str = "楷体_GB2312";
pub const SONGTI: &str = "宋体";
const FONTS: &[(&str, &str, &str)] = &[
    (FANGSONG, "仿宋", "roman"),
    (XIAOBIAOSONG, "宋体", "roman"),
    (HEITI, "SimHei", "swiss"),
    (KAITI, "楷体", "roman"),
    (SONGTI, "SimSun", "roman"),
    ("Times New Roman", "Times New Roman", "roman"),
];

pub fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="{wml}.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

pub fn package_rels() -> String {
    let r = "http://schemas.openxmlformats.org";
    format!(
        r#"{DECL}<Relationships xmlns="{r}/package/2006/relationships"><Relationship Id="rId1" Type="{r}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="{r}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{r}/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// Relationship IDs used by document.xml's section properties.
pub const FOOTER_ODD: &str = "rIdFooterOdd";
pub const FOOTER_EVEN: &str = "rIdFooterEven";

pub fn document_rels() -> String {
    let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{r}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{r}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="{r}/fontTable" Target="fontTable.xml"/><Relationship Id="{FOOTER_ODD}" Type="{r}/footer" Target="footer1.xml"/><Relationship Id="{FOOTER_EVEN}" Type="{r}/footer" Target="footer2.xml"/></Relationships>"#
    )
}

/// `w:evenAndOddHeaders` turns on the separate even-page footer.
pub fn settings() -> String {
    format!(
        r#"{DECL}<w:settings {W_NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="{CHAR}"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

pub fn font_table() -> String {
    let mut x = format!("{DECL}<w:fonts {W_NS}>");
    for (name, alt, family) in FONTS {
        let charset = if name.is_ascii() { "00" } else { "86" };
        x.push_str(&format!(
            r#"<w:font w:name="{}"><w:altName w:val="{}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#,
            esc(name),
            esc(alt)
        ));
    }
    x.push_str("</w:fonts>");
    x
}

/// A paragraph style: id, Chinese name, its pPr and rPr children.
fn style(id: &str, name: &str, ppr: &str, rpr: &str) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
    )
}

fn fonts(east_asian: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{east_asian}" w:cs="Times New Roman"/>"#
    )
}

/// Exact line spacing on the grid pitch (28.95 pt): 22 lines a page whatever the font.
fn exact() -> String {
    format!(r#"<w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/>"#)
}

const NO_INDENT: &str = r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#;
/// Larger type (title, 发文字号) is set off the character grid, as 公文 templates do: on it, each
/// 22 pt character would take two grid cells.
const OFF_GRID: &str = r#"<w:snapToGrid w:val="0"/>"#;
const SMALL_LINES: &str = r#"<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>"#;

/// Glyphs at 98 % width: Word and WPS squeeze 16 pt characters into the 15.79 pt grid pitch
/// themselves; LibreOffice (7.4) instead gives a character wider than the pitch two grid cells
/// (14 characters a line). At 98 % (15.68 pt) every engine puts one character in each cell.
pub fn styles() -> String {
    let body_font = fonts(FANGSONG);
    let mut x = format!(
        r#"{DECL}<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>{body_font}<w:w w:val="98"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>{}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        exact()
    );
    // 正文 (Word shows the built-in Normal style as 正文): 3号仿宋, first line indented two characters.
    x.push_str(&format!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="{}"/></w:pPr><w:rPr>{body_font}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
        2 * CHAR
    ));
    for p in head_styles().into_iter().chain(tail_styles()) {
        x.push_str(&p);
    }
    // Table style: single 0.5 pt rules, narrow cell margins.
    x.push_str(r#"<w:style w:type="table" w:styleId="GongwenTable"><w:name w:val="公文表格"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    x.push_str("</w:styles>");
    x
}

const KEEP: &str = "<w:keepNext/>";
const CENTRED: &str = r#"<w:jc w:val="center"/>"#;

/// 2号方正小标宋简体 (titles).
fn title_font() -> String {
    format!(
        r#"{}<w:sz w:val="44"/><w:szCs w:val="44"/>"#,
        fonts(XIAOBIAOSONG)
    )
}

/// The 公文 styles of the head and the text: 发文机关标志 … 附件说明.
fn head_styles() -> Vec<String> {
    let red_rule =
        r#"<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"/></w:pBdr>"#;
    let (keep, centred, title_font) = (KEEP, CENTRED, title_font());
    vec![
        style(
            "Masthead",
            "发文机关标志",
            &format!("{keep}{SMALL_LINES}{NO_INDENT}{centred}"),
            &format!(r#"{}<w:color w:val="FF0000"/>"#, fonts(XIAOBIAOSONG)),
        ),
        style(
            "DocNumber",
            "发文字号",
            &format!("{keep}{red_rule}{OFF_GRID}{NO_INDENT}{centred}"),
            "",
        ),
        style(
            "DocTitle",
            "标题",
            &format!("{keep}{OFF_GRID}{NO_INDENT}{centred}"),
            &title_font,
        ),
        style("Addressee", "主送机关", NO_INDENT, ""),
        style(
            "Heading1",
            "一级标题",
            &format!(r#"{keep}<w:outlineLvl w:val="0"/>"#),
            &fonts(HEITI),
        ),
        style(
            "Heading2",
            "二级标题",
            &format!(r#"{keep}<w:outlineLvl w:val="1"/>"#),
            &fonts(KAITI),
        ),
        style("AttachNote", "附件说明", "", ""),
    ]
}

/// The 公文 styles of the 落款, 附件, tables, 版记 and page numbers.
fn tail_styles() -> Vec<String> {
    let (keep, centred, title_font) = (KEEP, CENTRED, title_font());
    vec![
        style(
            "Issuer",
            "发文机关署名",
            &format!(r#"{keep}{NO_INDENT}<w:jc w:val="right"/>"#),
            "",
        ),
        style(
            "DocDate",
            "成文日期",
            &format!(
                r#"<w:ind w:right="{}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>"#,
                4 * CHAR
            ),
            "",
        ),
        style(
            "AttachLabel",
            "附件标识",
            &format!("{keep}<w:pageBreakBefore/>{NO_INDENT}"),
            &fonts(HEITI),
        ),
        style(
            "AttachTitle",
            "附件标题",
            &format!(
                r#"{keep}{OFF_GRID}<w:spacing w:before="{LINE_PITCH}" w:after="{LINE_PITCH}" w:line="{LINE_PITCH}" w:lineRule="exact"/>{NO_INDENT}{centred}"#
            ),
            &title_font,
        ),
        style(
            "TableNote",
            "表注",
            &format!("{SMALL_LINES}{NO_INDENT}"),
            r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
        ),
        style(
            "TableText",
            "表格文字",
            &format!("{SMALL_LINES}{NO_INDENT}"),
            r#"<w:kern w:val="0"/>"#,
        ),
        style(
            "TableHead",
            "表头",
            &format!("{SMALL_LINES}{NO_INDENT}{centred}"),
            &format!(r#"{}<w:kern w:val="0"/>"#, fonts(HEITI)),
        ),
        style(
            "Banji",
            "版记",
            r#"<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/><w:ind w:left="280" w:right="280" w:firstLineChars="0" w:firstLine="0"/>"#,
            r#"<w:sz w:val="28"/><w:szCs w:val="28"/>"#,
        ),
        style(
            "PageNum",
            "页码",
            &format!("{SMALL_LINES}{NO_INDENT}"),
            &format!(r#"{}<w:sz w:val="28"/><w:szCs w:val="28"/>"#, fonts(SONGTI)),
        ),
    ]
}

/// Page-number footer "— 1 —" in 4号宋体: odd pages right, even pages left, one character in
/// from the block's edge (Settled 8).
pub fn footer(odd: bool) -> String {
    let (jc, ind) = if odd {
        ("right", format!(r#"w:right="{CHAR}""#))
    } else {
        ("left", format!(r#"w:left="{CHAR}""#))
    };
    let t = |s: &str| format!(r#"<w:r><w:t xml:space="preserve">{s}</w:t></w:r>"#);
    format!(
        r#"{DECL}<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="PageNum"/><w:ind {ind} w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}</w:p></w:ftr>"#,
        t("— "),
        t(if odd { "1" } else { "2" }),
        t(" —")
    )
}

/// Core properties: title and author from the bulletin, created = modified = as-of (so the
/// bytes depend on nothing but the inputs).
pub fn core(title: &str, creator: &str, as_of: chrono::NaiveDate) -> String {
    let d = as_of.format("%Y-%m-%dT00:00:00Z");
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{d}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{d}</dcterms:modified></cp:coreProperties>"#,
        esc(title),
        esc(creator),
        esc(creator)
    )
}

pub fn app() -> String {
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tongbao {}</Application></Properties>"#,
        env!("CARGO_PKG_VERSION")
    )
}

/// The section properties closing document.xml: A4, margins, footers, document grid.
pub fn section() -> String {
    format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_ODD}"/><w:footerReference w:type="even" r:id="{FOOTER_EVEN}"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" w:header="851" w:footer="{FOOTER}" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="{LINE_PITCH}" w:charSpace="{CHAR_SPACE}"/></w:sectPr>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_matches_the_standard() {
        assert_eq!(TEXT_W, 8845, "156 mm");
        assert_eq!(PAGE_H - TOP - BOTTOM, mm(225.0));
        let pitch_twips = (16.0 + f64::from(CHAR_SPACE) / 4096.0) * 20.0;
        assert!(28.0 * pitch_twips <= f64::from(TEXT_W));
        assert!(29.0 * pitch_twips > f64::from(TEXT_W));
    }
}
