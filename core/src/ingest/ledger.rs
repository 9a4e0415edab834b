//! The unit ledger (单位安全工作台账): cover and the six table sheets → `model::Ledger`, with
//! event dates judged against the ledger's year (`out_of_period`) and every event or submission
//! date judged against the file's own cover 报送日期 (`future_date`).

use super::diags;
use super::grid::book::Book;
use super::grid::cells::{Grid, Value};
use super::grid::cover::Cover;
use super::grid::sheets::{Ctx, Table, find_sheet};
use super::grid::values;
use crate::findings::{Code, Finding};
use crate::model::*;
use crate::schema::col;
use crate::schema::{self, SheetSpec};
use chrono::{Datelike, NaiveDate};

/// Sheet names listed in the `not_a_ledger` message, and characters kept of each.
const LISTED_SHEETS: usize = 5;
const SHEET_NAME_CHARS: usize = 31;

/// Did reading a coverless workbook find nothing of a ledger (no table sheet with its header
/// row, no sheet that failed to read)? Then it is some other spreadsheet (a timetable, last
/// year's summary.xlsx): one finding says so instead of a ledger's worth of missing sheets.
pub fn nothing_of_a_ledger(names: &[String], ledger: &Ledger, findings: &[Finding]) -> bool {
    find_sheet(names, schema::COVER).is_none()
        && ledger.plan.is_none()
        && ledger.meetings.is_none()
        && ledger.inspections.is_none()
        && ledger.hazards.is_none()
        && ledger.quarterly.is_none()
        && ledger.accidents.is_none()
        && !findings.iter().any(|f| f.code == Code::UnreadableFile)
}

/// The one `missing_sheet` error of a workbook that is not a ledger, naming its own sheets.
pub fn not_a_ledger(names: &[String]) -> Finding {
    let listed: Vec<String> = names
        .iter()
        .take(LISTED_SHEETS)
        .map(|n| {
            let n = n.trim();
            match n.char_indices().nth(SHEET_NAME_CHARS) {
                Some((i, _)) => format!("{}…", &n[..i]),
                None => n.to_string(),
            }
        })
        .collect();
    let mut listed = listed.join("、");
    if names.len() > LISTED_SHEETS {
        listed.push_str(&diags::sheets_in_all(names.len()));
    }
    let contract = schema::LEDGER
        .iter()
        .chain(schema::REGISTER)
        .find_map(|s| find_sheet(names, s.name).map(|_| s.name));
    diags::not_a_ledger(contract, &listed).sheet(schema::COVER)
}

/// Read a sheet of `spec` into a grid, or raise `missing_sheet` / a read finding.
pub fn load_grid(
    book: &mut Book,
    names: &[String],
    spec: &'static SheetSpec,
    ctx: &mut Ctx,
) -> Option<(String, Grid)> {
    let Some(name) = find_sheet(names, spec.name).cloned() else {
        // The finding names the sheet that should be there.
        ctx.push(diags::missing_sheet(spec), spec.name, None);
        return None;
    };
    // Findings and row locations use the contract's name: `隐患排查 ` (a trailing space, invisible
    // on the tab) is reported as 隐患排查.
    let found = name;
    let name = spec.name.to_string();
    match book.read_sheet(&found) {
        Ok(grid) => {
            if let Some((r, c)) = grid.overflow {
                let cell = crate::findings::a1(r, c);
                ctx.push(diags::sheet_overflow(&cell), &name, Some(cell));
            }
            Some((name, grid))
        }
        Err(e) => {
            ctx.push(diags::sheet_unreadable(&name, &e.to_string()), &name, None);
            None
        }
    }
}

/// Judges dates against the ledger year and the cover's 报送日期.
pub struct Judge {
    pub year: Option<i32>,
    pub submitted: Option<NaiveDate>,
}

impl Judge {
    /// An event date (meeting, inspection, hazard found, accident): false → drop the row.
    pub fn event(
        &self,
        ctx: &mut Ctx,
        t: &Table,
        row: u32,
        col: &str,
        d: Option<NaiveDate>,
    ) -> bool {
        let Some(d) = d else { return true };
        if let Some(y) = self.year.filter(|y| d.year() != *y) {
            let f = diags::event_out_of_period(col, d, y, Some(t.spec.rules));
            ctx.push(f, &t.sheet, Some(t.cell(row, col)));
            return false;
        }
        self.not_future(ctx, t, row, col, Some(d)).is_some()
    }

    /// A submission or closing date: later than the cover 报送日期 → `future_date`, None.
    pub fn not_future(
        &self,
        ctx: &mut Ctx,
        t: &Table,
        row: u32,
        col: &str,
        d: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let d = d?;
        match self.submitted {
            Some(s) if d > s => {
                let rule = super::grid::sheets::rule_for(t.spec, col);
                let f = diags::future_date(col, d, s, rule);
                ctx.push(f, &t.sheet, Some(t.cell(row, col)));
                None
            }
            _ => Some(d),
        }
    }
}

/// The ledger cover.
pub fn read_cover(c: &Cover, ctx: &mut Ctx) -> LedgerCover {
    let is_1904 = ctx.is_1904;
    let date = |v: &Value| values::date(v, is_1904);
    let mut cover = LedgerCover {
        unit_name_raw: c.get(ctx, col::UNIT_NAME, values::text),
        year: c.get(ctx, col::YEAR, values::year),
        principal: c.get(ctx, col::PRINCIPAL, values::text),
        submitted_on: c.get(ctx, col::SUBMITTED_ON, date),
        kind: c.get(ctx, col::UNIT_KIND, values::unit_kind),
        safety_deputy: c.get(ctx, col::SAFETY_DEPUTY, values::text),
        filled_by: c.get(ctx, col::FILLED_BY, values::text),
        phone: c.get(ctx, col::PHONE, values::text),
        plan_copied_on: c.get(ctx, col::PLAN_COPIED_ON, date),
        annual_summary_duty: c.get(ctx, col::ANNUAL_SUMMARY_DUTY, values::yes_no),
        performance_review_duty: c.get(ctx, col::PERFORMANCE_REVIEW_DUTY, values::yes_no),
        cells: c.cells(),
        sheet: c.sheet.clone(),
    };
    if let (Some(p), Some(s)) = (cover.plan_copied_on, cover.submitted_on)
        && p > s
    {
        let f = diags::future_date(col::PLAN_COPIED_ON, p, s, Some("R1"));
        ctx.push(f, &c.sheet, c.cell(col::PLAN_COPIED_ON));
        cover.plan_copied_on = None;
    }
    cover
}

/// The six table sheets of a ledger.
pub fn read_tables(
    book: &mut Book,
    names: &[String],
    ctx: &mut Ctx,
    judge: &Judge,
    ledger: &mut Ledger,
) {
    let spec = |n| schema::ledger_sheet(n).unwrap_or(&schema::LEDGER_COVER);
    ledger.plan = with_table(book, names, spec(schema::PLAN), ctx, plan);
    ledger.meetings = with_table(book, names, spec(schema::MEETINGS), ctx, |t, ctx| {
        meetings(t, ctx, judge)
    });
    ledger.inspections = with_table(book, names, spec(schema::INSPECTIONS), ctx, |t, ctx| {
        inspections(t, ctx, judge)
    });
    ledger.hazards = with_table(book, names, spec(schema::HAZARDS), ctx, |t, ctx| {
        hazards(t, ctx, judge)
    });
    ledger.quarterly = with_table(book, names, spec(schema::QUARTERLY), ctx, |t, ctx| {
        quarterly(t, ctx, judge)
    });
    ledger.accidents = with_table(book, names, spec(schema::ACCIDENTS), ctx, |t, ctx| {
        accidents(t, ctx, judge)
    });
}

/// Load a sheet, find its header, and read its rows with `f`.
pub fn with_table<T>(
    book: &mut Book,
    names: &[String],
    spec: &'static SheetSpec,
    ctx: &mut Ctx,
    f: impl FnOnce(&Table, &mut Ctx) -> Vec<T>,
) -> Option<Vec<T>> {
    let (name, grid) = load_grid(book, names, spec, ctx)?;
    let table = Table::find(&grid, spec, &name, ctx)?;
    Some(f(&table, ctx))
}

fn plan(t: &Table, ctx: &mut Ctx) -> Vec<PlanTask> {
    t.rows
        .iter()
        .map(|&r| PlanTask {
            loc: t.loc(r),
            task: t.text(ctx, r, col::TASK),
            responsible: t.text(ctx, r, col::RESPONSIBLE),
            deadline: t.date(ctx, r, col::TASK_DEADLINE),
            note: t.text(ctx, r, col::NOTE),
        })
        .collect()
}

fn meetings(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Meeting> {
    let mut out = Vec::with_capacity(t.rows.len());
    for &r in &t.rows {
        let m = Meeting {
            loc: t.loc(r),
            date: t.date(ctx, r, col::MEETING_DATE),
            topic: t.text(ctx, r, col::MEETING_TOPIC),
            principal_attended: t.yes_no(ctx, r, col::PRINCIPAL_ATTENDED),
            prevention_studied: t.yes_no(ctx, r, col::PREVENTION_STUDIED),
            host: t.text(ctx, r, col::HOST),
            attendees: t.count(ctx, r, col::ATTENDEES).map(f64::from),
            minutes: t.text(ctx, r, col::MINUTES),
        };
        if judge.event(ctx, t, r, col::MEETING_DATE, m.date) {
            out.push(m);
        }
    }
    out
}

fn inspections(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Inspection> {
    let mut out = Vec::with_capacity(t.rows.len());
    for &r in &t.rows {
        let i = Inspection {
            loc: t.loc(r),
            date: t.date(ctx, r, col::INSPECTION_DATE),
            scope: t.shared_text(ctx, r, col::INSPECTION_SCOPE),
            participants: t.shared_text(ctx, r, col::PARTICIPANTS),
            hazards_found: t.count(ctx, r, col::HAZARDS_FOUND),
            hazards_fixed: t.count(ctx, r, col::HAZARDS_FIXED),
            note: t.shared_text(ctx, r, col::NOTE),
        };
        if judge.event(ctx, t, r, col::INSPECTION_DATE, i.date) {
            out.push(i);
        }
    }
    out
}

fn hazards(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Hazard> {
    let mut out = Vec::with_capacity(t.rows.len());
    for &r in &t.rows {
        let mut h = Hazard {
            loc: t.loc(r),
            found_on: t.date(ctx, r, col::FOUND_ON),
            description: t.shared_text(ctx, r, col::HAZARD_DESCRIPTION),
            grade: t.get(ctx, r, col::HAZARD_GRADE, values::hazard_grade),
            deadline: t.date(ctx, r, col::FIX_DUE),
            measure: t.shared_text(ctx, r, col::FIX_MEASURE),
            completed_on: t.date(ctx, r, col::FIX_COMPLETED_ON),
            responsible: t.shared_text(ctx, r, col::RESPONSIBLE),
        };
        if judge.event(ctx, t, r, col::FOUND_ON, h.found_on) {
            h.completed_on = judge.not_future(ctx, t, r, col::FIX_COMPLETED_ON, h.completed_on);
            out.push(h);
        }
    }
    out
}

fn quarterly(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<QuarterlyReport> {
    let mut out = Vec::with_capacity(t.rows.len());
    for &r in &t.rows {
        let mut q = QuarterlyReport {
            loc: t.loc(r),
            quarter: t.get(ctx, r, col::QUARTER, values::quarter),
            submitted_on: t.date(ctx, r, col::SUBMITTED_ON),
            title: t.text(ctx, r, col::REPORT_TITLE),
            accident_count: t.count(ctx, r, col::ACCIDENT_COUNT),
        };
        q.submitted_on = judge.not_future(ctx, t, r, col::SUBMITTED_ON, q.submitted_on);
        out.push(q);
    }
    out
}

fn accidents(t: &Table, ctx: &mut Ctx, judge: &Judge) -> Vec<Accident> {
    let loss_col = col::DIRECT_LOSS;
    // A note naming 元 but not 万元 means the column is in yuan.
    let yuan = t
        .notes
        .get(loss_col)
        .is_some_and(|n| n.contains('元') && !n.contains("万元"));
    let mut out = Vec::with_capacity(t.rows.len());
    for &r in &t.rows {
        let loss = t.get(ctx, r, loss_col, |v| values::money_wan(v, yuan));
        let mut a = Accident {
            loc: t.loc(r),
            date: t.date(ctx, r, col::OCCURRED_ON),
            summary: t.text(ctx, r, col::ACCIDENT_SUMMARY),
            grade: t.get(ctx, r, col::ACCIDENT_GRADE, values::accident_grade),
            deaths: t.count(ctx, r, col::DEATHS),
            injuries: t.count(ctx, r, col::INJURED),
            serious_injuries: t.count(ctx, r, col::SERIOUSLY_INJURED),
            loss_wan: loss,
            report_on: t.date(ctx, r, col::WRITTEN_CHECK_ON),
            in_activity: t.yes_no(ctx, r, col::DURING_ACTIVITY),
        };
        if judge.event(ctx, t, r, col::OCCURRED_ON, a.date) {
            a.report_on = judge.not_future(ctx, t, r, col::WRITTEN_CHECK_ON, a.report_on);
            out.push(a);
        }
    }
    out
}
