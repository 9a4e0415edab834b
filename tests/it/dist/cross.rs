//! The release packages (issue 11), as `cargo xtask dist` wrote them to `dist/`: their contents
//! and checksums; `tongbao.exe` under Wine (`--version`, `init`, `template`, `check`, `build` of
//! the sample for 2026H1 and 2026, in folders with Chinese names) and the aarch64 binary under
//! qemu-aarch64 produce the same bytes as the Linux build.
//!
//! .ci/run builds the packages before the tests; without them (a developer who has not run
//! `cargo xtask dist`) these tests say so and pass; with CI set they fail.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tongbao");
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A package in dist/, or None (skip) outside CI.
fn package(suffix: &str, ext: &str) -> Option<PathBuf> {
    let p = root().join(format!("dist/tongbao-{VERSION}-{suffix}.{ext}"));
    if p.is_file() {
        return Some(p);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI 中应先运行 cargo xtask dist（.ci/run）：缺少 {}",
        p.display()
    );
    eprintln!("跳过：没有 {}（先运行 cargo xtask dist）", p.display());
    None
}

/// A tool the test needs: present, or (outside CI) skip.
fn tool(path: &str) -> bool {
    if Path::new(path).exists() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI 中应已安装 {path}（.ci/run）"
    );
    eprintln!("跳过：没有 {path}");
    false
}

fn unpack(pkg: &Path, into: &Path) -> PathBuf {
    let name = pkg.file_name().unwrap().to_string_lossy().into_owned();
    if name.ends_with(".zip") {
        let file = std::fs::File::open(pkg).unwrap();
        zip::ZipArchive::new(file).unwrap().extract(into).unwrap();
    } else {
        let ok = Command::new("tar")
            .arg("xzf")
            .arg(pkg)
            .arg("-C")
            .arg(into)
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let top = name.trim_end_matches(".zip").trim_end_matches(".tar.gz");
    into.join(top)
}

/// Every file under `dir` (relative path → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn assert_same_tree(a: &Path, b: &Path) {
    let (ta, tb) = (tree(a), tree(b));
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        tb.keys().collect::<Vec<_>>(),
        "{} vs {}",
        a.display(),
        b.display()
    );
    for (k, v) in &ta {
        assert!(v == &tb[k], "{k} 不同：{} vs {}", a.display(), b.display());
    }
    assert!(ta.contains_key("results.json") && ta.contains_key("summary.xlsx"));
}

fn ok(out: Output, what: &str) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what}: {:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The sample built for 2026H1 and 2026 into `输出/<label>/` (with `自定义模板` as `--templates`
/// when that folder exists in the work folder `cwd`).
fn builds(run: &dyn Fn(&[&str]) -> Output, label: &str, cwd: &Path) {
    let templates = cwd.join("自定义模板").is_dir();
    for (period, as_of) in [("2026H1", "2026-07-15"), ("2026", "2027-01-12")] {
        let out = format!("输出/{label}");
        let args = ["--config", "示例/tongbao.toml", "build", "--period", period];
        let mut args: Vec<&str> = args.to_vec();
        args.extend(["--as-of", as_of, "--doc-number", "12", "--out", &out]);
        if templates {
            args.extend(["--templates", "自定义模板"]);
        }
        ok(run(&args), &format!("{label} build {period}"));
    }
}

fn host(cwd: &Path) -> impl Fn(&[&str]) -> Output + '_ {
    move |args| {
        Command::new(BIN)
            .args(args)
            .current_dir(cwd)
            .env("TONGBAO_NO_PROGRESS", "1")
            .output()
            .unwrap()
    }
}

#[test]
fn packages_hold_the_program_the_guide_the_sample_and_checksums() {
    let sums = root().join("dist/SHA256SUMS");
    for (suffix, ext, exe) in [
        ("windows-x86_64", "zip", "tongbao.exe"),
        ("linux-x86_64", "tar.gz", "tongbao"),
        ("linux-aarch64", "tar.gz", "tongbao"),
    ] {
        let Some(pkg) = package(suffix, ext) else {
            return;
        };
        let tmp = tempfile::tempdir().unwrap();
        let top = unpack(&pkg, tmp.path());
        let files = tree(&top);
        for want in [exe, "使用说明.html", "LICENSE", "示例/tongbao.toml"] {
            assert!(files.contains_key(want), "{suffix}: 缺少 {want}");
        }
        assert!(files.keys().any(|k| k.starts_with("示例/inbox/2026/")));
        assert!(!files.keys().any(|k| k.contains("bcryptprimitives")));
        assert_eq!(files.contains_key("tongbao.desktop"), ext == "tar.gz");
        let guide = String::from_utf8_lossy(&files["使用说明.html"]).into_owned();
        assert!(guide.contains("按回车键退出") && !guide.contains("<script"));
        let digest: String = Sha256::digest(std::fs::read(&pkg).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let name = pkg.file_name().unwrap().to_string_lossy().into_owned();
        let listed = std::fs::read_to_string(&sums).unwrap();
        assert!(listed.contains(&format!("{digest}  {name}\n")), "{listed}");
    }
}

/// A shell for Wine: a prefix under target/tmp (kept between runs), the test-only
/// bcryptprimitives shim beside a copy of the exe, no Mono/Gecko prompts.
struct Wine {
    prefix: PathBuf,
    exe: PathBuf,
}

impl Wine {
    fn new(exe_dir: &Path) -> Wine {
        let shim = exe_dir.join("bcryptprimitives.dll");
        let built = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-shared", "-O2", "-o"])
            .arg(&shim)
            .arg(root().join("tests/wine/bcryptprimitives.c"))
            .arg("-ladvapi32")
            .status()
            .unwrap();
        assert!(built.success(), "shim");
        Wine {
            prefix: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wine-prefix"),
            exe: exe_dir.join("tongbao.exe"),
        }
    }
    fn run(&self, cwd: &Path, args: &[&str]) -> Output {
        Command::new("/usr/bin/wine")
            .arg(&self.exe)
            .args(args)
            .current_dir(cwd)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=;bcryptprimitives=n,b")
            .env("TONGBAO_NO_PROGRESS", "1")
            .output()
            .unwrap()
    }
}

/// Only Windows' own DLLs: the mingw runtime is linked in statically.
fn assert_no_foreign_dll(exe: &Path) {
    let out = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(exe)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let dlls: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("DLL Name: "))
        .collect();
    assert!(!dlls.is_empty(), "objdump: {text}");
    for dll in dlls {
        assert!(!dll.to_lowercase().starts_with("lib"), "{dll} 不是系统 DLL");
    }
}

#[test]
fn windows_package_runs_under_wine_with_the_same_results() {
    let Some(pkg) = package("windows-x86_64", "zip") else {
        return;
    };
    if !tool("/usr/bin/wine") || !tool("/usr/bin/x86_64-w64-mingw32-gcc") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let top = unpack(&pkg, tmp.path());
    assert_no_foreign_dll(&top.join("tongbao.exe"));
    // A work folder with a Chinese name, the program copied beside its sample.
    let work = tmp.path().join("保卫处 工作");
    std::fs::rename(&top, &work).unwrap();
    let wine = Wine::new(&work);
    let version = ok(wine.run(&work, &["--version"]), "--version");
    assert!(version.contains(&format!("tongbao {VERSION}")), "{version}");

    let init = ok(wine.run(&work, &["init", "新建文件夹"]), "init");
    assert!(init.contains("tongbao.toml"), "{init}");
    assert!(work.join("新建文件夹/tongbao.toml").is_file());
    assert!(work.join("新建文件夹/模板").is_dir());
    let args = ["--config", "示例/tongbao.toml", "template", "--out", "模板"];
    ok(wine.run(&work, &args), "template");
    ok(
        host(&work)(&[
            "--config",
            "示例/tongbao.toml",
            "template",
            "--out",
            "模板-linux",
        ]),
        "t",
    );
    assert_eq!(tree(&work.join("模板")), tree(&work.join("模板-linux")));

    let check = ok(
        wine.run(
            &work,
            &[
                "--config",
                "示例\\tongbao.toml",
                "check",
                "示例\\inbox\\2026",
            ],
        ),
        "check",
    );
    assert!(check.contains("信息系2026安全台账.xlsx"), "{check}");

    // A path longer than Windows' old 260-character limit, Chinese all the way.
    let deep: PathBuf = std::iter::repeat_n("很长的文件夹名称很长的文件夹名称", 18).collect();
    std::fs::create_dir_all(work.join(&deep)).unwrap();
    let ledger = "信息系2026安全台账.xlsx";
    std::fs::copy(
        work.join("示例/inbox/2026").join(ledger),
        work.join(&deep).join(ledger),
    )
    .unwrap();
    let long = work.join(&deep).join(ledger);
    assert!(long.to_string_lossy().encode_utf16().count() > 300);
    let deep_arg = deep.join(ledger).to_string_lossy().replace('/', "\\");
    let check = ok(
        wine.run(
            &work,
            &["--config", "示例/tongbao.toml", "check", &deep_arg],
        ),
        "long",
    );
    assert!(
        check.contains(ledger) && !check.contains("无法打开"),
        "{check}"
    );

    // --templates from a folder with a Chinese name: the override shows in both builds.
    std::fs::create_dir(work.join("自定义模板")).unwrap();
    let md = std::fs::read_to_string(root().join("templates/bulletin.md.tera")).unwrap();
    std::fs::write(
        work.join("自定义模板/bulletin.md.tera"),
        format!("{md}\n自定义模板生效\n"),
    )
    .unwrap();
    builds(&|a| wine.run(&work, a), "windows", &work);
    builds(&host(&work), "linux", &work);
    let bulletin = work.join("输出/windows/2026H1/bulletin.md");
    assert!(
        std::fs::read_to_string(bulletin)
            .unwrap()
            .contains("自定义模板生效")
    );
    for period in ["2026H1", "2026"] {
        assert_same_tree(
            &work.join("输出/windows").join(period),
            &work.join("输出/linux").join(period),
        );
    }
}

#[test]
fn aarch64_package_builds_the_sample_under_qemu() {
    let Some(pkg) = package("linux-aarch64", "tar.gz") else {
        return;
    };
    if !tool("/usr/bin/qemu-aarch64") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let work = unpack(&pkg, tmp.path());
    let exe = work.join("tongbao");
    let qemu = |args: &[&str]| {
        Command::new("/usr/bin/qemu-aarch64")
            .arg(&exe)
            .args(args)
            .current_dir(&work)
            .env("TONGBAO_NO_PROGRESS", "1")
            .output()
            .unwrap()
    };
    let version = ok(qemu(&["--version"]), "--version");
    assert!(version.contains(VERSION), "{version}");
    builds(&qemu, "aarch64", &work);
    builds(&host(&work), "linux", &work);
    for period in ["2026H1", "2026"] {
        assert_same_tree(
            &work.join("输出/aarch64").join(period),
            &work.join("输出/linux").join(period),
        );
    }
}
