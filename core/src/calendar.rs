//! Working days (工作日): the shipped China holiday calendar (`data/cn-holidays.toml`, embedded)
//! plus the config's extra days and whole years. Counting follows 民法典 第二百零一条: the start
//! day is not counted. A year without data is counted Monday–Friday and reported to the caller as
//! a missing year, so that every result relying on it can carry `holiday_data_missing`.

use crate::config::{CalendarCfg, CalendarYear};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The holiday data shipped with the program.
pub const SHIPPED: &str = include_str!("../data/cn-holidays.toml");

#[derive(Debug, Deserialize)]
struct ShippedFile {
    #[serde(default)]
    year: Vec<CalendarYear>,
}

/// Parse the shipped holiday file. It is part of the program, tested below; a broken file would
/// only leave every year unknown (Monday–Friday with warnings), never crash.
pub fn shipped_years() -> Vec<CalendarYear> {
    toml::from_str::<ShippedFile>(SHIPPED)
        .map(|f| f.year)
        .unwrap_or_default()
}

/// The most days `add_workdays` scans: 20 years, far beyond 365 working days in any real
/// calendar.
pub const MAX_SCAN_DAYS: u32 = 20 * 366;

/// Working-day calendar.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Year → (holidays, makeup working days), shipped data overridden by whole config years.
    years: BTreeMap<i32, (BTreeSet<NaiveDate>, BTreeSet<NaiveDate>)>,
    extra_holidays: BTreeSet<NaiveDate>,
    extra_workdays: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The shipped data plus the config's `[calendar]` (a `[[calendar.year]]` replaces the
    /// shipped data of that year; `extra_holidays` win over `extra_workdays`).
    pub fn new(cfg: &CalendarCfg) -> Calendar {
        let mut years = BTreeMap::new();
        for y in shipped_years().into_iter().chain(cfg.year.iter().cloned()) {
            let hol: BTreeSet<NaiveDate> = y.holidays.into_iter().collect();
            let work: BTreeSet<NaiveDate> = y.makeup_workdays.into_iter().collect();
            years.insert(y.year, (hol, work));
        }
        Calendar {
            years,
            extra_holidays: cfg.extra_holidays.iter().copied().collect(),
            extra_workdays: cfg.extra_workdays.iter().copied().collect(),
        }
    }

    /// Whether the year's holidays are known (shipped or given whole in the config).
    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// Whether `d` is a working day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        if self.extra_holidays.contains(&d) {
            return false;
        }
        if self.extra_workdays.contains(&d) {
            return true;
        }
        let weekday = !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match self.years.get(&d.year()) {
            Some((hol, work)) => (weekday && !hol.contains(&d)) || work.contains(&d),
            None => weekday,
        }
    }

    /// The `n`-th working day after `start` (start not counted), with the years without data
    /// that the count passed through. The config caps `n` at 365; whatever `n` or calendar
    /// (e.g. whole years declared holidays), the count gives up after `MAX_SCAN_DAYS` days and
    /// returns the day it reached, so it always ends quickly.
    pub fn add_workdays(&self, start: NaiveDate, n: u32) -> (NaiveDate, Vec<i32>) {
        let mut missing = BTreeSet::new();
        let mut d = start;
        let mut left = n;
        let mut scanned = 0u32;
        while left > 0 && scanned < MAX_SCAN_DAYS {
            scanned += 1;
            let Some((next, workday)) = self.next_day(d, &mut missing) else {
                break;
            };
            d = next;
            if workday {
                left -= 1;
            }
        }
        (d, missing.into_iter().collect())
    }

    /// The day after `d` and whether it is a working day; its year goes into `missing` when
    /// there is no holiday data for it. None past the end of the calendar.
    fn next_day(&self, d: NaiveDate, missing: &mut BTreeSet<i32>) -> Option<(NaiveDate, bool)> {
        let next = d.checked_add_days(Days::new(1))?;
        if !self.knows_year(next.year()) {
            missing.insert(next.year());
        }
        Some((next, self.is_workday(next)))
    }

    /// Working days in (deadline, actual], at least 1 when `actual` is after `deadline`
    /// (0 when it is not), with the years without data the count used.
    pub fn late_workdays(&self, deadline: NaiveDate, actual: NaiveDate) -> (u32, Vec<i32>) {
        if actual <= deadline {
            return (0, Vec::new());
        }
        let mut missing = BTreeSet::new();
        let mut count = 0u32;
        let mut d = deadline;
        while d < actual {
            let Some((next, workday)) = self.next_day(d, &mut missing) else {
                break;
            };
            d = next;
            if workday {
                count += 1;
            }
        }
        (count.max(1), missing.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn shipped() -> Calendar {
        Calendar::new(&CalendarCfg::default())
    }

    #[test]
    fn shipped_data_parses_and_matches_known_dates() {
        let years = shipped_years();
        let ys: Vec<i32> = years.iter().map(|y| y.year).collect();
        assert_eq!(ys, vec![2024, 2025, 2026]);
        let cal = shipped();
        assert!(!cal.is_workday(d(2026, 10, 1)));
        assert!(!cal.is_workday(d(2026, 2, 23))); // 春节, a Monday
        assert!(cal.is_workday(d(2026, 2, 28))); // 调休 Saturday
        assert!(cal.is_workday(d(2024, 10, 12)));
        assert!(!cal.is_workday(d(2025, 5, 31)));
        assert!(cal.knows_year(2026) && !cal.knows_year(2027));
    }

    #[test]
    fn labour_day_holiday_shifts_the_deadline() {
        // 2026-04-28 + 20 working days: 5月1–5日 off, 5月9日 (Sat) worked → 05-28.
        let (due, missing) = shipped().add_workdays(d(2026, 4, 28), 20);
        assert_eq!(due, d(2026, 5, 28));
        assert!(missing.is_empty());
        // Plain Monday–Friday would give 05-26.
        let plain = Calendar::default();
        assert_eq!(plain.add_workdays(d(2026, 4, 28), 20).0, d(2026, 5, 26));
    }

    #[test]
    fn june_deadline_skips_dragon_boat() {
        assert_eq!(shipped().add_workdays(d(2026, 6, 1), 20).0, d(2026, 6, 30));
    }

    #[test]
    fn national_day_counts_the_makeup_saturday() {
        let cal = shipped();
        assert!(cal.is_workday(d(2026, 10, 10)));
        // 9-30 (Wed) + 1 → 10-08 (Thu, the first working day after 国庆).
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 1).0, d(2026, 10, 8));
        // 10-08, 10-09, 10-10 (调休 Sat), 10-12 → the 4th is Monday 10-12.
        assert_eq!(cal.add_workdays(d(2026, 9, 30), 4).0, d(2026, 10, 12));
    }

    #[test]
    fn crossing_into_an_unknown_year_reports_it() {
        let (due, missing) = shipped().add_workdays(d(2026, 12, 20), 20);
        assert_eq!(missing, vec![2027]);
        assert_eq!(due.year(), 2027);
        let mut cfg = CalendarCfg::default();
        cfg.extra_holidays.push(d(2027, 1, 1));
        assert_eq!(
            Calendar::new(&cfg).add_workdays(d(2026, 12, 20), 20).1,
            vec![2027],
            "single extra days do not make a year known"
        );
        cfg.year.push(CalendarYear {
            year: 2027,
            holidays: vec![d(2027, 1, 1)],
            ..CalendarYear::default()
        });
        assert!(
            Calendar::new(&cfg)
                .add_workdays(d(2026, 12, 20), 20)
                .1
                .is_empty()
        );
    }

    #[test]
    fn add_workdays_always_ends_quickly() {
        let cal = shipped();
        let t = std::time::Instant::now();
        let (due, _) = cal.add_workdays(d(2026, 1, 1), 365);
        assert!(due > d(2027, 1, 1) && due < d(2027, 7, 1), "{due}");
        // A calendar declaring 2027 a year of holidays still gets there, in 2028.
        let mut cfg = CalendarCfg::default();
        let all_2027: Vec<NaiveDate> = d(2027, 1, 1).iter_days().take(365).collect();
        cfg.year.push(CalendarYear {
            year: 2027,
            holidays: all_2027,
            ..CalendarYear::default()
        });
        let (due, missing) = Calendar::new(&cfg).add_workdays(d(2026, 12, 31), 365);
        assert_eq!(due.year(), 2029, "{due}");
        assert_eq!(missing, vec![2028, 2029]);
        // An absurd count stops after MAX_SCAN_DAYS days instead of running to year 262143.
        let (far, _) = cal.add_workdays(d(2026, 1, 1), u32::MAX);
        assert_eq!((far - d(2026, 1, 1)).num_days(), i64::from(MAX_SCAN_DAYS));
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn late_by_working_days() {
        let cal = shipped();
        assert_eq!(cal.late_workdays(d(2026, 5, 28), d(2026, 5, 28)).0, 0);
        assert_eq!(cal.late_workdays(d(2026, 5, 28), d(2026, 5, 29)).0, 1);
        // Due Friday, submitted Sunday: still late by at least 1.
        assert_eq!(cal.late_workdays(d(2026, 5, 29), d(2026, 5, 31)).0, 1);
        // Due 09-30, submitted 10-08: 10-01..07 are holidays → 1 working day late.
        assert_eq!(cal.late_workdays(d(2026, 9, 30), d(2026, 10, 8)).0, 1);
    }

    #[test]
    fn extra_days_override() {
        let mut cfg = CalendarCfg::default();
        cfg.extra_holidays.push(d(2026, 12, 31));
        cfg.extra_workdays.push(d(2026, 12, 26));
        let cal = Calendar::new(&cfg);
        assert!(!cal.is_workday(d(2026, 12, 31)));
        assert!(cal.is_workday(d(2026, 12, 26)));
    }
}
