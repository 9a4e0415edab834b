//! tongbao (通报): inbox of safety-work ledgers → findings → the mechanism's rules → half-year
//! tracking and year-end scoring → bulletin, summary workbook, per-unit feedback, results.json.
//!
//! Stages pass owned, typed values: `ingest` → `model::Inbox` → `eval::evaluate` (rules →
//! scoring → summary) → `results::Results` → `report` (bytes) → `output` (the only place that writes files).

pub mod calendar;
pub mod clap_cn;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod context;
pub mod digest;
pub mod eval;
pub mod findings;
pub mod ingest;
pub mod mechanism;
pub mod model;
pub mod oserror;
pub mod output;
pub mod period;
pub mod progress;
pub mod report;
pub mod results;
pub mod rules;
pub mod schema;
pub mod scoring;
pub mod template;
pub mod zipfix;
