//! Sample data generator: `cargo run --example gen_sample -- sample-data` writes the sample
//! inbox (`sample-data/inbox/2026/`) of 厦门城市职业学院 from `sample-data/tongbao.toml`: one
//! ledger per unit (one unit missing), the central register, a lock file, a .docx and 按语.md,
//! with the designed mistakes listed in `sample-data/EXPECTED.md`. Byte-deterministic: running it
//! again gives identical files.

mod content;
mod ledgers;
mod register;

use std::path::{Path, PathBuf};
use tongbao::output::write_file_atomic;

/// One file to write into the inbox.
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn main() -> anyhow::Result<()> {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("sample-data"));
    let cfg = tongbao::config::load(&root.join("tongbao.toml"))?;
    let inbox = root.join("inbox").join("2026");
    std::fs::create_dir_all(&inbox)?;
    let mut files = ledgers::all(&cfg)?;
    files.extend(register::register(&cfg)?);
    files.extend(extras());
    clear_old(&inbox, &files)?;
    for f in &files {
        write_file_atomic(&inbox, &f.name, &f.bytes)?;
        println!("{}", inbox.join(&f.name).display());
    }
    Ok(())
}

/// Remove files of an earlier run that this run no longer writes.
fn clear_old(inbox: &Path, files: &[OutFile]) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(inbox)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type()?.is_file() && !files.iter().any(|f| f.name == name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The lock file, the notice .docx (both skipped) and the staff prose.
fn extras() -> Vec<OutFile> {
    // An Excel owner file is 165 bytes: a length byte, the user name, padding.
    let mut lock = vec![5u8];
    lock.extend_from_slice(b"admin");
    lock.resize(165, 0x20);
    let docx = b"PK\x03\x04 (not a real document: the program skips .docx files)\n".to_vec();
    vec![
        OutFile {
            name: "~$信息工程系.xlsx".into(),
            bytes: lock,
        },
        OutFile {
            name: "关于报送2026年安全工作台账的通知.docx".into(),
            bytes: docx,
        },
        OutFile {
            name: "按语.md".into(),
            bytes: include_str!("prose.md").as_bytes().to_vec(),
        },
    ]
}
