//! Checks on a parsed config that types alone cannot express (unique names, ordered grades, …).
//! Each problem comes back with the key path it concerns, so the caller can name the line.

use super::keypath::Seg;
use super::messages::Invalid;
use super::section::Section;
use super::{Config, normalize_name};
use std::collections::BTreeMap;

/// A problem: where (key path) and what (worded in `messages.rs`).
pub type Problem = (Vec<Seg>, Invalid);

fn key(s: &str) -> Seg {
    Seg::Key(s.to_string())
}

/// The first problem in the config, checked section by section in file order.
pub fn validate(cfg: &Config) -> Option<Problem> {
    units(cfg)
        .or_else(|| leaders(cfg))
        .or_else(|| semesters(cfg))
        .or_else(|| calendar(cfg))
        .or_else(|| rules(cfg))
        .or_else(|| bulletin(cfg))
        .or_else(|| grades(cfg))
        .or_else(|| scoring(cfg))
}

fn units(cfg: &Config) -> Option<Problem> {
    // normalised name or alias → (unit index, as written)
    let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (i, u) in cfg.units.iter().enumerate() {
        let at = |k: &str| vec![key("units"), Seg::Index(i), key(k)];
        let name = normalize_name(&u.name);
        if name.is_empty() {
            return Some((at("name"), Invalid::EmptyUnitName));
        }
        if let Some((owner, other)) = seen.get(&name) {
            let owner = cfg.units.get(*owner).map_or("", |o| o.name.as_str());
            let msg = if owner == other {
                Invalid::DuplicateUnit {
                    name: u.name.clone(),
                    other: other.clone(),
                }
            } else {
                Invalid::UnitIsAlias {
                    name: u.name.clone(),
                    owner: owner.to_string(),
                    alias: other.clone(),
                }
            };
            return Some((at("name"), msg));
        }
        seen.insert(name.clone(), (i, u.name.clone()));
        for (j, a) in u.aliases.iter().enumerate() {
            let n = normalize_name(a);
            let here = vec![key("units"), Seg::Index(i), key("aliases"), Seg::Index(j)];
            if n.is_empty() {
                return Some((here, Invalid::EmptyAlias));
            }
            match seen.get(&n) {
                Some((owner, _)) if *owner == i => {} // an alias repeating its own unit's name
                Some((_, other)) => {
                    let msg = Invalid::AliasTaken {
                        unit: u.name.clone(),
                        alias: a.clone(),
                        other: other.clone(),
                    };
                    return Some((here, msg));
                }
                None => {
                    seen.insert(n, (i, a.clone()));
                }
            }
        }
    }
    None
}

fn leaders(cfg: &Config) -> Option<Problem> {
    let mut seen = BTreeMap::new();
    for (i, l) in cfg.leaders.iter().enumerate() {
        let at = vec![key("leaders"), Seg::Index(i), key("name")];
        let n = normalize_name(&l.name);
        if n.is_empty() {
            return Some((at, Invalid::EmptyLeader));
        }
        if seen.insert(n, ()).is_some() {
            return Some((
                at,
                Invalid::DuplicateLeader {
                    name: l.name.clone(),
                },
            ));
        }
    }
    None
}

fn semesters(cfg: &Config) -> Option<Problem> {
    cfg.semesters.iter().enumerate().find_map(|(i, s)| {
        (s.start > s.end).then(|| {
            (
                vec![key("semesters"), Seg::Index(i), key("end")],
                Invalid::SemesterEndsEarly {
                    name: s.name.clone(),
                    start: s.start,
                    end: s.end,
                },
            )
        })
    })
}

fn calendar(cfg: &Config) -> Option<Problem> {
    let mut seen = BTreeMap::new();
    for (i, y) in cfg.calendar.year.iter().enumerate() {
        let at = |k: &str| vec![key("calendar"), key("year"), Seg::Index(i), key(k)];
        if seen.insert(y.year, ()).is_some() {
            return Some((at("year"), Invalid::DuplicateYear { year: y.year }));
        }
        let stray = y
            .holidays
            .iter()
            .chain(&y.makeup_workdays)
            .find(|d| chrono::Datelike::year(*d) != y.year);
        if let Some(d) = stray {
            let (date, year) = (*d, y.year);
            return Some((at("year"), Invalid::DateOutsideYear { date, year }));
        }
    }
    None
}

/// Longest working-day count (`rectification_working_days`): a year.
pub const MAX_WORKING_DAYS: u32 = 365;
/// Longest `quarterly_report_grace_days`.
pub const MAX_GRACE_DAYS: u32 = 366;

/// A day count above `max` (keeps the day-counting loops short).
fn day_cap(section: &str, k: &str, value: u32, max: u32, working: bool) -> Option<Problem> {
    (value > max).then(|| {
        let what = Invalid::TooManyDays {
            value,
            max,
            working,
        };
        (vec![key(section), key(k)], what)
    })
}

fn rules(cfg: &Config) -> Option<Problem> {
    let r = &cfg.rules;
    let caps = day_cap(
        "rules",
        "quarterly_report_grace_days",
        r.quarterly_report_grace_days,
        MAX_GRACE_DAYS,
        false,
    )
    .or_else(|| {
        day_cap(
            "rules",
            "rectification_working_days",
            r.rectification_working_days,
            MAX_WORKING_DAYS,
            true,
        )
    });
    if caps.is_some() {
        return caps;
    }
    if r.frequent_accident_threshold < 1 {
        return Some((
            vec![key("rules"), key("frequent_accident_threshold")],
            Invalid::NoAccidentThreshold,
        ));
    }
    let months = &r.inspection_exempt_months;
    months.iter().enumerate().find_map(|(i, m)| {
        (!(1..=12).contains(m)).then(|| {
            (
                vec![key("rules"), key("inspection_exempt_months"), Seg::Index(i)],
                Invalid::BadMonth { month: *m },
            )
        })
    })
}

fn bulletin(cfg: &Config) -> Option<Problem> {
    day_cap(
        "bulletin",
        "rectification_working_days",
        cfg.bulletin.rectification_working_days,
        MAX_WORKING_DAYS,
        true,
    )
}

fn grades(cfg: &Config) -> Option<Problem> {
    let g = &cfg.grades;
    let at = |k: &str| vec![key("grades"), key(k)];
    for (k, v) in [
        ("excellent", g.excellent),
        ("good", g.good),
        ("pass", g.pass),
    ] {
        if !(0.0..=100.0).contains(&v) {
            return Some((at(k), Invalid::GradeOutOfRange { value: v }));
        }
    }
    if g.good > g.excellent {
        return Some((
            at("good"),
            Invalid::GoodAboveExcellent {
                good: g.good,
                excellent: g.excellent,
            },
        ));
    }
    if g.pass > g.good {
        return Some((
            at("pass"),
            Invalid::PassAboveGood {
                pass: g.pass,
                good: g.good,
            },
        ));
    }
    None
}

/// Every `[scoring]` value, whatever items the rubric has: a finite number, not negative.
fn scoring(cfg: &Config) -> Option<Problem> {
    cfg.scoring.fields().into_iter().find_map(|(k, v)| {
        let value = *v.downcast_ref::<f64>()?;
        (!value.is_finite() || value < 0.0)
            .then(|| (vec![key("scoring"), key(k)], Invalid::BadPoints { value }))
    })
}
