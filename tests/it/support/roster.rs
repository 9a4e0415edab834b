//! THE test roster: the one school every test uses unless it tests the roster itself — 测试学院
//! with 信息工程系 (alias 信息系), 机电工程系, 学生处; leaders 王某某 and 李某某; the two
//! semesters of 2026 (2026-02-23–07-10, 2026-09-01–2027-01-15). As TOML (`ROSTER`, for the
//! binary's tongbao.toml) and as a `Config` (`roster()`), plus `config()` for a test that needs
//! other units (an unknown-unit case, a hostile unit name).

use std::path::Path;
use tongbao::config::Config;

/// The semesters of the test year, as TOML (a macro so that `ROSTER` can `concat!` it).
macro_rules! semesters {
    () => {
        r#"
[[semesters]]
name = "2025-2026学年第二学期"
start = 2026-02-23
end = 2026-07-10

[[semesters]]
name = "2026-2027学年第一学期"
start = 2026-09-01
end = 2027-01-15
"#
    };
}

/// The semesters of the test year, as TOML.
pub const SEMESTERS: &str = semesters!();

/// The test roster as tongbao.toml text (`SEMESTERS` at the end).
pub const ROSTER: &str = concat!(
    r#"
[school]
name = "测试学院"
doc_prefix = "测院"

[[units]]
name = "信息工程系"
kind = "系部"
aliases = ["信息系"]

[[units]]
name = "机电工程系"
kind = "系部"

[[units]]
name = "学生处"
kind = "部门"

[[leaders]]
name = "王某某"

[[leaders]]
name = "李某某"
"#,
    semesters!()
);

/// `ROSTER` as a `Config`.
pub fn roster() -> Config {
    tongbao::config::from_toml_str(ROSTER, Path::new(".")).unwrap()
}

/// tongbao.toml text of 测试学院 with these (name, kind, aliases) units and leader names, no
/// semesters.
pub fn toml(units: &[(&str, &str, &[&str])], leaders: &[&str]) -> String {
    let mut t = String::from("[school]\nname = \"测试学院\"\n");
    for (name, kind, aliases) in units {
        let a: Vec<String> = aliases.iter().map(|x| format!("\"{x}\"")).collect();
        t.push_str(&format!(
            "[[units]]\nname = \"{name}\"\nkind = \"{kind}\"\naliases = [{}]\n",
            a.join(", ")
        ));
    }
    for l in leaders {
        t.push_str(&format!("[[leaders]]\nname = \"{l}\"\n"));
    }
    t
}

/// `toml(units, leaders)` as a `Config`.
pub fn config(units: &[(&str, &str, &[&str])], leaders: &[&str]) -> Config {
    tongbao::config::from_toml_str(&toml(units, leaders), Path::new(".")).unwrap()
}

/// An empty roster (as in `check` without a config).
pub fn no_roster() -> Config {
    config(&[], &[])
}
