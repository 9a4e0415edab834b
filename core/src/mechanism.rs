//! The mechanism's rules as ONE list (mechanism.md): `RuleId` R1–R13, R15 — each with its
//! clause, title, the data it needs, its rubric item (`RubricItem`), what 待完成 means for it
//! and what a unit should do about it. Below `rules` and `results`, which both name rules.
//! Every other list of rules (the unit rules in bulletin order, the leader rules, the rules that
//! need a unit's own ledger, the rubric) is derived from here. `grep R10` or `grep 五.3` lands
//! on the variant, whose doc names the files behind it.
//!
//! Gaps in the list, on purpose:
//! - **There is no R14.** mechanism.md numbers the checkable rules R1–R13 and R15 and never
//!   specified an R14; the numbers are not closed up because results.json keys, issued bulletins
//!   and audits already name R15.
//! - Clauses that submitted data cannot show are not rules: 一.2 (the score itself is that
//!   clause's 年度考核), 一.3 (the half-year tracking and year-end assessment are this program),
//!   二.2 and 三.1–4 (the school's own coordination and supervision duties), 四.1's leadership
//!   structure (only its visits and 述职, R6/R7, are data), 五.3's imposing of measures (the
//!   office decides; the program only suggests, `scoring::outcomes`), 六.4 (investigations by the
//!   education authorities) and 七.2 (taking the veto into each unit's own 评先; the bulletin's
//!   抄告 list serves it). The vetoes of 七.1/七.3 are `results::VetoId` V1–V5, not rules.

use crate::config::{RulesCfg, ScoringCfg};
use crate::schema;
use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// A rule of the mechanism. Ordered and hashed as its text ("R1" < "R10" < "R2"), so that a
/// `BTreeMap<RuleId, _>` iterates and serialises exactly like the map of strings it replaced
/// and can be looked up with `"R10"` (`Borrow<str>`); `RuleId::UNIT` is the mechanism order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleId {
    /// 一.1 annual safety work plan, tasks with 责任人/完成时限, copied to 保卫处 by `plan_due`.
    /// Judged in rules/plan.rs from 年度安全工作计划 + cover; 待完成 until `plan_due`.
    R1,
    /// 二.1 one safety work meeting every semester. rules/meetings.rs (安全工作会议); 待完成:
    /// the semester and the period are still running and no meeting yet.
    R2,
    /// 二.1 the principal leader studies accident prevention once a semester. rules/meetings.rs;
    /// 待完成 as R2.
    R3,
    /// 二.1 a hazard inspection every month. rules/inspections.rs (隐患排查); 待完成: the
    /// running month has none yet.
    R4,
    /// 五.1 a report every quarter. rules/quarterly_reports.rs (季度报告); 待完成: before the quarter's
    /// due date (quarter end + `quarterly_report_grace_days`).
    R5,
    /// 四.1 every school leader visits the grassroots twice a year. rules/leaders.rs
    /// (领导调研督查); 待完成: in H1 always below 2 visits, later until 31 Dec.
    R6,
    /// 四.1 each leader's 述职报告 covers safety. rules/leaders.rs (领导述职); year only,
    /// 待完成 until 31 Dec.
    R7,
    /// 四.2 annual summary reports safety duty and 述安. rules/duty_report.rs (cover); year only,
    /// 待完成 until 31 Dec.
    R8,
    /// 五.2 事故多发单位. rules/accidents.rs (安全事故 + 事故认定); never 待完成.
    R9,
    /// 五.3 a punished unit reports its rectification in writing within 20 working days.
    /// rules/punishment_reports.rs (惩戒措施; items `results::PunishmentItem`); rubric
    /// `RubricItem::RectificationReports` (scoring: ½ per 逾期提交, all per 逾期未交);
    /// suggestion 建议通报批评 in scoring/outcomes.rs; 待完成: not yet due.
    R10,
    /// 五.4 written inspection report and 问责 after a responsible or casualty accident.
    /// rules/accidents.rs; never 待完成 (an accident needs its report).
    R11,
    /// 六.1–3 listed-supervision hazards fixed by their deadline. rules/listed_hazards.rs (挂牌督办;
    /// items `results::ListedItem`, state `results::ListedOutcome`); 待完成: 整改中(未到期).
    R12,
    /// 二.1、六.1 hazards found are fixed in time. rules/hazard_rectification.rs (隐患整改); 待完成:
    /// open, not yet due.
    R13,
    /// 一.1、五.1 every unit submits its ledger. rules/submission.rs (the inbox); 待完成: no
    /// ledger yet and the submission due date not passed.
    R15,
}

use RuleId::*;

/// Where a rule's data comes from (contract.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The unit's own ledger: these sheets (the cover when empty).
    Ledger(&'static [&'static str]),
    /// The central register (保卫处台账): these sheets (with the unit's ledger for accidents).
    Register(&'static [&'static str]),
    /// The inbox itself (which files arrived).
    Inbox,
}

impl RuleId {
    /// Every rule, in the mechanism's order.
    pub const ALL: [RuleId; 14] = [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R15];
    /// The rules judged per unit, in the order the bulletin lists them.
    pub const UNIT: [RuleId; 12] = [R1, R2, R3, R4, R5, R8, R9, R10, R11, R12, R13, R15];
    /// The rules judged per school leader.
    pub const LEADER: [RuleId; 2] = [R6, R7];

    /// "R10"
    pub fn as_str(self) -> &'static str {
        match self {
            R1 => "R1",
            R2 => "R2",
            R3 => "R3",
            R4 => "R4",
            R5 => "R5",
            R6 => "R6",
            R7 => "R7",
            R8 => "R8",
            R9 => "R9",
            R10 => "R10",
            R11 => "R11",
            R12 => "R12",
            R13 => "R13",
            R15 => "R15",
        }
    }

    /// The rule named by `id` ("R10"), if it is one.
    pub fn parse(id: &str) -> Option<RuleId> {
        Self::ALL.into_iter().find(|r| r.as_str() == id)
    }

    /// Clause of the mechanism, e.g. 五.3.
    pub fn clause(self) -> &'static str {
        match self {
            R1 => "一.1",
            R2 | R3 | R4 => "二.1",
            R5 => "五.1",
            R6 | R7 => "四.1",
            R8 => "四.2",
            R9 => "五.2",
            R10 => "五.3",
            R11 => "五.4",
            R12 => "六.1–3",
            R13 => "二.1、六.1",
            R15 => "一.1、五.1",
        }
    }

    /// Short Chinese title of the requirement.
    pub fn title(self) -> &'static str {
        match self {
            R1 => "年度安全工作计划",
            R2 => "每学期安全工作会议",
            R3 => "主要负责人研究防范措施",
            R4 => "每月隐患排查",
            R5 => "季度报告",
            R6 => "领导基层调研督查",
            R7 => "领导述职报告含安全工作",
            R8 => "年度总结报告履职、述职述安",
            R9 => "安全事故多发",
            R10 => "惩戒措施书面整改报告",
            R11 => "事故书面检查报告及问责",
            R12 => "挂牌督办隐患整改",
            R13 => "隐患及时整改",
            R15 => "台账报送",
        }
    }

    /// The data the rule is judged from.
    pub fn source(self) -> Source {
        match self {
            R1 => Source::Ledger(&[schema::PLAN]),
            R2 | R3 => Source::Ledger(&[schema::MEETINGS]),
            R4 => Source::Ledger(&[schema::INSPECTIONS]),
            R5 => Source::Ledger(&[schema::QUARTERLY]),
            R8 => Source::Ledger(&[]),
            R11 => Source::Ledger(&[schema::ACCIDENTS, schema::DETERMINATIONS]),
            R13 => Source::Ledger(&[schema::HAZARDS]),
            R9 => Source::Register(&[schema::ACCIDENTS, schema::DETERMINATIONS]),
            R10 => Source::Register(&[schema::PUNISHMENTS]),
            R12 => Source::Register(&[schema::LISTED]),
            R6 => Source::Register(&[schema::VISITS]),
            R7 => Source::Register(&[schema::LEADER_REPORTS]),
            R15 => Source::Inbox,
        }
    }

    /// Judged from the unit's own ledger: for a unit that did not submit they follow R15
    /// (mechanism.md R15) and the bulletin reports them once, under R15.
    pub fn needs_ledger(self) -> bool {
        matches!(self.source(), Source::Ledger(_))
    }

    /// The rubric item the rule scores in (None: leaders' rules, R15).
    pub fn rubric(self) -> Option<RubricItem> {
        RubricItem::ALL
            .into_iter()
            .find(|item| item.rules().contains(&self))
    }

    /// What a unit should do about the rule (its feedback page), in plain Chinese; deadlines
    /// from the config.
    pub fn todo(self, rules: &RulesCfg) -> String {
        match self {
            R5 => format!(
                "每季度结束后{}日内向保卫处报告安全工作落实情况及统计分析。",
                rules.quarterly_report_grace_days
            ),
            R10 => format!(
                "自惩戒措施实施之日起{}个工作日内，向学校书面报告整改落实情况。",
                rules.rectification_working_days
            ),
            R1 => "制定年度安全工作计划，分解任务并明确责任人和完成时限，抄送保卫处。".into(),
            R2 => "每学期召开一次安全工作会议，研究部署安全工作，并在台账中如实登记。".into(),
            R3 => "主要负责人每学期至少参加一次研究防范安全事故措施的会议，并在台账中登记。".into(),
            R4 => "每月至少开展一次安全隐患排查，补齐缺少的月份并按月登记。".into(),
            R8 => "主要负责人在年度总结中报告安全履职情况，并在绩效述职中述安。".into(),
            R9 => "分析事故多发原因，落实防范措施，防止同类事故再次发生。".into(),
            R11 => "及时向学校作出书面检查报告，配合启动问责。".into(),
            R12 => "按挂牌督办要求在整改时限内完成整改并申请销号。".into(),
            R13 => "对排查出的隐患在整改期限内整改完毕，并登记整改完成日期。".into(),
            R15 => "按时报送本单位安全工作台账。".into(),
            R6 | R7 => "对照通报要求整改。".into(),
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rule's text: renderers print `&id` where they printed the string.
impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for RuleId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Borrow<str> for RuleId {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An item of the year-end rubric (mechanism.md 年终考核): results.json `points` key, label,
/// rules, points from `[scoring]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RubricItem {
    Plan,
    Meetings,
    PrincipalStudy,
    Inspections,
    QuarterlyReports,
    DutyReport,
    RectificationReports,
    ListedHazards,
    Accidents,
    HazardRectification,
}

impl RubricItem {
    /// The rubric in its order.
    pub const ALL: [RubricItem; 10] = [
        RubricItem::Plan,
        RubricItem::Meetings,
        RubricItem::PrincipalStudy,
        RubricItem::Inspections,
        RubricItem::QuarterlyReports,
        RubricItem::DutyReport,
        RubricItem::RectificationReports,
        RubricItem::ListedHazards,
        RubricItem::Accidents,
        RubricItem::HazardRectification,
    ];

    /// results.json `points` key (= the `[scoring]` config key).
    pub fn key(self) -> &'static str {
        match self {
            RubricItem::Plan => "plan",
            RubricItem::Meetings => "meetings",
            RubricItem::PrincipalStudy => "principal_study",
            RubricItem::Inspections => "inspections",
            RubricItem::QuarterlyReports => "quarterly_reports",
            RubricItem::DutyReport => "duty_report",
            RubricItem::RectificationReports => "rectification_reports",
            RubricItem::ListedHazards => "listed_hazards",
            RubricItem::Accidents => "accidents",
            RubricItem::HazardRectification => "hazard_rectification",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RubricItem::Plan => "年度工作计划",
            RubricItem::Meetings => "学期安全工作会议",
            RubricItem::PrincipalStudy => "主要负责人研究防范措施",
            RubricItem::Inspections => "月度隐患排查",
            RubricItem::QuarterlyReports => "季度报告",
            RubricItem::DutyReport => "述职述安",
            RubricItem::RectificationReports => "惩戒整改报告",
            RubricItem::ListedHazards => "挂牌督办整改",
            RubricItem::Accidents => "安全事故",
            RubricItem::HazardRectification => "隐患整改",
        }
    }

    pub fn rules(self) -> &'static [RuleId] {
        match self {
            RubricItem::Plan => &[R1],
            RubricItem::Meetings => &[R2],
            RubricItem::PrincipalStudy => &[R3],
            RubricItem::Inspections => &[R4],
            RubricItem::QuarterlyReports => &[R5],
            RubricItem::DutyReport => &[R8],
            RubricItem::RectificationReports => &[R10],
            RubricItem::ListedHazards => &[R12],
            RubricItem::Accidents => &[R9, R11],
            RubricItem::HazardRectification => &[R13],
        }
    }

    /// Its points in the config.
    pub fn points(self, s: &ScoringCfg) -> f64 {
        match self {
            RubricItem::Plan => s.plan,
            RubricItem::Meetings => s.meetings,
            RubricItem::PrincipalStudy => s.principal_study,
            RubricItem::Inspections => s.inspections,
            RubricItem::QuarterlyReports => s.quarterly_reports,
            RubricItem::DutyReport => s.duty_report,
            RubricItem::RectificationReports => s.rectification_reports,
            RubricItem::ListedHazards => s.listed_hazards,
            RubricItem::Accidents => s.accidents,
            RubricItem::HazardRectification => s.hazard_rectification,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_sort_as_text() {
        for id in RuleId::ALL {
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
            assert!(!id.clause().is_empty() && !id.title().is_empty());
        }
        assert_eq!(RuleId::parse("R14"), None);
        let mut sorted = RuleId::UNIT;
        sorted.sort();
        assert_eq!(sorted[..3], [R1, R10, R11]);
    }

    #[test]
    fn ledger_rules_and_rubric_follow_the_list() {
        let ledger: Vec<RuleId> = RuleId::UNIT
            .into_iter()
            .filter(|r| r.needs_ledger())
            .collect();
        assert_eq!(ledger, [R1, R2, R3, R4, R5, R8, R11, R13]);
        assert_eq!(R10.rubric(), Some(RubricItem::RectificationReports));
        assert_eq!(R9.rubric(), R11.rubric());
        assert_eq!(R15.rubric(), None);
        assert_eq!(R6.rubric(), None);
        let scored: usize = RubricItem::ALL.iter().map(|i| i.rules().len()).sum();
        assert_eq!(scored, 11, "every unit rule but R15 is in one rubric item");
    }
}
