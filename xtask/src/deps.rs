//! `cargo xtask deps`: the module dependency graph of each crate (tongbao-core in `core/src`,
//! tongbao in `src`), read from the source text, and its cycles. Issue 9: dependencies run one
//! way (model → rules → scoring → eval → report → output); a cycle between two modules of the
//! same parent (top-level modules, or e.g. `report::sections` ↔ `report::sections2`) fails the
//! test below unless it is listed in `KNOWN_CYCLES`.
//!
//! A reference is a path starting `crate::`, `super::` or `self::` (in `use` lines, braces
//! included, and in code), resolved against the module tree of files; only the module segments
//! count. Comments and everything from a file's first `#[cfg(test)]` on are skipped (tests may
//! reach anywhere), as are files named `*tests.rs`. Items re-exported from the other crate
//! (`pub use tongbao_core::rules`) are not modules of this crate and make no edge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Cycles allowed to remain, each as its modules (sorted). Empty since issue 9: the redesign removed
/// rules↔scoring (scoring is called from the evaluation), report sections↔sections2 (report::bulletin)
/// and template help↔sheet↔validate (template::lists). Add one here only with the reason beside it.
pub const KNOWN_CYCLES: &[(&str, &[&str])] = &[];

/// The crates checked: (folder under the repository root, its root file).
pub const CRATES: &[(&str, &str)] = &[("core/src", "lib.rs"), ("src", "lib.rs")];

type Module = Vec<String>;

/// Modules (by path) and the dependency edges between siblings.
#[derive(Debug, Default)]
pub struct Graph {
    pub modules: BTreeSet<Module>,
    /// (from, to): two modules with the same parent.
    pub edges: BTreeSet<(Module, Module)>,
}

/// The graph of the crate whose sources are in `dir` (`lib.rs` is its root).
pub fn graph(dir: &Path) -> Result<Graph, String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    let mut g = Graph::default();
    for (_, m) in &files {
        for i in 1..=m.len() {
            g.modules.insert(m[..i].to_vec());
        }
    }
    for (path, m) in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for target in references(&code_of(&text)) {
            let Some(to) = resolve(m, &target, &g.modules) else {
                continue;
            };
            let common = m.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < m.len() && common < to.len() {
                g.edges
                    .insert((m[..=common].to_vec(), to[..=common].to_vec()));
            }
        }
    }
    Ok(g)
}

/// Every `.rs` file under `dir` with its module path (`a/b.rs` and `a/b/mod.rs` → [a, b]).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Module)>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out)?;
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.ends_with(".rs") || name.ends_with("tests.rs") {
            continue;
        }
        let rel = p.strip_prefix(root).unwrap_or(&p);
        let mut m: Module = rel
            .iter()
            .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if matches!(m.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            m.pop();
        }
        out.push((p.clone(), m));
    }
    Ok(())
}

/// The code of a file: comments removed, nothing from the first `#[cfg(test)]` on.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every path written from `crate`, `super` or `self`, braces expanded one level deep per
/// segment: `use crate::{a::b, c}` → `crate::a::b`, `crate::c`.
fn references(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        if starts_word {
            for head in ["crate", "super", "self"] {
                if matches_at(&bytes, i, head) && matches_at(&bytes, i + head.len(), "::") {
                    let mut prefix = vec![head.to_string()];
                    let end = path_at(&bytes, i + head.len() + 2, &mut prefix, &mut out);
                    i = end;
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

/// Reads the path after `prefix::` at `i` into `out` (several for a brace group); returns the
/// index after it.
fn path_at(
    s: &[char],
    mut i: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        if s.get(i) == Some(&'{') {
            i += 1;
            loop {
                while s.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    i += 1;
                }
                match s.get(i) {
                    None => return i,
                    Some('}') => return i + 1,
                    _ => {}
                }
                let mut inner = prefix.clone();
                let next = path_at(s, i, &mut inner, out);
                if next == i {
                    i += 1; // `*` or anything else that is not a path
                } else {
                    i = next;
                }
            }
        }
        let start = i;
        while s.get(i).is_some_and(|c| is_ident(*c)) {
            i += 1;
        }
        if i == start {
            if prefix.len() > 1 {
                out.push(prefix.clone());
            }
            return i;
        }
        prefix.push(s[start..i].iter().collect());
        if matches_at(s, i, "::") {
            i += 2;
        } else {
            out.push(prefix.clone());
            return i;
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn matches_at(s: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, c)| s.get(i + k) == Some(&c))
}

/// The module a path from the file of module `from` lands in (its longest module prefix).
fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut at: Module = Vec::new();
    let mut rest = path.iter().peekable();
    match rest.next().map(String::as_str) {
        Some("crate") => {}
        Some("self") => at.clone_from(from),
        Some("super") => {
            at.clone_from(from);
            at.pop()?;
            while rest.peek().map(|s| s.as_str()) == Some("super") {
                rest.next();
                at.pop()?;
            }
        }
        _ => return None,
    }
    for seg in rest {
        let mut next = at.clone();
        next.push(seg.clone());
        if !modules.contains(&next) {
            break;
        }
        at = next;
    }
    (!at.is_empty()).then_some(at)
}

/// The strongly connected components with more than one module (Tarjan).
pub fn cycles(g: &Graph) -> Vec<Vec<Module>> {
    let mut next: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in &g.edges {
        next.entry(a).or_default().push(b);
    }
    let mut t = Tarjan {
        next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        count: 0,
        out: Vec::new(),
    };
    for m in &g.modules {
        if !t.index.contains_key(m) {
            t.visit(m);
        }
    }
    t.out
}

struct Tarjan<'a> {
    next: BTreeMap<&'a Module, Vec<&'a Module>>,
    index: BTreeMap<&'a Module, usize>,
    low: BTreeMap<&'a Module, usize>,
    stack: Vec<&'a Module>,
    on: BTreeSet<&'a Module>,
    count: usize,
    out: Vec<Vec<Module>>,
}

impl<'a> Tarjan<'a> {
    fn visit(&mut self, v: &'a Module) {
        self.index.insert(v, self.count);
        self.low.insert(v, self.count);
        self.count += 1;
        self.stack.push(v);
        self.on.insert(v);
        for w in self.next.get(v).cloned().unwrap_or_default() {
            if !self.index.contains_key(w) {
                self.visit(w);
                let lw = self.low[w];
                let lv = self.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if self.on.contains(w) {
                let iw = self.index[w];
                let lv = self.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if self.low[v] == self.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on.remove(w);
                scc.push(w.clone());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                self.out.push(scc);
            }
        }
    }
}

/// One way round a cycle, for the message: `a → b → a`, each step naming the edge.
pub fn describe(g: &Graph, scc: &[Module]) -> String {
    let name = |m: &Module| m.join("::");
    let Some(first) = scc.first() else {
        return String::new();
    };
    let mut path = vec![first];
    let mut seen = BTreeSet::from([first]);
    while let Some(cur) = path.last().copied() {
        let step = scc.iter().find(|n| {
            g.edges.contains(&(cur.clone(), (*n).clone())) && (!seen.contains(n) || *n == first)
        });
        match step {
            Some(n) if n == first => {
                path.push(n);
                break;
            }
            Some(n) => {
                seen.insert(n);
                path.push(n);
            }
            None => break,
        }
    }
    path.iter().map(|m| name(m)).collect::<Vec<_>>().join(" → ")
}

/// `cargo xtask deps`: print each crate's cycles; Err when one is not in `KNOWN_CYCLES`.
pub fn check(root: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    for (dir, _) in CRATES {
        let g = graph(&root.join(dir))?;
        let found = cycles(&g);
        for scc in &found {
            let names: Vec<String> = scc.iter().map(|m| m.join("::")).collect();
            let known = KNOWN_CYCLES
                .iter()
                .any(|(d, k)| d == dir && *k == names.as_slice());
            let what = if known { "known cycle" } else { "CYCLE" };
            println!("{dir}: {what}: {}", describe(&g, scc));
            if !known {
                problems.push(format!("{dir}: {}", describe(&g, scc)));
            }
        }
        for (d, k) in KNOWN_CYCLES.iter().filter(|(d, _)| d == dir) {
            let still = found.iter().any(|scc| {
                scc.iter()
                    .map(|m| m.join("::"))
                    .eq(k.iter().map(|s| s.to_string()))
            });
            if !still {
                problems.push(format!(
                    "{d}: {} is no longer a cycle: remove it from KNOWN_CYCLES (xtask/src/deps.rs)",
                    k.join(" ↔ ")
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("module cycles:\n  {}", problems.join("\n  ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(code: &str) -> Vec<String> {
        references(code).iter().map(|p| p.join("::")).collect()
    }

    #[test]
    fn reads_paths_and_brace_groups() {
        assert_eq!(
            refs("use crate::{config::Config, findings::{self, Code}};\nlet x = super::a::b(1);"),
            [
                "crate::config::Config",
                "crate::findings::self",
                "crate::findings::Code",
                "super::a::b"
            ]
        );
        assert!(refs("my_crate::x; tongbao_core::rules").is_empty());
    }

    #[test]
    fn finds_a_cycle_and_says_where() {
        let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
        let mut g = Graph::default();
        for s in ["a", "b", "c", "a::x", "a::y"] {
            g.modules.insert(m(s));
        }
        for (x, y) in [("a", "b"), ("b", "a"), ("b", "c"), ("a::x", "a::y")] {
            g.edges.insert((m(x), m(y)));
        }
        let found = cycles(&g);
        assert_eq!(found, vec![vec![m("a"), m("b")]]);
        assert_eq!(describe(&g, &found[0]), "a → b → a");
    }

    #[test]
    fn resolves_super_and_stops_at_items() {
        let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
        let modules: BTreeSet<Module> = ["r", "r::a", "r::b", "s"].iter().map(|s| m(s)).collect();
        let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
        assert_eq!(
            resolve(&m("r::a"), &p("super::b::Item"), &modules),
            Some(m("r::b"))
        );
        assert_eq!(
            resolve(&m("r::a"), &p("crate::s::f"), &modules),
            Some(m("s"))
        );
        assert_eq!(resolve(&m("r"), &p("crate::nothing"), &modules), None);
    }

    /// The repository's own crates: no cycle beyond `KNOWN_CYCLES` (issue 9).
    #[test]
    fn no_module_cycles() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        if let Err(e) = check(&root) {
            panic!("{e}");
        }
    }
}
