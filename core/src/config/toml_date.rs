//! Dates in the config: TOML dates (`2026-02-23`) or quoted strings (`"2026-02-23"`), read into
//! `NaiveDate` (chrono's own impl accepts only strings, while toml hands dates over as a map).

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;

struct DateVisitor;

fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        E::custom(format!(
            "“{s}”不是有效的日期，应写作 2026-02-23（年-月-日）"
        ))
    })
}

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse(s)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        // toml's private datetime representation: one entry whose value is the text.
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("应为日期，如 2026-02-23"));
        };
        if text.len() != 10 {
            return Err(de::Error::custom(format!(
                "“{text}”应只写日期，如 2026-02-23（不带时间）"
            )));
        }
        parse(&text)
    }
}

struct Date(NaiveDate);

impl<'de> de::Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor).map(Date)
    }
}

pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_any(DateVisitor)
}

pub fn many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    let v: Vec<Date> = de::Deserialize::deserialize(d)?;
    Ok(v.into_iter().map(|d| d.0).collect())
}
