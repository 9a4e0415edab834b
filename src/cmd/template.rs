//! `tongbao template [--out DIR]` (stub).

use crate::cli::Common;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_common: &Common, _out: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("尚未实现")
}
