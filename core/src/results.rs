//! The results of an evaluation, typed: what the rules and scoring hand to the renderers. It
//! serialises to results.json exactly (outputs.md): `json` writes it with keys sorted, one unit,
//! leader or finding per line; dates are ISO, `status` is met / not_met / pending / na, enums serialise as the text
//! results.json has always carried.

mod items;
pub mod json;
mod outcome;

pub use items::{
    AccidentItem, HazardItem, ItemFields, ListedItem, ListedOutcome, MonthItem, PunishmentItem,
    QuarterItem, RuleFacts, SemesterItem,
};
pub use outcome::{AccidentSource, Grade, VetoId};

use crate::findings::Finding;
use crate::mechanism::RuleId;
use crate::model::{AccidentGrade, InputFile};
use crate::period::PeriodKind;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// 达标 / 未达标 / 待完成 / 不适用
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Pending,
    Na,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "达标",
            Status::NotMet => "未达标",
            Status::Pending => "待完成",
            Status::Na => "不适用",
        }
    }
    /// Worst of the items (mechanism.md): any 未达标 → 未达标, else any 待完成 → 待完成,
    /// else 达标; no items → 不适用.
    pub fn worst<I: IntoIterator<Item = Status>>(items: I) -> Status {
        let mut any = false;
        let mut pending = false;
        for s in items {
            match s {
                Status::NotMet => return Status::NotMet,
                Status::Pending => pending = true,
                Status::Met => {}
                Status::Na => {}
            }
            any = true;
        }
        if !any {
            Status::Na
        } else if pending {
            Status::Pending
        } else {
            Status::Met
        }
    }
}

/// One item of a multi-item rule. Every item has `status` and a Chinese `detail`; the other
/// keys depend on the rule (`ItemFields`: R10 measure, imposed, due, submitted; R4 month; …).
/// Serialised flat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub status: Status,
    pub detail: String,
    #[serde(flatten)]
    pub fields: ItemFields,
}

/// The rule results of a unit or a leader, keyed by rule (serialised as `"R10": {…}`).
pub type RuleMap = BTreeMap<RuleId, RuleResult>;

/// One rule's result for a unit or a leader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    pub status: Status,
    /// e.g. 缺2026年4月、5月 · 逾期3个工作日 · 未到期，截止2026-05-28
    pub detail: String,
    /// Clause of the mechanism, e.g. 二.1
    pub clause: String,
    /// Short Chinese name of the requirement, e.g. 每月隐患排查
    pub title: String,
    /// Items in date order then row order; empty for single-item rules. Always serialised
    /// (`[]` when empty) so readers of results.json find `items` on every rule.
    pub items: Vec<Item>,
    /// Rule-specific keys (R4 `missing_months`, R6 `visits`, …), serialised flat.
    #[serde(flatten)]
    pub facts: Option<RuleFacts>,
}

/// Points earned on one rubric item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Points {
    /// 年度工作计划 …
    pub label: String,
    pub rules: Vec<RuleId>,
    pub earned: f64,
    pub max: f64,
    /// Left out of a provisional score (entirely pending, or n/a for the period).
    pub excluded: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdjustmentRecord {
    pub points: f64,
    pub reason: String,
}

/// A unit's accident as the bulletin lists it (ledger row, or a determination matching none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccidentRecord {
    pub date: Option<NaiveDate>,
    pub summary: Option<String>,
    /// 单位报告的等级
    pub reported_grade: Option<AccidentGrade>,
    /// 保卫处等级认定
    pub determined_grade: Option<AccidentGrade>,
    /// Grade implied by the casualty/loss figures (493号令).
    pub implied_grade: Option<AccidentGrade>,
    /// The grade that counts: determined if present, else reported.
    pub grade: Option<AccidentGrade>,
    pub deaths: Option<u32>,
    pub injuries: Option<u32>,
    pub serious_injuries: Option<u32>,
    /// 万元
    pub loss: Option<f64>,
    pub report_date: Option<NaiveDate>,
    /// 负有责任 (central register)
    pub responsible: Option<bool>,
    /// 谎报瞒报 (central register)
    pub concealed: Option<bool>,
    pub bad_influence: Option<bool>,
    pub in_activity: Option<bool>,
    /// ledger / register (determination with no reported accident)
    pub source: AccidentSource,
    /// Needs a written inspection report and starts accountability (五.4, R11).
    pub accountability: bool,
}

/// A veto (year) or a veto risk (H1/H2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VetoRecord {
    /// V1…V5
    pub id: VetoId,
    /// e.g. 七.3 一
    pub clause: String,
    /// The condition in words, e.g. 发生重大校园安全事故
    pub condition: String,
    /// The evidence: which accident, which determination.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    pub name: String,
    pub kind: String,
    /// Roster order, 0-based (tie-breaks rankings).
    pub order: usize,
    pub principal: Option<String>,
    pub submitted: bool,
    /// Ledger file relative to the inbox.
    pub file: Option<String>,
    pub submitted_on: Option<NaiveDate>,
    /// 报送日期 after the period's submission due date.
    pub late_submission: bool,
    /// The feedback page's file name, e.g. `feedback/信息工程系.html`.
    pub feedback: String,
    /// One decimal; `null` in a year preview while nothing is judged yet (outputs.md "Settled"
    /// 5), ranked after every scored unit.
    pub score: Option<f64>,
    pub provisional: bool,
    /// 优秀 / 良好 / 合格 / 不合格 / 不合格（一票否决）; `null` with a `null` score.
    pub grade: Grade,
    /// 1-based ranking by score (ties by roster order).
    pub rank: usize,
    pub commended: bool,
    /// H1/H2: no 未达标 rule and no veto risk (表现较好的单位).
    pub performing_well: bool,
    /// Every rule ID R1–R5, R8–R13, R15 → result.
    pub rules: RuleMap,
    /// Rubric item key (plan, meetings, …) → points.
    pub points: BTreeMap<String, Points>,
    pub adjustments: Vec<AdjustmentRecord>,
    pub suggestions: Vec<String>,
    pub accidents: Vec<AccidentRecord>,
    pub vetoes: Vec<VetoRecord>,
    pub veto_risks: Vec<VetoRecord>,
    /// Rule IDs with status 未达标, in rule order.
    pub not_met: Vec<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaderResult {
    pub name: String,
    pub title: Option<String>,
    /// R6, R7 → result (R6 has `visits` in its facts).
    pub rules: RuleMap,
    /// Visits from 1 Jan to the period end (up to as-of).
    pub visits: Vec<VisitRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitRecord {
    pub date: NaiveDate,
    pub unit: Option<String>,
    pub content: Option<String>,
}

/// A rule's met rate across units: 达标 ÷ (达标 + 未达标).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetRate {
    pub rule: RuleId,
    pub title: String,
    pub clause: String,
    pub met: usize,
    pub not_met: usize,
    pub pending: usize,
    pub na: usize,
    /// None when nothing was judged.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub roster: usize,
    pub submitted: usize,
    pub on_time: usize,
    pub late: usize,
    pub missing: Vec<String>,
    pub met_rates: Vec<MetRate>,
    /// Overall 达标 ÷ (达标 + 未达标) over all unit rules.
    pub overall_rate: Option<f64>,
    pub vetoed: Vec<String>,
    pub veto_risk: Vec<String>,
    /// 事故多发单位 (R9)
    pub frequent_accident_units: Vec<String>,
    /// 表彰建议名单 (year), by score.
    pub commended: Vec<String>,
    /// 表现较好的单位 (H1/H2)
    pub performing_well: Vec<String>,
    /// Grade → number of units (year).
    pub grade_counts: BTreeMap<String, usize>,
    pub errors: usize,
    pub warnings: usize,
}

/// Everything a build produced, the root of results.json.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// 2026H1 / 2026H2 / 2026
    pub period: String,
    pub period_kind: PeriodKind,
    pub year: i32,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub as_of: NaiveDate,
    /// 关于2026年上半年安全工作跟踪督查情况的通报
    pub title: String,
    /// A year build made on or before 31 Dec: a preview (预评) with provisional scores, veto
    /// risks and no commendation (outputs.md "Settled" 5). Always false for H1/H2.
    pub preview: bool,
    pub school: String,
    pub issuer: String,
    /// 厦城院综〔2026〕12号 (or with a blank number)
    pub doc_number: String,
    /// The 整改要求 date (working days after the bulletin date).
    pub rectification_due: NaiveDate,
    /// Years without holiday data that `rectification_due` was counted through (Monday–Friday
    /// only): `build` lists the date under 印发前请核对 (never in the bulletin).
    pub rectification_due_unverified: Vec<i32>,
    /// Submission due date for this period (报送日期).
    pub submission_due: NaiveDate,
    pub config_sha256: String,
    pub register_present: bool,
    pub register_file: Option<String>,
    /// What could not be evaluated for want of central-register data, in Chinese naming the
    /// rules, vetoes and clauses (e.g. no register → V4、V5 无法评估). `[]` when nothing is missing.
    pub notes: Vec<String>,
    pub inputs: Vec<InputFile>,
    pub units: Vec<UnitResult>,
    pub leaders: Vec<LeaderResult>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    /// 按语.md rendered later; the raw Markdown is kept here.
    pub prose: Option<String>,
}

impl Results {
    /// results.json bytes (`json`): keys sorted, the top two levels one entry per line and
    /// everything deeper compact, trailing newline.
    pub fn to_json(&self) -> Vec<u8> {
        json::to_lines(self).unwrap_or_default()
    }

    /// `to_json`'s bytes written to `sink` as they are made (a unit's line at a time): at a
    /// city's scale results.json is the largest output by far and is never in memory whole.
    pub fn write_json(&self, sink: Box<dyn std::io::Write>) -> Result<(), serde_json::Error> {
        json::to_writer_in_order(&InKeyOrder(self, None), sink)
    }

    /// `write_json`, writing each unit marked in `unchanged` (`unchanged_units` of the build
    /// whose lines `kept` holds and this one) from its kept line, its new rank put in (`watch`:
    /// a rebuild after one file changed serialises that unit only); then keeping this build's
    /// lines for the next. The bytes are `write_json`'s.
    pub fn write_json_keeping(
        &self,
        sink: Box<dyn std::io::Write>,
        kept: &mut KeptLines,
        unchanged: &[bool],
    ) -> Result<(), serde_json::Error> {
        use std::sync::Arc;
        let made = std::sync::Mutex::new(Vec::new());
        let reuse = |i: usize, u: &UnitResult| {
            if !unchanged.get(i).copied().unwrap_or(false) {
                return None;
            }
            let (before, after) = kept.units.get(&u.name)?;
            Some(vec![
                Arc::clone(before),
                Arc::from(u.rank.to_string()),
                Arc::clone(after),
            ])
        };
        json::to_writer_in_order(&InKeyOrder(self, Some((&reuse, &made))), sink)?;
        let made: HashMap<usize, String> =
            made.into_inner().unwrap_or_default().into_iter().collect();
        let mut lines = HashMap::with_capacity(self.units.len());
        let mut bytes = 0usize;
        for (i, u) in self.units.iter().enumerate() {
            let halves = match made.get(&i) {
                Some(line) => match rank_halves(line, u.rank) {
                    Some(halves) => halves,
                    None => continue,
                },
                None => match kept.units.remove(&u.name) {
                    Some(halves) => halves,
                    None => continue,
                },
            };
            bytes = bytes
                .saturating_add(halves.0.len())
                .saturating_add(halves.1.len());
            lines.insert(u.name.clone(), halves);
        }
        kept.units = if bytes <= KeptLines::MAX_BYTES {
            lines
        } else {
            HashMap::new()
        };
        Ok(())
    }
}

/// A unit's line cut around its rank, the one value that moves for every unit when one unit's
/// score does; None unless `"rank":` occurs once and holds `rank`.
fn rank_halves(line: &str, rank: usize) -> Option<(std::sync::Arc<str>, std::sync::Arc<str>)> {
    let field = format!("\"rank\":{rank}");
    if line.matches("\"rank\":").count() != 1 {
        return None;
    }
    let at = line.find(&field)?;
    let (before, rest) = line.split_at(at.checked_add("\"rank\":".len())?);
    let after = rest.get(rank.to_string().len()..)?;
    after
        .starts_with([',', '}'])
        .then(|| (std::sync::Arc::from(before), std::sync::Arc::from(after)))
}

/// For each unit of `now`: does the unit of its name in `before` equal it, rank aside
/// (`same_but_rank`)? Compared on every core with the `parallel` feature.
pub fn unchanged_units(before: &Results, now: &Results) -> Vec<bool> {
    let was: HashMap<&str, &UnitResult> =
        before.units.iter().map(|u| (u.name.as_str(), u)).collect();
    let one = |u: &UnitResult| {
        was.get(u.name.as_str())
            .is_some_and(|w| same_but_rank(w, u))
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        now.units.par_iter().map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        now.units.iter().map(one).collect()
    }
}

/// Are two unit results equal but for their rank? (Every field named: a new field of
/// `UnitResult` does not compile until it is compared here.)
pub fn same_but_rank(a: &UnitResult, b: &UnitResult) -> bool {
    let UnitResult {
        name,
        kind,
        order,
        principal,
        submitted,
        file,
        submitted_on,
        late_submission,
        feedback,
        score,
        provisional,
        grade,
        rank: _,
        commended,
        performing_well,
        rules,
        points,
        adjustments,
        suggestions,
        accidents,
        vetoes,
        veto_risks,
        not_met,
    } = a;
    *name == b.name
        && *kind == b.kind
        && *order == b.order
        && *principal == b.principal
        && *submitted == b.submitted
        && *file == b.file
        && *submitted_on == b.submitted_on
        && *late_submission == b.late_submission
        && *feedback == b.feedback
        && *score == b.score
        && *provisional == b.provisional
        && *grade == b.grade
        && *commended == b.commended
        && *performing_well == b.performing_well
        && *rules == b.rules
        && *points == b.points
        && *adjustments == b.adjustments
        && *suggestions == b.suggestions
        && *accidents == b.accidents
        && *vetoes == b.vetoes
        && *veto_risks == b.veto_risks
        && *not_met == b.not_met
}

/// The lines of the units of the last results.json written, each cut around its rank
/// (`Results::write_json_keeping`).
#[derive(Debug, Default)]
pub struct KeptLines {
    units: HashMap<String, (std::sync::Arc<str>, std::sync::Arc<str>)>,
}

impl KeptLines {
    /// Lines kept at most (300 units × 2,000 rows are about 40 MB); a larger inbox is
    /// serialised afresh each time.
    const MAX_BYTES: usize = 96 << 20;
}

/// A kept line for a unit, and where this build's lines made afresh go.
type Keeping<'a> = (
    &'a json::Reuse<'a, UnitResult>,
    &'a std::sync::Mutex<Vec<(usize, String)>>,
);

/// `Results` with its fields given in key order, for `json::to_writer_in_order`.
struct InKeyOrder<'a>(&'a Results, Option<Keeping<'a>>);

impl Serialize for InKeyOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // Every field named: a new field of `Results` does not compile until it is placed here.
        let Results {
            period,
            period_kind,
            year,
            period_start,
            period_end,
            as_of,
            title,
            preview,
            school,
            issuer,
            doc_number,
            rectification_due,
            rectification_due_unverified,
            submission_due,
            config_sha256,
            register_present,
            register_file,
            notes,
            inputs,
            units,
            leaders,
            summary,
            findings,
            prose,
        } = self.0;
        let units = json::Lines {
            items: units,
            reuse: self.1.map(|k| k.0),
            made: self.1.map(|k| k.1),
        };
        let mut m = s.serialize_struct("Results", 24)?;
        m.serialize_field("as_of", as_of)?;
        m.serialize_field("config_sha256", config_sha256)?;
        m.serialize_field("doc_number", doc_number)?;
        m.serialize_field("findings", &json::Lines::new(findings))?;
        m.serialize_field("inputs", inputs)?;
        m.serialize_field("issuer", issuer)?;
        m.serialize_field("leaders", leaders)?;
        m.serialize_field("notes", notes)?;
        m.serialize_field("period", period)?;
        m.serialize_field("period_end", period_end)?;
        m.serialize_field("period_kind", period_kind)?;
        m.serialize_field("period_start", period_start)?;
        m.serialize_field("preview", preview)?;
        m.serialize_field("prose", prose)?;
        m.serialize_field("rectification_due", rectification_due)?;
        m.serialize_field("rectification_due_unverified", rectification_due_unverified)?;
        m.serialize_field("register_file", register_file)?;
        m.serialize_field("register_present", register_present)?;
        m.serialize_field("school", school)?;
        m.serialize_field("submission_due", submission_due)?;
        m.serialize_field("summary", summary)?;
        m.serialize_field("title", title)?;
        m.serialize_field("units", &units)?;
        m.serialize_field("year", year)?;
        m.end()
    }
}
