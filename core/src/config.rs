//! `tongbao.toml` → validated `Config`. Closed sets are enums, dates are dates; a bad file is one
//! Chinese error naming the key and the line. Paths in the config are relative to the config file.
//!
//! - `tables.rs`: the tables and their keys, each field with its `///` doc (the user docs);
//! - `section.rs`: the `section!` macro that records those docs and shapes as one key list;
//! - `example.rs`: the commented example `init` writes, generated from that list;
//! - `keypath.rs`: unknown keys (against that list), key paths and lines for messages;
//! - `validate.rs`: checks types cannot express; `toml_date.rs`: dates as TOML dates or text;
//! - `messages.rs`: every Chinese word about the config.
//!
//! The core never panics on input (outputs.md "Settled" 6): no unwrap/expect/indexing here.
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::PathBuf;

pub mod example;
mod keypath;
pub mod messages;
pub mod section;
mod tables;
mod toml_date;
mod validate;

use tables::RawConfig;
pub use tables::{
    BulletinCfg, CalendarCfg, CalendarYear, GradesCfg, LeaderCfg, RulesCfg, School, ScoringCfg,
    SemesterCfg, SuggestionsCfg, UnitCfg,
};

/// A day of the assessed year written `"MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, a day of `month` in a leap year.
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
        MonthDay::parse(&s).ok_or_else(|| serde::de::Error::custom(messages::bad_month_day(&s)))
    }
}

/// The validated configuration: the tables of `tables.rs` (`RawConfig`'s fields, checked by
/// `validate.rs`), plus where the file is and its digest.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `[school]`
    pub school: School,
    /// `[[units]]`: the roster, names and aliases unique after normalisation.
    pub units: Vec<UnitCfg>,
    /// `[[leaders]]`, names unique.
    pub leaders: Vec<LeaderCfg>,
    /// `[[semesters]]`, each ending on or after its start.
    pub semesters: Vec<SemesterCfg>,
    /// `[calendar]`, each `[[calendar.year]]` given once and holding dates of its year.
    pub calendar: CalendarCfg,
    /// `[rules]`, day counts capped, months 1–12.
    pub rules: RulesCfg,
    /// `[bulletin]`
    pub bulletin: BulletinCfg,
    /// `[suggestions]`
    pub suggestions: SuggestionsCfg,
    /// `[grades]`: 0–100, excellent ≥ good ≥ pass.
    pub grades: GradesCfg,
    /// `[scoring]`: finite, not negative.
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
        .map_err(|why| ConfigError::plain(messages::not_text(&path.display().to_string(), &why)))?;
    let base = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let mut cfg = parse_named(text, &base, &path.display().to_string())?;
    // The digest is of the file as it is on disk (with its byte-order mark, if any).
    cfg.sha256 = crate::digest::sha256_hex(bytes);
    Ok(cfg)
}

/// Parse, reject unknown keys, deserialise, validate; every error names the key and line.
fn parse_named(text: &str, base_dir: &std::path::Path, name: &str) -> Result<Config, ConfigError> {
    let fail = |line: Option<usize>, what: String| ConfigError {
        message: messages::located(name, line, &what),
        line,
    };
    let doc = toml::de::DeTable::parse(text).map_err(|e| {
        let line = e.span().map(|s| keypath::line_of(text, s.start));
        let line_text = line.and_then(|l| text.lines().nth(l - 1));
        fail(line, messages::syntax_message_cn(e.message(), line_text))
    })?;
    let root = doc.get_ref();
    if let Some(u) = keypath::check_unknown(root) {
        let line = keypath::line_of(text, u.offset);
        let what = messages::unknown_key(
            &keypath::path_text(&u.path),
            u.suggestion,
            u.home.as_deref(),
            &u.known,
        );
        return Err(fail(Some(line), what));
    }
    let raw = RawConfig::deserialize(toml::de::Deserializer::from(doc.clone())).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let path = keypath::path_at(root, span.start);
        let line = (!path.is_empty() || span.start > 0).then(|| keypath::line_of(text, span.start));
        fail(
            line,
            messages::serde_message_cn(&keypath::path_text(&path), e.message()),
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
        let line = keypath::span_of(root, &path).map(|s| keypath::line_of(text, s.start));
        return Err(fail(
            line,
            messages::invalid_at(&keypath::path_text(&path), &what),
        ));
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
