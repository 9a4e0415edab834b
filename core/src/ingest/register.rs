//! The central register (保卫处台账): cover and six table sheets → `model::Register`. Unit columns
//! are matched to the roster (unknown → `unknown_unit`, field None); a 挂牌督办 row naming several
//! responsible units (separated by 、，,;；/) becomes one `ListedHazard` per unit; leader names are
//! matched to `cfg.leaders` (unknown → warning, kept as written).

use super::grid::book::Book;
use super::grid::cells::Value;
use super::grid::cover::Cover;
use super::grid::sheets::{Ctx, Table, rule_for, with_rule};
use super::grid::values;
use super::ledger::with_table;
use super::units::{match_leader, match_unit, split_units};
use crate::findings::Finding;
use crate::model::*;
use crate::schema;
use crate::schema::col;

/// A workbook with the register's sheets, none of a ledger's, and a cover naming no unit, but
/// without 台账类型 = 保卫处台账: the office forgot the cover field. It is not read as the register
/// (the contract recognises it by that field only); one finding says so instead of a ledger's
/// worth of missing sheets.
pub fn unmarked_register(
    names: &[String],
    cover: Option<&super::grid::cells::Grid>,
) -> Option<Finding> {
    let has = |s: &str| super::grid::sheets::find_sheet(names, s).is_some();
    let own = [schema::PUNISHMENTS, schema::LISTED, schema::DETERMINATIONS];
    let ledger = [schema::PLAN, schema::MEETINGS, schema::INSPECTIONS];
    let names_unit = cover.is_some_and(|g| {
        (0..g.height())
            .any(|r| super::grid::cover::pair(g, r).is_some_and(|(k, _, _)| k == col::UNIT_NAME))
    });
    let own = own.iter().filter(|s| has(s)).count();
    if own < 2 || ledger.iter().any(|s| has(s)) || names_unit {
        return None;
    }
    Some(super::diags::register_untyped().sheet(schema::COVER))
}

pub fn read_cover(c: &Cover, ctx: &mut Ctx) -> RegisterCover {
    let is_1904 = ctx.is_1904;
    // 台账类型 is what made this a register; read it only for its missing/bad findings.
    let _ = c.get(ctx, col::LEDGER_TYPE, values::text);
    RegisterCover {
        year: c.get(ctx, col::YEAR, values::year),
        filled_by: c.get(ctx, col::FILLED_BY, values::text),
        submitted_on: c.get(ctx, col::SUBMITTED_ON, |v: &Value| values::date(v, is_1904)),
    }
}

pub fn read_tables(book: &mut Book, names: &[String], ctx: &mut Ctx, reg: &mut Register) {
    let spec = |n| schema::register_sheet(n).unwrap_or(&schema::REGISTER_COVER);
    reg.punishments = with_table(book, names, spec(schema::PUNISHMENTS), ctx, punishments);
    reg.listed_hazards = with_table(book, names, spec(schema::LISTED), ctx, listed);
    reg.determinations = with_table(
        book,
        names,
        spec(schema::DETERMINATIONS),
        ctx,
        determinations,
    );
    reg.visits = with_table(book, names, spec(schema::VISITS), ctx, visits);
    reg.leader_reports = with_table(
        book,
        names,
        spec(schema::LEADER_REPORTS),
        ctx,
        leader_reports,
    );
    reg.adjustments = with_table(book, names, spec(schema::ADJUSTMENTS), ctx, adjustments);
}

/// Match one unit name; unknown → `unknown_unit` error (`strict`) or warning, None.
fn resolve_unit(
    ctx: &mut Ctx,
    t: &Table,
    row: u32,
    col: &str,
    raw: &str,
    strict: bool,
) -> Option<String> {
    if ctx.cfg.units.is_empty() {
        return Some(raw.to_string());
    }
    if let Some(u) = match_unit(ctx.cfg, raw) {
        return Some(u);
    }
    let f = super::diags::register_unknown_unit(col, raw, strict);
    let f = with_rule(f, rule_for(t.spec, col));
    ctx.push(f, &t.sheet, Some(t.cell(row, col)));
    None
}

fn unit(t: &Table, ctx: &mut Ctx, row: u32, col: &str) -> Option<String> {
    let raw = t.text(ctx, row, col)?;
    resolve_unit(ctx, t, row, col, &raw, true)
}

fn leader(t: &Table, ctx: &mut Ctx, row: u32) -> Option<String> {
    let raw = t.text(ctx, row, col::LEADER_NAME)?;
    if ctx.cfg.leaders.is_empty() {
        return Some(raw);
    }
    if let Some(l) = match_leader(ctx.cfg, &raw) {
        return Some(l);
    }
    let f = with_rule(
        super::diags::unknown_leader(&raw),
        rule_for(t.spec, col::LEADER_NAME),
    );
    ctx.push(f, &t.sheet, Some(t.cell(row, col::LEADER_NAME)));
    Some(raw)
}

/// Give the findings raised since `from` the unit they concern.
fn tag(ctx: &mut Ctx, from: usize, unit: &Option<String>) {
    if let Some(u) = unit {
        for f in ctx.findings.iter_mut().skip(from) {
            f.unit.get_or_insert_with(|| u.clone());
        }
    }
}

fn date(t: &Table, ctx: &mut Ctx, r: u32, col: &str) -> Option<chrono::NaiveDate> {
    t.date(ctx, r, col)
}

fn punishments(t: &Table, ctx: &mut Ctx) -> Vec<Punishment> {
    let mut out = Vec::new();
    for &r in &t.rows {
        let from = ctx.findings.len();
        let p = Punishment {
            loc: t.loc(r),
            unit: unit(t, ctx, r, col::UNIT_NAME),
            measure: t.get(ctx, r, col::MEASURE_KIND, values::measure),
            imposed: date(t, ctx, r, col::IMPOSED_ON),
            reason: t.text(ctx, r, col::REASON),
            report_on: date(t, ctx, r, col::FIX_REPORT_ON),
        };
        tag(ctx, from, &p.unit);
        out.push(p);
    }
    out
}

/// One `ListedHazard` per responsible unit named in the row (decided: several names in one cell
/// are several units, as the template asks for one row per unit but people merge them).
fn listed(t: &Table, ctx: &mut Ctx) -> Vec<ListedHazard> {
    let mut out = Vec::new();
    for &r in &t.rows {
        let from = ctx.findings.len();
        let base = ListedHazard {
            loc: t.loc(r),
            id: t.text(ctx, r, col::LISTED_NUMBER),
            name: t.text(ctx, r, col::HAZARD_NAME),
            unit: None,
            level: t.get(ctx, r, col::LISTED_LEVEL, values::level),
            listed_on: date(t, ctx, r, col::LISTED_ON),
            deadline: date(t, ctx, r, col::LISTED_DUE),
            closed_on: date(t, ctx, r, col::CLOSED_ON),
            state: t.get(ctx, r, col::STATE, values::listed_state),
        };
        let names = t
            .text(ctx, r, col::RESPONSIBLE_UNIT)
            .map(|s| split_units(&s))
            .unwrap_or_default();
        if names.is_empty() {
            out.push(base);
            continue;
        }
        for raw in names {
            let unit = resolve_unit(ctx, t, r, col::RESPONSIBLE_UNIT, &raw, true);
            if names_single(&out, &base, &unit) {
                out.push(ListedHazard {
                    unit,
                    ..base.clone()
                });
            }
        }
        let units: Vec<String> = out
            .iter()
            .rev()
            .take_while(|h| h.loc == base.loc)
            .filter_map(|h| h.unit.clone())
            .collect();
        if units.len() == 1 {
            tag(ctx, from, &units.first().cloned());
        }
    }
    out
}

/// The same unit named twice in one row counts once.
fn names_single(out: &[ListedHazard], base: &ListedHazard, unit: &Option<String>) -> bool {
    unit.is_none() || !out.iter().any(|h| h.loc == base.loc && &h.unit == unit)
}

fn determinations(t: &Table, ctx: &mut Ctx) -> Vec<Determination> {
    let mut out = Vec::new();
    for &r in &t.rows {
        let from = ctx.findings.len();
        let d = Determination {
            loc: t.loc(r),
            unit: unit(t, ctx, r, col::UNIT_NAME),
            date: date(t, ctx, r, col::OCCURRED_ON),
            grade: t.get(ctx, r, col::GRADE_DETERMINED, values::accident_grade),
            responsible: t.yes_no(ctx, r, col::AT_FAULT),
            concealed: t.yes_no(ctx, r, col::MISREPORTED),
            bad_influence: t.yes_no(ctx, r, col::BAD_INFLUENCE),
            note: t.text(ctx, r, col::REMARK),
        };
        tag(ctx, from, &d.unit);
        out.push(d);
    }
    out
}

fn visits(t: &Table, ctx: &mut Ctx) -> Vec<LeaderVisit> {
    let mut out = Vec::new();
    for &r in &t.rows {
        let visited = t
            .text(ctx, r, col::VISITED_UNIT)
            .map(|raw| resolve_unit(ctx, t, r, col::VISITED_UNIT, &raw, false).unwrap_or(raw));
        out.push(LeaderVisit {
            loc: t.loc(r),
            leader: leader(t, ctx, r),
            date: date(t, ctx, r, col::DATE),
            visited,
            title: t.text(ctx, r, col::POST),
            content: t.text(ctx, r, col::CONTENT),
        });
    }
    out
}

fn leader_reports(t: &Table, ctx: &mut Ctx) -> Vec<LeaderReport> {
    t.rows
        .iter()
        .map(|&r| LeaderReport {
            loc: t.loc(r),
            leader: leader(t, ctx, r),
            covers_safety: t.yes_no(ctx, r, col::REPORT_COVERS_SAFETY),
            title: t.text(ctx, r, col::POST),
        })
        .collect()
}

fn adjustments(t: &Table, ctx: &mut Ctx) -> Vec<Adjustment> {
    let mut out = Vec::new();
    for &r in &t.rows {
        let from = ctx.findings.len();
        let a = Adjustment {
            loc: t.loc(r),
            unit: unit(t, ctx, r, col::UNIT_NAME),
            points: t.get(ctx, r, col::POINTS, values::points),
            reason: t.text(ctx, r, col::REASON),
            approver: t.text(ctx, r, col::APPROVED_BY),
        };
        tag(ctx, from, &a.unit);
        out.push(a);
    }
    out
}
