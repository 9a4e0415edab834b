//! What the integration tests share. Each file says what it holds:
//!
//! - `books` — the `Book` workbook builder (`row!`), covers, a minimal valid ledger and register,
//!   config from a unit list, byte-level tweaks, the shipped sample's results.
//! - `inbox` — ingest a folder for 2026 with the roster, one book alone, `base()`, `found()`.
//! - `roster` — THE test roster (units, leaders, semesters) as TOML and Config, and `config()`
//!   for a test that needs other units.
//! - `results_json` — build an inbox with the binary and read results.json (unit, rule, items…).
//! - `work_folder` — a hostile work folder and a year folder with a veto, outputs read back.
//! - `read_back` — outputs read back: an xlsx sheet as text, the self-contained page check.
//! - `results` — hand-built `Results` for the renderers (no ingest, no rules).
//! - `rule_inputs` — hand-built rule inputs (config, ledgers, register) and `run` to evaluate.
//! - `xls_ods` — writers for .xls (BIFF8 in OLE) and .ods, and raw BIFF records.

#![allow(dead_code, unused_imports)] // the `memory` binary uses a part of it

#[macro_use]
pub mod books;
pub mod inbox;
pub mod read_back;
pub mod results;
pub mod results_json;
pub mod roster;
pub mod rule_inputs;
pub mod work_folder;
pub mod xls_ods;
