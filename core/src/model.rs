//! Typed submissions: what ingest hands to the rules. Every value is already parsed
//! (dates are `NaiveDate`, closed sets are enums); a field that was blank or unreadable is `None`
//! (ingest has already raised its finding). Each row keeps its location for later findings.
//! Texts that repeat down a sheet (an inspection's 排查范围, a hazard's 整改措施) and the file and
//! sheet names of the locations are shared (`Arc<str>`): a city's inbox holds millions of rows.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where a row came from: the sheet it is on (`Place`, shared by every row of the sheet — a
/// city's inbox holds millions of rows, so a row's location is one pointer and a number) and
/// the 1-based row number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loc {
    pub at: Arc<Place>,
    /// 1-based Excel row number.
    pub row: u32,
}

/// A sheet rows were read from: the file and the sheet name as written in the file, and the
/// 0-based column of each canonical header found on that sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub cols: BTreeMap<&'static str, u32>,
}

impl Loc {
    /// Row `row` of `sheet` in `file`, with no header columns known (cells fall back to A).
    pub fn new(file: impl Into<Arc<str>>, sheet: impl Into<Arc<str>>, row: u32) -> Loc {
        Loc {
            at: Arc::new(Place {
                file: file.into(),
                sheet: sheet.into(),
                cols: BTreeMap::new(),
            }),
            row,
        }
    }
    pub fn file(&self) -> &Arc<str> {
        &self.at.file
    }
    pub fn sheet(&self) -> &Arc<str> {
        &self.at.sheet
    }
    /// A1 reference of this row's cell under `header` (the canonical header name);
    /// falls back to column A when the header was not found.
    pub fn cell(&self, header: &str) -> String {
        let col = self.at.cols.get(header).copied().unwrap_or(0);
        crate::findings::a1(self.row.saturating_sub(1), col)
    }
}

/// 单位类型
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub enum UnitKind {
    #[serde(rename = "部门")]
    Department,
    #[serde(rename = "系部")]
    AcademicDept,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Department => "部门",
            UnitKind::AcademicDept => "系部",
        }
    }
}

/// 事故等级 (国务院令第493号). Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AccidentGrade {
    #[serde(rename = "一般")]
    General,
    #[serde(rename = "较大")]
    Major,
    #[serde(rename = "重大")]
    Serious,
    #[serde(rename = "特别重大")]
    Extraordinary,
}

impl AccidentGrade {
    pub fn label(self) -> &'static str {
        match self {
            AccidentGrade::General => "一般",
            AccidentGrade::Major => "较大",
            AccidentGrade::Serious => "重大",
            AccidentGrade::Extraordinary => "特别重大",
        }
    }
}

/// 隐患等级
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum HazardGrade {
    #[serde(rename = "一般")]
    General,
    #[serde(rename = "较大")]
    Major,
    #[serde(rename = "重大")]
    Serious,
}

impl HazardGrade {
    pub fn label(self) -> &'static str {
        match self {
            HazardGrade::General => "一般",
            HazardGrade::Major => "较大",
            HazardGrade::Serious => "重大",
        }
    }
}

/// 惩戒措施类型 (五.3)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Measure {
    #[serde(rename = "约谈")]
    Interview,
    #[serde(rename = "黄牌警告")]
    YellowCard,
    #[serde(rename = "通报批评")]
    Criticism,
    #[serde(rename = "下发整改通知书")]
    RectificationNotice,
    #[serde(rename = "挂牌督办")]
    ListedSupervision,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Interview => "约谈",
            Measure::YellowCard => "黄牌警告",
            Measure::Criticism => "通报批评",
            Measure::RectificationNotice => "下发整改通知书",
            Measure::ListedSupervision => "挂牌督办",
        }
    }
}

/// 督办级别 (六.2)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SupervisionLevel {
    #[serde(rename = "学校")]
    School,
    #[serde(rename = "市教育局")]
    CityBureau,
}

impl SupervisionLevel {
    pub fn label(self) -> &'static str {
        match self {
            SupervisionLevel::School => "学校",
            SupervisionLevel::CityBureau => "市教育局",
        }
    }
}

/// 挂牌督办 状态
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ListedState {
    #[serde(rename = "整改中")]
    InProgress,
    #[serde(rename = "已销号")]
    Closed,
    #[serde(rename = "拒不整改")]
    Refused,
}

impl ListedState {
    pub fn label(self) -> &'static str {
        match self {
            ListedState::InProgress => "整改中",
            ListedState::Closed => "已销号",
            ListedState::Refused => "拒不整改",
        }
    }
}

// ---------------------------------------------------------------- unit ledger (单位安全工作台账)

/// 封面 of a unit ledger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LedgerCover {
    /// 单位名称 as written.
    pub unit_name_raw: Option<String>,
    pub year: Option<i32>,
    pub principal: Option<String>,
    /// 报送日期
    pub submitted_on: Option<NaiveDate>,
    pub kind: Option<UnitKind>,
    pub safety_deputy: Option<String>,
    pub filled_by: Option<String>,
    pub phone: Option<String>,
    /// 计划抄送保卫处日期 (R1)
    pub plan_copied_on: Option<NaiveDate>,
    /// 年度总结报告安全履职 (R8)
    pub annual_summary_duty: Option<bool>,
    /// 绩效述职述安 (R8)
    pub performance_review_duty: Option<bool>,
    /// Location of each cover key's value cell, by canonical key (for findings).
    pub cells: BTreeMap<&'static str, String>,
    /// Sheet name of the cover as written in the file.
    pub sheet: String,
}

/// 年度安全工作计划 row (R1).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTask {
    pub loc: Loc,
    pub task: Option<String>,
    pub responsible: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub note: Option<String>,
}

/// 安全工作会议 row (R2, R3).
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub loc: Loc,
    pub date: Option<NaiveDate>,
    pub topic: Option<String>,
    pub principal_attended: Option<bool>,
    pub prevention_studied: Option<bool>,
    pub host: Option<String>,
    pub attendees: Option<f64>,
    pub minutes: Option<String>,
}

/// 隐患排查 row (R4).
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    pub loc: Loc,
    pub date: Option<NaiveDate>,
    pub scope: Option<Arc<str>>,
    pub participants: Option<Arc<str>>,
    pub hazards_found: Option<u32>,
    pub hazards_fixed: Option<u32>,
    pub note: Option<Arc<str>>,
}

/// 隐患整改 row (R13).
#[derive(Debug, Clone, PartialEq)]
pub struct Hazard {
    pub loc: Loc,
    pub found_on: Option<NaiveDate>,
    pub description: Option<Arc<str>>,
    pub grade: Option<HazardGrade>,
    /// 整改期限
    pub deadline: Option<NaiveDate>,
    pub measure: Option<Arc<str>>,
    /// 整改完成日期
    pub completed_on: Option<NaiveDate>,
    pub responsible: Option<Arc<str>>,
}

/// 季度报告 row (R5).
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterlyReport {
    pub loc: Loc,
    /// 1..=4
    pub quarter: Option<u8>,
    pub submitted_on: Option<NaiveDate>,
    pub title: Option<String>,
    /// 事故起数
    pub accident_count: Option<u32>,
}

/// 安全事故 row (R9, R11, V1, V2).
#[derive(Debug, Clone, PartialEq)]
pub struct Accident {
    pub loc: Loc,
    pub date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub grade: Option<AccidentGrade>,
    pub deaths: Option<u32>,
    pub injuries: Option<u32>,
    pub serious_injuries: Option<u32>,
    /// 直接经济损失, always in 万元 (converted from 元 when the header says so).
    pub loss_wan: Option<f64>,
    /// 书面检查报告日期
    pub report_on: Option<NaiveDate>,
    /// 是否在活动中发生
    pub in_activity: Option<bool>,
}

/// A unit's ledger workbook, the one that counts for the unit.
/// A sheet that was missing is `None` (its `missing_sheet` finding was raised).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ledger {
    /// File name relative to the inbox.
    pub file: String,
    /// Canonical roster name.
    pub unit: String,
    pub cover: LedgerCover,
    pub plan: Option<Vec<PlanTask>>,
    pub meetings: Option<Vec<Meeting>>,
    pub inspections: Option<Vec<Inspection>>,
    pub hazards: Option<Vec<Hazard>>,
    pub quarterly: Option<Vec<QuarterlyReport>>,
    pub accidents: Option<Vec<Accident>>,
    /// The unit's earliest eligible version that has a 报送日期 (file, 报送日期): lateness is
    /// judged on it (outputs.md "Settled" 1). None when no eligible version is dated.
    pub first_version: Option<(String, NaiveDate)>,
}

// ---------------------------------------------------------------- central register (保卫处台账)

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterCover {
    pub year: Option<i32>,
    pub filled_by: Option<String>,
    pub submitted_on: Option<NaiveDate>,
}

/// 惩戒措施 row (R10). `unit` is the canonical roster name, None when unknown or blank.
#[derive(Debug, Clone, PartialEq)]
pub struct Punishment {
    pub loc: Loc,
    pub unit: Option<String>,
    pub measure: Option<Measure>,
    /// 实施日期
    pub imposed: Option<NaiveDate>,
    pub reason: Option<String>,
    /// 书面整改报告提交日期
    pub report_on: Option<NaiveDate>,
}

/// 挂牌督办 row, one per hazard × responsible unit (R12).
#[derive(Debug, Clone, PartialEq)]
pub struct ListedHazard {
    pub loc: Loc,
    /// 编号
    pub id: Option<String>,
    /// 隐患名称
    pub name: Option<String>,
    /// 责任单位, canonical.
    pub unit: Option<String>,
    pub level: Option<SupervisionLevel>,
    /// 挂牌日期
    pub listed_on: Option<NaiveDate>,
    /// 整改时限
    pub deadline: Option<NaiveDate>,
    /// 销号日期
    pub closed_on: Option<NaiveDate>,
    pub state: Option<ListedState>,
}

/// 事故认定 row.
#[derive(Debug, Clone, PartialEq)]
pub struct Determination {
    pub loc: Loc,
    pub unit: Option<String>,
    pub date: Option<NaiveDate>,
    /// 等级认定
    pub grade: Option<AccidentGrade>,
    /// 负有责任
    pub responsible: Option<bool>,
    /// 谎报瞒报
    pub concealed: Option<bool>,
    /// 不良影响
    pub bad_influence: Option<bool>,
    pub note: Option<String>,
}

/// 领导调研督查 row (R6).
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderVisit {
    pub loc: Loc,
    /// Leader name as on the roster when matched, else as written.
    pub leader: Option<String>,
    pub date: Option<NaiveDate>,
    /// 调研单位, canonical when it matched the roster, else as written.
    pub visited: Option<String>,
    pub title: Option<String>,
    pub content: Option<String>,
}

/// 领导述职 row (R7).
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderReport {
    pub loc: Loc,
    pub leader: Option<String>,
    /// 述职报告含安全工作
    pub covers_safety: Option<bool>,
    pub title: Option<String>,
}

/// 考评加减分 row.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub loc: Loc,
    pub unit: Option<String>,
    pub points: Option<f64>,
    pub reason: Option<String>,
    pub approver: Option<String>,
}

/// The central register workbook that counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Register {
    pub file: String,
    pub cover: RegisterCover,
    pub punishments: Option<Vec<Punishment>>,
    pub listed_hazards: Option<Vec<ListedHazard>>,
    pub determinations: Option<Vec<Determination>>,
    pub visits: Option<Vec<LeaderVisit>>,
    pub leader_reports: Option<Vec<LeaderReport>>,
    pub adjustments: Option<Vec<Adjustment>>,
}

// ---------------------------------------------------------------- the whole inbox

/// What a file in the inbox was taken as (results.json `inputs[].role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Ledger,
    Register,
    Prose,
    Skipped,
    Superseded,
    Unreadable,
    /// Read but not counted (unknown unit, other year).
    Rejected,
    /// Dated after the as-of date: not yet submitted for this evaluation.
    AfterAsOf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Relative to the inbox.
    pub file: String,
    pub sha256: String,
    pub role: Role,
    /// Bytes.
    pub size: u64,
}

impl Role {
    /// The role as outputs.md names it in results.json: ledger / register / prose / skipped
    /// (a file that does not count — superseded, unreadable, rejected — is skipped).
    pub fn contract_role(self) -> &'static str {
        match self {
            Role::Ledger => "ledger",
            Role::Register => "register",
            Role::Prose => "prose",
            _ => "skipped",
        }
    }
    /// Why a skipped file does not count (results.json `inputs[].reason`); None when it counts.
    pub fn skip_reason(self) -> Option<&'static str> {
        match self {
            Role::Ledger | Role::Register | Role::Prose => None,
            Role::Skipped => Some("ignored"),
            Role::Superseded => Some("superseded"),
            Role::Unreadable => Some("unreadable"),
            Role::Rejected => Some("rejected"),
            Role::AfterAsOf => Some("after_as_of"),
        }
    }
}

/// results.json `inputs[]`: `file`, `sha256`, `size`, `role` (ledger / register / prose /
/// skipped) and `reason` (null, or ignored / superseded / unreadable / rejected / after_as_of).
impl Serialize for InputFile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("InputFile", 5)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("reason", &self.role.skip_reason())?;
        st.serialize_field("role", self.role.contract_role())?;
        st.serialize_field("sha256", &self.sha256)?;
        st.serialize_field("size", &self.size)?;
        st.end()
    }
}

/// Everything ingest hands on.
#[derive(Debug, Clone, Default)]
pub struct Inbox {
    /// The counting ledger of each unit, by canonical roster name (shared with `watch`'s read
    /// cache, which keeps it for the next rebuild).
    pub ledgers: BTreeMap<String, std::sync::Arc<Ledger>>,
    pub register: Option<Register>,
    /// 按语.md contents, when present.
    pub prose: Option<String>,
    /// Every file seen, sorted by name.
    pub inputs: Vec<InputFile>,
    /// Unreadable files whose name contains a unit's name or alias: unit → file names.
    pub unreadable_by_unit: BTreeMap<String, Vec<String>>,
    /// Every ledger whose cover names a known unit (counting or not): file → unit.
    pub file_units: BTreeMap<String, String>,
    /// All findings, sorted (`findings::sort`).
    pub findings: Vec<crate::findings::Finding>,
}

impl Inbox {
    /// The roster unit a file was recognised as (`check --json` `files[].unit`, check.html):
    /// the unit its cover names, else the unit its findings were given to (a file named after
    /// one unit, or a cover name close to one unit only).
    pub fn file_unit(&self, file: &str) -> Option<String> {
        self.file_units.get(file).cloned().or_else(|| {
            self.findings
                .iter()
                .find(|f| f.file.as_deref() == Some(file) && f.unit.is_some())
                .and_then(|f| f.unit.clone())
        })
    }
}
