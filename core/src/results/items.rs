//! What each rule's items and facts hold, typed: one struct per kind of item (R2/R3 semesters,
//! R4 months, R5 quarters, R10 punishments, R11 accidents, R12 listed hazards, R13 hazards) and
//! one variant per rule's own facts (R1 plan, R4 missing months, R6 visits, …). Scoring and
//! rendering read these fields; serde writes them flat under the names of outputs.md, so
//! results.json keeps its bytes (keys are sorted later, `None` is `null`).

use crate::model::{AccidentGrade, HazardGrade, ListedState, Measure, SupervisionLevel};
use chrono::NaiveDate;
use serde::Serialize;

/// The rule-specific keys of one item, serialised flat beside `status` and `detail`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ItemFields {
    /// R2, R3
    Semester(SemesterItem),
    /// R4
    Month(MonthItem),
    /// R5
    Quarter(QuarterItem),
    /// R10
    Punishment(PunishmentItem),
    /// R11 (boxed, like R12: the enum stays the size of the small items, of which a city's
    /// inbox has hundreds of thousands)
    Accident(Box<AccidentItem>),
    /// R12
    Listed(Box<ListedItem>),
    /// R13
    Hazard(HazardItem),
}

/// A semester of R2/R3: meetings counted (None: the sheet is missing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SemesterItem {
    pub semester: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub meetings: Option<usize>,
}

/// A month of R4: `YYYY-MM`, inspections counted (None: the sheet is missing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthItem {
    pub month: String,
    pub inspections: Option<usize>,
}

/// A quarter of R5: due date, first report by as-of, calendar days late (0 when on time).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterItem {
    pub quarter: u8,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
    pub late_days: i64,
}

/// A punishment of R10 and its written rectification report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PunishmentItem {
    pub measure: Option<Measure>,
    pub imposed: Option<NaiveDate>,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
}

/// An accident of R11 that needs a written inspection report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccidentItem {
    pub date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub grade: Option<AccidentGrade>,
    pub deaths: Option<u32>,
    pub injuries: Option<u32>,
    pub responsible: Option<bool>,
    pub report_date: Option<NaiveDate>,
}

/// A listed-supervision hazard of R12 (挂牌督办), judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedItem {
    /// 编号
    pub id: Option<String>,
    /// 名称
    pub name: Option<String>,
    /// 督办级别
    pub level: Option<SupervisionLevel>,
    pub listed: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    /// The judged state.
    pub state: ListedOutcome,
    /// 状态 as the register wrote it.
    pub register_state: Option<ListedState>,
    /// 从重处罚（六.3）, 撤换部门主要负责人（六.3）, 可提请市教育局挂牌督办（六.2）
    pub hints: Vec<String>,
}

/// A hazard found by a unit's inspection (R13).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HazardItem {
    pub found: Option<NaiveDate>,
    /// The ledger's text, shared.
    pub description: Option<std::sync::Arc<str>>,
    pub grade: Option<HazardGrade>,
    pub deadline: Option<NaiveDate>,
    pub completed: Option<NaiveDate>,
}

/// R12's judged state of a listed hazard (六.1–3), in mechanism.md's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ListedOutcome {
    #[serde(rename = "已销号(按期)")]
    ClosedOnTime,
    #[serde(rename = "逾期销号")]
    ClosedLate,
    #[serde(rename = "拒不整改")]
    Refused,
    #[serde(rename = "逾期未整改")]
    Overdue,
    #[serde(rename = "整改中(未到期)")]
    InProgress,
}

impl ListedOutcome {
    pub fn label(self) -> &'static str {
        match self {
            ListedOutcome::ClosedOnTime => "已销号(按期)",
            ListedOutcome::ClosedLate => "逾期销号",
            ListedOutcome::Refused => "拒不整改",
            ListedOutcome::Overdue => "逾期未整改",
            ListedOutcome::InProgress => "整改中(未到期)",
        }
    }
}

impl ItemFields {
    /// The date a report is due by: R5, R10 `due`.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            ItemFields::Quarter(q) => Some(q.due),
            ItemFields::Punishment(p) => Some(p.due),
            _ => None,
        }
    }
    /// The date a hazard must be fixed by: R12, R13 `deadline`.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            ItemFields::Listed(l) => l.deadline,
            ItemFields::Hazard(h) => h.deadline,
            _ => None,
        }
    }
    /// A report was made by as-of (R5 quarterly report, R10 rectification report).
    pub fn submitted(&self) -> bool {
        match self {
            ItemFields::Quarter(q) => q.submitted.is_some(),
            ItemFields::Punishment(p) => p.submitted.is_some(),
            _ => false,
        }
    }
    /// The keys and values as results.json names them, for the workbook's one-sheet-per-rule
    /// listing of every item key (a generic table; everything else reads the typed fields).
    pub fn columns(&self) -> std::collections::BTreeMap<String, serde_json::Value> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map.into_iter().collect(),
            _ => Default::default(),
        }
    }
    /// An R12 item's fields.
    pub fn listed(&self) -> Option<&ListedItem> {
        match self {
            ItemFields::Listed(l) => Some(l),
            _ => None,
        }
    }
    /// R12's judged state.
    pub fn listed_state(&self) -> Option<ListedOutcome> {
        self.listed().map(|l| l.state)
    }
}

/// A rule's own keys beside `status`, `detail`, `clause`, `title`, `items` (serialised flat).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RuleFacts {
    /// R1: the plan's copy date and tasks.
    Plan {
        due: NaiveDate,
        copied: Option<NaiveDate>,
        tasks: usize,
        incomplete_tasks: usize,
    },
    /// R1 without its sheet: only the due date.
    PlanDue { due: NaiveDate },
    /// R4: the ended, non-exempt months without an inspection (`YYYY-MM`).
    Months { missing_months: Vec<String> },
    /// R6: visits from 1 Jan to the period end.
    Visits { visits: usize },
    /// R8: the cover's two answers.
    Duty {
        annual_summary: Option<bool>,
        performance_review: Option<bool>,
    },
    /// R9: accidents in the period.
    Accidents { accidents: usize },
    /// R15 with a ledger.
    Submitted { due: NaiveDate, late: bool },
    /// R15 without one: unreadable files naming the unit, if any.
    NotSubmitted {
        due: NaiveDate,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        unreadable_files: Vec<String>,
    },
    /// R10/R12 when the central register lacks the sheet.
    MissingSheet { missing_sheet: &'static str },
}

impl RuleFacts {
    /// R4's missing months (empty for any other rule).
    pub fn missing_months(&self) -> &[String] {
        match self {
            RuleFacts::Months { missing_months } => missing_months,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::{Item, RuleResult, Status};
    use serde_json::json;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn rule(facts: Option<RuleFacts>) -> serde_json::Value {
        let r = RuleResult {
            status: Status::Met,
            detail: String::new(),
            clause: String::new(),
            title: String::new(),
            items: Vec::new(),
            facts,
        };
        serde_json::to_value(r).unwrap_or_default()
    }

    #[test]
    fn facts_serialise_flat_with_nulls_kept_and_empty_lists_left_out() {
        let base = json!({"status": "met", "detail": "", "clause": "", "title": "", "items": []});
        assert_eq!(rule(None), base);
        let not_submitted = RuleFacts::NotSubmitted {
            due: d(7, 5),
            unreadable_files: vec![],
        };
        assert_eq!(rule(Some(not_submitted))["due"], "2026-07-05");
        assert!(
            rule(Some(RuleFacts::NotSubmitted {
                due: d(7, 5),
                unreadable_files: vec![]
            }))
            .get("unreadable_files")
            .is_none()
        );
        let plan = RuleFacts::Plan {
            due: d(3, 31),
            copied: None,
            tasks: 2,
            incomplete_tasks: 0,
        };
        let v = rule(Some(plan));
        assert_eq!(v["copied"], serde_json::Value::Null);
        assert_eq!(v["tasks"], 2);
    }

    #[test]
    fn items_serialise_their_keys_flat() {
        let item = Item {
            status: Status::NotMet,
            detail: "x".into(),
            fields: ItemFields::Listed(Box::new(ListedItem {
                id: None,
                name: Some("消防通道".into()),
                level: Some(SupervisionLevel::School),
                listed: Some(d(2, 1)),
                deadline: None,
                closed: None,
                state: ListedOutcome::Refused,
                register_state: Some(ListedState::Refused),
                hints: vec!["撤换部门主要负责人（六.3）".into()],
            })),
        };
        let v = serde_json::to_value(&item).unwrap_or_default();
        assert_eq!(v["state"], "拒不整改");
        assert_eq!(v["level"], "学校");
        assert_eq!(v["id"], serde_json::Value::Null);
        assert_eq!(v["status"], "not_met");
        assert_eq!(item.fields.columns().len(), 9);
    }
}
