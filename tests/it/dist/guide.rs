//! The staff guide `docs/使用说明.md` (rendered into every package as 使用说明.html) explains
//! every finding code the README lists, the menu the program shows, and the packages' names.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn the_guide_explains_every_finding_code() {
    let readme = read("README.md");
    let guide = read("docs/使用说明.md");
    let section = readme
        .split("### 问题代码（findings.code）")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("README 问题代码一节");
    let codes: Vec<&str> = section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'))
        .collect();
    assert!(codes.len() >= 19, "{codes:?}");
    for code in codes {
        assert!(
            guide.contains(&format!("| `{code}` |")),
            "使用说明缺少问题代码 {code}"
        );
    }
}

#[test]
fn the_guide_shows_the_menu_the_program_shows() {
    let guide = read("docs/使用说明.md");
    let menu = read("src/cmd/menu.rs");
    for item in [
        "1  检查收件文件夹",
        "2  生成上半年/下半年/年度通报",
        "3  生成空白模板（模板 文件夹）",
        "4  打开最新通报",
        "1  在这里新建工作文件夹（配置、收件文件夹、空白模板和使用说明）",
        "2  试用示例数据（示例 文件夹）",
    ] {
        assert!(menu.contains(item), "menu.rs: {item}");
        assert!(guide.contains(item), "使用说明: {item}");
    }
    for pkg in [
        "windows-x86_64.zip",
        "linux-x86_64.tar.gz",
        "linux-aarch64.tar.gz",
    ] {
        assert!(guide.contains(pkg), "{pkg}");
    }
}
