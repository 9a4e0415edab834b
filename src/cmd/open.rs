//! `build --open` and the menu's 4 打开最新通报: a bulletin in the default browser.

use super::messages as say;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Open `file` with the system's default program (the browser for .html).
pub fn open(file: &Path) -> anyhow::Result<()> {
    let shown = file.display().to_string();
    println!("{}", say::opening(&shown));
    opener::open(file).with_context(|| say::cannot_open(&shown))
}

/// The bulletin written last under `out` (newest `*/bulletin.html`), if any.
pub fn latest_bulletin(out: &Path) -> Option<PathBuf> {
    let rd = std::fs::read_dir(out).ok()?;
    rd.filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path().join("bulletin.html"))
        .filter_map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok()?;
            Some((modified, p))
        })
        .max()
        .map(|(_, p)| p)
}

/// The menu's 4: open the latest bulletin, or say how to make one.
pub fn open_latest(out: &Path) -> ExitCode {
    let Some(file) = latest_bulletin(out) else {
        println!("{}", say::no_bulletin_yet(&out.display().to_string()));
        return ExitCode::SUCCESS;
    };
    match open(&file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::print_error(&e);
            ExitCode::from(2)
        }
    }
}
