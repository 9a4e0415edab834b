//! The only place that writes files: a period's rendered bytes go into a temporary folder
//! beside the target, which is then swapped in (old folder renamed aside, new renamed in, old
//! deleted); index.html is replaced through a temporary file. A failure or an interruption
//! leaves the previous outputs intact.

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

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

fn in_use_hint(e: &std::io::Error) -> &'static str {
    // Windows: ERROR_SHARING_VIOLATION (32) / access denied while Excel holds a file open.
    if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(32) {
        "，请先关闭已打开的 summary.xlsx（或其他输出文件）后重试"
    } else {
        ""
    }
}

fn write_all(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> anyhow::Result<()> {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("无法创建文件夹 {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
    }
    Ok(())
}

/// Write a period's files to `out_root/period`, atomically replacing what was there.
pub fn write_period(
    out_root: &Path,
    period: &str,
    files: BTreeMap<PathBuf, Vec<u8>>,
) -> anyhow::Result<()> {
    check_period(period)?;
    for rel in files.keys() {
        check_relative(rel)?;
    }
    std::fs::create_dir_all(out_root)
        .with_context(|| format!("无法创建输出文件夹 {}", out_root.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{period}.new-"))
        .tempdir_in(out_root)
        .with_context(|| format!("无法在 {} 中创建临时文件夹", out_root.display()))?;
    // On error the TempDir is dropped and removed; the target is untouched.
    write_all(tmp.path(), &files)?;
    let target = out_root.join(period);
    let old = if target.exists() {
        let aside = tempfile::Builder::new()
            .prefix(&format!(".{period}.old-"))
            .tempdir_in(out_root)
            .context("无法创建临时文件夹")?
            .keep();
        // rename onto an existing empty directory works on Unix; remove it first for Windows.
        std::fs::remove_dir(&aside).ok();
        std::fs::rename(&target, &aside).map_err(|e| {
            anyhow::anyhow!(
                "无法替换输出文件夹 {}：{e}{}",
                target.display(),
                in_use_hint(&e)
            )
        })?;
        Some(aside)
    } else {
        None
    };
    let new_path = tmp.keep();
    if let Err(e) = std::fs::rename(&new_path, &target) {
        // Put the previous outputs back.
        if let Some(old) = &old {
            std::fs::rename(old, &target).ok();
        }
        std::fs::remove_dir_all(&new_path).ok();
        bail!(
            "无法写入输出文件夹 {}：{e}{}",
            target.display(),
            in_use_hint(&e)
        );
    }
    if let Some(old) = old {
        std::fs::remove_dir_all(&old).ok();
    }
    Ok(())
}

/// Replace `out_root/index.html` atomically (temporary file + rename).
pub fn write_index(out_root: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_file_atomic(out_root, "index.html", bytes)
}

/// Replace `dir/name` atomically (a temp file in `dir`, then a rename), creating `dir` if need
/// be: a reader never sees half a file. Used for index.html, the templates and `init`'s files.
pub fn write_file_atomic(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    check_relative(Path::new(name))?;
    std::fs::create_dir_all(dir).with_context(|| format!("无法创建文件夹 {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .tempfile_in(dir)
        .with_context(|| format!("无法在 {} 中创建临时文件", dir.display()))?;
    tmp.write_all(bytes).context("无法写入临时文件")?;
    tmp.as_file().sync_all().ok();
    readable_by_all(tmp.path());
    let target = dir.join(name);
    tmp.persist(&target).map_err(|e| {
        let hint = if in_use_hint(&e.error).is_empty() {
            String::new()
        } else {
            format!("，请先在 Excel/WPS 等程序中关闭 {name} 后重试")
        };
        anyhow::anyhow!("无法写入 {}：{}{hint}", target.display(), e.error)
    })?;
    Ok(())
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
