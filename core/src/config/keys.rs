//! The known keys of `tongbao.toml`, a walker that rejects unknown keys with a suggestion, and
//! span → (key path, line) lookups so that every config error names its key and line.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What a key holds.
#[derive(Clone, Copy)]
enum Shape {
    /// A value (string, number, date, list of values).
    Leaf,
    /// A table with these keys.
    Table(&'static [(&'static str, Shape)]),
    /// An array of tables (`[[...]]`), each with these keys.
    Tables(&'static [(&'static str, Shape)]),
}

use Shape::{Leaf, Table, Tables};

const SCHOOL: &[(&str, Shape)] = &[
    ("name", Leaf),
    ("issuer", Leaf),
    ("doc_prefix", Leaf),
    ("masthead", Leaf),
];
const UNIT: &[(&str, Shape)] = &[
    ("name", Leaf),
    ("kind", Leaf),
    ("aliases", Leaf),
    ("principal", Leaf),
];
const LEADER: &[(&str, Shape)] = &[("name", Leaf), ("title", Leaf)];
const SEMESTER: &[(&str, Shape)] = &[("name", Leaf), ("start", Leaf), ("end", Leaf)];
const CAL_YEAR: &[(&str, Shape)] = &[
    ("year", Leaf),
    ("holidays", Leaf),
    ("makeup_workdays", Leaf),
    ("source", Leaf),
];
const CALENDAR: &[(&str, Shape)] = &[
    ("extra_holidays", Leaf),
    ("extra_workdays", Leaf),
    ("year", Tables(CAL_YEAR)),
];
const RULES: &[(&str, Shape)] = &[
    ("plan_due", Leaf),
    ("submission_due_h1", Leaf),
    ("submission_due_h2", Leaf),
    ("quarterly_report_grace_days", Leaf),
    ("rectification_working_days", Leaf),
    ("frequent_accident_threshold", Leaf),
    ("major_accident_control_target", Leaf),
    ("inspection_exempt_months", Leaf),
];
const BULLETIN: &[(&str, Shape)] = &[
    ("cc", Leaf),
    ("printed_by", Leaf),
    ("rectification_working_days", Leaf),
];
const SUGGESTIONS: &[(&str, Shape)] = &[
    ("interview_at", Leaf),
    ("criticism_on_missing_report", Leaf),
    ("heavier_on_overdue_hazard", Leaf),
    ("replace_head_on_refusal", Leaf),
];
const GRADES: &[(&str, Shape)] = &[("excellent", Leaf), ("good", Leaf), ("pass", Leaf)];
const SCORING: &[(&str, Shape)] = &[
    ("plan", Leaf),
    ("meetings", Leaf),
    ("principal_study", Leaf),
    ("inspections", Leaf),
    ("quarterly_reports", Leaf),
    ("duty_report", Leaf),
    ("rectification_reports", Leaf),
    ("listed_hazards", Leaf),
    ("accidents", Leaf),
    ("hazard_rectification", Leaf),
];
const ROOT: &[(&str, Shape)] = &[
    ("school", Table(SCHOOL)),
    ("units", Tables(UNIT)),
    ("leaders", Tables(LEADER)),
    ("semesters", Tables(SEMESTER)),
    ("calendar", Table(CALENDAR)),
    ("rules", Table(RULES)),
    ("bulletin", Table(BULLETIN)),
    ("suggestions", Table(SUGGESTIONS)),
    ("grades", Table(GRADES)),
    ("scoring", Table(SCORING)),
];

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
                head = format!("[[{}]] 第{}项", cand.join("."), n + 1);
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
    let tail: Vec<String> = path[i..]
        .iter()
        .map(|s| match s {
            Seg::Key(k) => k.clone(),
            Seg::Index(n) => format!("第{}个值", n + 1),
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
        let s = table.iter().find(|(n, _)| n == k)?.1;
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
    fn find(table: &[(&'static str, Shape)], prefix: &str, name: &str) -> Option<String> {
        for (k, shape) in table {
            let full = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            match shape {
                Table(t) | Tables(t) if t.iter().any(|(n, _)| *n == name) => {
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
    known: &'static [(&'static str, Shape)],
    path: &mut Vec<Seg>,
    found: &mut Vec<Unknown>,
) {
    for (k, v) in t {
        let name: &str = k.get_ref();
        path.push(Seg::Key(name.to_string()));
        match known.iter().find(|(n, _)| *n == name) {
            None => {
                let names: Vec<&'static str> = known.iter().map(|(n, _)| *n).collect();
                found.push(Unknown {
                    path: path.clone(),
                    offset: k.span().start,
                    suggestion: nearest(name, &names),
                    known: names,
                    home: home_of(name),
                });
            }
            Some((_, Table(inner))) => {
                if let DeValue::Table(t) = v.get_ref() {
                    walk_table(t, inner, path, found);
                }
            }
            Some((_, Tables(inner))) => {
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
            Some((_, Leaf)) => {}
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
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
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
