//! The central register as check.html knows it: the published facts R10 and R12 read — each
//! roster unit's punishments (惩戒措施) and listed hazards (挂牌督办) with their dates — and the
//! 考评加减分 the score takes (points and reason, as results.json publishes them), taken
//! from the register that counted in the build, serialised into the page, and turned back into
//! a `model::Register` in the browser. Nothing else of the register leaves the office.

use crate::model::{
    Adjustment, ListedHazard, ListedState, Loc, Measure, Punishment, Register, SupervisionLevel,
};
use crate::schema::{ADJUSTMENTS, LISTED, PUNISHMENTS};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The register's facts: `None` for a sheet the register lacked (R10/R12 then say so, as in
/// the bulletin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterFacts {
    pub file: String,
    pub punishments: Option<Vec<PunishmentFact>>,
    pub listed_hazards: Option<Vec<ListedFact>>,
    /// 考评加减分 rows of roster units (the preview's score takes them as the bulletin does).
    #[serde(default)]
    pub adjustments: Option<Vec<AdjustmentFact>>,
}

/// One 考评加减分 row of a roster unit: what results.json publishes (`points`, `reason`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdjustmentFact {
    pub row: u32,
    pub unit: String,
    pub points: Option<f64>,
    pub reason: Option<String>,
}

/// One 惩戒措施 row of a roster unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PunishmentFact {
    pub row: u32,
    pub unit: String,
    /// 约谈 / 黄牌警告 / …
    pub measure: Option<String>,
    pub imposed: Option<NaiveDate>,
    pub report_on: Option<NaiveDate>,
}

/// One 挂牌督办 row of a roster unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedFact {
    pub row: u32,
    pub id: Option<String>,
    pub name: Option<String>,
    pub unit: String,
    /// 学校 / 市教育局
    pub level: Option<String>,
    pub listed_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// 整改中 / 已销号 / 拒不整改
    pub state: Option<String>,
}

const MEASURES: [Measure; 5] = [
    Measure::Interview,
    Measure::YellowCard,
    Measure::Criticism,
    Measure::RectificationNotice,
    Measure::ListedSupervision,
];
const LEVELS: [SupervisionLevel; 2] = [SupervisionLevel::School, SupervisionLevel::CityBureau];
const STATES: [ListedState; 3] = [
    ListedState::InProgress,
    ListedState::Closed,
    ListedState::Refused,
];

impl RegisterFacts {
    /// The facts of a register: rows of roster units only (a row without a recognised unit
    /// concerns no unit's preview).
    pub fn of(reg: &Register) -> Self {
        let punishments = reg.punishments.as_ref().map(|rows| {
            rows.iter()
                .filter_map(|p| {
                    Some(PunishmentFact {
                        row: p.loc.row,
                        unit: p.unit.clone()?,
                        measure: p.measure.map(|m| m.label().to_string()),
                        imposed: p.imposed,
                        report_on: p.report_on,
                    })
                })
                .collect()
        });
        let listed_hazards = reg.listed_hazards.as_ref().map(|rows| {
            rows.iter()
                .filter_map(|h| {
                    Some(ListedFact {
                        row: h.loc.row,
                        id: h.id.clone(),
                        name: h.name.clone(),
                        unit: h.unit.clone()?,
                        level: h.level.map(|l| l.label().to_string()),
                        listed_on: h.listed_on,
                        deadline: h.deadline,
                        closed_on: h.closed_on,
                        state: h.state.map(|s| s.label().to_string()),
                    })
                })
                .collect()
        });
        let adjustments = reg.adjustments.as_ref().map(|rows| {
            rows.iter()
                .filter_map(|a| {
                    Some(AdjustmentFact {
                        row: a.loc.row,
                        unit: a.unit.clone()?,
                        points: a.points,
                        reason: a.reason.clone(),
                    })
                })
                .collect()
        });
        RegisterFacts {
            file: reg.file.clone(),
            punishments,
            listed_hazards,
            adjustments,
        }
    }

    /// The register the rules read, rebuilt from the facts (only R10 and R12 read these two; the
    /// other sheets are given empty).
    pub fn to_register(&self) -> Register {
        let file: std::sync::Arc<str> = self.file.as_str().into();
        let loc = |sheet: &str, row: u32| Loc::new(file.clone(), sheet, row);
        let punishments = self.punishments.as_ref().map(|rows| {
            rows.iter()
                .map(|p| Punishment {
                    loc: loc(PUNISHMENTS, p.row),
                    unit: Some(p.unit.clone()),
                    measure: by_label(&MEASURES, p.measure.as_deref(), |m| m.label()),
                    imposed: p.imposed,
                    reason: None,
                    report_on: p.report_on,
                })
                .collect()
        });
        let listed_hazards = self.listed_hazards.as_ref().map(|rows| {
            rows.iter()
                .map(|h| ListedHazard {
                    loc: loc(LISTED, h.row),
                    id: h.id.clone(),
                    name: h.name.clone(),
                    unit: Some(h.unit.clone()),
                    level: by_label(&LEVELS, h.level.as_deref(), |l| l.label()),
                    listed_on: h.listed_on,
                    deadline: h.deadline,
                    closed_on: h.closed_on,
                    state: by_label(&STATES, h.state.as_deref(), |s| s.label()),
                })
                .collect()
        });
        let adjustments = self
            .adjustments
            .iter()
            .flatten()
            .map(|a| Adjustment {
                loc: loc(ADJUSTMENTS, a.row),
                unit: Some(a.unit.clone()),
                points: a.points,
                reason: a.reason.clone(),
                approver: None,
            })
            .collect();
        // The sheets the page does not carry are given as present and empty, not missing: the
        // real register's gaps are the bulletin's to state, and a unit must not read that the
        // register lacks 事故认定 or 领导调研督查 when it only was not embedded.
        Register {
            file: self.file.clone(),
            punishments,
            listed_hazards,
            determinations: Some(Vec::new()),
            visits: Some(Vec::new()),
            leader_reports: Some(Vec::new()),
            adjustments: Some(adjustments),
            ..Register::default()
        }
    }
}

fn by_label<T: Copy>(
    all: &[T],
    label: Option<&str>,
    name: impl Fn(T) -> &'static str,
) -> Option<T> {
    let label = label?;
    all.iter().copied().find(|v| name(*v) == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, m, day)
    }

    #[test]
    fn facts_round_trip_through_json() {
        let loc = |row| Loc::new("保卫处.xlsx", PUNISHMENTS, row);
        let reg = Register {
            file: "保卫处.xlsx".into(),
            punishments: Some(vec![
                Punishment {
                    loc: loc(3),
                    unit: Some("信息工程系".into()),
                    measure: Some(Measure::YellowCard),
                    imposed: d(3, 2),
                    reason: Some("内部原因，不公开".into()),
                    report_on: d(3, 9),
                },
                Punishment {
                    loc: loc(4),
                    unit: None,
                    measure: None,
                    imposed: None,
                    reason: None,
                    report_on: None,
                },
            ]),
            listed_hazards: Some(vec![ListedHazard {
                loc: loc(5),
                id: Some("GP-1".into()),
                name: Some("配电房".into()),
                unit: Some("信息工程系".into()),
                level: Some(SupervisionLevel::CityBureau),
                listed_on: d(1, 5),
                deadline: d(2, 5),
                closed_on: None,
                state: Some(ListedState::Refused),
            }]),
            adjustments: Some(vec![Adjustment {
                loc: loc(4),
                unit: Some("信息工程系".into()),
                points: Some(1.5),
                reason: Some("消防演练成绩突出".into()),
                approver: Some("审批人甲".into()),
            }]),
            ..Register::default()
        };
        let facts = RegisterFacts::of(&reg);
        let json = serde_json::to_string(&facts).unwrap();
        assert!(
            !json.contains("内部原因"),
            "reasons stay in the office: {json}"
        );
        let back: RegisterFacts = serde_json::from_str(&json).unwrap();
        let rebuilt = back.to_register();
        let p = &rebuilt.punishments.as_ref().unwrap()[..];
        assert_eq!(p.len(), 1, "a row of no unit is not published");
        assert_eq!(p[0].measure, Some(Measure::YellowCard));
        assert_eq!(p[0].report_on, d(3, 9));
        let h = &rebuilt.listed_hazards.as_ref().unwrap()[0];
        assert_eq!(h.level, Some(SupervisionLevel::CityBureau));
        assert_eq!(h.state, Some(ListedState::Refused));
        assert_eq!(h.loc.row, 5);
        assert!(
            !json.contains("审批人甲"),
            "approvers stay in the office: {json}"
        );
        let a = &rebuilt.adjustments.as_ref().unwrap()[..];
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].points, Some(1.5));
        assert_eq!(a[0].unit.as_deref(), Some("信息工程系"));
        assert_eq!(a[0].approver, None);
        // Not carried, so given empty (never "missing": that would be a false gap note).
        for empty in [
            rebuilt.determinations.as_ref().map(Vec::len),
            rebuilt.visits.as_ref().map(Vec::len),
            rebuilt.leader_reports.as_ref().map(Vec::len),
        ] {
            assert_eq!(empty, Some(0));
        }
    }
}
