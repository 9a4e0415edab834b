//! File type by content, not extension (crates.md pitfall 2): zip (xlsx/xlsm/xlsb/ods, or a Word
//! file renamed), OLE (xls, WPS .et, or an encrypted OOXML package), PDF, empty, other.
//! Each mismatch becomes a Chinese reason saying what the file really is and what to do.

/// Lower-case extension of a file name, without the dot.
pub fn ext(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Empty,
    Zip,
    Ole,
    /// An OLE container holding an encrypted OOXML package (EncryptionInfo/EncryptedPackage).
    Encrypted,
    Pdf,
    Other,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        Sniffed::Empty
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        ole_kind(bytes)
    } else if bytes.starts_with(b"%PDF") {
        Sniffed::Pdf
    } else {
        Sniffed::Other
    }
}

/// An encrypted OOXML package is an OLE container with EncryptionInfo/EncryptedPackage streams:
/// ask the container's directory; only a container `cfb` cannot open falls back to searching the
/// bytes for those names (a genuine .xls may contain the text "EncryptionInfo" in a cell).
fn ole_kind(bytes: &[u8]) -> Sniffed {
    let streams = std::panic::catch_unwind(|| {
        let cf = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
        Some(cf.is_stream("/EncryptionInfo") || cf.is_stream("/EncryptedPackage"))
    });
    let encrypted = match streams {
        Ok(Some(named)) => named,
        _ => contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage"),
    };
    if encrypted {
        Sniffed::Encrypted
    } else {
        Sniffed::Ole
    }
}

/// OLE directory entries store stream names in UTF-16LE.
fn contains_utf16(hay: &[u8], needle: &str) -> bool {
    let pat: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    hay.windows(pat.len()).any(|w| w == pat.as_slice())
}

/// The spreadsheet format to open a file with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

use super::reasons;
pub use super::reasons::ENCRYPTED;

/// Decide the format from content and extension (lower-case, without dot), or a reason why the
/// file cannot be read. `zip_names` lists the zip's entries when the content is a zip.
pub fn format_for(kind: Sniffed, ext: &str, zip_names: &[String]) -> Result<Format, String> {
    match kind {
        Sniffed::Empty => Err(reasons::EMPTY.into()),
        Sniffed::Encrypted => Err(ENCRYPTED.into()),
        Sniffed::Pdf => Err(reasons::pdf(ext)),
        Sniffed::Other => Err(reasons::unrecognised(ext)),
        Sniffed::Ole if ext == "xls" => Ok(Format::Xls),
        Sniffed::Ole => Err(reasons::ole_not_xls(ext)),
        Sniffed::Zip => zip_format(ext, zip_names),
    }
}

fn zip_format(ext: &str, names: &[String]) -> Result<Format, String> {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        Ok(Format::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if has("content.xml") && has("mimetype") {
        Ok(Format::Ods)
    } else if has("word/document.xml") {
        Err(reasons::docx(ext))
    } else if has("ppt/presentation.xml") {
        Err(reasons::pptx(ext))
    } else {
        Err(reasons::ZIP_NOT_SPREADSHEET.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_magic() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
        assert_eq!(sniff(b"%PDF-1.7"), Sniffed::Pdf);
        assert_eq!(sniff(b"hello"), Sniffed::Other);
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert_eq!(sniff(&ole), Sniffed::Ole);
        ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&ole), Sniffed::Encrypted);
    }

    fn container(stream: &str, data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let c = std::io::Cursor::new(Vec::new());
        let mut cf = cfb::CompoundFile::create_with_version(cfb::Version::V3, c).unwrap();
        cf.create_stream(stream).unwrap().write_all(data).unwrap();
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    }

    #[test]
    fn encryption_by_stream_name_not_by_text() {
        let text: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff(&container("/Workbook", &text)), Sniffed::Ole);
        assert_eq!(
            sniff(&container("/EncryptionInfo", b"x")),
            Sniffed::Encrypted
        );
    }

    #[test]
    fn formats() {
        assert_eq!(format_for(Sniffed::Ole, "xls", &[]), Ok(Format::Xls));
        assert!(
            format_for(Sniffed::Ole, "xlsx", &[])
                .unwrap_err()
                .contains(".xls")
        );
        let names = vec!["xl/workbook.xml".to_string()];
        assert_eq!(format_for(Sniffed::Zip, "xls", &names), Ok(Format::Xlsx));
        let doc = vec!["word/document.xml".to_string()];
        assert!(
            format_for(Sniffed::Zip, "xlsx", &doc)
                .unwrap_err()
                .contains("Word")
        );
    }
}
