//! The key–value cover sheet (封面): keys in column A (with notes, colons, required marks), the
//! value in column B — or, when B is blank, written in the key's own cell after a colon
//! (`单位名称：信息工程系`, as hand-made covers do).

use super::cells::{Grid, Value};
use super::sheets::{Ctx, header_base, rule_for, with_rule};
use super::values;
use crate::findings::a1;
use crate::ingest::diags;
use crate::schema::SheetSpec;
use std::collections::BTreeMap;

/// A key–value cover: canonical key → (0-based row, value in column B or inline in A).
pub struct Cover<'g> {
    pub grid: &'g Grid,
    pub spec: &'static SheetSpec,
    pub sheet: String,
    pub keys: BTreeMap<&'static str, u32>,
    /// Values written in the key's own cell (`单位名称：信息工程系`) with column B blank.
    pub inline: BTreeMap<&'static str, Value>,
}

/// Row `r` of a cover as (normalised key, value, 0-based value column).
pub fn pair(grid: &Grid, r: u32) -> Option<(String, Value, u32)> {
    let text = values::text(grid.get(r, 0))?;
    let b = grid.get(r, 1);
    if b.is_blank()
        && let Some((k, v)) = text.split_once([':', '：'])
        && !v.trim().is_empty()
    {
        return Some((header_base(k).0, Value::Text(v.trim().to_string()), 0));
    }
    Some((header_base(&text).0, b.clone(), 1))
}

impl<'g> Cover<'g> {
    /// Collect keys from column A; a repeated key keeps its first row (`duplicate_value` warning).
    pub fn read(grid: &'g Grid, spec: &'static SheetSpec, sheet: &str, ctx: &mut Ctx) -> Self {
        let mut keys = BTreeMap::new();
        let mut inline = BTreeMap::new();
        for r in 0..grid.height() {
            let Some((base, value, col)) = pair(grid, r) else {
                continue;
            };
            let Some(key) = spec.cols.iter().find(|k| header_base(k.name).0 == base) else {
                continue;
            };
            if keys.contains_key(key.name) {
                let raw = values::text(grid.get(r, 0)).unwrap_or_default();
                ctx.push(
                    diags::cover_key_twice(key.name).raw(raw),
                    sheet,
                    Some(a1(r, 0)),
                );
                continue;
            }
            keys.insert(key.name, r);
            if col == 0 {
                inline.insert(key.name, value);
            }
        }
        Cover {
            grid,
            spec,
            sheet: sheet.to_string(),
            keys,
            inline,
        }
    }

    /// Row and column of the value of `key`.
    fn at(&self, key: &str) -> Option<(u32, u32)> {
        let &r = self.keys.get(key)?;
        Some((r, if self.inline.contains_key(key) { 0 } else { 1 }))
    }

    /// The raw value of a key (Empty when absent).
    pub fn value(&self, key: &str) -> &Value {
        if let Some(v) = self.inline.get(key) {
            return v;
        }
        self.keys
            .get(key)
            .map_or_else(|| self.grid.get(u32::MAX, 0), |&r| self.grid.get(r, 1))
    }

    /// A1 reference of the value cell of `key`.
    pub fn cell(&self, key: &str) -> Option<String> {
        self.at(key).map(|(r, c)| a1(r, c))
    }

    /// A1 references of every key's value, by key.
    pub fn cells(&self) -> BTreeMap<&'static str, String> {
        self.keys
            .keys()
            .filter_map(|k| Some((*k, self.cell(k)?)))
            .collect()
    }

    /// Read a key's value; a required key that is absent is a `missing_value` error.
    pub fn get<T>(
        &self,
        ctx: &mut Ctx,
        key: &str,
        parse: impl FnOnce(&Value) -> Option<T>,
    ) -> Option<T> {
        let col = self.spec.col(key)?;
        match self.at(key) {
            Some((r, c)) => ctx.field((self.spec, &self.sheet, r, c), col, self.value(key), parse),
            None => {
                if col.required {
                    let f = with_rule(
                        diags::cover_key_missing(key, col.kind),
                        rule_for(self.spec, key),
                    );
                    ctx.push(f, &self.sheet, None);
                }
                None
            }
        }
    }
}
