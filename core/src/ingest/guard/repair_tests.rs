use super::*;

fn rec(typ: u32, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    put_record(&mut v, typ, data).unwrap();
    v
}

#[test]
fn varints_round_trip() {
    for n in [0u32, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 1_000_000] {
        let mut v = Vec::new();
        put_varint(&mut v, n).unwrap();
        assert_eq!(varint(&mut v.as_slice(), 4), Some(n));
    }
}

#[test]
fn short_cells_get_their_column() {
    // Row header; a full BrtCellSt at column 2; two BrtShortSt; a BrtShortIsst past the table.
    let mut sheet = rec(0x00, &[5, 0, 0, 0]);
    let st = |c: Option<u32>, s: &str| {
        let mut d = c.map(|c| c.to_le_bytes().to_vec()).unwrap_or_default();
        d.extend([0, 0, 0, 0]);
        d.extend((s.len() as u32).to_le_bytes());
        d.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        d
    };
    sheet.extend(rec(0x06, &st(Some(2), "a")));
    sheet.extend(rec(0x11, &st(None, "b")));
    sheet.extend(rec(0x11, &st(None, "c")));
    sheet.extend(rec(0x12, &[0, 0, 0, 0, 9, 0, 0, 0]));
    let mut out = Vec::new();
    short_cells(&mut sheet.as_slice(), &mut out, 3).unwrap();
    let mut r = out.as_slice();
    let mut got = Vec::new();
    while let Some((t, d)) = record(&mut r) {
        got.push((t, u32_at(&d, 0).unwrap()));
    }
    assert_eq!(
        got,
        vec![(0x00, 5), (0x06, 2), (0x06, 3), (0x06, 4), (0x03, 5)]
    );
}

#[test]
fn fat_padded_to_what_it_describes() {
    let mut h = vec![0u8; 512 * 3];
    h[30] = 9; // 512-byte sectors
    h[44] = 1; // one FAT sector: 128 entries
    let out = pad_fat(&h).unwrap();
    assert_eq!(out.len(), 129 * 512);
    assert_eq!(pad_fat(&out), None);
    h[44] = 0xFF; // a FAT describing far more than an .xls may hold is left alone
    h[45] = 0xFF;
    assert_eq!(pad_fat(&h), None);
}

#[test]
fn ods_whitespace_between_cells_dropped() {
    let xml = "<table:table-row>\n  <table:table-cell office:value-type=\"string\"><text:p> a b </text:p></table:table-cell>\n</table:table-row>";
    let mut out = Vec::new();
    trim_ods(&mut xml.as_bytes(), &mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p> a b </text:p></table:table-cell></table:table-row>"
    );
}
