//! Unit tests of the .ods pre-scan on hand-written content.xml.

use super::*;
use std::io::Write;

fn ods(tables: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("mimetype", opts).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    w.start_file("content.xml", opts).unwrap();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    w.write_all(doc.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

const TEXT: &str =
    r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;

fn table(name: &str, rows: &str) -> String {
    format!(r#"<table:table table:name="{name}">{rows}</table:table>"#)
}

#[test]
fn padded_sheet_passes() {
    let rows = format!(
        r#"<table:table-row>{TEXT}<table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:style-name="ce1" table:number-columns-repeated="16384"/></table:table-row>"#
    );
    assert_eq!(scan_ods(&ods(&table("封面", &rows))), Ok(()));
}

#[test]
fn content_after_repeated_rows_refused() {
    let rows = format!(
        r#"<table:table-row>{TEXT}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row>{TEXT}</table:table-row>"#
    );
    let e = scan_ods(&ods(&table("表1", &rows))).unwrap_err();
    assert_eq!(e.sheet.as_deref(), Some("表1"));
    assert_eq!(e.cell.as_deref(), Some("A1000002"));
    assert!(e.message.contains("第1000002行第1列"), "{}", e.message);
}

#[test]
fn repeated_content_columns_refused() {
    let rows = r#"<table:table-row><table:table-cell table:number-columns-repeated="10"/><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16000"/></table:table-row>"#;
    let e = scan_ods(&ods(&table("表1", rows))).unwrap_err();
    assert_eq!(e.cell.as_deref(), Some("GS1"));
}

#[test]
fn too_many_cells_and_area() {
    let rows = r#"<table:table-row table:number-rows-repeated="5000"><table:table-cell table:formula="of:=1" table:number-columns-repeated="100"/></table:table-row>"#;
    let e = scan_ods(&ods(&table("表1", rows))).unwrap_err();
    assert!(e.message.contains("500000 个"), "{}", e.message);
    let corner = format!(
        r#"<table:table-row>{TEXT}</table:table-row><table:table-row table:number-rows-repeated="9998"/><table:table-row><table:table-cell table:number-columns-repeated="199"/>{TEXT}</table:table-row>"#
    );
    let three: String = (1..=3).map(|i| table(&format!("表{i}"), &corner)).collect();
    let e = scan_ods(&ods(&three)).unwrap_err();
    assert!(e.message.contains("合计"), "{}", e.message);
    assert_eq!(scan_ods(&ods(&table("表1", &corner))), Ok(()));
}

#[test]
fn expanded_text_refused() {
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#;
    let e = scan_ods(&ods(&table("表1", spaces))).unwrap_err();
    assert!(e.message.contains("文字合计"), "{}", e.message);
    let long = "字".repeat(100_000);
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="string" table:number-columns-repeated="100"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
    );
    assert!(scan_ods(&ods(&table("表1", &rows))).is_err());
}

#[test]
fn empty_string_cell_is_content() {
    let rows = format!(
        r#"<table:table-row>{TEXT}</table:table-row><table:table-row table:number-rows-repeated="20000"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p> </text:p></table:table-cell></table:table-row>"#
    );
    let e = scan_ods(&ods(&table("表1", &rows))).unwrap_err();
    assert_eq!(e.cell.as_deref(), Some("A20002"));
}
