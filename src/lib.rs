//! tongbao (通报): inbox of safety-work ledgers → findings → the mechanism's rules → half-year
//! tracking and year-end scoring → bulletin, summary workbook, per-unit feedback, results.json.
//!
//! Stages pass owned, typed values: `ingest` → `model::Inbox` → `eval::evaluate` (rules →
//! scoring → summary) → `results::Results` → `report` (bytes) → `output` (the only place that
//! writes files).
//!
//! The stages up to `results::Results` live in the core crate (`tongbao_core`: no file system,
//! threads, terminal or clock; builds for the browser) and are re-exported here under their own
//! names; this crate adds the commands, reading files and folders, rendering and writing.

pub use tongbao_core::{
    calendar, context, digest, eval, findings, mechanism, model, period, results, schema, scoring,
};

pub mod clap_cn;
pub mod cli;
pub mod cmd;
pub mod heap;
pub mod ingest;
pub mod oserror;
pub mod output;
pub mod progress;
pub mod report;
pub mod template;
pub mod zipfix;

/// `tongbao.toml`: parsed and validated by the core, read from disk by `load`.
pub mod config {
    pub use crate::config_file::load;
    pub use tongbao_core::config::*;
}
mod config_file;

/// The mechanism's rules; `evaluate` is kept here for the paths tests and benches use
/// (`tongbao::rules::evaluate`), the evaluation itself is `eval`'s.
pub mod rules {
    pub use tongbao_core::eval::{EvalInput, evaluate, evaluate_with};
    pub use tongbao_core::rules::*;
}
