//! Progress display for long runs (outputs.md): a bar on stderr when it is a terminal, nothing
//! at all when output is piped or redirected. Callers get a plain `indicatif::ProgressBar`, so
//! it also works with rayon (`par_iter().progress_with(bar)`).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Whether progress is drawn: stderr is a terminal and `TONGBAO_NO_PROGRESS` is not set.
pub fn enabled() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("TONGBAO_NO_PROGRESS").is_none()
}

fn target() -> ProgressDrawTarget {
    if enabled() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}

/// A bar of `len` steps, e.g. `bar(files.len() as u64, "读取台账")`; shows
/// `读取台账 [██████░░░░] 12/30 信息工程系.xlsx` (the message after the count is
/// whatever `set_message` last gave). Call `finish_and_clear()` when done.
pub fn bar(len: u64, prefix: &str) -> ProgressBar {
    let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
        .map(|s| s.progress_chars("█▉░"))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    let pb = ProgressBar::with_draw_target(Some(len), target()).with_style(style);
    pb.set_prefix(prefix.to_string());
    pb
}

/// A spinner for a step of unknown length, e.g. `spinner("生成通报")`.
pub fn spinner(prefix: &str) -> ProgressBar {
    let style = ProgressStyle::with_template("{spinner} {prefix} {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let pb = ProgressBar::with_draw_target(None, target()).with_style(style);
    pb.set_prefix(prefix.to_string());
    if enabled() {
        pb.enable_steady_tick(Duration::from_millis(120));
    }
    pb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_when_not_a_terminal() {
        // Under `cargo test` stderr is captured, not a terminal.
        if std::io::stderr().is_terminal() {
            return;
        }
        let pb = bar(3, "读取");
        assert!(pb.is_hidden());
        pb.inc(3);
        assert_eq!(pb.position(), 3);
        pb.finish_and_clear();
        assert!(spinner("生成").is_hidden());
    }
}
