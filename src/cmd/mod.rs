//! One file per subcommand: orchestration only.

use std::process::ExitCode;

/// Parse the command line, run, map the result to an exit code.
pub fn main() -> ExitCode {
    use clap::Parser;
    let _cli = crate::cli::Cli::parse();
    ExitCode::SUCCESS
}
