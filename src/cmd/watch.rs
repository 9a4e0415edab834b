//! `tongbao watch` (stub).

use crate::cli::{BuildArgs, Common};
use std::process::ExitCode;

pub fn run(_common: &Common, _args: &BuildArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("尚未实现")
}
