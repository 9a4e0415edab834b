//! Output folder: atomic replacement, failure leaves the previous period intact, unsafe
//! paths are refused, the index lists every period newest first.

use crate::support::results::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tongbao::output::{write_index, write_period};

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn failed_write_leaves_previous_outputs() {
    let root = tempfile::tempdir().unwrap();
    let files = tongbao::report::render_all(&h1(), &cfg(), None).unwrap();
    write_period(root.path(), "2026H1", files.clone()).unwrap();
    let before = snapshot(root.path());
    assert_eq!(before.len(), files.len());

    // A new run that fails midway: `feedback` is written as a file, so feedback/… cannot be.
    let mut broken = files.clone();
    broken.insert(PathBuf::from("bulletin.html"), b"new".to_vec());
    broken.insert(PathBuf::from("feedback"), b"x".to_vec());
    assert!(write_period(root.path(), "2026H1", broken).is_err());
    assert_eq!(
        snapshot(root.path()),
        before,
        "previous outputs unchanged, temp cleaned up"
    );

    // Unsafe paths are refused before anything is written.
    for bad in [
        "../evil.html",
        "feedback/../../evil.html",
        "/tmp/evil.html",
        "a/b.html",
    ] {
        let mut f = files.clone();
        f.insert(PathBuf::from(bad), b"x".to_vec());
        assert!(write_period(root.path(), "2026H1", f).is_err(), "{bad}");
    }
    assert!(write_period(root.path(), "../x", files.clone()).is_err());
    assert_eq!(snapshot(root.path()), before);

    // A successful run replaces the folder wholesale (stale files go).
    let mut next = files.clone();
    next.remove(&PathBuf::from("bulletin.md"));
    write_period(root.path(), "2026H1", next.clone()).unwrap();
    let after = snapshot(root.path());
    assert_eq!(after.len(), next.len());
    assert!(!root.path().join("2026H1/bulletin.md").exists());
}

#[test]
fn index_lists_periods_newest_first() {
    let root = tempfile::tempdir().unwrap();
    let cfg = cfg();
    for r in [h1(), year()] {
        let files = tongbao::report::render_all(&r, &cfg, None).unwrap();
        write_period(root.path(), &r.period, files).unwrap();
    }
    let index = tongbao::report::render_index(root.path(), "厦门城市职业学院", None).unwrap();
    write_index(root.path(), &index).unwrap();
    let html = std::fs::read_to_string(root.path().join("index.html")).unwrap();
    let year_at = html.find("href=\"2026/bulletin.html\"").unwrap();
    let h1_at = html.find("href=\"2026H1/bulletin.html\"").unwrap();
    assert!(year_at < h1_at, "newest first");
    assert!(!html.contains("http"));
    let names: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "two periods and index.html, no temp files: {names:?}"
    );
}

/// A rebuild writes only what changed: an unchanged file is hard-linked to the one it replaces
/// (the same bytes, one system call), a changed one — also one edited by hand since — is
/// written anew, and the new folder is whole after the old one is deleted.
#[cfg(unix)]
#[test]
fn unchanged_files_are_linked_to_the_previous_period() {
    use std::os::unix::fs::MetadataExt;
    let root = tempfile::tempdir().unwrap();
    let files = tongbao::report::render_all(&h1(), &cfg(), None).unwrap();
    write_period(root.path(), "2026H1", files.clone()).unwrap();
    let dir = root.path().join("2026H1");
    let inode = |rel: &str| std::fs::metadata(dir.join(rel)).unwrap().ino();
    let before: BTreeMap<PathBuf, u64> = files
        .keys()
        .map(|rel| (rel.clone(), inode(rel.to_str().unwrap())))
        .collect();
    // Edited by hand after the build: its bytes no longer match what the next run makes.
    std::fs::write(dir.join("bulletin.md"), b"edited").unwrap();
    let mut next = files.clone();
    next.insert(PathBuf::from("bulletin.html"), b"changed".to_vec());
    write_period(root.path(), "2026H1", next.clone()).unwrap();
    assert_eq!(
        snapshot(&dir),
        next,
        "every file whole, the old folder gone"
    );
    for (rel, old) in &before {
        let now = inode(rel.to_str().unwrap());
        let changed = ["bulletin.html", "bulletin.md"].contains(&rel.to_str().unwrap());
        assert_eq!(now == *old, !changed, "{}", rel.display());
    }
    assert!(std::fs::metadata(dir.join("results.json")).unwrap().nlink() == 1);
}
