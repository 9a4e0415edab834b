//! results.json written one top-level field, and one element of a top-level array, at a time.
//!
//! The bytes are those of `serde_json::to_vec_pretty(&serde_json::to_value(results))` (keys
//! sorted because `Value` maps are BTreeMaps), but the whole `Value` tree is never built: at a
//! city's scale (1,000 ledgers, a million R13 items) that tree alone held over a gigabyte. Here
//! the top-level keys are listed first (no value is serialised for that), then each key in
//! sorted order serialises only its own field: an ordinary field through `Value` (small), an array
//! (units, findings, inputs…) element by element, each element through its own `Value`, appended
//! to the output and dropped. Peak memory is the output bytes plus one element.

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeSeq, SerializeStruct};
use serde_json::Value;

/// Indentation of one level, as serde_json's pretty printer writes it.
const INDENT: &[u8] = b"  ";

/// Pretty JSON of `value` (a struct) with every object's keys sorted, identical to
/// `to_vec_pretty(&to_value(value))`; None when `value` is not a struct or cannot be serialised.
pub fn pretty_sorted<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    let mut keys = Vec::new();
    value.serialize(Top::Keys(&mut keys)).ok()?;
    keys.sort_unstable();
    let mut out = b"{".to_vec();
    for (i, key) in keys.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(INDENT);
        out.extend_from_slice(&serde_json::to_vec(key).ok()?);
        out.extend_from_slice(b": ");
        value.serialize(Top::Field(key, &mut out)).ok()?;
    }
    out.extend_from_slice(if keys.is_empty() { b"}" } else { b"\n}" });
    Some(out)
}

/// `value` pretty-printed at nesting `depth` (every line after the first indented).
fn push_value(out: &mut Vec<u8>, value: &Value, depth: usize) -> serde_json::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            for _ in 0..depth {
                out.extend_from_slice(INDENT);
            }
        }
        out.extend_from_slice(line);
    }
    Ok(())
}

/// The top-level struct: either list its keys, or write the one field named.
enum Top<'a> {
    Keys(&'a mut Vec<&'static str>),
    Field(&'static str, &'a mut Vec<u8>),
}

/// Not the shape this writer takes (the caller falls back to a `Value`).
fn refused() -> serde_json::Error {
    ser::Error::custom("results.json: not written field by field")
}

impl<'a> SerializeStruct for Top<'a> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        match self {
            Top::Keys(keys) => keys.push(key),
            Top::Field(want, out) if *want == key => {
                let start = out.len();
                // An array element by element; anything else (or an array whose elements
                // cannot be written that way) through one `Value`.
                if value.serialize(Elements { out }).is_err() {
                    out.truncate(start);
                    push_value(out, &serde_json::to_value(value)?, 1)?;
                }
            }
            Top::Field(..) => {}
        }
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Writes a sequence element by element at depth 1; refuses anything else.
struct Elements<'a> {
    out: &'a mut Vec<u8>,
}

/// An array being written: how many elements so far.
struct Seq<'a> {
    out: &'a mut Vec<u8>,
    n: usize,
}

impl SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        let v = serde_json::to_value(value)?;
        self.out
            .extend_from_slice(if self.n == 0 { b"[\n" } else { b",\n" });
        self.out.extend_from_slice(INDENT);
        self.out.extend_from_slice(INDENT);
        push_value(self.out, &v, 2)?;
        self.n += 1;
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        if self.n == 0 {
            self.out.extend_from_slice(b"[]");
        } else {
            self.out.push(b'\n');
            self.out.extend_from_slice(INDENT);
            self.out.push(b']');
        }
        Ok(())
    }
}

/// Every `Serializer` method but `serialize_seq` and `serialize_struct` (which each serializer
/// below writes itself) refuses: `Top` takes only a struct, `Elements` only a sequence.
macro_rules! refuse_others {
    () => {
        refuse_others! {
            serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
            serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
            serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
            serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
        type SerializeTuple = Impossible<(), serde_json::Error>;
        type SerializeTupleStruct = Impossible<(), serde_json::Error>;
        type SerializeTupleVariant = Impossible<(), serde_json::Error>;
        type SerializeMap = Impossible<(), serde_json::Error>;
        type SerializeStructVariant = Impossible<(), serde_json::Error>;
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Self::Error> {
            Err(refused())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), Self::Error> {
            Err(refused())
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Self::Error> {
            Err(refused())
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
            Err(refused())
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Self::Error> {
            Err(refused())
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Self::Error> {
            Err(refused())
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
            Err(refused())
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Self::Error> {
            Err(refused())
        }
    };
    ($($name:ident($($arg:ty),*);)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> {
            Err(refused())
        })*
    };
}

impl<'a> ser::Serializer for Top<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeStruct = Self;
    refuse_others!();

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(refused())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Self::Error> {
        Ok(self)
    }
}

impl<'a> ser::Serializer for Elements<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Seq<'a>;
    type SerializeStruct = Impossible<(), serde_json::Error>;
    refuse_others!();

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Self::Error> {
        Ok(Seq {
            out: self.out,
            n: 0,
        })
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner {
        zeta: Option<u32>,
        alpha: Vec<String>,
        map: std::collections::BTreeMap<String, f64>,
    }

    #[derive(Serialize)]
    struct Outer {
        units: Vec<Inner>,
        empty: Vec<Inner>,
        title: String,
        nothing: Option<String>,
        nested: Inner,
        numbers: Vec<f64>,
        a_first: bool,
    }

    fn inner(n: u32) -> Inner {
        Inner {
            zeta: n.is_multiple_of(2).then_some(n),
            alpha: (0..n).map(|i| format!("第{i}项\n\"引号\"")).collect(),
            map: (0..n)
                .map(|i| (format!("k{i}"), f64::from(i) / 3.0))
                .collect(),
        }
    }

    #[test]
    fn same_bytes_as_the_value_tree() {
        let v = Outer {
            units: (0..4).map(inner).collect(),
            empty: Vec::new(),
            title: "通报".into(),
            nothing: None,
            nested: inner(3),
            numbers: vec![1.0, 2.5, -0.0],
            a_first: true,
        };
        let want = serde_json::to_vec_pretty(&serde_json::to_value(&v).unwrap()).unwrap();
        let got = pretty_sorted(&v).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );
    }

    #[test]
    fn not_a_struct_is_none() {
        assert!(pretty_sorted(&vec![1, 2]).is_none());
        assert!(pretty_sorted(&"text").is_none());
    }
}
