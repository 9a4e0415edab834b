//! tongbao-core: the part of tongbao that needs no computer around it — config from text,
//! ingest from bytes, the calendar and periods, the model, findings, the sheet schema, the
//! mechanism's rules, scoring and the evaluated results. No file system, threads, terminal or
//! clock inside, so it builds for `wasm32-unknown-unknown` (the in-browser checker).
//!
//! Stages pass owned, typed values, in one direction: `ingest` → `model::Inbox` →
//! `eval::evaluate` (`rules` → `scoring` → summary, in a `context::Ctx`) → `results::Results`;
//! the `tongbao` binary crate reads the files, renders and writes.
//!
//! The core never panics on input (outputs.md "Settled" 6: in WebAssembly a panic aborts the
//! page's module): no unwrap, expect or indexing outside tests, for the whole crate.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod calendar;
pub mod check;
pub mod config;
pub mod context;
pub mod digest;
pub mod eval;
pub mod findings;
pub mod ingest;
pub mod mechanism;
pub mod model;
pub mod period;
pub mod results;
pub mod rules;
pub mod schema;
pub mod scoring;
