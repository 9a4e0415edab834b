//! tongbao-core: the part of tongbao that needs no computer around it — config from text,
//! ingest from bytes, the calendar and periods, the model, findings, the sheet schema, the
//! mechanism's rules, scoring and the evaluated results. No file system, threads, terminal or
//! clock inside, so it builds for `wasm32-unknown-unknown` (the in-browser checker).
//!
//! Stages pass owned, typed values: `ingest` → `model::Inbox` → `rules::evaluate` →
//! `eval::Results`; the `tongbao` binary crate reads the files, renders and writes.

pub mod calendar;
pub mod config;
pub mod digest;
pub mod eval;
pub mod findings;
pub mod ingest;
pub mod model;
pub mod period;
pub mod rules;
pub mod schema;
pub mod scoring;
