//! Names: normalisation (trim, full-width → half-width, case-fold, no inner spaces) and matching
//! of unit names to the roster (names and aliases) and of leader names to `cfg.leaders`.

use crate::config::Config;

/// Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their half-width form.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Trim, full-width → half-width, case-fold, remove every whitespace character: the one
/// normaliser, kept in `config` (which must not depend on ingest) and re-exported here.
pub use crate::config::normalize_name;

/// Canonical roster name for `raw`, through the name or any alias (after normalisation); a
/// bracketed note is tried without its note (`信息工程系（盖章）`).
pub fn match_unit(cfg: &Config, raw: &str) -> Option<String> {
    let find = |n: &str| {
        cfg.units
            .iter()
            .find(|u| {
                normalize_name(&u.name) == n || u.aliases.iter().any(|a| normalize_name(a) == n)
            })
            .map(|u| u.name.clone())
    };
    candidates(raw).iter().find_map(|n| find(n))
}

/// Canonical leader name for `raw`, when it is on the leader roster (`王某某（党委书记）` too).
pub fn match_leader(cfg: &Config, raw: &str) -> Option<String> {
    let find = |n: &str| {
        cfg.leaders
            .iter()
            .find(|l| normalize_name(&l.name) == n)
            .map(|l| l.name.clone())
    };
    candidates(raw).iter().find_map(|n| find(n))
}

/// The normalised name, then the name before any bracket; empty ones left out.
fn candidates(raw: &str) -> Vec<String> {
    let n = normalize_name(raw);
    let bare: String = n
        .split(['(', '[', '【', '〔'])
        .next()
        .unwrap_or("")
        .to_string();
    [n, bare].into_iter().filter(|s| !s.is_empty()).collect()
}

/// Roster units whose name or an alias occurs in `file_name` (normalised), for files that could
/// not be read (R15: 未报送（文件无法读取）). Longest match wins per unit; sorted by name.
pub fn units_in_file_name(cfg: &Config, file_name: &str) -> Vec<String> {
    let n = normalize_name(file_name);
    let mut out: Vec<String> = cfg
        .units
        .iter()
        .filter(|u| {
            std::iter::once(&u.name)
                .chain(u.aliases.iter())
                .map(|a| normalize_name(a))
                .any(|a| !a.is_empty() && n.contains(&a))
        })
        .map(|u| u.name.clone())
        .collect();
    // A short alias (信息系) inside a longer matched name is the same unit; keep the longest hits.
    let keep: Vec<String> = out
        .iter()
        .filter(|u| {
            !out.iter().any(|o| {
                o != *u && o.len() > u.len() && normalize_name(o).contains(&normalize_name(u))
            })
        })
        .cloned()
        .collect();
    out = keep;
    out.sort();
    out
}

/// Roster units closest to an unrecognised `raw` name (contract.md: shared characters, edit
/// distance), best first, at most three: those within an edit distance of half the longer name,
/// or sharing at least half of its characters. A unit's name and aliases are each tried.
pub fn closest_units(cfg: &Config, raw: &str) -> Vec<String> {
    let Some(want) = candidates(raw).pop() else {
        return Vec::new();
    };
    let want: Vec<char> = want.chars().collect();
    // (edit distance, most shared characters, roster order) → name.
    type Rank = (usize, std::cmp::Reverse<usize>, usize);
    let mut scored: Vec<(Rank, &str)> = Vec::new();
    for (order, u) in cfg.units.iter().enumerate() {
        let best = std::iter::once(&u.name)
            .chain(u.aliases.iter())
            .map(|n| normalize_name(n).chars().collect::<Vec<char>>())
            .filter(|n| !n.is_empty())
            .filter_map(|n| {
                let (dist, shared) = (edit_distance(&want, &n), shared_chars(&want, &n));
                let longer = want.len().max(n.len());
                (dist * 2 <= longer || shared * 2 >= longer).then_some((dist, shared))
            })
            .min_by_key(|&(dist, shared)| (dist, std::cmp::Reverse(shared)));
        if let Some((dist, shared)) = best {
            scored.push(((dist, std::cmp::Reverse(shared), order), &u.name));
        }
    }
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// Levenshtein distance over characters (names are short: at most a few dozen characters).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (cb, (diag, up)) in b.iter().zip(prev.iter().zip(prev.iter().skip(1))) {
            let left = cur.last().copied().unwrap_or(0);
            cur.push((diag + usize::from(ca != cb)).min(up + 1).min(left + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Characters two names have in common, counted with multiplicity.
fn shared_chars(a: &[char], b: &[char]) -> usize {
    let mut rest: Vec<char> = b.to_vec();
    a.iter()
        .filter(|c| match rest.iter().position(|r| r == *c) {
            Some(i) => {
                rest.swap_remove(i);
                true
            }
            None => false,
        })
        .count()
}

/// The `unknown_unit` message for the office (outputs.md "Settled" 3): what the name was, the
/// closest roster units, and the two ways out (worded in `diags::unknown_cover_unit`).
pub fn unknown_unit_message(raw: &str, closest: &[String]) -> String {
    super::diags::unknown_cover_unit(raw, closest).message
}

/// Split a cell naming several units (`信息工程系、机电系`) on 、，,;；/ and line breaks.
pub fn split_units(raw: &str) -> Vec<String> {
    raw.split(['、', '，', ',', ';', '；', '/', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> Config {
        let toml = r#"
[school]
name = "学校"
[[units]]
name = "信息工程系"
kind = "系部"
aliases = ["信息系", "ＩＴ 系"]
[[units]]
name = "保卫处"
kind = "部门"
[[leaders]]
name = "王某某"
"#;
        crate::config::from_toml_str(toml, std::path::Path::new(".")).unwrap()
    }

    #[test]
    fn normalises() {
        assert_eq!(normalize_name("  信息 工程系\u{3000}"), "信息工程系");
        assert_eq!(normalize_name("ＡＢＣ１２３"), "abc123");
        assert_eq!(normalize_name("Q 1"), "q1");
    }

    #[test]
    fn matches_names_and_aliases() {
        let c = cfg();
        assert_eq!(match_unit(&c, "信息工程系").as_deref(), Some("信息工程系"));
        assert_eq!(match_unit(&c, " 信息系 ").as_deref(), Some("信息工程系"));
        assert_eq!(match_unit(&c, "it系").as_deref(), Some("信息工程系"));
        assert_eq!(match_unit(&c, "机电系"), None);
        assert_eq!(match_unit(&c, ""), None);
        assert_eq!(match_leader(&c, "王 某某").as_deref(), Some("王某某"));
        assert_eq!(
            match_unit(&c, "信息系（盖章）").as_deref(),
            Some("信息工程系")
        );
        assert_eq!(
            match_leader(&c, "王某某(党委书记)").as_deref(),
            Some("王某某")
        );
        assert_eq!(match_unit(&c, "（信息系）"), None);
    }

    #[test]
    fn units_in_names() {
        let c = cfg();
        assert_eq!(
            units_in_file_name(&c, "信息系台账2026.xlsx"),
            vec!["信息工程系"]
        );
        assert!(units_in_file_name(&c, "台账.xlsx").is_empty());
    }

    #[test]
    fn closest_units_by_shared_characters_and_edit_distance() {
        let toml = r#"
[school]
name = "学校"
[[units]]
name = "信息工程系"
kind = "系部"
[[units]]
name = "经济管理系"
kind = "系部"
[[units]]
name = "机电工程系"
kind = "系部"
aliases = ["机电系"]
[[units]]
name = "保卫处"
kind = "部门"
"#;
        let c = crate::config::from_toml_str(toml, std::path::Path::new(".")).unwrap();
        assert_eq!(closest_units(&c, "经济管理学院"), ["经济管理系"]);
        assert_eq!(closest_units(&c, "机电工程学院"), ["机电工程系"]);
        assert_eq!(
            closest_units(&c, "电子工程系"),
            ["机电工程系", "信息工程系"]
        );
        assert_eq!(closest_units(&c, "机电学院"), ["机电工程系"]);
        assert_eq!(closest_units(&c, "保卫科"), ["保卫处"]);
        assert!(closest_units(&c, "图书馆").is_empty());
        assert!(closest_units(&c, "").is_empty());
        let m = unknown_unit_message("经济管理学院", &["经济管理系".into()]);
        assert!(m.contains("最接近的名册单位：“经济管理系”"), "{m}");
        assert!(m.contains("aliases 里加入“经济管理学院”"), "{m}");
        assert_eq!(edit_distance(&['a', 'b'], &['b']), 1);
        assert_eq!(shared_chars(&['a', 'a', 'b'], &['a', 'c']), 1);
    }

    #[test]
    fn splits_unit_lists() {
        assert_eq!(
            split_units("信息系、保卫处；机电系 ,"),
            vec!["信息系", "保卫处", "机电系"]
        );
    }
}
