//! `cargo xtask dist`: the release packages in `dist/`, from this repository alone.
//!
//! For each target — Windows x86_64 (mingw, static), Linux x86_64 and aarch64 (musl, static) —
//! it builds `tongbao` in release mode (check.html's WebAssembly module is built once before, by
//! check/wasm_build.rs, and handed to each build as `TONGBAO_CHECK_WASM`), strips it, and packs
//! the binary with `使用说明.html` (rendered from `docs/使用说明.md`), the sample folder `示例/` (from `sample-data/`) and
//! `LICENSE` into `tongbao-<version>-<os>-<arch>.zip|.tar.gz`, then writes `SHA256SUMS`.
//! Packages are reproducible: entries sorted by path, fixed owners and modes, every timestamp
//! the last commit's time (or `SOURCE_DATE_EPOCH`).
//!
//! `cargo xtask dist --target windows` (or `linux-x86_64`, `linux-aarch64`; repeatable) builds
//! only those packages; `--no-build` packs the binaries already in target/<triple>/release;
//! `cargo xtask guide OUT.html` renders the staff guide alone; `cargo xtask deps` prints the
//! module cycles of the two crates and fails on one not in `deps::KNOWN_CYCLES`.

mod deps;
mod guide;
mod pack;
#[path = "../../check/wasm_build.rs"]
mod wasm_build;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// One package: Rust target triple, package suffix, binary name, strip tool.
struct Target {
    key: &'static str,
    triple: &'static str,
    suffix: &'static str,
    exe: &'static str,
    strip: &'static str,
}

const TARGETS: [Target; 3] = [
    Target {
        key: "windows",
        triple: "x86_64-pc-windows-gnu",
        suffix: "windows-x86_64",
        exe: "tongbao.exe",
        strip: "x86_64-w64-mingw32-strip",
    },
    Target {
        key: "linux-x86_64",
        triple: "x86_64-unknown-linux-musl",
        suffix: "linux-x86_64",
        exe: "tongbao",
        strip: "strip",
    },
    Target {
        key: "linux-aarch64",
        triple: "aarch64-unknown-linux-musl",
        suffix: "linux-aarch64",
        exe: "tongbao",
        strip: "aarch64-linux-gnu-strip",
    },
];

type Result<T> = std::result::Result<T, String>;

/// The Linux launcher: a terminal in the folder of the launcher, running `./tongbao`.
const DESKTOP: &str = "[Desktop Entry]\nType=Application\nName=tongbao 通报\n\
Comment=安全工作台账汇总与通报（双击打开菜单）\n\
Exec=sh -c 'cd \"$(dirname \"$1\")\" && exec ./tongbao' tongbao %k\nTerminal=true\n\
Categories=Office;\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist(&args[1..]),
        Some("guide") if args.len() == 2 => render_guide_to(Path::new(&args[1])),
        Some("deps") => deps::check(&root()),
        _ => Err(
            "usage: cargo xtask dist [--no-build] [--target windows|linux-x86_64|linux-aarch64]… \
                  | cargo xtask guide OUT.html | cargo xtask deps"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (xtask/'s parent).
fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

fn render_guide_to(out: &Path) -> Result<()> {
    let html = guide::render(&root())?;
    std::fs::write(out, html).map_err(|e| format!("{}: {e}", out.display()))
}

fn dist(args: &[String]) -> Result<()> {
    let mut wanted: Vec<&Target> = Vec::new();
    let no_build = args.iter().any(|a| a == "--no-build");
    let mut it = args.iter().filter(|a| *a != "--no-build");
    while let Some(a) = it.next() {
        match (a.as_str(), it.next()) {
            ("--target", Some(k)) => match TARGETS.iter().find(|t| t.key == k) {
                Some(t) => wanted.push(t),
                None => return Err(format!("unknown target {k}")),
            },
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if wanted.is_empty() {
        wanted = TARGETS.iter().collect();
    }
    let root = root();
    let version = pack::package_version(&root)?;
    let mtime = pack::source_date(&root);
    let common = pack::common_files(&root, guide::render(&root)?)?;
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut check_wasm = None;
    // check.html's WebAssembly module, built once for every package (each build.rs embeds it
    // from TONGBAO_CHECK_WASM); a package without the checker is not made.
    if !no_build {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let wasm = wasm_build::build(&root, &cargo)
            .map_err(|e| format!("check.html's WebAssembly module: {e}"))?;
        check_wasm = Some(wasm);
    }
    for t in wanted {
        let started = Instant::now();
        let exe = build(&root, t, no_build, check_wasm.as_deref())?;
        let name = format!("tongbao-{version}-{}", t.suffix);
        let bytes = std::fs::read(&exe).map_err(|e| format!("{}: {e}", exe.display()))?;
        // mingw's strip stamps the PE header with the current time: use the source date.
        let bytes = match t.triple.contains("windows") {
            true => pack::pe_timestamp(bytes, mtime),
            false => bytes,
        };
        let mut files = common.clone();
        files.push(pack::Entry::exe(t.exe, bytes));
        if !t.triple.contains("windows") {
            // Linux file managers start a program without a terminal: this launcher opens one
            // in the package folder, so a double-click shows the menu.
            files.push(pack::Entry::exe(
                "tongbao.desktop",
                DESKTOP.as_bytes().to_vec(),
            ));
        }
        let (file, data) = if t.triple.contains("windows") {
            (format!("{name}.zip"), pack::zip(&name, &files, mtime)?)
        } else {
            (
                format!("{name}.tar.gz"),
                pack::tar_gz(&name, &files, mtime)?,
            )
        };
        pack::write(&dist.join(&file), &data)?;
        eprintln!(
            "dist/{file}: {} bytes, {:.1} s",
            data.len(),
            started.elapsed().as_secs_f64()
        );
    }
    pack::write_sums(&dist)
}

/// `cargo build --release --target T` (unless `--no-build`: package what target/ holds), then
/// strip a copy; returns the stripped binary.
fn build(root: &Path, t: &Target, no_build: bool, wasm: Option<&Path>) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = match no_build {
        true => None,
        false => Some(
            Command::new(cargo)
                .current_dir(root)
                .args(["build", "--release", "--locked", "-p", "tongbao", "--bin"])
                .args(["tongbao", "--target", t.triple])
                .envs(wasm.map(|w| ("TONGBAO_CHECK_WASM", w)))
                .status()
                .map_err(|e| format!("cargo: {e}"))?,
        ),
    };
    if status.is_some_and(|s| !s.success()) {
        return Err(format!("cargo build --target {} failed", t.triple));
    }
    let built = root
        .join("target")
        .join(t.triple)
        .join("release")
        .join(t.exe);
    let stripped = built.with_extension("stripped");
    let status = Command::new(t.strip)
        .arg("-o")
        .arg(&stripped)
        .arg(&built)
        .status()
        .map_err(|e| format!("{}: {e}", t.strip))?;
    if !status.success() {
        return Err(format!("{} failed on {}", t.strip, built.display()));
    }
    Ok(stripped)
}
