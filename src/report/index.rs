//! The archive page (index.html at the output root): every period folder built into it, read
//! from each folder's results.json, newest first.

use serde::{Deserialize, Serialize};
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

/// What the index needs of a period's results.json: a few top-level strings and each unit's name
/// and feedback page. Read with serde skipping every other key unparsed (at a city's scale a
/// results.json holds a million R13 items, which a `serde_json::Value` would all build).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Head {
    title: serde_json::Value,
    as_of: serde_json::Value,
    period_kind: serde_json::Value,
    period_end: serde_json::Value,
    units: Vec<UnitHead>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UnitHead {
    name: serde_json::Value,
    feedback: serde_json::Value,
}

impl Head {
    /// The typed read; a file of another shape (hand-edited: a unit that is not an object…)
    /// is read through a `Value`, keeping what can be used, as before.
    fn read(bytes: &[u8]) -> Option<Head> {
        if let Ok(head) = serde_json::from_slice(bytes) {
            return Some(head);
        }
        let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
        let key = |k: &str| v.get(k).cloned().unwrap_or_default();
        let unit = |u: &serde_json::Value| UnitHead {
            name: u.get("name").cloned().unwrap_or_default(),
            feedback: u.get("feedback").cloned().unwrap_or_default(),
        };
        Some(Head {
            title: key("title"),
            as_of: key("as_of"),
            period_kind: key("period_kind"),
            period_end: key("period_end"),
            units: v
                .get("units")
                .and_then(|u| u.as_array())
                .map(|units| units.iter().map(unit).collect())
                .unwrap_or_default(),
        })
    }
}

impl Head {
    /// What `read` gives back from the results.json of `r`, taken from `r` itself (a period
    /// just built: its results.json need not be parsed again).
    fn of(r: &crate::eval::Results) -> Head {
        Head {
            title: json(&r.title),
            as_of: json(&r.as_of),
            period_kind: json(&r.period_kind),
            period_end: json(&r.period_end),
            units: r
                .units
                .iter()
                .map(|u| UnitHead {
                    name: json(&u.name),
                    feedback: json(&u.feedback),
                })
                .collect(),
        }
    }
}

/// A field of the results as results.json holds it.
fn json<T: Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).unwrap_or_default()
}

/// The feedback pages of a period from its results.json `units` (names as the period folder
/// holds them: the same stems as `feedback::render_all`).
fn feedback_links(period: &str, units: &[UnitHead]) -> Vec<FeedbackLink> {
    let mut used = crate::eval::UniqueStems::default();
    units
        .iter()
        .filter_map(|u| {
            let name = u.name.as_str()?;
            let page = u.feedback.as_str().unwrap_or("");
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
}

/// Periods found under `out_root` (folders with a readable results.json), newest first:
/// latest period end, then the year report after the half-year, then as-of.
pub fn entries(out_root: &Path) -> Vec<IndexEntry> {
    entries_with(out_root, None)
}

/// `entries`, the folder of `built` (a period just written) taken from its results in memory.
fn entries_with(out_root: &Path, built: Option<&crate::eval::Results>) -> Vec<IndexEntry> {
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
            let json = e.path().join("results.json");
            let v = match built.filter(|r| r.period == name && json.is_file()) {
                Some(r) => Head::of(r),
                None => Head::read(&std::fs::read(json).ok()?)?,
            };
            let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
            let kind = match s(&v.period_kind).as_str() {
                "year" => 2,
                "h2" => 1,
                _ => 0,
            };
            Some(IndexEntry {
                feedback: feedback_links(&name, &v.units),
                title: s(&v.title),
                as_of: s(&v.as_of),
                units: v.units.len(),
                docx: e.path().join("bulletin.docx").is_file(),
                key: (s(&v.period_end), kind, s(&v.as_of)),
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
    render_index_with(out_root, school, templates, None)
}

/// `render_index` right after `built` was written under `out_root`.
pub fn render_index_with(
    out_root: &Path,
    school: &str,
    templates: Option<&Path>,
    built: Option<&crate::eval::Results>,
) -> anyhow::Result<Vec<u8>> {
    let tera = super::templates::engine(templates)?;
    let entries = entries_with(out_root, built);
    let view = IndexView {
        school,
        entries: &entries,
        css: super::templates::css(templates)?,
    };
    super::templates::render(&tera, "index.html", &view)
}
