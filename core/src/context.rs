//! The evaluation context every stage after ingest reads: the config, the working-day calendar,
//! the period, the as-of date and the central register — with the as-of and period tests of
//! mechanism.md ("Words used below") in one place. Built once by `eval`, read by `rules` and
//! `scoring`.

use crate::calendar::Calendar;
use crate::config::Config;
use crate::model::Register;
use crate::period::Period;
use chrono::NaiveDate;

/// The evaluation context shared by every rule and by scoring.
pub struct Ctx<'a> {
    pub cfg: &'a Config,
    pub cal: Calendar,
    pub period: Period,
    pub as_of: NaiveDate,
    pub register: Option<&'a Register>,
}

/// Why a central-register sheet gives no rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterGap {
    /// No central register in the inbox (contract.md: `missing_register`).
    NoRegister,
    /// The register lacks this sheet (an error finding from ingest).
    MissingSheet(&'static str),
}

impl<'a> Ctx<'a> {
    /// A date that has happened by as-of; later dates count as not yet made.
    pub fn seen(&self, d: Option<NaiveDate>) -> Option<NaiveDate> {
        d.filter(|d| *d <= self.as_of)
    }
    /// An event dated in the period and not after as-of.
    pub fn in_period(&self, d: Option<NaiveDate>) -> bool {
        d.is_some_and(|d| self.period.contains(d) && d <= self.as_of)
    }
    /// The period's last day is over by as-of (requirements due at the period's end are judged).
    pub fn period_over(&self) -> bool {
        self.as_of > self.period.end()
    }
    /// A year assessment after the year has ended: final scores, vetoes, commendation. A year
    /// build with as-of on or before 31 Dec is a preview (预评, outputs.md "Settled" 5) and is
    /// scored like H1/H2: provisional scores, veto risks, no commendation.
    pub fn final_year(&self) -> bool {
        self.period.is_year() && self.period_over()
    }
    /// A year build made on or before 31 Dec (预评).
    pub fn preview(&self) -> bool {
        self.period.is_year() && !self.period_over()
    }
    /// An item of a register (R10, R12) that the period holds: started in the period, or before
    /// it and still open when the period started (mechanism.md, "which items a period holds").
    /// A closing date after as-of has not happened yet: the item is still open.
    pub fn holds(&self, start: Option<NaiveDate>, closed: Option<NaiveDate>) -> bool {
        let Some(s) = start else { return false };
        if s > self.as_of {
            return false;
        }
        let ps = self.period.start();
        self.period.contains(s) || (s < ps && self.seen(closed).is_none_or(|c| c >= ps))
    }
    /// The rows of a central-register sheet, or why there are none (`sheet` names it).
    pub fn register_rows<T>(
        &self,
        sheet: &'static str,
        get: impl Fn(&'a Register) -> Option<&'a [T]>,
    ) -> Result<&'a [T], RegisterGap> {
        let reg = self.register.ok_or(RegisterGap::NoRegister)?;
        get(reg).ok_or(RegisterGap::MissingSheet(sheet))
    }
    /// The same context over another period (H2's veto risks look at the whole year).
    pub fn with_period(&self, period: Period) -> Ctx<'a> {
        Ctx {
            cfg: self.cfg,
            cal: self.cal.clone(),
            period,
            as_of: self.as_of,
            register: self.register,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn ctx<'a>(cfg: &'a Config, period: &str, as_of: NaiveDate) -> Ctx<'a> {
        Ctx {
            cfg,
            cal: Calendar::default(),
            period: period.parse().unwrap_or(Period {
                year: 2026,
                kind: crate::period::PeriodKind::H1,
            }),
            as_of,
            register: None,
        }
    }

    #[test]
    fn register_items_carry_into_later_periods_while_open() {
        let cfg = Config::default();
        let h2 = ctx(&cfg, "2026H2", d(2026, 12, 1));
        assert!(h2.holds(Some(d(2026, 6, 20)), None));
        assert!(h2.holds(Some(d(2026, 6, 20)), Some(d(2026, 7, 1))));
        assert!(!h2.holds(Some(d(2026, 6, 20)), Some(d(2026, 6, 30))));
        assert!(
            !h2.holds(Some(d(2026, 12, 2)), None),
            "after as-of: not yet happened"
        );
        let h1 = ctx(&cfg, "2026H1", d(2026, 12, 1));
        assert!(!h1.holds(Some(d(2026, 7, 2)), None));
        // A closing date after as-of has not happened: still open when H2 starts.
        let early = ctx(&cfg, "2026H2", d(2026, 6, 20));
        assert!(early.holds(Some(d(2026, 6, 10)), Some(d(2026, 6, 25))));
        assert!(!early.holds(Some(d(2026, 6, 10)), Some(d(2026, 6, 15))));
    }

    #[test]
    fn as_of_day_itself_is_not_over() {
        let cfg = Config::default();
        let c = ctx(&cfg, "2026H1", d(2026, 6, 30));
        assert!(!c.period_over());
        assert!(ctx(&cfg, "2026H1", d(2026, 7, 1)).period_over());
        assert_eq!(c.seen(Some(d(2026, 7, 1))), None);
        assert!(c.in_period(Some(d(2026, 6, 30))));
    }
}
