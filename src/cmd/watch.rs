//! `tongbao watch` (stub).

use crate::cli::{Common, WatchArgs};
use std::process::ExitCode;

pub fn run(_common: &Common, _args: &WatchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("尚未实现")
}
