//! `tongbao watch`: builds once, then watches the inbox folder (with `按语.md`) and the config
//! file and rebuilds (`cmd::build::run_with`) once changes have settled, saying which files
//! changed and how long each build took. What is kept between builds (`build::Kept`) means a
//! rebuild parses only the workbooks whose bytes changed (all of them when the config changed),
//! and writes the results.json lines and feedback pages of unchanged units as they were.
//! Lock files, hidden files and temp files are ignored. Ctrl-C ends. `--poll` uses the polling
//! watcher, for network shares that send no change notifications.

use super::messages as say;
use crate::cli::{Common, WatchArgs};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the debouncer itself waits per path; our own settling (`--debounce`) comes on top.
const DEBOUNCER_TIMEOUT: Duration = Duration::from_millis(500);
/// Poll interval of the polling watcher.
const POLL_INTERVAL: Duration = Duration::from_secs(2);

pub fn run(common: &Common, args: &WatchArgs) -> anyhow::Result<ExitCode> {
    let period = args.build.period()?;
    let cfg = super::load_config(common)?;
    let inbox = super::inbox_dir(common, &cfg, period.year);
    if !inbox.is_dir() {
        anyhow::bail!(say::inbox_missing(&inbox.display().to_string()));
    }
    // Events carry absolute paths; watch the absolute folder so names can be shown relative.
    let inbox = inbox.canonicalize().unwrap_or(inbox);
    let config = super::config_path(common);
    let watched = Watched {
        config: config.canonicalize().unwrap_or(config),
        inbox,
    };
    let recursive = if common.recursive {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    let (tx, rx) = channel::<DebounceEventResult>();
    let quiet = Duration::from_secs(args.debounce);
    if args.poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        let mut d = notify_debouncer_full::new_debouncer_opt::<_, notify::PollWatcher, _>(
            DEBOUNCER_TIMEOUT,
            None,
            tx,
            notify_debouncer_full::NoCache::new(),
            config,
        )
        .map_err(watch_error)?;
        for (dir, mode) in watched.folders(recursive) {
            d.watch(&dir, mode).map_err(watch_error)?;
        }
        serve(common, args, &watched, &rx, quiet);
    } else {
        let mut d = notify_debouncer_full::new_debouncer(DEBOUNCER_TIMEOUT, None, tx)
            .map_err(watch_error)?;
        for (dir, mode) in watched.folders(recursive) {
            d.watch(&dir, mode).map_err(watch_error)?;
        }
        serve(common, args, &watched, &rx, quiet);
    }
    Ok(ExitCode::SUCCESS)
}

/// notify's error, explained in Chinese.
fn watch_error(e: notify::Error) -> anyhow::Error {
    let why = match &e.kind {
        notify::ErrorKind::Io(io) => crate::oserror::explain(io, crate::oserror::Access::Read),
        notify::ErrorKind::PathNotFound => say::WATCH_NO_FOLDER.into(),
        notify::ErrorKind::MaxFilesWatch => say::WATCH_TOO_MANY.into(),
        _ => say::WATCH_UNSUPPORTED.into(),
    };
    anyhow::anyhow!(say::cannot_watch(&why))
}

/// What `watch` looks at: the inbox folder and the config file.
#[derive(Debug, Clone)]
pub struct Watched {
    pub inbox: PathBuf,
    pub config: PathBuf,
}

impl Watched {
    /// Folders to watch: the inbox, and the config file's folder (not recursively) when it is
    /// not already covered. A single file is not watched itself: editors replace it by rename.
    fn folders(&self, inbox_mode: RecursiveMode) -> Vec<(PathBuf, RecursiveMode)> {
        let mut v = vec![(self.inbox.clone(), inbox_mode)];
        if let Some(dir) = self.config.parent()
            && dir != self.inbox
            && !(inbox_mode == RecursiveMode::Recursive && dir.starts_with(&self.inbox))
        {
            v.push((dir.to_path_buf(), RecursiveMode::NonRecursive));
        }
        v
    }

    /// Whether a change to `path` calls for a rebuild.
    pub fn matters(&self, path: &Path) -> bool {
        path == self.config
            || (path.starts_with(&self.inbox) && path != self.inbox && is_relevant(path))
    }

    /// How a changed file is named on the terminal.
    pub fn describe(&self, path: &Path) -> String {
        if path == self.config {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            return say::changed_config(&name);
        }
        let shown = display_name(path, &self.inbox);
        if path.file_name().and_then(|n| n.to_str()) == Some(crate::ingest::discover::PROSE) {
            say::changed_prose(&shown)
        } else {
            shown
        }
    }
}

/// Build once, then rebuild after every settled batch of changes until the channel closes.
fn serve(
    common: &Common,
    args: &WatchArgs,
    watched: &Watched,
    rx: &Receiver<DebounceEventResult>,
    quiet: Duration,
) {
    // The typed read results of unchanged files, and the results.json lines and feedback pages
    // of unchanged units, carry over to the next rebuild.
    let mut cache = super::build::Kept::default();
    build_once(common, args, &mut cache, say::built_in);
    // `--open` opens the bulletin after the first build only, not on every rebuild.
    let mut rebuild = args.clone();
    rebuild.build.open = false;
    let args = &rebuild;
    println!(
        "{}",
        say::watching(
            &watched.inbox.display().to_string(),
            &watched.config.display().to_string()
        )
    );
    let mut settle = Settle::default();
    loop {
        let msg = match settle.wait(Instant::now(), quiet) {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(t) => rx.recv_timeout(t),
        };
        match msg {
            Ok(Ok(events)) => settle.add(changed_files(&events, watched), Instant::now()),
            Ok(Err(errors)) => errors.into_iter().for_each(|e| {
                eprintln!("{}", say::warning(&watch_error(e).to_string()));
            }),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if settle.ready(Instant::now(), quiet) {
            let files = settle.take();
            let names: Vec<String> = files.iter().map(|p| watched.describe(p)).collect();
            println!("{}", say::changed(&names));
            build_once(common, args, &mut cache, say::rebuilt_in);
        }
    }
}

/// One build through the cache, then `done` (time of day, seconds taken) on success.
fn build_once(
    common: &Common,
    args: &WatchArgs,
    cache: &mut super::build::Kept,
    done: fn(&str, f64) -> String,
) {
    let start = Instant::now();
    match super::build::run_with(common, &args.build, Some(cache)) {
        Ok(_) => {
            let secs = start.elapsed().as_secs_f64();
            let now = chrono::Local::now().format("%H:%M:%S").to_string();
            println!("{}", done(&now, secs));
        }
        Err(e) => super::print_error(&e),
    }
}

fn display_name(p: &Path, inbox: &Path) -> String {
    p.strip_prefix(inbox).unwrap_or(p).display().to_string()
}

/// Whether a change to `path` can matter: not a lock file (`~$x.xlsx`, `.~lock.x#`), not a
/// hidden file, not a temp/partial download.
pub fn is_relevant(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_lowercase();
    let temp_ext = [
        ".tmp",
        ".temp",
        ".swp",
        ".part",
        ".crdownload",
        ".download",
        "~",
    ];
    !(name.starts_with("~$")
        || name.starts_with('.')
        || name.starts_with('~')
        || name.ends_with('#')
        || temp_ext.iter().any(|e| lower.ends_with(e)))
}

/// The paths that matter touched by a batch of events (reads and metadata-only access
/// ignored), sorted and without duplicates.
pub fn changed_files(events: &[DebouncedEvent], watched: &Watched) -> BTreeSet<PathBuf> {
    events
        .iter()
        .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
        .flat_map(|e| e.event.paths.iter())
        .filter(|p| watched.matters(p))
        .cloned()
        .collect()
}

/// Settling: changes pile up until none has come for `quiet`, then one rebuild.
#[derive(Debug, Default)]
pub struct Settle {
    pending: BTreeSet<PathBuf>,
    last: Option<Instant>,
}

impl Settle {
    /// Record changed files seen at `now` (nothing when the set is empty).
    pub fn add(&mut self, files: BTreeSet<PathBuf>, now: Instant) {
        if !files.is_empty() {
            self.pending.extend(files);
            self.last = Some(now);
        }
    }
    /// How long to wait for more events: None (block) when nothing is pending.
    pub fn wait(&self, now: Instant, quiet: Duration) -> Option<Duration> {
        self.last.map(|t| {
            (t + quiet)
                .saturating_duration_since(now)
                .max(Duration::from_millis(10))
        })
    }
    /// True when something is pending and nothing has changed for `quiet`.
    pub fn ready(&self, now: Instant, quiet: Duration) -> bool {
        self.last.is_some_and(|t| now.duration_since(t) >= quiet)
    }
    /// The pending files; resets.
    pub fn take(&mut self) -> BTreeSet<PathBuf> {
        self.last = None;
        std::mem::take(&mut self.pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::Event;
    use notify::event::{AccessKind, CreateKind, ModifyKind};

    fn ev(kind: EventKind, path: &str) -> DebouncedEvent {
        DebouncedEvent::new(
            Event::new(kind).add_path(PathBuf::from(path)),
            Instant::now(),
        )
    }

    #[test]
    fn lock_hidden_and_temp_files_are_ignored() {
        for p in [
            "in/~$信息系.xlsx",
            "in/.~lock.a.xlsx#",
            "in/.DS_Store",
            "in/a.xlsx.tmp",
            "in/x.crdownload",
            "in/~WRL0001.tmp",
        ] {
            assert!(!is_relevant(Path::new(p)), "{p}");
        }
        for p in ["in/信息系.xlsx", "in/按语.md", "in/a.ods"] {
            assert!(is_relevant(Path::new(p)), "{p}");
        }
    }

    #[test]
    fn access_events_do_not_count() {
        let events = vec![
            ev(EventKind::Access(AccessKind::Any), "in/a.xlsx"),
            ev(EventKind::Create(CreateKind::File), "in/~$b.xlsx"),
            ev(EventKind::Modify(ModifyKind::Any), "in/c.xlsx"),
            ev(EventKind::Create(CreateKind::File), "in/c.xlsx"),
            ev(EventKind::Modify(ModifyKind::Any), "tongbao.toml"),
            ev(EventKind::Modify(ModifyKind::Any), "other.toml"),
            ev(EventKind::Modify(ModifyKind::Any), "in/按语.md"),
        ];
        let w = Watched {
            inbox: PathBuf::from("in"),
            config: PathBuf::from("tongbao.toml"),
        };
        let got: Vec<PathBuf> = changed_files(&events, &w).into_iter().collect();
        let want = ["in/c.xlsx", "in/按语.md", "tongbao.toml"].map(PathBuf::from);
        assert_eq!(got, want);
        assert_eq!(
            w.describe(Path::new("tongbao.toml")),
            "tongbao.toml（配置文件）"
        );
        assert_eq!(w.describe(Path::new("in/按语.md")), "按语.md（按语）");
        assert_eq!(w.describe(Path::new("in/c.xlsx")), "c.xlsx");
    }

    #[test]
    fn rebuilds_once_after_changes_settle() {
        let quiet = Duration::from_secs(2);
        let t0 = Instant::now();
        let mut s = Settle::default();
        assert_eq!(s.wait(t0, quiet), None);
        assert!(!s.ready(t0 + quiet * 10, quiet));
        s.add(BTreeSet::from([PathBuf::from("a.xlsx")]), t0);
        s.add(BTreeSet::new(), t0 + Duration::from_secs(1)); // ignored events don't extend
        assert!(!s.ready(t0 + Duration::from_secs(1), quiet));
        s.add(
            BTreeSet::from([PathBuf::from("b.xlsx")]),
            t0 + Duration::from_secs(1),
        );
        assert_eq!(
            s.wait(t0 + Duration::from_secs(2), quiet),
            Some(Duration::from_secs(1))
        );
        assert!(!s.ready(t0 + Duration::from_secs(2), quiet));
        assert!(s.ready(t0 + Duration::from_secs(3), quiet));
        assert_eq!(s.take().len(), 2);
        assert!(!s.ready(t0 + Duration::from_secs(9), quiet));
    }
}
