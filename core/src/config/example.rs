//! The commented example `tongbao.toml` that `init` writes, generated from the `///` docs of the
//! config tables (`tables.rs`) and one example value: a small roster, this year's semesters, the
//! defaults of every rule. Nothing here names a key: a new field appears in the example with
//! its doc as soon as it is declared.

use super::section::{Section, Writer};
use super::tables::RawConfig;
use super::{
    BulletinCfg, CalendarCfg, CalendarYear, GradesCfg, LeaderCfg, RulesCfg, School, ScoringCfg,
    SemesterCfg, SuggestionsCfg, UnitCfg,
};
use crate::model::UnitKind;
use chrono::NaiveDate;

/// The opening comment of the file.
const HEADER: &str = "\
# tongbao 配置文件（tongbao init 生成）
#
# 以 # 开头的是说明，程序不读。改完后运行 `tongbao check inbox/{YEAR}` 检查配置和已收到的台账。
# 写法要点：文字加英文双引号 \"…\"；日期不加引号，写作 {YEAR}-03-05；
# 列表写在方括号里，用英文逗号分隔，如 [\"信息系\", \"信息工程学院\"]。
# 可不写的项删掉后，程序使用默认值；考核规则、处理建议、考核等次、年终考核分值中写出的就是默认值。";

/// The example config for `year` (semesters dated in that year), with every key documented.
pub fn example_toml(year: i32) -> String {
    let mut w = Writer::default();
    for line in HEADER.replace("{YEAR}", &year.to_string()).lines() {
        w.line(line);
    }
    example(year).write_fields(&mut w);
    w.finish()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn unit(name: &str, kind: UnitKind, aliases: &[&str], principal: Option<&str>) -> UnitCfg {
    UnitCfg {
        name: name.into(),
        kind,
        aliases: strings(aliases),
        principal: principal.map(String::from),
    }
}

/// The example value: what a new working folder starts from.
pub(super) fn example(year: i32) -> RawConfig {
    let school = "厦门城市职业学院";
    let next = year + 1;
    RawConfig {
        school: School {
            name: school.into(),
            issuer: Some(school.into()),
            doc_prefix: "厦城院综".into(),
            masthead: Some(format!("{school}文件")),
        },
        units: vec![
            unit(
                "信息工程系",
                UnitKind::AcademicDept,
                &["信息系", "信息工程学院"],
                Some("张某某"),
            ),
            unit("经济管理系", UnitKind::AcademicDept, &["经管系"], None),
            unit("后勤管理处", UnitKind::Department, &["后勤处"], None),
        ],
        leaders: vec![LeaderCfg {
            name: "王某某".into(),
            title: Some("党委书记".into()),
        }],
        semesters: vec![
            SemesterCfg {
                name: format!("{}-{year}学年第二学期", year - 1),
                start: date(year, 2, 23),
                end: date(year, 7, 10),
            },
            SemesterCfg {
                name: format!("{year}-{next}学年第一学期"),
                start: date(year, 9, 1),
                end: date(next, 1, 20),
            },
        ],
        calendar: CalendarCfg {
            year: vec![CalendarYear {
                year: next,
                holidays: vec![date(next, 1, 1), date(next, 10, 1)],
                makeup_workdays: vec![date(next, 9, 26)],
                source: Some(format!("国务院办公厅关于{next}年部分节假日安排的通知")),
            }],
            ..CalendarCfg::default()
        },
        rules: RulesCfg::default(),
        bulletin: BulletinCfg {
            cc: strings(&["市教育局"]),
            printed_by: format!("{school}党政办公室"),
            ..BulletinCfg::default()
        },
        suggestions: SuggestionsCfg::default(),
        grades: GradesCfg::default(),
        scoring: ScoringCfg::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::section::{Key, Shape};
    use std::path::Path;

    /// The example as it loads: the keys written commented out are absent.
    fn as_loaded(year: i32) -> RawConfig {
        let mut ex = example(year);
        ex.school.masthead = None;
        ex.calendar.year.clear();
        ex
    }

    fn loaded(text: &str) -> crate::config::Config {
        crate::config::from_toml_str(text, Path::new(".")).unwrap()
    }

    #[test]
    fn example_parses_back_to_its_value_and_the_defaults() {
        let cfg = loaded(&example_toml(2026));
        let ex = as_loaded(2026);
        assert_eq!(cfg.school, ex.school);
        assert_eq!(cfg.units, ex.units);
        assert_eq!(cfg.leaders, ex.leaders);
        assert_eq!(cfg.semesters, ex.semesters);
        assert_eq!(cfg.calendar, CalendarCfg::default());
        assert_eq!(cfg.bulletin, ex.bulletin);
        assert_eq!(cfg.rules, RulesCfg::default());
        assert_eq!(cfg.suggestions, SuggestionsCfg::default());
        assert_eq!(cfg.grades, GradesCfg::default());
        assert_eq!(cfg.scoring, ScoringCfg::default());
    }

    #[test]
    fn example_loads_like_the_handwritten_one_it_replaces() {
        // The example `init` wrote before it was generated, for 2026 (a test fixture now).
        let old = loaded(include_str!("example_2026_handwritten.toml"));
        let new = loaded(&example_toml(2026));
        assert_eq!(
            crate::config::Config {
                sha256: String::new(),
                ..new
            },
            crate::config::Config {
                sha256: String::new(),
                ..old
            }
        );
    }

    #[test]
    fn commented_samples_load_when_switched_on() {
        let text: String = example_toml(2026)
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with("masthead =") || is_sample(rest) => {
                    format!("{rest}\n")
                }
                _ => format!("{l}\n"),
            })
            .collect();
        let cfg = loaded(&text);
        let ex = example(2026);
        assert_eq!(cfg.school.masthead, ex.school.masthead);
        assert_eq!(cfg.calendar.year, ex.calendar.year);
    }

    fn is_sample(line: &str) -> bool {
        [
            "[[calendar.year]]",
            "year =",
            "holidays =",
            "makeup_workdays =",
            "source =",
        ]
        .iter()
        .any(|k| line.starts_with(k))
    }

    /// Every key of every table appears with its doc, so the example documents the whole file.
    #[test]
    fn every_key_is_written_with_its_doc() {
        let text = example_toml(2026);
        fn walk(keys: &'static [Key], text: &str, path: &str) {
            for k in keys {
                let full = if path.is_empty() {
                    k.name.to_string()
                } else {
                    format!("{path}.{}", k.name)
                };
                assert!(!k.doc.trim().is_empty(), "{full} has no /// doc");
                let first = k.doc.lines().next().unwrap_or("").trim();
                assert!(text.contains(first), "{full}: doc not written");
                match k.shape {
                    Shape::Leaf => assert!(
                        text.lines().any(|l| l
                            .trim_start_matches("# ")
                            .starts_with(&format!("{} = ", k.name))),
                        "{full} not written"
                    ),
                    Shape::Table(inner) | Shape::Tables(inner) => walk(inner, text, &full),
                }
            }
        }
        walk(RawConfig::KEYS, &text, "");
        assert!(!text.contains('{'), "placeholder left");
    }
}
