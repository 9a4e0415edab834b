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

/// What index.html needs of a period's results.json. Read typed, so that the rest of a large
/// file is skipped rather than built into a `serde_json::Value` (at 300 units × 2,000 rows that
/// took longer than writing it); a file the typed read refuses (a key of another type, a
/// repeated key) is read through a `Value` as before, with every odd value taken as absent.
#[derive(Debug, Default, Deserialize)]
struct Head {
    period_kind: Option<String>,
    title: Option<String>,
    as_of: Option<String>,
    period_end: Option<String>,
    units: Option<Vec<UnitHead>>,
}

#[derive(Debug, Deserialize)]
struct UnitHead {
    name: Option<String>,
    feedback: Option<String>,
}

impl Head {
    fn read(bytes: &[u8]) -> Option<Head> {
        if let Ok(head) = serde_json::from_slice(bytes) {
            return Some(head);
        }
        let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
        let text = |v: &serde_json::Value, k: &str| v.get(k)?.as_str().map(str::to_string);
        let units = v.get("units").and_then(|u| u.as_array()).map(|units| {
            units
                .iter()
                .map(|u| UnitHead {
                    name: text(u, "name"),
                    feedback: text(u, "feedback"),
                })
                .collect()
        });
        Some(Head {
            period_kind: text(&v, "period_kind"),
            title: text(&v, "title"),
            as_of: text(&v, "as_of"),
            period_end: text(&v, "period_end"),
            units,
        })
    }
}

impl Head {
    /// What `read` gives back from the results.json of `r`, taken from `r` itself (the period
    /// just built: its results.json, tens of MB at a city's scale, need not be parsed again).
    fn of(r: &crate::eval::Results) -> Head {
        Head {
            period_kind: text(&r.period_kind),
            title: text(&r.title),
            as_of: text(&r.as_of),
            period_end: text(&r.period_end),
            units: Some(
                r.units
                    .iter()
                    .map(|u| UnitHead {
                        name: text(&u.name),
                        feedback: text(&u.feedback),
                    })
                    .collect(),
            ),
        }
    }
}

/// A field of the results as results.json holds it, when that is a string.
fn text<T: Serialize>(x: &T) -> Option<String> {
    serde_json::to_value(x).ok()?.as_str().map(str::to_string)
}

/// The feedback pages of a period from its results.json `units` (names as the period folder
/// holds them: the same stems as `feedback::render_all`).
fn feedback_links(period: &str, units: &[UnitHead]) -> Vec<FeedbackLink> {
    let mut used = crate::eval::UniqueStems::default();
    units
        .iter()
        .filter_map(|u| {
            let name = u.name.as_deref()?;
            let page = u.feedback.as_deref().unwrap_or("");
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
    entries_with(out_root, None)
}

/// `entries`, the folder of `built` (the period just written) taken from its results in memory.
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
            let head = match built.filter(|r| r.period == name && json.is_file()) {
                Some(r) => Head::of(r),
                None => Head::read(&std::fs::read(json).ok()?)?,
            };
            let s = |v: &Option<String>| v.clone().unwrap_or_default();
            let kind = match head.period_kind.as_deref() {
                Some("year") => 2,
                Some("h2") => 1,
                _ => 0,
            };
            let units = head.units.unwrap_or_default();
            Some(IndexEntry {
                feedback: feedback_links(&name, &units),
                title: s(&head.title),
                as_of: s(&head.as_of),
                units: units.len(),
                docx: e.path().join("bulletin.docx").is_file(),
                key: (s(&head.period_end), kind, s(&head.as_of)),
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
        check: out_root.join("check.html").is_file(),
    };
    super::templates::render(&tera, "index.html", &view)
}

#[cfg(test)]
mod tests {
    use super::entries;

    fn period(root: &std::path::Path, name: &str, json: &str) {
        std::fs::create_dir_all(root.join(name)).unwrap();
        std::fs::write(root.join(name).join("results.json"), json).unwrap();
    }

    /// The typed read and the `Value` fallback (a title that is a number, a unit without a
    /// name) give what index.html always showed; a folder without valid JSON is not listed.
    #[test]
    fn entries_read_typed_or_loosely() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        period(
            root,
            "2026H1",
            r#"{"period_kind":"h1","title":"上半年","as_of":"2026-07-15","period_end":"2026-06-30",
               "units":[{"name":"甲","feedback":"feedback/甲.html","rules":{"R1":{}}},{"name":"乙"}],
               "findings":[{"code":"x"}]}"#,
        );
        period(
            root,
            "2026",
            r#"{"period_kind":"year","title":5,"as_of":"2027-01-12","period_end":"2026-12-31",
               "units":[{"name":"甲","feedback":3},{"name":1}]}"#,
        );
        period(root, "broken", "{");
        let list = entries(root);
        let periods: Vec<&str> = list.iter().map(|e| e.period.as_str()).collect();
        assert_eq!(periods, ["2026", "2026H1"]);
        let (year, h1) = (&list[0], &list[1]);
        assert_eq!((h1.title.as_str(), h1.units), ("上半年", 2));
        let links: Vec<(&str, &str)> = h1
            .feedback
            .iter()
            .map(|l| (l.unit.as_str(), l.href.as_str()))
            .collect();
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].0, "甲");
        assert!(links[0].1.starts_with("2026H1/feedback/"), "{links:?}");
        assert_eq!((year.title.as_str(), year.units), ("", 2));
        assert_eq!(year.as_of, "2027-01-12");
        assert_eq!(year.feedback.len(), 1);
    }
}
