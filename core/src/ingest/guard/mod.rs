//! Byte-level guards: what a file may be before any reader touches it, and every limit.

pub mod limits;
