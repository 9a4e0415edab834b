//! Ingest: inbox folder → typed `model::Inbox` + findings (stub).

// TEMPORARY SHIM on branch `report` until branch `ingest` is merged (same signatures as the
// ingest engineer's): an empty inbox plus 按语.md. Dropped in favour of theirs at merge.
use crate::config::Config;
use crate::model::Inbox;
use std::path::{Path, PathBuf};

pub struct Options {
    pub year: Option<i32>,
    pub recursive: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("收件位置 {0} 不是文件夹")]
    NotADirectory(PathBuf),
}

pub fn ingest_dir(dir: &Path, _cfg: &Config, _opts: &Options) -> Result<Inbox, IngestError> {
    if dir.exists() && !dir.is_dir() {
        return Err(IngestError::NotADirectory(dir.to_path_buf()));
    }
    Ok(Inbox {
        prose: std::fs::read_to_string(dir.join("按语.md")).ok(),
        ..Inbox::default()
    })
}
