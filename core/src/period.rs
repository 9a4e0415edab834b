//! Assessment periods: `YYYYH1` (1 Jan–30 Jun, 半年跟踪督查), `YYYYH2` (1 Jul–31 Dec),
//! `YYYY` (the year, 年终考核).

use crate::config::RulesCfg;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// H1 / H2 / year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    H1,
    H2,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
}

impl Period {
    pub fn start(&self) -> NaiveDate {
        let month = if self.kind == PeriodKind::H2 { 7 } else { 1 };
        ymd(self.year, month, 1)
    }
    pub fn end(&self) -> NaiveDate {
        match self.kind {
            PeriodKind::H1 => ymd(self.year, 6, 30),
            _ => ymd(self.year, 12, 31),
        }
    }
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start() && d <= self.end()
    }
    pub fn is_year(&self) -> bool {
        self.kind == PeriodKind::Year
    }
    /// Calendar months of the period as (year, month).
    pub fn months(&self) -> Vec<(i32, u32)> {
        (self.start().month()..=self.end().month())
            .map(|m| (self.year, m))
            .collect()
    }
    /// Quarters (1–4) of the period.
    pub fn quarters(&self) -> Vec<u8> {
        match self.kind {
            PeriodKind::H1 => vec![1, 2],
            PeriodKind::H2 => vec![3, 4],
            PeriodKind::Year => vec![1, 2, 3, 4],
        }
    }
    /// 2026年上半年 / 2026年下半年 / 2026年度
    pub fn label_cn(&self) -> String {
        match self.kind {
            PeriodKind::H1 => format!("{}年上半年", self.year),
            PeriodKind::H2 => format!("{}年下半年", self.year),
            PeriodKind::Year => format!("{}年度", self.year),
        }
    }
    /// The bulletin title (outputs.md).
    pub fn bulletin_title(&self) -> String {
        match self.kind {
            PeriodKind::Year => format!("关于{}年度安全工作考核结果的通报", self.year),
            _ => format!("关于{}安全工作跟踪督查情况的通报", self.label_cn()),
        }
    }
    /// 报送日期 due for this period: H1 → submission_due_h1 of the year; H2 and the year →
    /// submission_due_h2 of the following year.
    pub fn submission_due(&self, rules: &RulesCfg) -> NaiveDate {
        match self.kind {
            PeriodKind::H1 => rules.submission_due_h1.in_year(self.year),
            _ => rules.submission_due_h2.in_year(self.year + 1),
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::H1 => write!(f, "{}H1", self.year),
            PeriodKind::H2 => write!(f, "{}H2", self.year),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_uppercase();
        let bad = || format!("考核期间“{s}”无法识别，应写作 2026H1、2026H2 或 2026");
        let (year_part, kind) = if let Some(y) = t.strip_suffix("H1") {
            (y, PeriodKind::H1)
        } else if let Some(y) = t.strip_suffix("H2") {
            (y, PeriodKind::H2)
        } else {
            (t.as_str(), PeriodKind::Year)
        };
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_part.parse().map_err(|_| bad())?;
        if !(1990..=2099).contains(&year) {
            return Err(bad());
        }
        Ok(Period { year, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        for s in ["2026H1", "2026H2", "2026"] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
        }
        assert_eq!("2026h1".parse::<Period>().unwrap().kind, PeriodKind::H1);
        assert!("26H1".parse::<Period>().is_err());
        assert!("2026H3".parse::<Period>().is_err());
    }

    #[test]
    fn bounds_and_due() {
        let h1: Period = "2026H1".parse().unwrap();
        assert_eq!(h1.end(), ymd(2026, 6, 30));
        assert_eq!(h1.months().len(), 6);
        let y: Period = "2026".parse().unwrap();
        assert_eq!(y.submission_due(&RulesCfg::default()), ymd(2027, 1, 10));
        assert_eq!(h1.submission_due(&RulesCfg::default()), ymd(2026, 7, 5));
        assert_eq!(y.bulletin_title(), "关于2026年度安全工作考核结果的通报");
    }
}
