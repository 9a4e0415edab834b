//! Outputs read back the way a reviewer looks at them: one sheet of an xlsx as text rows (for
//! snapshots), and the check that a page is self-contained (outputs.md: no external reference).

/// Sheet `sheet` of the xlsx `xlsx` as text: cells joined by " | ", rows by newlines.
pub fn grid(xlsx: &[u8], sheet: &str) -> String {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The page `what` loads nothing from outside: no URL, protocol-relative link, CSS import,
/// script, stylesheet link or image element.
pub fn assert_self_contained(html: &str, what: &str) {
    for bad in [
        "http://",
        "https://",
        "src=\"//",
        "href=\"//",
        "url(",
        "@import",
        "<script",
        "<link",
        "<img",
    ] {
        assert!(!html.contains(bad), "{what} references {bad}");
    }
}
