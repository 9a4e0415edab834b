//! Same workbook bytes on every system (issue 11). rust_xlsxwriter's zip writer records the
//! system that wrote each entry in the central directory ("version made by": MS-DOS on Windows,
//! Unix elsewhere) — the only difference between summary.xlsx written on Windows and on Linux.
//! `made_by_unix` sets it to Unix in place; the external attributes are then the same too
//! (permissions << 16, no DOS bits for the plain files of a workbook).

const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const END: &[u8; 4] = b"PK\x05\x06";
const DOS: u8 = 0;
const UNIX: u8 = 3;

/// The zip with every central directory entry written "by MS-DOS" marked as written by Unix.
/// Anything unexpected (no end record, zip64, a truncated entry) leaves the bytes unchanged.
pub fn made_by_unix(mut zip: Vec<u8>) -> Vec<u8> {
    let Some(end) = (0..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip.get(i..i + 4) == Some(END))
    else {
        return zip;
    };
    let (Some(count), Some(mut at)) = (le16(&zip, end + 10), le32(&zip, end + 16)) else {
        return zip;
    };
    let mut patch = Vec::new();
    for _ in 0..count {
        if zip.get(at..at + 4) != Some(CENTRAL) {
            return zip;
        }
        let lens = [28, 30, 32].map(|o| le16(&zip, at + o));
        let [Some(a), Some(b), Some(c)] = lens else {
            return zip;
        };
        if zip.get(at + 5) == Some(&DOS) {
            patch.push(at + 5);
        }
        at += 46 + a + b + c;
    }
    for i in patch {
        zip[i] = UNIX;
    }
    zip
}

fn le16(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([s[0], s[1]])))
}

fn le32(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at + 4)?;
    usize::try_from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn archive(system: zip::System) -> Vec<u8> {
        let opts = SimpleFileOptions::default()
            .system(system)
            .unix_permissions(0o600)
            .last_modified_time(zip::DateTime::default());
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for name in ["[Content_Types].xml", "xl/workbook.xml", "xl/中文.xml"] {
            w.start_file(name, opts).unwrap();
            w.write_all(name.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_windows_zip_becomes_the_linux_bytes() {
        let (dos, unix) = (archive(zip::System::Dos), archive(zip::System::Unix));
        assert_ne!(dos, unix);
        assert_eq!(made_by_unix(dos), unix);
        assert_eq!(made_by_unix(unix.clone()), unix);
    }

    #[test]
    fn anything_else_is_left_alone() {
        for bytes in [Vec::new(), b"PK\x05\x06".to_vec(), vec![0xFF; 100]] {
            assert_eq!(made_by_unix(bytes.clone()), bytes);
        }
        let mut cut = archive(zip::System::Dos);
        cut.truncate(cut.len() - 30);
        assert_eq!(made_by_unix(cut.clone()), cut);
    }
}
