//! Unit tests of the .xls pre-scan on hand-built BIFF8 streams.

use super::*;

fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = typ.to_le_bytes().to_vec();
    v.extend((data.len() as u16).to_le_bytes());
    v.extend(data);
    v
}

fn cell(typ: u16, row: u16, col: u16, len: usize) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.resize(len, 0);
    rec(typ, &d)
}

/// Globals with one BoundSheet "表1", then that sheet holding `body`.
fn stream(body: &[u8]) -> Vec<u8> {
    stream_with(&[], body)
}

/// As `stream`, with `extra` records in the globals before the BoundSheet.
fn stream_with(extra: &[u8], body: &[u8]) -> Vec<u8> {
    let mut bof = rec(0x0809, &[0, 6, 5, 0, 0, 0, 0, 0]);
    bof.extend(extra);
    let mut name = vec![0u8; 6];
    name.extend([2, 1]);
    name.extend("表1".encode_utf16().flat_map(u16::to_le_bytes));
    let eof = rec(0x000A, &[]);
    let pos = bof.len() + rec(0x0085, &name).len() + eof.len();
    name[..4].copy_from_slice(&(pos as u32).to_le_bytes());
    let mut s = [bof.clone(), rec(0x0085, &name), eof.clone()].concat();
    s.extend(rec(0x0809, &[0, 6, 0x10, 0, 0, 0, 0, 0]));
    s.extend(body);
    s.extend(eof);
    s
}

#[test]
fn small_sheet_passes() {
    let body = [cell(0x0203, 0, 0, 14), cell(0x027E, 9_999, 199, 10)].concat();
    assert_eq!(scan_stream(&stream(&body)), Ok(()));
}

#[test]
fn far_cell_refused_with_place() {
    let e = scan_stream(&stream(&cell(0x0203, 65_535, 255, 14))).unwrap_err();
    assert_eq!(e.sheet.as_deref(), Some("表1"));
    assert_eq!(e.cell.as_deref(), Some("IV65536"));
    assert!(e.message.contains("第65536行第256列"), "{}", e.message);
}

#[test]
fn blank_records_are_not_counted() {
    let body = [cell(0x0201, 65_535, 255, 6), cell(0x00BE, 60_000, 0, 10)].concat();
    assert_eq!(scan_stream(&stream(&body)), Ok(()));
}

#[test]
fn mulrk_last_column_counts() {
    // row 0, colFirst 198, three RK cells → columns 198..=200.
    let mut d = vec![0, 0, 198, 0];
    d.extend([0u8; 18]);
    d.extend(200u16.to_le_bytes());
    let e = scan_stream(&stream(&rec(0x00BD, &d))).unwrap_err();
    assert_eq!(e.cell.as_deref(), Some("GS1"));
}

#[test]
fn filepass_truncation_and_dimensions() {
    let mut s = rec(0x0809, &[0, 6, 5, 0]);
    s.extend(rec(0x002F, &[1, 0]));
    assert_eq!(scan_stream(&s).unwrap_err().message, ENCRYPTED);
    let mut t = stream(&cell(0x0203, 1, 1, 14));
    t.truncate(t.len() - 7);
    assert!(scan_stream(&t).unwrap_err().message.contains("截断"));
    let mut dims = 0u32.to_le_bytes().to_vec();
    dims.extend(0x00FF_FFFFu32.to_le_bytes());
    dims.extend([0, 0, 255, 0, 0, 0]);
    let e = scan_stream(&stream(&rec(0x0200, &dims))).unwrap_err();
    assert!(e.message.contains("尺寸记录"), "{}", e.message);
    let mut backwards = 9u32.to_le_bytes().to_vec();
    backwards.extend(3u32.to_le_bytes());
    backwards.extend([0, 0, 1, 0, 0, 0]);
    assert!(scan_stream(&stream(&rec(0x0200, &backwards))).is_err());
    // A whole .xls sheet (formatted blanks far out) is a legitimate claim.
    let mut full = 0u32.to_le_bytes().to_vec();
    full.extend(65_536u32.to_le_bytes());
    full.extend([0, 0, 0, 1, 0, 0]);
    assert_eq!(scan_stream(&stream(&rec(0x0200, &full))), Ok(()));
}

#[test]
fn not_an_ole_container() {
    assert!(
        scan_xls(b"not ole")
            .unwrap_err()
            .message
            .contains("无法按 .xls 读取")
    );
}

#[test]
fn shared_string_copies_are_budgeted() {
    let mut sst = vec![0u8; 8];
    sst.extend(60_000u16.to_le_bytes());
    sst.push(0);
    sst.extend(vec![b'x'; 60_000]);
    let sst = rec(0x00FC, &sst);
    let labels = |n: u16| -> Vec<u8> { (0..n).flat_map(|r| cell(0x00FD, r, 0, 10)).collect() };
    assert_eq!(scan_stream(&stream_with(&sst, &labels(300))), Ok(()));
    let e = scan_stream(&stream_with(&sst, &labels(400))).unwrap_err();
    assert!(e.message.contains("文字合计"), "{}", e.message);
}
