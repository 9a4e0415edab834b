//! Contract audit, the inbox side: which files count (superseded, other year, registers),
//! formats (.xlsm, .ods), hidden sheets, prose, sub-folders, and `check` on a mixed folder.

use super::*;
use crate::support::books::*;
use crate::support::roster::ROSTER;

#[test]
fn unit_name_with_full_width_letters_and_spaces() {
    let cfg = config(&[("IT系", "系部", &["信息 技术系"])], &[]);
    let dir = tmp();
    ledger(" ｉｔ 系 ", 2026, d(2026, 7, 1)).save(dir.path(), "a.xlsx");
    ledger("信息技术系", 2026, d(2026, 7, 2)).save(dir.path(), "b.xlsx");
    let inbox = ingest_dir(dir.path(), &cfg, &opts()).unwrap();
    assert_eq!(with(&inbox, Code::UnknownUnit), Vec::<&Finding>::new());
    assert_eq!(inbox.ledgers.keys().collect::<Vec<_>>(), vec!["IT系"]);
    assert_eq!(inbox.ledgers["IT系"].file, "b.xlsx");
    let sup = with(&inbox, Code::SupersededFile);
    assert_eq!(sup.len(), 1);
    assert_eq!(sup[0].file.as_deref(), Some("a.xlsx"));
}

#[test]
fn two_registers_latest_counts_and_wrong_year_register_does_not() {
    let dir = tmp();
    register(2026, d(2026, 6, 1)).save(dir.path(), "z保卫处.xlsx");
    register(2026, d(2026, 7, 1)).save(dir.path(), "a台账.xlsx");
    register(2025, d(2026, 8, 1)).save(dir.path(), "m去年.xlsx");
    let inbox = run_in(dir.path());
    assert_eq!(inbox.register.as_ref().unwrap().file, "a台账.xlsx");
    let sup = with(&inbox, Code::SupersededFile);
    assert_eq!(sup.len(), 1);
    assert_eq!(sup[0].file.as_deref(), Some("z保卫处.xlsx"));
    let oop = with(&inbox, Code::OutOfPeriod);
    assert_eq!(oop.len(), 1);
    assert_eq!(oop[0].file.as_deref(), Some("m去年.xlsx"));
    assert_eq!(at(oop[0]), (Severity::Error, "封面", "B2"));
    assert!(with(&inbox, Code::MissingRegister).is_empty());
}

#[test]
fn only_wrong_year_register_means_missing_register() {
    let dir = tmp();
    register(2025, d(2025, 12, 1)).save(dir.path(), "保卫处.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.register.is_none());
    assert_eq!(with(&inbox, Code::MissingRegister).len(), 1);
}

#[test]
fn last_year_ledger_does_not_replace_this_years() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 1)).save(dir.path(), "a.xlsx");
    // Last year's year-end file, sent in January: a later 报送日期 than nothing, other year.
    ledger("信息工程系", 2025, d(2026, 1, 10)).save(dir.path(), "b.xlsx");
    let inbox = run_in(dir.path());
    assert_eq!(unit(&inbox).file, "a.xlsx");
    let oop = with(&inbox, Code::OutOfPeriod);
    assert_eq!(oop.len(), 1, "{oop:#?}");
    assert_eq!(oop[0].file.as_deref(), Some("b.xlsx"));
    assert_eq!(oop[0].severity, Severity::Error);
}

#[test]
fn xlsm_is_read() {
    let dir = tmp();
    base().save(dir.path(), "信息工程系.XLSM");
    let inbox = run_in(dir.path());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).file, "信息工程系.XLSM");
}

#[test]
fn prose_with_bom_and_empty_inbox() {
    let dir = tmp();
    std::fs::write(dir.path().join("按语.md"), "\u{feff}本期按语。").unwrap();
    let inbox = run_in(dir.path());
    assert_eq!(inbox.prose.as_deref(), Some("本期按语。"));
    assert!(inbox.ledgers.is_empty());
    assert_eq!(inbox.inputs.len(), 1);
    assert_eq!(inbox.inputs[0].role, Role::Prose);
}

#[test]
fn sub_folders_are_ignored_unless_recursive() {
    let dir = tmp();
    std::fs::create_dir(dir.path().join("旧")).unwrap();
    base().save(&dir.path().join("旧"), "信息工程系.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.ledgers.is_empty());
    // The sub-folder is not read, and says so (contract "The inbox": a skipped_file notice).
    assert_eq!(inbox.inputs.len(), 1);
    assert_eq!(
        (inbox.inputs[0].file.as_str(), inbox.inputs[0].role),
        ("旧", Role::Skipped)
    );
    assert!(
        inbox
            .findings
            .iter()
            .any(|f| f.file.as_deref() == Some("旧") && f.message.contains("--recursive"))
    );
    let rec = run_recursive(dir.path());
    assert_eq!(unit(&rec).file, "旧/信息工程系.xlsx");
}

/// The inbox at `dir` read with `--recursive`.
fn run_recursive(dir: &std::path::Path) -> tongbao::model::Inbox {
    let opts = Options {
        year: Some(2026),
        recursive: true,
    };
    ingest_dir(dir, &roster(), &opts).unwrap()
}

#[test]
fn recursive_never_reads_an_output_folder() {
    // contract.md "The inbox": with --recursive, the output folder is never read as input. A
    // folder that ever received tongbao's outputs holds its lock file.
    let dir = tmp();
    let out = dir.path().join("public");
    std::fs::create_dir_all(out.join("2026")).unwrap();
    std::fs::write(out.join(".tongbao.lock"), b"").unwrap();
    base().save(&out.join("2026"), "信息工程系.xlsx");
    let rec = run_recursive(dir.path());
    assert!(rec.ledgers.is_empty());
    assert_eq!(
        (rec.inputs[0].file.as_str(), rec.inputs[0].role),
        ("public", Role::Skipped)
    );
    assert!(
        rec.findings.iter().any(|f| {
            f.file.as_deref() == Some("public") && f.message.contains("输出文件夹")
        })
    );
}

fn ods_cell(c: &Cell) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    match c {
        Cell::Empty => "<table:table-cell/>".into(),
        Cell::Text(t) => format!(
            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
            esc(t)
        ),
        Cell::Num(n) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        ),
        Cell::Date(d) => format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#
        ),
        Cell::Bool(b) => format!(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
        ),
        other => panic!("not used in ODS tests: {other:?}"),
    }
}

/// A minimal OpenDocument spreadsheet (mimetype, manifest, content.xml) of `book`'s sheets.
fn save_ods(book: &Book, path: &std::path::Path) {
    use std::io::Write;
    let mut body = String::new();
    for s in &book.sheets {
        body.push_str(&format!(r#"<table:table table:name="{}">"#, s.name));
        for row in &s.rows {
            body.push_str("<table:table-row>");
            row.iter().for_each(|c| body.push_str(&ods_cell(c)));
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(manifest.as_bytes()).unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
}

#[test]
fn ods_ledger_is_read_with_typed_cells() {
    let dir = tmp();
    let b = ledger("信息工程系", 2026, d(2026, 7, 1)).sheet(
        schema::MEETINGS,
        vec![
            ledger_headers(schema::MEETINGS),
            row![d(2026, 3, 5), "会议", true, "是", "张某某", 20],
        ],
    );
    save_ods(&b, &dir.path().join("信息工程系.ods"));
    let inbox = run_in(dir.path());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let l = unit(&inbox);
    assert_eq!(l.file, "信息工程系.ods");
    assert_eq!(l.cover.submitted_on, Some(d(2026, 7, 1)));
    let m = &l.meetings.as_ref().unwrap()[0];
    assert_eq!(m.date, Some(d(2026, 3, 5)));
    assert_eq!(m.principal_attended, Some(true));
    assert_eq!(l.inspections.as_ref().unwrap().len(), 7);
}

/// `tongbao check` on a folder of mixed files: one block per file with its role, findings with
/// sheet › cell, and the total line.
#[test]
fn check_on_a_mixed_folder_reads_well() {
    let root = tmp();
    let dir = root.path().join("inbox");
    std::fs::create_dir_all(&dir).unwrap();
    ledger("信息工程系", 2026, d(2026, 6, 1)).save(&dir, "信息工程系-旧.xlsx");
    inspections_book().save(&dir, "信息工程系2026台账.xlsx");
    ledger("机电系", 2026, d(2026, 7, 1)).save(&dir, "机电系.xlsx");
    register(2026, d(2026, 7, 1)).save(&dir, "保卫处台账.xlsx");
    std::fs::write(dir.join("~$机电系.xlsx"), b"lock").unwrap();
    std::fs::write(dir.join("通知.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(dir.join("学生处.et"), b"x").unwrap();
    std::fs::write(dir.join("按语.md"), "按语").unwrap();
    std::fs::write(root.path().join("tongbao.toml"), ROSTER).unwrap();
    let out = assert_cmd::Command::cargo_bin("tongbao")
        .unwrap()
        .current_dir(root.path())
        .args(["check", "inbox"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for want in [
        "信息工程系-旧.xlsx（已被较新的文件取代）",
        "信息工程系2026台账.xlsx（单位台账：信息工程系）\n  [错误] 隐患排查!A2：",
        "[警告] 隐患排查!A3：",
        "机电系.xlsx（未计入）\n  [错误] 封面!B1：",
        "学生处.et（无法读取）",
        "通知.pdf（已跳过）",
        "保卫处台账.xlsx（保卫处台账）\n  没有发现问题",
        "共检查8个文件：错误4项，警告1项，提示3项",
    ] {
        assert!(out.contains(want), "{want}\n---\n{out}");
    }
}

fn inspections_book() -> Book {
    ledger("信息系", 2026, d(2026, 7, 1)).sheet(
        schema::INSPECTIONS,
        vec![
            ledger_headers(schema::INSPECTIONS),
            row!["2026-02-30", "实验室"],
            row![d(2025, 12, 1), "实验室"],
            row!["", "宿舍"],
        ],
    )
}

#[test]
fn register_recognised_with_variant_spelling_and_colon() {
    let dir = tmp();
    let mut b = register(2026, d(2026, 7, 1));
    b.rows(schema::COVER)[0] = row!["台帐类型：", "保卫处台帐（2026年度）"];
    b.save(dir.path(), "a.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.register.is_some());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert!(with(&inbox, Code::MissingRegister).is_empty());
}

#[test]
fn register_rows_as_people_write_them() {
    let dir = tmp();
    let b = register(2026, d(2026, 7, 1))
        .push(
            schema::PUNISHMENTS,
            row![" 信息系（盖章）", "约谈", "2026年4月28日"],
        )
        .push(
            schema::VISITS,
            row!["王某某（党委书记）", "2026/5/6", "机电工程系"],
        )
        .push(schema::ADJUSTMENTS, row!["学生处", "扣3分", "通报批评"])
        .push(
            schema::LISTED,
            row![
                "GP-1",
                "配电房",
                "信息系、机电工程系",
                "学校",
                d(2026, 3, 1),
                d(2026, 6, 1)
            ],
        );
    b.save(dir.path(), "保卫处.xlsx");
    let inbox = run_in(dir.path());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    let reg = inbox.register.as_ref().unwrap();
    let p = &reg.punishments.as_ref().unwrap()[0];
    assert_eq!(p.unit.as_deref(), Some("信息工程系"));
    assert_eq!(p.imposed, Some(d(2026, 4, 28)));
    let v = &reg.visits.as_ref().unwrap()[0];
    assert_eq!(v.leader.as_deref(), Some("王某某"));
    assert_eq!(reg.adjustments.as_ref().unwrap()[0].points, Some(-3.0));
    let units: Vec<_> = reg
        .listed_hazards
        .as_ref()
        .unwrap()
        .iter()
        .map(|h| h.unit.clone().unwrap())
        .collect();
    assert_eq!(units, vec!["信息工程系", "机电工程系"]);
}

#[test]
fn ods_as_libreoffice_writes_it_with_repeated_empty_rows() {
    // LibreOffice ends every sheet with a row repeated to the sheet's end (1,048,576 rows).
    let dir = tmp();
    let b = ledger("信息工程系", 2026, d(2026, 7, 1));
    let path = dir.path().join("信息工程系.ods");
    save_ods(&b, &path);
    let tail = r#"<table:table-row table:number-rows-repeated="1048500"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;
    patch_entry(&path, "content.xml", |x| x.replace("</table:table>", tail));
    let t = std::time::Instant::now();
    let inbox = run_in(dir.path());
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).inspections.as_ref().unwrap().len(), 7);
}

#[test]
fn a_hidden_sheet_is_read_by_its_name() {
    let dir = tmp();
    let path = base().save(dir.path(), "台账.xlsx");
    patch_entry(&path, "xl/workbook.xml", |x| {
        assert!(x.contains(r#"<sheet name="隐患排查""#), "{x}");
        x.replacen(
            r#"<sheet name="隐患排查""#,
            r#"<sheet state="hidden" name="隐患排查""#,
            1,
        )
    });
    let inbox = run_in(dir.path());
    assert_eq!(found(&inbox), Vec::<&Finding>::new());
    assert_eq!(unit(&inbox).inspections.as_ref().unwrap().len(), 12);
}

#[test]
fn same_submission_date_the_name_sorting_last_counts() {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 1)).save(dir.path(), "信息工程系-v2.xlsx");
    ledger("信息系", 2026, d(2026, 7, 1)).save(dir.path(), "信息工程系-v10.xlsx");
    let inbox = run_in(dir.path());
    // Byte order: "-v2" sorts after "-v10".
    assert_eq!(unit(&inbox).file, "信息工程系-v2.xlsx");
    let sup = with(&inbox, Code::SupersededFile);
    assert_eq!(sup.len(), 1);
    assert_eq!(sup[0].file.as_deref(), Some("信息工程系-v10.xlsx"));
    assert!(
        sup[0].message.contains("同一报送日期"),
        "{}",
        sup[0].message
    );
    let roles: Vec<_> = inbox
        .inputs
        .iter()
        .map(|i| (i.file.as_str(), i.role))
        .collect();
    assert!(roles.contains(&("信息工程系-v10.xlsx", Role::Superseded)));
    assert!(roles.contains(&("信息工程系-v2.xlsx", Role::Ledger)));
}

#[test]
fn unknown_unit_file_is_shown_to_the_unit_its_name_names_but_not_merged() {
    let dir = tmp();
    ledger("信息工程学院", 2026, d(2026, 7, 1)).save(dir.path(), "信息工程系台账.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.ledgers.is_empty());
    let f = with(&inbox, Code::UnknownUnit);
    assert_eq!(f.len(), 1);
    assert_eq!(at(f[0]), (Severity::Error, "封面", "B1"));
    assert_eq!(f[0].raw.as_deref(), Some("信息工程学院"));
    assert_eq!(f[0].unit.as_deref(), Some("信息工程系"));
    assert!(inbox.unreadable_by_unit.is_empty());
}

#[test]
fn register_without_its_cover_field_is_said_once() {
    let dir = tmp();
    let mut b = register(2026, d(2026, 7, 1));
    b.rows(schema::COVER).remove(0);
    b.save(dir.path(), "保卫处台账.xlsx");
    let inbox = run_in(dir.path());
    assert!(inbox.register.is_none());
    let f = found(&inbox);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, Code::MissingValue);
    assert_eq!(at(f[0]), (Severity::Error, "封面", ""));
    assert!(f[0].message.contains("台账类型"));
    assert_eq!(with(&inbox, Code::MissingRegister).len(), 1);
    assert_eq!(inbox.inputs[0].role, Role::Rejected);
}
