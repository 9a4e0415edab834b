//! The second integration binary (`cargo test --release --test memory`): the tests that measure
//! this process's peak memory (VmHWM, Linux) — a zip bomb, hostile .xls/.ods files, the
//! deterministic mutation run. They cannot live in `it`: VmHWM is per process, and there every
//! other test's allocations would count. Every test here holds `alone()`, so they run one at a
//! time, each from VmHWM reset to the current RSS. Same support tree as `it`.

#[macro_use]
#[path = "../it/support/mod.rs"]
mod support;

mod bomb;
mod hostile_xls;
mod mutation;

use std::sync::{Mutex, MutexGuard};

/// Peak resident set size of this process in KiB (Linux), 0 elsewhere.
pub fn vm_hwm_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Reset VmHWM to the current RSS (Linux: `5` into clear_refs).
pub fn reset_hwm() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Hold this for the whole test: no other test of this binary runs meanwhile, and VmHWM starts
/// from the current RSS.
pub fn alone() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    reset_hwm();
    guard
}
