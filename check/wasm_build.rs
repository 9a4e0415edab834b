//! Building check.html's WebAssembly module, shared by the root build.rs (which embeds it) and
//! `cargo xtask dist` (which builds it once and hands it to every cross build through
//! `TONGBAO_CHECK_WASM`): `cargo build -p tongbao-check --target wasm32-unknown-unknown
//! --profile wasm` into its own target folder (no lock on the outer one), then `wasm-opt -Oz`
//! when binaryen is on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The rustup target the module is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Environment of an outer cargo run that must not reach the nested one: flags and targets meant
/// for the native build, clippy's wrapper, the outer target folder.
const CLEARED: [&str; 9] = [
    "CARGO_ENCODED_RUSTFLAGS",
    "RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "CARGO_BUILD_TARGET",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "RUSTC_WORKSPACE_WRAPPER",
    "CARGO_PRIMARY_PACKAGE",
    "CARGO_ENCODED_RUSTDOCFLAGS",
];

/// The module's own target folder: `<target>/check-wasm`.
pub fn target_dir(root: &Path) -> PathBuf {
    let outer = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    outer.join("check-wasm")
}

/// Build the module from the workspace at `root`; returns the path of the optimised (or, without
/// wasm-opt, the plain) module, or why it could not be built.
pub fn build(root: &Path, cargo: &str) -> Result<PathBuf, String> {
    let dir = target_dir(root);
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args([
            "build",
            "-p",
            "tongbao-check",
            "--lib",
            "--target",
            WASM_TARGET,
        ])
        .args(["--profile", "wasm", "--target-dir"])
        .arg(&dir);
    for key in CLEARED {
        cmd.env_remove(key);
    }
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("CARGO_PROFILE_") {
            cmd.env_remove(key.as_ref());
        }
    }
    let out = cmd.output().map_err(|e| format!("{cargo}: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(6).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(tail.join(" | "));
    }
    let raw = dir
        .join(WASM_TARGET)
        .join("wasm")
        .join("tongbao_check.wasm");
    let opt = dir.join("tongbao_check.opt.wasm");
    let fresh = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if fresh(&opt).is_some() && fresh(&opt) >= fresh(&raw) {
        return Ok(opt);
    }
    // Only the module's own exports stay, so that wasm-opt drops what dependencies built for
    // wasm-bindgen left behind (their descriptor functions are exported, and so kept, otherwise).
    let bytes = std::fs::read(&raw).map_err(|e| format!("{}: {e}", raw.display()))?;
    let own = keep_exports(&bytes, |name| name.starts_with("tb_") || name == "memory")
        .ok_or_else(|| format!("{}: not a WebAssembly module", raw.display()))?;
    let raw = dir.join("tongbao_check.own.wasm");
    std::fs::write(&raw, own).map_err(|e| format!("{}: {e}", raw.display()))?;
    let optimised = Command::new("wasm-opt")
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args([
            "--enable-bulk-memory",
            "--enable-sign-ext",
            "--enable-mutable-globals",
        ])
        .args([
            "--enable-nontrapping-float-to-int",
            "--enable-reference-types",
        ])
        .args(["--enable-multivalue"])
        .arg(&raw)
        .arg("-o")
        .arg(&opt)
        .status()
        .is_ok_and(|s| s.success());
    Ok(if optimised { opt } else { raw })
}

/// The module with only the exports whose name `keep` accepts (export section rewritten, every
/// other section as it was); None when the bytes are not a well-formed module.
pub fn keep_exports(wasm: &[u8], keep: impl Fn(&str) -> bool) -> Option<Vec<u8>> {
    let mut out = wasm.get(..8)?.to_vec();
    let mut pos = 8;
    while pos < wasm.len() {
        let id = *wasm.get(pos)?;
        let (size, n) = leb(wasm.get(pos + 1..)?)?;
        let start = pos + 1 + n;
        let body = wasm.get(start..start.checked_add(size as usize)?)?;
        if id == 7 {
            let (count, mut at) = leb(body)?;
            let mut kept = Vec::new();
            let mut entries = Vec::new();
            for _ in 0..count {
                let (len, n) = leb(body.get(at..)?)?;
                let name_end = at + n + len as usize;
                let name = std::str::from_utf8(body.get(at + n..name_end)?).ok()?;
                let (_, m) = leb(body.get(name_end + 1..)?)?;
                let end = name_end + 1 + m;
                if keep(name) {
                    entries.extend_from_slice(body.get(at..end)?);
                    kept.push(());
                }
                at = end;
            }
            let mut section = put_leb(kept.len() as u32);
            section.extend(entries);
            out.push(7);
            out.extend(put_leb(section.len() as u32));
            out.extend(section);
        } else {
            out.extend_from_slice(wasm.get(pos..start + size as usize)?);
        }
        pos = start + size as usize;
    }
    Some(out)
}

/// An unsigned LEB128 and its length in bytes.
fn leb(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for (i, b) in bytes.iter().take(5).enumerate() {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

fn put_leb(mut v: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}
