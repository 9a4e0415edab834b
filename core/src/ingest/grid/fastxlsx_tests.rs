//! The fast worksheet reader against calamine, its reference: the same grid for every sheet it
//! reads, and a decline (calamine reads the sheet) wherever it is not sure.

use super::*;
use crate::ingest::grid::book::Book;
use crate::ingest::guard::prescan::tests::zip_of;
use crate::ingest::guard::sniff::Format;
use crate::ingest::read::open;

/// Every sheet of `bytes` read by calamine and by the fast reader (None where it declined).
fn both(bytes: &[u8]) -> Vec<(String, Result<Grid, String>, Option<Grid>)> {
    let book = open(Format::Xlsx, bytes.to_vec()).expect("calamine opens it");
    let Book::Xlsx(xlsx, fast) = book else {
        panic!("not an xlsx book")
    };
    let mut fast = fast.expect("the fast reader accepts the workbook");
    let names = calamine::Reader::sheet_names(&*xlsx);
    let mut plain = Book::Xlsx(xlsx, None);
    names
        .into_iter()
        .map(|n| {
            let reference = plain.read_sheet(&n);
            let quick = fast.read_sheet(&n);
            (n, reference, quick)
        })
        .collect()
}

/// Asserts the fast reader read every sheet, as calamine does.
fn same(bytes: &[u8]) {
    for (name, reference, quick) in both(bytes) {
        let quick = quick.unwrap_or_else(|| panic!("{name}: declined"));
        assert_eq!(reference.as_ref(), Ok(&quick), "{name}");
    }
}

/// A one-sheet workbook around `sheet_data` (the inside of <sheetData>).
fn book(sheet_data: &str, sst: &[&str], styles: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let sst = format!(
        r#"<?xml version="1.0"?><sst xmlns="x" count="{n}" uniqueCount="{n}">{}</sst>"#,
        sst.concat(),
        n = sst.len()
    );
    let styles = format!(r#"<?xml version="1.0"?><styleSheet xmlns="x">{styles}</styleSheet>"#);
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            format!(r#"<Relationships><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<workbook xmlns:r="{rel}"><sheets><sheet name="表 &amp; 一" sheetId="1" r:id="rId1"/></sheets></workbook>"#).as_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"<Relationships><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#).as_bytes(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", sst.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
    ])
}

const STYLES: &str = r#"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_ "/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>"#;

#[test]
fn plain_cells_as_calamine_reads_them() {
    let rows = r#"<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>46082</v></c></row>
<row r="2"><c r="A2" s="2"><v>46083.5</v></c><c r="B2" s="3"><v>-12.5</v></c><c r="C2" s="4"><v>1.25</v></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="str"><f>A1&amp;"x"</f><v>计 算</v></c><c r="C3" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c></row>
<row r="5"><c t="s"><v>2</v></c><c/><c><v>4.5E-3</v></c><c r="E5"><f>SUM(A1:B1)</f></c></row>
<row><c t="s"><v>3</v></c></row><row r="9"/><row><c><v>7</v></c></row>"#;
    let sst = [
        "<si><t>单位名称</t></si>",
        r#"<si><r><rPr><b/></rPr><t>信息</t></r><r><t xml:space="preserve"> 工程系</t></r><rPh sb="0" eb="1"><t>ジョウ</t></rPh></si>"#,
        "<si><t>  两边空格 \n</t></si>",
        "<si><t>A &amp; B &#x4E00;</t></si>",
    ];
    same(&book(rows, &sst, STYLES));
}

#[test]
fn a_sheet_with_nothing_and_odd_spacing() {
    same(&book("", &[], ""));
    same(&book(
        "<row r = '1' ><c  r='A1'  t = 's' ><v>0</v ></c ></row >",
        &["<si><t>x</t></si>"],
        "",
    ));
    same(&book(
        r#"<x:row r="1"><x:c r="A1"><x:v>3</x:v></x:c></x:row><!-- a note -->"#,
        &[],
        "",
    ));
}

#[test]
fn what_it_is_unsure_of_is_left_to_calamine() {
    let cases = [
        // an error value, an ISO date, an unknown type
        r#"<row r="1"><c r="A1" t="e"><v>#REF!</v></c></row>"#,
        r#"<row r="1"><c r="A1" t="d"><v>2026-03-05</v></c></row>"#,
        r#"<row r="1"><c r="A1" t="q"><v>1</v></c></row>"#,
        // escapes calamine rewrites
        r#"<row r="1"><c r="A1" t="str"><v>a &amp; b</v></c></row>"#,
        r#"<row r="1"><c r="A1" t="str"><v>a_x000D_b</v></c></row>"#,
        // rich inline text, an unknown child, a number that is not plain, a bad reference
        r#"<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>"#,
        r#"<row r="1"><c r="A1"><extLst/></c></row>"#,
        r#"<row r="1"><c r="A1"><v> 1</v></c></row>"#,
        r#"<row r="1"><c r="1A"><v>1</v></c></row>"#,
        // a shared string that is not there
        r#"<row r="1"><c r="A1" t="s"><v>9</v></c></row>"#,
        r#"<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>"#,
    ];
    for rows in cases {
        let results = both(&book(rows, &[], ""));
        for (name, _, quick) in results {
            assert!(quick.is_none(), "{name}: {rows} was read");
        }
    }
}

#[test]
fn a_workbook_calamine_reads_differently_is_left_whole() {
    // a shared string with an `_xHHHH_` escape: calamine unescapes it
    let bytes = book(
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
        &["<si><t>a_x000D_b</t></si>"],
        "",
    );
    let Ok(Book::Xlsx(_, fast)) = open(Format::Xlsx, bytes) else {
        panic!("calamine opens it")
    };
    assert!(fast.is_none());
}

#[test]
fn custom_formats_as_calamine_judges_them() {
    assert_eq!(custom_format("yyyy-mm-dd"), Fmt::DateTime);
    assert_eq!(custom_format("[h]:mm:ss"), Fmt::TimeDelta);
    assert_eq!(custom_format("0.00_ "), Fmt::Other);
    assert_eq!(custom_format(r#""d"0"#), Fmt::Other);
    assert_eq!(custom_format("[Red]0;yyyy"), Fmt::Other);
    assert_eq!(builtin_format("14"), Fmt::DateTime);
    assert_eq!(builtin_format("2"), Fmt::Other);
}

#[test]
fn references() {
    assert!(matches!(position(b"A1"), Ok((0, Some(0)))));
    assert!(matches!(
        position(b"XFD1048576"),
        Ok((1048575, Some(16383)))
    ));
    assert!(matches!(position(b"7"), Ok((6, None))));
    assert!(position(b"A0").is_err());
    assert!(position(b"A").is_err());
    assert!(position(b"A1B").is_err());
    assert!(position(b"ZZZZZZZZZ1").is_err());
}

/// Every .xlsx shipped in sample-data: each sheet read fast, as calamine reads it.
#[test]
fn sample_workbooks_read_alike() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-data");
    let mut seen = 0;
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("sample-data is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if !name.ends_with(".xlsx") || name.starts_with("~$") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            for (sheet, reference, quick) in both(&bytes) {
                let quick = quick.unwrap_or_else(|| panic!("{name} {sheet}: declined"));
                assert_eq!(reference.as_ref(), Ok(&quick), "{name} {sheet}");
            }
            seen += 1;
        }
    }
    assert!(seen >= 20, "only {seen} sample workbooks");
}

#[test]
fn values_read() {
    let rows = r#"<row r="1"><c r="A1" s="1"><v>46082</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c><c r="C1" t="s"><v>0</v></c></row><row><c t="b"><v>0</v></c><c s="3"><v>2.5</v></c></row>"#;
    let results = both(&book(
        rows,
        &[
            "<si><r><t>信息</t></r><r><t xml:space=\"preserve\"> 工程系</t></r><rPh><t>x</t></rPh></si>",
        ],
        STYLES,
    ));
    let grid = results[0].2.clone().expect("read fast");
    let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("a date");
    assert_eq!(grid.get(0, 0), &Value::Date(d));
    assert_eq!(grid.get(0, 1), &Value::Text(" 内联 ".into()));
    assert_eq!(grid.get(0, 2), &Value::Text("信息 工程系".into()));
    assert_eq!(grid.get(1, 0), &Value::Bool(false));
    assert_eq!(grid.get(1, 1), &Value::Number(2.5));
}

#[test]
fn shared_strings_both_ways_alike() {
    let plain = r#"<?xml version="1.0"?><sst xmlns="x" count="4"><si><t>单位名称</t></si><si><t xml:space="preserve"> 两边 </t></si><si><t>  修剪
</t></si><si/><si><t/></si></sst>"#;
    let fast = plain_shared_strings(plain).expect("plain strings read in one pass");
    assert_eq!(Some(&fast), rich_shared_strings(plain).as_ref());
    assert_eq!(fast, ["单位名称", " 两边 ", "修剪", "", ""]);
    let rich = r#"<sst><si><r><t>a</t></r><r><t>b</t></r></si><si><t>A &amp; B</t></si></sst>"#;
    assert_eq!(plain_shared_strings(rich), None);
    assert_eq!(
        shared_strings(rich),
        Some(vec!["ab".into(), "A & B".into()])
    );
}
