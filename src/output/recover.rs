//! The output folder's lock and the clean-up after a killed run. `lock` takes an OS file lock
//! on `.tongbao.lock` in the output folder (a second run waits and says so; the OS releases the
//! lock when its holder exits or crashes), then restores or removes what a killed run left:
//! `.P.old` / `.P.old-*` folders (put back as `P` when `P` is missing, else deleted),
//! `.P.new-*` folders and `.index.html.*` temporary files (deleted).

use crate::oserror::{Access, explain};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The lock file's name inside the output folder (hidden; never deleted, so that every run
/// locks the same file).
pub const LOCK_FILE: &str = ".tongbao.lock";

/// Held while a run writes into an output folder; dropping it (or the process ending in any
/// way) releases the lock.
#[derive(Debug)]
pub struct OutputLock {
    _file: Option<File>,
}

/// Lock `out_root` for writing (creating it), waiting for another run if need be, then clean
/// up after killed runs. A file system without locks (some network shares) gets a warning and
/// no lock.
pub fn lock(out_root: &Path) -> anyhow::Result<OutputLock> {
    std::fs::create_dir_all(out_root).map_err(|e| {
        anyhow::anyhow!(
            "无法创建输出文件夹 {}：{}",
            out_root.display(),
            explain(&e, Access::Write)
        )
    })?;
    let path = out_root.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| {
            anyhow::anyhow!(
                "无法在输出文件夹 {} 中创建锁文件：{}",
                out_root.display(),
                explain(&e, Access::Write)
            )
        })?;
    let file = match file.try_lock() {
        Ok(()) => Some(file),
        Err(TryLockError::WouldBlock) => {
            eprintln!(
                "输出文件夹 {} 正被另一次生成使用，等它完成后再继续……",
                out_root.display()
            );
            file.lock().map_err(|e| {
                anyhow::anyhow!(
                    "无法锁定输出文件夹 {}：{}",
                    out_root.display(),
                    explain(&e, Access::Write)
                )
            })?;
            eprintln!("另一次生成已完成，继续。");
            Some(file)
        }
        Err(TryLockError::Error(e)) => {
            eprintln!(
                "警告：无法锁定输出文件夹 {}（{}）；请勿同时运行两次生成。",
                out_root.display(),
                explain(&e, Access::Write)
            );
            None
        }
    };
    super::test_pause("locked");
    for line in clean_up(out_root) {
        eprintln!("{line}");
    }
    Ok(OutputLock { _file: file })
}

/// What a leftover hidden entry of the output folder is.
#[derive(Debug, PartialEq)]
enum Leftover {
    /// `.P.old` or `.P.old-*`: a complete previous copy of period `P`.
    Old(String),
    /// `.P.new-*`: a copy being written (maybe incomplete).
    New,
    /// `.index.html.*` / `.check.html.*`: a temporary index or check page.
    TempIndex,
}

fn classify(name: &str) -> Option<Leftover> {
    let rest = name.strip_prefix('.')?;
    if rest.starts_with("index.html.") || rest.starts_with("check.html.") {
        return Some(Leftover::TempIndex);
    }
    let (period, suffix) = rest.split_once('.')?;
    // Only names this program gives its period folders (2026H1, 2026H2, 2026).
    let canonical = period
        .parse::<crate::period::Period>()
        .is_ok_and(|p| p.to_string() == period);
    if !canonical {
        return None;
    }
    if suffix == "old" || suffix.starts_with("old-") {
        Some(Leftover::Old(period.to_string()))
    } else if suffix.starts_with("new-") {
        Some(Leftover::New)
    } else {
        None
    }
}

/// Restore or remove what killed runs left in `out_root`; returns one line per action taken
/// (Chinese, for the terminal). Call only while holding the lock.
pub fn clean_up(out_root: &Path) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(out_root) else {
        return Vec::new();
    };
    let mut names: Vec<String> = dir
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    // `.P.old` sorts before `.P.old-*`: the current protocol's copy wins over an older one.
    names.sort();
    let mut lines = Vec::new();
    for name in names {
        let path = out_root.join(&name);
        let cleared = match classify(&name) {
            Some(Leftover::Old(period)) => {
                let target = out_root.join(&period);
                if !target.exists() && path.is_dir() && std::fs::rename(&path, &target).is_ok() {
                    lines.push(format!(
                        "已恢复上一次中断的生成留下的 {period}（中断前的完整结果）。"
                    ));
                    false
                } else {
                    remove(&path)
                }
            }
            Some(Leftover::New) => remove(&path),
            Some(Leftover::TempIndex) => {
                std::fs::remove_file(&path).ok();
                false
            }
            None => false,
        };
        if cleared {
            lines.push(format!("已清理上一次中断的生成留下的临时文件夹 {name}。"));
        }
    }
    lines
}

fn remove(path: &Path) -> bool {
    if path.is_dir() {
        std::fs::remove_dir_all(path).is_ok()
    } else {
        std::fs::remove_file(path).is_ok()
    }
}

/// The first file under `dir` that another program holds open so that it cannot be written
/// (Windows: Excel/WPS keep their files locked). None on systems without such locks.
pub fn open_file_in(dir: &Path) -> Option<PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&d)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if let Err(e) = std::fs::OpenOptions::new().append(true).open(&p)
                && (crate::oserror::in_use(&e) || e.kind() == std::io::ErrorKind::PermissionDenied)
            {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_recognised() {
        assert_eq!(
            classify(".2026H1.old"),
            Some(Leftover::Old("2026H1".into()))
        );
        assert_eq!(
            classify(".2026.old-AbC123"),
            Some(Leftover::Old("2026".into()))
        );
        assert_eq!(classify(".2026H2.new-x1"), Some(Leftover::New));
        assert_eq!(classify(".index.html.Xy12"), Some(Leftover::TempIndex));
        assert_eq!(classify(".check.html.Xy12"), Some(Leftover::TempIndex));
        for other in [
            LOCK_FILE,
            "2026H1",
            ".hidden",
            "..old",
            ".a b.old",
            "index.html",
        ] {
            assert_eq!(classify(other), None, "{other}");
        }
    }

    #[test]
    fn old_copy_is_restored_or_removed() {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        // Killed between the two renames: only the hidden old copy exists.
        std::fs::create_dir_all(r.join(".2026H1.old/feedback")).unwrap();
        std::fs::write(r.join(".2026H1.old/results.json"), "{}").unwrap();
        // Killed after the second rename: both exist.
        std::fs::create_dir_all(r.join("2026")).unwrap();
        std::fs::create_dir_all(r.join(".2026.old")).unwrap();
        // An older version's random name, and a half-written new copy and index.
        std::fs::create_dir_all(r.join(".2026H2.old-Ab12")).unwrap();
        std::fs::create_dir_all(r.join(".2026H2.new-Cd34/feedback")).unwrap();
        std::fs::write(r.join(".index.html.Ef56"), "x").unwrap();
        let lines = clean_up(r);
        assert_eq!(lines.len(), 4, "{lines:?}");
        let mut left: Vec<String> = std::fs::read_dir(r)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["2026", "2026H1", "2026H2"]);
        assert!(r.join("2026H1/results.json").is_file());
        assert!(clean_up(r).is_empty());
    }

    #[test]
    fn second_lock_waits_and_crashed_holder_releases() {
        let root = tempfile::tempdir().unwrap();
        let first = lock(root.path()).unwrap();
        let f = File::open(root.path().join(LOCK_FILE)).unwrap();
        assert!(matches!(f.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        assert!(f.try_lock().is_ok());
    }
}
