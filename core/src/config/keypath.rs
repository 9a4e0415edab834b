//! A walker that rejects unknown keys of `tongbao.toml` with a suggestion (the known keys come
//! from the documented tables, `section.rs`), and span → (key path, line) lookups so that every
//! config error names its key and line.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::messages;
use super::section::{Key, Section, Shape};
use Shape::{Leaf, Table, Tables};

/// The keys of the whole file, from the `///`-documented tables.
const ROOT: &[Key] = super::tables::RawConfig::KEYS;

/// One step of a key path: a key, or a 0-based index into an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A key path for people: `[rules] plan_due`, `[[units]] 第2项 kind`, `[[calendar.year]] 第1项 year`.
pub fn path_text(path: &[Seg]) -> String {
    let mut head = String::new();
    let mut keys: Vec<&str> = Vec::new();
    let mut i = 0;
    // The table header: as many leading keys as name tables (`[a]`) or arrays of tables
    // followed by an index (`[[a.b]] 第n项`).
    while let Some(Seg::Key(k)) = path.get(i) {
        let mut cand = keys.clone();
        cand.push(k.as_str());
        match (shape_of(&cand), path.get(i + 1)) {
            (Some(Tables(_)), Some(Seg::Index(n))) => {
                head = format!("[[{}]] {}", cand.join("."), messages::nth_entry(*n));
                i += 2;
            }
            (Some(Table(_)), _) => {
                head = format!("[{}]", cand.join("."));
                i += 1;
            }
            _ => break,
        }
        keys = cand;
    }
    let tail: Vec<String> = path
        .iter()
        .skip(i)
        .map(|s| match s {
            Seg::Key(k) => k.clone(),
            Seg::Index(n) => messages::nth_value(*n),
        })
        .collect();
    let mut parts = Vec::new();
    if !head.is_empty() {
        parts.push(head);
    }
    parts.extend(tail);
    parts.join(" ")
}

fn shape_of(keys: &[&str]) -> Option<Shape> {
    let mut table = ROOT;
    let mut shape = None;
    for k in keys {
        let s = table.iter().find(|key| key.name == *k)?.shape;
        shape = Some(s);
        match s {
            Table(t) | Tables(t) => table = t,
            Leaf => table = &[],
        }
    }
    shape
}

/// An unknown key found by [`check_unknown`].
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub path: Vec<Seg>,
    /// Byte offset of the key in the text.
    pub offset: usize,
    /// The nearest known key of the same table, when close enough.
    pub suggestion: Option<&'static str>,
    /// Every known key of that table.
    pub known: Vec<&'static str>,
    /// The table where a key of this name belongs, when it is known elsewhere (`[bulletin]`).
    pub home: Option<String>,
}

/// The table(s) holding a key named `name`, written as in the file (`[school]`, `[[units]]`).
fn home_of(name: &str) -> Option<String> {
    fn find(table: &[Key], prefix: &str, name: &str) -> Option<String> {
        for Key { name: k, shape, .. } in table {
            let full = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            match shape {
                Table(t) | Tables(t) if t.iter().any(|key| key.name == name) => {
                    return Some(match shape {
                        Tables(_) => format!("[[{full}]]"),
                        _ => format!("[{full}]"),
                    });
                }
                Table(t) | Tables(t) => {
                    if let Some(h) = find(t, &full, name) {
                        return Some(h);
                    }
                }
                Leaf => {}
            }
        }
        None
    }
    find(ROOT, "", name)
}

/// The first unknown key in document order, if any.
pub fn check_unknown(root: &DeTable<'_>) -> Option<Unknown> {
    let mut found = Vec::new();
    walk_table(root, ROOT, &mut Vec::new(), &mut found);
    found.into_iter().min_by_key(|u| u.offset)
}

fn walk_table(
    t: &DeTable<'_>,
    known: &'static [Key],
    path: &mut Vec<Seg>,
    found: &mut Vec<Unknown>,
) {
    for (k, v) in t {
        let name: &str = k.get_ref();
        path.push(Seg::Key(name.to_string()));
        match known
            .iter()
            .find(|key| key.name == name)
            .map(|key| key.shape)
        {
            None => {
                let names: Vec<&'static str> = known.iter().map(|key| key.name).collect();
                found.push(Unknown {
                    path: path.clone(),
                    offset: k.span().start,
                    suggestion: nearest(name, &names),
                    known: names,
                    home: home_of(name),
                });
            }
            Some(Table(inner)) => {
                if let DeValue::Table(t) = v.get_ref() {
                    walk_table(t, inner, path, found);
                }
            }
            Some(Tables(inner)) => {
                if let DeValue::Array(a) = v.get_ref() {
                    for (i, item) in a.iter().enumerate() {
                        if let DeValue::Table(t) = item.get_ref() {
                            path.push(Seg::Index(i));
                            walk_table(t, inner, path, found);
                            path.pop();
                        }
                    }
                }
            }
            Some(Leaf) => {}
        }
        path.pop();
    }
}

/// The known key closest to `name` by edit distance, when the distance is small.
pub fn nearest(name: &str, known: &[&'static str]) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let (best, dist) = known
        .iter()
        .map(|k| (*k, edit_distance(&lower, k)))
        .min_by_key(|(_, d)| *d)?;
    let limit = (best.chars().count() / 3).max(2);
    (dist <= limit).then_some(best)
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // cur[j + 1] = min(prev[j] + cost, prev[j + 1] + 1, cur[j] + 1)
        let mut cur = Vec::with_capacity(prev.len());
        let mut left = i + 1;
        cur.push(left);
        for ((cb, diag), up) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            let cost = usize::from(ca != *cb);
            left = (diag + cost).min(up + 1).min(left + 1);
            cur.push(left);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The deepest key path whose key or value span contains `offset`. (A table's span covers
/// only its header, so every branch is searched.)
pub fn path_at(root: &DeTable<'_>, offset: usize) -> Vec<Seg> {
    let mut best = Vec::new();
    search_table(root, offset, &mut Vec::new(), &mut best);
    best
}

fn contains(s: std::ops::Range<usize>, offset: usize) -> bool {
    s.start <= offset && offset < s.end.max(s.start + 1)
}

fn search_table(t: &DeTable<'_>, offset: usize, path: &mut Vec<Seg>, best: &mut Vec<Seg>) {
    for (k, v) in t {
        path.push(Seg::Key(k.get_ref().to_string()));
        if (contains(k.span(), offset) || contains(v.span(), offset)) && path.len() > best.len() {
            *best = path.clone();
        }
        search_value(v, offset, path, best);
        path.pop();
    }
}

fn search_value(v: &Spanned<DeValue<'_>>, offset: usize, path: &mut Vec<Seg>, best: &mut Vec<Seg>) {
    match v.get_ref() {
        DeValue::Table(t) => search_table(t, offset, path, best),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                if contains(item.span(), offset) && path.len() > best.len() {
                    *best = path.clone();
                }
                search_value(item, offset, path, best);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The span of the value at `path` (key path into the document).
pub fn span_of(root: &DeTable<'_>, path: &[Seg]) -> Option<std::ops::Range<usize>> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let (key, v) = root.iter().find(|(key, _)| key.get_ref() == k)?;
    let mut cur = v;
    let mut span = key.span();
    for seg in rest {
        match (seg, cur.get_ref()) {
            (Seg::Key(k), DeValue::Table(t)) => {
                let (key, v) = t.iter().find(|(key, _)| key.get_ref() == k)?;
                span = key.span();
                cur = v;
            }
            (Seg::Index(i), DeValue::Array(a)) => {
                cur = a.get(*i)?;
                span = cur.span();
            }
            _ => return None,
        }
    }
    Some(span)
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Seg {
        Seg::Key(s.into())
    }

    #[test]
    fn paths_read_like_the_file() {
        assert_eq!(path_text(&[k("rules"), k("plan_due")]), "[rules] plan_due");
        assert_eq!(
            path_text(&[k("units"), Seg::Index(1), k("kind")]),
            "[[units]] 第2项 kind"
        );
        assert_eq!(
            path_text(&[k("calendar"), k("year"), Seg::Index(0), k("holidays")]),
            "[[calendar.year]] 第1项 holidays"
        );
        assert_eq!(
            path_text(&[k("rules"), k("inspection_exempt_months"), Seg::Index(2)]),
            "[rules] inspection_exempt_months 第3个值"
        );
        assert_eq!(path_text(&[k("school")]), "[school]");
        assert_eq!(path_text(&[k("foo")]), "foo");
        assert_eq!(path_text(&[k("units"), Seg::Index(0)]), "[[units]] 第1项");
    }

    #[test]
    fn misplaced_keys_find_their_table() {
        assert_eq!(home_of("doc_prefix").as_deref(), Some("[school]"));
        assert_eq!(home_of("cc").as_deref(), Some("[bulletin]"));
        assert_eq!(
            home_of("makeup_workdays").as_deref(),
            Some("[[calendar.year]]")
        );
        assert_eq!(home_of("nothing"), None);
    }

    #[test]
    fn suggestions_are_near() {
        assert_eq!(edit_distance("plan_du", "plan_due"), 1);
        assert_eq!(nearest("plan_du", &["plan_due", "cc"]), Some("plan_due"));
        assert_eq!(nearest("zzzzzzzz", &["plan_due", "cc"]), None);
    }
}
