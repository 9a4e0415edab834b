//! Finding sheets, header rows and columns (contract.md "Finding rows and columns"), and reading
//! typed fields out of cells with a finding for every blank required or unreadable value.

use super::cells::{Grid, Value};
use super::values;
use crate::findings::{Finding, a1};
use crate::ingest::diags;
use crate::ingest::units::normalize_name;
use crate::model::{Loc, Place};
use crate::schema::{Col, Layout, SheetSpec};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::ingest::guard::limits::HEADER_SEARCH_ROWS;

/// Header text without any bracketed note, normalised: `排查日期（必填）` → `排查日期`.
/// Returns (base, note).
pub fn header_base(s: &str) -> (String, String) {
    // 台帐 is a common variant spelling of 台账.
    let n = normalize_name(s).replace('帐', "账");
    let (mut base, mut note, mut depth) = (String::new(), String::new(), 0u32);
    for c in n.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => note.push(c),
            _ => base.push(c),
        }
    }
    // Required markers and trailing colons: `*单位名称：`, `排查日期*` → the name.
    // A note written after the name without brackets: `排查日期\n必填`.
    let base = base.trim_matches(['*', ':']);
    let base = base
        .strip_suffix("必填")
        .or_else(|| base.strip_suffix("选填"))
        .unwrap_or(base)
        .trim_matches(['*', ':'])
        .to_string();
    (base, note)
}

/// The sheet of `names` matching `wanted` after normalisation.
pub fn find_sheet<'n>(names: &'n [String], wanted: &str) -> Option<&'n String> {
    let w = normalize_name(wanted);
    names.iter().find(|n| normalize_name(n) == w)
}

/// Per-column rules (more precise than the sheet's), falling back to the sheet's `rules`.
pub fn rule_for(spec: &SheetSpec, col: &str) -> Option<&'static str> {
    use crate::schema::{ACCIDENTS, COVER, MEETINGS};
    let r = match (spec.name, col) {
        (MEETINGS, "主要负责人参加" | "研究防范措施") => "R3",
        (ACCIDENTS, "书面检查报告日期") => "R11",
        (COVER, "计划抄送保卫处日期") => "R1",
        (COVER, "年度总结报告安全履职" | "绩效述职述安") => "R8",
        (COVER, "单位名称" | "年度" | "报送日期" | "主要负责人" | "台账类型") => {
            "R15"
        }
        (COVER, _) => return None,
        _ => spec.rules,
    };
    (!r.is_empty()).then_some(r)
}

/// Where findings go and what they carry.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub is_1904: bool,
    pub cfg: &'a crate::config::Config,
    pub findings: Vec<Finding>,
    /// The file's texts kept once however many rows repeat them (`Table::shared_text`).
    pub texts: Texts,
}

/// One copy of each distinct text of a file: the 排查范围 and 参加人员 of a year's inspections
/// repeat on most of its rows, and a city's inbox holds over a million such rows.
#[derive(Debug, Default)]
pub struct Texts(BTreeSet<Arc<str>>);

impl Texts {
    pub fn intern_str(&mut self, s: &str) -> Arc<str> {
        if let Some(t) = self.0.get(s) {
            return Arc::clone(t);
        }
        let t: Arc<str> = Arc::from(s);
        self.0.insert(Arc::clone(&t));
        t
    }
}

impl Ctx<'_> {
    /// A finding located on `sheet` (and `cell` when given), with the column's rule.
    pub fn push(&mut self, f: Finding, sheet: &str, cell: Option<String>) {
        let mut f = f.file(self.file).sheet(sheet);
        f.cell = cell;
        self.findings.push(f);
    }

    /// Read one field: blank → `missing_value` when required; unreadable → `bad_value`.
    pub fn field<T>(
        &mut self,
        at: (&SheetSpec, &str, u32, u32),
        col: &Col,
        v: &Value,
        parse: impl FnOnce(&Value) -> Option<T>,
    ) -> Option<T> {
        let (spec, sheet, row, c) = at;
        // Every cell read passes here: the A1 reference and rule are only built for a finding.
        let mut report = |f: Finding| {
            let f = with_rule(f, rule_for(spec, col.name));
            self.push(f, sheet, Some(a1(row, c)));
        };
        if !col.required && col.kind == crate::schema::Kind::Date && values::not_yet(v) {
            return None;
        }
        if v.is_blank() {
            if col.required {
                report(diags::required_blank(col.name, col.kind));
            }
            return None;
        }
        if let Value::Error(e) = v {
            report(diags::formula_error(col.name, e, col.kind));
            return None;
        }
        if let Value::Text(s) = v
            && let Some(f) = diags::too_long(col.name, s)
        {
            report(f.raw(values::head(s)));
        }
        let out = parse(v);
        if out.is_none() {
            report(diags::unparsed(col.name, &v.raw(), col.kind));
        }
        out
    }
}

pub use crate::ingest::diags::with_rule;

/// A table sheet after its header row was found.
pub struct Table<'g> {
    pub grid: &'g Grid,
    pub spec: &'static SheetSpec,
    pub sheet: String,
    /// The file, sheet and columns every row's `Loc` shares.
    place: Arc<Place>,
    pub header_row: u32,
    pub cols: BTreeMap<&'static str, u32>,
    /// Header notes by canonical column (e.g. `元` for `直接经济损失（元）`).
    pub notes: BTreeMap<&'static str, String>,
    /// 0-based data rows, in order, totals excluded.
    pub rows: Vec<u32>,
}

impl<'g> Table<'g> {
    /// Find the header row and data rows; None (with a `missing_header` finding) when no row
    /// within the first 10 holds every required header.
    pub fn find(
        grid: &'g Grid,
        spec: &'static SheetSpec,
        sheet: &str,
        ctx: &mut Ctx,
    ) -> Option<Self> {
        debug_assert_eq!(spec.layout, Layout::Table);
        let mut best: Option<(usize, u32, Vec<&'static str>)> = None;
        for r in 0..HEADER_SEARCH_ROWS.min(grid.height()) {
            let (cols, notes) = match_headers(grid, r, spec);
            let missing: Vec<&'static str> = spec
                .required()
                .filter(|c| !cols.contains_key(c.name))
                .map(|c| c.name)
                .collect();
            if missing.is_empty() {
                let rows = data_rows(grid, r, &cols, serial_col(grid, r));
                let table = Table {
                    grid,
                    spec,
                    sheet: sheet.to_string(),
                    place: Arc::new(Place {
                        file: Arc::from(ctx.file),
                        sheet: Arc::from(sheet),
                        cols: cols.clone(),
                    }),
                    header_row: r,
                    cols,
                    notes,
                    rows,
                };
                return Some(table);
            }
            let found = spec.required().count() - missing.len();
            if best.as_ref().is_none_or(|b| found > b.0) {
                best = Some((found, r, missing));
            }
        }
        // Located at the best header row's first cell; A1 when no row holds any header.
        let (cell, missing) = match best {
            Some((n, r, m)) if n > 0 => (a1(r, 0), m),
            _ => (a1(0, 0), spec.required().map(|c| c.name).collect()),
        };
        let rule = (!spec.rules.is_empty()).then_some(spec.rules);
        let f = diags::missing_header(sheet, HEADER_SEARCH_ROWS, &missing, rule);
        ctx.push(f, sheet, Some(cell));
        None
    }

    /// The value of `col` in data row `row` (Empty when the column is absent).
    pub fn value(&self, row: u32, col: &str) -> &'g Value {
        match self.cols.get(col) {
            Some(&c) => self.grid.get(row, c),
            None => self.grid.get(u32::MAX, 0),
        }
    }

    /// Where data row `row` is (the file is the one the table was found in).
    pub fn loc(&self, row: u32) -> Loc {
        Loc {
            at: Arc::clone(&self.place),
            row: row + 1,
        }
    }

    /// Read `col` of `row` with `parse`; absent optional columns read as None silently.
    pub fn get<T>(
        &self,
        ctx: &mut Ctx,
        row: u32,
        col: &str,
        parse: impl FnOnce(&Value) -> Option<T>,
    ) -> Option<T> {
        let spec_col = self.spec.col(col)?;
        let &c = self.cols.get(col)?;
        ctx.field(
            (self.spec, &self.sheet, row, c),
            spec_col,
            self.grid.get(row, c),
            parse,
        )
    }

    pub fn text(&self, ctx: &mut Ctx, row: u32, col: &str) -> Option<String> {
        self.get(ctx, row, col, values::text)
    }

    /// `text`, one shared copy per distinct text of the file.
    pub fn shared_text(&self, ctx: &mut Ctx, row: u32, col: &str) -> Option<Arc<str>> {
        // A text seen before costs a look-up, no copy (millions of cells at a city's scale).
        let mut texts = std::mem::take(&mut ctx.texts);
        let t = self.get(ctx, row, col, |v| match v {
            Value::Text(s) => Some(s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| texts.intern_str(s)),
            other => values::text(other).map(|s| texts.intern_str(&s)),
        });
        ctx.texts = texts;
        t
    }

    pub fn date(&self, ctx: &mut Ctx, row: u32, col: &str) -> Option<chrono::NaiveDate> {
        let is_1904 = ctx.is_1904;
        self.get(ctx, row, col, |v| values::date(v, is_1904))
    }

    pub fn yes_no(&self, ctx: &mut Ctx, row: u32, col: &str) -> Option<bool> {
        self.get(ctx, row, col, values::yes_no)
    }

    pub fn count(&self, ctx: &mut Ctx, row: u32, col: &str) -> Option<u32> {
        self.get(ctx, row, col, values::count)
    }

    /// A1 reference of `col` in `row`.
    pub fn cell(&self, row: u32, col: &str) -> String {
        a1(row, self.cols.get(col).copied().unwrap_or(0))
    }
}

/// Canonical columns found on row `r`, first occurrence wins; plus each header's note. A blank
/// header cell takes the text above it: a two-row header whose group cells (`人员伤亡` over
/// 死亡人数/受伤人数) are merged keeps its vertically merged names in the upper row.
fn match_headers(
    grid: &Grid,
    r: u32,
    spec: &SheetSpec,
) -> (BTreeMap<&'static str, u32>, BTreeMap<&'static str, String>) {
    let mut cols = BTreeMap::new();
    let mut notes = BTreeMap::new();
    let above = r.checked_sub(1);
    let width = grid.width(r).max(above.map_or(0, |a| grid.width(a)));
    for c in 0..width {
        let text = values::text(grid.get(r, c))
            .or_else(|| above.and_then(|a| values::text(grid.get(a, c))));
        let Some(text) = text else {
            continue;
        };
        let (base, note) = header_base(&text);
        if base.is_empty() {
            continue;
        }
        if let Some(col) = spec
            .cols
            .iter()
            .find(|k| header_base(k.name).0 == base && !cols.contains_key(k.name))
        {
            cols.insert(col.name, c);
            notes.insert(col.name, note);
        }
    }
    (cols, notes)
}

/// The 序号 column of header row `r`, whether or not the sheet's contract lists one (people add
/// it to every table).
fn serial_col(grid: &Grid, r: u32) -> Option<u32> {
    (0..grid.width(r))
        .find(|&c| values::text(grid.get(r, c)).is_some_and(|t| header_base(&t).0 == "序号"))
}

/// Data rows: every row from the header to the sheet's last non-empty row that is not a
/// non-data row (contract.md "Finding rows and columns"). Blank rows in between are skipped,
/// never the end of the data: a row below a gap is as real as one above it.
fn data_rows(
    grid: &Grid,
    header: u32,
    cols: &BTreeMap<&'static str, u32>,
    serial: Option<u32>,
) -> Vec<u32> {
    let serial = cols.get("序号").copied().or(serial);
    let first = serial.unwrap_or_else(|| cols.values().copied().min().unwrap_or(0));
    (header.saturating_add(1)..grid.height())
        .filter(|&r| !not_data(grid, r, first, serial))
        .collect()
}

/// A row that is not data, skipped without a finding: blank (a numeric, pre-printed 序号 aside),
/// a 合计/小计/总计 line, a placeholder (无, 暂无, /, 本年度无…, `（年-月-日）`), or a note line
/// whose single filled cell starts with a note word (备注, 填表人：…, 注：…).
fn not_data(grid: &Grid, r: u32, first: u32, serial: Option<u32>) -> bool {
    // Runs on every row of every table: the filled cells are walked, not collected.
    let mut filled = (0..grid.width(r))
        .map(|c| (c, grid.get(r, c)))
        .filter(|(c, v)| !(v.is_blank() || (Some(*c) == serial && values::number(v).is_some())))
        .map(|(_, v)| v);
    let Some(v0) = filled.next() else {
        return true;
    };
    // `合计` may stand in 序号 or, when 序号 is left blank, in the first filled cell.
    if total_cell(grid.get(r, first)) || total_cell(v0) {
        return true;
    }
    let second = filled.next();
    if second.is_none() && is_note(&norm(v0)) {
        return true;
    }
    is_filler(v0) && second.is_none_or(is_filler) && filled.all(is_filler)
}

/// A cell's text, normalised, for the non-data tests below; "" for a number, date or yes/no.
/// Their text (`2026-03-05`, `3`, `是`) is never a total, a note or a filler, so it is not built:
/// this runs on every data row.
fn norm(v: &Value) -> String {
    match v {
        Value::Text(s) => normalize_name(s.trim()),
        _ => String::new(),
    }
}

/// Words that open a note line under a table (填表人：张三, 备注：…, 注：…). 注 needs its colon:
/// 注塑实训室 is a 排查范围.
fn is_note(s: &str) -> bool {
    const WORDS: [&str; 7] = ["备注", "说明", "填表人", "填报人", "审核", "制表", "负责人"];
    WORDS.iter().any(|w| s.starts_with(w)) || s.starts_with("注:") || s.starts_with("注：")
}

/// A filled cell that only says there is nothing to record (`无`, `本年度无事故`, `/`), or only
/// holds a bracketed format note (`（年-月-日）`): a row of such cells is not a data row.
fn is_filler(v: &Value) -> bool {
    // Every filler text starts with one of these once normalised (full-width forms folded):
    // any other cell is told apart without building its normalised text.
    let Value::Text(s) = v else { return false };
    let first = s.chars().find(|c| !c.is_whitespace()).map(|c| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    });
    if !matches!(
        first,
        Some('(' | '/' | '-' | '—' | '暂' | '无' | '本' | '未')
    ) {
        return false;
    }
    let t = norm(v);
    // A unit/format line under the header: `（年-月-日）`, `(人)`.
    (t.starts_with('(') && t.ends_with(')'))
        || matches!(t.as_str(), "/" | "-" | "—" | "——" | "暂无")
        || ["无", "本年度无", "本季度无", "本月无", "未发生"]
            .iter()
            .any(|p| t.starts_with(p))
}

/// A cell saying `合计`, `小计：`, `合 计（3项）` … Cheap test first (no allocation): this runs
/// on two cells of every data row.
fn total_cell(v: &Value) -> bool {
    matches!(v, Value::Text(s) if s.contains('计'))
        && matches!(header_base(&norm(v)).0.as_str(), "合计" | "小计" | "总计")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_notes_removed() {
        assert_eq!(header_base("排查日期（必填）").0, "排查日期");
        assert_eq!(header_base("排查日期(必填)").0, "排查日期");
        assert_eq!(
            header_base("直接经济损失（元）"),
            ("直接经济损失".to_string(), "元".to_string())
        );
        assert_eq!(header_base(" 会议 日期 ").0, "会议日期");
        assert_eq!(header_base("【备注】说明").0, "说明");
        assert_eq!(header_base("*单位名称：").0, "单位名称");
        assert_eq!(header_base("排查日期\n必填").0, "排查日期");
        assert_eq!(header_base("备注（选填）").0, "备注");
        assert_eq!(header_base("台帐类型").0, "台账类型");
    }

    #[test]
    fn sheets_by_normalised_name() {
        let names = vec![
            "Sheet1".to_string(),
            " 隐患排查 ".to_string(),
            "ＡＢＣ".to_string(),
        ];
        assert_eq!(
            find_sheet(&names, "隐患排查").map(String::as_str),
            Some(" 隐患排查 ")
        );
        assert_eq!(
            find_sheet(&names, "abc").map(String::as_str),
            Some("ＡＢＣ")
        );
        assert_eq!(find_sheet(&names, "封面"), None);
    }
}
