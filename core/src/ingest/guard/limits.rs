//! Every limit of ingest in one place.

/// A text longer than this (in characters) may be shortened in the workbook: ingest warns at
/// its source cell, and summary.xlsx's `cap` keeps this much of a text over Excel's 32,767.
pub const LONG_TEXT: usize = 32_000;
