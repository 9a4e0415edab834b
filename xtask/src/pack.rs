//! Reproducible archives: the files of a package, a zip (Windows) and a tar.gz (Linux), and
//! `SHA256SUMS`. Same inputs → same bytes: entries sorted by path, directories listed, fixed
//! modes and owners, one timestamp for everything.

use crate::Result;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// A file inside the package folder (`/`-separated path relative to it).
#[derive(Clone)]
pub struct Entry {
    pub path: String,
    pub data: Vec<u8>,
    pub executable: bool,
}

impl Entry {
    pub fn exe(path: &str, data: Vec<u8>) -> Self {
        Entry {
            path: path.to_string(),
            data,
            executable: true,
        }
    }
    fn file(path: String, data: Vec<u8>) -> Self {
        Entry {
            path,
            data,
            executable: false,
        }
    }
}

/// `version = "…"` of the `[package]` in the root Cargo.toml.
pub fn package_version(root: &Path) -> Result<String> {
    let text = read(&root.join("Cargo.toml"))?;
    let text = String::from_utf8_lossy(&text);
    let package = text.split("[package]").nth(1).unwrap_or("");
    package
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_string())
        .ok_or_else(|| "no version in Cargo.toml [package]".to_string())
}

/// Seconds since 1970 for every entry: `SOURCE_DATE_EPOCH`, else the last commit's time, else
/// 2026-01-01.
pub fn source_date(root: &Path) -> i64 {
    let from_env = std::env::var("SOURCE_DATE_EPOCH").ok();
    let from_git = || {
        std::process::Command::new("git")
            .current_dir(root)
            .args(["log", "-1", "--format=%ct"])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    from_env
        .or_else(from_git)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_767_225_600)
}

/// What every package holds besides the binary: the guide, LICENSE, the sample as `示例/`.
pub fn common_files(root: &Path, guide_html: String) -> Result<Vec<Entry>> {
    let mut files = vec![
        Entry::file("使用说明.html".into(), guide_html.into_bytes()),
        Entry::file("LICENSE".into(), read(&root.join("LICENSE"))?),
    ];
    collect(&root.join("sample-data"), "示例", &mut files)?;
    Ok(files)
}

/// Every file under `dir` as `prefix/…`, except the maintainers' EXPECTED.md.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<Entry>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in rd {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let inside = format!("{prefix}/{name}");
        if path.is_dir() {
            collect(&path, &inside, out)?;
        } else if name != "EXPECTED.md" {
            out.push(Entry::file(inside, read(&path)?));
        }
    }
    Ok(())
}

/// Files sorted by path, each preceded by its not yet listed parent folders (`a/`, `a/b/`).
fn ordered<'a>(top: &str, files: &'a [Entry]) -> Vec<(String, Option<&'a Entry>)> {
    let mut sorted: Vec<&Entry> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out: Vec<(String, Option<&Entry>)> = vec![(format!("{top}/"), None)];
    for f in sorted {
        let parts: Vec<&str> = f.path.split('/').collect();
        for i in 1..parts.len() {
            let dir = format!("{top}/{}/", parts[..i].join("/"));
            if !out.iter().any(|(p, _)| *p == dir) {
                out.push((dir, None));
            }
        }
        out.push((format!("{top}/{}", f.path), Some(f)));
    }
    out
}

pub fn zip(top: &str, files: &[Entry], mtime: i64) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let (y, mo, d, h, mi, s) = civil(mtime);
    let when = zip::DateTime::from_date_and_time(y, mo, d, h, mi, s)
        .map_err(|e| format!("zip time: {e}"))?;
    let base = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let err = |e: zip::result::ZipError| format!("zip: {e}");
    for (path, entry) in ordered(top, files) {
        match entry {
            None => w
                .add_directory(path, base.unix_permissions(0o755))
                .map_err(err)?,
            Some(f) => {
                let mode = if f.executable { 0o755 } else { 0o644 };
                w.start_file(path, base.unix_permissions(mode))
                    .map_err(err)?;
                w.write_all(&f.data).map_err(|e| format!("zip: {e}"))?;
            }
        }
    }
    Ok(w.finish().map_err(err)?.into_inner())
}

pub fn tar_gz(top: &str, files: &[Entry], mtime: i64) -> Result<Vec<u8>> {
    let gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    let mut b = tar::Builder::new(gz);
    let err = |e: std::io::Error| format!("tar: {e}");
    for (path, entry) in ordered(top, files) {
        let mut h = tar::Header::new_gnu();
        h.set_mtime(mtime.max(0) as u64);
        h.set_uid(0);
        h.set_gid(0);
        let (data, mode, kind): (&[u8], u32, _) = match entry {
            None => (&[], 0o755, tar::EntryType::Directory),
            Some(f) if f.executable => (&f.data, 0o755, tar::EntryType::Regular),
            Some(f) => (&f.data, 0o644, tar::EntryType::Regular),
        };
        h.set_mode(mode);
        h.set_entry_type(kind);
        h.set_size(data.len() as u64);
        b.append_data(&mut h, path.trim_end_matches('/'), data)
            .map_err(err)?;
    }
    let gz = b.into_inner().map_err(err)?;
    gz.finish().map_err(err)
}

/// `SHA256SUMS` for every package in `dist/` (sorted, `sha256sum -c` format).
pub fn write_sums(dist: &Path) -> Result<()> {
    let rd = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".zip") || n.ends_with(".tar.gz"))
        .collect();
    names.sort();
    let mut sums = String::new();
    for n in names {
        let digest = Sha256::digest(read(&dist.join(&n))?);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        sums.push_str(&format!("{hex}  {n}\n"));
    }
    write(&dist.join("SHA256SUMS"), sums.as_bytes())
}

/// Write through a temporary file, so a failed run never leaves half a package.
pub fn write(path: &Path, data: &[u8]) -> Result<()> {
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, data).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A PE executable with its COFF TimeDateStamp set to `t` and the optional header's CheckSum
/// recomputed (so two strips of one build are the same bytes). Not a PE: unchanged.
pub fn pe_timestamp(mut exe: Vec<u8>, t: i64) -> Vec<u8> {
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    let Some(pe) = u32_at(&exe, 0x3C) else {
        return exe;
    };
    if exe.get(pe..pe + 4) != Some(b"PE\0\0") || exe.len() < pe + 24 + 68 {
        return exe;
    }
    let stamp = u32::try_from(t.max(0)).unwrap_or(u32::MAX).to_le_bytes();
    exe[pe + 8..pe + 12].copy_from_slice(&stamp);
    let sum_at = pe + 24 + 64;
    exe[sum_at..sum_at + 4].copy_from_slice(&[0; 4]);
    let mut sum: u64 = 0;
    for (i, pair) in exe.chunks(2).enumerate() {
        if i * 2 >= sum_at && i * 2 < sum_at + 4 {
            continue;
        }
        let word = u64::from(pair[0]) | (u64::from(*pair.get(1).unwrap_or(&0)) << 8);
        sum += word;
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    let sum = ((sum & 0xFFFF) + (sum >> 16)) as u32 + exe.len() as u32;
    exe[sum_at..sum_at + 4].copy_from_slice(&sum.to_le_bytes());
    exe
}

/// UTC calendar time of a Unix timestamp (zip wants local fields; we store UTC), clamped to
/// the zip range 1980–2107.
fn civil(t: i64) -> (u16, u8, u8, u8, u8, u8) {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Howard Hinnant's days → civil date.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    if y < 1980 {
        return (1980, 1, 1, 0, 0, 0);
    }
    let y = y.min(2107) as u16;
    let (h, mi, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    (y, m as u8, d as u8, h as u8, mi as u8, s as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pe_stamp_and_checksum_are_fixed() {
        let mut exe = vec![0u8; 0x200];
        exe[0x3C] = 0x80;
        exe[0x80..0x84].copy_from_slice(b"PE\0\0");
        exe[0x88] = 0x55; // a build-time stamp
        let a = pe_timestamp(exe.clone(), 1_767_225_600);
        exe[0x88] = 0x66;
        exe[0xD8] = 0x77; // and a checksum over it
        assert_eq!(pe_timestamp(exe, 1_767_225_600), a);
        assert_eq!(&a[0x88..0x8C], &1_767_225_600u32.to_le_bytes());
        assert_ne!(&a[0xD8..0xDC], &[0; 4]);
        assert_eq!(pe_timestamp(b"MZ".to_vec(), 0), b"MZ");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1980, 1, 1, 0, 0, 0));
        assert_eq!(civil(1_767_225_600), (2026, 1, 1, 0, 0, 0));
        assert_eq!(civil(1_782_908_130), (2026, 7, 1, 12, 15, 30));
    }

    #[test]
    fn archives_are_reproducible_and_list_folders() {
        let files = vec![
            Entry::file("示例/inbox/2026/a.xlsx".into(), b"x".to_vec()),
            Entry::exe("tongbao", b"bin".to_vec()),
        ];
        let paths: Vec<String> = ordered("p", &files).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "p/",
                "p/tongbao",
                "p/示例/",
                "p/示例/inbox/",
                "p/示例/inbox/2026/",
                "p/示例/inbox/2026/a.xlsx"
            ]
        );
        let mut rev = files.clone();
        rev.reverse();
        assert_eq!(zip("p", &files, 0).unwrap(), zip("p", &rev, 0).unwrap());
        assert_eq!(
            tar_gz("p", &files, 0).unwrap(),
            tar_gz("p", &rev, 0).unwrap()
        );
        assert_ne!(
            zip("p", &files, 0).unwrap(),
            zip("p", &files, 1 << 30).unwrap()
        );
    }
}
