//! The only place that writes files: a period's rendered bytes go into a temporary folder
//! beside the target, which is then swapped in (old folder renamed aside, new renamed in, old
//! deleted); index.html is replaced through a temporary file. A failure or an interruption
//! (even `kill -9`) leaves a complete period folder; the next run's [`lock`] waits for any
//! other run into the same folder and restores or removes what a killed run left
//! (`output/recover.rs`). Every I/O error is explained in Chinese (`crate::oserror`).

use crate::oserror::{Access, explain};
use anyhow::bail;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

mod recover;
pub use recover::{LOCK_FILE, OutputLock, lock};

/// A relative output path is acceptable only as a plain file name, or `feedback/<plain name>`.
pub fn check_relative(path: &Path) -> anyhow::Result<()> {
    let parts: Vec<Component> = path.components().collect();
    let plain = |c: &Component| match c {
        Component::Normal(s) => s.to_str().is_some_and(|s| {
            !s.is_empty() && !s.contains(['/', '\\', ':']) && s != "." && s != ".."
        }),
        _ => false,
    };
    let ok = match parts.as_slice() {
        [name] => plain(name),
        [dir, name] => *dir == Component::Normal("feedback".as_ref()) && plain(name),
        _ => false,
    };
    if !ok {
        bail!("拒绝写入不安全的输出路径：{}", path.display());
    }
    Ok(())
}

/// A period folder name must be a plain name too (2026H1, 2026H2, 2026).
fn check_period(period: &str) -> anyhow::Result<()> {
    if period.is_empty()
        || period.starts_with('.')
        || !period.chars().all(|c| c.is_ascii_alphanumeric())
    {
        bail!("考核期间“{period}”不能用作文件夹名");
    }
    Ok(())
}

/// Write every file under `dir`; on failure, the relative path that could not be written.
/// A file whose bytes equal those of the same file in `previous` (the folder being replaced) is
/// hard-linked to it instead: one system call instead of a new file (a rebuild in `watch`
/// changes a few pages of a thousand). Where links are not possible (FAT, some network shares)
/// the file is written.
fn write_all(
    dir: &Path,
    files: &BTreeMap<PathBuf, Vec<u8>>,
    previous: Option<&Path>,
) -> Result<(), (PathBuf, std::io::Error)> {
    use rayon::prelude::*;
    // The folders first, then the files on every core (a city's inbox has a thousand feedback
    // pages; each file's creation is a round of system calls). The first failure in path order
    // is the one reported.
    let parents: std::collections::BTreeSet<PathBuf> = files
        .keys()
        .filter_map(|rel| Some(rel.parent()?.to_path_buf()))
        .collect();
    for parent in parents {
        std::fs::create_dir_all(dir.join(&parent)).map_err(|e| (parent.clone(), e))?;
    }
    let written: Vec<Result<(), (PathBuf, std::io::Error)>> = files
        .par_iter()
        .map(|(rel, bytes)| {
            let path = dir.join(rel);
            if let Some(old) = previous.map(|p| p.join(rel))
                && same_bytes(&old, bytes)
                && std::fs::hard_link(&old, &path).is_ok()
            {
                return Ok(());
            }
            std::fs::write(&path, bytes).map_err(|e| (rel.clone(), e))
        })
        .collect();
    written.into_iter().collect()
}

/// `path` is a plain file (not a link) holding exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Write a period's files to `out_root/period`, atomically replacing what was there.
///
/// The swap (outputs.md "Atomic", Settled 4): the files go into `.P.new-*`; the current `P` is
/// renamed to `.P.old`; `.P.new-*` is renamed to `P`; `.P.old` is deleted. At every instant a
/// complete copy exists as `P` or `.P.old`; [`lock`] puts back or removes what a killed run
/// left. Callers that may run concurrently hold the [`OutputLock`].
pub fn write_period(
    out_root: &Path,
    period: &str,
    files: BTreeMap<PathBuf, Vec<u8>>,
) -> anyhow::Result<()> {
    let stage = PeriodStage::new(out_root, period)?;
    stage.write(&files)?;
    stage.commit()
}

/// A period folder being written: `.P.new-*` beside `P`, filled by `write` and `write_with`
/// (several threads at once), swapped in by `commit` as [`write_period`] describes. Dropped
/// without `commit`, it is removed and `P` is untouched.
pub struct PeriodStage {
    out_root: PathBuf,
    period: String,
    tmp: tempfile::TempDir,
}

impl PeriodStage {
    pub fn new(out_root: &Path, period: &str) -> anyhow::Result<PeriodStage> {
        check_period(period)?;
        std::fs::create_dir_all(out_root)
            .map_err(|e| io_failure(format!("无法创建输出文件夹 {}", out_root.display()), &e))?;
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{period}.new-"))
            .tempdir_in(out_root)
            .map_err(|e| {
                io_failure(
                    format!("无法在 {} 中创建临时文件夹", out_root.display()),
                    &e,
                )
            })?;
        Ok(PeriodStage {
            out_root: out_root.to_path_buf(),
            period: period.to_string(),
            tmp,
        })
    }

    /// Write `files` (relative paths, checked) into the stage.
    pub fn write(&self, files: &BTreeMap<PathBuf, Vec<u8>>) -> anyhow::Result<()> {
        for rel in files.keys() {
            check_relative(rel)?;
        }
        let previous = self.out_root.join(&self.period);
        let previous = previous.is_dir().then_some(previous.as_path());
        write_all(self.tmp.path(), files, previous).map_err(|(rel, e)| self.unwritten(&rel, &e))
    }

    /// Write the file `rel` (a plain name) through `fill`, which gets it buffered: for an
    /// output made and written piece by piece (results.json), never whole in memory.
    pub fn write_with(
        &self,
        rel: &str,
        fill: impl FnOnce(Box<dyn Write>) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let rel = Path::new(rel);
        check_relative(rel)?;
        let path = self.tmp.path().join(rel);
        std::fs::File::create(&path)
            .and_then(|f| fill(Box::new(std::io::BufWriter::with_capacity(1 << 16, f))))
            .map_err(|e| self.unwritten(rel, &e))
    }

    fn unwritten(&self, rel: &Path, e: &std::io::Error) -> anyhow::Error {
        let what = format!(
            "无法写入输出文件夹 {}（上一次的结果保持不变）：写 {} 时出错",
            self.out_root.join(&self.period).display(),
            rel.display()
        );
        io_failure(what, e)
    }

    /// Swap the stage in for `out_root/period`.
    pub fn commit(self) -> anyhow::Result<()> {
        let PeriodStage {
            out_root,
            period,
            tmp,
        } = self;
        test_pause("period-written");
        let target = out_root.join(&period);
        let old = out_root.join(format!(".{period}.old"));
        if old.exists() && target.is_dir() {
            // A leftover of a killed run (the lock's recovery normally removed it already).
            std::fs::remove_dir_all(&old).ok();
        }
        let had_old = target.exists();
        if had_old {
            std::fs::rename(&target, &old).map_err(|e| {
                let what = match recover::open_file_in(&target) {
                    Some(f) => format!(
                        "无法替换输出文件夹 {}：其中的 {} 正被其他程序打开，请先关闭它（如 Excel、WPS、浏览器）后重试；上一次的结果保持不变",
                        target.display(),
                        f.display()
                    ),
                    None => format!(
                        "无法替换输出文件夹 {}（上一次的结果保持不变）",
                        target.display()
                    ),
                };
                io_failure(what, &e)
            })?;
        }
        test_pause("old-aside");
        let new_path = tmp.keep();
        if let Err(e) = std::fs::rename(&new_path, &target) {
            // Put the previous outputs back.
            if had_old {
                std::fs::rename(&old, &target).ok();
            }
            std::fs::remove_dir_all(&new_path).ok();
            return Err(io_failure(
                format!(
                    "无法写入输出文件夹 {}（上一次的结果保持不变）",
                    target.display()
                ),
                &e,
            ));
        }
        test_pause("new-in");
        if had_old {
            // If this fails (a file held open on Windows), the next run removes it.
            std::fs::remove_dir_all(&old).ok();
        }
        Ok(())
    }
}

/// An I/O failure as one Chinese message: what could not be done, why, what to do.
fn io_failure(what: String, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("{what}：{}", explain(e, Access::Write))
}

/// Test hook: with `TONGBAO_TEST_PAUSE=point` (or `point:ms`) the process stops at `point` of
/// the swap (for ever, or `ms` milliseconds) after saying so on stderr, so that a test can kill
/// it there or start a concurrent run. Points: `locked`, `period-written`, `old-aside`,
/// `new-in`, `temp-<file name>`.
pub(crate) fn test_pause(point: &str) {
    let Ok(spec) = std::env::var("TONGBAO_TEST_PAUSE") else {
        return;
    };
    let (name, ms) = match spec.split_once(':') {
        Some((n, ms)) => (n, ms.parse::<u64>().unwrap_or(u64::MAX)),
        None => (spec.as_str(), u64::MAX),
    };
    if name == point {
        eprintln!("[test] paused at {point}");
        std::thread::sleep(std::time::Duration::from_millis(ms.min(600_000)));
    }
}

/// Replace `out_root/index.html` atomically (temporary file + rename).
pub fn write_index(out_root: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_file_atomic(out_root, "index.html", bytes)
}

/// Replace `dir/name` atomically (a temp file in `dir`, then a rename), creating `dir` if need
/// be: a reader never sees half a file. Used for index.html, the templates and `init`'s files.
pub fn write_file_atomic(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    stage_file(dir, name, bytes)?.commit()
}

/// A file written in full under a temporary name beside its target, put in place by `commit`
/// (a rename, which needs no space): `build` stages check.html before it swaps the period, so
/// a full disk fails the run before anything of the output changed. Dropped uncommitted, the
/// temporary file is removed.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    name: String,
}

/// Write `bytes` to a temporary file in `dir` (created if need be), for `Staged::commit`.
pub fn stage_file(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<Staged> {
    check_relative(Path::new(name))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| io_failure(format!("无法创建文件夹 {}", dir.display()), &e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .tempfile_in(dir)
        .map_err(|e| io_failure(format!("无法在 {} 中创建临时文件", dir.display()), &e))?;
    let target = dir.join(name);
    let failed = |e: &std::io::Error| io_failure(format!("无法写入 {}", target.display()), e);
    tmp.write_all(bytes).map_err(|e| failed(&e))?;
    tmp.as_file().sync_all().map_err(|e| failed(&e))?;
    readable_by_all(tmp.path());
    Ok(Staged {
        tmp,
        target,
        name: name.to_string(),
    })
}

impl Staged {
    /// Put the staged file in place.
    pub fn commit(self) -> anyhow::Result<()> {
        test_pause(&format!("temp-{}", self.name));
        let target = self.target;
        self.tmp
            .persist(&target)
            .map_err(|e| io_failure(format!("无法写入 {}", target.display()), &e.error))?;
        Ok(())
    }
}

/// Temp files are created 0600; a published page must be readable by the web server.
fn readable_by_all(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644));
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_checked() {
        assert!(check_relative(Path::new("bulletin.html")).is_ok());
        assert!(check_relative(Path::new("feedback/信息工程系.html")).is_ok());
        assert!(check_relative(Path::new("../x")).is_err());
        assert!(check_relative(Path::new("feedback/../../x")).is_err());
        assert!(check_relative(Path::new("/etc/passwd")).is_err());
        assert!(check_relative(Path::new("other/x.html")).is_err());
        assert!(check_relative(Path::new("feedback/a/b.html")).is_err());
    }

    #[test]
    fn atomic_write_replaces_file() {
        let dir = tempfile::tempdir().unwrap();
        write_file_atomic(dir.path(), "a.xlsx", b"one").unwrap();
        write_file_atomic(dir.path(), "a.xlsx", b"two").unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.xlsx")).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_and_keeps_old_on_failure() {
        let root = tempfile::tempdir().unwrap();
        let mut files = BTreeMap::new();
        files.insert(PathBuf::from("a.txt"), b"one".to_vec());
        write_period(root.path(), "2026H1", files).unwrap();
        // "feedback" as a file, then feedback/x.html: the second write fails midway.
        let mut bad = BTreeMap::new();
        bad.insert(PathBuf::from("a.txt"), b"two".to_vec());
        bad.insert(PathBuf::from("feedback"), b"x".to_vec());
        bad.insert(PathBuf::from("feedback/x.html"), b"y".to_vec());
        assert!(write_period(root.path(), "2026H1", bad).is_err());
        let a = std::fs::read(root.path().join("2026H1/a.txt")).unwrap();
        assert_eq!(a, b"one");
        let names: Vec<_> = std::fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary folders are cleaned up");
    }
}
