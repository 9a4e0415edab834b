//! Windows details that Linux can check (issue 11): a 按语.md saved by Notepad (\r\n line ends,
//! byte-order mark) gives the same bulletin as one saved with \n.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tongbao");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn build(work: &Path) -> (String, String, serde_json::Value) {
    let out = Command::new(BIN)
        .args(["--config", "tongbao.toml", "build", "--period", "2026H1"])
        .args(["--as-of", "2026-07-15", "--out", "public"])
        .current_dir(work)
        .env("TONGBAO_NO_PROGRESS", "1")
        .output()
        .unwrap();
    crate::support::work_folder::ok(&out);
    let read = |f: &str| std::fs::read_to_string(work.join("public/2026H1").join(f)).unwrap();
    let results = serde_json::from_str(&read("results.json")).unwrap();
    (read("bulletin.md"), read("bulletin.html"), results)
}

#[test]
fn notepad_line_ends_in_the_prose_change_nothing() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let tmp = tempfile::tempdir().unwrap();
    let (unix, windows) = (tmp.path().join("lf"), tmp.path().join("crlf"));
    copy_dir(&sample, &unix);
    copy_dir(&sample, &windows);
    let prose = windows.join("inbox/2026/按语.md");
    let text = std::fs::read_to_string(&prose).unwrap();
    assert!(text.contains('\n') && !text.contains('\r'));
    std::fs::write(&prose, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    let (md_lf, html_lf, json_lf) = build(&unix);
    let (md_crlf, html_crlf, json_crlf) = build(&windows);
    assert!(!md_crlf.contains('\r'));
    assert_eq!(md_lf, md_crlf);
    assert_eq!(html_lf, html_crlf);
    assert_eq!(json_lf["prose"], json_crlf["prose"]);
    assert!(json_lf["prose"].as_str().is_some_and(|p| !p.is_empty()));
}
