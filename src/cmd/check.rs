//! `tongbao check PATH…` (stub).

use crate::cli::Common;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_common: &Common, _paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    anyhow::bail!("尚未实现")
}
