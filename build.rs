//! check.html's WebAssembly module (issue 12): `tongbao-check` built for wasm32 by a nested
//! cargo (`check/wasm_build.rs`), or taken from `TONGBAO_CHECK_WASM=path` (`cargo xtask dist`
//! builds it once for every package), copied to `$OUT_DIR/check.wasm` for `include_bytes!`.
//! When it cannot be built (no wasm32 target), the file is empty, a warning says so and
//! check.html says that this build has no checker. `TONGBAO_CHECK_WASM=none` skips it on purpose.
//!
//! Windows builds only (issue 11): a version resource (file properties: 产品名称, 版本, 说明) and
//! the icon `assets/tongbao.ico`, compiled by mingw's windres and linked into tongbao.exe.
//! Other targets: nothing. Without windres the exe is built without them (a warning says so).

use std::path::PathBuf;
use std::process::Command;

#[path = "check/wasm_build.rs"]
mod wasm_build;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/tongbao.ico");
    check_wasm();
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let icon = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("assets")
        .join("tongbao.ico");
    let rc = out.join("tongbao.rc");
    let obj = out.join("tongbao-res.o");
    if std::fs::write(&rc, resource_script(&version, &icon.to_string_lossy())).is_err() {
        return;
    }
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let ok = Command::new(&windres)
        .args(["--codepage=65001", "-O", "coff", "-i"])
        .arg(&rc)
        .arg("-o")
        .arg(&obj)
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        println!("cargo:rustc-link-arg-bins={}", obj.display());
    } else {
        println!("cargo:warning={windres} failed: tongbao.exe has no icon or version resource");
    }
}

/// `$OUT_DIR/check.wasm`: the module, or empty when there is none (see the header).
fn check_wasm() {
    for path in [
        "core/src",
        "core/Cargo.toml",
        "check/src",
        "check/Cargo.toml",
        "check/wasm_build.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-env-changed=TONGBAO_CHECK_WASM");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("check.wasm");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let built = match std::env::var("TONGBAO_CHECK_WASM") {
        Ok(v) if v == "none" => Err("TONGBAO_CHECK_WASM=none".to_string()),
        Ok(v) if !v.is_empty() => {
            println!("cargo:rerun-if-changed={v}");
            Ok(PathBuf::from(v))
        }
        _ => {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            wasm_build::build(&root, &cargo)
        }
    };
    let bytes = built.and_then(|p| std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display())));
    let bytes = match bytes {
        Ok(b) => b,
        Err(why) => {
            println!(
                "cargo:warning=check.html has no checker in this build (rustup target add {} ?): {why}",
                wasm_build::WASM_TARGET
            );
            Vec::new()
        }
    };
    if let Err(e) = std::fs::write(&out, bytes) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

fn resource_script(version: &str, icon: &str) -> String {
    let mut nums: Vec<u16> = version
        .split(['.', '-'])
        .map_while(|p| p.parse().ok())
        .collect();
    nums.resize(4, 0);
    let comma = nums
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let icon = icon.replace('\\', "/");
    format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {comma}
PRODUCTVERSION {comma}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404B0"
    BEGIN
      VALUE "CompanyName", "tongbao"
      VALUE "FileDescription", "tongbao 安全工作台账汇总与通报"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "tongbao"
      VALUE "LegalCopyright", "MIT License"
      VALUE "OriginalFilename", "tongbao.exe"
      VALUE "ProductName", "tongbao（通报）"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x804, 1200
  END
END
"#
    )
}
