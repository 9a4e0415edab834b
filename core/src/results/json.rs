//! The layout of results.json: the top level and the level below it one entry per line, all
//! deeper values compact. Only whitespace differs from `serde_json::to_vec_pretty` (outputs.md
//! "Settled" 7): a unit, a leader, a finding or an input is one line, so the file stays a small
//! fraction of the pretty size and still reads (and diffs, and greps) line by line.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// Containers nested this deep or less put each entry on its own line; deeper ones are compact.
const LINE_DEPTH: usize = 2;

/// A `serde_json` formatter: pretty (two-space indent) down to `LINE_DEPTH`, compact below.
#[derive(Debug, Default)]
pub struct LinesFormatter {
    /// Containers open around the current position (the root object is 1).
    depth: usize,
    /// Whether the innermost open container has an entry yet.
    has_value: bool,
}

impl LinesFormatter {
    fn lined(&self) -> bool {
        self.depth <= LINE_DEPTH
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_add(1);
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let lined = self.lined();
        self.depth = self.depth.saturating_sub(1);
        if lined && self.has_value {
            self.newline(w)?;
        }
        // The enclosing container (if any) has at least this entry.
        self.has_value = true;
        w.write_all(bracket)
    }

    /// A line break indented to the current depth.
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn entry<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.lined() {
            self.newline(w)?;
        }
        Ok(())
    }
}

impl Formatter for LinesFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.lined() {
            w.write_all(b": ")
        } else {
            CompactFormatter.begin_object_value(w)
        }
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` as results.json lays it out, with a trailing newline.
pub fn to_lines<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, LinesFormatter::default());
    value.serialize(&mut ser)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::to_lines;
    use serde_json::{Value, json};

    fn text(v: &Value) -> String {
        String::from_utf8(to_lines(v).unwrap()).unwrap()
    }

    #[test]
    fn top_two_levels_one_entry_per_line_deeper_compact() {
        let v = json!({
            "units": [{"name": "信息工程系", "rules": {"R4": {"items": [], "status": "met"}}},
                      {"name": "b", "score": 0.0}],
            "summary": {"missing": ["a", "b"], "roster": 2},
            "findings": [],
            "notes": {},
            "prose": null,
            "year": 2026
        });
        let want = r#"{
  "findings": [],
  "notes": {},
  "prose": null,
  "summary": {
    "missing": ["a","b"],
    "roster": 2
  },
  "units": [
    {"name":"信息工程系","rules":{"R4":{"items":[],"status":"met"}}},
    {"name":"b","score":0.0}
  ],
  "year": 2026
}
"#;
        assert_eq!(text(&v), want);
        let back: Value = serde_json::from_str(want).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn scalars_and_empty_roots() {
        assert_eq!(text(&json!({})), "{}\n");
        assert_eq!(text(&json!([])), "[]\n");
        assert_eq!(text(&json!("a\"\n")), "\"a\\\"\\n\"\n");
        assert_eq!(
            text(&json!([[1, [2]], 3])),
            "[\n  [\n    1,\n    [2]\n  ],\n  3\n]\n"
        );
    }

    /// Keys are sorted because `serde_json::Map` is a BTreeMap; enabling serde_json's
    /// `preserve_order` feature anywhere in the build would silently break that.
    #[test]
    fn value_maps_sort_their_keys() {
        let mut m = serde_json::Map::new();
        m.insert("b".into(), Value::Null);
        m.insert("a".into(), Value::Null);
        assert_eq!(m.keys().next().map(String::as_str), Some("a"));
    }
}
