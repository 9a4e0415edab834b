//! How a table of `tongbao.toml` describes itself: the [`section!`] macro declares a config
//! struct and, from the same text, the list of its keys with their `///` docs ([`Key`]). That one
//! list drives the unknown-key check (`keypath.rs`) and the commented example `init` writes
//! (`example.rs`), so a key is named and documented in exactly one place: its field.
//!
//! Why a `macro_rules!` and not `schemars`: the docs are needed as plain text in key order at
//! run time, plus a way to write a value back as TOML; a 100-line macro gives both without a
//! JSON-schema detour, a new dependency or a proc-macro build (the core builds for wasm).

use crate::config::MonthDay;
use crate::model::UnitKind;
use chrono::NaiveDate;

/// One key of a config table.
#[derive(Debug)]
pub struct Key {
    /// The key as written in the file (`plan_due`).
    pub name: &'static str,
    /// The field's `///` doc, one line per doc line (each with its leading space).
    pub doc: &'static str,
    /// In the generated example, the value is written commented out (`# masthead = "…"`).
    pub commented: bool,
    pub shape: Shape,
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A value (string, number, date, list of values).
    Leaf,
    /// A table (`[a]`) with these keys.
    Table(&'static [Key]),
    /// An array of tables (`[[a]]`), each with these keys.
    Tables(&'static [Key]),
}

/// A config struct declared with [`section!`].
pub trait Section {
    /// Every key, in declaration order (the order the example writes them).
    const KEYS: &'static [Key];
    /// Write each field as TOML, its doc above it (see [`Writer`]).
    fn write_fields(&self, w: &mut Writer);
    /// Each field by key, for checks over all fields of one type (e.g. every `[scoring]` value).
    fn fields(&self) -> Vec<(&'static str, &dyn std::any::Any)>;
}

/// A type a config field may have: its shape, and how it is written back as TOML.
pub trait Item {
    const SHAPE: Shape;
    /// Write `key = value` (or a table / array of tables) at the writer's current table.
    fn write(&self, key: &'static Key, w: &mut Writer);
}

/// The commented TOML being generated. A key's doc is written above it the first time its key
/// path appears (the first `[[units]]` is documented, the others are not); a root table opens
/// with a banner made of its doc's first line.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Dotted path of the current table (`calendar`), empty at the root.
    path: String,
    /// Comment out every line written (a sample the user may switch on).
    commented: bool,
    documented: std::collections::BTreeSet<String>,
}

impl Writer {
    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn full(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A line as is (`# ` in front inside a commented sample).
    pub fn line(&mut self, text: &str) {
        if self.commented && !text.is_empty() {
            self.out.push_str("# ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Doc text as `# ` comment lines (never doubly commented).
    fn comment(&mut self, doc: &str) {
        let was = std::mem::replace(&mut self.commented, false);
        for l in doc.lines() {
            let l = l.strip_prefix(' ').unwrap_or(l).trim_end();
            self.line(&if l.is_empty() {
                "#".to_string()
            } else {
                format!("# {l}")
            });
        }
        self.commented = was;
    }

    /// `key = value` with the key's doc above; commented out when the key says so.
    pub fn leaf(&mut self, key: &'static Key, value: Option<String>) {
        let Some(value) = value else { return };
        let first = self.documented.insert(self.full(key.name));
        let mut line = format!("{} = {value}", key.name);
        if first && self.commented {
            // In a sample the user switches on by deleting each line's "# ", the doc goes at
            // the end of the line so that what is left is still valid TOML.
            let doc: Vec<&str> = key.doc.lines().map(str::trim).collect();
            line = format!("{line}  # {}", doc.join(""));
        } else if first {
            self.comment(key.doc);
        }
        let was = self.commented;
        self.commented |= key.commented;
        self.line(&line);
        self.commented = was;
    }

    /// `[key]` (or, with `array`, one `[[key]]` entry) holding `value`'s fields.
    pub fn table<T: Section>(&mut self, key: &'static Key, value: &T, array: bool) {
        let full = self.full(key.name);
        self.line("");
        if self.documented.insert(full.clone()) {
            let mut doc = key.doc;
            if self.path.is_empty() {
                let (banner, rest) = doc.split_once('\n').unwrap_or((doc, ""));
                self.line(&format!("# {:-<64} {}", "", banner.trim()));
                doc = rest;
            }
            self.comment(doc);
        }
        let was = self.commented;
        self.commented |= key.commented;
        self.line(&if array {
            format!("[[{full}]]")
        } else {
            format!("[{full}]")
        });
        let parent = std::mem::replace(&mut self.path, full);
        value.write_fields(self);
        self.path = parent;
        self.commented = was;
    }
}

/// Leaf values: their TOML text (`None`: the key is left out).
pub trait Leaf {
    fn toml(&self) -> Option<String>;
}

impl<T: Leaf> Item for T {
    const SHAPE: Shape = Shape::Leaf;
    fn write(&self, key: &'static Key, w: &mut Writer) {
        w.leaf(key, self.toml());
    }
}

/// A TOML basic string.
pub fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Leaf for String {
    fn toml(&self) -> Option<String> {
        Some(quoted(self))
    }
}
impl Leaf for u32 {
    fn toml(&self) -> Option<String> {
        Some(self.to_string())
    }
}
impl Leaf for i32 {
    fn toml(&self) -> Option<String> {
        Some(self.to_string())
    }
}
impl Leaf for bool {
    fn toml(&self) -> Option<String> {
        Some(self.to_string())
    }
}
impl Leaf for f64 {
    /// Whole numbers without a decimal point (`90`, as people write points).
    fn toml(&self) -> Option<String> {
        Some(if self.fract() == 0.0 && self.abs() < 1e15 {
            format!("{self:.0}")
        } else {
            self.to_string()
        })
    }
}
impl Leaf for NaiveDate {
    /// A TOML date, unquoted.
    fn toml(&self) -> Option<String> {
        Some(self.format("%Y-%m-%d").to_string())
    }
}
impl Leaf for MonthDay {
    fn toml(&self) -> Option<String> {
        Some(format!("\"{:02}-{:02}\"", self.month, self.day))
    }
}
impl Leaf for UnitKind {
    fn toml(&self) -> Option<String> {
        Some(quoted(self.label()))
    }
}
impl<T: Leaf> Leaf for Option<T> {
    fn toml(&self) -> Option<String> {
        self.as_ref().and_then(Leaf::toml)
    }
}
impl<T: Leaf> Leaf for Vec<T> {
    /// `[a, b]`; an empty list is written `[]`.
    fn toml(&self) -> Option<String> {
        let items: Vec<String> = self.iter().filter_map(Leaf::toml).collect();
        Some(format!("[{}]", items.join(", ")))
    }
}

/// Declares a config struct whose fields each carry a `///` doc (the user documentation: it is
/// written into the example config) and implements [`Section`] and [`Item`] for it. Per field,
/// in this order: `///` docs, optional `#[commented = true]` (the example writes it commented
/// out), optional `#[tables(T)]` (an array of tables `[[key]]` of `T`), then `#[serde(...)]`s.
macro_rules! section {
    (
        $(#[doc = $sdoc:literal])*
        $(#[derive $derive:tt])*
        $(#[serde $sattr:tt])*
        $vis:vis struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $(#[commented = $commented:literal])?
                $(#[tables($elem:ty)])?
                $(#[serde $fattr:tt])*
                $fvis:vis $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        $(#[derive $derive])*
        $(#[serde $sattr])*
        $vis struct $name {
            $(
                $(#[doc = $fdoc])*
                $(#[serde $fattr])*
                $fvis $field: $ty,
            )*
        }

        impl $crate::config::section::Section for $name {
            const KEYS: &'static [$crate::config::section::Key] = &[$(
                $crate::config::section::Key {
                    name: stringify!($field),
                    doc: concat!($($fdoc, "\n",)*),
                    commented: false $(|| $commented)?,
                    shape: $crate::config::section::section!(@shape $ty $(, $elem)?),
                },
            )*];
            fn write_fields(&self, w: &mut $crate::config::section::Writer) {
                use $crate::config::section::Shape;
                // Plain keys first, then tables: TOML reads a key after `[a.b]` as part of `a.b`.
                for leaves in [true, false] {
                    let mut keys = Self::KEYS.iter();
                    $(
                        if let Some(k) = keys.next()
                            && matches!(k.shape, Shape::Leaf) == leaves
                        {
                            $crate::config::section::section!(@write self.$field, k, w $(, $elem)?);
                        }
                    )*
                }
            }
            fn fields(&self) -> Vec<(&'static str, &dyn std::any::Any)> {
                vec![$((stringify!($field), &self.$field as &dyn std::any::Any)),*]
            }
        }

        impl $crate::config::section::Item for $name {
            const SHAPE: $crate::config::section::Shape = $crate::config::section::Shape::Table(
                <Self as $crate::config::section::Section>::KEYS,
            );
            fn write(
                &self,
                key: &'static $crate::config::section::Key,
                w: &mut $crate::config::section::Writer,
            ) {
                w.table(key, self, false);
            }
        }
    };
    (@shape $ty:ty, $elem:ty) => {
        $crate::config::section::Shape::Tables(<$elem as $crate::config::section::Section>::KEYS)
    };
    (@shape $ty:ty) => {
        <$ty as $crate::config::section::Item>::SHAPE
    };
    (@write $value:expr, $k:ident, $w:ident, $elem:ty) => {
        for entry in &$value {
            $w.table::<$elem>($k, entry, true);
        }
    };
    (@write $value:expr, $k:ident, $w:ident) => {
        $crate::config::section::Item::write(&$value, $k, $w)
    };
}
pub(crate) use section;
