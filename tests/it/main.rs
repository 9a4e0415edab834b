//! The integration suite, one binary (`cargo test --release --test it`): every test that runs the
//! `tongbao` binary or the library from outside, one module per area, one support tree.
//!
//! - `support/` — what the tests share: workbooks built in code, the one test roster, rule
//!   inputs, hand-built results, a hostile work folder, .xls/.ods writers (see its `mod.rs`).
//! - `cli/` — the command line: help, exit codes, messages, `check`, `init`, quoted commands.
//! - `ingest/` — reading an inbox: covers, cell values, rows, hostile and foreign files, versions
//!   (the memory-measuring ones are in `tests/memory`).
//! - `rules/` — the rules of the mechanism (R1–R15, V1–V5), as-of, scoring; test names carry the
//!   rule ID (`r10_…`, `v3_…`), so `grep -rn r10 tests/it/rules` finds a rule's tests.
//! - `report/` — the bulletin, summary.xlsx, bulletin.docx, printing (Chromium, LibreOffice).
//! - `output/` — the output folder: tree, atomic swap, locks, results.json keys.
//! - `template/` — `tongbao template` and the templates read back.
//! - `sample/` — the shipped sample-data: designed outcomes, `check`, snapshots, whole pipeline.
//! - `check/` — check.html: the page, its WebAssembly checker under Node against `check --json`,
//!   the page in headless Chromium over the DevTools protocol (tests/check/cdp.rs).
//! - `dist/` — the release packages (Wine, qemu), the double-click menu, the staff guide.
//!
//! Tests that need an external tool fail under CI when it is missing (see `report::browser`).
//! The one other binary, `tests/memory`, holds the tests that measure the process's peak memory
//! (VmHWM is per process; here every other test's allocations would count). It mounts this
//! `support/` tree too.

#[macro_use]
mod support;

mod check;
mod cli;
mod dist;
mod ingest;
mod output;
mod report;
mod rules;
mod sample;
mod template;
