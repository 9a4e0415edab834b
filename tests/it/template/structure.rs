//! `tongbao template` writes both workbooks; read back, every sheet and header of the contract
//! is there in order, and the drop-downs are real data validations.

use assert_cmd::Command;
use calamine::{DataType, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::Path;
use tongbao::schema::{self, Layout, SheetSpec};

use crate::support::roster::ROSTER as CONFIG;

fn generate(dir: &Path) {
    std::fs::write(dir.join("tongbao.toml"), CONFIG).unwrap();
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(dir)
        .args(["template", "--out", "out"])
        .assert()
        .success()
        .stdout(predicates::str::contains("单位安全工作台账模板.xlsx"));
}

fn check_layout(path: &Path, specs: &[SheetSpec]) {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names();
    for spec in specs {
        assert!(names.iter().any(|n| n == spec.name), "{}", spec.name);
        let range = wb.worksheet_range(spec.name).unwrap();
        let cells: Vec<String> = match spec.layout {
            Layout::Cover => (0..spec.cols.len() as u32)
                .map(|r| {
                    range
                        .get_value((r, 0))
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                })
                .collect(),
            Layout::Table => (0..spec.cols.len() as u32)
                .map(|c| {
                    range
                        .get_value((0, c))
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                })
                .collect(),
        };
        let want: Vec<&str> = spec.cols.iter().map(|c| c.name).collect();
        assert_eq!(cells, want, "{}", spec.name);
    }
    assert!(names.iter().any(|n| n == "填表说明"));
    let hidden = wb
        .sheets_metadata()
        .iter()
        .any(|s| s.name == "_lists" && s.visible != calamine::SheetVisible::Visible);
    assert!(hidden, "_lists must be hidden");
}

/// Every `<dataValidation …>…</dataValidation>` of the sheet named `sheet`, as raw XML.
fn validations(path: &Path, sheet: &str) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut wbxml = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wbxml)
        .unwrap();
    let sheets: Vec<&str> = wbxml.split("<sheet ").skip(1).collect();
    let idx = sheets
        .iter()
        .position(|s| s.contains(&format!("name=\"{sheet}\"")))
        .unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{}.xml", idx + 1))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<dataValidation ")
        .skip(1)
        .map(|s| {
            s.split("</dataValidation>")
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

fn has_list(dvs: &[String], sqref: &str, formula: &str) -> bool {
    dvs.iter().any(|d| {
        d.contains("type=\"list\"")
            && d.contains(&format!("sqref=\"{sqref}\""))
            && d.contains(&format!("<formula1>{formula}</formula1>"))
    })
}

#[test]
fn templates_have_every_sheet_header_and_dropdown() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path());
    let ledger = tmp.path().join("out/单位安全工作台账模板.xlsx");
    let register = tmp.path().join("out/保卫处台账模板.xlsx");
    check_layout(&ledger, schema::LEDGER);
    check_layout(&register, schema::REGISTER);

    let meet = validations(&ledger, "安全工作会议");
    assert!(has_list(&meet, "C2:C1000", "\"是,否\""), "{meet:?}");
    assert!(
        meet.iter()
            .any(|d| d.contains("type=\"date\"") && d.contains("sqref=\"A2:A1000\""))
    );
    assert!(
        meet.iter()
            .any(|d| d.contains("type=\"whole\"") && d.contains("sqref=\"F2:F1000\""))
    );
    let q = validations(&ledger, "季度报告");
    assert!(has_list(
        &q,
        "A2:A1000",
        "\"第一季度,第二季度,第三季度,第四季度\""
    ));
    let acc = validations(&ledger, "安全事故");
    assert!(has_list(&acc, "C2:C1000", "\"一般,较大,重大,特别重大\""));
    let haz = validations(&ledger, "隐患整改");
    assert!(has_list(&haz, "C2:C1000", "\"一般,较大,重大\""));
    let cover = validations(&ledger, "封面");
    assert!(has_list(&cover, "B1", "'_lists'!$A$2:$A$4"), "{cover:?}");
    assert!(has_list(&cover, "B5", "\"部门,系部\""));

    let pun = validations(&register, "惩戒措施");
    assert!(has_list(&pun, "A2:A1000", "'_lists'!$A$2:$A$4"));
    assert!(has_list(
        &pun,
        "B2:B1000",
        "\"约谈,黄牌警告,通报批评,下发整改通知书,挂牌督办\""
    ));
    let listed = validations(&register, "挂牌督办");
    assert!(has_list(&listed, "D2:D1000", "\"学校,市教育局\""));
    assert!(has_list(&listed, "H2:H1000", "\"整改中,已销号,拒不整改\""));
    let visits = validations(&register, "领导调研督查");
    assert!(has_list(&visits, "A2:A1000", "'_lists'!$B$2:$B$3"));
}

#[test]
fn register_cover_is_prefilled_and_ledger_cover_blank() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path());
    let mut reg: Xlsx<_> = open_workbook(tmp.path().join("out/保卫处台账模板.xlsx")).unwrap();
    let cover = reg.worksheet_range("封面").unwrap();
    assert_eq!(cover.get_value((0, 1)).unwrap().to_string(), "保卫处台账");
    assert!(cover.get_value((1, 1)).is_none_or(|v| v.is_empty()));
    let mut led: Xlsx<_> = open_workbook(tmp.path().join("out/单位安全工作台账模板.xlsx")).unwrap();
    let cover = led.worksheet_range("封面").unwrap();
    for r in 0..4 {
        assert!(
            cover.get_value((r, 1)).is_none_or(|v| v.is_empty()),
            "row {r}"
        );
    }
}

#[test]
fn without_config_uses_builtin_default() {
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(tmp.path())
        .arg("template")
        .assert()
        .success()
        .stderr(predicates::str::contains("未找到配置文件"));
    let ledger = tmp.path().join("单位安全工作台账模板.xlsx");
    assert!(ledger.exists());
    // No roster: the unit name cell has only its input message, no list.
    let cover = validations(&ledger, "封面");
    assert!(!cover.iter().any(|d| d.contains("_lists")));
}
