//! `tongbao init DIR` (stub).

use crate::cli::Common;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_common: &Common, _dir: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("尚未实现")
}
