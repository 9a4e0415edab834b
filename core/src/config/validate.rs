//! Checks on a parsed config that types alone cannot express (unique names, ordered grades, …).
//! Each problem comes back with the key path it concerns, so the caller can name the line.

use super::keys::Seg;
use super::{Config, normalize_name};
use std::collections::BTreeMap;

/// A problem: where (key path) and what (Chinese, without the location).
pub type Problem = (Vec<Seg>, String);

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
            return Some((at("name"), "单位名称不能为空".into()));
        }
        if let Some((owner, other)) = seen.get(&name) {
            let owner = &cfg.units[*owner].name;
            let msg = if owner == other {
                format!("单位名称“{}”与前面的单位“{other}”重复", u.name)
            } else {
                format!("单位名称“{}”与单位“{owner}”的别名“{other}”重复", u.name)
            };
            return Some((at("name"), msg));
        }
        seen.insert(name.clone(), (i, u.name.clone()));
        for (j, a) in u.aliases.iter().enumerate() {
            let n = normalize_name(a);
            let here = vec![key("units"), Seg::Index(i), key("aliases"), Seg::Index(j)];
            if n.is_empty() {
                return Some((here, "别名不能为空".into()));
            }
            match seen.get(&n) {
                Some((owner, _)) if *owner == i => {} // an alias repeating its own unit's name
                Some((_, other)) => {
                    let msg = format!(
                        "单位“{}”的别名“{a}”与另一单位的名称或别名“{other}”相同，无法区分",
                        u.name
                    );
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
            return Some((at, "领导姓名不能为空".into()));
        }
        if seen.insert(n, ()).is_some() {
            return Some((at, format!("领导“{}”重复列出", l.name)));
        }
    }
    None
}

fn semesters(cfg: &Config) -> Option<Problem> {
    cfg.semesters.iter().enumerate().find_map(|(i, s)| {
        (s.start > s.end).then(|| {
            (
                vec![key("semesters"), Seg::Index(i), key("end")],
                format!(
                    "学期“{}”的结束日期 {} 早于开始日期 {}",
                    s.name, s.end, s.start
                ),
            )
        })
    })
}

fn calendar(cfg: &Config) -> Option<Problem> {
    let mut seen = BTreeMap::new();
    for (i, y) in cfg.calendar.year.iter().enumerate() {
        let at = |k: &str| vec![key("calendar"), key("year"), Seg::Index(i), key(k)];
        if seen.insert(y.year, ()).is_some() {
            return Some((at("year"), format!("{}年的节假日数据重复给出", y.year)));
        }
        let stray = y
            .holidays
            .iter()
            .chain(&y.makeup_workdays)
            .find(|d| chrono::Datelike::year(*d) != y.year);
        if let Some(d) = stray {
            return Some((at("year"), format!("日期 {d} 不在{}年内", y.year)));
        }
    }
    None
}

/// Longest working-day count (`rectification_working_days`): a year.
pub const MAX_WORKING_DAYS: u32 = 365;
/// Longest `quarterly_report_grace_days`.
pub const MAX_GRACE_DAYS: u32 = 366;

/// A day count above `max` (keeps the day-counting loops short).
fn day_cap(section: &str, k: &str, v: u32, max: u32, unit: &str) -> Option<Problem> {
    (v > max).then(|| {
        (
            vec![key(section), key(k)],
            format!("天数 {v} 过大，应为 0 到 {max} 个{unit}"),
        )
    })
}

fn rules(cfg: &Config) -> Option<Problem> {
    let r = &cfg.rules;
    let caps = day_cap(
        "rules",
        "quarterly_report_grace_days",
        r.quarterly_report_grace_days,
        MAX_GRACE_DAYS,
        "日历日",
    )
    .or_else(|| {
        day_cap(
            "rules",
            "rectification_working_days",
            r.rectification_working_days,
            MAX_WORKING_DAYS,
            "工作日",
        )
    });
    if caps.is_some() {
        return caps;
    }
    if r.frequent_accident_threshold < 1 {
        return Some((
            vec![key("rules"), key("frequent_accident_threshold")],
            "事故多发起数 0 无效，应为不小于 1 的整数（否则每个单位都成为事故多发单位）".into(),
        ));
    }
    let months = &r.inspection_exempt_months;
    months.iter().enumerate().find_map(|(i, m)| {
        (!(1..=12).contains(m)).then(|| {
            (
                vec![key("rules"), key("inspection_exempt_months"), Seg::Index(i)],
                format!("月份 {m} 无效，应为 1 到 12"),
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
        "工作日",
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
            return Some((at(k), format!("分数线 {v} 应在 0 到 100 之间")));
        }
    }
    if g.good > g.excellent {
        return Some((
            at("good"),
            format!("良好线 {} 高于优秀线 {}", g.good, g.excellent),
        ));
    }
    if g.pass > g.good {
        return Some((
            at("pass"),
            format!("合格线 {} 高于良好线 {}", g.pass, g.good),
        ));
    }
    None
}

fn scoring(cfg: &Config) -> Option<Problem> {
    let s = &cfg.scoring;
    let items = [
        ("plan", s.plan),
        ("meetings", s.meetings),
        ("principal_study", s.principal_study),
        ("inspections", s.inspections),
        ("quarterly_reports", s.quarterly_reports),
        ("duty_report", s.duty_report),
        ("rectification_reports", s.rectification_reports),
        ("listed_hazards", s.listed_hazards),
        ("accidents", s.accidents),
        ("hazard_rectification", s.hazard_rectification),
    ];
    items.iter().find_map(|(k, v)| {
        (!v.is_finite() || *v < 0.0).then(|| {
            (
                vec![key("scoring"), key(k)],
                format!("分值 {v} 无效，应为不小于 0 的数"),
            )
        })
    })
}
