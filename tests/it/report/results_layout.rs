//! results.json layout (outputs.md "Settled" 7): only whitespace differs from the pretty JSON
//! it replaced — the same bytes once whitespace outside strings is removed, so the same keys in
//! the same order and the same values written the same way (`0.0` stays `0.0`) — and one unit,
//! leader, finding or input per line.

use crate::support::results::{h1, year};
use chrono::NaiveDate;
use tongbao::eval::Results;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// What results.json was before: `serde_json::to_vec_pretty` of the sorted `Value`.
fn pretty(r: &Results) -> Vec<u8> {
    let v = serde_json::to_value(r).unwrap();
    let mut out = serde_json::to_vec_pretty(&v).unwrap();
    out.push(b'\n');
    out
}

/// The bytes with every space, tab and line break outside string literals removed.
fn squeeze(json: &[u8]) -> Vec<u8> {
    let (mut in_str, mut escaped) = (false, false);
    let mut out = Vec::with_capacity(json.len());
    for &b in json {
        if in_str {
            out.push(b);
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
        } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            in_str = b == b'"';
            out.push(b);
        }
    }
    out
}

fn cases() -> Vec<(&'static str, Results)> {
    let sample = |p, as_of| crate::support::books::sample(p, as_of, Some(12)).1;
    vec![
        ("fixture H1", h1()),
        ("fixture year", year()),
        ("sample H1", sample("2026H1", d(2026, 7, 15))),
        ("sample year", sample("2026", d(2027, 1, 12))),
    ]
}

#[test]
fn only_whitespace_differs_from_pretty() {
    for (name, r) in cases() {
        let (new, old) = (r.to_json(), pretty(&r));
        assert_eq!(squeeze(&new), squeeze(&old), "{name}");
        let parsed = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).unwrap();
        assert_eq!(parsed(&new), parsed(&old), "{name}");
        // Whitespace is what the pretty file mostly was: the new one is well under ¾ of it.
        assert!(
            new.len() * 4 < old.len() * 3,
            "{name}: {} vs {}",
            new.len(),
            old.len()
        );
    }
}

#[test]
fn one_unit_leader_finding_per_line() {
    for (name, r) in cases() {
        let text = String::from_utf8(r.to_json()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!((lines[0], lines[lines.len() - 1]), ("{", "}"), "{name}");
        // Each entry of a top-level array or object is a complete JSON value on its line.
        let entries: Vec<serde_json::Value> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("    "))
            .map(|l| {
                let l = l.strip_suffix(',').unwrap_or(l);
                let l = l.split_once("\": ").map_or(l, |(_, value)| value);
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}"))
            })
            .collect();
        for key in ["units", "leaders", "findings", "inputs"] {
            for item in v[key].as_array().unwrap() {
                assert!(
                    entries.contains(item),
                    "{name}: {key} entry not on one line"
                );
            }
        }
        // Top-level keys one per line, in order.
        let top: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("  \"")?.split_once('"').map(|(k, _)| k))
            .collect();
        let want: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(top, want, "{name}");
    }
}

/// A sink the test can read back after `write_json` took it.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn streamed_to_disk_as_built_in_memory() {
    // `build` streams results.json (`write_json`, fields given in key order by hand); every
    // field of `Results` must come out where `to_json`'s sorting puts it.
    for (name, r) in cases() {
        let sink = Shared::default();
        r.write_json(Box::new(sink.clone())).unwrap();
        let streamed = sink.0.lock().unwrap().clone();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(r.to_json()).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn kept_lines_give_the_same_bytes() {
    // `watch` writes an unchanged unit's line from the last build: the file is the same as a
    // fresh one, after no change, after a unit's result changed, and for another inbox.
    use tongbao::results::{KeptLines, Results};
    let mut kept: (KeptLines, Option<Results>) = Default::default();
    let write = |r: &Results, kept: &mut (KeptLines, Option<Results>)| {
        let sink = Shared::default();
        let same = kept
            .1
            .as_ref()
            .map(|b| tongbao::results::unchanged_units(b, r))
            .unwrap_or_default();
        r.write_json_keeping(Box::new(sink.clone()), &mut kept.0, &same)
            .unwrap();
        kept.1 = Some(r.clone());
        let bytes = sink.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    };
    for (name, r) in cases() {
        let fresh = String::from_utf8(r.to_json()).unwrap();
        assert_eq!(write(&r, &mut kept), fresh, "{name}: first");
        assert_eq!(write(&r, &mut kept), fresh, "{name}: again");
        let mut changed = r.clone();
        if let Some(u) = changed.units.first_mut() {
            u.score = Some(12.5);
            u.suggestions.push("改过".into());
        }
        let fresh = String::from_utf8(changed.to_json()).unwrap();
        assert_eq!(
            write(&changed, &mut kept),
            fresh,
            "{name}: one unit changed"
        );
        let n = changed.units.len();
        for u in &mut changed.units {
            u.rank = n + 1 - u.rank;
        }
        let fresh = String::from_utf8(changed.to_json()).unwrap();
        assert_eq!(write(&changed, &mut kept), fresh, "{name}: ranks moved");
        assert_eq!(write(&changed, &mut kept), fresh, "{name}: kept again");
    }
}
