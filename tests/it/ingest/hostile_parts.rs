//! Hostile files built in code (issue 7 "One file must never cost the run"): each yields a
//! finding naming it, the good ledger beside it is still read, nothing blocks or aborts, and
//! `tongbao check FILE` answers within 5 s.

use crate::support::books::*;
use crate::support::inbox::opts;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tongbao::findings::{Code, Severity};
use tongbao::ingest::ingest_dir;
use tongbao::model::Inbox;
use tongbao::schema;

/// Ingest `dir` on another thread: a blocked open fails the test instead of hanging it.
fn ingest(dir: &Path) -> Inbox {
    let dir = dir.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(ingest_dir(&dir, &roster(), &opts()).unwrap());
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("ingest must never block")
}

/// A folder with the good 信息工程系 ledger; `add` puts the hostile entries in it.
fn inbox_with(add: impl FnOnce(&Path)) -> (tempfile::TempDir, Inbox) {
    let dir = tmp();
    ledger("信息工程系", 2026, d(2026, 7, 3)).save(dir.path(), "信息工程系.xlsx");
    add(dir.path());
    let inbox = ingest(dir.path());
    assert!(
        inbox.ledgers.contains_key("信息工程系"),
        "{:#?}",
        inbox.findings
    );
    (dir, inbox)
}

fn messages(inbox: &Inbox, file: &str, code: Code) -> Vec<String> {
    inbox
        .findings
        .iter()
        .filter(|f| f.file.as_deref() == Some(file) && f.code == code)
        .map(|f| f.message.clone())
        .collect()
}

/// A valid 机电工程系 ledger saved as `name`, one zip entry rewritten by `f`.
fn patched(dir: &Path, name: &str, entry: &str, f: impl Fn(String) -> String) -> PathBuf {
    let p = ledger("机电工程系", 2026, d(2026, 7, 3)).save(dir, name);
    patch_entry(&p, entry, f);
    p
}

/// `n` number formats, each different (so they compress like real XML, not like a bomb).
fn formats(n: usize) -> String {
    let mut s = String::from("<numFmts>");
    for i in 0..n {
        s.push_str(&format!(
            "<numFmt numFmtId=\"{}\" formatCode=\"0.{}\"/>",
            200 + i,
            i * 7919 % 100_003
        ));
    }
    s + "</numFmts>"
}

fn names(n: usize) -> String {
    let mut s = String::from("<definedNames>");
    for i in 0..n {
        s.push_str(&format!(
            "<definedName name=\"n{i}\">封面!$A${}</definedName>",
            i * 7919 % 65_521 + 1
        ));
    }
    s + "</definedNames>"
}

#[test]
fn shared_string_count_of_four_billion_is_refused() {
    let (_d, inbox) = inbox_with(|dir| {
        patched(dir, "机电工程系.xlsx", "xl/sharedStrings.xml", |x| {
            let at = x.find("uniqueCount=\"").unwrap() + 13;
            let end = at + x[at..].find('"').unwrap();
            format!("{}4294967295{}", &x[..at], &x[end..])
        });
    });
    let m = messages(&inbox, "机电工程系.xlsx", Code::UnreadableFile);
    assert!(
        m[0].contains("4294967295") && m[0].contains("共享字符串"),
        "{m:?}"
    );
}

#[test]
fn millions_of_styles_names_or_formats_are_refused() {
    type Patch = Box<dyn Fn(String) -> String>;
    let cases: [(&str, &str, Patch, &str); 3] = [
        (
            "styles.xlsx",
            "xl/styles.xml",
            Box::new(|x: String| {
                x.replacen("<cellXfs", &format!("{}<cellXfs", formats(100_001)), 1)
            }),
            "格式",
        ),
        (
            "names.xlsx",
            "xl/workbook.xml",
            Box::new(|x: String| {
                x.replacen("</sheets>", &format!("</sheets>{}", names(10_001)), 1)
            }),
            "定义的名称",
        ),
        (
            "big.xlsx",
            "xl/styles.xml",
            Box::new(|x: String| {
                x.replacen("<cellXfs", &format!("{}<cellXfs", formats(400_000)), 1)
            }),
            "超过上限 16 MB",
        ),
    ];
    for (name, entry, f, want) in cases {
        let (_d, inbox) = inbox_with(|dir| {
            patched(dir, name, entry, f);
        });
        let m = messages(&inbox, name, Code::UnreadableFile);
        assert!(m.len() == 1 && m[0].contains(want), "{name}: {m:?}");
    }
}

#[test]
fn huge_declared_dimension_is_harmless() {
    let (_d, inbox) = inbox_with(|dir| {
        let p = ledger("机电工程系", 2026, d(2026, 7, 3)).save(dir, "机电工程系.xlsx");
        for i in 1..=7 {
            patch_entry(&p, &format!("xl/worksheets/sheet{i}.xml"), |x| {
                let at = x.find("<dimension ref=\"").unwrap() + 16;
                let end = at + x[at..].find('"').unwrap();
                format!("{}A1:XFD1048576{}", &x[..at], &x[end..])
            });
        }
    });
    assert!(
        inbox.ledgers.contains_key("机电工程系"),
        "{:#?}",
        inbox.findings
    );
}

#[test]
fn date_of_minus_1e11_is_a_bad_value_at_its_cell() {
    let (_d, inbox) = inbox_with(|dir| {
        let mut book = ledger("机电工程系", 2026, d(2026, 7, 3));
        book.rows(schema::INSPECTIONS)[2][0] = Cell::DateNum(-1e11);
        book.save(dir, "机电工程系.xlsx");
    });
    let l = &inbox.ledgers["机电工程系"];
    // Seven months were filled in: the row with the bad date has no date, the other six count.
    let dates: Vec<bool> = l
        .inspections
        .iter()
        .flatten()
        .map(|i| i.date.is_some())
        .collect();
    assert_eq!(dates, [true, false, true, true, true, true, true]);
    let bad: Vec<_> = findings_with(&inbox, Code::BadValue);
    assert_eq!(bad.len(), 1, "{bad:#?}");
    assert_eq!(at(bad[0]), (Severity::Error, schema::INSPECTIONS, "A3"));
    assert_eq!(bad[0].file.as_deref(), Some("机电工程系.xlsx"));
}

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/writers")
        .join(name);
    std::fs::read(p).unwrap()
}

/// BIFF12 records of an .xlsb part: (type, payload).
fn records(mut b: &[u8]) -> Vec<(u32, Vec<u8>)> {
    let mut out = Vec::new();
    let varint = |b: &mut &[u8], n: usize| {
        let mut v = 0u32;
        for i in 0..n {
            let x = b[0];
            *b = &b[1..];
            v |= u32::from(x & 0x7F) << (7 * i);
            if x & 0x80 == 0 {
                break;
            }
        }
        v
    };
    while !b.is_empty() {
        let t = varint(&mut b, 2);
        let l = varint(&mut b, 4) as usize;
        out.push((t, b[..l].to_vec()));
        b = &b[l..];
    }
    out
}

fn unrecords(recs: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (t, d) in recs {
        for (mut v, max) in [(*t, 2), (d.len() as u32, 4)] {
            for _ in 0..max {
                let more = if v >= 0x80 { 0x80 } else { 0 };
                out.push((v & 0x7F) as u8 | more);
                v >>= 7;
                if more == 0 {
                    break;
                }
            }
        }
        out.extend(d);
    }
    out
}

/// The SheetJS .xlsb with one worksheet part's records rewritten by `f`.
fn xlsb_with(sheet: &str, f: impl Fn(&mut Vec<(u32, Vec<u8>)>)) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(fixture("sheetjs.xlsb"))).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if name == sheet {
            let mut recs = records(&data);
            f(&mut recs);
            data = unrecords(&recs);
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap().into_inner()
}

#[test]
fn corrupt_xlsb_parts_cost_a_cell_or_a_sheet_not_the_ledger() {
    let dir = tmp();
    // A cell naming shared string #999 of none (calamine would panic): #REF! at that cell.
    let isst = xlsb_with("xl/worksheets/sheet4.bin", |recs| {
        let row = recs.iter().position(|r| r.0 == 0).unwrap();
        let mut cell = 20u32.to_le_bytes().to_vec();
        cell.extend([0, 0, 0, 0]);
        cell.extend(999u32.to_le_bytes());
        recs.insert(row + 1, (0x07, cell));
    });
    std::fs::write(dir.path().join("isst.xlsb"), isst).unwrap();
    // A worksheet part cut short in the middle of a record.
    let cut = xlsb_with("xl/worksheets/sheet4.bin", |recs| {
        let (_, d) = recs.iter_mut().rev().find(|r| r.1.len() > 8).unwrap();
        d.truncate(3);
        let keep = recs.len() - 1;
        recs.truncate(keep);
    });
    std::fs::write(dir.path().join("cut.xlsb"), cut).unwrap();
    for name in ["isst.xlsb", "cut.xlsb"] {
        let inbox =
            tongbao::ingest::ingest_paths(&[dir.path().join(name)], &no_roster(), &opts()).unwrap();
        let l = inbox.ledgers.get("基础部");
        assert!(
            l.is_some_and(|l| l.plan.is_some() && l.hazards.is_some()),
            "{name}: {:#?}",
            inbox.findings
        );
    }
}

#[cfg(unix)]
#[test]
fn special_entries_are_skipped_never_opened() {
    let (_d, inbox) = inbox_with(|dir| {
        let fifo = dir.join("x.xlsx");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(ok.success());
        std::fs::create_dir(dir.join("目录.xlsx")).unwrap();
        std::fs::create_dir(dir.join("2025")).unwrap();
        let outside = tmp();
        ledger("机电工程系", 2026, d(2026, 7, 3)).save(outside.path(), "a.xlsx");
        let outside = outside.keep();
        std::os::unix::fs::symlink(outside.join("a.xlsx"), dir.join("外部.xlsx")).unwrap();
        std::os::unix::fs::symlink(dir.join("nothing"), dir.join("失效.xlsx")).unwrap();
        std::os::unix::fs::symlink(dir.join("信息工程系.xlsx"), dir.join("内部.xlsx")).unwrap();
    });
    let skip = |f: &str| messages(&inbox, f, Code::SkippedFile).join("");
    assert!(skip("x.xlsx").contains("命名管道"));
    assert!(skip("目录.xlsx").contains("子文件夹") && skip("目录.xlsx").contains("--recursive"));
    assert!(skip("2025").contains("--recursive"));
    assert!(skip("外部.xlsx").contains("收件文件夹以外"));
    assert!(skip("失效.xlsx").contains("失效"));
    assert!(
        !inbox.ledgers.contains_key("机电工程系"),
        "a link outside is never read"
    );
    // A link to a file inside the inbox is read like the file (a second version of it).
    assert_eq!(
        messages(&inbox, "内部.xlsx", Code::SkippedFile),
        Vec::<String>::new()
    );
}

/// `tongbao check FILE` on each hostile kind: under 5 s, the file named with a finding.
#[cfg(unix)]
#[test]
fn check_answers_within_five_seconds() {
    let dir = tmp();
    let p = dir.path();
    patched(p, "sst.xlsx", "xl/sharedStrings.xml", |x| {
        x.replacen("uniqueCount=\"", "uniqueCount=\"4294967295", 1)
    });
    patched(p, "styles.xlsx", "xl/styles.xml", |x| {
        x.replacen("<cellXfs", &format!("{}<cellXfs", formats(100_001)), 1)
    });
    let mut book = ledger("机电工程系", 2026, d(2026, 7, 3));
    book.rows(schema::INSPECTIONS)[2][0] = Cell::DateNum(-1e11);
    book.save(p, "date.xlsx");
    std::process::Command::new("mkfifo")
        .arg(p.join("pipe.xlsx"))
        .status()
        .unwrap();
    let cases = [
        ("sst.xlsx", "unreadable_file"),
        ("styles.xlsx", "unreadable_file"),
        ("date.xlsx", "bad_value"),
        ("pipe.xlsx", "skipped_file"),
    ];
    for (name, code) in cases {
        let start = Instant::now();
        let out = assert_cmd::Command::cargo_bin("tongbao")
            .unwrap()
            .current_dir(p)
            .args(["check", name])
            .timeout(Duration::from_secs(5))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{name}: {:?}",
            start.elapsed()
        );
        assert!(text.contains(name) && text.contains(code), "{name}: {text}");
    }
}
