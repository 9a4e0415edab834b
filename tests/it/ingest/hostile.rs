//! Hostile and broken files: each yields its finding against that file, and the good ledger in
//! the same folder is still read.

use crate::support::books::*;
use tongbao::findings::{Code, Finding, Severity};

use tongbao::model::{Inbox, Role};
use tongbao::schema;

const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A folder with a good ledger plus `name` holding `bytes`.
fn with_bad(name: &str, bytes: &[u8]) -> Inbox {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let inbox = crate::support::inbox::ingest_2026(dir.path());
    assert!(
        inbox.ledgers.contains_key("信息工程系"),
        "the good file must still be read"
    );
    let good: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some("信息工程系.xlsx"))
        .collect();
    assert_eq!(good, Vec::<&Finding>::new());
    inbox
}

/// The single finding against `name`; it must be unreadable_file (error) and its role Unreadable.
fn unreadable<'a>(inbox: &'a Inbox, name: &str) -> &'a Finding {
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some(name))
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(
        (f[0].severity, f[0].code),
        (Severity::Error, Code::UnreadableFile)
    );
    assert_eq!(
        inbox.inputs.iter().find(|i| i.file == name).unwrap().role,
        Role::Unreadable
    );
    f[0]
}

/// An OLE compound file header followed by `extra` (enough for the sniffer, not a real xls).
fn ole(extra: &[u8]) -> Vec<u8> {
    let mut v = OLE.to_vec();
    v.resize(512, 0);
    v.extend(extra);
    v.resize(4096, 0);
    v
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn empty_file() {
    let inbox = with_bad("机电工程系.xlsx", b"");
    assert!(
        unreadable(&inbox, "机电工程系.xlsx")
            .message
            .contains("0 字节")
    );
    assert_eq!(
        inbox.unreadable_by_unit["机电工程系"],
        vec!["机电工程系.xlsx"]
    );
}

#[test]
fn truncated_zip() {
    let bytes = ledger("机电工程系", 2026, d(2026, 7, 3)).to_bytes();
    let inbox = with_bad("b.xlsx", &bytes[..bytes.len() / 2]);
    assert!(unreadable(&inbox, "b.xlsx").message.contains("损坏"));
}

#[test]
fn random_bytes_named_xlsx() {
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let inbox = with_bad("c.xlsx", &bytes);
    assert!(
        unreadable(&inbox, "c.xlsx")
            .message
            .contains("不是可识别的电子表格")
    );
}

#[test]
fn xls_renamed_xlsx() {
    let inbox = with_bad("d.xlsx", &ole(&utf16("Workbook")));
    let m = &unreadable(&inbox, "d.xlsx").message;
    assert!(m.contains(".xls") && m.contains("另存为"), "{m}");
}

#[test]
fn broken_xls_and_wps_et() {
    let inbox = with_bad("e.xls", &ole(&utf16("Workbook")));
    assert!(
        unreadable(&inbox, "e.xls")
            .message
            .contains("无法按 .xls 读取")
    );
    let inbox = with_bad("f.et", &ole(&utf16("Workbook")));
    assert!(unreadable(&inbox, "f.et").message.contains("WPS"));
}

#[test]
fn encrypted_file() {
    let mut dir = utf16("EncryptionInfo");
    dir.extend(utf16("EncryptedPackage"));
    let inbox = with_bad("g.xlsx", &ole(&dir));
    assert_eq!(
        unreadable(&inbox, "g.xlsx").message,
        "文件已加密，请另存为不加密的 .xlsx"
    );
}

#[test]
fn pdf_and_word_renamed_xlsx() {
    let inbox = with_bad("h.xlsx", b"%PDF-1.7\n%binary");
    assert!(unreadable(&inbox, "h.xlsx").message.contains("PDF"));
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut w, b"<w:document/>").unwrap();
    let inbox = with_bad("i.xlsx", &w.finish().unwrap().into_inner());
    assert!(unreadable(&inbox, "i.xlsx").message.contains("Word"));
}

#[test]
fn sparse_cell_at_xfd1048576() {
    let book =
        ledger("机电工程系", 2026, d(2026, 7, 3)).cell(schema::INSPECTIONS, 1_048_575, 16_383, "x");
    let inbox = with_bad("机电工程系.xlsx", &book.to_bytes());
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some("机电工程系.xlsx"))
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(
        (f[0].severity, f[0].code),
        (Severity::Warning, Code::UnreadableFile)
    );
    assert_eq!(
        (f[0].sheet.as_deref(), f[0].cell.as_deref()),
        (Some("隐患排查"), Some("XFD1048576"))
    );
    // Everything above the stray cell was read.
    assert_eq!(
        inbox.ledgers["机电工程系"]
            .inspections
            .as_ref()
            .unwrap()
            .len(),
        7
    );
}
