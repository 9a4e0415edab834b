//! A zip bomb (hundreds of MB of sheet XML compressed small) among good files: it yields one
//! `unreadable_file` finding, the other files are still read, and peak memory stays small.
//! In the `memory` binary, one test at a time, so that VmHWM measures this ingest only.

use crate::support::books::*;
use crate::{reset_hwm, vm_hwm_kib};
use std::io::Read;
use tongbao::findings::{Code, Severity};

/// 86 bytes of sheet XML; 86 divides 258 (the longest deflate match), so matches at distance 86
/// continue the pattern exactly.
const PATTERN: &str =
    "<row><c t=\"inlineStr\"><is><t>bombbombbombbombbombbombbombbombbombbo</t></is></c></row>";

/// LSB-first bit writer for a raw deflate stream.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn bits(&mut self, v: u32, len: u32) {
        for i in 0..len {
            self.acc |= u64::from((v >> i) & 1) << self.n;
            self.n += 1;
            if self.n == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.n = 0;
            }
        }
    }
    /// Huffman codes go MSB-first.
    fn code(&mut self, v: u32, len: u32) {
        for i in (0..len).rev() {
            self.bits((v >> i) & 1, 1);
        }
    }
    fn align(&mut self) {
        if self.n > 0 {
            self.bits(0, 8 - self.n);
        }
    }
}

fn stored(last: bool, data: &[u8]) -> Vec<u8> {
    let mut v = vec![u8::from(last)];
    let len = data.len() as u16;
    v.extend(len.to_le_bytes());
    v.extend((!len).to_le_bytes());
    v.extend(data);
    v
}

/// One byte-aligned deflate unit: a fixed-Huffman block of `n` matches (length 258, distance 86)
/// and an empty stored block (sync flush). Identical bytes every time: 258·n output bytes.
fn unit(n: usize) -> Vec<u8> {
    let mut b = Bits::default();
    b.bits(0, 1); // BFINAL
    b.bits(1, 2); // BTYPE = fixed Huffman
    for _ in 0..n {
        b.code(0b1100_0101, 8); // length code 285 = 258
        b.code(12, 5); // distance code 12 = 65..96
        b.bits(86 - 65, 5);
    }
    b.code(0, 7); // end of block (256)
    b.bits(0, 3); // empty stored block
    b.align();
    b.out.extend([0, 0, 0xFF, 0xFF]);
    b.out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Write a zip by hand: `(name, method, crc, packed, unpacked size)`; method 0 = stored, 8 = deflate.
fn write_zip(path: &std::path::Path, entries: &[(String, u16, u32, Vec<u8>, u64)]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, crc, data, size) in entries {
        let offset = out.len() as u32;
        let head = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((*size as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(head(0x0403_4b50, false));
        out.extend(data);
        central.extend(head(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// A ledger whose 隐患排查 sheet XML is about `mb` MB of repeated rows, deflated by hand (a real
/// deflate stream, ~120:1). Its CRC is left 0: the file must be refused before anything inflates it.
fn write_bomb(path: &std::path::Path, mb: usize, declared: Option<u64>) {
    let good = ledger("机电工程系", 2026, d(2026, 7, 3)).to_bytes();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut entries = Vec::new();
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        if name == "xl/worksheets/sheet4.xml" {
            let head = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{PATTERN}"
            );
            let tail = "</sheetData></worksheet>";
            let u = unit(1000);
            let reps = (mb << 20) / (258 * 1000);
            let mut packed = stored(false, head.as_bytes());
            for _ in 0..reps {
                packed.extend(&u);
            }
            packed.extend(stored(true, tail.as_bytes()));
            let size = (head.len() + reps * 258 * 1000 + tail.len()) as u64;
            entries.push((name, 8, 0, packed, declared.unwrap_or(size)));
        } else {
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            let (crc, size) = (crc32(&data), data.len() as u64);
            entries.push((name, 0, crc, data, size));
        }
    }
    write_zip(path, &entries);
}

/// The bomb is a real deflate stream: its first MB inflates to the repeated sheet rows.
fn assert_inflates(path: &std::path::Path) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut e = z.by_name("xl/worksheets/sheet4.xml").unwrap();
    let mut buf = vec![0u8; 1 << 20];
    e.read_exact(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf);
    assert!(
        text.matches(PATTERN).count() > 12_000,
        "not a repeating stream: {}",
        &text[..400]
    );
}

#[test]
fn zip_bomb_is_refused_with_small_peak_memory() {
    let _alone = crate::alone();
    let dir = tmp();
    let bomb = dir.path().join("机电工程系.xlsx");
    write_bomb(&bomb, 300, None);
    let packed = std::fs::metadata(&bomb).unwrap().len();
    assert!(packed < 5 << 20, "bomb should compress small: {packed}");
    assert_inflates(&bomb);
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    ledger("学生处", 2026, d(2026, 7, 3))
        .cell(tongbao::schema::INSPECTIONS, 1_048_575, 16_383, "x")
        .save(dir.path(), "学生处.xlsx");
    reset_hwm();
    let before = vm_hwm_kib();
    let inbox = crate::support::inbox::ingest_2026(dir.path());
    let after = vm_hwm_kib();
    eprintln!(
        "bomb {packed} bytes packed (+ sparse XFD1048576 + good ledger); VmHWM reset to {before} KiB before ingest, {after} KiB after"
    );
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some("机电工程系.xlsx"))
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", inbox.findings);
    assert_eq!(
        (f[0].severity, f[0].code),
        (Severity::Error, Code::UnreadableFile)
    );
    assert!(f[0].message.contains("压缩炸弹"), "{}", f[0].message);
    assert_eq!(
        inbox.unreadable_by_unit["机电工程系"],
        vec!["机电工程系.xlsx"]
    );
    assert!(inbox.ledgers.contains_key("信息工程系"));
    // The sparse sheet (a value in XFD1048576) is read up to its bounds, with a finding.
    let sparse: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some("学生处.xlsx"))
        .collect();
    assert_eq!(sparse.len(), 1);
    assert_eq!(sparse[0].cell.as_deref(), Some("XFD1048576"));
    assert!(inbox.ledgers.contains_key("学生处"));
    assert!(after < 150 * 1024, "peak RSS {after} KiB");
}

#[test]
fn bomb_lying_about_its_size_is_refused() {
    let _alone = crate::alone();
    let dir = tmp();
    let bomb = dir.path().join("机电工程系.xlsx");
    write_bomb(&bomb, 50, Some(4096));
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    let inbox = crate::support::inbox::ingest_2026(dir.path());
    let f: Vec<_> = inbox
        .findings
        .iter()
        .filter(|f| f.code == Code::UnreadableFile)
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", inbox.findings);
    assert!(f[0].message.contains("超过声明大小"), "{}", f[0].message);
    assert!(inbox.ledgers.contains_key("信息工程系"));
}
