//! results.json bytes, written straight from the typed `Results` (no `serde_json::Value` in
//! between: building and freeing one cost more than a second at 300 ledgers × 2,000 rows).
//!
//! Keys are sorted as a `Value` sorts them (byte order of the key text, the last of equal keys
//! kept): the fields of each struct or map are written one after the other into the output, then
//! that stretch is rewritten in key order. Scalars are written by `serde_json` itself, so numbers
//! and strings are exactly what `serde_json` writes (`0.0` stays `0.0`).
//!
//! Layout (only whitespace differs from `serde_json::to_vec_pretty`, outputs.md "Settled" 7):
//! the top level and the level below it one entry per line (two-space indent), all deeper values
//! compact — a unit, a leader, a finding or an input is one line, so the file stays a small
//! fraction of the pretty size and still reads, diffs and greps line by line.

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::Error;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// Containers nested this deep or less put each entry on its own line; deeper ones are compact.
const LINE_DEPTH: usize = 2;

/// `value` as results.json lays it out, keys sorted, with a trailing newline.
pub fn to_lines<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut w = Writer::default();
    value.serialize(&mut w)?;
    w.out.push(b'\n');
    Ok(w.out)
}

/// `to_lines` written to `sink` as it goes, for a root object whose fields come in key order
/// (checked: a field out of order is an error). The output holds one top-level value, or one
/// line of a top-level array, at a time — results.json at a city's scale is never in memory
/// whole. The bytes are `to_lines`'s.
pub fn to_writer_in_order<T: Serialize + ?Sized>(
    value: &T,
    sink: Box<dyn std::io::Write>,
) -> Result<(), Error> {
    let mut w = Writer {
        sink: Some(sink),
        ..Writer::default()
    };
    value.serialize(&mut w)?;
    w.out.push(b'\n');
    w.flush()?;
    match w.sink.take() {
        Some(mut sink) => sink.flush().map_err(Error::io),
        None => Ok(()),
    }
}

/// The elements of a top-level array of the streamed root (`to_writer_in_order`), each line
/// written on whichever core is free, `LINES_AT_ONCE` at a time, then put in order: the same
/// bytes as the slice itself gives, in a fraction of the time at a city's scale (300 units are
/// 40 MB of results.json). Only for this writer: another serializer would see strings.
pub struct Lines<'a, T> {
    pub items: &'a [T],
    /// A line already made for an element (`watch` keeps the last build's): written as it is.
    pub reuse: Option<&'a Reuse<'a, T>>,
    /// Where every line made (not reused) goes, with its element's index, when it is to be
    /// kept.
    pub made: Option<&'a Mutex<Vec<(usize, String)>>>,
}

impl<'a, T> Lines<'a, T> {
    pub fn new(items: &'a [T]) -> Self {
        Lines {
            items,
            reuse: None,
            made: None,
        }
    }
}

/// Gives the kept line of an element (by its index and itself), if there is one: pieces
/// written one after another, so a line kept in two halves around a value that moved (a
/// unit's rank) is written without being copied whole.
pub type Reuse<'a, T> = dyn Fn(usize, &T) -> Option<Vec<Arc<str>>> + Sync + 'a;

/// Lines in memory at once (a unit's line is about 140 kB at 2,000 rows).
const LINES_AT_ONCE: usize = 32;

/// The newtype name that marks finished output (`Lines`).
const RAW: &str = "$tongbao::json::raw";

/// A line made now or one kept from before.
enum Line {
    Made(Vec<u8>),
    Kept(Vec<Arc<str>>),
}

impl<T: Serialize + Sync> Serialize for Lines<'_, T> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use ser::{Error as _, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        let one = |(i, v): (usize, &T)| match self.reuse.and_then(|f| f(i, v)) {
            Some(kept) => Ok(Line::Kept(kept)),
            None => line(v).map(Line::Made),
        };
        for (c, chunk) in self.items.chunks(LINES_AT_ONCE).enumerate() {
            let first = c.saturating_mul(LINES_AT_ONCE);
            for (i, made) in (first..).zip(lines(first, chunk, &one)) {
                match made.map_err(S::Error::custom)? {
                    Line::Kept(pieces) => seq.serialize_element(&Raw(&pieces))?,
                    Line::Made(bytes) => {
                        let text = String::from_utf8(bytes).map_err(S::Error::custom)?;
                        seq.serialize_element(&Raw(&[text.as_str()]))?;
                        if let Some(made) = self.made
                            && let Ok(mut made) = made.lock()
                        {
                            made.push((i, text));
                        }
                    }
                }
            }
        }
        seq.end()
    }
}

/// One element as it is written at `LINE_DEPTH`: compact, keys sorted.
fn line<T: Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    let mut w = Writer {
        depth: LINE_DEPTH,
        ..Writer::default()
    };
    v.serialize(&mut w)?;
    Ok(w.out)
}

/// One chunk's lines (the chunk starts at element `first`).
type OneLine<'a, T> = dyn Fn((usize, &'a T)) -> Result<Line, Error> + Sync + 'a;

/// A chunk's lines, on every core with the `parallel` feature.
fn lines<'a, T: Sync>(
    first: usize,
    chunk: &'a [T],
    one: &OneLine<'a, T>,
) -> Vec<Result<Line, Error>> {
    let each = |(i, v): (usize, &'a T)| one((first.saturating_add(i), v));
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        chunk.par_iter().enumerate().map(each).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        chunk.iter().enumerate().map(each).collect()
    }
}

/// Finished output, written as its pieces one after another.
struct Raw<'a, P: AsRef<str>>(&'a [P]);

impl<P: AsRef<str>> Serialize for Raw<'_, P> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(RAW, &Pieces(self.0))
    }
}

/// The pieces of `Raw`, given to the writer as one `Display` value (no copy made).
struct Pieces<'a, P: AsRef<str>>(&'a [P]);

impl<P: AsRef<str>> std::fmt::Display for Pieces<'_, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|p| f.write_str(p.as_ref()))
    }
}

impl<P: AsRef<str>> Serialize for Pieces<'_, P> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    /// Where finished stretches of `out` go (`to_writer_in_order`); None: all stays in `out`.
    sink: Option<Box<dyn std::io::Write>>,
    /// The root object is being streamed: its fields are written as they come.
    streaming: bool,
    /// Containers open around the current position (the root is 1).
    depth: usize,
    /// Reused while a struct's or map's entries are put in order.
    scratch: Vec<u8>,
    /// Key lists of finished objects, reused by the next ones (no allocation per object).
    spare: Vec<(String, Vec<Entry>)>,
    /// Reused for values written through `Display` (dates).
    text: String,
    /// The next string is finished output (`Lines`), copied as it is.
    raw: bool,
}

/// An entry of an object: its key in the key text, its value in the output.
type Entry = (Range<usize>, Range<usize>);

impl Writer {
    /// Hand what `out` holds to the sink, if there is one.
    fn flush(&mut self) -> Result<(), Error> {
        if let Some(sink) = self.sink.as_mut() {
            sink.write_all(&self.out).map_err(Error::io)?;
            self.out.clear();
        }
        Ok(())
    }

    fn scalar<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, v)
    }

    fn lined(&self) -> bool {
        self.depth <= LINE_DEPTH
    }

    /// A line break indented for `depth` open containers.
    fn newline(&mut self, depth: usize) {
        self.out.push(b'\n');
        for _ in 0..depth {
            self.out.extend_from_slice(b"  ");
        }
    }

    fn open(&mut self) -> usize {
        self.depth = self.depth.saturating_add(1);
        self.depth
    }
}

/// An array being written: entries go straight to the output.
pub struct Seq<'a> {
    w: &'a mut Writer,
    first: bool,
    /// Close an externally tagged variant's `{"name":` as well.
    variant: bool,
}

impl<'a> Seq<'a> {
    fn begin(w: &'a mut Writer, variant: bool) -> Self {
        w.out.push(b'[');
        w.open();
        Seq {
            w,
            first: true,
            variant,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
        if self.w.lined() {
            self.w.newline(self.w.depth);
        }
        v.serialize(&mut *self.w)?;
        // A line of a top-level array of a streamed root is finished: nothing before it is
        // rewritten any more.
        if self.w.streaming && self.w.depth == LINE_DEPTH {
            self.w.flush()?;
        }
        Ok(())
    }

    fn finish(self) -> Result<(), Error> {
        let depth = self.w.depth;
        if self.w.lined() && !self.first {
            self.w.newline(depth.saturating_sub(1));
        }
        self.w.out.push(b']');
        self.w.depth = depth.saturating_sub(1);
        if self.variant {
            self.w.out.push(b'}');
        }
        Ok(())
    }
}

/// An object being written: each value goes to the output as it comes, its key and place are
/// noted; `finish` rewrites the stretch in key order.
pub struct Map<'a> {
    w: &'a mut Writer,
    /// Where the first value starts.
    start: usize,
    /// Key text of every entry, one after the other.
    keys: String,
    /// (key in `keys`, value in the output) per entry, in the order given.
    entries: Vec<Entry>,
    /// The key given to `serialize_key`, waiting for its value.
    pending: Option<Range<usize>>,
    variant: bool,
    /// The streamed root (`to_writer_in_order`): entries are written in the order given.
    stream: bool,
}

impl<'a> Map<'a> {
    fn begin(w: &'a mut Writer, variant: bool) -> Self {
        let stream = w.sink.is_some() && w.depth == 0 && !variant;
        w.open();
        if stream {
            w.out.push(b'{');
            w.streaming = true;
        }
        let start = w.out.len();
        let (keys, entries) = w.spare.pop().unwrap_or_default();
        Map {
            w,
            start,
            keys,
            entries,
            pending: None,
            variant,
            stream,
        }
    }

    fn key_text(&mut self, key: &str) -> Range<usize> {
        let at = self.keys.len();
        self.keys.push_str(key);
        at..self.keys.len()
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: Range<usize>, v: &T) -> Result<(), Error> {
        if self.stream {
            return self.stream_value(key, v);
        }
        let at = self.w.out.len();
        v.serialize(&mut *self.w)?;
        self.entries.push((key, at..self.w.out.len()));
        Ok(())
    }

    /// An entry of the streamed root, written at once: its key must sort after the last one.
    fn stream_value<T: Serialize + ?Sized>(
        &mut self,
        key: Range<usize>,
        v: &T,
    ) -> Result<(), Error> {
        let text = self.keys.get(key.clone()).unwrap_or("");
        if let Some((last, _)) = self.entries.last() {
            if self.keys.get(last.clone()).unwrap_or("") >= text {
                return Err(key_error(&format!("field {text} is out of key order")));
            }
            self.w.out.push(b',');
        }
        let depth = self.w.depth;
        self.w.newline(depth);
        serde_json::to_writer(&mut self.w.out, text)?;
        self.w.out.extend_from_slice(b": ");
        v.serialize(&mut *self.w)?;
        self.entries.push((key, 0..0));
        self.w.flush()
    }

    fn finish(mut self) -> Result<(), Error> {
        if self.stream {
            let depth = self.w.depth;
            if !self.entries.is_empty() {
                self.w.newline(depth.saturating_sub(1));
            }
            self.w.out.push(b'}');
            self.w.depth = depth.saturating_sub(1);
            self.w.streaming = false;
            return self.w.flush();
        }
        let keys = &self.keys;
        let key = |r: &Range<usize>| keys.get(r.clone()).unwrap_or("");
        // Stable: of equal keys the last given is kept, as a map insert would.
        self.entries.sort_by(|a, b| key(&a.0).cmp(key(&b.0)));
        let w = self.w;
        let depth = w.depth;
        let lined = w.lined();
        let mut body = std::mem::take(&mut w.scratch);
        body.clear();
        body.extend_from_slice(w.out.get(self.start..).unwrap_or_default());
        w.out.truncate(self.start);
        w.out.push(b'{');
        let mut first = true;
        for (i, (k, v)) in self.entries.iter().enumerate() {
            if self
                .entries
                .get(i + 1)
                .is_some_and(|next| key(&next.0) == key(k))
            {
                continue;
            }
            if !first {
                w.out.push(b',');
            }
            first = false;
            if lined {
                w.newline(depth);
            }
            serde_json::to_writer(&mut w.out, key(k))?;
            w.out.extend_from_slice(if lined { b": " } else { b":" });
            let from = v.start.saturating_sub(self.start)..v.end.saturating_sub(self.start);
            w.out.extend_from_slice(body.get(from).unwrap_or_default());
        }
        if lined && !first {
            w.newline(depth.saturating_sub(1));
        }
        w.out.push(b'}');
        if self.variant {
            w.out.push(b'}');
        }
        w.depth = depth.saturating_sub(1);
        w.scratch = body;
        self.keys.clear();
        self.entries.clear();
        w.spare.push((self.keys, self.entries));
        Ok(())
    }
}

/// Writes `{"name":` before an externally tagged variant's content.
fn variant_tag(w: &mut Writer, name: &str) -> Result<(), Error> {
    w.out.push(b'{');
    w.scalar(name)?;
    w.out.push(b':');
    Ok(())
}

/// Serializer methods `fn $method(self, v: $type)` that hand `v` to `self.$via`.
macro_rules! by_value {
    ($via:ident: $($method:ident $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.$via(&v)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Map<'a>;
    type SerializeStructVariant = Map<'a>;

    by_value!(scalar: serialize_bool bool, serialize_i8 i8, serialize_i16 i16, serialize_i32 i32,
        serialize_i64 i64, serialize_i128 i128, serialize_u8 u8, serialize_u16 u16,
        serialize_u32 u32, serialize_u64 u64, serialize_u128 u128, serialize_f32 f32,
        serialize_f64 f64, serialize_char char);
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.scalar(v)
    }
    /// Dates: formatted into a reused buffer, then written as a string. Finished output
    /// (`Raw`) is written as it is.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, v: &T) -> Result<(), Error> {
        use std::fmt::Write;
        if std::mem::take(&mut self.raw) {
            return std::io::Write::write_fmt(&mut self.out, format_args!("{v}"))
                .map_err(Error::io);
        }
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        write!(text, "{v}").map_err(|_| key_error("a value that cannot be written"))?;
        let done = serde_json::to_writer(&mut self.out, text.as_str());
        self.text = text;
        done
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = Seq::begin(self, false);
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.finish()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), Error> {
        self.scalar(name)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.raw = name == RAW;
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        use ser::SerializeMap;
        let mut map = Map::begin(self, false);
        map.serialize_entry(name, v)?;
        map.finish()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        Ok(Seq::begin(self, false))
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Error> {
        Ok(Seq::begin(self, false))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        Ok(Seq::begin(self, false))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        variant_tag(self, name)?;
        Ok(Seq::begin(self, true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a>, Error> {
        Ok(Map::begin(self, false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'a>, Error> {
        Ok(Map::begin(self, false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Map<'a>, Error> {
        variant_tag(self, name)?;
        Ok(Map::begin(self, true))
    }
}

macro_rules! seq_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}
seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let at = self.keys.len();
        key.serialize(KeyWriter(&mut self.keys))?;
        self.pending = Some(at..self.keys.len());
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self
            .pending
            .take()
            .ok_or_else(|| key_error("a value without a key"))?;
        self.value(key, v)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

macro_rules! struct_impl {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Map<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
                let key = self.key_text(key);
                self.value(key, v)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}
struct_impl!(SerializeStruct, SerializeStructVariant);

fn key_error(what: &str) -> Error {
    ser::Error::custom(format!("results.json: {what}"))
}

/// A map key as text, as `serde_json` turns keys into strings (strings, unit variants,
/// characters, numbers, booleans).
struct KeyWriter<'a>(&'a mut String);

impl KeyWriter<'_> {
    fn text(self, v: &impl std::fmt::Display) -> Result<(), Error> {
        use std::fmt::Write;
        write!(self.0, "{v}").map_err(|_| key_error("a key that cannot be written"))
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.push_str(v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(name)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    by_value!(text: serialize_char char, serialize_bool bool, serialize_i8 i8, serialize_i16 i16,
        serialize_i32 i32, serialize_i64 i64, serialize_u8 u8, serialize_u16 u16,
        serialize_u32 u32, serialize_u64 u64);
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(key_error("a number key"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(key_error("a number key"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(key_error("a bytes key"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error("a null key"))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(key_error("an optional key"))
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error("a null key"))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(key_error("a null key"))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(key_error("an enum key"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error("an array key"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error("an array key"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error("an array key"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error("an array key"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error("an object key"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error("an object key"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error("an object key"))
    }
}

#[cfg(test)]
mod tests {
    use super::to_lines;
    use serde::Serialize;
    use serde_json::{Value, json};
    use std::collections::BTreeMap;

    fn text<T: Serialize>(v: &T) -> String {
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

    #[derive(Serialize)]
    enum Kind {
        Unit,
        Newtype(u8),
        Tuple(u8, u8),
        Struct { b: u8, a: u8 },
    }

    #[derive(Serialize)]
    struct Inner {
        zeta: f64,
        alpha: Option<String>,
        #[serde(flatten)]
        more: BTreeMap<String, u8>,
    }

    /// Struct fields, flattened entries and map keys come out sorted as a `Value` sorts them
    /// (`R10` before `R2`), each enum form as `serde_json` writes it.
    #[test]
    fn typed_values_come_out_as_their_sorted_value() {
        #[derive(Serialize)]
        struct Outer {
            rules: BTreeMap<u32, Inner>,
            kinds: Vec<Kind>,
            bytes: &'static [u8],
        }
        let more = BTreeMap::from([("b".to_string(), 1), ("aa".to_string(), 2)]);
        let v = Outer {
            rules: BTreeMap::from([
                (
                    2,
                    Inner {
                        zeta: 0.0,
                        alpha: None,
                        more: more.clone(),
                    },
                ),
                (
                    10,
                    Inner {
                        zeta: 1.5,
                        alpha: Some("x".into()),
                        more,
                    },
                ),
            ]),
            kinds: vec![
                Kind::Unit,
                Kind::Newtype(1),
                Kind::Tuple(1, 2),
                Kind::Struct { b: 1, a: 2 },
            ],
            bytes: &[1, 2],
        };
        let ours = text(&v);
        let value = serde_json::to_value(&v).unwrap();
        let mut pretty = serde_json::to_string_pretty(&value).unwrap();
        pretty.push('\n');
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&ours), squeeze(&pretty));
        assert!(
            ours.contains(
                "\n    \"10\": {\"aa\":2,\"alpha\":\"x\",\"b\":1,\"zeta\":1.5},\n    \"2\": "
            ),
            "{ours}"
        );
        assert!(ours.contains(r#"{"Struct":{"a":2,"b":1}}"#), "{ours}");
    }

    /// A sink that records each write, to see what was handed over when.
    #[derive(Clone, Default)]
    struct Chunks(std::rc::Rc<std::cell::RefCell<Vec<Vec<u8>>>>);

    impl std::io::Write for Chunks {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().push(b.to_vec());
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streamed_bytes_are_to_lines_bytes_handed_over_a_line_at_a_time() {
        #[derive(Serialize)]
        struct Root {
            a: u32,
            summary: BTreeMap<&'static str, u32>,
            units: Vec<Value>,
            z: Option<u8>,
        }
        let root = Root {
            a: 1,
            summary: BTreeMap::from([("y", 2), ("x", 1)]),
            units: vec![json!({"b": [1, 2], "a": {"d": 1, "c": 2}}), json!("u2")],
            z: None,
        };
        let chunks = Chunks::default();
        super::to_writer_in_order(&root, Box::new(chunks.clone())).unwrap();
        let got = chunks.0.borrow().concat();
        assert_eq!(String::from_utf8(got).unwrap(), text(&root));
        // The two units arrived in writes of their own: a unit's line is never held with the rest.
        let writes = chunks.0.borrow();
        assert!(
            writes
                .iter()
                .any(|w| w.ends_with(br#"{"a":{"c":2,"d":1},"b":[1,2]}"#))
        );
        assert!(writes.iter().any(|w| w == b",\n    \"u2\""), "{writes:?}");
    }

    #[test]
    fn lines_made_apart_are_the_slice_bytes() {
        #[derive(Serialize)]
        struct Root<U: Serialize> {
            a: u32,
            units: U,
        }
        let units: Vec<Value> = (0..70)
            .map(|i| json!({"n": i, "b": [i, {"z": 1, "y": "<&>"}], "a": null}))
            .collect();
        let lined = Root {
            a: 1,
            units: super::Lines::new(&units),
        };
        let plain = Root {
            a: 1,
            units: &units,
        };
        let chunks = Chunks::default();
        super::to_writer_in_order(&lined, Box::new(chunks.clone())).unwrap();
        let got = chunks.0.borrow().concat();
        assert_eq!(String::from_utf8(got).unwrap(), text(&plain));
        assert_eq!(to_lines(&lined).unwrap(), to_lines(&plain).unwrap());
    }

    #[test]
    fn a_streamed_field_out_of_key_order_is_an_error() {
        #[derive(Serialize)]
        struct Root {
            b: u8,
            a: u8,
        }
        let e = super::to_writer_in_order(&Root { b: 1, a: 2 }, Box::new(Chunks::default()));
        assert!(e.is_err_and(|e| e.to_string().contains("out of key order")));
    }
}
