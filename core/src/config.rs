//! `tongbao.toml` → validated `Config`. Closed sets are enums, dates are dates; a bad file is one
//! Chinese error naming the key and the line. Paths in the config are relative to the config file.

use crate::model::UnitKind;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::PathBuf;

mod keys;
mod messages;
mod toml_date;
mod validate;

/// A day of the assessed year written `"MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub const fn new(month: u32, day: u32) -> Self {
        MonthDay { month, day }
    }
    /// The date in `year`; 02-29 in a common year falls back to 02-28.
    pub fn in_year(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, 28))
            .unwrap_or(NaiveDate::MIN)
    }
    pub fn parse(s: &str) -> Option<Self> {
        let (m, d) = s.trim().split_once('-')?;
        let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        NaiveDate::from_ymd_opt(2024, month, day)?; // 2024 is a leap year: 02-29 allowed
        Some(MonthDay { month, day })
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        MonthDay::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "“{s}”不是有效的月-日，应写作 \"MM-DD\"，例如 \"03-31\""
            ))
        })
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// 学校名称
    pub name: String,
    /// 落款 (defaults to `name`)
    #[serde(default)]
    pub issuer: Option<String>,
    /// 发文字号前缀, e.g. 厦城院综
    #[serde(default)]
    pub doc_prefix: String,
    /// 发文机关标志 (red masthead above the 发文字号, e.g. 厦门城市职业学院文件); absent or empty = none
    #[serde(default)]
    pub masthead: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitCfg {
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// 主要负责人
    #[serde(default)]
    pub principal: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LeaderCfg {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SemesterCfg {
    pub name: String,
    #[serde(deserialize_with = "toml_date::one")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "toml_date::one")]
    pub end: NaiveDate,
}

/// A whole year of holiday data given in the config (same shape as the shipped data).
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    pub year: i32,
    #[serde(default, deserialize_with = "toml_date::many")]
    pub holidays: Vec<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date::many")]
    pub makeup_workdays: Vec<NaiveDate>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct CalendarCfg {
    #[serde(default, deserialize_with = "toml_date::many")]
    pub extra_holidays: Vec<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date::many")]
    pub extra_workdays: Vec<NaiveDate>,
    #[serde(default)]
    pub year: Vec<CalendarYear>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RulesCfg {
    pub plan_due: MonthDay,
    pub submission_due_h1: MonthDay,
    /// Falls in the year after the assessed year.
    pub submission_due_h2: MonthDay,
    pub quarterly_report_grace_days: u32,
    pub rectification_working_days: u32,
    pub frequent_accident_threshold: u32,
    pub major_accident_control_target: u32,
    pub inspection_exempt_months: Vec<u32>,
}

impl Default for RulesCfg {
    fn default() -> Self {
        RulesCfg {
            plan_due: MonthDay::new(3, 31),
            submission_due_h1: MonthDay::new(7, 5),
            submission_due_h2: MonthDay::new(1, 10),
            quarterly_report_grace_days: 10,
            rectification_working_days: 20,
            frequent_accident_threshold: 3,
            major_accident_control_target: 0,
            inspection_exempt_months: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BulletinCfg {
    /// 抄送 / 抄告 (七.2)
    pub cc: Vec<String>,
    /// 印发机关
    pub printed_by: String,
    /// 整改要求 due this many working days after the bulletin date.
    pub rectification_working_days: u32,
}

impl Default for BulletinCfg {
    fn default() -> Self {
        BulletinCfg {
            cc: Vec::new(),
            printed_by: String::new(),
            rectification_working_days: 20,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SuggestionsCfg {
    /// This many 未达标 rules in a period → 建议约谈 (0 turns it off).
    pub interview_at: u32,
    /// R10 逾期未交 → 建议通报批评
    pub criticism_on_missing_report: bool,
    /// R12 逾期未整改 → 建议从重处罚
    pub heavier_on_overdue_hazard: bool,
    /// R12 拒不整改 → 建议撤换部门主要负责人
    pub replace_head_on_refusal: bool,
}

impl Default for SuggestionsCfg {
    fn default() -> Self {
        SuggestionsCfg {
            interview_at: 2,
            criticism_on_missing_report: true,
            heavier_on_overdue_hazard: true,
            replace_head_on_refusal: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct GradesCfg {
    pub excellent: f64,
    pub good: f64,
    pub pass: f64,
}

impl Default for GradesCfg {
    fn default() -> Self {
        GradesCfg {
            excellent: 90.0,
            good: 75.0,
            pass: 60.0,
        }
    }
}

/// Points per rubric item (mechanism.md, 年终考核).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ScoringCfg {
    pub plan: f64,
    pub meetings: f64,
    pub principal_study: f64,
    pub inspections: f64,
    pub quarterly_reports: f64,
    pub duty_report: f64,
    pub rectification_reports: f64,
    pub listed_hazards: f64,
    pub accidents: f64,
    pub hazard_rectification: f64,
}

impl Default for ScoringCfg {
    fn default() -> Self {
        ScoringCfg {
            plan: 10.0,
            meetings: 10.0,
            principal_study: 10.0,
            inspections: 20.0,
            quarterly_reports: 15.0,
            duty_report: 5.0,
            rectification_reports: 10.0,
            listed_hazards: 10.0,
            accidents: 10.0,
            hazard_rectification: 0.0,
        }
    }
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub school: School,
    pub units: Vec<UnitCfg>,
    pub leaders: Vec<LeaderCfg>,
    pub semesters: Vec<SemesterCfg>,
    pub calendar: CalendarCfg,
    pub rules: RulesCfg,
    pub bulletin: BulletinCfg,
    pub suggestions: SuggestionsCfg,
    pub grades: GradesCfg,
    pub scoring: ScoringCfg,
    /// Folder of the config file; relative paths resolve against it.
    pub base_dir: PathBuf,
    /// SHA-256 (hex) of the config file's bytes.
    pub sha256: String,
}

impl Config {
    /// 落款
    pub fn issuer(&self) -> &str {
        self.school.issuer.as_deref().unwrap_or(&self.school.name)
    }

    /// 发文机关标志, when configured and not blank.
    pub fn masthead(&self) -> Option<&str> {
        self.school
            .masthead
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
    }
}

/// The TOML file as written (before validation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    school: School,
    #[serde(default)]
    units: Vec<UnitCfg>,
    #[serde(default)]
    leaders: Vec<LeaderCfg>,
    #[serde(default)]
    semesters: Vec<SemesterCfg>,
    #[serde(default)]
    calendar: CalendarCfg,
    #[serde(default)]
    rules: RulesCfg,
    #[serde(default)]
    bulletin: BulletinCfg,
    #[serde(default)]
    suggestions: SuggestionsCfg,
    #[serde(default)]
    grades: GradesCfg,
    #[serde(default)]
    scoring: ScoringCfg,
}

/// A config that cannot be used: one Chinese message naming the key and the line.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    pub message: String,
    /// 1-based line of the offending key or value, when known.
    pub line: Option<usize>,
}

impl ConfigError {
    pub fn plain(message: String) -> Self {
        ConfigError {
            message,
            line: None,
        }
    }
}

impl Default for Config {
    /// A config without a roster (used by `check` when there is no config file).
    fn default() -> Self {
        Config {
            school: School {
                name: String::new(),
                issuer: None,
                doc_prefix: String::new(),
                masthead: None,
            },
            units: Vec::new(),
            leaders: Vec::new(),
            semesters: Vec::new(),
            calendar: CalendarCfg::default(),
            rules: RulesCfg::default(),
            bulletin: BulletinCfg::default(),
            suggestions: SuggestionsCfg::default(),
            grades: GradesCfg::default(),
            scoring: ScoringCfg::default(),
            base_dir: PathBuf::new(),
            sha256: String::new(),
        }
    }
}

/// Parse config text; `base_dir` is the folder of the config file.
pub fn from_toml_str(text: &str, base_dir: &std::path::Path) -> Result<Config, ConfigError> {
    parse_named(text, base_dir, "")
}

/// Validate the bytes of the config file at `path` (the binary's `config::load` reads them).
pub fn from_file_bytes(bytes: &[u8], path: &std::path::Path) -> Result<Config, ConfigError> {
    let text = messages::decode_text(bytes)
        .map_err(|why| ConfigError::plain(format!("配置文件 {} {why}", path.display())))?;
    let base = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let mut cfg = parse_named(text, &base, &path.display().to_string())?;
    // The digest is of the file as it is on disk (with its byte-order mark, if any).
    cfg.sha256 = crate::digest::sha256_hex(bytes);
    Ok(cfg)
}

/// Parse, reject unknown keys, deserialise, validate; every error names the key and line.
fn parse_named(text: &str, base_dir: &std::path::Path, name: &str) -> Result<Config, ConfigError> {
    let fail = |line: Option<usize>, what: String| {
        let at = match line {
            Some(l) => format!("第{l}行："),
            None => "：".into(),
        };
        let sep = if name.is_empty() { "" } else { " " };
        ConfigError {
            message: format!(
                "配置文件{sep}{name}{}{at}{what}",
                if line.is_some() { " " } else { "" }
            ),
            line,
        }
    };
    let doc = toml::de::DeTable::parse(text).map_err(|e| {
        let line = e.span().map(|s| keys::line_of(text, s.start));
        let line_text = line.and_then(|l| text.lines().nth(l - 1));
        fail(line, messages::syntax_message_cn(e.message(), line_text))
    })?;
    let root = doc.get_ref();
    if let Some(u) = keys::check_unknown(root) {
        let line = keys::line_of(text, u.offset);
        let hint = match (u.suggestion, &u.home) {
            (Some(s), _) => format!("是否想写 {s}？"),
            (None, Some(home)) => format!("这一项应写在 {home} 下面"),
            (None, None) => format!("可用的配置项：{}", u.known.join("、")),
        };
        let what = format!("未知的配置项 {}，{hint}", keys::path_text(&u.path));
        return Err(fail(Some(line), what));
    }
    let raw = RawConfig::deserialize(toml::de::Deserializer::from(doc.clone())).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let path = keys::path_at(root, span.start);
        let line = (!path.is_empty() || span.start > 0).then(|| keys::line_of(text, span.start));
        fail(
            line,
            messages::serde_message_cn(&keys::path_text(&path), e.message()),
        )
    })?;
    let cfg = Config {
        school: raw.school,
        units: raw.units,
        leaders: raw.leaders,
        semesters: raw.semesters,
        calendar: raw.calendar,
        rules: raw.rules,
        bulletin: raw.bulletin,
        suggestions: raw.suggestions,
        grades: raw.grades,
        scoring: raw.scoring,
        base_dir: base_dir.to_path_buf(),
        sha256: crate::digest::sha256_hex(text.as_bytes()),
    };
    if let Some((path, what)) = validate::validate(&cfg) {
        let line = keys::span_of(root, &path).map(|s| keys::line_of(text, s.start));
        return Err(fail(line, format!("{}：{what}", keys::path_text(&path))));
    }
    Ok(cfg)
}

/// Name normalisation for comparing unit names and aliases: full-width → half-width, whitespace
/// (incl. the ideographic space) removed, case-folded. The one normaliser: ingest re-exports
/// it as `ingest::normalize_name`, so roster names and cell text are compared alike.
pub fn normalize_name(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests;
