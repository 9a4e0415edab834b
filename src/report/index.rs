//! The archive page (index.html at the output root): every period folder built into it, read
//! from each folder's results.json, newest first.

use serde::Serialize;
use std::path::Path;

#[derive(Debug, Serialize, PartialEq)]
pub struct IndexEntry {
    /// Folder name (2026H1 …), also the link target.
    pub period: String,
    pub title: String,
    pub as_of: String,
    pub units: usize,
    /// bulletin.docx exists in the folder (periods built before it existed have none).
    pub docx: bool,
    /// Each unit's feedback page: name and link relative to the output root.
    pub feedback: Vec<FeedbackLink>,
    #[serde(skip)]
    key: (String, u8, String),
}

#[derive(Debug, Serialize, PartialEq)]
pub struct FeedbackLink {
    pub unit: String,
    pub href: String,
}

/// The feedback pages of a period from its results.json `units` (names as the period folder
/// holds them: the same stems as `feedback::render_all`).
fn feedback_links(period: &str, v: &serde_json::Value) -> Vec<FeedbackLink> {
    let mut used = crate::eval::UniqueStems::default();
    let units = v.get("units").and_then(|u| u.as_array());
    units
        .into_iter()
        .flatten()
        .filter_map(|u| {
            let name = u.get("name")?.as_str()?;
            let page = u.get("feedback").and_then(|f| f.as_str()).unwrap_or("");
            let stem = used.take(&super::feedback::stem_from(page, name));
            Some(FeedbackLink {
                unit: name.to_string(),
                href: super::view::href(&format!("{period}/feedback/{stem}.html")),
            })
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct IndexView<'a> {
    school: &'a str,
    entries: &'a [IndexEntry],
    css: String,
    /// check.html exists at the output root (every build writes it before the index).
    check: bool,
}

/// Periods found under `out_root` (folders with a readable results.json), newest first:
/// latest period end, then the year report after the half-year, then as-of.
pub fn entries(out_root: &Path) -> Vec<IndexEntry> {
    let Ok(dir) = std::fs::read_dir(out_root) else {
        return Vec::new();
    };
    let mut list: Vec<IndexEntry> = dir
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            if name.starts_with('.') || !e.path().is_dir() {
                return None;
            }
            let bytes = std::fs::read(e.path().join("results.json")).ok()?;
            let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let kind = match s("period_kind").as_str() {
                "year" => 2,
                "h2" => 1,
                _ => 0,
            };
            Some(IndexEntry {
                feedback: feedback_links(&name, &v),
                title: s("title"),
                as_of: s("as_of"),
                units: v
                    .get("units")
                    .and_then(|u| u.as_array())
                    .map_or(0, Vec::len),
                docx: e.path().join("bulletin.docx").is_file(),
                key: (s("period_end"), kind, s("as_of")),
                period: name,
            })
        })
        .collect();
    list.sort_by(|a, b| b.key.cmp(&a.key).then_with(|| b.period.cmp(&a.period)));
    list
}

/// index.html bytes for `out_root`.
pub fn render_index(
    out_root: &Path,
    school: &str,
    templates: Option<&Path>,
) -> anyhow::Result<Vec<u8>> {
    let tera = super::templates::engine(templates)?;
    let entries = entries(out_root);
    let view = IndexView {
        school,
        entries: &entries,
        css: super::templates::css(templates)?,
        check: out_root.join("check.html").is_file(),
    };
    super::templates::render(&tera, "index.html", &view)
}
