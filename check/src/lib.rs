//! check.html's WebAssembly module: plain C-ABI exports around `tongbao_core::check`, bytes in
//! and JSON out, driven by the hand-written glue `templates/check/engine.js` (the same file runs
//! in the page's Worker and under Node in the tests). No wasm-bindgen: nothing to install or pin,
//! no generated JS to keep in step.
//!
//! Protocol (every length in bytes, every text UTF-8):
//! 1. `tb_alloc(len)` → pointer; the caller writes `len` bytes there.
//! 2. `tb_init(ptr, len)` with the page's data JSON (`tb-data`): 0 ready, 1 refused (the reason
//!    is the output). The buffer is taken over and freed.
//! 3. `tb_check(file_ptr, file_len, name_ptr, name_len, as_of_ptr, as_of_len)`: the three
//!    buffers are taken over (the file's bytes are not copied); 0 done, 1 refused.
//! 4. `tb_trapped(name_ptr, name_len, size)` on a fresh instance after a trap: the report of an
//!    unreadable file (as the CLI reports a reader's panic).
//! 5. `tb_out_ptr()` / `tb_out_len()`: the output JSON of the last call, valid until the next.
//!
//! `tb_free(ptr, len)` frees a buffer from `tb_alloc` that was not handed over. The core never
//! panics on input (outputs.md "Settled" 6); a trap (out of memory) leaves the instance unusable,
//! and the glue starts a fresh one.

use std::cell::RefCell;
use tongbao_core::check::{self, Prepared};

thread_local! {
    static READY: RefCell<Option<Prepared>> = const { RefCell::new(None) };
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the caller to fill.
#[unsafe(no_mangle)]
pub extern "C" fn tb_alloc(len: usize) -> *mut u8 {
    let mut v: Vec<u8> = Vec::with_capacity(len.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Free a buffer from `tb_alloc` that was not handed to `tb_init` / `tb_check`.
///
/// # Safety
/// `ptr` and `len` must be from one `tb_alloc(len)` call, not yet freed or handed over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_free(ptr: *mut u8, len: usize) {
    // SAFETY: the caller passes back what `tb_alloc(len)` returned (capacity len.max(1)).
    drop(unsafe { Vec::from_raw_parts(ptr, 0, len.max(1)) });
}

/// Take over a buffer filled by the caller.
///
/// # Safety
/// As `tb_free`, and the first `len` bytes written.
unsafe fn take(ptr: *mut u8, len: usize) -> Vec<u8> {
    // SAFETY: see above; the first `len` bytes are initialised by the caller.
    unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) }
}

fn set_out(text: String) {
    OUT.with(|o| *o.borrow_mut() = text.into_bytes());
}

/// Read the page's data; 0 ready, 1 refused (the reason as `{"error"}` output).
///
/// # Safety
/// `ptr`/`len` from `tb_alloc(len)`, filled; taken over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_init(ptr: *mut u8, len: usize) -> u32 {
    // SAFETY: forwarded from the caller's contract.
    let bytes = unsafe { take(ptr, len) };
    let (status, out) = init(&bytes);
    set_out(out);
    status
}

/// Check one file; 0 done (the report as output), 1 refused (`{"error"}`).
///
/// # Safety
/// Each pointer/length pair from `tb_alloc(len)`, filled; all three taken over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_check(
    file_ptr: *mut u8,
    file_len: usize,
    name_ptr: *mut u8,
    name_len: usize,
    as_of_ptr: *mut u8,
    as_of_len: usize,
) -> u32 {
    // SAFETY: forwarded from the caller's contract.
    let (file, name, as_of) = unsafe {
        (
            take(file_ptr, file_len),
            take(name_ptr, name_len),
            take(as_of_ptr, as_of_len),
        )
    };
    let (status, out) = run_check(
        file,
        &String::from_utf8_lossy(&name),
        &String::from_utf8_lossy(&as_of),
    );
    set_out(out);
    status
}

/// The report for a file whose `tb_check` trapped (called on a fresh instance): `size` is the
/// file's length in bytes. Takes over the name buffer.
///
/// # Safety
/// `name_ptr`/`name_len` from `tb_alloc(name_len)`, filled; taken over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_trapped(name_ptr: *mut u8, name_len: usize, size: f64) -> u32 {
    // SAFETY: forwarded from the caller's contract.
    let name = unsafe { take(name_ptr, name_len) };
    let report = check::trapped(&String::from_utf8_lossy(&name), size as u64);
    set_out(serde_json::to_string(&report).unwrap_or_else(|e| check::error_json(&e.to_string())));
    0
}

/// The output of the last call.
#[unsafe(no_mangle)]
pub extern "C" fn tb_out_ptr() -> *const u8 {
    OUT.with(|o| o.borrow().as_ptr())
}

/// The output's length in bytes.
#[unsafe(no_mangle)]
pub extern "C" fn tb_out_len() -> usize {
    OUT.with(|o| o.borrow().len())
}

/// `tb_init` without the pointers (native tests).
pub fn init(data: &[u8]) -> (u32, String) {
    let text = String::from_utf8_lossy(data);
    match Prepared::from_json(&text) {
        Ok(p) => {
            READY.with(|r| *r.borrow_mut() = Some(p));
            (0, "{}".to_string())
        }
        Err(why) => (1, check::error_json(&why)),
    }
}

/// `tb_check` without the pointers (native tests).
pub fn run_check(file: Vec<u8>, name: &str, as_of: &str) -> (u32, String) {
    READY.with(|r| match r.borrow().as_ref() {
        Some(p) => (0, check::check_json(p, file, name, as_of)),
        None => (1, check::error_json("检查模块尚未载入本次通报的数据")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_before_init_and_bad_data() {
        assert_eq!(run_check(Vec::new(), "a.xlsx", "2026-07-15").0, 1);
        let (status, out) = init(b"{");
        assert_eq!(status, 1);
        assert!(out.contains("页面内嵌的数据无法读取"), "{out}");
    }

    #[test]
    fn buffers_cross_the_boundary() {
        let text = b"2026-07-15";
        let p = tb_alloc(text.len());
        // SAFETY: p has room for text.len() bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), p, text.len());
            assert_eq!(take(p, text.len()), text);
            tb_free(tb_alloc(0), 0);
        }
    }
}
