//! bulletin.docx: the bulletin as an editable Word/WPS document after GB/T 9704-2012
//! (outputs.md "Office formats", "Settled" 8). Rendered from the same `BulletinView` as the
//! HTML and Markdown (text unescaped; XML-escaped here), written as plain WordprocessingML
//! parts in a zip with fixed timestamps and a fixed part order, so identical inputs give
//! identical bytes. Charts are left out: the tables beside them carry the same figures.

mod body;
mod parts;
mod xml;

use crate::config::Config;
use crate::eval::Results;
use std::io::Write as _;
use zip::write::SimpleFileOptions;

/// bulletin.docx bytes for one period.
pub fn render(results: &Results, cfg: &Config) -> anyhow::Result<Vec<u8>> {
    let plain = |s: &str| s.to_string();
    let view = super::bulletin::bulletin_view(results, cfg, &plain, false, String::new());
    let document = body::document(&view, cfg.masthead());
    package(&[
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        (
            "docProps/core.xml",
            parts::core(&view.title, &view.issuer, results.as_of),
        ),
        ("docProps/app.xml", parts::app()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        ("word/footer1.xml", parts::footer(true)),
        ("word/footer2.xml", parts::footer(false)),
    ])
}

/// Zip the parts in the given order, every entry dated 1980-01-01 (the zip epoch), deflated.
fn package(files: &[(&str, String)]) -> anyhow::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in files {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    // Same bytes on Windows and Linux (the zip "made by" system byte; see crate::zipfix).
    Ok(crate::zipfix::made_by_unix(zip.finish()?.into_inner()))
}
