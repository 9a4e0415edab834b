//! The Windows console (issue 11). Rust's std already writes UTF-8 text to a Windows console
//! through the wide API (WriteConsoleW) and reads typed lines with ReadConsoleW, so Chinese
//! shows correctly in cmd.exe and PowerShell whatever the code page; redirected output stays
//! UTF-8 bytes. What std does not do is turn on escape-sequence processing: without it the
//! colours of `check` and the progress bar print as raw `←[31m` on an older console. `prepare`
//! turns it on, and where the console refuses (Windows 7/8, old conhost) switches colour and
//! progress off for this run.

/// Call first thing in `main`, before any thread starts.
pub fn prepare() {
    #[cfg(windows)]
    if !win::enable_escape_sequences() {
        // SAFETY: called at the start of main, before any other thread exists.
        unsafe {
            std::env::set_var("NO_COLOR", "1");
            std::env::set_var("TONGBAO_NO_PROGRESS", "1");
        }
    }
}

/// Whether this process is alone on its console — Explorer made the console for it (a
/// double-click or a drop), so the window closes as soon as the program ends.
pub fn owns_console() -> bool {
    #[cfg(windows)]
    return win::console_process_count() == 1;
    #[cfg(not(windows))]
    false
}

#[cfg(windows)]
mod win {
    type Handle = *mut core::ffi::c_void;
    const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
    const STD_ERROR_HANDLE: u32 = -12i32 as u32;
    const ENABLE_VIRTUAL_TERMINAL_PROCESSING: u32 = 0x0004;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        fn GetStdHandle(which: u32) -> Handle;
        fn GetConsoleMode(h: Handle, mode: *mut u32) -> i32;
        fn SetConsoleMode(h: Handle, mode: u32) -> i32;
    }

    pub fn console_process_count() -> u32 {
        let mut ids = [0u32; 4];
        // SAFETY: the buffer holds 4 ids and we say so.
        unsafe { GetConsoleProcessList(ids.as_mut_ptr(), 4) }
    }

    /// true when stdout and stderr are not consoles (nothing to do) or accepted VT mode.
    pub fn enable_escape_sequences() -> bool {
        [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE]
            .into_iter()
            .all(|which| {
                // SAFETY: plain Win32 calls on this process's standard handles.
                unsafe {
                    let h = GetStdHandle(which);
                    let mut mode = 0u32;
                    if h.is_null() || GetConsoleMode(h, &mut mode) == 0 {
                        return true; // redirected: no console to configure
                    }
                    mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
                        || SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
                }
            })
    }
}
