//! check.html's engine (outputs.md "Office formats"): the build's data (`PageData`: period,
//! as-of, config, the register's published facts) + one file's bytes + the day the unit chose
//! → which unit the file is, its findings exactly as `tongbao check --json --config C --period P
//! --as-of D FILE` gives them, each with the text the unit reads (outputs.md "Settled" 3), and a
//! preview of the unit's rules and provisional score (`preview`). The same ingest and rules as
//! the CLI; the `tongbao-check` crate only carries it across the WebAssembly boundary.

pub mod facts;
mod preview;

pub use facts::RegisterFacts;
pub use preview::{Preview, PreviewRule};

use crate::config::Config;
use crate::findings::{Code, Finding};
use crate::ingest::{self, Options, Selection};
use crate::mechanism::RuleId;
use crate::model::{Inbox, Register};
use crate::period::Period;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What `tongbao build` embeds in check.html (`<script type="application/json" id="tb-data">`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The build's period: 2026H1 / 2026H2 / 2026.
    pub period: String,
    /// The build's as-of date (the date the data is from).
    pub as_of: NaiveDate,
    /// The build's bulletin title, shown as the page's source.
    pub title: String,
    /// 学校名称
    pub school: String,
    /// tongbao.toml as the build used it, without its comments (`config_for_page`).
    pub config: String,
    /// The counting central register's facts for R10/R12; None when the build had none.
    pub register: Option<RegisterFacts>,
}

/// The config text for the page: the same tables and values, comments and layout dropped (a
/// note to colleagues in the office's config is not published). Unparsable text is kept as it
/// is (the build has already validated it, so this does not happen).
pub fn config_for_page(text: &str) -> String {
    match text.parse::<toml::Table>() {
        Ok(table) => toml::to_string(&table).unwrap_or_else(|_| text.to_string()),
        Err(_) => text.to_string(),
    }
}

/// The page's data made ready once: config validated, period parsed, register rebuilt.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub data: PageData,
    pub cfg: Config,
    pub period: Period,
    pub register: Option<Register>,
}

impl Prepared {
    /// Parse the page's JSON; the error is a Chinese sentence for the page.
    pub fn from_json(json: &str) -> Result<Self, String> {
        let data: PageData =
            serde_json::from_str(json).map_err(|e| format!("页面内嵌的数据无法读取：{e}"))?;
        let cfg = crate::config::from_toml_str(&data.config, std::path::Path::new(""))
            .map_err(|e| format!("页面内嵌的配置无法读取：{}", e.message))?;
        let period: Period = data.period.parse()?;
        let register = data.register.as_ref().map(RegisterFacts::to_register);
        Ok(Prepared {
            data,
            cfg,
            period,
            register,
        })
    }
}

/// One finding as the page shows it: the finding as `check --json` has it (flattened), the text
/// the unit reads, the severity label and the clauses of its rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// 请将封面单位名称改为“…” for an unknown unit; else the office message.
    pub unit_text: String,
    /// 错误 / 警告 / 提示
    pub severity_label: &'static str,
    /// The mechanism clauses of `rule` (二.1、五.3), empty when it names none.
    pub clauses: String,
}

/// What the page shows for one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub file: String,
    /// ledger / register / skipped (as `check --json` `files[].role`).
    pub role: &'static str,
    /// null, or superseded / unreadable / rejected / after_as_of.
    pub reason: Option<&'static str>,
    /// The roster unit the file was recognised as (as `check --json` `files[].unit`).
    pub unit: Option<String>,
    /// Roster units closest to an unrecognised cover name, best first.
    pub closest: Vec<String>,
    pub findings: Vec<PageFinding>,
    /// The unit's preview, when the file counts as its ledger for the period.
    pub preview: Option<Preview>,
    /// Why there is no preview (Chinese), when there is none.
    pub no_preview: Option<String>,
}

/// The inbox of one file, read and selected as `tongbao check --period P --as-of D FILE` reads
/// it: the findings equal the CLI's.
pub fn inbox_of_file(
    cfg: &Config,
    year: i32,
    as_of: NaiveDate,
    bytes: Vec<u8>,
    name: &str,
) -> Inbox {
    let opts = Options {
        year: Some(year),
        recursive: false,
    };
    let out = ingest::read::read_from_bytes(bytes, name, cfg, &opts);
    let sel = Selection {
        as_of: Some(as_of),
        keep_all: true,
    };
    let mut inbox = Inbox::default();
    ingest::assemble(&mut inbox, cfg, vec![out], false, sel);
    inbox
}

/// Check one file against the page's data as of `as_of`.
pub fn check(p: &Prepared, bytes: Vec<u8>, name: &str, as_of: NaiveDate) -> CheckReport {
    let inbox = inbox_of_file(&p.cfg, p.period.year, as_of, bytes, name);
    let input = inbox.inputs.iter().find(|i| i.file == name);
    let unit = inbox.file_unit(name);
    let closest = inbox
        .findings
        .iter()
        .find(|f| f.code == Code::UnknownUnit)
        .and_then(|f| f.raw.as_deref())
        .map(|raw| ingest::units::closest_units(&p.cfg, raw))
        .unwrap_or_default();
    let findings = inbox
        .findings
        .iter()
        .map(|f| page_finding(f, unit.as_deref(), &closest))
        .collect();
    let (preview, no_preview) = match preview::preview(p, &inbox, as_of) {
        Ok(pv) => (Some(pv), None),
        Err(why) => (None, Some(why)),
    };
    CheckReport {
        file: name.to_string(),
        role: input.map_or("skipped", |i| i.role.contract_role()),
        reason: input.and_then(|i| i.role.skip_reason()),
        unit,
        closest,
        findings,
        preview,
        no_preview,
    }
}

/// `check` as JSON for the page (the WebAssembly module's answer).
pub fn check_json(p: &Prepared, bytes: Vec<u8>, name: &str, as_of: &str) -> String {
    match NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d") {
        Ok(d) => serde_json::to_string(&check(p, bytes, name, d))
            .unwrap_or_else(|e| error_json(&e.to_string())),
        Err(_) => error_json(&format!("日期“{as_of}”无法识别，应写作 2026-07-15")),
    }
}

/// The report for a file whose check stopped the WebAssembly module (memory exhausted, or a
/// reader's panic, which aborts there): an unreadable file, as the CLI reports a reader's
/// panic. The page's glue asks a fresh module for it.
pub fn trapped(name: &str, size: u64) -> CheckReport {
    let out = ingest::read::refused(name, String::new(), size, ingest::diags::INTERNAL.into());
    CheckReport {
        file: name.to_string(),
        role: "skipped",
        reason: Some("unreadable"),
        unit: None,
        closest: Vec::new(),
        findings: out
            .findings
            .iter()
            .map(|f| page_finding(f, None, &[]))
            .collect(),
        preview: None,
        no_preview: Some("本文件无法读取，暂无评价预览".to_string()),
    }
}

/// `{"error": "…"}`, what the page shows when it cannot check at all.
pub fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

fn page_finding(f: &Finding, unit: Option<&str>, closest: &[String]) -> PageFinding {
    // The unit the text addresses: the finding's own, else the file's, else the closest names.
    let target = f
        .unit
        .clone()
        .or_else(|| unit.map(str::to_string))
        .unwrap_or_else(|| closest.join("”或“"));
    let unit_text = if target.is_empty() && f.code == Code::UnknownUnit {
        f.message.clone()
    } else {
        f.unit_message(&target)
    };
    let clauses = f
        .rule
        .as_deref()
        .unwrap_or("")
        .split(['、', ',', '，', ' '])
        .filter_map(|id| RuleId::parse(id.trim()))
        .map(|r| r.clause())
        .collect::<Vec<_>>()
        .join("、");
    PageFinding {
        finding: f.clone(),
        unit_text,
        severity_label: f.severity.label(),
        clauses,
    }
}

#[cfg(test)]
mod tests;
