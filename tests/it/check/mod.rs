//! check.html (issue 12): the page the build writes, its WebAssembly checker under Node against
//! `tongbao check --json` on the same files (`node`), and the page in headless Chromium driven
//! over the DevTools protocol (`browser`). Node and Chromium are installed by .ci/run: under CI
//! their absence fails, elsewhere the test says it skipped.

mod browser;
#[path = "../../check/cdp.rs"]
pub mod cdp;
mod node;
mod page;

use crate::support::books::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The sample's config, period and as-of: the page is built from them, and `check --json` runs
/// with them.
pub const PERIOD: &str = "2026H1";
pub const AS_OF: &str = "2026-07-15";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_config() -> PathBuf {
    root().join("sample-data/tongbao.toml")
}

/// Build the sample's H1 into `dir/public`; the path of its check.html.
pub fn build_page(dir: &Path) -> PathBuf {
    let out = dir.join("public");
    let o = assert_cmd::Command::cargo_bin("tongbao")
        .unwrap()
        .arg("--config")
        .arg(sample_config())
        .arg("--out")
        .arg(&out)
        .arg("--inbox")
        .arg(root().join("sample-data/inbox/2026"))
        .args(["build", "--period", PERIOD, "--as-of", AS_OF])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out.join("check.html")
}

/// The page has the real module: always under CI (where .ci/run adds the wasm32 target).
pub fn has_checker(html: &str) -> bool {
    let start = html.find("id=\"tb-wasm\">").unwrap() + "id=\"tb-wasm\">".len();
    let has = !html[start..].starts_with("</script>");
    assert!(
        has || std::env::var_os("CI").is_none(),
        "CI 中 check.html 必须含检查模块（.ci/run 负责 rustup target add wasm32-unknown-unknown）"
    );
    has
}

/// `tool` exists; under CI its absence is a failure, elsewhere the caller skips.
pub fn tool(path: &str) -> bool {
    let found = Command::new(path).arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI 中应已安装 {path}（.ci/run 负责安装）"
    );
    if !found {
        println!("跳过：未安装 {path}");
    }
    found
}

/// A ledger whose 隐患排查 sheet inflates to 60 MB of repeated rows (ratio far above the
/// limit): refused before anything inflates it.
pub fn zip_bomb() -> Vec<u8> {
    use std::io::{Read, Write};
    let good = ledger("机电工程系", 2026, d(2026, 7, 3)).to_bytes();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        w.start_file(name.as_str(), opts).unwrap();
        if name == "xl/worksheets/sheet4.xml" {
            w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").unwrap();
            let row =
                "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(1000);
            for _ in 0..(60 << 20) / row.len() {
                w.write_all(row.as_bytes()).unwrap();
            }
            w.write_all(b"</sheetData></worksheet>").unwrap();
        } else {
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            w.write_all(&data).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

/// Hostile and awkward files, written into `dir`: each name says what it is.
pub fn hostile_files(dir: &Path) -> Vec<PathBuf> {
    let good = ledger("机电工程系", 2026, d(2026, 7, 3)).to_bytes();
    let mut random = Vec::with_capacity(4096);
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        random.push((x >> 16) as u8);
    }
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("空文件.xlsx", Vec::new()),
        ("随机字节.xlsx", random),
        ("截断.xlsx", good[..good.len() / 2].to_vec()),
        (
            "PDF改名.xlsx",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n".to_vec(),
        ),
        (
            "机电工程系（XFD1048576）.xlsx",
            ledger("机电工程系", 2026, d(2026, 7, 3))
                .cell(tongbao::schema::INSPECTIONS, 1_048_575, 16_383, "x")
                .to_bytes(),
        ),
        ("机电工程系（压缩炸弹）.xlsx", zip_bomb()),
        (
            "经济管理学院.xlsx",
            ledger("经济管理学院", 2026, d(2026, 7, 3)).to_bytes(),
        ),
        (
            "机电工程系（报送日期在后）.xlsx",
            ledger("机电工程系", 2026, d(2026, 12, 1)).to_bytes(),
        ),
        (
            "机电工程系（日期有误）.xlsx",
            ledger("机电工程系", 2026, d(2026, 7, 3))
                .cell(tongbao::schema::INSPECTIONS, 6, 0, "2026-02-30")
                .to_bytes(),
        ),
        (
            "机电工程系.ods",
            crate::support::xls_ods::ods(&ledger("机电工程系", 2026, d(2026, 7, 3))),
        ),
        (
            "机电工程系.xls",
            crate::support::xls_ods::xls(&ledger("机电工程系", 2026, d(2026, 7, 3))),
        ),
        (
            "<script>alert(1)<script>.xlsx",
            ledger("<img src=x onerror=alert(1)>", 2026, d(2026, 7, 3)).to_bytes(),
        ),
    ];
    let mut out: Vec<PathBuf> = files
        .into_iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect();
    out.push(root().join("tests/fixtures/ledger_jidian_2026.xls"));
    out
}

/// Every workbook of the sample inbox (what `build` reads: not 按语.md, the .docx notice or
/// Excel's ~$ lock file, which the CLI skips without reading).
pub fn sample_workbooks() -> Vec<PathBuf> {
    let dir = root().join("sample-data/inbox/2026");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
            !name.starts_with("~$")
                && matches!(
                    ext.as_deref(),
                    Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
                )
        })
        .collect();
    v.sort();
    v
}
