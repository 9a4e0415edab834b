//! Hostile .xls/.ods files (calamine parses them whole at open and densifies every sheet): each
//! yields its `unreadable_file` finding before calamine sees it, peak memory stays small, and the
//! good ledger in the same folder is still read. Real .xls and padded .ods ledgers (written in
//! code, see `support::xls_ods`) read exactly like the same ledger as .xlsx.

use crate::support::books::*;
use crate::support::inbox::ingest_2026 as ingest;
use crate::support::xls_ods::*;
use crate::vm_hwm_kib;
use tongbao::findings::{Code, Finding, Severity};

use tongbao::model::{Inbox, Role};

const ENCRYPTED: &str = "文件已加密，请另存为不加密的 .xlsx";

/// The single finding against `name`: an unreadable_file error, the file's role Unreadable.
fn refused<'a>(inbox: &'a Inbox, name: &str) -> &'a Finding {
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some(name))
        .collect();
    assert_eq!(f.len(), 1, "{name}: {:#?}", inbox.findings);
    assert_eq!(
        (f[0].severity, f[0].code),
        (Severity::Error, Code::UnreadableFile)
    );
    let role = inbox.inputs.iter().find(|i| i.file == name).unwrap().role;
    assert_eq!(role, Role::Unreadable);
    f[0]
}

fn truncated_xls() -> Vec<u8> {
    let mut wb = workbook(&[], &[("封面", number(0, 0, 0, 1.0))]);
    wb.truncate(wb.len() - 9); // into the NUMBER record: its header claims 14 bytes
    ole("/Workbook", &wb)
}

fn huge_dimensions_xls() -> Vec<u8> {
    let mut d = 0u32.to_le_bytes().to_vec();
    d.extend(1_000_000u32.to_le_bytes()); // more rows than an .xls sheet has
    d.extend([0, 0, 0, 1, 0, 0]); // columns 0..256
    ole("/Workbook", &workbook(&[], &[("封面", rec(0x0200, &d))]))
}

fn far_ods() -> Vec<u8> {
    let text =
        r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
    ods_raw(&format!(
        r#"<table:table table:name="封面"><table:table-row>{text}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="20"/>{text}</table:table-row></table:table>"#
    ))
}

#[test]
fn hostile_files_are_refused_with_small_memory() {
    let _alone = crate::alone();
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    let corners = [number(0, 0, 0, 1.0), number(65_535, 255, 0, 1.0)].concat();
    let far = workbook(&[], &[("封面", corners)]);
    let filepass = workbook(&rec(0x002F, &[1, 0, 1, 0]), &[("封面", Vec::new())]);
    let files: [(&str, Vec<u8>); 6] = [
        ("a_far.xls", ole("/Workbook", &far)),
        ("b_filepass.xls", ole("/Workbook", &filepass)),
        ("c_truncated.xls", truncated_xls()),
        ("d_dimensions.xls", huge_dimensions_xls()),
        (
            "e_encrypted.xlsx",
            ole("/EncryptionInfo", b"\x04\x00\x04\x00"),
        ),
        ("f_far.ods", far_ods()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let inbox = ingest(dir.path());
    let hwm = vm_hwm_kib();
    eprintln!("hostile .xls/.ods ingest: VmHWM {hwm} KiB");

    let f = refused(&inbox, "a_far.xls");
    assert_eq!(
        (f.sheet.as_deref(), f.cell.as_deref()),
        (Some("封面"), Some("IV65536"))
    );
    assert!(
        f.message.contains("第65536行第256列") && f.message.contains("10000 行"),
        "{}",
        f.message
    );
    assert_eq!(refused(&inbox, "b_filepass.xls").message, ENCRYPTED);
    assert!(refused(&inbox, "c_truncated.xls").message.contains("截断"));
    assert!(
        refused(&inbox, "d_dimensions.xls")
            .message
            .contains("1000000 行 × 256 列")
    );
    assert_eq!(refused(&inbox, "e_encrypted.xlsx").message, ENCRYPTED);
    let f = refused(&inbox, "f_far.ods");
    assert_eq!(f.cell.as_deref(), Some("U1000002"));

    assert!(
        inbox.ledgers.contains_key("信息工程系"),
        "the good file must still be read"
    );
    let good = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some("信息工程系.xlsx"));
    assert_eq!(good.count(), 0);
    // Without the pre-scan calamine fills 65536 × 256 cells for a_far.xls (~540 MB) and
    // 1,000,002 × 21 for f_far.ods (~670 MB).
    assert!(hwm < 150 * 1024, "peak RSS {hwm} KiB");
}

/// The ledger read from `bytes` saved as `name` alone in a folder (Debug text, file name
/// replaced) and its findings.
fn read_alone(name: &str, bytes: Vec<u8>) -> (String, Vec<String>) {
    let dir = tmp();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let inbox = ingest(dir.path());
    let l = inbox.ledgers.get("机电工程系").unwrap_or_else(|| {
        panic!("{name} not read: {:#?}", inbox.findings);
    });
    let findings = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some(name))
        .map(|f| format!("{f:?}").replace(name, "FILE"))
        .collect();
    (format!("{l:?}").replace(name, "FILE"), findings)
}

/// The same ledger as .xlsx, .xls and padded .ods: same ledger, same findings (none).
#[test]
fn xls_and_padded_ods_ledgers_read_like_xlsx() {
    let _alone = crate::alone();
    let mut book = ledger("机电工程系", 2026, d(2026, 7, 3));
    // A genuine .xls may hold this text (UTF-16 in a cell): it is not an encrypted package.
    book = book.cell("封面", 0, 5, "EncryptionInfo EncryptedPackage");
    let want = read_alone("机电工程系.xlsx", book.to_bytes());
    assert!(
        want.0.contains("submitted_on: Some(2026-07-03)"),
        "{}",
        want.0
    );
    assert!(want.0.contains("Meeting {"), "{}", want.0);
    let hwm0 = vm_hwm_kib();
    assert_eq!(read_alone("机电工程系.xls", xls(&book)), want);
    assert_eq!(read_alone("机电工程系.ods", ods(&book)), want);
    let hwm = vm_hwm_kib();
    eprintln!("xls + padded ods ledgers: VmHWM {hwm0} → {hwm} KiB");
    // 1,048,576 padded rows × 1,024 columns per sheet must not be materialised.
    assert!(hwm < hwm0.max(50 * 1024) + 100 * 1024, "peak RSS {hwm} KiB");
}

/// A genuine .xls written by xlwt (tests/fixtures/make_ledger_xls.py: SST strings, MULRK,
/// pre-formatted MULBLANK rows, DIMENSIONS, padded stream) reads like the same ledger as .xlsx.
#[test]
fn xlwt_written_xls_reads_like_xlsx() {
    let _alone = crate::alone();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ledger_jidian_2026.xls"
    );
    let want = read_alone(
        "机电工程系.xlsx",
        ledger("机电工程系", 2026, d(2026, 7, 3)).to_bytes(),
    );
    let got = read_alone("机电工程系.xls", std::fs::read(fixture).unwrap());
    assert_eq!(got, want);
}

/// xlsx (streamed) has a per-sheet text budget too: a shared string is copied into every cell
/// naming it; 200 cells × one 32,767-character string (≈98 KB) pass the 16 MB budget, reading
/// stops there with a warning and the rest of the ledger is still read.
#[test]
fn shared_string_copies_stop_at_text_budget() {
    let _alone = crate::alone();
    let mut seed = 7u32;
    let long: String = (0..32_767)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from_u32(0x4E00 + (seed >> 16) % 2000).unwrap()
        })
        .collect();
    let mut book = ledger("机电工程系", 2026, d(2026, 7, 3));
    for r in 0..200 {
        book = book.cell("封面", r, 10, long.as_str());
    }
    let dir = tmp();
    book.save(dir.path(), "机电工程系.xlsx");
    let inbox = ingest(dir.path());
    assert!(inbox.ledgers.contains_key("机电工程系"));
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.message.contains("文字合计"))
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(
        (f[0].severity, f[0].sheet.as_deref()),
        (Severity::Warning, Some("封面"))
    );
}
