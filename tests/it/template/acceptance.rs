//! Acceptance for `tongbao template` beyond the drop-downs (`template::structure`):
//! every table sheet has its header row frozen, every column an input message naming it, every
//! date column a date validation, widths that fit the Chinese header, and the 填表说明 sheet
//! explains every column of every sheet.

use assert_cmd::Command;
use calamine::{Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::Path;
use tongbao::schema::{self, Kind, Layout, SheetSpec};

/// Sheet XML by sheet name, through workbook.xml's order (sheetN.xml is the N-th sheet).
fn sheet_xml(path: &Path, sheet: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut wb = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wb)
        .unwrap();
    let idx = wb
        .split("<sheet ")
        .skip(1)
        .position(|s| s.contains(&format!("name=\"{sheet}\"")))
        .unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{}.xml", idx + 1))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn col_letter(i: usize) -> char {
    (b'A' + i as u8) as char
}

/// Display width with CJK counted double.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

/// Width of 0-based column `col` from `<col min max width>` (ranges included).
fn col_width(xml: &str, col: usize) -> f64 {
    let n = col + 1;
    let attr = |c: &str, name: &str| -> f64 {
        let rest = format!(" {c}");
        let rest = rest.split(&format!(" {name}=\"")).nth(1).unwrap();
        rest.split('"').next().unwrap().parse().unwrap()
    };
    xml.split("<col ")
        .skip(1)
        .find(|c| attr(c, "min") as usize <= n && n <= attr(c, "max") as usize)
        .map(|c| attr(c, "width"))
        .unwrap_or_else(|| panic!("no width for column {n}"))
}

fn check_tables(path: &Path, specs: &[SheetSpec]) {
    for spec in specs.iter().filter(|s| s.layout == Layout::Table) {
        let xml = sheet_xml(path, spec.name);
        assert!(
            xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\"")
                && xml.contains("state=\"frozen\""),
            "{}: header row frozen",
            spec.name
        );
        for (i, col) in spec.cols.iter().enumerate() {
            let sqref = format!("sqref=\"{c}2:{c}1000\"", c = col_letter(i));
            let dv = xml
                .split("<dataValidation ")
                .find(|d| d.contains(&sqref))
                .unwrap_or_else(|| panic!("{}!{}: no validation", spec.name, col.name));
            assert!(
                dv.contains(&format!("promptTitle=\"{}\"", col.name)) && dv.contains("prompt=\""),
                "{}!{}: input message",
                spec.name,
                col.name
            );
            if col.kind == Kind::Date {
                assert!(
                    dv.contains("type=\"date\""),
                    "{}!{}: date",
                    spec.name,
                    col.name
                );
            }
            assert!(
                col_width(&xml, i) >= width(col.name),
                "{}!{}: width {} too narrow",
                spec.name,
                col.name,
                col_width(&xml, i)
            );
        }
    }
}

fn help_text(path: &Path) -> String {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range("填表说明").unwrap();
    range
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn templates_freeze_headers_prompt_every_column_and_explain_it() {
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(tmp.path())
        .args(["template", "--out", "out"])
        .assert()
        .success();
    for (file, specs) in [
        ("单位安全工作台账模板.xlsx", schema::LEDGER),
        ("保卫处台账模板.xlsx", schema::REGISTER),
    ] {
        let path = tmp.path().join("out").join(file);
        check_tables(&path, specs);
        let help = help_text(&path);
        for spec in specs {
            assert!(
                help.contains(spec.name),
                "{file}: 填表说明 names {}",
                spec.name
            );
            for col in spec.cols {
                assert!(
                    help.contains(col.name) && help.contains(col.help),
                    "{file}: 填表说明 explains {}!{}",
                    spec.name,
                    col.name
                );
            }
        }
    }
}
